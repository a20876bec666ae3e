"""Reading gold files (``shared/benchmarks/README.md`` format) into typed records.

One JSON object per line::

    {"id": "...", "text": "...", "date": "2008-08-04", "date_is_placeholder": false,
     "scheme": "PLOVER-0.5b1" | "CAMEO-1.1b3" | "CAMEO",
     "events": [{"source": "USAGOV", "target": "CHN", "code": "042", "code_plover_current": ...}],
     "expect_no_event": false, "category": "AFP"}

Every malformed line is an ``InputError`` naming ``file:line``. Placeholder dates
(``date_is_placeholder``: true, always 2000-01-01) are read as None, so the coder resolves leaders
by their latest role instead of by their role in 2000.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from realpolitik.evaluate.matching import PLOVER, CAMEO, category_of, scheme_of
from realpolitik.ingest.text import InputError, check_date

_ID_PREFIX = re.compile(r"^[A-Za-z]+(?:[-_][A-Za-z]+)*")


@dataclass(frozen=True)
class GoldEvent:
    source: str  # actor code, "" when the gold names none
    target: str
    code: str  # as in the file: PLOVER 0.5 name or CAMEO code
    category: str  # what is compared: current PLOVER name (FIGHT -> ASSAULT) or CAMEO root
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def source_text(self) -> str:
        return str(self.raw.get("source_text") or "")

    @property
    def target_text(self) -> str:
        return str(self.raw.get("target_text") or "")

    def describe(self) -> str:
        shown = self.code if self.code == self.category else f"{self.code} ({self.category})"
        words = f' ("{self.source_text}" -> "{self.target_text}")' if self.source_text or self.target_text else ""
        return f"{self.source or '(any)'} -> {self.target or '(any)'} {shown}{words}"


@dataclass(frozen=True)
class GoldSentence:
    id: str
    text: str
    date: str | None  # None when the file's date is a placeholder
    scheme: str  # PLOVER or CAMEO
    events: list[GoldEvent]
    expect_no_event: bool
    group: str  # the record's "category" (petr2: AFP, VERB, ...) or the id's prefix
    line: int


@dataclass(frozen=True)
class GoldFile:
    path: str
    scheme: str
    sentences: list[GoldSentence]
    skipped: int = 0  # lines marked "evaluate": false
    placeholder_dates: int = 0


def id_group(identifier: str) -> str:
    """The letters an id starts with: ``AFP0808020625_4`` -> AFP, ``PLOVER-GSR01-AGREE-0003`` -> PLOVER-GSR."""
    found = _ID_PREFIX.match(identifier)
    return found.group(0) if found else identifier


def _infer_scheme(codes: list[str]) -> str | None:
    if not codes:
        return None
    if all(c.isdigit() for c in codes):
        return CAMEO
    if all(c.isalpha() for c in codes):
        return PLOVER
    return None


def _text_field(record: dict, key: str, where: str, required: bool = True) -> str:
    value = record.get(key)
    if value is None:
        if required:
            raise InputError(f"{where}: missing {key!r}")
        return ""
    if not isinstance(value, str):
        raise InputError(f"{where}: {key!r} must be a string, not {type(value).__name__}")
    return value.strip()


def read_gold(path: str | Path) -> GoldFile:
    """Read and check a whole gold file; raise InputError naming ``file:line`` on the first bad line."""
    path = Path(path)
    name = str(path)
    if not path.is_file():
        raise InputError(f"{name}: {'is a directory' if path.is_dir() else 'no such file'}")
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid UTF-8 (byte {exc.start})") from None

    parsed: list[tuple[int, dict, str | None, list[dict]]] = []
    file_scheme: str | None = None
    skipped = 0
    seen_ids: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(record, dict):
            raise InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
        if str(record.get("evaluate", "true")).lower() == "false":
            skipped += 1
            continue
        identifier = _text_field(record, "id", where)
        if not identifier:
            raise InputError(f"{where}: empty 'id'")
        if identifier in seen_ids:
            raise InputError(f"{where}: id {identifier!r} already used on line {seen_ids[identifier]}")
        seen_ids[identifier] = number
        if not _text_field(record, "text", where):
            raise InputError(f"{where}: empty 'text'")
        events = record.get("events", [])
        if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
            raise InputError(f"{where}: 'events' must be a list of objects")
        for event in events:
            _text_field(event, "source", where, required=False)
            _text_field(event, "target", where, required=False)
            if not _text_field(event, "code", where):
                raise InputError(f"{where}: an event has an empty 'code'")
        expect_none = record.get("expect_no_event", False)
        if not isinstance(expect_none, bool):
            raise InputError(f"{where}: 'expect_no_event' must be true or false")
        if expect_none and events:
            raise InputError(f"{where}: 'expect_no_event' is true but the line lists events")
        if not expect_none and not events:
            raise InputError(f"{where}: no events and 'expect_no_event' is not true")

        declared = record.get("scheme")
        scheme = scheme_of(declared) if isinstance(declared, str) else None
        if declared and scheme is None:
            raise InputError(f"{where}: unknown scheme {declared!r} (expected PLOVER-... or CAMEO...)")
        scheme = scheme or _infer_scheme([e["code"].strip() for e in events])
        if scheme is not None:
            if file_scheme is None:
                file_scheme = scheme
            elif scheme != file_scheme:
                raise InputError(f"{where}: scheme {scheme} in a {file_scheme} file; one file, one scheme")
        parsed.append((number, record, scheme, events))

    if not parsed:
        raise InputError(f"{name}: no gold sentences")
    if file_scheme is None:
        raise InputError(f"{name}: cannot tell the scheme: no 'scheme' field and no event codes")

    sentences: list[GoldSentence] = []
    placeholders = 0
    for number, record, _, events in parsed:
        where = f"{name}:{number}"
        gold_events = []
        for event in events:
            code = event["code"].strip()
            current = event.get("code_plover_current") if file_scheme == PLOVER else None
            category = category_of(current if isinstance(current, str) and current.strip() else code, file_scheme)
            if category is None or (file_scheme == CAMEO and not code.isdigit()):
                raise InputError(f"{where}: code {code!r} is not a {file_scheme} code")
            gold_events.append(
                GoldEvent(
                    source=(event.get("source") or "").strip(),
                    target=(event.get("target") or "").strip(),
                    code=code,
                    category=category,
                    raw=event,
                )
            )
        if record.get("date_is_placeholder") is True:
            date = None
            placeholders += 1
        else:
            date = check_date(record.get("date"), where)
        group = record.get("category")
        identifier = record["id"].strip()
        sentences.append(
            GoldSentence(
                id=identifier,
                text=record["text"],
                date=date,
                scheme=file_scheme,
                events=gold_events,
                expect_no_event=record.get("expect_no_event", False),
                group=group.strip() if isinstance(group, str) and group.strip() else id_group(identifier),
                line=number,
            )
        )
    return GoldFile(path=name, scheme=file_scheme, sentences=sentences, skipped=skipped, placeholder_dates=placeholders)
