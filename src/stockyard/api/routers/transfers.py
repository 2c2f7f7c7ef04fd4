"""Transfers: /api/v1/transfers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from stockyard.api.deps import over_database
from stockyard.api.paths import API_V1
from stockyard.api.routers._common import (
    IN_WAREHOUSE,
    LIST_ERRORS,
    READ_IN_WAREHOUSE,
    WRITE_ERRORS,
    InventoryReader,
    InventoryWriter,
    LocationFilter,
    PageCursor,
    PageLimit,
    TransferId,
    located,
)
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.transfers import Transfer, TransferCreate, TransferList
from stockyard.errors import catalog
from stockyard.inventory.transfers import TransferLine, TransferService

router = APIRouter(prefix=API_V1, tags=["transfers"])

Transfers = Annotated[TransferService, Depends(over_database(TransferService))]


@router.post(
    "/transfers",
    status_code=201,
    operation_id="createTransfer",
    summary="Move stock between two locations: all lines or none",
    responses=error_responses(
        *WRITE_ERRORS,
        *IN_WAREHOUSE,
        catalog.EXCEEDED_LIMIT,
        catalog.INVALID_TRANSFER,
        catalog.RESOURCE_LOCKED,
        catalog.INSUFFICIENT_STOCK,
        catalog.INVALID_STATE,
        body=True,
    ),
)
async def create_transfer(
    body: TransferCreate, ctx: InventoryWriter, transfers: Transfers, response: Response
) -> Transfer:
    result = await transfers.create(
        ctx,
        from_location_id=body.from_location_id,
        to_location_id=body.to_location_id,
        lines=[TransferLine(line.item_id, line.units) for line in body.lines],
        reference=body.reference,
    )
    located(response, f"/api/v1/transfers/{result.transfer.id}")
    return Transfer.created(result)


@router.get(
    "/transfers",
    operation_id="listTransfers",
    summary="List transfers, oldest first",
    responses=error_responses(*LIST_ERRORS),
)
async def list_transfers(
    ctx: InventoryReader,
    transfers: Transfers,
    limit: PageLimit = 50,
    cursor: PageCursor = None,
    location_id: LocationFilter = None,
) -> TransferList:
    return TransferList.of(await transfers.list(ctx, location_id=location_id, cursor=cursor, limit=limit))


@router.get(
    "/transfers/{transferId}",
    operation_id="getTransfer",
    summary="Get a transfer",
    responses=error_responses(*READ_IN_WAREHOUSE),
)
async def get_transfer(transfer_id: TransferId, ctx: InventoryReader, transfers: Transfers) -> Transfer:
    return Transfer.of(await transfers.get(ctx, transfer_id))
