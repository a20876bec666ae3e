"""Modality: asserted, negated, intended, conditional (with the condition linked), hypothetical."""

import pytest

from factories import triples


def _modalities(events, root):
    return {e.modality for e in events if e.root == root}


def test_plain_past_is_asserted(code):
    events, _ = code("Russia attacked Ukraine.")
    assert _modalities(events, "19") == {"asserted"}


def test_not_and_never_negate(code):
    events, _ = code("Japan did not criticize China. Egypt never attacked Israel.")
    assert _modalities(events, "11") == {"negated"}
    assert _modalities(events, "19") == {"negated"}


def test_refraining_and_refusing_negate_the_governed_event(code):
    events, _ = code("Germany refrained from furnishing weapons to Ukraine. France refused to sanction Russia.")
    assert _modalities(events, "07") == {"negated"}
    assert _modalities(events, "16") == {"negated"}


def test_pledges_and_plans_are_intended(code):
    events, _ = code("Poland pledged to send tanks to Ukraine. India will visit Japan.")
    assert _modalities(events, "07") == {"intended"}
    assert _modalities(events, "04") == {"intended"}


def test_if_clause_makes_a_conditional_event_with_its_condition_linked(code):
    events, commitments = code("Russia would attack Poland if Poland sends troops to Ukraine.")
    attack = [e for e in events if e.root == "19"]
    assert [e.modality for e in attack] == ["conditional"]
    assert attack[0].condition.source.country == "POL"
    assert attack[0].condition.target.country == "UKR"
    assert [c.type for c in commitments] == ["conditional_threat"]


def test_inverted_should_is_a_condition(code):
    events, commitments = code("Moscow would provide weapons to Pyongyang should Washington arm Kyiv.")
    aid = [e for e in events if e.source.country == "RUS" and e.root == "07"]
    assert [e.modality for e in aid] == ["conditional"]
    assert commitments[0].type == "conditional_promise"
    assert (commitments[0].trigger.source, commitments[0].trigger.target) == ("USA", "UKR")


def test_a_stated_conditional_hostile_act_is_an_asserted_threat(code):
    events, _ = code("Putin said Moscow would take measures against Seoul if it supplies arms to Kyiv.")
    threats = [e for e in events if e.root == "13"]
    assert threats and threats[0].modality == "asserted" and threats[0].target.country == "KOR"


def test_speculation_and_modals_are_hypothetical(code):
    events, _ = code("South Korea might criticize Russia. Analysts anticipated that China would attack Taiwan.")
    assert _modalities(events, "11") == {"hypothetical"}
    assert _modalities(events, "19") == {"hypothetical"}


def test_mutual_defence_pact_is_a_commitment(code):
    _, commitments = code("Russia and Belarus signed a pact that vowed mutual defence in the event of aggression against either nation.")
    assert [(c.type, sorted(c.parties)) for c in commitments] == [("mutual_defense", ["BLR", "RUS"])]


def test_a_phrasal_negator_needs_its_particle(code):
    ruled_out, _ = code("Russia ruled out sending troops to Syria.")
    assert any(e.root == "15" and e.modality == "negated" for e in ruled_out)
    # "ruled" here is a misparsed participle ("Taliban ruled Afghanistan"), not "ruled out".
    ruled, _ = code("Taliban ruled Afghanistan has been sharing expertise with Pakistan.")
    assert any(e.root == "06" and e.modality == "asserted" for e in ruled)


def test_news_attribution_by_report_is_no_hedge(code):
    events, _ = code("A camp was attacked by Burundian militiamen near Goma, the UN agency reported.")
    assert {e.modality for e in events if e.root in ("18", "19")} == {"asserted"}
    rumoured, _ = code("There are rumours that Russia attacked Ukraine.")
    assert "asserted" not in {e.modality for e in rumoured if e.root == "19"}


def test_a_hostile_act_on_a_condition_that_is_no_event_is_still_a_threat(code):
    events, _ = code("The European Union may halt its mediation among Serbia's republics if the ceasefire collapses.")
    assert ("IGOEU", "13", "SRB") in triples(events, "asserted")
    assert ("IGOEU", "16", "SRB") in triples(events, "conditional")


def test_a_refused_visit_is_refused_by_the_visitor_alone(code):
    events, _ = code("Putin refused to visit China.")
    assert {(e.source.country, e.cameo) for e in events if e.cameo.startswith("12")} == {("RUS", "125")}


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Did Iran ever support Israel?", "hypothetical"),
        ("Why did Russia attack Ukraine?", "asserted"),
        ("Russia refused to say whether it would attack Ukraine.", "hypothetical"),
    ],
)
def test_a_question_asks_and_asserts_nothing_but_its_presupposition(code, text, modality):
    events, _ = code(text)
    assert {e.modality for e in events if e.root in ("05", "19")} == {modality}


def test_whether_or_not_is_a_question_not_a_denial(code):
    events, _ = code("Biden would not say whether or not he supported sanctions on Russia.")
    assert {e.modality for e in events if e.root == "05"} == {"hypothetical"}


def test_an_act_offered_by_a_light_verb_is_intended(code):
    events, _ = code("Russia offered concessions to the United States.")
    assert {(e.cameo, e.modality) for e in events} == {("080", "intended"), ("035", "asserted")}


def test_a_refusal_is_the_refusers_alone(code):
    events, _ = code("Ukraine refused to renew the transit agreement with Russia.")
    assert {(e.source.code, e.cameo) for e in events if e.cameo.startswith("12")} == {("UKR", "120")}


def test_an_interview_question_after_a_speaker_tag_asserts_nothing(code):
    events, _ = code("((WN)) Did Iran ever support Israel, back in the days?")
    assert {e.modality for e in events} == {"hypothetical"}


def test_a_denied_plan_is_no_plan(code):
    events, _ = code("Russia has no plans to attack NATO, the Kremlin said.")
    assert {(e.root, e.modality) for e in events} == {("19", "negated")}


def test_stopping_short_of_an_act_negates_it(code):
    events, _ = code("Germany stopped short of recognizing Palestine.")
    assert [(e.source.code, e.root, e.target.code, e.modality) for e in events] == [("DEU", "05", "PSE", "negated")]


def test_a_hope_is_an_intent_though_the_lemmatizer_reads_hopes_as_hop(code):
    events, _ = code("Ukraine hopes to sign a security pact with Britain.")
    assert _modalities(events, "05") == {"intended"}
    assert ("UKR", "03", "GBR") in triples(events, "asserted")  # the hope expressed now


def test_committing_an_attack_does_it_and_committing_to_a_plan_pledges_it(code):
    events, _ = code("The Pakistani militant group committed an attack in Pahalgam, India.")
    assert {(e.root, e.modality) for e in events} == {("19", "asserted")}


def test_an_infinitive_right_after_a_pledge_is_what_is_pledged(code):
    events, _ = code("Syrian rebels have sworn to fight the government of Syria.")
    assert {(e.cameo[:2], e.modality) for e in events} >= {("19", "intended"), ("13", "asserted")}
    events, _ = code("Syrian troops came to Homs to fight the rebels.")
    assert all(e.modality == "asserted" for e in events if e.root == "19")


def test_a_cancelled_event_did_not_happen(code):
    events, _ = code("Biden's cancelled visit to Kenya angered Nairobi.")
    assert {(e.cameo, e.modality) for e in events if e.trigger.text == "visit"} == {("042", "negated"), ("043", "negated")}
    # The parser hangs "which was cancelled" on the place; the trip is what was cancelled.
    events, _ = code("Biden's planned trip to Warsaw, which was cancelled, angered Poland.")
    assert {e.modality for e in events if e.trigger.text == "trip"} == {"negated"}


def test_a_hostile_act_on_a_condition_is_aimed_at_whoever_must_meet_it(code):
    events, _ = code("China warned that it would retaliate if Manila continued its patrols.")
    assert {(e.source.code, e.cameo, e.target.code, e.modality) for e in events} == {
        ("CHN", "130", "PHLGOV", "asserted"),
        ("CHN", "170", "PHLGOV", "conditional"),
    }


def test_a_denied_exclusion_leaves_the_act_open(code):
    events, _ = code("China did not refuse to send aid to Nepal.")
    assert ("070", "hypothetical") in {(e.cameo, e.modality) for e in events}
    events, _ = code("Kenya refused to rule out sending troops to Somalia.")
    assert {e.modality for e in events} <= {"hypothetical"} and not [e for e in events if e.root == "12"]
    events, _ = code("Kenya ruled out sending troops to Somalia.")
    assert {(e.root, e.modality) for e in events} == {("15", "negated")}
