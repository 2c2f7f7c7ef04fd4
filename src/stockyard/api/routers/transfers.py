"""Transfers: /api/v1/transfers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from stockyard.api.deps import ServicesDep
from stockyard.api.routers._common import (
    READ_ERRORS,
    WRITE_ERRORS,
    InventoryReader,
    InventoryWriter,
    PageCursor,
    PageLimit,
)
from stockyard.api.routers._lines import first_repeated_item
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.transfers import Transfer, TransferCreate, TransferList
from stockyard.errors import catalog, validation_failed
from stockyard.inventory.transfers import TransferLine, TransferService

router = APIRouter(prefix="/api/v1", tags=["transfers"])


async def _transfers(services: ServicesDep) -> TransferService:
    return TransferService(services.database)


Transfers = Annotated[TransferService, Depends(_transfers)]


@router.post(
    "/transfers",
    status_code=201,
    operation_id="createTransfer",
    summary="Move stock between two locations: all lines or none",
    responses=error_responses(
        *WRITE_ERRORS,
        catalog.NOT_FOUND,
        catalog.WAREHOUSE_OUT_OF_SCOPE,
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
    repeated = first_repeated_item(line.item_id for line in body.lines)
    if repeated is not None:
        index, first = repeated
        raise validation_failed({f"lines.{index}.itemId": [f"The item is already in line {first}."]})
    result = await transfers.create(
        ctx,
        from_location_id=body.from_location_id,
        to_location_id=body.to_location_id,
        lines=[TransferLine(line.item_id, line.units) for line in body.lines],
        reference=body.reference,
    )
    response.headers["Location"] = f"/api/v1/transfers/{result.transfer.id}"
    return Transfer.created(result)


@router.get(
    "/transfers",
    operation_id="listTransfers",
    summary="List transfers, oldest first",
    responses=error_responses(*READ_ERRORS, catalog.INVALID_PARAMETER),
)
async def list_transfers(
    ctx: InventoryReader,
    transfers: Transfers,
    limit: PageLimit = 50,
    cursor: PageCursor = None,
    location_id: Annotated[str | None, Query(alias="locationId", max_length=32)] = None,
) -> TransferList:
    page = await transfers.list(ctx, location_id=location_id, cursor=cursor, limit=limit)
    return TransferList(data=[Transfer.of(record) for record in page.data], next_cursor=page.next_cursor)


@router.get(
    "/transfers/{transfer_id}",
    operation_id="getTransfer",
    summary="Get a transfer",
    responses=error_responses(*READ_ERRORS, catalog.NOT_FOUND, catalog.WAREHOUSE_OUT_OF_SCOPE),
)
async def get_transfer(transfer_id: str, ctx: InventoryReader, transfers: Transfers) -> Transfer:
    return Transfer.of(await transfers.get(ctx, transfer_id))
