"""The verb-pattern dictionary: which words, in which constructions, make which CAMEO event.

Patterns live in ``events/data/verbs.yaml`` (format documented at the top of that file) and
cues for modality and control in ``events/data/cues.yaml``. Both are validated on load.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from realpolitik.datafiles import DataFileError, package_file, read_yaml
from realpolitik.events.ontology import ontology

DEFAULT_TARGETS = ("dobj", "dative", "to", "with", "against", "on", "at", "toward", "towards", "into", "over", "for", "from")
VALID_SLOTS = {"dobj", "dative", "nsubjpass", "relcl"}
_KEYS = {
    "code", "verbs", "nouns", "theme", "not_theme", "target", "reciprocal", "inverse", "no_target",
    "intransitive", "transitive", "not_source", "needs_verb", "yields_to_complement", "theme_is_subject", "needs_complement", "note", "__line__",
}


@dataclass(frozen=True)
class Phrase:
    """A word with optional required neighbours: "call for" (verb + particle/preposition) or
    "military aid" (modifier + noun)."""

    head: str
    extra: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str, *, head_first: bool) -> Phrase:
        words = text.lower().split()
        if head_first:
            return cls(words[0], tuple(words[1:]))
        return cls(words[-1], tuple(words[:-1]))

    @property
    def specificity(self) -> int:
        return len(self.extra)


@dataclass(frozen=True)
class EventPattern:
    code: str
    line: int
    verbs: tuple[Phrase, ...] = ()
    nouns: tuple[Phrase, ...] = ()
    theme: tuple[Phrase, ...] = ()
    not_theme: tuple[Phrase, ...] = ()
    target: tuple[str, ...] = DEFAULT_TARGETS
    reciprocal: bool = False
    inverse: str | None = None
    no_target: bool = False
    intransitive: bool = False  # only without a direct object ("protesters demonstrated")
    transitive: bool = False  # only with a direct object that names an actor ("helped Jordan")
    not_source: tuple[str, ...] = ()  # source sectors that cannot do this ("GOV" for street protests)
    needs_verb: bool = False  # nominal event only as a light verb's object ("signed a pact")
    yields_to_complement: bool = False  # dropped when its complement is an event ("pledged to send aid")
    theme_is_subject: bool = False  # the theme is what moves, the subject ("peacekeepers arrived")
    needs_complement: bool = False  # only with an infinitive of what is to be done ("ordered X to appear")

    @property
    def specificity(self) -> int:
        return 2 * bool(self.theme) + bool(self.not_theme)


@dataclass
class PatternBook:
    by_verb: dict[str, list[tuple[Phrase, EventPattern]]] = field(default_factory=lambda: defaultdict(list))
    by_noun: dict[str, list[tuple[Phrase, EventPattern]]] = field(default_factory=lambda: defaultdict(list))
    cues: dict[str, set[str]] = field(default_factory=dict)
    code_maps: dict[str, dict[str, str]] = field(default_factory=dict)

    def cue(self, name: str) -> set[str]:
        return self.cues.get(name, set())

    def code_listed(self, cue: str, code: str) -> bool:
        """Is ``code`` under one of the code prefixes a cue lists ("place_target_codes")?"""
        return any(code.startswith(prefix) for prefix in self.cue(cue))

    def mapped_code(self, table: str, code: str) -> str | None:
        """The code a governed act maps to in ``table`` (longest code prefix, else "default")."""
        mapping = self.code_maps.get(table, {})
        for length in range(len(code), 1, -1):
            if code[:length] in mapping:
                return mapping[code[:length]]
        return mapping.get("default")


def _phrases(path: Path, line: int, value, *, head_first: bool) -> tuple[Phrase, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(path, line, "expected a list of words")
    return tuple(Phrase.parse(v, head_first=head_first) for v in value)


def load_patterns(path: Path) -> list[EventPattern]:
    data = read_yaml(path)
    entries = data.get("patterns") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise DataFileError(path, 1, "expected a top-level 'patterns' list")
    known = ontology()
    patterns = []
    for entry in entries:
        line = entry.get("__line__") if isinstance(entry, dict) else None
        if not isinstance(entry, dict):
            raise DataFileError(path, line, "each pattern must be a mapping")
        unknown = set(entry) - _KEYS
        if unknown:
            raise DataFileError(path, line, f"unknown keys {sorted(unknown)}")
        code = str(entry.get("code", ""))
        if code not in known:
            raise DataFileError(path, line, f"code {code!r} is not in the CAMEO table")
        inverse = entry.get("inverse")
        if inverse is not None and str(inverse) not in known:
            raise DataFileError(path, line, f"inverse {inverse!r} is not in the CAMEO table")
        verbs = _phrases(path, line, entry.get("verbs"), head_first=True)
        nouns = _phrases(path, line, entry.get("nouns"), head_first=False)
        if not verbs and not nouns:
            raise DataFileError(path, line, "a pattern needs 'verbs' or 'nouns'")
        target = entry.get("target")
        if target is not None:
            if not isinstance(target, list) or not all(isinstance(t, str) for t in target):
                raise DataFileError(path, line, "'target' must be a list of slots")
            bad = [t for t in target if t not in VALID_SLOTS and not t.isalpha()]
            if bad:
                raise DataFileError(path, line, f"unknown target slots {bad}")
        patterns.append(
            EventPattern(
                code=code,
                line=line,
                verbs=verbs,
                nouns=nouns,
                theme=_phrases(path, line, entry.get("theme"), head_first=False),
                not_theme=_phrases(path, line, entry.get("not_theme"), head_first=False),
                target=tuple(target) if target is not None else DEFAULT_TARGETS,
                reciprocal=bool(entry.get("reciprocal", False)),
                intransitive=bool(entry.get("intransitive", False)),
                transitive=bool(entry.get("transitive", False)),
                needs_verb=bool(entry.get("needs_verb", False)),
                yields_to_complement=bool(entry.get("yields_to_complement", False)),
                theme_is_subject=bool(entry.get("theme_is_subject", False)),
                needs_complement=bool(entry.get("needs_complement", False)),
                not_source=tuple(str(v).upper() for v in entry.get("not_source") or ()),
                inverse=str(inverse) if inverse is not None else None,
                no_target=bool(entry.get("no_target", False)),
            )
        )
    return patterns


def load_cues(path: Path) -> tuple[dict[str, set[str]], dict[str, dict[str, str]]]:
    """Word lists (``negators: [refrain, ...]``) and code maps (``intent_codes: {"04": "036"}``)."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError(path, 1, "expected a mapping of cue lists")
    known = ontology()
    cues: dict[str, set[str]] = {}
    maps: dict[str, dict[str, str]] = {}
    for name, value in data.items():
        if name == "__line__":
            continue
        if isinstance(value, dict):
            line = value.get("__line__")
            mapping = {str(k): str(v) for k, v in value.items() if k != "__line__"}
            bad = [v for v in mapping.values() if v not in known]
            if bad:
                raise DataFileError(path, line, f"{name}: codes {bad} are not in the CAMEO table")
            maps[name] = mapping
        elif isinstance(value, list) and all(isinstance(w, str) for w in value):
            cues[name] = {w.lower() for w in value}
        else:
            raise DataFileError(path, None, f"cue {name!r} must be a list of words or a code mapping")
    return cues, maps


def build_book(patterns: list[EventPattern], cues: dict[str, set[str]], code_maps: dict[str, dict[str, str]] | None = None) -> PatternBook:
    book = PatternBook(cues=cues, code_maps=code_maps or {})
    for pattern in patterns:
        for phrase in pattern.verbs:
            book.by_verb[phrase.head].append((phrase, pattern))
        for phrase in pattern.nouns:
            book.by_noun[phrase.head].append((phrase, pattern))
    for table in (book.by_verb, book.by_noun):
        for options in table.values():
            # Most specific first: phrasal/modified forms, then theme-constrained patterns.
            options.sort(key=lambda po: (po[0].specificity, po[1].specificity), reverse=True)
    return book


@lru_cache(maxsize=1)
def default_book() -> PatternBook:
    base = package_file("realpolitik.events", "data")
    return build_book(load_patterns(base / "verbs.yaml"), *load_cues(base / "cues.yaml"))
