"""people.csv covers heads of state and government since 1975, each valid on the right dates."""

import csv
from collections import Counter
from datetime import date

import pytest

from realpolitik.actors.dictionary import default_dictionary
from realpolitik.datafiles import package_file

DATA = package_file("realpolitik.actors", "data")


@pytest.mark.parametrize(
    "surface, day, code",
    [
        ("Ronald Reagan", "1985-05-01", "USAGOV"),
        ("Gorbachev", "1989-11-09", "RUSGOV"),
        ("Helmut Kohl", "1990-10-03", "DEUGOV"),
        ("Mitterrand", "1991-01-10", "FRAGOV"),
        ("Yoweri Museveni", "1995-05-01", "UGAGOV"),
        ("Yoweri Museveni", "1984-05-01", "UGAREB"),  # NRA leader before 1986
        ("Zia-ul-Haq", "1987-03-01", "PAKGOV"),
        ("Jonas Savimbi", "1993-01-10", "AGOREB"),
        ("Yasser Arafat", "1988-11-15", "PSEGOV"),  # PLO chairman
        ("Shevardnadze", "1988-05-01", "RUSGOV"),  # Soviet foreign minister, later Georgia's leader
        ("Shevardnadze", "1997-05-01", "GEOGOV"),
        ("Laurent Gbagbo", "2005-03-01", "CIVGOV"),
        ("Mwai Kibaki", "2008-01-01", "KENGOV"),
        ("Levy Mwanawasa", "2004-06-01", "ZMBGOV"),
        ("Vojislav Kostunica", "2005-06-01", "SRBGOV"),
    ],
)
def test_a_historical_leader_resolves_on_a_date_in_office(surface, day, code):
    entries = default_dictionary().lookup(surface, date.fromisoformat(day))
    assert code in {e.code for e in entries}


def test_people_rows_are_unique_and_name_known_countries():
    with open(DATA / "countries.csv", encoding="utf-8", newline="") as handle:
        countries = {row["iso3"] for row in csv.DictReader(handle)}
    with open(DATA / "people.csv", encoding="utf-8", newline="") as handle:
        rows = [tuple(row.values()) for row in csv.DictReader(handle)]
    assert [row for row, n in Counter(rows).items() if n > 1] == []
    unknown = {row[2] for row in rows if row[2] not in countries and not row[2].startswith(("IGO", "NGO", "IMG"))}
    assert unknown == set()


@pytest.mark.parametrize(("date", "name"), [("2015-06-01", "Nawaz Sharif"), ("2023-06-01", "Shehbaz Sharif")])
def test_a_surname_after_a_title_is_whoever_holds_that_title_then(code, date, name):
    events, _ = code("Prime Minister Sharif accused India of aggression.", date=date)
    assert [(e.source.code, e.source.name) for e in events if e.root == "11"] == [("PAKGOV", name)]
