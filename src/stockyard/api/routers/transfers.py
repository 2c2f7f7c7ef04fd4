"""Transfers: /api/v1/transfers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from stockyard.api.deps import ServicesDep, authorize
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.transfers import Transfer, TransferCreate, TransferList
from stockyard.errors import catalog, validation_failed
from stockyard.identity.context import Context
from stockyard.identity.permissions import Permission
from stockyard.inventory.transfers import TransferLine, TransferService

router = APIRouter(prefix="/api/v1", tags=["transfers"])

Reader = Annotated[Context, Depends(authorize(Permission.INVENTORY_READ))]
Writer = Annotated[Context, Depends(authorize(Permission.INVENTORY_WRITE))]
_READ = (catalog.INSUFFICIENT_PERMISSIONS, catalog.INSUFFICIENT_SCOPE)
_WRITE = (*_READ, catalog.READ_ONLY)


def _transfers(services: ServicesDep) -> TransferService:
    return TransferService(services.database)


Transfers = Annotated[TransferService, Depends(_transfers)]


@router.post(
    "/transfers",
    status_code=201,
    operation_id="createTransfer",
    summary="Move stock between two locations: all lines or none",
    responses=error_responses(
        *_WRITE,
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
    body: TransferCreate, ctx: Writer, transfers: Transfers, response: Response
) -> Transfer:
    seen: dict[str, int] = {}
    for index, line in enumerate(body.lines):
        if line.item_id in seen:
            raise validation_failed(
                {f"lines.{index}.itemId": [f"The item is already in line {seen[line.item_id]}."]}
            )
        seen[line.item_id] = index
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
    responses=error_responses(*_READ, catalog.INVALID_PARAMETER),
)
async def list_transfers(
    ctx: Reader,
    transfers: Transfers,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    location_id: Annotated[str | None, Query(alias="locationId", max_length=32)] = None,
) -> TransferList:
    page = await transfers.list(ctx, location_id=location_id, cursor=cursor, limit=limit)
    return TransferList(data=[Transfer.of(record) for record in page.data], next_cursor=page.next_cursor)


@router.get(
    "/transfers/{transfer_id}",
    operation_id="getTransfer",
    summary="Get a transfer",
    responses=error_responses(*_READ, catalog.NOT_FOUND, catalog.WAREHOUSE_OUT_OF_SCOPE),
)
async def get_transfer(transfer_id: str, ctx: Reader, transfers: Transfers) -> Transfer:
    return Transfer.of(await transfers.get(ctx, transfer_id))
