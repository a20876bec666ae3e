"""The actor dictionary: who a name stands for, read from the CSV/YAML files in ``actors/data``.

Files (each validated on load; errors name the file and line):
  countries.csv      iso3, name, aliases, demonyms, capital
  places.csv         name, code, kind (capital | seat | city)
  towns.csv          name, country, population  (GeoNames towns, built by scripts/build_towns.py)
  people.csv         name, aliases, country, sector, role, start, end  (one row per role period)
  organisations.csv  code, name, aliases, kind, start, end
  sectors.yaml       sector code -> nouns ("troops" -> MIL); name heads ("... Association" -> NGO)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from realpolitik.datafiles import DataFileError, package_file, read_csv, read_yaml

ISO3 = r"[A-Z]{3}"
CODE = r"[A-Z]{3}[A-Z0-9]{0,9}"
INTERNATIONAL = ("IGO", "NGO", "IMG")
# The country part of a role whose state the text never names ("the government" -> "---GOV"), as
# PETRARCH and Phoenix write it.
UNKNOWN_STATE = "---"

# What an entry is; resolution and coreference treat the kinds differently. A town (from the
# GeoNames gazetteer) is a place only where the sentence uses it as one; a city (curated) always.
COUNTRY, DEMONYM, CAPITAL, SEAT, CITY, TOWN, PERSON, ORGANISATION = (
    "country",
    "demonym",
    "capital",
    "seat",
    "city",
    "town",
    "person",
    "organisation",
)


def country_of(code: str) -> str | None:
    """The ISO3 country of an actor code; None for international actors (IGO..., NGO..., IMG...)
    and roles of no named state (---GOV)."""
    return None if code[:3] in INTERNATIONAL or code[:3] == UNKNOWN_STATE else code[:3]


def sector_of(code: str) -> str | None:
    """The first sector of a state actor code (RUSMIL -> MIL); international codes have none."""
    return None if code[:3] in INTERNATIONAL else code[3:6] or None


@dataclass(frozen=True)
class Entry:
    """One meaning of a name: the actor code it stands for, valid between ``start`` and ``end``."""

    kind: str
    code: str
    name: str
    start: date | None = None
    end: date | None = None
    role: str | None = None

    @property
    def country(self) -> str | None:
        return country_of(self.code)

    @property
    def sector(self) -> str | None:
        return sector_of(self.code)

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass
class ActorDictionary:
    names: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    countries: dict[str, str] = field(default_factory=dict)
    sector_nouns: dict[str, str] = field(default_factory=dict)
    # Last words of organisation names the dictionary does not know ("... Association" -> NGO).
    name_heads: dict[str, str] = field(default_factory=dict)
    # People by the last word of their names, for "Prime Minister Sharif" on a date.
    surnames: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))

    def add(self, surface: str, entry: Entry) -> None:
        surface = " ".join(surface.split())
        if surface.lower().startswith("the "):
            surface = surface[4:]
        # News writes apostrophes both ways: "People's Republic", "People’s Republic".
        for variant in {surface, surface.replace("'", "’")}:
            if entry not in self.names[variant]:
                self.names[variant].append(entry)

    def lookup(self, surface: str, day: date | None = None) -> list[Entry]:
        """Entries for a name valid on ``day``; with no entry valid then, the closest in time."""
        entries = self.names.get(surface, [])
        valid = [e for e in entries if e.valid_on(day)]
        if valid or day is None:
            return valid
        # Named outside its recorded period: a former leader still belongs to their country; a
        # defunct organisation ("the European Community") keeps its code in historical mentions.
        if not entries:
            return []
        closest = min(entries, key=lambda e: min(abs((day - (e.start or date.min)).days), abs((day - (e.end or date.max)).days)))
        if closest.kind == PERSON:
            return [Entry(PERSON, closest.country or closest.code, closest.name, role="former " + (closest.role or ""))]
        return [closest]

    def holder(self, surname: str, role: str, day: date | None) -> Entry | None:
        """The one person named ``surname`` who holds ``role`` on ``day`` ("Prime Minister Sharif"
        in 2023 is Shehbaz Sharif, in 2015 Nawaz Sharif)."""
        found = {e.name: e for e in self.surnames.get(surname, []) if e.role == role and e.valid_on(day)}
        return next(iter(found.values())) if len(found) == 1 else None

    def country_name(self, iso3: str) -> str | None:
        return self.countries.get(iso3)

    def sector_of(self, noun: str) -> str | None:
        return self.sector_nouns.get(noun.lower())


def _check_code(row, key: str, pattern: str = CODE) -> str:
    return row.matches(key, pattern)


def load_countries(actors: ActorDictionary, path: Path) -> None:
    for row in read_csv(path, ["iso3", "name", "aliases", "demonyms", "capital"]):
        iso3 = _check_code(row, "iso3", ISO3)
        name = row.required("name")
        actors.countries[iso3] = name
        for surface in [name, *row.pipe_list("aliases")]:
            actors.add(surface, Entry(COUNTRY, iso3, name))
        for surface in row.pipe_list("demonyms"):
            actors.add(surface, Entry(DEMONYM, iso3, name))


def load_places(actors: ActorDictionary, path: Path) -> None:
    for row in read_csv(path, ["name", "code", "kind"]):
        kind = row.required("kind")
        if kind not in (CAPITAL, SEAT, CITY):
            raise row.fail(f"kind must be capital, seat or city, got {kind!r}")
        code = _check_code(row, "code")
        if code[:3] not in actors.countries:
            raise row.fail(f"code {code!r} does not start with a country of countries.csv")
        actors.add(row.required("name"), Entry(kind, code, row["name"].strip()))


def load_people(actors: ActorDictionary, path: Path) -> None:
    for row in read_csv(path, ["name", "aliases", "country", "sector", "role", "start", "end"]):
        country = _check_code(row, "country")
        sector = row.get("sector").strip()
        if sector and len(sector) != 3:
            raise row.fail(f"sector must be a 3-letter code, got {sector!r}")
        start, end = row.date("start"), row.date("end")
        if start and end and end < start:
            raise row.fail("end is before start")
        name = row.required("name")
        entry = Entry(PERSON, country + sector, name, start, end, row.get("role") or None)
        surfaces = [name, *row.pipe_list("aliases")]
        for surface in surfaces:
            actors.add(surface, entry)
        for surname in {s.split()[-1] for s in surfaces if " " in s.strip()}:
            if entry not in actors.surnames[surname]:
                actors.surnames[surname].append(entry)


def load_organisations(actors: ActorDictionary, path: Path) -> None:
    kinds = {"igo", "ngo", "armed_group", "party", "institution"}
    for row in read_csv(path, ["code", "name", "aliases", "kind", "start", "end"]):
        code = _check_code(row, "code")
        if row.required("kind") not in kinds:
            raise row.fail(f"kind must be one of {sorted(kinds)}")
        start, end = row.date("start"), row.date("end")
        name = row.required("name")
        entry = Entry(ORGANISATION, code, name, start, end, row["kind"])
        for surface in [name, *row.pipe_list("aliases")]:
            actors.add(surface, entry)


def load_towns(actors: ActorDictionary, path: Path) -> None:
    """The gazetteer, below every curated file: a name the curated files know keeps their meaning,
    and a sector noun stays one ("Balochistan Police officers" are no officers of Police, Poland)."""
    for row in read_csv(path, ["name", "country", "population"]):
        country = _check_code(row, "country", ISO3)
        if country not in actors.countries:
            raise row.fail(f"country {country!r} is not in countries.csv")
        row.matches("population", r"\d+")
        name = row.required("name")
        if name not in actors.names and name.lower() not in actors.sector_nouns:
            actors.add(name, Entry(TOWN, country, name))


def load_sectors(actors: ActorDictionary, path: Path) -> None:
    data = read_yaml(path)
    sectors = data.get("sectors") if isinstance(data, dict) else None
    if not isinstance(sectors, dict):
        raise DataFileError(path, 1, "expected a top-level 'sectors' mapping")
    for code, spec in sectors.items():
        if code == "__line__":
            continue
        line = spec.get("__line__") if isinstance(spec, dict) else None
        if not (isinstance(code, str) and len(code) == 3 and code.isupper()):
            raise DataFileError(path, line, f"sector code must be 3 upper-case letters, got {code!r}")
        nouns = spec.get("nouns") if isinstance(spec, dict) else None
        if not isinstance(nouns, list) or not nouns:
            raise DataFileError(path, line, f"sector {code}: 'nouns' must be a non-empty list")
        for noun in nouns:
            noun = str(noun).strip().lower()
            if noun in actors.sector_nouns and actors.sector_nouns[noun] != code:
                raise DataFileError(path, line, f"noun {noun!r} is in both {actors.sector_nouns[noun]} and {code}")
            actors.sector_nouns[noun] = code
    heads = data.get("name_heads", {})
    if not isinstance(heads, dict):
        raise DataFileError(path, 1, "'name_heads' must map a name's last word to a sector code")
    line = heads.get("__line__")
    for word, code in heads.items():
        if word == "__line__":
            continue
        if code not in sectors:
            raise DataFileError(path, line, f"name head {word!r}: sector {code!r} is not one of the sectors above")
        actors.name_heads[str(word).lower()] = code


def load_dictionary(folder: Path | None = None) -> ActorDictionary:
    """Load all actor files from ``folder`` (default: the package's ``actors/data``)."""
    base = folder or package_file("realpolitik.actors", "data")
    actors = ActorDictionary()
    load_countries(actors, base / "countries.csv")
    load_places(actors, base / "places.csv")
    load_people(actors, base / "people.csv")
    load_organisations(actors, base / "organisations.csv")
    load_sectors(actors, base / "sectors.yaml")
    load_towns(actors, base / "towns.csv")
    return actors


@lru_cache(maxsize=1)
def default_dictionary() -> ActorDictionary:
    return load_dictionary()
