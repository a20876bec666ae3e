"""The alliance-treaty baseline, read as documentation.

Each test states one question an analyst would ask and the answer the packaged treaty file
(``realpolitik/analysis/data/treaties.yaml``) gives.
"""

from __future__ import annotations

import time
from datetime import date

import pytest

from realpolitik.analysis.alliances import (
    TreatyDataError,
    as_commitments,
    atop_rows,
    load_treaties,
    non_alliances,
    obligations_in_force,
    parse_treaties,
    triggered_by,
)
from realpolitik.records import Commitment


def obliged_by(activations, treaty_id):
    return {a.obliged for a in activations if a.treaty == treaty_id}


def nato_members_on(day):
    (nato,) = [t for t in load_treaties() if t.id == "nato"]
    return set(nato.members_on(day))


# ------------------------------------------------------------------------- the packaged file


def test_packaged_file_loads_and_every_entry_is_documented():
    treaties = load_treaties()
    ids = [t.id for t in treaties]
    assert len(ids) == len(set(ids))
    for must in ("nato", "csto", "rio-tiar", "anzus", "us-jpn-1960", "us-kor-1953", "us-phl-1951",
                 "rus-prk-2024", "chn-prk-1961", "rus-blr-security-2024", "eu-teu-42-7",
                 "sau-pak-2025", "arab-league-jdec", "cofa-fsm", "cofa-mhl", "cofa-plw",
                 "tur-aze-shusha-2021", "fra-grc-2021", "aukus", "quad", "us-twn-tra",
                 "us-isr-mou-2016", "sco"):  # fmt: skip
        assert must in ids
    for t in treaties:
        assert t.checked and t.scope
        if t.alliance:
            assert t.obligations and t.article and t.trigger_roots and t.members


def test_nato_has_32_members_with_finland_and_sweden_on_their_accession_days():
    assert len(nato_members_on(date(2025, 1, 1))) == 32
    assert "FIN" not in nato_members_on(date(2023, 4, 3))
    assert "FIN" in nato_members_on(date(2023, 4, 4))
    assert "SWE" not in nato_members_on(date(2024, 3, 6))
    assert "SWE" in nato_members_on(date(2024, 3, 7))


# ------------------------------------------------------------------------- what-if: the four cases


def test_us_attack_on_north_korea_in_2025_obligates_russia_and_china():
    hits = triggered_by("USA", "19", "PRK", date(2025, 6, 1))
    assert {a.obliged for a in hits} == {"RUS", "CHN"}
    (rus,) = [a for a in hits if a.obliged == "RUS"]
    assert rus.treaty == "rus-prk-2024" and rus.article == "Article 4"
    assert rus.in_force == date(2024, 12, 4)
    (chn,) = [a for a in hits if a.obliged == "CHN"]
    assert chn.treaty == "chn-prk-1961" and chn.article == "Article II"
    # before the 2024 treaty entered into force, only China
    assert {a.obliged for a in triggered_by("USA", "190", "PRKMIL", date(2024, 12, 3))} == {"CHN"}


def test_russian_attack_on_estonia_obligates_every_other_nato_member_and_the_eu():
    day = date(2025, 6, 1)
    hits = triggered_by("RUS", "19", "EST", day)
    assert obliged_by(hits, "nato") == nato_members_on(day) - {"EST"}
    assert {"FIN", "SWE", "USA", "TUR"} <= obliged_by(hits, "nato")
    eu = obliged_by(hits, "eu-teu-42-7")
    assert {"AUT", "IRL", "FIN", "DNK", "DEU"} <= eu and "GBR" not in eu and "EST" not in eu
    assert len(eu) == 26


def test_before_their_accession_finland_and_sweden_owe_estonia_nothing_under_nato():
    hits = triggered_by("RUS", "19", "EST", date(2023, 1, 1))
    assert not {"FIN", "SWE"} & obliged_by(hits, "nato")
    assert {"FIN", "SWE"} <= obliged_by(hits, "eu-teu-42-7")  # but Art. 42.7 binds them


def test_chinese_assault_on_the_philippines_in_2024_obligates_the_united_states():
    hits = triggered_by("CHN", "18", "PHL", date(2024, 1, 1))
    (us,) = [a for a in hits if a.treaty == "us-phl-1951"]
    assert us.obliged == "USA" and us.article == "Article IV"
    # the Manila Pact (1954) is still in force and binds the same and other parties
    assert "USA" in obliged_by(hits, "manila-pact")
    # a threat (root 13) is not an armed attack
    assert triggered_by("CHN", "13", "PHL", date(2024, 1, 1)) == []


def test_russian_attack_on_finland_in_january_2022_triggers_no_nato_obligation_but_eu_42_7():
    hits = triggered_by("RUS", "19", "FIN", date(2022, 1, 1))
    assert obliged_by(hits, "nato") == set()
    assert {"SWE", "EST", "DEU", "FRA"} <= obliged_by(hits, "eu-teu-42-7")


def test_an_attack_between_members_does_not_trigger_their_own_alliance():
    hits = triggered_by("TUR", "19", "GRC", date(2020, 1, 1))
    assert obliged_by(hits, "nato") == set()
    assert obliged_by(hits, "eu-teu-42-7")  # Turkey is not in the EU


# ------------------------------------------------------------------------- agreements that bind no one


@pytest.mark.parametrize("treaty_id", ["aukus", "quad"])
def test_aukus_and_the_quad_are_listed_but_obligate_nobody(treaty_id):
    (t,) = [t for t in load_treaties() if t.id == treaty_id]
    assert t.alliance is False and t.obligations == () and "USA" in t.countries
    assert treaty_id in {x.id for x in non_alliances("AUS")}
    day = date(2025, 6, 1)
    assert all(o.treaty != treaty_id for o in obligations_in_force(day))
    assert all(a.treaty != treaty_id for a in triggered_by("CHN", "19", "AUS", day))
    # what does bind the US to Australia is ANZUS
    assert "USA" in obliged_by(triggered_by("CHN", "19", "AUS", day), "anzus")


def test_us_suspended_anzus_obligations_to_new_zealand_in_1986():
    before = obligations_in_force(date(1985, 1, 1), "NZL")
    after = obligations_in_force(date(1990, 1, 1), "NZL")
    assert ("anzus", "USA", "NZL") in {(o.treaty, o.obliged, o.protected) for o in before}
    anzus_after = {(o.obliged, o.protected) for o in after if o.treaty == "anzus"}
    assert ("USA", "NZL") not in anzus_after and ("NZL", "USA") not in anzus_after
    assert ("AUS", "NZL") in anzus_after


def test_us_japan_treaty_is_one_sided_in_effect():
    day = date(2025, 1, 1)
    pairs = {(o.obliged, o.protected) for o in obligations_in_force(day, "JPN") if o.treaty == "us-jpn-1960"}
    assert pairs == {("USA", "JPN")}


def test_actor_filter_accepts_actor_codes():
    obligations = obligations_in_force(date(2025, 6, 1), actor="PRKGOV")
    assert {o.treaty for o in obligations} == {"rus-prk-2024", "chn-prk-1961"}


# ------------------------------------------------------------------------- commitments and ATOP rows


def test_treaties_become_treaty_commitments():
    commitments = as_commitments(date(2025, 6, 1))
    (nato,) = [c for c in commitments if c.source_ref and c.source_ref.startswith("North Atlantic Treaty")]
    assert isinstance(nato, Commitment)
    assert nato.source_kind == "treaty" and nato.type == "defense" and nato.valid_from == "1949-08-24"
    assert nato.source_ref == "North Atlantic Treaty, Article 5" and len(nato.parties) == 32
    assert nato.trigger.against_party and nato.trigger.roots == ["18", "19", "20"]
    assert Commitment.from_dict(nato.to_dict()) == nato
    assert not any(c.valid_until and c.valid_until <= "2025-06-01" for c in commitments)


def test_atop_rows_directed_dyad_years():
    rows = atop_rows(1946, 2026)
    index = {(r["stateA"], r["stateB"], r["year"]): r for r in rows}
    assert index[("USA", "JPN", 2000)]["defense"] == 1
    assert ("JPN", "USA", 2000) not in index  # Japan does not defend US territory
    assert ("FIN", "USA", 2022) not in index
    assert index[("FIN", "USA", 2024)]["defense"] == 1
    assert index[("FIN", "USA", 2023)]["defense"] == 1  # in force at some point of 2023
    assert index[("RUS", "CHN", 2010)] == {
        "stateA": "RUS", "stateB": "CHN", "year": 2010, "defense": 0, "offense": 0, "neutral": 0,
        "nonagg": 1, "consul": 1, "treaties": ["rus-chn-2001"],
    }  # fmt: skip
    assert index[("RUS", "IRN", 2026)]["neutral"] == 1 and index[("RUS", "IRN", 2026)]["defense"] == 0
    # FIN -> SWE in 2024: EU 42.7 and NATO merged into one row
    assert index[("FIN", "SWE", 2024)]["treaties"] == ["eu-teu-42-7", "nato"]


def test_atop_rows_are_fast_enough():
    load_treaties()  # warm the cache
    start = time.perf_counter()
    rows = atop_rows(1946, 2026)
    assert time.perf_counter() - start < 5
    assert len(rows) > 10_000


# ------------------------------------------------------------------------- validation

BROKEN = """\
treaties:
  - id: test-pact
    name: Test Pact
    signed: 2001-01-01
    in_force: 2001-13-01
    alliance: true
    obligations: [defense]
    article: "Article 1"
    scope: "test"
    trigger_roots: ["18", "19", "20"]
    members:
      - {country: AAA, joined: 2001-01-01}
      - {country: BBB, joined: 2001-01-01}
    checked: "test"
"""


def test_a_bad_date_is_reported_with_file_and_line(tmp_path):
    path = tmp_path / "treaties.yaml"
    path.write_text(BROKEN)
    with pytest.raises(TreatyDataError) as err:
        load_treaties(path)
    assert f"{path}:5:" in str(err.value)
    assert "in_force" in str(err.value) and "test-pact" in str(err.value)


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("[defense]", "[defence]", 7, "unknown obligation"),
        ("{country: BBB", "{country: Bbb", 13, "ISO3"),
        ("{country: BBB, joined: 2001-01-01}", "{country: BBB, joined: 2001-01-01, left: 2000-01-01}", 13, "before joined"),
        ('trigger_roots: ["18", "19", "20"]', "trigger_roots: [18]", 10, "quoted"),
        ("    checked:", "    guarantors: [CCC]\n    checked:", 14, "not a member"),
        ("    checked:", "    colour: red\n    checked:", 14, "unknown key"),
    ],
)
def test_validation_names_the_line_of_the_problem(tmp_path, old, new, line, words):
    text = BROKEN.replace("2001-13-01", "2001-02-01").replace(old, new)
    path = tmp_path / "t.yaml"
    path.write_text(text)
    with pytest.raises(TreatyDataError) as err:
        load_treaties(path)
    assert f"{path}:{line}:" in str(err.value) and words in str(err.value)


def test_a_valid_minimal_file_parses():
    (t,) = parse_treaties(BROKEN.replace("2001-13-01", "2001-02-01"), "mini.yaml")
    assert t.members_on(date(2001, 1, 15)) == []  # signed, not yet in force
    assert t.members_on(date(2001, 2, 1)) == ["AAA", "BBB"]
    assert t.line == 2 and t.source == "mini.yaml"


def test_yaml_syntax_errors_also_name_file_and_line():
    with pytest.raises(TreatyDataError, match=r"broken\.yaml:3: YAML error"):
        parse_treaties("treaties:\n  - id: x\n    name: a: b\n", "broken.yaml")
    with pytest.raises(TreatyDataError, match=r"started on line 3"):
        parse_treaties("treaties:\n  - id: x\n    name: [unclosed\n", "broken.yaml")
    with pytest.raises(TreatyDataError, match=r"broken\.yaml:3: YAML error: duplicate key 'id'"):
        parse_treaties("treaties:\n  - id: x\n    id: y\n", "broken.yaml")
