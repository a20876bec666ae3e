"""From noun phrases to actor codes: names, demonyms, seats of power and sector nouns, on a date.

``ActorResolver.read(doc, day)`` walks a parsed article once and returns a ``Reading``: for every
noun-phrase head that stands for an actor, the actors it stands for. Names come from the actor
dictionary (valid on the article's date); "Russian troops" combines a demonym with a sector noun;
pronouns, role nouns and "the two countries" go through ``coref.Discourse``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from realpolitik.actors.coref import Discourse
from realpolitik.actors.names import LOCATIVE_PREPS, SETTLEMENT_NOUNS, NameMatcher
from realpolitik.actors.dictionary import (
    CAPITAL,
    CITY,
    TOWN,
    COUNTRY,
    UNKNOWN_STATE,
    DEMONYM,
    ORGANISATION,
    PERSON,
    SEAT,
    ActorDictionary,
    Entry,
    country_of,
    sector_of,
)

# Modifier relations that carry an actor's country or sector inside one noun phrase.
_MODIFIERS = {"compound", "amod", "poss", "nmod", "npadvmod", "det"}
# Nouns for groupings of states, resolved through the discourse ("the two countries").
GROUP_NOUNS = {"country", "nation", "state", "side", "government", "party", "neighbour", "neighbor", "power"}
# Verbs by which people leave a place: "refugees fleeing the war in Liberia" come from Liberia.
_FLEEING = {"flee", "escape", "leave"}
# ... and by which they are placed: "a newspaper based in Beirut".
_BASED = {"base", "locate", "headquarter", "station"}
# Parts of a place: "in the east of the Gaza Strip", "on the outskirts of Kabul".
PART_NOUNS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "centre", "center",
              "heart", "outskirts", "outskirt", "edge", "part", "border", "suburb", "coast", "interior", "rest",
              "sector", "quarter", "district", "area", "neighbourhood", "neighborhood"}
PACT_NOUNS = {"pact", "treaty", "agreement", "alliance", "accord", "deal", "partnership"}
# Parts of a state that act at home: without a country of their own they belong to the state
# named just before them in the sentence.
DOMESTIC_SECTORS = {"REB", "OPP", "COP", "CVL", "LEG", "JUD", "PTY", "MED", "BUS", "LAB", "EDU", "HLH", "CRM", "HRI"}
# ... of which these stand outside the state's organs: they name the state of an unnamed role.
NON_STATE_SECTORS = DOMESTIC_SECTORS - {"COP", "LEG", "JUD"} | {"NGO"}
# Verbs by which a sentence's informant is named: "..., Kenyan officials said".
_INFORMING = {"say", "report", "tell", "confirm", "add", "state"}


@dataclass(frozen=True)
class Actor:
    """An actor a noun phrase stands for, with the span of text that named it."""

    code: str
    name: str | None
    start: int  # character offsets in the document
    end: int
    via: str = "name"  # name | sector | coref
    person: bool = False

    @property
    def country(self) -> str | None:
        return country_of(self.code)

    @property
    def sector(self) -> str | None:
        return sector_of(self.code)


@dataclass
class Reading:
    """What the resolver learned about one document."""

    actors: dict[int, list[Actor]] = field(default_factory=dict)  # NP head token index -> actors
    places: dict[int, Entry] = field(default_factory=dict)  # token index -> place/country entry
    pacts: dict[int, list[str]] = field(default_factory=dict)  # pact noun token -> party codes
    # Demonyms and names used as modifiers ("Israeli airstrikes"): the agent of a nominal event.
    modifiers: dict[int, list[Actor]] = field(default_factory=dict)
    # Domestic sector nouns with no state named before them, waiting for a place in their clause.
    unplaced: dict[int, str] = field(default_factory=dict)
    # Roles and titled people with no state in their phrase, waiting for the sentence's state.
    unstated: dict[int, str] = field(default_factory=dict)
    # Roles whose state the text never names ("---GOV"): a side of an event only where nothing
    # else fills it, so they are kept apart from ``actors``.
    stateless: dict[int, list[Actor]] = field(default_factory=dict)

    def at(self, token: Token) -> list[Actor]:
        return self.actors.get(token.i, [])


class ActorResolver:
    def __init__(self, dictionary: ActorDictionary, vocab) -> None:
        self.dictionary = dictionary
        self.names = NameMatcher(vocab, dictionary)

    def build(self, nlp) -> None:
        """Compile the phrase patterns with the pipeline's tokenizer (once per process)."""
        self.names.build(nlp)

    def is_name_word(self, word: str) -> bool:
        """A word of a curated name, or one letter off one ("Bouteflicka"); town names are often
        common words ("Split", "Mobile") and do not count."""
        return word in self.names.curated_words or self.names.speller.respell(word) is not None

    def is_actor_name(self, surface: str) -> bool:
        """A name that stands for a state, body or person, not only for a place."""
        return any(e.kind not in (CITY, TOWN, CAPITAL) for e in self.dictionary.names.get(surface, []))

    # -- one document ------------------------------------------------------------------------

    def read(self, doc: Doc, day: date | None) -> Reading:
        reading = Reading()
        names = self._match_names(doc, day)
        discourse = Discourse()
        for sent in doc.sents:
            for token in sent:
                if token.i in reading.actors:
                    continue
                actors = self._resolve_token(token, names, day, discourse, reading)
                if actors:
                    reading.actors[token.i] = actors
            self._place_unplaced(sent, reading, discourse)
            self._state_unstated(sent, reading, discourse)
            self._leave_stateless(sent, reading)
            discourse.end_sentence(thing_subject=_has_thing_subject(sent, reading))
        return reading

    def _place_unplaced(self, sent: Span, reading: Reading, discourse: Discourse) -> None:
        """ "Rebels shelled a district of the city of Homs", "a journalist was killed in
        Mogadishu": a domestic body named with no state belongs to the place where its clause
        happens, when the sentence names no state before it."""
        for i in [i for i in reading.unplaced if sent.start <= i < sent.end]:
            token, sector = sent.doc[i], reading.unplaced[i]
            clause = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
            place = None if clause is None else place_in(clause, reading)
            if place is None:
                continue
            del reading.unplaced[i]
            actors = [Actor(place.code[:3] + sector, place.name, token.idx, token.idx + len(token.text), via="place", person=_is_person_noun(token))]
            reading.actors[i] = actors
            discourse.add(token, actors)

    def _state_unstated(self, sent: Span, reading: Reading, discourse: Discourse) -> None:
        """ "President Dos Santos conceded to demands from UNITA", "the interior minister allowed the
        rally, according to Kenyan officials": a role named with no state belongs to the one state
        its sentence names, when a body outside that state's organs (rebels, opposition, a party),
        its people ("thousands of Kenyans") or the sentence's informant names it. A state or state
        organ named beside the role could as well be its counterpart ("the minister thanked China
        for its help"), so it names none."""
        waiting = {i: sector for i, sector in reading.unstated.items() if sent.start <= i < sent.end}
        if not waiting:
            return
        doc = sent.doc
        # Roles already given a state by their neighbours, and pronouns, are no evidence of their own.
        # ... nor are names inside another actor's name ("Nigeria" in "the Nigeria Farmers Association").
        named = [
            (i, a) for i, actors in reading.actors.items()
            if sent.start <= i < sent.end and not (doc[i].dep_ == "compound" and doc[i].head.i in reading.actors)
            for a in actors if a.via not in ("sector", "coref")
        ]  # fmt: skip
        named += [(i, a) for i, actors in reading.modifiers.items() if sent.start <= i < sent.end and doc[i].head.i not in reading.actors for a in actors]
        places = {e.code[:3] for i, e in reading.places.items() if sent.start <= i < sent.end}
        countries = {a.country for _, a in named if a.country} | places
        if len(countries) != 1 or any(not a.country for _, a in named):
            return
        roles = [doc[i] for i in waiting]
        vouching = [_is_attribution(doc[i], roles) or a.sector in NON_STATE_SECTORS or self._is_people(doc[i]) for i, a in named]
        if not vouching or not all(vouching):
            return
        (state,) = countries
        for i, sector in waiting.items():
            token = doc[i]
            del reading.unstated[i]
            actors = [Actor(state + sector, None, token.idx, token.idx + len(token.text), via="sector", person=_is_person_noun(token))]
            reading.actors[i] = actors
            discourse.add(token, actors)

    def _leave_stateless(self, sent: Span, reading: Reading) -> None:
        """ "The government praised Japan", "police detained two Japanese journalists": a role whose
        state neither its phrase, its place nor its sentence names is still that role, of no known
        state (``---GOV``), as PETRARCH codes it. No pronoun refers to it: one that names a state
        would be worse read as a role of none. A name the dictionary does not know is a role by its
        title ("former minister José Ábalos", "Senator Sayed"), but no civilian: that sector comes
        from a word of the name ("the National Export Highway")."""
        doc = sent.doc
        for waiting in (reading.unplaced, reading.unstated):
            for i in [i for i in waiting if sent.start <= i < sent.end]:
                token, sector = doc[i], waiting.pop(i)
                if sector == "CVL" and token.pos_ == "PROPN" and token.text[:1].isupper():
                    continue
                reading.stateless[i] = [Actor(UNKNOWN_STATE + sector, None, token.idx, token.idx + len(token.text), via="stateless", person=_is_person_noun(token))]

    def _is_people(self, token: Token) -> bool:
        """ "thousands of Kenyans": a people named by its demonym, not its state."""
        return token.tag_ in ("NNS", "NNPS") and any(e.kind == DEMONYM for e in self.dictionary.names.get(token.text, []))

    def _match_names(self, doc: Doc, day: date | None) -> dict[int, tuple[Span, list[Entry]]]:
        by_token: dict[int, tuple[Span, list[Entry]]] = {}
        for match in self.names(doc):
            entries = self.dictionary.lookup(match.surface, day)
            for token in match.span:
                by_token[token.i] = (match.span, entries)
        return by_token

    def _resolve_token(
        self,
        token: Token,
        names: dict[int, tuple[Span, list[Entry]]],
        day: date | None,
        discourse: Discourse,
        reading: Reading,
    ) -> list[Actor]:
        if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$"):
            found = discourse.pronoun(token)
            if found and token.dep_ == "nsubj":
                # "They concluded ... They called on Turkey": a pronoun subject carries its
                # referent on as the next sentence's most salient one.
                discourse.add(token, found)
            return found
        if token.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") and token.i not in names:
            return []
        if token.dep_ == "appos" and token.i > 0 and token.nbor(-1).text == "(" and token.head.i in reading.actors:
            return []  # "the Municipality Association (AKK)": the body's own abbreviation, not a namesake
        named = names.get(token.i)
        if named is not None:
            span, entries = named
            # Only the last token of a multi-word name heads it ("Kim Jong Un" -> "Un").
            if token.i != span.end - 1 and token.head.i in range(span.start, span.end):
                return []
            return self._named_phrase(token, span, entries, names, day, discourse, reading)
        return self._common_phrase(token, names, day, discourse, reading)

    def _named_phrase(self, token, span, entries, names, day, discourse, reading) -> list[Actor]:
        entry = _preferred(entries)
        if entry.kind == TOWN:
            # Gazetteer names are often surnames or words too ("Jackson said"): a place only where
            # the sentence uses one.
            if _is_town_mention(token):
                reading.places[token.i] = entry
                return []
            return self._common_phrase(token, names, day, discourse, reading)
        if _is_stance_prefixed(span):
            return []  # "pro-Israel position", "anti-Syria journalist": a stance, not the actor
        if entry.kind == CITY or (entry.kind == COUNTRY and _is_location(token)):
            reading.places[token.i] = entry
        if entry.kind == CITY:
            return []
        if entry.kind == CAPITAL and (_is_location(token) or self._names_a_place_of(token)):
            reading.places[token.i] = entry
            return []
        start = token.doc[span.start].idx
        ethnic = entry.kind == DEMONYM and _is_ethnic(token)
        if ethnic:
            # "ethnic Turks in Sweden", "ethnic Albanians near Macedonia's border": a people
            # living in another state is coded as that state's civilians, as CAMEO does.
            entry = self._host_state(token, entry, names)
        if entry.kind == DEMONYM and token.dep_ in ("amod", "compound") and token.head.pos_ in ("NOUN", "PROPN"):
            # A modifier: the noun it modifies carries the actor ("Russian troops").
            reading.modifiers[token.i] = [Actor(entry.code[:3], entry.name, start, span.end_char)]
            return []
        code = entry.code
        # A name's own last word is no sector: "Soviet Union" is a state, not a labour union.
        own_word = token.lemma_.lower() in self.dictionary.sector_nouns and len(span) > 1
        sector = None if own_word else self._sector_of(token, names)
        if ethnic and sector is None:
            sector = "CVL"
        if sector and len(code) == 3:
            code += sector
        actor = Actor(code, entry.name, start, span.end_char, via="name", person=entry.kind == PERSON)
        discourse.add(token, [actor], surname=span.text if entry.kind == PERSON else None)
        return [actor]

    def _common_phrase(self, token, names, day, discourse, reading) -> list[Actor]:
        lemma = token.lemma_.lower()
        if lemma in PACT_NOUNS:
            parties = self._pact_parties(token, names, reading)
            if parties:
                reading.pacts[token.i] = parties
                discourse.add_pact(parties)
            elif token.text[0].islower() and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
                last = discourse.last_pact()
                if last:
                    reading.pacts[token.i] = last
            return []
        if lemma in GROUP_NOUNS and _is_anaphoric_group(token):
            return discourse.group(token)
        # A word written in lower case is no name, whatever its tag ("pressured by congress").
        is_name = token.pos_ == "PROPN" and token.text[:1].isupper()
        if is_name:
            found = discourse.surname(token)
            if found:
                return found
            titled = self._titled_name(token, reading) or self._title_holder(token, day)
            if titled:
                # No surname for later sentences: the candidate filter could not see it.
                discourse.add(token, titled)
                return titled
            organisation = self._unknown_organisation(token, names, day, discourse, reading)
            if organisation:
                discourse.add(token, organisation)
                return organisation
        if token.pos_ not in ("NOUN", "PROPN"):
            return []  # "a national budget": an adjective names no actor
        if token.dep_ in ("compound", "amod") and f"{token.lemma_.lower()} {token.head.lemma_.lower()}" in self.dictionary.sector_nouns:
            return []  # "the national guard": a word of its head's sector phrase, no national
        sector = self._sector_of(token, names) or self._counterpart_sector(token, discourse)
        if sector is None:
            return discourse.definite(token) if token.pos_ == "NOUN" else []
        country = self._country_in_phrase(token, names, day, discourse)
        if country is None:
            found = discourse.definite(token)
            if found:
                return found
            # Titled individuals ("Senator Kennedy") and state organs are not guessed from the
            # state named before them, only from the whole sentence's (``_state_unstated``).
            if sector not in DOMESTIC_SECTORS or is_name:
                # Only a role the phrase's head names: "intelligence chips" are no spies, and
                # "President" in "President Dos Santos" waits with the name.
                if token.dep_ not in ("compound", "amod") and (is_name or token.lemma_.lower() in self.dictionary.sector_nouns):
                    reading.unstated[token.i] = sector
                return []
            # "The Mozambique government accepted demands from rebels": rebels, police, protesters
            # and parliaments named without a country belong to the state just named.
            # "US-backed rebels" are not the US's: the state named is their sponsor.
            nearby = None if _is_sponsored(token) else discourse.sentence_state(token)
            if nearby is None:
                if token.tag_ in ("NNS", "NNPS") or _is_person_noun(token):
                    reading.unplaced[token.i] = sector  # people, not an institution ("the hospital")
                return []
            country = Actor(nearby, None, token.idx, token.idx + len(token.text), via="sector")
        actors = []
        for each in [country, *self._coordinated_states(token, country, names)]:
            code = each.code if len(each.code) > 3 else each.code[:3] + sector
            start = token.idx if each.via == "sector" else min(each.start, token.idx)
            actors.append(Actor(code, each.name, start, token.idx + len(token.text), via=each.via, person=_is_person_noun(token)))
        discourse.add(token, actors)
        return actors

    def _unknown_organisation(self, token: Token, names, day, discourse: Discourse, reading: Reading) -> list[Actor]:
        """A capitalised name the dictionary does not know, coded by its last word ("the
        Association of African Lawyers" -> NGO) and the state it names, else placed by its clause."""
        sector = self.dictionary.name_heads.get(token.lower_)
        if sector is None or not token.text[:1].isupper() or token.i in names:
            return []
        named_words = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i and c.text[:1].isupper()]
        named_words += [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ in ("of", "for") for p in prep.children if p.text[:1].isupper()]
        if not named_words:
            return []  # "the Movement", "Front" opening a headline
        country = self._country_in_phrase(token, names, day, discourse, towns=False)
        start = token.left_edge.idx
        end = token.idx + len(token.text)
        if country is not None:
            return [Actor(country.code[:3] + sector, None, start, end, via="name")]
        if sector == "NGO":
            return [Actor("NGO", None, start, end, via="name")]
        # Not the state named before it: "Israel killed the leader of the Mujahideen Brigades".
        reading.unplaced[token.i] = sector
        return []

    def _counterpart_sector(self, token: Token, discourse: Discourse) -> str | None:
        """ "The Chinese president met his Russian counterpart": a counterpart holds the post of
        the one whose counterpart it is."""
        if token.lemma_.lower() != "counterpart":
            return None
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        found = discourse.pronoun(owner) if owner is not None and owner.tag_ == "PRP$" else []
        return found[0].sector if found else None

    def _names_a_place_of(self, token: Token) -> bool:
        """ "a Mogadishu car bombing", "the Paris Olympics": a capital modifying a thing says where it
        is (modifying a body, "Moscow officials", it says whose)."""
        head = token.head
        return token.dep_ == "compound" and head.pos_ == "NOUN" and self.dictionary.sector_of(head.lemma_) is None

    def _coordinated_states(self, token: Token, country: Actor, names) -> list[Actor]:
        """ "French and Egyptian warships": the states coordinated with the modifier that named one."""
        modifier = next((c for c in token.children if c.dep_ in ("amod", "compound") and c.idx == country.start), None)
        if modifier is None:
            return []
        found = []
        for other in (c for c in modifier.children if c.dep_ == "conj"):
            named = names.get(other.i)
            entry = _preferred(named[1]) if named else None
            if entry is not None and entry.kind in (COUNTRY, DEMONYM):
                found.append(Actor(entry.code[:3], entry.name, named[0].start_char, named[0].end_char))
        return found

    def _titled_name(self, token: Token, reading: Reading) -> list[Actor]:
        """An unknown name whose title has a country: "Serbian President Vojislav Kostunica" is
        the Serbian president (the title resolved first, as a phrase of its own)."""
        for title in token.children:
            if title.dep_ != "compound" or title.i > token.i or self.dictionary.sector_of(title.lemma_) is None:
                continue
            found = [a for a in reading.at(title) if a.via == "name" and a.sector]
            if found:
                end = token.idx + len(token.text)
                return [replace(a, end=end, person=True) for a in found]
        return []

    def _title_holder(self, token: Token, day: date | None) -> list[Actor]:
        """ "Prime Minister Sharif", "President Ruto": a surname after a title is whoever holds the
        title under that name on the article's date."""
        titles = sorted((t for c in token.children if c.dep_ == "compound" and c.i < token.i for t in c.subtree), key=lambda t: t.i)
        if not titles:
            return []
        role = " ".join(c.lower_ for c in titles)
        entry = self.dictionary.holder(token.text, role, day)
        if entry is None:
            return []
        start = token.doc[titles[0].i].idx
        return [Actor(entry.code, entry.name, start, token.idx + len(token.text), via="name", person=True)]

    def _sector_of(self, token: Token, names) -> str | None:
        nouns = self.dictionary.sector_nouns
        # The longest modified phrase first: "national security advisor", "security advisor".
        modifiers = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
        for k in range(len(modifiers), 0, -1):
            phrase = " ".join(c.lemma_.lower() for c in modifiers[-k:]) + f" {token.lemma_.lower()}"
            if phrase in nouns:
                return nouns[phrase]
        for child in modifiers:
            pair = f"{child.lemma_.lower()} {token.lemma_.lower()}"
            if pair in nouns:
                return nouns[pair]
        # "the US Secretary of State", "the Ministry of Foreign Affairs": a phrase with its "of".
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    words = [c.lemma_.lower() for c in pobj.children if c.dep_ in ("compound", "amod") and c.i < pobj.i]
                    phrase = f"{token.lemma_.lower()} of {' '.join([*words, pobj.lemma_.lower()])}"
                    if phrase in nouns:
                        return nouns[phrase]
        head_sector = nouns.get(token.lemma_.lower()) or nouns.get(token.lower_)
        for child in token.children:
            if child.dep_ not in ("compound", "amod") or child.i in names or child.lemma_.lower() not in nouns:
                continue
            # "police chief", "army base": a noun modifier makes the phrase part of that sector;
            # an adjective only refines a phrase that already names one ("military officials"),
            # so "national budget" is no actor.
            if child.pos_ in ("NOUN", "PROPN") or head_sector is not None:
                # "opposition leader Ali Baba": the modifier's own phrase names the sector.
                return self._sector_of(child, names) or nouns[child.lemma_.lower()]
        return head_sector

    def _country_in_phrase(self, token, names, day, discourse, towns: bool = True) -> Actor | None:
        """The state a sector noun belongs to: "Russian troops", "Seoul's leadership", "army of Mali"
        (without ``towns``, a gazetteer town does not count: "the Liberal Party" is no party of
        Liberal, Kansas)."""
        candidates = [c for c in token.children if c.dep_ in _MODIFIERS and c.i < token.i]
        if token.lemma_.lower() in _PARTNER_NOUNS:
            # "Iran's militia allies in Iraq": whose ally it is, not whose it is
            candidates = [c for c in candidates if c.dep_ != "poss"]
        # "the US State Department": a modifier of a modifier
        candidates += [g for c in candidates if c.dep_ == "compound" for g in c.children if g.dep_ in _MODIFIERS and g.i < c.i]
        # "the army of Mali", "rebels in the Ivory Coast", "dissidents from Myanmar"
        located = [pobj for prep in token.children if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "from") for pobj in prep.children if pobj.dep_ == "pobj"]
        # "refugees fleeing Syria", "refugees fleeing the civil war in Liberia", "a newspaper based
        # in Beirut": where they come from or are
        placing = [verb for verb in token.children if verb.dep_ == "acl" and verb.lemma_.lower() in _FLEEING | _BASED]
        located += [o for verb in placing if verb.lemma_.lower() in _FLEEING for o in verb.children if o.dep_ == "dobj"]
        located += [p for verb in placing for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("from", "in") for p in prep.children if p.dep_ == "pobj"]
        # ... one level further: "the mayor of the West Bank city of Nablus"
        located += [p for pobj in located for prep in pobj.children if prep.dep_ == "prep" and prep.lower_ in ("of", "in") for p in prep.children if p.dep_ == "pobj"]
        candidates += located
        for child in candidates:
            if child.tag_ == "PRP$":
                found = discourse.pronoun(child)
                if found:
                    return replace(found[0], via="own")  # "its embassy": the antecedent's own
                continue
            named = names.get(child.i)
            if named is None or _is_stance_prefixed(named[0]):
                continue  # "an anti-Iran newspaper" is no Iranian one
            span, entries = named
            entry = _preferred(entries)
            if entry.kind == DEMONYM and _is_ethnic(child):
                entry = self._host_state(child, entry, names)
            if entry.kind in (COUNTRY, DEMONYM, CAPITAL, SEAT, PERSON, ORGANISATION, CITY) or (towns and entry.kind == TOWN):
                code = entry.code if entry.kind in (SEAT, PERSON, ORGANISATION) else entry.code[:3]
                return Actor(code, entry.name, token.doc[span.start].idx, span.end_char)
        return None

    def _host_state(self, token: Token, people: Entry, names) -> Entry:
        """The other state named in the sentence, where an ethnic group lives; else the
        group's own state."""
        for other in token.sent:
            named = names.get(other.i)
            if named is None or other.i == token.i:
                continue
            entry = _preferred(named[1])
            if entry.kind in (COUNTRY, DEMONYM, CAPITAL, CITY, TOWN) and entry.code[:3] != people.code[:3]:
                return Entry(DEMONYM, entry.code[:3], entry.name)
        return people

    def _pact_parties(self, token, names, reading) -> list[str]:
        parties: list[str] = []
        for child in token.children:
            if child.dep_ in ("amod", "compound") and child.i in names:
                parties.append(_preferred(names[child.i][1]).code[:3])
            if child.dep_ == "prep" and child.lower_ in ("between", "with"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        for member in [pobj, *_conjuncts(pobj)]:
                            if member.i in names:
                                parties.append(_preferred(names[member.i][1]).code[:3])
        if token.dep_ == "dobj" and len(set(parties)) < 2:
            # "Russia and North Korea signed a pact": the signers are the parties.
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                for member in [subject, *_conjuncts(subject)]:
                    parties.extend(a.code[:3] for a in reading.at(member))
        return list(dict.fromkeys(parties)) if len(set(parties)) >= 2 else []


def _is_stance_prefixed(span: Span) -> bool:
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ in ("pro", "anti", "non")


def _conjuncts(token: Token) -> list[Token]:
    found = []
    for child in token.children:
        if child.dep_ == "conj":
            found.append(child)
            found.extend(_conjuncts(child))
    return found


def _preferred(entries: list[Entry]) -> Entry:
    """When a name has several meanings on a date, prefer the most specific kind."""
    order = {PERSON: 0, ORGANISATION: 1, SEAT: 2, COUNTRY: 3, CAPITAL: 4, DEMONYM: 5, CITY: 6, TOWN: 7}
    return min(entries, key=lambda e: order.get(e.kind, 9))


def _is_ethnic(token: Token) -> bool:
    """ "ethnic Turks", "ethnic Albanian guerrillas": a people, not a state's nationals."""
    words = [*token.children, *(token.head.children if token.dep_ in ("amod", "compound") else ())]
    return any(w.lower_ == "ethnic" for w in words)


def placing_preposition(token: Token, nouns: set[str]) -> Token | None:
    """The preposition whose object a name is, climbing over "of" after one of ``nouns``:
    "in Moscow" -> in, "in the east of the Gaza Strip" -> in."""
    if token.dep_ != "pobj":
        return None
    head = token.head
    if head.lower_ == "of" and head.head.lemma_.lower() in nouns and head.head.dep_ == "pobj":
        return head.head.head
    return head


def _is_location(token: Token) -> bool:
    """ "in Moscow", "to Vietnam", "in the east of the Gaza Strip" as a place, not as an acting
    government."""
    if token.dep_ in ("appos", "conj", "npadvmod") and token.head.pos_ == "PROPN" and token.head.i < token.i:
        # "in Bannu District, Khyber Pakhtunkhwa, Pakistan": the state that holds the place
        return _is_location(token.head)
    prep = placing_preposition(token, PART_NOUNS)
    return prep is not None and prep.lower_ in LOCATIVE_PREPS


def _is_town_mention(token: Token) -> bool:
    """ "in Samarra", "near the town of Samarra", "Samarra province", "Samarra, a town north of ..." """
    if token.pos_ != "PROPN":
        return False
    if _is_location(token) or token.head.lemma_.lower() in SETTLEMENT_NOUNS and token.dep_ in ("compound", "appos"):
        return True
    of = token.head
    return token.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in SETTLEMENT_NOUNS


def _is_anaphoric_group(token: Token) -> bool:
    """ "the two countries", "both nations", "either nation", "the two sides" - but not "the
    nations of Serbia and Kosovo", which names them."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return False
    return any(
        c.lower_ in ("two", "both", "either", "each", "three") or (c.lower_ == "the" and token.tag_ == "NNS")
        for c in token.children
    ) and token.tag_ in ("NNS", "NN")


def place_in(clause: Token, reading: Reading) -> Entry | None:
    """The first place named anywhere in a clause."""
    return next((reading.places[t.i] for t in clause.subtree if t.i in reading.places), None)


_PARTNER_NOUNS = {"ally", "partner", "proxy", "client", "surrogate", "protege", "counterpart"}
_SPONSORING = {"back", "sponsor", "support", "arm", "fund", "train", "finance", "equip"}


def _is_sponsored(token: Token) -> bool:
    """ "US-backed rebels", "Iranian-funded militias": a sponsor named as a modifier."""
    return any(c.dep_ == "amod" and c.lemma_.lower() in _SPONSORING and any(g.dep_ in ("npadvmod", "compound") for g in c.children) for c in token.children)


def _has_thing_subject(sent: Span, reading: Reading) -> bool:
    """Is the sentence's main subject one thing no actor stands for ("Typhoon Phanfone made
    landfall")?"""
    subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.tag_ in ("NN", "NNP") and not reading.at(subject)


def _is_attribution(token: Token, about: list[Token]) -> bool:
    """Who informs of what ``about`` does, not who acts: "according to Kenyan officials",
    "the minister banned the rally, Kenyan officials said" (not "Kenya announced the ban")."""
    verb = token.head
    if token.dep_ == "nsubj" and verb.lemma_.lower() in _INFORMING:
        reported = [c for c in verb.children if c.dep_ == "ccomp"]
        return bool(reported) and all(any(r.is_ancestor(t) for r in reported) for t in about)
    return any(a.lower_ == "according" for a in token.ancestors)


def _is_person_noun(token: Token) -> bool:
    """One person, not a body: "the ambassador", "journalist Jamal Khashoggi" (a title before a
    name) - "he", not "it"."""
    if token.dep_ == "compound" and token.head.pos_ == "PROPN":
        return True
    return token.lemma_.lower() in {
        "leader", "president", "minister", "premier", "chancellor", "king", "ambassador",
        "envoy", "spokesman", "spokeswoman", "spokesperson", "official", "diplomat", "general",
        "commander", "secretary", "prime minister", "journalist", "reporter", "correspondent",
        "activist", "dissident", "judge", "prosecutor", "lawyer", "senator", "lawmaker", "mayor",
        "governor", "candidate", "negotiator", "mediator",
    }
