"""GDELT 2.0 event table: the 61 columns, tab-separated, with GDELT's column names as a header.

Filled from our records: ids, dates, actor codes/names/countries/sectors, CAMEO codes, quad
class, Goldstein, NumMentions/NumSources/NumArticles (duplicates of an article are extra
mentions), IsRootEvent (event in the lead paragraph), ActionGeo_FullName, DATEADDED, SOURCEURL.
Left empty (we do not compute them): known-group/ethnic/religion codes beyond IGO/NGO suffixes,
AvgTone, geo types, FIPS country codes, ADM codes, coordinates and feature ids.

GLOBALEVENTID is an integer, as in GDELT: the first 15 hex digits of our stable event id, so the
same event keeps the same GLOBALEVENTID in every export. GDELT reports happenings, so only
``asserted`` events are exported unless a modality filter says otherwise.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date, datetime
from typing import TextIO

from realpolitik.actors.dictionary import UNKNOWN_STATE
from realpolitik.store.queries import EventFilter

_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED",
    "SOURCEURL",
)
assert len(COLUMNS) == 61

SELECT = (
    "e.id, e.date, e.source_code, e.source_name, e.source_country, e.source_sector, "
    "e.target_code, e.target_name, e.target_country, e.target_sector, e.is_root, e.cameo, e.root, "
    "e.quad_class, e.goldstein, e.num_mentions, e.num_sources, e.location_name, a.ingested_at, a.url, a.source AS outlet"
)

_GROUP_PREFIXES = ("IGO", "NGO", "IMG", "MNC")


def global_event_id(event_id: str) -> int:
    try:
        return int(event_id[:15], 16)
    except ValueError:
        return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _clean(value) -> str:
    if value is None:
        return ""
    text = str(value)
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _actor(code, name, country, sector) -> list[str]:
    known = code[3:] if code and code[:3] in _GROUP_PREFIXES else ""
    if code and code.startswith(UNKNOWN_STATE):
        code = code[len(UNKNOWN_STATE) :]  # GDELT writes a role of no named state bare: "GOV"
    return [
        _clean(code),
        _clean(name.upper() if name else None),
        _clean(country),
        _clean(known),
        "",
        "",
        "",
        _clean(sector),
        "",
        "",
    ]


def _dates(day: date | None) -> list[str]:
    if day is None:
        return ["", "", "", ""]
    fraction = day.year + (day.month * 30 + day.day) / 365
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]


def _number(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def row(r: dict) -> list[str]:
    cameo = r["cameo"] or ""
    added: datetime | None = r["ingested_at"]
    return [
        str(global_event_id(r["id"])),
        *_dates(r["date"]),
        *_actor(r["source_code"], r["source_name"], r["source_country"], r["source_sector"]),
        *_actor(r["target_code"], r["target_name"], r["target_country"], r["target_sector"]),
        "1" if r["is_root"] else "0",
        cameo,
        cameo[:3],
        _clean(r["root"]),
        _number(r["quad_class"]),
        _number(r["goldstein"]),
        _number(r["num_mentions"]),
        _number(r["num_sources"]),
        _number(r["num_mentions"]),
        "",
        *([""] * 8),
        *([""] * 8),
        "",
        _clean(r["location_name"]),
        *([""] * 6),
        added.strftime("%Y%m%d%H%M%S") if added else "",
        _clean(r["url"] or r["outlet"]),
    ]


def rows(store, flt: EventFilter) -> Iterator[list[str]]:
    for batch in store.events_batches(flt, SELECT):
        for record in batch.to_pylist():
            yield row(record)


def write(store, out: TextIO, flt: EventFilter) -> int:
    """Write the header and one line per event; returns the number of events written."""
    out.write("\t".join(COLUMNS) + "\n")
    count = 0
    for values in rows(store, flt):
        out.write("\t".join(values) + "\n")
        count += 1
    return count
