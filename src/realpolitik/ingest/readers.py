"""Readers: files, folders and globs -> a stream of ``Article`` (or ``Problem``) records.

``discover`` expands the paths a user gives (folders recursively, globs, in a stable sorted
order); ``detect_format`` picks a reader by extension, checked against the first bytes (binary
data, JSON arrays, XML that is not a feed are refused with a reason); ``read_inputs`` streams
every article with how many input bytes are consumed so far, for progress. Each reader reads
one format and yields articles one at a time: JSONL and CSV are streamed line by line, so
memory stays flat whatever their size; a text, HTML or feed file is one bounded read.

A bad file becomes one ``Problem`` naming the path and the reason; a bad record inside a
stream (a JSONL line, a CSV row, a feed entry) becomes a ``Problem`` naming its line, and
reading goes on.
"""

from __future__ import annotations

import codecs
import csv
import glob
import json
import logging
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from realpolitik.ingest.text import MAX_TEXT_BYTES, InputError, Problem, decode
from realpolitik.records import Article, stable_id

MAX_HTML_BYTES = 20 * 1024 * 1024
MAX_FEED_BYTES = 50 * 1024 * 1024
MAX_LINE_BYTES = MAX_TEXT_BYTES + 64 * 1024

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".xml": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
}
FORMATS = ("text", "html", "feed", "jsonl", "csv")

_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "gzip-compressed data (decompress it first)",
    b"BZh": "bzip2-compressed data (decompress it first)",
    b"\xfd7zXZ": "xz-compressed data (decompress it first)",
    b"DUCK": "a DuckDB database",
    b"SQLite format 3": "an SQLite database",
    b"\x7fELF": "an executable",
}

TEXT_COLUMNS = ("text", "body", "content", "article", "full_text", "fulltext", "story")
ID_COLUMNS = ("id", "doc_id", "docid", "guid", "article_id")
DATE_COLUMNS = ("date", "published", "pubdate", "pub_date", "publish_date", "published_at", "datetime", "timestamp")
TITLE_COLUMNS = ("title", "headline")
URL_COLUMNS = ("url", "link", "source_url")
SOURCE_COLUMNS = ("source", "outlet", "publisher", "site", "sitename", "media")


@dataclass(frozen=True)
class Entry:
    """One item of the input stream: an article or a problem, where it came from, and how many
    input bytes are consumed once it is read (for the progress bar)."""

    item: Article | Problem
    origin: str
    done_bytes: int


# -- finding files ---------------------------------------------------------------------------


def _walk(folder: Path) -> Iterator[Path]:
    """Files in a folder, recursively, sorted; hidden files and unknown extensions are skipped
    (files without an extension are read and sniffed)."""
    for root, dirs, files in os.walk(folder, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            suffix = path.suffix.lower()
            if suffix in EXTENSIONS or suffix == "":
                yield path


def discover(paths: Iterable[str | os.PathLike]) -> Iterator[Path | Problem]:
    """Files to read, from files, folders (recursively) and globs; each file once."""
    seen: set[Path] = set()

    def once(path: Path) -> Iterator[Path]:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            yield path

    for raw in paths:
        name = str(raw)
        path = Path(name)
        if path.is_dir():
            for found in _walk(path):
                yield from once(found)
        elif path.exists() or path.is_symlink():
            yield from once(path)
        elif glob.has_magic(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield Problem(name, f"{name}: no files match this pattern")
            for match in matches:
                found_path = Path(match)
                if found_path.is_dir():
                    for found in _walk(found_path):
                        yield from once(found)
                else:
                    yield from once(found_path)
        else:
            yield Problem(name, f"{name}: no such file or directory")


# -- format detection ------------------------------------------------------------------------


def _binary(head: bytes, where: str) -> None:
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            raise InputError(f"{where}: {what}, not text")
    if b"\x00" in head:
        raise InputError(f"{where}: binary data, not text")


def detect_format(path: Path, head: bytes) -> str:
    """The reader for a file: by extension, checked against its first bytes; by sniffing the
    first bytes when the extension says nothing."""
    where = str(path)
    if not head.strip():
        raise InputError(f"{where}: empty file")
    _binary(head, where)
    start = head.lstrip(codecs.BOM_UTF8).lstrip()
    lower = start[:2048].lower()
    is_feed = any(tag in lower for tag in (b"<rss", b"<feed", b"<rdf:rdf", b"<rdf "))
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt == "jsonl" and start.startswith(b"["):
        raise InputError(f"{where}: a JSON array, not JSON Lines; write one object per line (e.g. jq -c '.[]')")
    if fmt == "feed" and not is_feed:
        if lower.startswith(b"<!doctype html") or b"<html" in lower:
            return "html"
        raise InputError(f"{where}: XML but not an RSS or Atom feed")
    if fmt is not None:
        return fmt
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"["):
        raise InputError(f"{where}: a JSON array, not JSON Lines; write one object per line (e.g. jq -c '.[]')")
    if start.startswith(b"<"):
        if is_feed:
            return "feed"
        if lower.startswith(b"<!doctype html") or b"<html" in lower or b"<body" in lower or b"<p>" in lower:
            return "html"
        if lower.startswith(b"<?xml"):
            raise InputError(f"{where}: XML but not an RSS or Atom feed")
    return "text"


# -- helpers -----------------------------------------------------------------------------------


def domain(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%Y%m%d")


def parse_date(value, where: str) -> str | None:
    """An ISO date ``YYYY-MM-DD`` from ISO dates/times, RFC 2822 dates and common spellings
    ("20 June 2024", "June 20, 2024"); None for no value; InputError for an unreadable one."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    text = str(value).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        parsed = parsedate_to_datetime(text)
        if parsed is not None:
            return parsed.date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    raise InputError(f"{where}: bad date {text[:40]!r}, expected YYYY-MM-DD")


def file_doc_id(path: Path, text: str) -> str:
    """A file's document id: its name plus a short content hash, so the same file read again
    (by any path) gets the same id and two different files that share a name do not collide."""
    return f"{path.stem}-{stable_id(text)[:8]}"


def _text_or_none(value) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _source_of(record: dict) -> str | None:
    for key in SOURCE_COLUMNS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, dict):
            name = value.get("name") or value.get("outlet") or value.get("title")
            if isinstance(name, str) and name.strip():
                return name.strip()
    sources = record.get("sources")
    if isinstance(sources, list) and sources:
        first = sources[0]
        if isinstance(first, str) and first.strip():
            return first.strip()
        if isinstance(first, dict):
            name = first.get("outlet") or first.get("name")
            if isinstance(name, str) and name.strip():
                return name.strip()
    return None


class _TextOfHtml(HTMLParser):
    """Visible text of an HTML fragment (feed entry content), block elements as line breaks."""

    _BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article", "table"}
    _SKIP = {"script", "style", "noscript", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).split("\n"))
        return "\n".join(line for line in lines if line)


def html_fragment_text(fragment: str) -> str:
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    parser = _TextOfHtml()
    parser.feed(fragment)
    parser.close()
    return parser.text()


def _read_bounded(fh: BinaryIO, limit: int, where: str, what: str) -> bytes:
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{where}: larger than the {limit // (1024 * 1024)} MB limit for {what}; split it")
    return data


# -- the readers ---------------------------------------------------------------------------------


def read_text(fh: BinaryIO, path: Path) -> Iterator[Article | Problem]:
    """A plain UTF-8 text file: one article, no date (``--date`` can give one)."""
    where = str(path)
    text = decode(_read_bounded(fh, MAX_TEXT_BYTES, where, "one text"), where)
    if not text.strip():
        raise InputError(f"{where}: empty text")
    yield Article(id=file_doc_id(path, text), text=text)


def read_html(fh: BinaryIO, path: Path) -> Iterator[Article | Problem]:
    """An HTML page: its main text (trafilatura), title, date, site name and canonical URL."""
    where = str(path)
    data = _read_bounded(fh, MAX_HTML_BYTES, where, "an HTML page")
    _binary(data[:8192], where)
    import trafilatura

    for name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        doc = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise InputError(f"{where}: cannot parse HTML ({type(exc).__name__}: {str(exc)[:80]})") from None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError(f"{where}: no article text found in the HTML page (malformed, empty or not an article)")
    try:
        day = parse_date(getattr(doc, "date", None), where)
    except InputError:
        day = None
    url = _text_or_none(getattr(doc, "url", None))
    source = _text_or_none(getattr(doc, "sitename", None)) or _text_or_none(getattr(doc, "hostname", None)) or domain(url)
    yield Article(id=file_doc_id(path, text), text=text, date=day, title=_text_or_none(getattr(doc, "title", None)), url=url, source=source)


def read_feed(fh: BinaryIO, path: Path) -> Iterator[Article | Problem]:
    """An RSS or Atom feed: each entry an article (its content, else its summary)."""
    where = str(path)
    data = _read_bounded(fh, MAX_FEED_BYTES, where, "a feed")
    _binary(data[:8192], where)
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        benign = (getattr(feedparser, "CharacterEncodingOverride", ()), getattr(feedparser, "NonXMLContentType", ()))
        if not isinstance(exc, benign):
            line = getattr(exc, "getLineNumber", lambda: None)()
            at = f" at line {line}" if line else ""
            reason = str(getattr(exc, "getMessage", lambda: exc)()) if exc is not None else "unknown error"
            raise InputError(f"{where}: malformed feed ({reason}{at})")
    if not parsed.get("version"):
        raise InputError(f"{where}: not an RSS or Atom feed")
    feed_title = _text_or_none(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        entry_where = f"{where} entry {number}"
        body = ""
        for content in entry.get("content") or []:
            value = content.get("value") if isinstance(content, dict) else None
            if value and value.strip():
                body = value
                break
        if not body:
            body = entry.get("summary") or entry.get("description") or ""
        text = html_fragment_text(body)
        if not text.strip():
            yield Problem(entry_where, f"{entry_where}: entry has no text")
            continue
        link = _text_or_none(entry.get("link"))
        try:
            day = parse_date(entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("published") or entry.get("updated"), entry_where)
        except InputError:
            day = None
        doc_id = _text_or_none(entry.get("id")) or link or file_doc_id(path, text)
        yield Article(
            id=doc_id,
            text=text,
            date=day,
            title=_text_or_none(entry.get("title")),
            url=link,
            source=feed_title or domain(link),
        )


def article_from_record(record, where: str) -> Article:
    """A JSON object ``{"id"?, "text", "date"?, "title"?, "url"?, "source"?...}`` as an Article.
    A missing id becomes a hash of the text, so the same record always gets the same id."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object")
    text = record.get("text")
    if text is None:
        text = record.get("body") if record.get("body") is not None else record.get("content")
    if not isinstance(text, str):
        raise InputError(f"{where}: missing 'text' string")
    if not text.strip():
        raise InputError(f"{where}: empty text")
    doc_id = record.get("id")
    if isinstance(doc_id, (dict, list, bool)):
        raise InputError(f"{where}: 'id' must be a string or number")
    doc_id = str(doc_id).strip() if doc_id not in (None, "") else stable_id(text)[:16]
    url = _text_or_none(record.get("url")) or _text_or_none(record.get("link"))
    return Article(
        id=doc_id,
        text=text,
        date=parse_date(record.get("date") if record.get("date") not in (None, "") else record.get("published"), where),
        title=_text_or_none(record.get("title")) or _text_or_none(record.get("headline")),
        url=url,
        source=_source_of(record) or domain(url),
    )


def read_jsonl(fh: BinaryIO, path: Path) -> Iterator[Article | Problem]:
    """JSON Lines, streamed: a bad line is a Problem naming ``path:line`` and reading goes on."""
    where = str(path)
    for number, raw in enumerate(fh, start=1):
        line_where = f"{where}:{number}"
        if not raw.strip():
            continue
        if len(raw) > MAX_LINE_BYTES:
            yield Problem(line_where, f"{line_where}: line longer than {MAX_LINE_BYTES // (1024 * 1024)} MB")
            continue
        try:
            line = decode(raw, line_where)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{line_where}: malformed JSON ({exc.msg} at column {exc.colno})") from None
            yield article_from_record(record, line_where)
        except InputError as exc:
            yield Problem(line_where, str(exc))


def _pick(columns: list[str], names: tuple[str, ...]) -> str | None:
    for name in names:
        if name in columns:
            return name
    return None


def read_csv(fh: BinaryIO, path: Path) -> Iterator[Article | Problem]:
    """CSV/TSV with a header and a text column (text, body, content, ...), streamed by row."""
    where = str(path)
    head = fh.read(8192)
    fh.seek(0)
    _binary(head, where)
    sample = head.decode("utf-8-sig", errors="replace")
    if path.suffix.lower() == ".tsv":
        delimiter = "\t"
    else:
        try:
            delimiter = csv.Sniffer().sniff(sample.split("\n", 1)[0] + "\n", delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="strict")
    state = {"line": 0}

    def lines() -> Iterator[str]:
        for raw in fh:
            state["line"] += 1
            try:
                yield decoder.decode(raw)
            except UnicodeDecodeError as exc:
                raise InputError(f"{where}:{state['line']}: not valid UTF-8 (byte {exc.start} of the line)") from None

    csv.field_size_limit(MAX_LINE_BYTES)
    reader = csv.reader(lines(), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{where}: empty file") from None
    except csv.Error as exc:
        raise InputError(f"{where}:1: malformed CSV header ({exc})") from None
    columns = [h.strip().lower() for h in header]
    text_col = _pick(columns, TEXT_COLUMNS)
    if text_col is None:
        shown = ", ".join(h for h in columns[:12] if h) or "(none)"
        raise InputError(f"{where}: no text column (looked for {', '.join(TEXT_COLUMNS[:4])}, ...); its columns are {shown}")
    index = {name: columns.index(name) for name in columns if name}
    get_id, get_date = _pick(columns, ID_COLUMNS), _pick(columns, DATE_COLUMNS)
    get_title, get_url, get_source = _pick(columns, TITLE_COLUMNS), _pick(columns, URL_COLUMNS), _pick(columns, SOURCE_COLUMNS)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Problem(f"{where}:{reader.line_num}", f"{where}:{reader.line_num}: malformed CSV ({exc}); rest of the file skipped")
            return
        except InputError as exc:
            yield Problem(where, f"{exc}; rest of the file skipped")
            return
        row_where = f"{where}:{reader.line_num}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            yield Problem(row_where, f"{row_where}: row has {len(row)} fields, the header has {len(columns)}")
            continue
        record = {name: row[i] for name, i in index.items()}
        try:
            text = record[text_col]
            if not text.strip():
                raise InputError(f"{row_where}: empty text")
            raw_id = record.get(get_id, "").strip() if get_id else ""
            url = _text_or_none(record.get(get_url)) if get_url else None
            yield Article(
                id=raw_id or stable_id(text)[:16],
                text=text,
                date=parse_date(record.get(get_date), row_where) if get_date else None,
                title=_text_or_none(record.get(get_title)) if get_title else None,
                url=url,
                source=(_text_or_none(record.get(get_source)) if get_source else None) or domain(url),
            )
        except InputError as exc:
            yield Problem(row_where, str(exc))


READERS = {"text": read_text, "html": read_html, "feed": read_feed, "jsonl": read_jsonl, "csv": read_csv}


# -- the stream ------------------------------------------------------------------------------------


def input_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def read_file(path: Path, offset: int = 0) -> Iterator[Entry]:
    """Every article of one file as Entries (``done_bytes`` counted from ``offset``); a file
    that cannot be read at all yields one Problem."""
    where = str(path)
    size = input_size(path)
    try:
        if path.is_dir():
            raise InputError(f"{where}: is a directory")
        if not path.exists():
            raise InputError(f"{where}: no such file (a broken link?)")
        try:
            fh = open(path, "rb")
        except OSError as exc:
            raise InputError(f"{where}: cannot read ({exc.strerror})") from None
        with fh:
            try:
                head = fh.read(8192)
                fh.seek(0)
            except OSError as exc:
                raise InputError(f"{where}: cannot read ({exc.strerror})") from None
            fmt = detect_format(path, head)
            for item in READERS[fmt](fh, path):
                try:
                    position = fh.tell()
                except (OSError, ValueError):
                    position = 0
                yield Entry(item, where, offset + min(position, size))
    except InputError as exc:
        yield Entry(Problem(where, str(exc)), where, offset + size)
    except OSError as exc:
        yield Entry(Problem(where, f"{where}: cannot read ({exc.strerror or exc})"), where, offset + size)


def read_inputs(paths: Iterable[str | os.PathLike]) -> tuple[int, Iterator[Entry]]:
    """(total input bytes, the stream of Entries of all files) for files, folders and globs."""
    found = list(discover(paths))
    total = sum(input_size(p) for p in found if isinstance(p, Path))

    def stream() -> Iterator[Entry]:
        done = 0
        for item in found:
            if isinstance(item, Problem):
                yield Entry(item, item.where, done)
                continue
            size = input_size(item)
            for entry in read_file(item, done):
                yield entry
            done += size

    return total, stream()
