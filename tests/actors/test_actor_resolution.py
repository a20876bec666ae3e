"""How names become actor codes: states, capitals and seats of power, sectors, people by date."""

import pytest

from factories import triples


def test_states_by_name_alias_and_demonym(code):
    events, _ = code("The U.S. criticized the DPRK. South Korean troops attacked North Korean forces.")
    assert ("USA", "11", "PRK") in triples(events)
    assert ("KORMIL", "19", "PRKMIL") in triples(events)


def test_capitals_and_seats_of_power_stand_for_the_government(code):
    events, _ = code("Moscow condemned Kyiv. The Kremlin criticized the White House. The Pentagon accused Beijing.")
    found = triples(events)
    assert ("RUSGOV", "11", "UKRGOV") in found
    assert ("RUSGOV", "11", "USAGOV") in found
    assert ("USAMIL", "11", "CHNGOV") in found


def test_a_capital_after_in_is_a_place_not_an_actor(code):
    events, _ = code("Iran criticized Israel during a summit in Moscow.")
    assert triples(events) == {("IRN", "11", "ISR")}
    assert events[0].location.country == "RUS"


def test_victims_are_civilians_of_where_they_are(code):
    events, _ = code("China sent aid to the earthquake victims in Nepal.")
    assert triples(events) == {("CHN", "07", "NPLCVL")}


def test_a_sector_phrase_may_end_in_its_of_phrase(code):
    events, _ = code("The US Secretary of State criticized Iran.")
    assert triples(events) == {("USADIP", "11", "IRN")}


def test_sector_nouns_combine_with_the_country_next_to_them(code):
    events, _ = code("South Korea's presidential office summoned the Russian ambassador. Seoul's leadership criticized the Israeli military.")
    assert ("KORGOV", "11", "ISRMIL") in triples(events)


def test_people_resolve_by_their_role_on_the_article_date(coder):
    text = "Putin criticized Ukraine."
    as_president = coder.code(text, date="2015-03-01")[0]
    as_premier = coder.code(text, date="2010-03-01")[0]
    assert as_president.source.code == "RUSGOV" and as_premier.source.code == "RUSGOV"
    assert as_president.source.name == "Vladimir Putin"


def test_a_person_out_of_office_still_belongs_to_their_country(coder):
    events = coder.code("Medvedev criticized Ukraine.", date="2024-01-10")
    assert events and events[0].source.country == "RUS"


def test_organisations_and_armed_groups(code):
    events, _ = code("NATO criticized Russia. Hamas attacked Israel.")
    found = triples(events)
    assert ("IGONATO", "11", "RUS") in found
    assert any(s.startswith("PSE") and r == "19" and t == "ISR" for s, r, t in found)


def test_taliban_are_rebels_before_august_2021_and_the_government_after(coder):
    before = coder.code("The Taliban attacked Pakistan.", date="2020-01-01")
    after = coder.code("The Taliban attacked Pakistan.", date="2023-01-01")
    assert before[0].source.code.startswith("AFGREB")
    assert after[0].source.code == "AFGGOV"


def test_domestic_sectors_without_a_country_belong_to_the_state_just_named(code):
    events, _ = code("The Mozambique government accepted demands from rebels.")
    assert any(s == "MOZGOV" and t == "MOZREB" for s, _, t in triples(events))


def test_a_government_without_a_country_is_not_guessed_but_coded_as_of_no_state(code):
    events, _ = code("The government criticized China.")
    assert [(e.source.code, e.source.country, e.source.sector, e.target.code) for e in events] == [("---GOV", None, "GOV", "CHN")]


def test_a_role_of_no_named_state_fills_only_a_side_nothing_else_fills(code):
    events, _ = code("Police detained two Japanese journalists.")
    assert [(e.source.code, e.source.country, e.root, e.target.code) for e in events] == [("---COP", None, "17", "JPNMED")]
    # Two roles of no named state place nothing on the map.
    events, _ = code("Police detained the protesters.")
    assert events == []
    # The place of the attack names the target before the soldiers of no named state do.
    events, _ = code("Al-Shabaab attacked a base in Somalia, killing dozens of soldiers.")
    assert {e.target.code for e in events} == {"SOM"}
    # At home, a place is no counterpart; one's own office is no target.
    events, _ = code("The president travelled to Texas.")
    assert events == []
    events, _ = code("Canadian Prime Minister Justin Trudeau said he will resign as prime minister.")
    assert events and all(e.target is None for e in events)


def test_a_name_the_dictionary_does_not_know_is_no_civilian_of_no_state(code):
    events, _ = code("Rebels seized the National Highway near Kenya.")
    assert all(e.target is None or e.target.country == "KEN" for e in events)


def test_a_role_with_no_state_takes_the_sentence_state_named_by_a_body_outside_the_state(code):
    events, _ = code("President Mwangi conceded to demands from the Inkatha Freedom Party.", date="2001-05-01")
    assert ("ZAFGOV", "08", "ZAFPTYIFP") in triples(events)
    events, _ = code("The interior minister banned the rally of opposition leader Ali Hassan, according to Kenyan officials.")
    assert ("KENGOV", "17", "KENOPP") in triples(events)


def test_a_role_does_not_take_the_state_of_its_counterpart_or_of_who_announces_it(code):
    events, _ = code("The minister expressed gratitude for China's support.")
    assert [e.source.code for e in events] == ["---GOV"]  # a minister of no named state
    events, _ = code("Kenya announced that the minister criticized the rebels.")
    assert all(e.source.country != "KEN" or e.trigger.text == "announced" for e in events)


def test_a_sector_noun_takes_the_state_of_the_place_it_belongs_to(code):
    events, _ = code("The mayor of the West Bank city of Nablus criticized Israel.")
    assert ("PSEGOV", "11", "ISR") in triples(events)


def test_the_longest_sector_phrase_wins(code):
    events, _ = code("Iraq's national security advisor met with Syrian President Bashar Assad.")
    assert any(s == "IRQGOV" and r == "04" and t == "SYRGOV" for s, r, t in triples(events))


def test_former_state_names_are_their_successor_states(code):
    events, _ = code("Ronald Reagan criticised the Soviet Union. Zaire accused Rhodesia.", date="1978-05-01")
    found = triples(events)
    assert ("RUS", "11") in {(t, r) for s, r, t in found}  # a state, not a labour "union"
    assert ("COD", "11", "ZWE") in found


def test_peoples_of_one_state_are_that_state(code):
    events, _ = code("Chechen rebels attacked Russian troops.")
    assert ("RUSREB", "19", "RUSMIL") in triples(events)


def test_a_sector_noun_takes_the_state_it_comes_from(code):
    events, _ = code("President Bush met with exiled dissidents from Myanmar.", date="2008-08-01")
    assert any(s == "USAGOV" and r == "04" and t == "MMROPP" for s, r, t in triples(events))


def test_an_unknown_name_under_a_title_with_a_country_is_that_office(code):
    events, _ = code("Serbian President Zorvan Kadelic criticized Croatia. He also condemned Albania.")
    assert ("SRBGOV", "11", "HRV") in triples(events)
    assert ("SRBGOV", "11", "ALB") in triples(events)
    assert events[0].source.text == "Serbian President Zorvan Kadelic"


def test_a_title_whose_country_was_only_guessed_lends_it_to_no_name(code):
    # "company" takes the state just named as a guess; the name is not given that guess.
    events, _ = code("After the US report, energy company Burisma criticized Russia.")
    assert triples(events) == {("---BUS", "11", "RUS")}
    events, _ = code("US energy company Burisma criticized Russia.")
    assert triples(events) == {("USABUS", "11", "RUS")}


def test_a_name_the_parser_splits_keeps_its_coordinated_partner(code):
    # The small model reads "Barack" as a preposition heading "Obama"; "and Angela Merkel" then
    # hangs on "Obama", not on the subject token.
    events, _ = code("Barack Obama and Angela Merkel criticized Iran.")
    assert {(source[:3], target) for source, _, target in triples(events)} == {("USA", "IRN"), ("DEU", "IRN")}


def test_youths_are_civilians_of_their_demonym(code):
    events, _ = code("Palestinian youths attacked Israeli soldiers.")
    assert ("PSECVL", "19", "ISRMIL") in triples(events)


@pytest.mark.parametrize("text", ["Germany sent aid to refugees fleeing Syria.", "Germany sent aid to refugees fleeing the civil war in Syria."])
def test_people_fleeing_a_place_come_from_its_state(code, text):
    events, _ = code(text)
    assert ("DEU", "07", "SYRREF") in triples(events)


def test_coordinated_demonyms_on_a_sector_noun_name_each_state(code):
    events, _ = code("American and British troops attacked Iraqi positions.")
    assert {source for source, _, _ in triples(events)} == {"USAMIL", "GBRMIL"}


def test_an_ethnic_group_is_coded_to_the_state_it_lives_in(code):
    events, _ = code("Ethnic Turks began a hunger strike to protest against Sweden's decision to deport them.")
    assert ("SWECVL", "14", "SWE") in triples(events)
    events, _ = code("Ethnic Russians attacked Ukrainian police.")
    assert ("UKRCVL", "19", "UKRCOP") in triples(events)
    # Without "ethnic", a demonym names its own state.
    events, _ = code("Russian troops attacked Ukrainian police.")
    assert ("RUSMIL", "19", "UKRCOP") in triples(events)


def test_a_body_based_in_a_place_belongs_to_its_state(code):
    events, _ = code("A newspaper based in Beirut defied a ban by the Syrian army.")
    assert triples(events) == {("LBNMED", "12", "SYRMIL")}


def test_a_stance_on_a_state_is_no_membership_of_it(code):
    events, _ = code("Russia accused an anti-Syria journalist.")
    assert {e.target.code for e in events if e.target} <= {"RUSMED"}
    assert "SYRMED" not in {e.target.code for e in events if e.target}


def test_hong_kong_and_macau_are_coded_apart_from_china(code):
    events, _ = code("Hong Kong police arrested 20 protesters. Beijing criticized Macau.")
    assert {("HKGCOP", "17", "HKGOPP"), ("CHNGOV", "11", "MAC")} <= triples(events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels attacked a military base in Mali.", ("MLIREB", "19", "MLI")),
        ("A journalist was killed in a car bomb explosion in Beirut.", ("LBNUAF", "18", "LBNMED")),
    ],
)
def test_a_domestic_body_named_with_no_state_belongs_to_the_place_of_its_clause(code, text, expected):
    events, _ = code(text)
    assert expected in triples(events)


def test_an_institution_is_no_body_of_people_placed_by_its_clause(code):
    events, _ = code("The minister visited the hospital in Gdansk.")
    assert events == []


def test_what_a_state_leads_is_its_own_and_what_it_backs_is_not(code):
    events, _ = code("Turkey criticized the US-led coalition.")
    assert ("TUR", "11", "USA") in triples(events)
    events, _ = code("Iranian-backed militias attacked US troops in Iraq.")
    assert ("IRQREB", "19", "USAMIL") in triples(events)


def test_a_capital_modifying_a_thing_says_where_not_who(code):
    events, _ = code("A Kabul car bombing killed five people.")
    assert {e.source.code for e in events} == {"AFGUAF"}


def test_a_states_ally_is_not_that_state(code):
    events, _ = code("Hamas gunmen killed the deputy chief of Israel's militia ally in Gaza.")
    assert ("PSEREBHMS", "18", "PSEREB") in triples(events)


def test_the_pope_is_the_holy_see(code):
    events, _ = code("The Pope appealed to Israel to end the violence.")
    assert ("VATGOV", "02", "ISR") in {(e.source.code, e.root, e.target.code) for e in events}


def test_a_counterpart_holds_the_post_of_the_one_whose_counterpart_it_is(code):
    events, _ = code("The Chinese foreign minister held talks with his Japanese counterpart in Beijing.")
    assert ("CHNDIP", "04", "JPNDIP") in {(e.source.code, e.root, e.target.code) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kenya Human Rights Society condemned the Kenyan police.", ("KENNGO", "11", "KENCOP")),
        ("The Association of African Lawyers criticized Libya.", ("NGO", "11", "LBY")),
        ("Police in the port city of Port Harcourt arrested several members of the Ogoni Survival Movement.", ("NGACOP", "17", "NGAOPP")),
    ],
)
def test_an_unknown_organisation_is_coded_by_the_last_word_of_its_name(code, text, expected):
    events, _ = code(text)
    assert expected in {(e.source.code, e.root, e.target.code if e.target else None) for e in events}


def test_a_lone_organisation_word_is_no_actor(code):
    events, _ = code("The Movement condemned Israel.")
    assert events == []


def test_an_abbreviation_in_parentheses_is_the_body_it_follows(code):
    # NPC is also China's congress: read as such, the sentence would name two states.
    events, _ = code("The minister criticized the Nigeria Farmers Association (NPC).")
    assert ("NGAGOV", "11", "NGANGO") in triples(events)


def test_a_state_in_apposition_to_a_place_is_where_it_happens(code):
    events, _ = code("Two roadside bomb explosions in Zarghunabad District, Pakistan, kill seven people.")
    assert any(e.source.code == "PAKUAF" for e in events)


def test_elders_and_peoples_of_a_state(code):
    events, _ = code("Yoruba traditional elders condemned the Nigerian police.")
    assert ("NGAELI", "11", "NGACOP") in triples(events)


def test_a_word_of_a_sector_phrase_is_no_actor_of_its_own(code):
    events, _ = code("The governor of Texas deployed the national guard to the border with Mexico.")
    assert all(e.target is None or e.target.sector != "CVL" for e in events)
