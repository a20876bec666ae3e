"""The seed article, coded with its date, gives what an analyst reads in it.

"Putin Warns South Korea Against Arming Ukraine in Face of Russian-North Korean Pact"
(shared/examples/seed_article.txt, 2024-06-20).
"""

from pathlib import Path

import pytest

from realpolitik.records import Commitment, Event

SEED = Path(__file__).resolve().parents[2] / "samples" / "seed_article.txt"


@pytest.fixture(scope="module")
def seed(coder):
    records = coder.code(SEED.read_text(encoding="utf-8"), date="2024-06-20", doc_id="seed")
    events = [r for r in records if isinstance(r, Event)]
    commitments = [r for r in records if isinstance(r, Commitment)]
    return events, commitments


def _find(events, source, target, roots, modality=None):
    return [
        e
        for e in events
        if e.source.country == source
        and e.target is not None
        and e.target.country == target
        and e.root in roots
        and (modality is None or e.modality == modality)
    ]


def test_russia_threatens_south_korea_in_the_headline_the_warning_and_the_vietnam_remarks(seed):
    events, _ = seed
    threats = _find(events, "RUS", "KOR", {"13"}, "asserted")
    sentences = {e.sentence.index for e in threats}
    assert 0 in sentences  # the headline
    assert any("stark warning" in e.sentence.text for e in threats)
    vietnam = [e for e in threats if "Vietnam" in e.sentence.text]
    assert vietnam and vietnam[0].location is not None
    assert vietnam[0].location.country == "VNM"
    assert all(e.plover.event == "THREATEN" for e in threats)


def test_the_russia_north_korea_agreement_and_putins_visit_to_pyongyang(seed):
    events, _ = seed
    visits = _find(events, "RUS", "PRK", {"04"}, "asserted")
    assert any(e.cameo == "042" and e.trigger.text == "visit" for e in visits)
    assert _find(events, "PRK", "RUS", {"04"}) and any(e.cameo == "043" for e in _find(events, "PRK", "RUS", {"04"}))
    agreements = _find(events, "RUS", "PRK", {"05"}, "asserted")
    assert any(e.cameo == "057" for e in agreements)


def test_south_korea_protests_and_demands_through_the_summoned_ambassador(seed):
    events, _ = seed
    summoned = [e for e in _find(events, "KOR", "RUS", {"10", "11"}, "asserted") if "summoned" in e.sentence.text]
    assert {e.root for e in summoned} == {"10", "11"}
    assert all(e.source.code == "KORGOV" for e in summoned)  # "the office" -> South Korea's presidential office


def test_south_korean_aid_to_ukraine_is_asserted_and_lethal_weapons_only_negated(seed):
    events, _ = seed
    aid = _find(events, "KOR", "UKR", {"07"})
    assert any(e.cameo == "073" and e.modality == "asserted" for e in aid)  # humanitarian aid
    assert any(e.cameo == "072" and e.modality == "asserted" and e.trigger.text == "provided" for e in aid)
    lethal = [e for e in aid if "lethal weaponry" in e.sentence.text and e.trigger.text == "furnishing"]
    assert [e.modality for e in lethal] == ["negated"]
    # Arming Ukraine in the headline, and the arms Seoul may supply, are never asserted.
    assert not [e for e in aid if e.modality == "asserted" and e.trigger.text in ("Arming", "furnishing", "supplying", "providing")]


def test_russian_military_aid_to_north_korea_only_conditional_on_us_arms_to_ukraine(seed):
    events, _ = seed
    aid = _find(events, "RUS", "PRK", {"07"})
    assert aid
    assert {e.modality for e in aid} == {"conditional"}
    condition = aid[0].condition
    assert condition.source.country == "USA" and condition.target.country == "UKR"
    assert condition.cameo.startswith("07")


def test_the_united_states_and_japan_disapprove_of_the_pacts_parties(seed):
    events, _ = seed
    concern = [e for e in events if e.root == "11" and "deep concerns" in e.sentence.text and e.modality == "asserted"]
    pairs = {(e.source.country, e.target.country) for e in concern}
    assert {("USA", "RUS"), ("JPN", "RUS"), ("USA", "PRK"), ("JPN", "PRK")} <= pairs
    assert len({e.trigger.start for e in concern}) == 1  # one trigger for the coordinated sources


def test_kim_pledges_support_for_russia(seed):
    events, _ = seed
    support = _find(events, "PRK", "RUS", {"03", "05"}, "asserted")
    assert any(e.source.code == "PRKGOV" and e.source.text == "Kim" for e in support)


def test_three_commitments_pact_threat_and_promise(seed):
    _, commitments = seed
    by_type = {c.type: c for c in commitments}
    assert set(by_type) == {"mutual_defense", "conditional_threat", "conditional_promise"}

    pact = by_type["mutual_defense"]
    assert sorted(pact.parties) == ["PRK", "RUS"]
    assert set(pact.trigger.roots) == {"18", "19", "20"} and pact.trigger.against_party

    threat = by_type["conditional_threat"]
    assert threat.parties == ["RUS"]
    assert (threat.trigger.source, threat.trigger.target) == ("KOR", "UKR") and threat.trigger.cameo.startswith("07")
    assert (threat.response.source, threat.response.target) == ("RUS", "KOR")

    promise = by_type["conditional_promise"]
    assert (promise.trigger.source, promise.trigger.target) == ("USA", "UKR") and promise.trigger.cameo.startswith("07")
    assert (promise.response.source, promise.response.target, promise.response.cameo) == ("RUS", "PRK", "072")


def test_every_event_points_into_the_article(seed):
    events, _ = seed
    text = SEED.read_text(encoding="utf-8")
    for event in events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert text[event.source.start : event.source.end] == event.source.text
        if event.target is not None:
            assert text[event.target.start : event.target.end] == event.target.text
        assert event.trigger.text in event.sentence.text
        assert event.sentence.start <= event.trigger.start < event.sentence.end
        assert event.doc_id == "seed" and event.date == "2024-06-20"
