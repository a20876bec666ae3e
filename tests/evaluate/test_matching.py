"""The matching rules of ``realpolitik eval``: when does a coded event count as a gold event?

Each test states one rule. Gold files are tiny hand-made JSONL files in tmp_path; coded events are
hand-made ``Event`` records, so the rules are tested without the NLP pipeline.
"""

from __future__ import annotations

import json

import pytest

from realpolitik.evaluate.gold import read_gold
from realpolitik.evaluate.matching import (
    CAMEO,
    PLOVER,
    category_of,
    country_matches,
    match_sentence,
    scheme_of,
)
from factories import actor, event
from realpolitik.ingest.text import InputError
from realpolitik.records import Event

INTERNATIONAL = ("IGO", "NGO", "IMG")


def gold_file(tmp_path, *records: dict, name: str = "gold.jsonl"):
    """Write gold records (filling the boilerplate) and read them back."""
    path = tmp_path / name
    lines = []
    for number, record in enumerate(records, start=1):
        full = {"id": f"S{number}", "text": f"Sentence {number}.", "date": "2020-05-01", "expect_no_event": False} | record
        lines.append(json.dumps(full))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read_gold(path)


def one_sentence(tmp_path, scheme: str, source: str, target: str, code: str, **extra):
    gold = gold_file(tmp_path, {"scheme": scheme, "events": [{"source": source, "target": target, "code": code, **extra}]})
    return gold.sentences[0]


def result_for(sentence, *events: Event):
    return match_sentence(sentence, list(events))


# -- countries ---------------------------------------------------------------------------------


def test_countries_compare_on_their_first_three_letters():
    assert country_matches("HUNGOV", actor("HUN"))
    assert country_matches("HUN", actor("HUNMIL"))
    assert not country_matches("HUNGOV", actor("AUTGOV"))


def test_an_empty_gold_side_matches_anything_even_no_actor():
    assert country_matches("", actor("RUS"))
    assert country_matches("", actor("IGOUNO"))
    assert country_matches("", None)


def test_dashes_or_stars_in_place_of_the_country_match_any_named_actor():
    assert country_matches("---LEG", actor("UKRLEG"))
    assert country_matches("---", actor("IGOUNO"))
    assert country_matches("***REB", actor("SYRREB"))
    # ... but a gold sector names an actor there, so a missing one does not match
    assert not country_matches("---LEG", None)
    # a bare "---" names neither country nor sector: "no country / any", missing included
    assert country_matches("---", None)
    # with a country, stars only leave the sector open
    assert country_matches("PSE***", actor("PSEREB"))
    assert not country_matches("PSE***", actor("ISRREB"))


def test_JAP_in_the_gold_means_Japan():
    assert country_matches("JAP", actor("JPN"))
    assert country_matches("JAPGOV", actor("JPNMIL"))


def test_an_actor_without_a_country_matches_on_its_code_prefix():
    assert country_matches("IGO", actor("IGOUNO"))
    assert country_matches("IGOEUREEC", actor("IGOEU"))
    assert not country_matches("NGO", actor("IGOUNO"))
    assert not country_matches("USA", actor("IGOUNO"))


def test_a_named_gold_actor_needs_a_coded_one():
    assert not country_matches("USA", None)


# -- categories --------------------------------------------------------------------------------


def test_scheme_is_read_from_the_scheme_field():
    assert scheme_of("PLOVER-0.5b1") == PLOVER
    assert scheme_of("CAMEO-1.1b3") == CAMEO
    assert scheme_of("CAMEO") == CAMEO
    assert scheme_of("ICEWS") is None


def test_plover_names_are_normalised_to_the_current_ones():
    assert category_of("FIGHT", PLOVER) == "ASSAULT"
    assert category_of("DEMAND", PLOVER) == "REQUEST"
    assert category_of("DISAPPROVE", PLOVER) == "ACCUSE"
    assert category_of("INVESTIGATE", PLOVER) == "ACCUSE"
    assert category_of("AGREE", PLOVER) == "AGREE"


def test_cameo_codes_compare_on_their_root():
    assert category_of("1822", CAMEO) == "18"
    assert category_of("042", CAMEO) == "04"
    assert category_of("18", CAMEO) == "18"


def test_plover_file_uses_code_plover_current_and_FIGHT_counts_as_ASSAULT(tmp_path):
    sentence = one_sentence(tmp_path, "PLOVER-0.5b1", "ISRMIL", "PSE", "FIGHT", code_plover_current="FIGHT")
    assert sentence.events[0].category == "ASSAULT"
    match = result_for(sentence, event("ISR", "PSEREB", "190")).matches[0]  # CAMEO 190 is PLOVER ASSAULT
    assert match.matched


def test_plover_current_name_wins_over_the_old_code(tmp_path):
    sentence = one_sentence(tmp_path, "PLOVER-0.5b1", "USA", "IRN", "DEMAND", code_plover_current="REQUEST")
    assert sentence.events[0].category == "REQUEST"


def test_cameo_file_matches_on_the_root_not_the_full_code(tmp_path):
    sentence = one_sentence(tmp_path, "CAMEO", "USAGOV", "CHN", "042")
    assert result_for(sentence, event("USA", "CHN", "040")).matches[0].matched  # 040 and 042 share root 04
    assert not result_for(sentence, event("USA", "CHN", "036")).matches[0].matched  # 03 is not 04


# -- one sentence ------------------------------------------------------------------------------


def test_right_dyad_wrong_category_counts_for_the_dyad_only(tmp_path):
    sentence = one_sentence(tmp_path, "CAMEO", "FRA", "DEU", "111")
    match = result_for(sentence, event("FRA", "DEU", "043")).matches[0]
    assert match.dyad_found and not match.matched
    assert match.predicted == "04"


def test_direction_matters(tmp_path):
    sentence = one_sentence(tmp_path, "CAMEO", "FRA", "DEU", "111")
    match = result_for(sentence, event("DEU", "FRA", "111")).matches[0]
    assert not match.dyad_found


def test_empty_gold_side_accepts_an_event_with_no_target(tmp_path):
    sentence = one_sentence(tmp_path, "CAMEO", "RUSMIL", "", "190")
    assert result_for(sentence, event("RUS", None, "193")).matches[0].matched


def test_gold_event_with_both_sides_empty_matches_on_category_alone(tmp_path):
    sentence = one_sentence(tmp_path, "PLOVER-0.5b1", "", "", "PROTEST")
    assert result_for(sentence, event("GRC", "DEU", "141")).matches[0].matched  # 141 demonstrate -> PROTEST
    assert not result_for(sentence, event("GRC", "DEU", "111")).matches[0].matched


def test_events_of_any_modality_count_but_are_flagged(tmp_path):
    sentence = one_sentence(tmp_path, "PLOVER-0.5b1", "ISR", "IRN", "THREATEN")
    match = result_for(sentence, event("ISR", "IRN", "130", modality="intended")).matches[0]
    assert match.matched and match.nonasserted_only
    match = result_for(sentence, event("ISR", "IRN", "130", "intended"), event("ISR", "IRN", "138")).matches[0]
    assert match.matched and not match.nonasserted_only


def test_the_matching_event_is_chosen_over_a_more_confident_wrong_one(tmp_path):
    sentence = one_sentence(tmp_path, "CAMEO", "FRA", "DEU", "111")
    match = result_for(sentence, event("FRA", "DEU", "043", confidence=0.95), event("FRA", "DEU", "112", confidence=0.5)).matches[0]
    assert match.chosen.cameo == "112"


def test_without_a_match_the_most_confident_event_of_the_dyad_is_chosen(tmp_path):
    sentence = one_sentence(tmp_path, "CAMEO", "FRA", "DEU", "111")
    match = result_for(sentence, event("FRA", "DEU", "043", confidence=0.6), event("FRA", "DEU", "057", confidence=0.8)).matches[0]
    assert match.predicted == "05"


def test_commitments_are_ignored(tmp_path):
    from realpolitik.records import Commitment, Pattern

    sentence = one_sentence(tmp_path, "CAMEO", "RUS", "PRK", "057")
    pact = Commitment("c", "doc", None, "mutual_defense", ["RUS", "PRK"], Pattern(None, None), None, None, 0.8)
    result = match_sentence(sentence, [pact])
    assert result.events == [] and not result.matches[0].dyad_found


# -- sentences that expect no event ------------------------------------------------------------


def _quiet_sentence(tmp_path):
    return gold_file(tmp_path, {"scheme": "CAMEO", "events": [], "expect_no_event": True}).sentences[0]


def test_no_event_sentence_is_right_when_nothing_is_coded(tmp_path):
    assert result_for(_quiet_sentence(tmp_path)).no_event_ok is True


def test_no_event_sentence_tolerates_non_asserted_or_one_sided_events(tmp_path):
    sentence = _quiet_sentence(tmp_path)
    assert result_for(sentence, event("USA", "IRN", "130", modality="hypothetical")).no_event_ok is True
    assert result_for(sentence, event("USA", None, "010")).no_event_ok is True


def test_no_event_sentence_is_wrong_with_an_asserted_dyadic_event(tmp_path):
    assert result_for(_quiet_sentence(tmp_path), event("USA", "IRN", "111")).no_event_ok is False


def test_sentences_with_events_have_no_no_event_verdict(tmp_path):
    sentence = one_sentence(tmp_path, "CAMEO", "FRA", "DEU", "111")
    assert result_for(sentence).no_event_ok is None


# -- reading gold files ------------------------------------------------------------------------


def test_placeholder_dates_are_read_as_unknown(tmp_path):
    gold = gold_file(
        tmp_path,
        {"scheme": "CAMEO", "date": "2000-01-01", "date_is_placeholder": True, "events": [{"source": "USA", "target": "CHN", "code": "040"}]},
        {"scheme": "CAMEO", "date": "2008-08-04", "events": [{"source": "USA", "target": "CHN", "code": "040"}]},
    )
    assert [s.date for s in gold.sentences] == [None, "2008-08-04"]
    assert gold.placeholder_dates == 1


def test_dataset_group_is_the_category_field_else_the_id_prefix(tmp_path):
    gold = gold_file(
        tmp_path,
        {"id": "AFP123_1", "scheme": "CAMEO", "category": "AFP", "events": [{"source": "USA", "target": "CHN", "code": "040"}]},
        {"id": "WIRE-0042", "scheme": "CAMEO", "events": [{"source": "USA", "target": "CHN", "code": "040"}]},
    )
    assert [s.group for s in gold.sentences] == ["AFP", "WIRE"]


def test_scheme_is_inferred_from_codes_when_the_field_is_missing(tmp_path):
    gold = gold_file(tmp_path, {"events": [{"source": "USA", "target": "CHN", "code": "040"}]})
    assert gold.scheme == CAMEO


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "not valid JSON"),
        ('["a list"]', "expected a JSON object"),
        ('{"id": "X", "text": "", "events": [], "expect_no_event": true}', "empty 'text'"),
        ('{"id": "X", "text": "T.", "scheme": "CAMEO", "events": [{"source": "USA", "target": "CHN"}]}', "missing 'code'"),
        ('{"id": "X", "text": "T.", "scheme": "CAMEO", "events": [{"source": "USA", "target": "CHN", "code": "AGREE"}]}', "not a CAMEO code"),
        ('{"id": "X", "text": "T.", "scheme": "CAMEO", "events": []}', "no events"),
        ('{"id": "X", "text": "T.", "scheme": "CAMEO", "date": "yesterday", "expect_no_event": true}', "bad date"),
    ],
)
def test_a_malformed_gold_line_names_the_file_and_line(tmp_path, line, problem):
    path = tmp_path / "broken.jsonl"
    good = json.dumps({"id": "A", "text": "France condemned Germany.", "scheme": "CAMEO", "events": [{"source": "FRA", "target": "DEU", "code": "111"}]})
    path.write_text(good + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_gold(path)
    assert f"{path}:3:" in str(caught.value)
    assert problem in str(caught.value)


def test_a_file_mixing_schemes_is_refused(tmp_path):
    with pytest.raises(InputError, match=r"gold\.jsonl:2: scheme PLOVER in a CAMEO file"):
        gold_file(
            tmp_path,
            {"scheme": "CAMEO", "events": [{"source": "USA", "target": "CHN", "code": "040"}]},
            {"scheme": "PLOVER-0.5b1", "events": [{"source": "USA", "target": "CHN", "code": "CONSULT"}]},
        )


def test_a_missing_gold_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_gold(tmp_path / "nope.jsonl")
