"""Event filters turned into SQL with bound parameters (no value is ever pasted into SQL text).

``EventFilter`` validates what a caller (CLI, API, analysis) passes and ``where()`` gives the
``WHERE`` clause and its parameters; the column lists here fix the shape of ``events_frame``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

# The columns of Store.events_frame, in order: the analysis module relies on exactly these.
FRAME_COLUMNS: tuple[str, ...] = (
    "id",
    "doc_id",
    "date",
    "source_code",
    "source_country",
    "target_code",
    "target_country",
    "cameo",
    "root",
    "quad_class",
    "goldstein",
    "plover_event",
    "modality",
    "confidence",
    "location_country",
    "sentence_index",
    "sentence_text",
    "trigger_text",
    "num_mentions",
    "num_sources",
)

INT_COLUMNS = ("quad_class", "sentence_index", "num_mentions", "num_sources")
FLOAT_COLUMNS = ("goldstein", "confidence")

FRAME_SELECT = ", ".join("CAST(e.date AS TIMESTAMP) AS date" if c == "date" else f"e.{c}" for c in FRAME_COLUMNS)

ORDER = "ORDER BY e.date NULLS LAST, e.doc_id, e.sentence_index, e.id"

MODALITIES = ("asserted", "negated", "intended", "conditional", "hypothetical")
_ACTOR = re.compile(r"^[A-Z0-9]{2,15}$")
_CATEGORY = re.compile(r"^[A-Z_]{2,30}$")


def _day(value: str | date | datetime | None, name: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ValueError(f"{name}: bad date {value!r}, expected YYYY-MM-DD") from None


def _actor(value: str, name: str) -> str:
    code = str(value).strip().upper()
    if not _ACTOR.match(code):
        raise ValueError(f"{name}: bad actor code {value!r}, expected letters like RUS or RUSGOV")
    return code


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None
    dyad: tuple[str, str] | None = None
    since: date | None = None
    until: date | None = None
    root: str | None = None
    category: str | None = None
    modality: str | None = None
    limit: int | None = None

    @classmethod
    def of(
        cls,
        actor: str | None = None,
        dyad: str | tuple[str, str] | list[str] | None = None,
        since=None,
        until=None,
        root: str | int | None = None,
        category: str | None = None,
        modality: str | None = None,
        limit: int | None = None,
    ) -> EventFilter:
        """Validate raw filter values; a bad one raises ``ValueError`` naming the parameter."""
        pair = None
        if dyad:
            parts = dyad.split(":") if isinstance(dyad, str) else list(dyad)
            if len(parts) != 2 or not all(str(p).strip() for p in parts):
                raise ValueError(f"dyad: expected two actors like RUS:KOR, got {dyad!r}")
            pair = (_actor(parts[0], "dyad"), _actor(parts[1], "dyad"))
        root_code = None
        if root is not None and root != "":
            text = str(root).strip()
            if not text.isdigit() or not 1 <= int(text) <= 20:
                raise ValueError(f"root: expected a CAMEO root 01-20, got {root!r}")
            root_code = f"{int(text):02d}"
        cat = None
        if category:
            cat = str(category).strip().upper()
            if not _CATEGORY.match(cat):
                raise ValueError(f"category: bad PLOVER category {category!r}, e.g. THREATEN")
        mod = None
        if modality and str(modality).strip().lower() not in ("any", "all"):
            mod = str(modality).strip().lower()
            if mod not in MODALITIES:
                raise ValueError(f"modality: expected one of {', '.join(MODALITIES)} (or any), got {modality!r}")
        if limit is not None:
            limit = int(limit)
            if limit < 0:
                raise ValueError(f"limit: expected a number >= 0, got {limit}")
        start, end = _day(since, "since"), _day(until, "until")
        if start and end and start > end:
            raise ValueError(f"since {start} is after until {end}")
        return cls(
            actor=_actor(actor, "actor") if actor else None,
            dyad=pair,
            since=start,
            until=end,
            root=root_code,
            category=cat,
            modality=mod,
            limit=limit,
        )

    def where(self, alias: str = "e") -> tuple[str, list]:
        """``("WHERE ...", params)``; an empty clause when nothing is filtered."""
        clauses: list[str] = []
        params: list = []

        def side(role: str, code: str) -> str:
            # An actor matches by country (RUS) or by code prefix (RUSGOV, IGOUNO).
            params.extend([code, code])
            return f"({alias}.{role}_country = ? OR starts_with({alias}.{role}_code, ?))"

        if self.actor:
            clauses.append(f"({side('source', self.actor)} OR {side('target', self.actor)})")
        if self.dyad:
            a, b = self.dyad
            clauses.append(
                f"(({side('source', a)} AND {side('target', b)}) OR ({side('source', b)} AND {side('target', a)}))"
            )
        if self.since:
            clauses.append(f"{alias}.date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{alias}.date <= ?")
            params.append(self.until)
        if self.root:
            clauses.append(f"{alias}.root = ?")
            params.append(self.root)
        if self.category:
            clauses.append(f"{alias}.plover_event = ?")
            params.append(self.category)
        if self.modality:
            clauses.append(f"{alias}.modality = ?")
            params.append(self.modality)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    def limit_clause(self) -> tuple[str, list]:
        if self.limit is None:
            return "", []
        return "LIMIT ?", [self.limit]


def events_query(flt: EventFilter, select: str = FRAME_SELECT) -> tuple[str, list]:
    """The full ``SELECT`` over events for a filter, in a stable order."""
    where, params = flt.where()
    limit, limit_params = flt.limit_clause()
    sql = f"SELECT {select} FROM events e {where} {ORDER} {limit}"
    return sql, params + limit_params
