"""The actor files are validated on load; a mistake names the file and the line."""

import shutil
from datetime import date
from pathlib import Path

import pytest

from realpolitik.actors.dictionary import default_dictionary, load_dictionary
from realpolitik.datafiles import DataFileError, package_file

DATA = package_file("realpolitik.actors", "data")


def test_every_un_member_and_observer_state_is_listed():
    actors = default_dictionary()
    assert len(actors.countries) >= 195
    for iso3 in ("RUS", "KOR", "PRK", "UKR", "USA", "VAT", "PSE", "SSD", "TUV"):
        assert iso3 in actors.countries


@pytest.mark.parametrize(
    "surface, code",
    [("South Korean", "KOR"), ("North Korean", "PRK"), ("U.S.", "USA"), ("ROK", "KOR"), ("DPRK", "PRK"),
     ("Kremlin", "RUSGOV"), ("White House", "USAGOV"), ("Downing Street", "GBRGOV"), ("Pentagon", "USAMIL"),
     ("Blue House", "KORGOV"), ("Zhongnanhai", "CHNGOV"), ("Pyongyang", "PRKGOV"), ("Kyiv", "UKRGOV")],
)
def test_names_aliases_demonyms_and_seats_of_power(surface, code):
    entries = default_dictionary().lookup(surface)
    assert code in {e.code for e in entries}


def test_people_carry_date_ranges():
    putin = default_dictionary().names["Vladimir Putin"]
    roles = {(e.role, e.start.year) for e in putin}
    assert ("president", 2012) in roles and ("prime minister", 2008) in roles


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


def test_a_bad_date_in_people_csv_names_the_file_and_line(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "people.csv"
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("Jane Doe,Doe,USA,GOV,president,2024-13-40,\n")
    lines = path.read_text(encoding="utf-8").count("\n")
    with pytest.raises(DataFileError) as error:
        load_dictionary(folder)
    assert str(error.value).startswith(f"{path}:{lines}:")
    assert "2024-13-40" in str(error.value)


@pytest.mark.parametrize(
    "name, row, message",
    [("places.csv", "Atlantis,ATLGOV,capital", r"places\.csv:\d+: .*ATLGOV"),
     ("towns.csv", "Poseidonia,ATL,20000", r"towns\.csv:\d+: country 'ATL'")],
)
def test_a_place_in_an_unknown_country_is_rejected(tmp_path, name, row, message):
    folder = _copy(tmp_path)
    with open(folder / name, "a", encoding="utf-8") as handle:
        handle.write(row + "\n")
    with pytest.raises(DataFileError, match=message):
        load_dictionary(folder)


def test_a_noun_in_two_sectors_is_rejected(tmp_path):
    folder = _copy(tmp_path)
    with open(folder / "sectors.yaml", "a", encoding="utf-8") as handle:
        handle.write("  XYZ:\n    description: test\n    nouns: [troops]\n")
    with pytest.raises(DataFileError, match=r"sectors\.yaml:\d+: noun 'troops' is in both"):
        load_dictionary(folder)


def test_a_wrong_header_is_rejected(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "countries.csv"
    text = path.read_text(encoding="utf-8").split("\n", 1)[1]
    path.write_text("iso,name\n" + text, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"countries\.csv:1: header must be"):
        load_dictionary(folder)


def test_the_curated_files_outrank_the_town_gazetteer():
    actors = default_dictionary()
    assert {e.kind for e in actors.lookup("Samarra")} == {"town"}
    assert "town" not in {e.kind for e in actors.lookup("Washington")}


@pytest.mark.parametrize(
    "surface, day, code",
    [("Muslim Brotherhood", "2013-07-01", "EGY"), ("ZANU", "1978-01-01", "ZWEREB"), ("ZANU", "1985-01-01", "ZWEPTY"),
     ("ECOWAS", "2020-01-01", "IGO"), ("PKK", "1995-01-01", "TURREB")],
)
def test_parties_armed_groups_and_regional_bodies_resolve_by_date(surface, day, code):
    entries = default_dictionary().lookup(surface, date.fromisoformat(day))
    assert any(e.code.startswith(code) for e in entries)


def test_a_name_head_with_an_unknown_sector_is_rejected_with_its_file_and_line(tmp_path):
    folder = _copy(tmp_path)
    path = folder / "sectors.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  network: NGO\n", "  network: XYZ\n"), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"sectors\.yaml:\d+: name head 'network': sector 'XYZ'"):
        load_dictionary(folder)
