"""Towns from the GeoNames gazetteer are places where the sentence uses them as places."""

from factories import triples


def test_unattributed_violence_in_a_gazetteer_town_is_coded_to_its_state(code):
    events, _ = code("Two U.S. soldiers were killed by a roadside bomb in the town of Samarra.")
    assert ("IRQUAF", "18", "USAMIL") in triples(events)  # a roadside bombing (1833)


def test_an_event_in_the_town_of_a_place_is_located_there(code):
    events, _ = code("Turkish troops attacked Kurdish rebels in the town of Cizre.")
    assert events[0].location.name == "Cizre" and events[0].location.country == "TUR"


def test_a_sector_noun_takes_the_state_of_its_town(code):
    events, _ = code("Police in Soroti arrested opposition supporters.")
    assert {source for source, _, _ in triples(events)} == {"UGACOP"}


def test_a_town_name_outside_a_place_context_is_no_place(code):
    # "Jackson" is also an American town; as a subject it is a person, not a place.
    events, _ = code("Jackson criticized Russia. Russian troops shelled villages near Jackson.")
    assert all(event.source.code[:3] != "USA" for event in events)
    assert ("RUSMIL", "19", "USA") in triples(events)


def test_a_part_of_a_place_is_that_place(code):
    events, _ = code("Russian troops attacked Ukrainian soldiers in the east of Ukraine.")
    assert events[0].location.country == "UKR"
    events, _ = code("Russian troops shelled villages on the outskirts of Kharkiv.")
    assert triples(events) == {("RUSMIL", "19", "UKR")}


def test_a_month_is_no_town(code):
    events, _ = code("Both the Philippine military and the Moro Islamic Liberation Front violated the ceasefire agreement signed in March 2001.")
    assert {e.target.code for e in events if e.target} == {"PHLMIL", "PHLREBMIL"}


def test_a_town_named_like_a_sector_noun_is_no_place():
    from realpolitik.actors.dictionary import default_dictionary

    # Police (Poland) and Union (USA) are towns, but "Balochistan Police officers" are no Poles.
    assert default_dictionary().lookup("Police", None) == []
