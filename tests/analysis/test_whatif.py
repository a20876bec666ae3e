"""What if ...? The commitment walker, read as documentation.

The news commitments are those the seed article ("Putin Warns South Korea Against Arming Ukraine
in Face of Russian-North Korean Pact", 2024-06-20) yields, built here by hand:

* RUS conditional threat: if South Korea arms Ukraine (KOR 072 UKR), Russia acts against it (RUS 170 KOR);
* RUS conditional promise: if the US arms Ukraine (USA 072 UKR), Russia arms North Korea (RUS 072 PRK);
* RUS-PRK mutual defence: an armed attack (18-20) on either calls for the other's help.

The treaty baseline is the packaged ``treaties.yaml``.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from rich.console import Console

from realpolitik.analysis.alliances import load_treaties
from realpolitik.analysis.whatif import parse_event, render_tree, respond, to_json, whatif
from realpolitik.records import Commitment, Pattern, SentenceRef

THREAT = Commitment(
    id="threat", doc_id="seed-article", date="2024-06-20", type="conditional_threat", parties=["RUS"],
    trigger=Pattern("KOR", "UKR", "072", ["07"]), response=Pattern("RUS", "KOR", "170", ["17"]),
    sentence=SentenceRef(3, "During a press briefing in Vietnam, Putin asserted that Moscow would take actions that may "
                            "displease South Korea's leadership if it proceeds with supplying arms to Kyiv.", 0, 160),
    confidence=0.8,
)  # fmt: skip
PROMISE = Commitment(
    id="promise", doc_id="seed-article", date="2024-06-20", type="conditional_promise", parties=["RUS"],
    trigger=Pattern("USA", "UKR", "072", ["07"]), response=Pattern("RUS", "PRK", "072", ["07"]),
    sentence=SentenceRef(5, "Putin also asserted Moscow's readiness to provide military assistance to Pyongyang should "
                            "the United States and its allies persist in supplying weapons to Ukraine.", 0, 160),
    confidence=0.8,
)  # fmt: skip
PACT = Commitment(
    id="pact", doc_id="seed-article", date="2024-06-20", type="mutual_defense", parties=["PRK", "RUS"],
    trigger=Pattern(None, None, None, ["18", "19", "20"], against_party=True),
    response=Pattern(None, None, "072", ["07", "19"]),
    sentence=SentenceRef(2, "This came in response to Seoul's contemplation of providing military support to Ukraine in "
                            "light of a newly formed pact between Russia and North Korea, which vowed mutual defence in "
                            "the event of aggression against either nation.", 0, 200),
    confidence=0.8,
)  # fmt: skip
SEED = [THREAT, PROMISE, PACT]


def first_level(tree):
    return {c.text: c for c in tree.children}


def treaty_ids(node):
    return {b.treaty for b in node.basis if b.kind == "treaty"}


def nato_members_on(day):
    (nato,) = [t for t in load_treaties() if t.id == "nato"]
    return set(nato.members_on(day))


# ------------------------------------------------------------------------- the seed article's commitments


def test_south_korea_arming_ukraine_triggers_the_russian_threat():
    tree = whatif("KOR 072 UKR", SEED, as_of="2024-07-01")
    assert list(first_level(tree)) == ["RUS 170 KOR"]
    (step,) = tree.children
    (basis,) = step.basis
    assert basis.kind == "news" and basis.type == "conditional_threat"
    assert basis.doc_id == "seed-article" and basis.date == "2024-06-20" and basis.sentence_index == 3
    assert "displease South Korea" in basis.sentence
    assert step.children == []  # a threat of coercion triggers no treaty


def test_us_arming_ukraine_triggers_the_promise_of_military_aid_to_north_korea():
    tree = whatif(("USA", "072", "UKR"), SEED, as_of=date(2024, 7, 1))
    (step,) = tree.children
    assert step.event == ("RUS", "072", "PRK") and step.basis[0].type == "conditional_promise"
    assert "military assistance to Pyongyang" in step.basis[0].sentence


def test_actor_codes_and_longer_cameo_codes_match_too():
    tree = whatif("KORGOV 0721 UKR", SEED, as_of="2024-07-01")
    assert list(first_level(tree)) == ["RUS 170 KOR"]


def test_news_commitments_count_only_from_their_date():
    assert whatif("KOR 072 UKR", SEED, as_of="2024-06-19").children == []


def test_an_event_that_matches_no_trigger_sets_off_nothing():
    assert whatif("KOR 072 POL", SEED, as_of="2024-07-01").children == []  # not to Ukraine
    assert whatif("KOR 040 UKR", SEED, as_of="2024-07-01").children == []  # consulting is not arming


# ------------------------------------------------------------------------- treaties and news together


def test_us_attack_on_north_korea_in_2025_russia_and_china_obligated():
    tree = whatif("USA 19 PRK", SEED, as_of="2025-06-01", depth=1)
    steps = first_level(tree)
    assert set(steps) == {"RUS 190 USA", "RUS 072 PRK", "CHN 190 USA"}
    # Russia's response rests on the 2024 treaty AND on the pact reported in the news
    rus = steps["RUS 190 USA"]
    assert {b.kind for b in rus.basis} == {"news", "treaty"}
    (treaty,) = [b for b in rus.basis if b.kind == "treaty"]
    assert treaty.treaty == "rus-prk-2024" and treaty.article == "Article 4" and treaty.since == "2024-12-04"
    (news,) = [b for b in rus.basis if b.kind == "news"]
    assert news.type == "mutual_defense" and "mutual defence" in news.sentence
    # the pact also promises military aid to the attacked party
    assert [b.type for b in steps["RUS 072 PRK"].basis] == ["mutual_defense"]
    # China: the 1961 treaty, Article II
    chn = steps["CHN 190 USA"]
    assert treaty_ids(chn) == {"chn-prk-1961"} and chn.basis[0].article == "Article II"


def test_before_the_2024_treaty_entered_into_force_only_the_news_pact_binds_russia():
    steps = first_level(whatif("USA 19 PRK", SEED, as_of="2024-07-01", depth=1))
    assert {b.kind for b in steps["RUS 190 USA"].basis} == {"news"}
    assert treaty_ids(steps["CHN 190 USA"]) == {"chn-prk-1961"}


def test_russian_attack_on_estonia_every_nato_member_obligated_respecting_accession():
    day = date(2025, 6, 1)
    steps = first_level(whatif("RUS 19 EST", SEED, as_of=day, depth=1))
    nato = {n.event[0] for n in steps.values() if "nato" in treaty_ids(n)}
    assert nato == nato_members_on(day) - {"EST"}
    assert all(n.event[1:] == ("190", "RUS") for n in steps.values())
    fin = steps["FIN 190 RUS"]
    assert treaty_ids(fin) == {"nato", "eu-teu-42-7"}
    (nato_basis,) = [b for b in fin.basis if b.treaty == "nato"]
    assert nato_basis.since == "2023-04-04" and nato_basis.article == "Article 5"
    # before their accession, Finland and Sweden are bound by the EU clause only
    early = first_level(whatif("RUS 19 EST", SEED, as_of="2023-01-01", depth=1))
    assert treaty_ids(early["FIN 190 RUS"]) == {"eu-teu-42-7"} and treaty_ids(early["SWE 190 RUS"]) == {"eu-teu-42-7"}


def test_chinese_assault_on_the_philippines_in_2024_obligates_the_united_states():
    steps = first_level(whatif("CHN 18 PHL", SEED, as_of="2024-01-01", depth=1))
    assert "us-phl-1951" in treaty_ids(steps["USA 190 CHN"])
    (mdt,) = [b for b in steps["USA 190 CHN"].basis if b.treaty == "us-phl-1951"]
    assert mdt.article == "Article IV" and mdt.protected == "PHL"


def test_russian_attack_on_finland_in_january_2022_no_nato_article_5():
    tree = whatif("RUS 19 FIN", SEED, as_of="2022-01-01", depth=1)
    assert all("nato" not in treaty_ids(n) for n in tree.children)
    assert "USA 190 RUS" not in first_level(tree)  # the US owed Finland nothing then
    assert "SWE 190 RUS" in first_level(tree)  # but EU Art. 42(7) bound Sweden


def test_treaties_can_be_left_out():
    tree = whatif("USA 19 PRK", SEED, as_of="2025-06-01", depth=1, treaties=False)
    assert set(first_level(tree)) == {"RUS 190 USA", "RUS 072 PRK"}
    assert all(b.kind == "news" for n in tree.children for b in n.basis)


# ------------------------------------------------------------------------- the walk


def test_responses_trigger_further_responses():
    # a US attack on North Korea: Russia fights the US, which brings in the US's allies against Russia
    tree = whatif("USA 19 PRK", SEED, as_of="2025-06-01", depth=2)
    rus = tree.find("RUS 190 USA")
    second = {c.text: c for c in rus.children}
    assert "GBR 190 RUS" in second and "nato" in treaty_ids(second["GBR 190 RUS"])
    assert "JPN 190 RUS" not in second  # the US-Japan treaty does not oblige Japan to defend the US
    assert all(c.depth == 2 for c in rus.children)


def test_depth_is_bounded_and_says_how_much_was_left_out():
    tree = whatif("USA 19 PRK", SEED, as_of="2025-06-01", depth=1)
    assert max(n.depth for n in tree.walk()) == 1
    rus = tree.find("RUS 190 USA")
    assert rus.children == [] and rus.cut == "depth" and rus.more > 30
    assert whatif("USA 19 PRK", SEED, as_of="2025-06-01", depth=0).children == []


def test_cycles_are_cut():
    # two hand-made threats that answer each other: A's attack on B makes B attack A, and back
    a = Commitment("a", "d", "2024-01-01", "conditional_threat", ["BBB"], Pattern("AAA", "BBB", None, ["19"]),
                   Pattern("BBB", "AAA", "190", ["19"]), None, 0.5)  # fmt: skip
    b = Commitment("b", "d", "2024-01-01", "conditional_threat", ["AAA"], Pattern("BBB", "AAA", None, ["19"]),
                   Pattern("AAA", "BBB", "190", ["19"]), None, 0.5)  # fmt: skip
    tree = whatif("AAA 19 BBB", [a, b], as_of="2024-06-01", depth=10, treaties=False)
    (step,) = tree.children
    assert step.text == "BBB 190 AAA" and step.cut is None
    (back,) = step.children
    assert back.text == "AAA 190 BBB" and back.cut == "cycle" and back.children == []
    assert sum(1 for _ in tree.walk()) == 3


def test_an_event_reached_twice_is_expanded_once():
    tree = whatif("USA 19 PRK", SEED, as_of="2025-06-01", depth=3)
    expanded = [n.text for n in tree.walk() if n.depth > 0 and n.cut not in ("repeat", "cycle")]
    assert len(expanded) == len(set(expanded))
    assert any(n.cut == "repeat" for n in tree.walk())


def test_the_walk_stops_at_max_nodes():
    tree = whatif("RUS 19 EST", SEED, as_of="2025-06-01", depth=3, max_nodes=50)
    assert sum(1 for _ in tree.walk()) <= 50
    assert any(n.cut == "limit" for n in tree.walk())


def test_every_step_carries_its_provenance():
    tree = whatif("USA 19 PRK", SEED, as_of="2025-06-01", depth=2)
    for node in tree.walk():
        if node is tree:
            assert node.basis == [] and node.as_of == "2025-06-01"
            continue
        assert node.basis, node.text
        for b in node.basis:
            if b.kind == "treaty":
                assert b.treaty_name and b.article and b.since
            else:
                assert b.kind == "news" and b.doc_id and b.sentence


def test_respond_lists_direct_responses():
    responses = respond(("USA", "19", "PRK"), SEED, date(2025, 6, 1))
    assert [(ev, basis.kind) for ev, _, basis in responses[:2]] == [
        (("RUS", "190", "USA"), "news"),
        (("RUS", "072", "PRK"), "news"),
    ]


# ------------------------------------------------------------------------- parsing and output


def test_parse_event():
    assert parse_event("kor 072 ukr") == ("KOR", "072", "UKR")
    assert parse_event("  RUSMIL 190   UKR ") == ("RUSMIL", "190", "UKR")
    for bad in ("KOR 072", "KOR 7 UKR", "KOR 2100 UKR", "KOR attack UKR", ""):
        with pytest.raises(ValueError, match="SOURCE CAMEO TARGET"):
            parse_event(bad)


def test_json_output():
    data = to_json(whatif("USA 19 PRK", SEED, as_of="2025-06-01", depth=1))
    json.dumps(data)
    assert data["event"] == "USA 19 PRK" and data["as_of"] == "2025-06-01"
    rus = next(c for c in data["children"] if c["event"] == "RUS 190 USA")
    assert {b["kind"] for b in rus["basis"]} == {"news", "treaty"}
    assert all(b["explanation"] for b in rus["basis"])
    assert rus["cut"] == "depth" and rus["more"] > 0


def test_tree_rendering_names_articles_and_treaties():
    console = Console(width=200, record=True)
    console.print(render_tree(whatif("USA 19 PRK", SEED, as_of="2025-06-01", depth=1)))
    text = console.export_text()
    assert "what if USA 19 PRK" in text and "RUS 190 USA" in text
    assert "Article 4" in text and "Article II" in text
    assert "news: mutual defense by PRK+RUS (seed-article, 2024-06-20, sentence 2)" in text
    console = Console(width=200, record=True)
    console.print(render_tree(whatif("KOR 040 UKR", SEED, as_of="2024-07-01")))
    assert "no commitment or treaty obligation is triggered" in console.export_text()
