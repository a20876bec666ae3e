"""CAMEO codes, Goldstein scores, quad classes and PLOVER categories come from the tables; the
verb dictionary is validated against them."""

import pytest

from realpolitik.datafiles import DataFileError
from realpolitik.events.ontology import ontology, quad_class
from realpolitik.events.patterns import default_book, load_patterns


def test_goldstein_and_plover_from_the_tables():
    table = ontology()
    assert table.goldstein("130") == -4.4
    assert table.plover("130").event == "THREATEN"
    assert table.plover("072").event == "AID" and table.plover("072").context == ["military"]
    assert table.plover("0874").event == "RETREAT"  # 084-087 retreat
    assert table.plover("081").event == "CONCEDE"
    assert table.plover("111").event == "ACCUSE"  # DISAPPROVE renamed
    assert table.plover("010").event is None  # 01 and 02 have no PLOVER category


@pytest.mark.parametrize("code, quad", [("010", 1), ("057", 1), ("072", 2), ("0874", 2), ("111", 3), ("130", 3), ("145", 4), ("190", 4)])
def test_quad_class_follows_the_spec(code, quad):
    assert quad_class(code) == quad


def test_all_twenty_roots_have_patterns():
    book = default_book()
    roots = {pattern.code[:2] for options in book.by_verb.values() for _, pattern in options}
    roots |= {pattern.code[:2] for options in book.by_noun.values() for _, pattern in options}
    assert {f"{n:02d}" for n in range(1, 21)} <= roots


def test_unknown_code_is_rejected_with_file_and_line(tmp_path):
    path = tmp_path / "verbs.yaml"
    path.write_text('patterns:\n  - code: "130"\n    verbs: [warn]\n  - code: "999"\n    verbs: [frobnicate]\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"verbs\.yaml:4: code '999'"):
        load_patterns(path)


def test_the_preposition_on_stays_a_word_not_a_boolean(tmp_path):
    path = tmp_path / "verbs.yaml"
    path.write_text('patterns:\n  - code: "163"\n    verbs: [impose]\n    target: [on, against]\n', encoding="utf-8")
    assert load_patterns(path)[0].target == ("on", "against")
