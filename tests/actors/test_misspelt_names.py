"""Names misspelt by one letter still name their actor, where a guess is safe."""

import pytest

from factories import triples
from realpolitik.actors.names import NameSpeller


def test_a_misspelt_state_still_names_the_state(code):
    events, _ = code("Pakistan criticized Afganistan. The Phillippines accused Malaysia.")
    assert ("PAK", "11", "AFG") in triples(events)
    assert ("PHL", "11", "MYS") in triples(events)


def test_a_misspelt_surname_counts_inside_a_full_name(code):
    events, _ = code("President Abdelaziz Bouteflicka criticized France.")
    assert ("DZAGOV", "11", "FRA") in triples(events)


@pytest.mark.parametrize(
    "text",
    [
        "Bouteflicka criticized France.",  # a surname alone could be another person's
        "Radcliffe criticized France.",  # ... as it is: Ratcliffe is a different man
        "Starting today, Rusia criticized France.",  # too short to guess; "Starting" opens the sentence
    ],
)
def test_no_guess_where_a_different_name_is_as_likely(code, text):
    events, _ = code(text)
    assert {source for source, _, _ in triples(events)} <= {"FRA"}


def test_the_speller_guesses_only_one_edit_to_exactly_one_known_word():
    speller = NameSpeller(["Kenyan", "Kenyon", "Afghanistan"])
    assert speller.respell("Afganistan") == "Afghanistan"
    assert speller.respell("Kenyun") is None  # one edit from two names
    assert speller.respell("Afghanistan") is None  # already known
    assert speller.respell("Bfghanistan") is None  # first letters are not misspelt
    assert speller.respell("Afgahnistann") is None  # two edits


def test_a_name_with_the_shift_key_slipped_is_still_the_name(code):
    events, _ = code("Sweden criticized iRan.")
    assert triples(events) == {("SWE", "11", "IRN")}
    events, _ = code("Sweden criticized the iPhone.")
    assert events == []


def test_a_name_in_lower_case_after_a_title_is_still_the_name(code):
    events, _ = code("President obama met Putin.", date="2014-01-01")
    assert ("USAGOV", "04", "RUSGOV") in {(e.source.code, e.root, e.target.code) for e in events}
    events, _ = code("The president obviously met Putin.", date="2014-01-01")
    assert {e.source.code for e in events} == {"---GOV", "RUSGOV"}  # "obviously" is no Obama
