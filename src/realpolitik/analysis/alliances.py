"""Alliance-treaty baseline: which treaty obligations are in force, and what an event triggers.

The data live in ``analysis/data/treaties.yaml`` (one entry per treaty, see its header). This module
loads and validates that file and answers three questions:

* :func:`obligations_in_force` — who is obliged towards whom on a date;
* :func:`triggered_by` — which obligations an event "SOURCE CAMEO TARGET" would activate;
* :func:`atop_rows` — ATOP-style directed dyad-year rows, extended to the present.

:func:`as_commitments` turns the treaties into :class:`realpolitik.records.Commitment` records
(``source_kind="treaty"``) so they can flow with the commitments coded from news.

Date conventions: ``in_force``/``joined`` are the first day covered; ``ended``/``left`` (and a
suspension's ``until``) are the first day *not* covered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from realpolitik.records import Commitment, Pattern, stable_id

__all__ = [
    "ATOP_FLAGS",
    "OBLIGATION_TYPES",
    "Activation",
    "Membership",
    "Obligation",
    "Suspension",
    "Treaty",
    "TreatyDataError",
    "as_commitments",
    "atop_rows",
    "load_treaties",
    "non_alliances",
    "obligations_in_force",
    "parse_treaties",
    "triggered_by",
]

OBLIGATION_TYPES: tuple[str, ...] = ("defense", "offense", "neutrality", "nonaggression", "consultation")
#: obligation type -> ATOP column name
ATOP_FLAGS: dict[str, str] = {
    "defense": "defense",
    "offense": "offense",
    "neutrality": "neutral",
    "nonaggression": "nonagg",
    "consultation": "consul",
}

_ISO3 = re.compile(r"^[A-Z]{3}$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ROOT = re.compile(r"^(0[1-9]|1[0-9]|20)$")

_REQUIRED_KEYS = (
    "id", "name", "signed", "in_force", "alliance", "obligations", "article", "scope",
    "trigger_roots", "members", "checked",
)  # fmt: skip
_OPTIONAL_KEYS = (
    "short", "ended", "region", "guarantors", "protected", "suspensions", "approximate", "note",
)  # fmt: skip
_MEMBER_KEYS = ("country", "joined", "left", "note", "approximate")
_SUSPENSION_KEYS = ("between", "since", "until", "note")
_TREATY_APPROX = ("signed", "in_force", "ended", "article", "members")
_MEMBER_APPROX = ("joined", "left")


class TreatyDataError(ValueError):
    """The treaty file is malformed. ``errors`` lists every problem as ``file:line: message``."""

    def __init__(self, errors: Sequence[str]):
        self.errors = list(errors)
        super().__init__("invalid treaty data:\n  " + "\n  ".join(self.errors))


# ----------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Membership:
    """One period of one country's membership (a country that left and rejoined has two)."""

    country: str
    joined: date
    left: date | None = None
    note: str | None = None
    approximate: tuple[str, ...] = ()
    line: int | None = None

    def active_on(self, day: date) -> bool:
        return self.joined <= day and (self.left is None or day < self.left)


@dataclass(frozen=True)
class Suspension:
    """Obligations between two members suspended (both ways) from ``since`` until ``until``."""

    between: tuple[str, str]
    since: date
    until: date | None = None
    note: str | None = None

    def covers(self, a: str, b: str, day: date) -> bool:
        return {a, b} == set(self.between) and self.since <= day and (self.until is None or day < self.until)


@dataclass(frozen=True)
class Treaty:
    id: str
    name: str
    short: str | None
    signed: date | None
    in_force: date | None
    ended: date | None
    alliance: bool
    obligations: tuple[str, ...]
    article: str | None
    scope: str
    region: str | None
    trigger_roots: tuple[str, ...]
    guarantors: tuple[str, ...] | None
    protected: tuple[str, ...] | None
    members: tuple[Membership, ...]
    suspensions: tuple[Suspension, ...]
    checked: str
    approximate: tuple[str, ...] = ()
    note: str | None = None
    source: str = ""
    line: int = 0

    @property
    def label(self) -> str:
        return self.short or self.name

    @property
    def countries(self) -> list[str]:
        """Every country that was ever a member, sorted."""
        return sorted({m.country for m in self.members})

    def in_force_on(self, day: date) -> bool:
        return self.in_force is not None and self.in_force <= day and (self.ended is None or day < self.ended)

    def membership_on(self, country: str, day: date) -> Membership | None:
        for m in self.members:
            if m.country == country and m.active_on(day):
                return m
        return None

    def members_on(self, day: date) -> list[str]:
        """Members on ``day`` (empty when the treaty itself is not in force)."""
        if not self.in_force_on(day):
            return []
        return sorted({m.country for m in self.members if m.active_on(day)})

    def is_obliged(self, country: str) -> bool:
        return self.alliance and (self.guarantors is None or country in self.guarantors)

    def is_protected(self, country: str) -> bool:
        return self.alliance and (self.protected is None or country in self.protected)

    def suspended(self, a: str, b: str, day: date) -> bool:
        return any(s.covers(a, b, day) for s in self.suspensions)


@dataclass(frozen=True)
class Obligation:
    """``obliged`` owes ``types`` (e.g. defense) to ``protected`` under ``treaty``."""

    treaty: str
    treaty_name: str
    article: str | None
    obliged: str
    protected: str
    types: tuple[str, ...]
    in_force: date
    obliged_joined: date
    protected_joined: date
    region: str | None = None

    @property
    def since(self) -> date:
        """The day from which this directed obligation has existed (latest of the three dates)."""
        return max(self.in_force, self.obliged_joined, self.protected_joined)

    def to_dict(self) -> dict[str, Any]:
        return {
            "treaty": self.treaty,
            "treaty_name": self.treaty_name,
            "article": self.article,
            "obliged": self.obliged,
            "protected": self.protected,
            "types": list(self.types),
            "in_force": self.in_force.isoformat(),
            "obliged_joined": self.obliged_joined.isoformat(),
            "protected_joined": self.protected_joined.isoformat(),
            "since": self.since.isoformat(),
            "region": self.region,
        }


@dataclass(frozen=True)
class Activation:
    """An obligation activated by the event ``source cameo protected`` on ``as_of``."""

    obliged: str
    protected: str
    source: str
    cameo: str
    treaty: str
    treaty_name: str
    article: str | None
    types: tuple[str, ...]
    as_of: date
    in_force: date
    obliged_joined: date
    protected_joined: date
    region: str | None = None

    def explain(self) -> str:
        kinds = "/".join(self.types)
        where = f" (scope: {self.region})" if self.region else ""
        return (
            f"{self.obliged} is obliged ({kinds}) to {self.protected} under {self.treaty_name}, "
            f"{self.article or 'no article'}: treaty in force since {self.in_force.isoformat()}, "
            f"{self.obliged} a party since {self.obliged_joined.isoformat()}, "
            f"{self.protected} since {self.protected_joined.isoformat()}{where}"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "obliged": self.obliged,
            "protected": self.protected,
            "source": self.source,
            "cameo": self.cameo,
            "treaty": self.treaty,
            "treaty_name": self.treaty_name,
            "article": self.article,
            "types": list(self.types),
            "as_of": self.as_of.isoformat(),
            "in_force": self.in_force.isoformat(),
            "obliged_joined": self.obliged_joined.isoformat(),
            "protected_joined": self.protected_joined.isoformat(),
            "region": self.region,
            "explanation": self.explain(),
        }


# ----------------------------------------------------------------------------- loading


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text and records line numbers on every mapping.

    Each mapping gets ``__line__`` (its first line, 1-based) and ``__lines__`` (key -> line of
    its value). Timestamps are not resolved, so a bad date reaches validation (and gets a line
    number) instead of failing inside YAML.
    """


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    mapping: dict[Any, Any] = {}
    lines: dict[Any, int] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "unhashable mapping key", key_node.start_mark
            ) from None
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        lines[key] = value_node.start_mark.line + 1
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = lines
    return mapping


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def _default_path() -> Any:
    return resources.files("realpolitik.analysis").joinpath("data/treaties.yaml")


def load_treaties(path: str | Path | None = None) -> list[Treaty]:
    """Read and validate the treaty file (default: the packaged ``data/treaties.yaml``).

    Raises :class:`TreatyDataError` naming the file and line of every offending entry.
    The parsed result is cached per path.
    """
    return list(_load_cached(None if path is None else str(path)))


@lru_cache(maxsize=16)
def _load_cached(path: str | None) -> tuple[Treaty, ...]:
    if path is None:
        res = _default_path()
        return tuple(parse_treaties(res.read_text(encoding="utf-8"), str(res)))
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise TreatyDataError([f"{p}: cannot read: {exc}"]) from exc
    return tuple(parse_treaties(text, str(p)))


def parse_treaties(text: str, name: str = "<treaties>") -> list[Treaty]:
    """Parse and validate treaty YAML ``text``; ``name`` is used in error messages."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        message = f"{name}:{line}: YAML error: {exc.problem or exc}"
        if exc.context and exc.context_mark is not None:
            message += f" ({exc.context} started on line {exc.context_mark.line + 1})"
        raise TreatyDataError([message]) from exc
    except yaml.YAMLError as exc:
        raise TreatyDataError([f"{name}: YAML error: {exc}"]) from exc
    return _Validator(name).treaties(data)


class _Validator:
    """Turns the raw YAML into :class:`Treaty` objects, collecting every problem with its line."""

    def __init__(self, name: str):
        self.name = name
        self.errors: list[str] = []

    def error(self, line: int, message: str) -> None:
        self.errors.append(f"{self.name}:{line}: {message}")

    # -- helpers ---------------------------------------------------------------------------
    @staticmethod
    def _line(raw: dict[str, Any], key: str | None = None) -> int:
        if key is not None:
            line = raw.get("__lines__", {}).get(key)
            if line:
                return int(line)
        return int(raw.get("__line__", 0))

    def _date(self, raw: dict[str, Any], key: str, where: str, *, nullable: bool) -> date | None:
        value = raw.get(key)
        line = self._line(raw, key)
        if value is None:
            if not nullable:
                self.error(line, f"{where}: '{key}' must be a date YYYY-MM-DD, not empty")
            return None
        if isinstance(value, date):  # only if someone loads with timestamps on
            return value
        if not isinstance(value, str) or not _ISO_DATE.match(value):
            self.error(line, f"{where}: '{key}' must be a date YYYY-MM-DD, got {value!r}")
            return None
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            self.error(line, f"{where}: '{key}' is not a valid date ({value!r}: {exc})")
            return None

    def _str(self, raw: dict[str, Any], key: str, where: str, *, nullable: bool) -> str | None:
        value = raw.get(key)
        if value is None:
            if not nullable:
                self.error(self._line(raw, key), f"{where}: '{key}' is required (non-empty text)")
            return None
        if not isinstance(value, str) or not value.strip():
            self.error(self._line(raw, key), f"{where}: '{key}' must be non-empty text, got {value!r}")
            return None
        return value.strip()

    def _iso3_list(self, raw: dict[str, Any], key: str, where: str) -> tuple[str, ...] | None:
        value = raw.get(key)
        if value is None:
            return None
        line = self._line(raw, key)
        if not isinstance(value, list) or not value:
            self.error(line, f"{where}: '{key}' must be null or a non-empty list of ISO3 codes")
            return None
        out: list[str] = []
        for code in value:
            if not isinstance(code, str) or not _ISO3.match(code):
                self.error(line, f"{where}: '{key}' has {code!r}, not an ISO3 code (three capitals)")
            else:
                out.append(code)
        return tuple(out)

    def _keys(self, raw: dict[str, Any], allowed: Iterable[str], where: str) -> None:
        allowed = set(allowed)
        for key in raw:
            if isinstance(key, str) and key.startswith("__"):
                continue
            if key not in allowed:
                self.error(self._line(raw, key), f"{where}: unknown key {key!r}")

    def _approx(self, raw: dict[str, Any], allowed: Sequence[str], where: str) -> tuple[str, ...]:
        value = raw.get("approximate")
        if value is None:
            return ()
        if not isinstance(value, list) or any(v not in allowed for v in value):
            self.error(
                self._line(raw, "approximate"),
                f"{where}: 'approximate' must list fields among {', '.join(allowed)}; got {value!r}",
            )
            return ()
        return tuple(value)

    # -- entry points ----------------------------------------------------------------------
    def treaties(self, data: Any) -> list[Treaty]:
        if not isinstance(data, dict) or not isinstance(data.get("treaties"), list):
            line = self._line(data) if isinstance(data, dict) else 1
            raise TreatyDataError([f"{self.name}:{line}: expected a mapping with a 'treaties:' list"])
        out: list[Treaty] = []
        seen: dict[str, int] = {}
        for index, raw in enumerate(data["treaties"]):
            if not isinstance(raw, dict):
                self.error(self._line(data, "treaties"), f"entry #{index + 1} is not a mapping")
                continue
            treaty = self.treaty(raw, index)
            if treaty is None:
                continue
            if treaty.id in seen:
                self.error(treaty.line, f"treaty '{treaty.id}': duplicate id (first on line {seen[treaty.id]})")
            seen.setdefault(treaty.id, treaty.line)
            out.append(treaty)
        if self.errors:
            raise TreatyDataError(self.errors)
        return out

    def treaty(self, raw: dict[str, Any], index: int) -> Treaty | None:
        before = len(self.errors)
        tid = raw.get("id")
        where = f"treaty '{tid}'" if isinstance(tid, str) else f"treaty #{index + 1}"
        line = self._line(raw)
        for key in _REQUIRED_KEYS:
            if key not in raw:
                self.error(line, f"{where}: missing required key '{key}'")
        self._keys(raw, _REQUIRED_KEYS + _OPTIONAL_KEYS, where)
        if not isinstance(tid, str) or not _SLUG.match(tid):
            self.error(self._line(raw, "id"), f"{where}: 'id' must be a lowercase slug (a-z, 0-9, -), got {tid!r}")
        name = self._str(raw, "name", where, nullable=False)
        short = self._str(raw, "short", where, nullable=True)
        scope = self._str(raw, "scope", where, nullable=False)
        checked = self._str(raw, "checked", where, nullable=False)
        region = self._str(raw, "region", where, nullable=True)
        note = self._str(raw, "note", where, nullable=True)

        alliance = raw.get("alliance")
        if not isinstance(alliance, bool):
            self.error(self._line(raw, "alliance"), f"{where}: 'alliance' must be true or false, got {alliance!r}")
            alliance = False

        signed = self._date(raw, "signed", where, nullable=not alliance)
        in_force = self._date(raw, "in_force", where, nullable=True)
        ended = self._date(raw, "ended", where, nullable=True)
        if signed and in_force and in_force < signed and alliance:
            self.error(self._line(raw, "in_force"), f"{where}: in_force {in_force} is before signed {signed}")
        if in_force and ended and ended <= in_force:
            self.error(self._line(raw, "ended"), f"{where}: ended {ended} is not after in_force {in_force}")

        article = self._str(raw, "article", where, nullable=not alliance)

        obligations_raw = raw.get("obligations")
        obligations: tuple[str, ...] = ()
        if not isinstance(obligations_raw, list):
            self.error(self._line(raw, "obligations"), f"{where}: 'obligations' must be a list")
        else:
            bad = [o for o in obligations_raw if o not in OBLIGATION_TYPES]
            if bad:
                self.error(
                    self._line(raw, "obligations"),
                    f"{where}: unknown obligation(s) {bad!r}; valid: {', '.join(OBLIGATION_TYPES)}",
                )
            elif len(set(obligations_raw)) != len(obligations_raw):
                self.error(self._line(raw, "obligations"), f"{where}: repeated obligation type")
            obligations = tuple(o for o in obligations_raw if o in OBLIGATION_TYPES)
            if alliance and not obligations_raw:
                self.error(self._line(raw, "obligations"), f"{where}: an alliance needs at least one obligation")
            if not alliance and obligations_raw:
                self.error(self._line(raw, "obligations"), f"{where}: 'alliance: false' requires 'obligations: []'")

        roots_raw = raw.get("trigger_roots")
        roots: tuple[str, ...] = ()
        if not isinstance(roots_raw, list):
            self.error(self._line(raw, "trigger_roots"), f"{where}: 'trigger_roots' must be a list")
        else:
            bad_roots = [r for r in roots_raw if not isinstance(r, str) or not _ROOT.match(r)]
            if bad_roots:
                self.error(
                    self._line(raw, "trigger_roots"),
                    f"{where}: trigger_roots must be quoted two-digit CAMEO roots '01'..'20', got {bad_roots!r}",
                )
            roots = tuple(r for r in roots_raw if isinstance(r, str) and _ROOT.match(r))
            if alliance and not roots_raw:
                self.error(self._line(raw, "trigger_roots"), f"{where}: an alliance needs trigger_roots")

        members = self.members(raw, where, alliance)
        countries = {m.country for m in members}
        guarantors = self._iso3_list(raw, "guarantors", where)
        protected = self._iso3_list(raw, "protected", where)
        for key, codes in (("guarantors", guarantors), ("protected", protected)):
            for code in codes or ():
                if code not in countries:
                    self.error(self._line(raw, key), f"{where}: {key} lists {code}, which is not a member")
        suspensions = self.suspensions(raw, where, countries)
        approximate = self._approx(raw, _TREATY_APPROX, where)

        if len(self.errors) > before:
            return None
        assert isinstance(tid, str) and name is not None and scope is not None and checked is not None
        return Treaty(
            id=tid,
            name=name,
            short=short,
            signed=signed,
            in_force=in_force,
            ended=ended,
            alliance=alliance,
            obligations=obligations,
            article=article,
            scope=scope,
            region=region,
            trigger_roots=roots,
            guarantors=guarantors,
            protected=protected,
            members=tuple(members),
            suspensions=tuple(suspensions),
            checked=checked,
            approximate=approximate,
            note=note,
            source=self.name,
            line=line,
        )

    def members(self, raw: dict[str, Any], where: str, alliance: bool) -> list[Membership]:
        value = raw.get("members")
        line = self._line(raw, "members")
        if not isinstance(value, list):
            self.error(line, f"{where}: 'members' must be a list")
            return []
        if alliance and not value:
            self.error(line, f"{where}: an alliance needs at least one member")
        out: list[Membership] = []
        for item in value:
            if not isinstance(item, dict):
                self.error(line, f"{where}: member {item!r} must be a mapping {{country: ISO3, joined: date}}")
                continue
            mline = self._line(item)
            country = item.get("country")
            mwhere = f"{where}, member {country!r}"
            self._keys(item, _MEMBER_KEYS, mwhere)
            ok = True
            if not isinstance(country, str) or not _ISO3.match(country):
                self.error(self._line(item, "country"), f"{mwhere}: 'country' must be an ISO3 code (three capitals)")
                ok = False
            joined = self._date(item, "joined", mwhere, nullable=False)
            left = self._date(item, "left", mwhere, nullable=True)
            if joined and left and left < joined:
                self.error(self._line(item, "left"), f"{mwhere}: left {left} is before joined {joined}")
                ok = False
            mnote = self._str(item, "note", mwhere, nullable=True)
            approx = self._approx(item, _MEMBER_APPROX, mwhere)
            if ok and joined is not None and isinstance(country, str):
                out.append(Membership(country, joined, left, mnote, approx, mline))
        # periods of the same country must not overlap
        by_country: dict[str, list[Membership]] = {}
        for m in out:
            by_country.setdefault(m.country, []).append(m)
        for country, spells in by_country.items():
            spells.sort(key=lambda m: m.joined)
            for prev, nxt in zip(spells, spells[1:]):
                if prev.left is None or nxt.joined < prev.left:
                    self.error(nxt.line or line, f"{where}: member {country} has overlapping membership periods")
        return out

    def suspensions(self, raw: dict[str, Any], where: str, countries: set[str]) -> list[Suspension]:
        value = raw.get("suspensions")
        if value is None:
            return []
        line = self._line(raw, "suspensions")
        if not isinstance(value, list):
            self.error(line, f"{where}: 'suspensions' must be a list")
            return []
        out: list[Suspension] = []
        for item in value:
            if not isinstance(item, dict):
                self.error(line, f"{where}: suspension {item!r} must be a mapping")
                continue
            swhere = f"{where}, suspension"
            self._keys(item, _SUSPENSION_KEYS, swhere)
            between = item.get("between")
            ok = True
            if (
                not isinstance(between, list)
                or len(between) != 2
                or not all(isinstance(c, str) and c in countries for c in between)
                or between[0] == between[1]
            ):
                self.error(self._line(item, "between"), f"{swhere}: 'between' must name two different members")
                ok = False
            since = self._date(item, "since", swhere, nullable=False)
            until = self._date(item, "until", swhere, nullable=True)
            if since and until and until <= since:
                self.error(self._line(item, "until"), f"{swhere}: until {until} is not after since {since}")
                ok = False
            snote = self._str(item, "note", swhere, nullable=True)
            if ok and since is not None and isinstance(between, list):
                out.append(Suspension((between[0], between[1]), since, until, snote))
        return out


# ----------------------------------------------------------------------------- queries


def _country(code: str | None) -> str | None:
    """The ISO3 country of an actor code ("RUSGOV" -> "RUS"); None when there is none."""
    if not code:
        return None
    code = code.strip().upper()
    if len(code) < 3 or not code[:3].isalpha():
        return None
    return code[:3]


def _pick(treaties: Sequence[Treaty] | None) -> Sequence[Treaty]:
    return load_treaties() if treaties is None else treaties


def _pairs_on(treaty: Treaty, day: date) -> Iterable[tuple[Membership, Membership]]:
    """(obliged, protected) membership pairs in force on ``day`` — alliances only."""
    if not treaty.alliance or not treaty.in_force_on(day):
        return
    active = [m for m in treaty.members if m.active_on(day)]
    for a in active:
        if not treaty.is_obliged(a.country):
            continue
        for b in active:
            if a.country == b.country or not treaty.is_protected(b.country):
                continue
            if treaty.suspended(a.country, b.country, day):
                continue
            yield a, b


def obligations_in_force(
    as_of: date, actor: str | None = None, *, treaties: Sequence[Treaty] | None = None
) -> list[Obligation]:
    """Directed obligations on ``as_of``: one per (treaty, obliged member, protected member).

    A record exists when the treaty is in force, both members have joined and not left, and
    their mutual obligations are not suspended. With ``actor`` (an ISO3 or an actor code such
    as ``RUSGOV``), only the obligations where it is the obliged or the protected party are kept.
    ``alliance: false`` agreements never appear.
    """
    who = _country(actor) if actor is not None else None
    out: list[Obligation] = []
    for treaty in _pick(treaties):
        for a, b in _pairs_on(treaty, as_of):
            if who is not None and who not in (a.country, b.country):
                continue
            assert treaty.in_force is not None  # _pairs_on yields only while in force
            out.append(
                Obligation(
                    treaty=treaty.id,
                    treaty_name=treaty.name,
                    article=treaty.article,
                    obliged=a.country,
                    protected=b.country,
                    types=treaty.obligations,
                    in_force=treaty.in_force,
                    obliged_joined=a.joined,
                    protected_joined=b.joined,
                    region=treaty.region,
                )
            )
    out.sort(key=lambda o: (o.treaty, o.obliged, o.protected))
    return out


def triggered_by(
    source: str | None,
    cameo: str,
    target: str,
    as_of: date,
    *,
    treaties: Sequence[Treaty] | None = None,
) -> list[Activation]:
    """Obligations activated by the event ``source cameo target`` on ``as_of``.

    An obligation is activated when the event's CAMEO root is one of the treaty's
    ``trigger_roots``, the treaty is in force, and the target is a member the treaty protects on
    that date; every member obliged towards the target on that date (and not suspended) is
    listed. Actor codes are reduced to their country (``"PRKMIL"`` -> ``PRK``).

    Simplifications of this model: the source must NOT itself be a member of the same treaty on
    that date — an attack by one member on another does not trigger their own alliance (e.g.
    Greece-Turkey under NATO); named-adversary clauses, regional limits (``region``) and
    "at the victim's request" conditions are reported but not enforced; the event is taken at
    face value (no attribution of who really attacked).
    """
    tgt = _country(target)
    src = _country(source)
    root = (cameo or "").strip()[:2]
    if tgt is None or not _ROOT.match(root):
        return []
    out: list[Activation] = []
    for treaty in _pick(treaties):
        if not treaty.alliance or root not in treaty.trigger_roots or not treaty.in_force_on(as_of):
            continue
        if src is not None and treaty.membership_on(src, as_of) is not None:
            continue
        victim = treaty.membership_on(tgt, as_of)
        if victim is None or not treaty.is_protected(tgt):
            continue
        for a, b in _pairs_on(treaty, as_of):
            if b.country != tgt:
                continue
            assert treaty.in_force is not None
            out.append(
                Activation(
                    obliged=a.country,
                    protected=tgt,
                    source=src or "",
                    cameo=cameo,
                    treaty=treaty.id,
                    treaty_name=treaty.name,
                    article=treaty.article,
                    types=treaty.obligations,
                    as_of=as_of,
                    in_force=treaty.in_force,
                    obliged_joined=a.joined,
                    protected_joined=b.joined,
                    region=treaty.region,
                )
            )
    out.sort(key=lambda x: (x.treaty, x.obliged))
    return out


def non_alliances(
    actor: str | None = None, *, treaties: Sequence[Treaty] | None = None
) -> list[Treaty]:
    """Agreements listed with ``alliance: false`` (AUKUS, the Quad, ...), optionally those of
    ``actor``; their ``scope`` says why they obligate nobody."""
    who = _country(actor) if actor is not None else None
    return [
        t for t in _pick(treaties) if not t.alliance and (who is None or who in {m.country for m in t.members})
    ]


_RESPONSES: dict[str, Pattern] = {
    # armed assistance: provide military aid (072) or fight alongside (19)
    "defense": Pattern(source=None, target=None, cameo="072", roots=["07", "19"]),
    "offense": Pattern(source=None, target=None, cameo="19", roots=["19"]),
    "consultation": Pattern(source=None, target=None, cameo="040", roots=["04"]),
}


def as_commitments(
    as_of: date | None = None, *, treaties: Sequence[Treaty] | None = None
) -> list[Commitment]:
    """One :class:`Commitment` per alliance treaty (``source_kind="treaty"``).

    With ``as_of``, only treaties in force that day, with the members of that day as parties;
    without it, every alliance treaty with every country that was ever a member.
    ``type`` is the treaty's first obligation; the trigger is any source attacking a party
    (``against_party=True``; for one-sided treaties protecting a single country, that country is
    the trigger's target). The response is what the obligation promises, as a CAMEO pattern:
    defense -> provide military aid / fight (072; roots 07, 19), consultation -> consult (040),
    offense -> fight (19); neutrality and non-aggression promise abstention, so response is None.
    """
    out: list[Commitment] = []
    for treaty in _pick(treaties):
        if not treaty.alliance:
            continue
        if as_of is not None:
            if not treaty.in_force_on(as_of):
                continue
            parties = treaty.members_on(as_of)
        else:
            parties = treaty.countries
        kind = treaty.obligations[0]
        target = treaty.protected[0] if treaty.protected and len(treaty.protected) == 1 else None
        out.append(
            Commitment(
                id=stable_id("treaty", treaty.id),
                doc_id=None,
                date=treaty.signed.isoformat() if treaty.signed else None,
                type=kind,
                parties=parties,
                trigger=Pattern(source=None, target=target, roots=list(treaty.trigger_roots), against_party=True),
                response=_RESPONSES.get(kind),
                sentence=None,
                confidence=1.0,
                source_kind="treaty",
                source_ref=f"{treaty.name}, {treaty.article}" if treaty.article else treaty.name,
                valid_from=treaty.in_force.isoformat() if treaty.in_force else None,
                valid_until=treaty.ended.isoformat() if treaty.ended else None,
                region=treaty.region,
            )
        )
    return out


# ----------------------------------------------------------------------------- ATOP rows

_ONE_DAY = timedelta(days=1)


def _intervals(treaty: Treaty, a: Membership, b: Membership) -> list[tuple[date, date | None]]:
    """Half-open periods during which ``a`` was obliged to ``b`` under ``treaty``."""
    assert treaty.in_force is not None
    start = max(treaty.in_force, a.joined, b.joined)
    ends = [d for d in (treaty.ended, a.left, b.left) if d is not None]
    end = min(ends) if ends else None
    if end is not None and end <= start:
        return []
    periods: list[tuple[date, date | None]] = [(start, end)]
    for s in treaty.suspensions:
        if {a.country, b.country} != set(s.between):
            continue
        nxt: list[tuple[date, date | None]] = []
        for p_start, p_end in periods:
            # part before the suspension
            if p_start < s.since:
                nxt.append((p_start, s.since if p_end is None or s.since < p_end else p_end))
            # part after the suspension
            if s.until is not None and (p_end is None or s.until < p_end):
                nxt.append((max(p_start, s.until), p_end))
        periods = [(x, y) for x, y in nxt if y is None or x < y]
    return periods


def atop_rows(
    as_of_year_from: int = 1946, to_year: int | None = None, *, treaties: Sequence[Treaty] | None = None
) -> list[dict[str, Any]]:
    """ATOP-style directed dyad-year rows, extended to the present.

    One row per ordered pair (stateA, stateB) and year in which stateA was obliged towards stateB
    under at least one alliance treaty in force at any point of that year; flags are OR-ed across
    treaties: ``{"stateA", "stateB", "year", "defense", "offense", "neutral", "nonagg",
    "consul", "treaties"}`` with 0/1 flags and ``treaties`` the sorted list of treaty ids.
    ``to_year`` defaults to the current year. Rows are sorted by stateA, stateB, year.
    """
    last = date.today().year if to_year is None else to_year
    first = as_of_year_from
    acc: dict[tuple[str, str, int], tuple[set[str], set[str]]] = {}
    for treaty in _pick(treaties):
        if not treaty.alliance or treaty.in_force is None:
            continue
        flags = {ATOP_FLAGS[o] for o in treaty.obligations}
        obliged = [m for m in treaty.members if treaty.is_obliged(m.country)]
        protected = [m for m in treaty.members if treaty.is_protected(m.country)]
        for a in obliged:
            for b in protected:
                if a.country == b.country:
                    continue
                for start, end in _intervals(treaty, a, b):
                    y0 = max(start.year, first)
                    y1 = min(last, (end - _ONE_DAY).year if end is not None else last)
                    for year in range(y0, y1 + 1):
                        key = (a.country, b.country, year)
                        entry = acc.get(key)
                        if entry is None:
                            acc[key] = (set(flags), {treaty.id})
                        else:
                            entry[0].update(flags)
                            entry[1].add(treaty.id)
    rows: list[dict[str, Any]] = []
    for (state_a, state_b, year) in sorted(acc):
        fl, ids = acc[(state_a, state_b, year)]
        row: dict[str, Any] = {"stateA": state_a, "stateB": state_b, "year": year}
        for col in ATOP_FLAGS.values():
            row[col] = int(col in fl)
        row["treaties"] = sorted(ids)
        rows.append(row)
    return rows
