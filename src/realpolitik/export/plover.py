"""PLOVER JSON records, one per line: actor/recipient lists, event, mode, context, text offsets,
and citation information (document, title, URL, outlet, publication date, mentions/sources).

PLOVER has no category for CAMEO 01/02 (public statements, appeals), so events whose
``plover.event`` is null are not exported. ``modality`` (ours, not PLOVER's) is kept so that
users can drop hypothetical or negated events.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from realpolitik.store.queries import EventFilter

SELECT = "e.record, e.num_mentions, e.num_sources, a.title, a.url, a.source AS outlet, a.date AS pub_date, a.doc_id"

KEYS = ("id", "date", "event", "mode", "context", "actor", "recipient", "modality", "cameo", "location", "text", "offsets", "confidence", "cite", "coder")


def _actor(ref: dict | None) -> dict | None:
    if not ref:
        return None
    return {k: ref.get(k) for k in ("code", "country", "sector", "name", "text", "start", "end")}


def record(event: dict, row: dict[str, Any]) -> dict[str, Any] | None:
    plover = event.get("plover") or {}
    if not plover.get("event"):
        return None
    actor = _actor(event.get("source"))
    recipient = _actor(event.get("target"))
    recipients = [recipient] if recipient else [{"code": code, "country": code[:3]} for code in event.get("participants") or []]
    sentence = event.get("sentence") or {}
    trigger = event.get("trigger") or {}
    return {
        "id": event["id"],
        "date": event.get("date"),
        "event": plover["event"],
        "mode": plover.get("mode"),
        "context": list(plover.get("context") or []),
        "actor": [actor] if actor else [],
        "recipient": recipients,
        "modality": event.get("modality"),
        "cameo": event.get("cameo"),
        "location": event.get("location"),
        "text": sentence.get("text"),
        "offsets": {
            "sentence": [sentence.get("start"), sentence.get("end")],
            "trigger": [trigger.get("start"), trigger.get("end")],
            "actor": [[a["start"], a["end"]] for a in ([actor] if actor else [])],
            "recipient": [[r["start"], r["end"]] for r in ([recipient] if recipient else [])],
        },
        "confidence": event.get("confidence"),
        "cite": {
            "doc_id": row["doc_id"],
            "title": row["title"],
            "url": row["url"],
            "source": row["outlet"],
            "pub_date": row["pub_date"].isoformat() if row["pub_date"] else None,
            "num_mentions": row["num_mentions"],
            "num_sources": row["num_sources"],
        },
        "coder": event.get("coder"),
    }


def records(store, flt: EventFilter) -> Iterator[dict[str, Any]]:
    for batch in store.events_batches(flt, SELECT):
        for row in batch.to_pylist():
            out = record(json.loads(row["record"]), row)
            if out is not None:
                yield out


def write(store, out: TextIO, flt: EventFilter) -> int:
    count = 0
    for item in records(store, flt):
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        count += 1
    return count
