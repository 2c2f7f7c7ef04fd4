"""Lots, serials and fractional units under real concurrency (issue 16): a uvicorn server, 64 and more
requests at once over HTTP, then the invariant audit of tests/inventory/tracking_audit.py on the
database, the ledger read back over HTTP, and checks that the answers explain the stock.

Both backends: on PostgreSQL the requests run in parallel and wait on row locks; on SQLite they
interleave on the server's one writer. The server's log must show no traceback and no retried
transaction (no deadlock, not even one the database layer recovered from).

- Serials: requests that contend for one serial (two moves of it from one place, receipts of one new
  serial at two places, transfers naming serials in opposite orders) have exactly one winner; then
  waves of moves made on a stale view of where the serials are. Every answer is 201 or one of the
  refusals the rules name; every serial is in one place or none; the answers explain where it is.
- Lots: FEFO issues alone never oversell, never refuse units that were there, empty the lots first to
  expire first and never take an expired lot; then a storm of named and FEFO issues, transfers,
  receipts at new costs, a new lot received at several places at once and holds consumed. FIFO
  layers per lot hold the lot's units; the item's value is what its layers are worth.
- Fractional units (3 places): concurrent issues of 0.125, 0.3 and 0.001 add up exactly; then a
  storm of receipts, transfers and adjustments whose ledger sums to the gram.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest

from stockyard.db.database import open_database
from tests.inventory.test_concurrency import (
    CONCURRENCY,
    Api,
    assert_ledger_explains_stock,
    running_server,
    tenant_api,
)
from tests.inventory.tracking_audit import tracking_problems

Outcome = tuple[int, str | None]
CREATED: Outcome = (201, None)
CONSUMED: Outcome = (200, None)
DUPLICATE: Outcome = (409, "duplicate_serial")
NOT_HERE: Outcome = (422, "serial_not_available")
SHORT: Outcome = (422, "insufficient_stock")
SERIAL_OUTCOMES = frozenset({CREATED, DUPLICATE, NOT_HERE, SHORT})
LOT_OUTCOMES = frozenset({CREATED, CONSUMED, SHORT})
TODAY = datetime.now(UTC).date()


@pytest.fixture(scope="module")
def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_server(database_url, tmp_path_factory.mktemp("tracking-server")) as url:
        yield url


@pytest.fixture
async def api(server: str, database_url: str) -> AsyncIterator[Api]:
    async with tenant_api(server, database_url) as tenant:
        yield tenant


# --- requests ------------------------------------------------------------------------------------
def number(units: Decimal | int) -> int | float:
    """A quantity as JSON writes it: an integer, or the shortest float, whose text is the decimal."""
    value = Decimal(units)
    return int(value) if value == value.to_integral_value() else float(value)


def movement(api: Api, kind: str, item: str, location: str, units: Decimal | int, **fields: Any) -> Any:
    body = {"type": kind, "itemId": item, "locationId": location, "units": number(units), **fields}
    return api.call("POST", "/api/v1/movements", json=body)


def line(item: str, units: Decimal | int, **fields: Any) -> dict[str, Any]:
    return {"itemId": item, "units": number(units), **fields}


def serial_line(item: str, serials: list[str]) -> dict[str, Any]:
    return line(item, len(serials), serials=serials)


def transfer(api: Api, source: str, target: str, lines: list[dict[str, Any]]) -> Any:
    body = {"fromLocationId": source, "toLocationId": target, "lines": lines}
    return api.call("POST", "/api/v1/transfers", json=body)


async def hold_and_consume(api: Api, item: str, location: str, **fields: Any) -> list[httpx.Response]:
    body = {"itemId": item, "locationId": location, "units": 1, "ttlSeconds": 300, **fields}
    hold = await api.call("POST", "/api/v1/reservations", json=body)
    if hold.status_code != 201:
        return [hold]
    return [hold, await api.call("POST", f"/api/v1/reservations/{hold.json()['id']}/consume")]


def outcome(response: httpx.Response) -> Outcome:
    if response.status_code < 300:
        return (response.status_code, None)
    return (response.status_code, response.json().get("code"))


def unexpected(responses: list[httpx.Response], allowed: frozenset[Outcome]) -> list[str]:
    return [
        f"{r.request.method} {r.request.url.path} {r.request.content.decode()[:200]} -> {r.status_code} {r.text}"
        for r in responses
        if outcome(r) not in allowed
    ]


def ledger_entries(response: httpx.Response) -> list[dict[str, Any]]:
    """The ledger entries a successful answer made (a movement, a transfer's two, a consume's one)."""
    if response.status_code >= 300 or response.request.url.path == "/api/v1/reservations":
        return []
    body = response.json()
    if "movements" in body:
        return list(body["movements"])
    return [body["movement"]] if "movement" in body else [body]


async def _setup(api: Api, items: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    warehouse = await api.create(
        "/api/v1/warehouses", {"shortId": f"T{random.randrange(10**6):06d}", "name": "T"}
    )
    locations = [
        (await api.create(f"/api/v1/warehouses/{warehouse['id']}/locations", {"code": code}))["id"]
        for code in ("A", "B", "C")
    ]
    made = []
    for index, fields in enumerate(items):
        sku = f"T-{index}-{random.randrange(10**9)}"
        made.append((await api.create("/api/v1/items", {"sku": sku, "name": "Tracked", **fields}))["id"])
    return made, locations


async def _audit_database(database_url: str, workspace_id: str) -> dict[str, list[Any]]:
    database = open_database(database_url)
    try:
        async with database.transaction() as conn:
            return await tracking_problems(conn, workspace_id)
    finally:
        await database.dispose()


async def _workspace_id(api: Api) -> str:
    response = await api.call("GET", "/api/v1/workspace")
    assert response.status_code == 200, response.text
    return str(response.json()["id"])


async def _levels(api: Api, item: str) -> dict[str, dict[str, Any]]:
    """The item's stock levels by location (onHand, lots, serials), fractions as exact decimals."""
    return {row["locationId"]: row for row in await api.all_pages("/api/v1/stock", itemId=item)}


# --- serials -------------------------------------------------------------------------------------
@dataclass
class Contest:
    """Requests sent at once that contend for the same serials, and the outcomes they may end in."""

    name: str
    requests: list[Awaitable[httpx.Response]]
    endings: list[Counter[Outcome]]


def one_winner(refusal: Outcome, losers: int = 1) -> list[Counter[Outcome]]:
    return [Counter({CREATED: 1, refusal: losers})]


def contests(api: Api, items: list[str], a: str, b: str, c: str) -> list[Contest]:
    """Every serial item has S00..S11 at A. Each contest below touches serials no other one does."""
    found: list[Contest] = []
    for item in items:
        found += [
            Contest(
                "S00 sent from A to B and to C",
                [
                    transfer(api, a, b, [serial_line(item, ["S00"])]),
                    transfer(api, a, c, [serial_line(item, ["S00"])]),
                ],
                one_winner(NOT_HERE),
            ),
            Contest(
                "S01 issued at A twice",
                [movement(api, "issue", item, a, 1, serials=["S01"]) for _ in range(2)],
                one_winner(NOT_HERE),
            ),
            Contest(
                "S02 issued at A and sent from A to B",
                [
                    movement(api, "issue", item, a, 1, serials=["S02"]),
                    transfer(api, a, b, [serial_line(item, ["S02"])]),
                ],
                one_winner(NOT_HERE),
            ),
            Contest(
                "S03 and S04 sent from A to B and, named the other way round, to C",
                [
                    transfer(api, a, b, [serial_line(item, ["S03", "S04"])]),
                    transfer(api, a, c, [serial_line(item, ["S04", "S03"])]),
                ],
                one_winner(NOT_HERE),
            ),
            Contest(
                "new N00 received at B and at C",
                [movement(api, "receive", item, place, 1, serials=["N00"]) for place in (b, c)],
                one_winner(DUPLICATE),
            ),
            Contest(
                "new N01 and N02 received at B and, named the other way round, at C",
                [
                    movement(api, "receive", item, b, 2, serials=["N01", "N02"]),
                    movement(api, "receive", item, c, 2, serials=["N02", "N01"]),
                ],
                one_winner(DUPLICATE),
            ),
            Contest(
                "new N03 received at A, B and C",
                [movement(api, "receive", item, place, 1, serials=["N03"]) for place in (a, b, c)],
                one_winner(DUPLICATE, losers=2),
            ),
            Contest(
                "S05 issued at A while received again at C",
                [
                    movement(api, "issue", item, a, 1, serials=["S05"]),
                    movement(api, "receive", item, c, 1, serials=["S05"]),
                ],
                [Counter({CREATED: 2}), Counter({CREATED: 1, DUPLICATE: 1})],
            ),
            Contest(
                "S06 adjusted down at A twice",
                [movement(api, "adjust", item, a, -1, serials=["S06"], reason="lost") for _ in range(2)],
                one_winner(NOT_HERE),
            ),
            Contest(
                "S07 issued at B",
                [movement(api, "issue", item, b, 1, serials=["S07"])],
                [Counter({NOT_HERE: 1})],
            ),
        ]
    for index, first in enumerate(items):  # S08.. of two items in one transfer, lines in both orders
        second, serial = items[(index + 1) % len(items)], f"S{8 + index:02d}"
        found.append(
            Contest(
                f"{serial} of two items sent from A to B and, lines the other way round, to C",
                [
                    transfer(api, a, b, [serial_line(first, [serial]), serial_line(second, [serial])]),
                    transfer(api, a, c, [serial_line(second, [serial]), serial_line(first, [serial])]),
                ],
                one_winner(NOT_HERE),
            )
        )
    return found


def stale_wave(
    rng: random.Random, api: Api, where: dict[tuple[str, str], str | None], places: list[str]
) -> list[Any]:
    """CONCURRENCY moves planned on `where` (serial -> location or None) as it was before the wave: a few
    hot serials per item, so that many requests contend for each."""
    hot = sorted(rng.sample(sorted(where), 18))
    requests: list[Any] = []
    for _ in range(CONCURRENCY):
        item, serial = rng.choice(hot)
        here = where[(item, serial)]
        elsewhere = rng.choice([place for place in places if place != here])
        roll = rng.random()
        if here is None:
            kind = "receive" if roll < 0.7 else "issue"
            requests.append(movement(api, kind, item, rng.choice(places), 1, serials=[serial]))
        elif roll < 0.35:
            requests.append(transfer(api, here, elsewhere, [serial_line(item, [serial])]))
        elif roll < 0.5:
            requests.append(movement(api, "issue", item, here, 1, serials=[serial]))
        elif roll < 0.55:
            requests.append(movement(api, "adjust", item, here, -1, serials=[serial], reason="damaged"))
        elif roll < 0.7:
            requests.append(movement(api, "receive", item, elsewhere, 1, serials=[serial]))
        elif roll < 0.8:
            requests.append(transfer(api, elsewhere, here, [serial_line(item, [serial])]))
        else:  # with every other hot serial of the item believed to be here, both orders in turn
            also = [s for (i, s) in hot if i == item and s != serial and where[(i, s)] == here]
            named = [serial, *also[:2]] if rng.random() < 0.5 else [*also[:2], serial]
            requests.append(transfer(api, here, elsewhere, [serial_line(item, named)]))
    return requests


async def _serials_on_hand(api: Api, items: list[str]) -> set[tuple[str, str, str]]:
    """(item, serial, location) for every serial GET /stock shows on hand, each level's count checked."""
    found: set[tuple[str, str, str]] = set()
    for item in items:
        for location, row in (await _levels(api, item)).items():
            assert row["onHand"] == len(row["serials"]) == len(set(row["serials"])) and row["lots"] == [], row
            found |= {(item, serial, location) for serial in row["serials"]}
    return found


def explained_by(responses: list[httpx.Response]) -> Counter[tuple[str, str, str]]:
    """Net units per (item, serial, location) that the successful answers say they moved."""
    net: Counter[tuple[str, str, str]] = Counter()
    for response in responses:
        for entry in ledger_entries(response):
            assert abs(entry["units"]) == len(entry["serials"]) and entry["lots"] == [], entry
            for serial in entry["serials"]:
                net[(entry["itemId"], serial, entry["locationId"])] += 1 if entry["units"] > 0 else -1
    return net


async def test_a_storm_of_serial_moves_never_puts_a_serial_in_two_places(api: Api, database_url: str) -> None:
    items, (a, b, c) = await _setup(api, [{"tracking": "serial"}] * 3)
    opening = [f"S{n:02d}" for n in range(12)]
    answered: list[httpx.Response] = []
    for item in items:
        received = await movement(api, "receive", item, a, len(opening), serials=opening)
        assert received.status_code == 201, received.text
        answered.append(received)

    planned = contests(api, items, a, b, c)
    responses = await asyncio.gather(*(request for contest in planned for request in contest.requests))
    assert len(responses) >= CONCURRENCY
    answered += responses
    position = 0
    for contest in planned:
        got = responses[position : position + len(contest.requests)]
        position += len(got)
        ending = Counter(outcome(response) for response in got)
        assert ending in contest.endings, (contest.name, [response.text for response in got])
    for response in responses:
        if outcome(response) in (DUPLICATE, NOT_HERE):  # the message names a serial the request named
            sent = json.loads(response.request.content)
            named = sent.get("serials") or [serial for line in sent["lines"] for serial in line["serials"]]
            assert any(f"Serial {serial} of item " in response.json()["message"] for serial in named), (
                response.text
            )

    rng = random.Random(16)
    pool = [(item, serial) for item in items for serial in [*opening, "N00", "N01", "N02", "N03"]]
    for _wave in range(3):
        on_hand = await _serials_on_hand(api, items)
        where: dict[tuple[str, str], str | None] = dict.fromkeys(pool)
        where |= {(item, serial): location for item, serial, location in on_hand}
        wave = await asyncio.gather(*stale_wave(rng, api, where, [a, b, c]))
        assert not unexpected(wave, SERIAL_OUTCOMES), unexpected(wave, SERIAL_OUTCOMES)
        answered += wave
    statuses = Counter(outcome(response) for response in answered)
    print(f"\n{len(answered)} serial answers: {dict(statuses)}")
    assert statuses[CREATED] > CONCURRENCY and statuses[NOT_HERE] > 0 and statuses[DUPLICATE] > 0, statuses

    net = explained_by(answered)
    assert all(units in (0, 1) for units in net.values()), {
        key: n for key, n in net.items() if n not in (0, 1)
    }
    per_serial = Counter({(item, serial): 0 for item, serial, _ in net})
    for (item, serial, _), units in net.items():
        per_serial[(item, serial)] += units
    assert all(units in (0, 1) for units in per_serial.values()), per_serial
    on_hand = await _serials_on_hand(api, items)
    assert on_hand == {key for key, units in net.items() if units == 1}
    for item, serial in pool:  # each serial's own page agrees
        page = await api.call("GET", f"/api/v1/serials/{item}/{serial}")
        assert page.status_code == 200, page.text
        there = [location for i, s, location in on_hand if (i, s) == (item, serial)]
        assert (page.json()["inStock"], page.json()["locationId"]) == (
            bool(there),
            there[0] if there else None,
        )
    await assert_ledger_explains_stock(api)
    assert await _audit_database(database_url, await _workspace_id(api)) == {}


# --- lots ----------------------------------------------------------------------------------------
LOTS = {  # number -> expiresOn: first to expire first; OPEN never expires; GONE has expired
    "EARLY": TODAY + timedelta(days=10),
    "LATE": TODAY + timedelta(days=40),
    "OPEN": None,
    "GONE": TODAY - timedelta(days=3),
}
UNEXPIRED = ("EARLY", "LATE", "OPEN")


def _lot_units(level: dict[str, Any] | None) -> dict[str, Decimal]:
    lots = level["lots"] if level else []
    found = {lot["lotNumber"]: Decimal(lot["onHand"]) for lot in lots}
    return {number: found.get(number, Decimal(0)) for number in LOTS}


async def test_a_storm_of_fefo_issues_and_receipts_keeps_every_lot_and_layer_explained(
    api: Api, database_url: str
) -> None:
    """FIFO lot item `whole` (units) and average lot item `weighed` (2 places), both in every step."""
    (whole, weighed), (a, b, c) = await _setup(
        api, [{"tracking": "lot", "costMethod": "fifo"}, {"tracking": "lot", "decimals": 2, "unit": "kg"}]
    )
    step = {whole: Decimal(1), weighed: Decimal("0.75")}
    for item in (whole, weighed):
        for number, opening, cost in (
            ("EARLY", 6, "1.10"),
            ("LATE", 6, "1.20"),
            ("OPEN", 6, "1.30"),
            ("GONE", 4, "0.90"),
        ):
            expires = LOTS[number]
            dates = {"expiresOn": expires.isoformat()} if expires else {}
            received = await movement(
                api, "receive", item, a, opening, lotNumber=number, unitCost=cost, **dates
            )
            assert received.status_code == 201, received.text
        for number, opening, cost in (("LATE", 5, "1.25"), ("OPEN", 5, "1.35")):
            received = await movement(api, "receive", item, b, opening, lotNumber=number, unitCost=cost)
            assert received.status_code == 201, received.text

    # 1. FEFO issues alone at A: 30 units asked of each item, 18 unexpired there.
    asked = [(item, step[item] * (1 + index % 2)) for item in (whole, weighed) for index in range(20)]
    issues = await asyncio.gather(*(movement(api, "issue", item, a, units) for item, units in asked))
    assert not unexpected(issues, frozenset({CREATED, SHORT})), unexpected(
        issues, frozenset({CREATED, SHORT})
    )
    for item in (whole, weighed):
        left = _lot_units((await _levels(api, item)).get(a))
        issued = sum(
            (-Decimal(e["units"]) for r in issues for e in ledger_entries(r) if e["itemId"] == item),
            Decimal(0),
        )
        refused = [
            units for (i, units), r in zip(asked, issues, strict=True) if i == item and r.status_code == 422
        ]
        assert left["GONE"] == 4 and sum(left[n] for n in UNEXPIRED) == 18 - issued >= 0, left
        assert not refused or sum(left[n] for n in UNEXPIRED) < min(refused), (left, refused)
        if left["LATE"] < 6 or left["OPEN"] < 6:  # first to expire, first out
            assert left["EARLY"] == 0, left
        if left["OPEN"] < 6:
            assert left["LATE"] == 0, left

    # 2. Everything at once on both items, at A, B and C.
    rng = random.Random(1616)
    plan: list[tuple[bool, Any]] = []  # (FEFO: no lot named, request)
    for index in range(CONCURRENCY):
        item = (whole, weighed)[index % 2]
        here, there = rng.sample([a, b, c], 2)
        units = step[item] * rng.randint(1, 3)
        lot = rng.choice(list(LOTS))
        kind = index // 2 % 8
        if kind == 0:
            plan.append((True, movement(api, "issue", item, here, units)))
        elif kind == 1:
            plan.append((False, movement(api, "issue", item, here, units, lotNumber=lot)))
        elif kind == 2:
            cost = f"{rng.randint(1, 3)}.{rng.randint(0, 99):02d}"
            plan.append((False, movement(api, "receive", item, here, units, lotNumber=lot, unitCost=cost)))
        elif kind == 3:
            plan.append((True, transfer(api, here, there, [line(item, units)])))
        elif kind == 4:
            plan.append((False, transfer(api, here, there, [line(item, units, lotNumber=lot)])))
        elif kind == 5:
            change = -step[item] if index % 4 else 2 * step[item]
            plan.append((False, movement(api, "adjust", item, here, change, lotNumber=lot, reason="recount")))
        elif kind == 6:
            named = {"lotNumber": lot} if index % 4 else {}
            plan.append((not named, hold_and_consume(api, item, a, **named)))
        else:  # one new lot, received at all three places at once, with the same dates
            fresh = {"lotNumber": "FRESH", "expiresOn": (TODAY + timedelta(days=5)).isoformat()}
            plan.append((False, movement(api, "receive", item, here, units, unitCost="2.00", **fresh)))
    outcomes = await asyncio.gather(*(request for _, request in plan))
    answers = [
        (fefo, r)
        for (fefo, _), got in zip(plan, outcomes, strict=True)
        for r in (got if isinstance(got, list) else [got])
    ]
    responses = [r for _, r in answers]
    assert not unexpected(responses, LOT_OUTCOMES), unexpected(responses, LOT_OUTCOMES)
    consumed = [r for r in responses if r.request.url.path.endswith("/consume")]
    assert consumed and all(r.status_code == 200 for r in consumed), [r.text for r in consumed]
    for fefo, response in answers:  # the server never chose an expired lot
        for entry in ledger_entries(response):
            if fefo:
                assert "GONE" not in [part["lotNumber"] for part in entry["lots"]], entry
    fresh_ids = {
        part["lotId"]
        for r in responses
        for e in ledger_entries(r)
        for part in e["lots"]
        if part["lotNumber"] == "FRESH"
    }
    assert len(fresh_ids) == 2, fresh_ids  # one lot per item, however many receipts made it at once

    await assert_ledger_explains_stock(api)
    assert await _audit_database(database_url, await _workspace_id(api)) == {}
    for item in (whole, weighed):
        for location, level in (await _levels(api, item)).items():
            assert level["onHand"] == sum(Decimal(lot["onHand"]) for lot in level["lots"]), (location, level)
            assert all(lot["onHand"] > 0 for lot in level["lots"]) and level["serials"] == [], level


# --- fractional units ----------------------------------------------------------------------------
async def test_concurrent_fractional_moves_add_up_exactly(api: Api, database_url: str) -> None:
    """`kilos` (3 places, FIFO) and `metres` (1 place, average)."""
    (kilos, metres), (a, b, c) = await _setup(
        api,
        [{"unit": "kg", "decimals": 3, "costMethod": "fifo"}, {"unit": "m", "decimals": 1}],
    )
    for item, cost in ((kilos, "2.345"), (metres, "0.77")):
        received = await movement(api, "receive", item, a, 10, unitCost=cost)
        assert received.status_code == 201, received.text

    # 1. 8.816 kg asked of 10: every issue passes and 1.184 kg is left, exactly.
    asked = [Decimal("0.125")] * 32 + [Decimal("0.3")] * 16 + [Decimal("0.001")] * 16
    issues = await asyncio.gather(*(movement(api, "issue", kilos, a, units) for units in asked))
    assert [r.status_code for r in issues] == [201] * len(asked), [
        r.text for r in issues if r.status_code != 201
    ]
    assert (await _levels(api, kilos))[a]["onHand"] == Decimal("1.184")

    # 2. 16 kg asked of 1.184: never oversold, and no issue refused while its units were there.
    asked = [Decimal("0.125"), Decimal("0.375")] * (CONCURRENCY // 2)
    issues = await asyncio.gather(*(movement(api, "issue", kilos, a, units) for units in asked))
    assert not unexpected(issues, frozenset({CREATED, SHORT})), unexpected(
        issues, frozenset({CREATED, SHORT})
    )
    taken = sum((units for units, r in zip(asked, issues, strict=True) if r.status_code == 201), Decimal(0))
    refused = [units for units, r in zip(asked, issues, strict=True) if r.status_code == 422]
    left = (await _levels(api, kilos))[a]["onHand"]
    assert left == Decimal("1.184") - taken >= 0 and refused and left < min(refused), (left, taken)

    # 3. Receipts, issues, adjustments and transfers of both items, fractions of both sizes.
    for item in (kilos, metres):
        received = await movement(api, "receive", item, b, 5, unitCost="1.999")
        assert received.status_code == 201, received.text
    rng = random.Random(3)
    requests: list[Any] = []
    for index in range(CONCURRENCY):
        item, places = (kilos, 3) if index % 2 else (metres, 1)
        here, there = rng.sample([a, b, c], 2)
        units = Decimal(rng.randint(1, 999 if places == 3 else 30)).scaleb(-places)
        kind = index // 2 % 4
        if kind == 0:
            requests.append(
                movement(api, "receive", item, here, units, unitCost=f"{rng.randint(1, 9)}.{index:02d}1")
            )
        elif kind == 1:
            requests.append(movement(api, "issue", item, here, units))
        elif kind == 2:
            requests.append(
                movement(api, "adjust", item, here, units if index % 3 else -units, reason="weighed")
            )
        else:
            requests.append(transfer(api, here, there, [line(item, units)]))
    responses = await asyncio.gather(*requests)
    assert not unexpected(responses, frozenset({CREATED, SHORT})), unexpected(
        responses, frozenset({CREATED, SHORT})
    )
    for item, places in ((kilos, 3), (metres, 1)):
        for movement_ in await api.all_pages("/api/v1/movements", itemId=item):
            for figure in (movement_["units"], movement_["balanceAfter"]):
                exponent = Decimal(figure).as_tuple().exponent
                assert isinstance(exponent, int) and -exponent <= places, movement_
    await assert_ledger_explains_stock(api)
    assert await _audit_database(database_url, await _workspace_id(api)) == {}
