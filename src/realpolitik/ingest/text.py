"""Reading text safely: size limits, binary and encoding checks, language, dates.

Every failure is an ``InputError`` whose message names the input (and line, for JSONL), so the
CLI can print one line and move on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from realpolitik.records import Article

MAX_TEXT_BYTES = 5 * 1024 * 1024
# Shorter texts carry too little signal for language identification to be trusted.
MIN_CHARS_FOR_LANGUAGE = 40


class InputError(ValueError):
    """An input that cannot be coded; the message says which and why."""


@dataclass(frozen=True)
class Problem:
    """A bad record inside a stream that is otherwise read on (one JSONL line)."""

    where: str
    message: str


def decode(data: bytes, where: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not valid UTF-8 (byte {exc.start}); convert it with iconv first") from None
    return text


def check_text(text: str, where: str) -> str:
    if not text.strip():
        raise InputError(f"{where}: empty text")
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise InputError(f"{where}: text larger than {MAX_TEXT_BYTES // (1024 * 1024)} MB; split it into articles")
    language = detect_language(text)
    if language not in (None, "en"):
        raise InputError(f"{where}: text looks like {language!r}, not English; realpolitik codes English only")
    return text


def check_date(value, where: str) -> str | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise InputError(f"{where}: bad date {value!r}, expected YYYY-MM-DD") from None


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 language of the text, or None when it is too short to tell."""
    sample = text[:3000]
    if len(sample.strip()) < MIN_CHARS_FOR_LANGUAGE:
        return None
    language, probability = _identifier().classify(sample)
    return language if probability >= 0.9 else None


def read_text_file(path: Path) -> str:
    where = str(path)
    if not path.exists():
        raise InputError(f"{where}: no such file")
    if path.is_dir():
        raise InputError(f"{where}: is a directory, not a text file")
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise InputError(f"{where}: {size / 1024 / 1024:.1f} MB is larger than the {MAX_TEXT_BYTES // (1024 * 1024)} MB limit for one text; split it into articles (e.g. JSONL)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{where}: cannot read ({exc.strerror})") from None
    return check_text(decode(data, where), where)


def article_from_json(line: str, where: str, default_date: str | None = None) -> Article:
    """One JSONL record ``{"id", "text", "date"?, "title"?, "url"?}`` as an Article."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: malformed JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: missing 'text' string")
    doc_id = record.get("id")
    if doc_id in (None, ""):
        raise InputError(f"{where}: missing 'id'")
    check_text(text, where)
    return Article(
        id=str(doc_id),
        text=text,
        date=check_date(record.get("date"), where) or default_date,
        title=record.get("title") if isinstance(record.get("title"), str) else None,
        url=record.get("url") if isinstance(record.get("url"), str) else None,
    )


def read_jsonl(lines: Iterator[bytes], source: str, default_date: str | None = None) -> Iterator[Article | Problem]:
    """Articles from JSONL lines; a bad line yields a Problem and reading goes on."""
    for number, raw in enumerate(lines, start=1):
        where = f"{source}:{number}"
        if not raw.strip():
            continue
        try:
            yield article_from_json(decode(raw, where), where, default_date)
        except InputError as exc:
            yield Problem(where, str(exc))
