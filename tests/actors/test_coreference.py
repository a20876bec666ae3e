"""Coreference within an article: pronouns, role nouns, surnames, "the two countries", "the pact"."""

from factories import triples


def test_he_is_the_last_person_named(code):
    events, _ = code("Vladimir Putin arrived in Hanoi. He criticized Ukraine.")
    assert ("RUSGOV", "11", "UKR") in triples(events)
    assert [e.source.text for e in events if e.root == "11"] == ["He"]


def test_it_prefers_the_subject_of_a_parallel_clause(code):
    events, _ = code("While South Korea has provided aid to Ukraine, it has criticized Russia.")
    assert ("KOR", "11", "RUS") in triples(events)


def test_a_role_noun_with_a_demonym_is_that_states_leader(code):
    events, _ = code("The Russian leader condemned Japan.")
    assert triples(events) == {("RUSGOV", "11", "JPN")}


def test_a_bare_surname_refers_to_the_full_name_earlier_in_the_article(code):
    events, _ = code("Kim Jong Un met officials. Later, Kim criticized South Korea. Many hours passed. Nothing else happened. Rain fell. Kim then praised Russia.")
    found = triples(events)
    assert ("PRKGOV", "11", "KOR") in found
    assert ("PRKGOV", "05", "RUS") in found


def test_the_definite_noun_refers_back_to_the_same_noun(code):
    events, _ = code("South Korea's presidential office met reporters. Later the office condemned Russia.")
    assert ("KORGOV", "11", "RUS") in triples(events)


def test_the_two_countries_are_the_last_states_named_together(code):
    events, _ = code("Russia and North Korea signed a pact. Japan criticized the two countries.")
    assert {("JPN", "11", "RUS"), ("JPN", "11", "PRK")} <= triples(events)


def test_the_pact_stands_for_its_parties(code):
    events, _ = code("Russia and North Korea signed a pact on Wednesday. Japan condemned the pact.")
    assert {("JPN", "11", "RUS"), ("JPN", "11", "PRK")} <= triples(events)


def test_he_in_what_someone_says_is_the_speaker(code):
    events, _ = code("Putin met the Chinese ambassador but did not say he would attack Ukraine.")
    assert ("RUSGOV", "19", "UKR") in triples(events)


def test_a_reflexive_is_bound_in_its_own_sentence(code):
    events, _ = code("Azerbaijani troops attacked Armenia. The State Department asked any external party not to involve themselves.")
    assert [e for e in events if e.source.country == "USA"] == []


def test_they_as_subject_carries_on_across_sentences(code):
    events, _ = code(
        "The foreign ministers of Greece and Cyprus met in Athens on Monday. "
        "They said that the border deal between Turkey and Libya is void. "
        "They called on Turkey to halt its drilling."
    )
    callers = {e.source.country for e in events if e.root == "02"}
    assert callers and callers <= {"GRC", "CYP"}


def test_a_possessive_in_a_reported_clause_is_the_speakers(code):
    events, _ = code("Ukraine said Russia attacked its power grid overnight.")
    assert ("RUS", "19", "UKR") in {(e.source.code, e.root, e.target.code if e.target else None) for e in events}
    events, _ = code("Russia said Ukraine shelled its own positions.")
    assert all(e.target is None or e.target.country != "RUS" for e in events if e.root == "19")


def test_it_after_a_thing_as_subject_is_that_thing(code):
    events, _ = code("Cyclone Idai made landfall in Mozambique on Thursday. It destroyed roads and forced thousands of civilians to flee.")
    assert events == []
