"""From a parsed sentence to candidate events: trigger, pattern, source actors, target actors.

A trigger is a verb or an event noun in the pattern book. Its source is the grammatical agent
(subject; "by" phrase of a passive; possessor or demonym of a nominal event; the subject of a
light verb: "issued a warning"), inherited through control when the clause has none ("refrained
from furnishing", "summoned the ambassador to protest"). Its target is found in the slots the
pattern lists. Coordinated actors give one candidate per actor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import permutations

from spacy.tokens import Span, Token

from realpolitik.actors.dictionary import UNKNOWN_STATE
from realpolitik.actors.names import SETTLEMENT_NOUNS
from realpolitik.actors.resolve import PACT_NOUNS, PART_NOUNS, Actor, Reading, place_in
from realpolitik.events.ontology import quad_class
from realpolitik.events.patterns import DEFAULT_TARGETS, EventPattern, PatternBook, Phrase
from realpolitik.nlp.candidates import inflections
from realpolitik.nlp.syntax import claimed_by, is_infinitive, stray_conjunct_governor

_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
# Relations through which an embedded clause without its own subject takes one from above.
_CONTROLLED = {"xcomp", "advcl", "pcomp", "conj", "acl", "ccomp", "relcl"}
_RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
_LOCATIVE = {"in", "at", "near", "across", "inside", "outside", "throughout", "around", "within", "along"}
# Where an act done to a place names it: "in Gaza", "laid siege to Mariupol", "fired on Kharkiv".
_PLACE_PREPS = _LOCATIVE | {"into", "to", "on", "at", "against"}
# Prepositions of a clause's circumstance: "captured the town after days of fighting".
_CIRCUMSTANCE = {"after", "during", "following", "amid", "amidst", "in", "despite"}
# Lines between states: "troops on alert along the border with Pakistan" face Pakistan.
_BORDER_NOUNS = {"border", "frontier", "boundary"}
# Prepositions whose object may be what a verb does: "provided them with arms", "agreed on a truce".
_THEME_PREPS = ("with", "for", "on")
# Prepositions by which an object noun names who it concerns ("an offer from X", "action against X").
_OBJECT_COMPLEMENTS = ("from", "by", "against", "on", "over", "toward", "towards")


@dataclass(frozen=True)
class Candidate:
    trigger: Token
    clause: Token  # the verb whose context decides modality (the light verb for nominal events)
    pattern: EventPattern
    code: str
    source: Actor
    target: Actor | None
    inherited: bool  # the source came through control or a light verb, not a direct subject
    theme: Token | None = None
    # Roles of no named state in the target slots: the target of last resort, when neither the
    # clause nor a parallel one names another (``_inherit_parallel_targets``).
    roles: tuple[Actor, ...] = ()


def conjuncts(token: Token) -> list[Token]:
    """The token and everything coordinated with it ("the United States and Japan")."""
    found = [token]
    for child in token.children:
        if child.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ", "NUM"):
            continue
        # "The US, Russia, and Switzerland": the parser often hangs a list on an apposition.
        listed = child.dep_ == "appos" and any(g.dep_ in ("conj", "cc") for g in child.children)
        if child.dep_ == "conj" or listed:
            found.extend(conjuncts(child))
    return found


class Extractor:
    def __init__(self, book: PatternBook) -> None:
        self.book = book
        self.object_control = book.cue("object_control")
        self.stative = book.cue("stative_participles")
        self.light_verbs = book.cue("light_verbs")
        self.receiving = book.cue("receiving_verbs")
        # Nouns whose author follows "from": "a demand from the US", "pressure from Congress".
        self.authored_nouns = book.cue("message_nouns") | book.cue("pressure_nouns")
        # Nouns that act for the body named before them: the group itself, or its agents.
        self.acting_for_name = book.cue("collective_nouns") | book.cue("agent_nouns")
        # A verb the tagger mistook keeps the lemma of another word class: read the surface form too.
        self.verb_forms = {form: lemma for lemma in book.by_verb for form in inflections(lemma)}
        self.light_forms = {form for lemma in self.light_verbs for form in inflections(lemma)}

    # -- actors of a phrase ----------------------------------------------------------------

    def actors(self, token: Token | None, reading: Reading) -> list[Actor]:
        if token is None:
            return []
        members = conjuncts(token)
        # A name the parser split ("Barack" heading "Obama"): the conjuncts hang on either part.
        for part in token.children:
            if part.dep_ != "conj" and _same_name(part, token, reading):
                members += conjuncts(part)[1:]
        # The subject of an infinitive is its governor's object ("allowed UN planes to land").
        acting = token.dep_ == "nsubj" and not is_infinitive(token.head)
        found: list[Actor] = []
        for member in members:
            found.extend(self._phrase_actors(member, reading, by_modifier=not acting))
        unique: dict[str, Actor] = {}
        for actor in found:
            unique.setdefault(actor.code, actor)
        return list(unique.values())

    def _phrase_actors(self, token: Token, reading: Reading, by_modifier: bool = True) -> list[Actor]:
        direct = reading.at(token)
        if direct:
            return direct
        if token.i in reading.pacts:
            # "protested the pact", "concerns over the pact": the pact's parties.
            end = token.idx + len(token.text)
            return [Actor(code, None, token.idx, end, via="pact") for code in reading.pacts[token.i]]
        # "the Saudi-led coalition", "the US-led coalition": what a state leads stands for it ("US-backed
        # rebels" are the rebels).
        for child in token.children:
            if child.dep_ == "amod" and child.lemma_.lower() == "lead" and child.i < token.i:
                leaders = [a for c in child.children if c.dep_ in ("npadvmod", "compound", "nmod") for a in reading.at(c) or reading.modifiers.get(c.i, [])]
                if leaders:
                    return leaders
        # "a spokesman for the Kenyan government": who speaks for a body is it.
        if token.lemma_.lower() in self.book.cue("speaking_for_nouns"):
            found = [a for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "for" for p in prep.children if p.dep_ == "pobj" for a in self.actors(p, reading)]
            if found:
                return found
        # "the government of Mali", "leaders of Russia and China": the "of" object names them;
        # "with the exception of Cyprus" leaves it out.
        if token.pos_ == "NOUN" and token.lemma_.lower() not in self.book.cue("exclusion_nouns"):
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            return self.actors(pobj, reading)
        # An unknown name with an appositive role: "Salaheddine Sidhoum, Algeria's leading human
        # rights activist, staged ..." is the activist; "Jan Egeland, the United Nations relief
        # coordinator" works for the UN.
        for child in token.children:
            if child.dep_ == "appos":
                found = self._phrase_actors(child, reading)
                if found:
                    return found
        # A relative pronoun stands for the noun it modifies.
        if token.lower_ in _RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            return self.actors(token.head.head, reading)
        # A noun that names no actor but is modified by one stands for it: "a U.S. request",
        # "Palestinian detainees", "the Taliban religious faction", "Assad Tuesday" (misparsed).
        # As an acting subject only a demonym carries over ("Israeli warplanes struck"): "NATO
        # guidelines call for 2 %" is no act of NATO.
        # A collective noun is the named group itself ("al-Qaeda's terror network threatened"), and
        # its agents act for it ("UN inspectors examined").
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() not in self.book.cue("thing_nouns"):
            named = by_modifier or token.lemma_.lower() in self.acting_for_name
            for child in token.children:
                if child.dep_ in ("compound", "amod", "nmod") and child.i < token.i:
                    found = (reading.at(child) if named else []) or reading.modifiers.get(child.i, [])
                    if found:
                        return found
        return []

    # -- triggers --------------------------------------------------------------------------

    def candidates(self, sent: Span, reading: Reading) -> list[Candidate]:
        found: list[Candidate] = []
        themes_used: set[int] = set()
        for token in sent:
            if (_is_verbal(token) or self._is_stative(token)) and self._verb_lemma(token) is not None:
                verbal = self._verbal(token, reading)
                found.extend(verbal)
                themes_used.update(c.theme.i for c in verbal if c.theme is not None)
        received = self._received(sent, reading)
        found.extend(received)
        themes_used.update(c.theme.i for c in received if c.theme is not None)
        for token in sent:
            if token.i in themes_used:
                continue  # "provide military assistance": one event, not a second nominal one
            if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in self.book.by_noun and not _in_proper_name(token):
                found.extend(self._nominal(token, reading))
        found.extend(self._reported_obligations(sent, reading, found))
        found.extend(self._allegations(sent, reading, found))
        found = [self._coded_by_doers(_claim_target(c, found)) for c in found]
        found = [self._verbal_attack(c) for c in _inherit_parallel_targets(found)]
        return [c for c in found + self._grounds(found) if _has_known_party(c)]

    # Violence named by who does it: (doer words, codes it recodes, the code it becomes).
    _DOER_CODES = (
        ("protester_nouns", "violent_protest_codes", "145"),
        ("suicide_bomber_nouns", "suicide_bombing_codes", "1831"),
        ("melee_weapons", "melee_codes", "180"),
    )

    def _coded_by_doers(self, cand: Candidate) -> Candidate:
        """ "Rioters torched police stations": violence by protesters is a violent protest (145);
        "two suicide bombers killed 23 people": by suicide bombers, a suicide bombing (1831);
        "militiamen armed with machetes attacked the camp": unconventional violence (180)."""
        rules = [(nouns, code) for nouns, codes, code in self._DOER_CODES if self.book.code_listed(codes, cand.code)]
        if not rules:
            return cand  # most events: no need to read the doers' phrase
        phrase = _phrase_tokens(cand.trigger.doc, cand.source)
        # "militiamen armed with machetes": how the doers are armed
        phrase += [t for c in phrase[-1:] for a in c.children if a.dep_ == "acl" and a.lemma_.lower() == "arm" for t in a.subtree]
        lemmas = f" {' '.join(t.lemma_.lower() for t in phrase)} "
        for nouns, code in rules:
            if any(f" {noun} " in lemmas for noun in self.book.cue(nouns)):
                return replace(cand, code=code)
        return cand

    def _verbal_attack(self, cand: Candidate) -> Candidate:
        """ "Biden attacked Trump for the deaths": between two people, attack is criticism."""
        if (
            cand.code[:2] in ("18", "19", "20")
            and cand.target is not None
            and cand.source.person
            and cand.target.person
            and cand.trigger.lemma_.lower() in self.book.cue("verbal_attack_verbs")
        ):
            return replace(cand, code="111")
        return cand

    def _received(self, sent: Span, reading: Reading) -> list[Candidate]:
        """ "The rebels received weapons from the government": the giver's event, seen from the
        receiver - coded as the giving verbs code that object, with the giver as source."""
        givers = [opt for verb in sorted(self.book.cue("giving_verbs")) for opt in self.book.by_verb.get(verb, [])]
        out: list[Candidate] = []
        for verb in sent:
            if not _is_verbal(verb) or verb.lemma_.lower() not in self.receiving:
                continue
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            if not objects:
                continue
            chosen = [(p, t) for p, t in self._choose(givers, lambda phrase: not phrase.extra, conjuncts(objects[0])) if p.theme]
            hosts = [verb, *objects]
            sources = self._givers(hosts, reading)
            receivers, inherited = self.sources_of(verb, reading)
            for pattern, theme in chosen:
                out.extend(self._combine(verb, verb, pattern, sources, receivers, inherited, theme))
        return [c for c in out if c.target is not None]

    def _reported_obligations(self, sent: Span, reading: Reading, found: list[Candidate]) -> list[Candidate]:
        """ "The Bush administration declared that China must drop barriers": a DEMAND by the
        speaker of the one who must act, coded by what must be done."""
        reporting = self.book.cue("reporting_verbs")
        modals = self.book.cue("obligation_modals")
        by_trigger = {c.trigger.i: c for c in found}
        out: list[Candidate] = []
        for verb in sent:
            if verb.lemma_.lower() not in reporting:
                continue
            for clause in verb.children:
                subject = _subject(clause)
                # "must" after its subject; before it ("should the US persist") it is a condition.
                if clause.dep_ != "ccomp" or subject is None or not any(
                    c.dep_ == "aux" and c.lower_ in modals and c.i > subject.i for c in clause.children
                ):
                    continue
                targets = self.actors(subject, reading)
                sources, inherited = self.sources_of(verb, reading)
                embedded = by_trigger.get(clause.i)
                code = self.book.mapped_code("obligation_codes", embedded.code if embedded else "") or "100"
                pattern = EventPattern(code=code, line=0)
                out.extend(self._combine(verb, verb, pattern, sources, targets, inherited))
        # "Johnson stated that Britain must leave": a policy statement, not a demand on oneself.
        return [c for c in out if c.target is not None and not _same_side(c.source, c.target)]

    def _allegations(self, sent: Span, reading: Reading, found: list[Candidate]) -> list[Candidate]:
        """ "The army claimed that the rebels had shelled Homs": alleging a hostile act of another is
        accusing them (112); claiming one's own is claiming responsibility (015). A victim that
        reports an attack on itself accuses the attacker too: "Israel said a mortar was fired at it
        from Gaza"."""
        alleging = self.book.cue("alleging_verbs")
        speaking = alleging | self.book.cue("reporting_verbs")
        hostile = self.book.cue("hostile_roots")
        out: list[Candidate] = []
        for cand in found:
            clause = cand.clause
            verb = clause.head
            lemma = verb.lemma_.lower()
            if clause.dep_ != "ccomp" or lemma not in speaking or cand.code[:2] not in hostile:
                continue
            speakers, inherited = self.sources_of(verb, reading)
            if lemma not in alleging:
                # Only an accusation of another side (unidentified attackers count by their place: "fired
                # at it from Gaza"): reporting one's own act claims nothing.
                victim = cand.target
                speakers = [
                    s for s in speakers
                    if victim is not None and self._side(s) == self._side(victim) != self._side(cand.source)
                    and not (cand.source.sector == "UAF" and cand.source.country == s.country)
                ]  # fmt: skip
            for speaker in speakers:
                own = self._side(speaker) == self._side(cand.source)
                target = cand.target if own else cand.source
                code = "015" if own else "112"
                out.extend(self._combine(verb, verb, EventPattern(code=code, line=0), [speaker], [target] if target else [], inherited))
        return [c for c in out if c.target is not None and c.source.code != c.target.code]

    def _choose(
        self,
        options: list[tuple[Phrase, EventPattern]],
        fits_phrase,
        themes: list[Token],
        has_object: bool = False,
        via_prep: dict[int, str] | None = None,
        subject_themes: frozenset[int] = frozenset(),
    ) -> list[tuple[EventPattern, Token | None]]:
        """Pick a pattern per theme ("provided humanitarian aid and military equipment" gives two).
        A theme found after a phrase's preposition (``via_prep``) counts for that phrase only; a
        theme found in the subject (``subject_themes``) only for patterns themed by their subject."""
        chosen: list[tuple[EventPattern, Token | None]] = []
        fitting = [(phrase, pattern) for phrase, pattern in options if fits_phrase(phrase) and not (pattern.intransitive and has_object)]
        via_prep = via_prep or {}
        themed_done = False
        for theme in themes:
            best: tuple[int, EventPattern] | None = None
            for phrase, pattern in fitting:
                if theme.i in via_prep and via_prep[theme.i] not in phrase.extra:
                    continue
                if (theme.i in subject_themes) != pattern.theme_is_subject:
                    continue
                fits = [p.specificity for p in pattern.theme if _phrase_fits(p, theme)]
                if fits and (best is None or max(fits) > best[0]):
                    best = (max(fits), pattern)
            if best is not None:
                chosen.append((best[1], theme))
                themed_done = True
        if themed_done:
            return chosen
        for _, pattern in fitting:
            if pattern.theme:
                continue
            if any(_phrase_fits(p, t) for p in pattern.not_theme for t in themes):
                continue
            return [(pattern, None)]
        return []

    def is_trigger_verb(self, token: Token, candidates: list[Candidate]) -> bool:
        """Does this verb make an event: one was found on it, or the book codes the verb without
        a theme ("to fight" even with no one named)? "opening up the economy" does not: "open"
        only codes what is opened to whom ("opened the border crossing")."""
        if any(c.trigger.i == token.i for c in candidates):
            return True
        lemma = self._verb_lemma(token)
        return lemma is not None and any(not pattern.theme for _, pattern in self.book.by_verb[lemma])

    def _verb_lemma(self, token: Token) -> str | None:
        lemma = token.lemma_.lower()
        if lemma in self.book.by_verb:
            return lemma
        return self.verb_forms.get(token.lower_)

    def _verbal(self, verb: Token, reading: Reading) -> list[Candidate]:
        options = self.book.by_verb[self._verb_lemma(verb)]
        themes = self._verb_themes(verb)
        # "engaged the rebels in a firefight": the object of a themed phrase's own preposition is
        # what is done - for that phrase only.
        theme_preps = {w for phrase, pattern in options if pattern.theme for w in phrase.extra}
        particles = _with_particle_children(verb)
        prep_objects = [p for c in particles if c.dep_ == "prep" and c.lower_ in theme_preps for p in c.children if p.dep_ == "pobj"]
        via_prep = {p.i: p.head.lower_ for p in prep_objects}
        themes += prep_objects
        # "peacekeepers arrived in Bosnia": what moves is the subject.
        subject = _subject(verb)
        movers: list[Token] = []
        if subject is not None and any(p.theme_is_subject for _, p in options):
            # "a first batch of Nepali peacekeepers arrived": what the subject counts.
            movers = conjuncts(subject) + [p for prep in subject.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"]
        themes += movers

        def fits(phrase: Phrase) -> bool:
            return all(any(_is_particle(c, word, verb) for c in particles) for word in phrase.extra)

        out: list[Candidate] = []
        has_object = any(c.dep_ == "dobj" for c in verb.children)
        subjects, controlled = self.sources_of(verb, reading)
        # A pattern none of the subjects can perform gives way to one they can: protesters who
        # "protest against the decision" demonstrate, a government that does complains.
        options = [(ph, p) for ph, p in options if not (subjects and all(s.sector in p.not_source for s in subjects))]
        if verb.lemma_.lower() in self.book.cue("naming_verbs") and any(c.dep_ == "oprd" for c in verb.children):
            # "Biden called Trump a national embarrassment": naming someone is no phone call.
            options = [(ph, p) for ph, p in options if p.theme]
        # Someone told what to do: "ordered the minister to resign", "allowed the inspectors
        # access", "wants Putin to attack" (not "wants to cancel"); a state let be is a standing
        # arrangement, no act ("has allowed Hong Kong to have its own legislature").
        states = self.book.cue("stative_verbs")
        has_complement = any(
            c.dep_ == "dative"
            or (c.dep_ in ("xcomp", "ccomp") and c.i > verb.i and c.lemma_.lower() not in states and (has_object or _subject(c) is not None))
            for c in verb.children
        )
        options = [(ph, p) for ph, p in options if has_complement or not p.needs_complement]
        if any(p.transitive for _, p in options) and not any(self.actors(c, reading) for c in verb.children if c.dep_ == "dobj"):
            options = [(ph, p) for ph, p in options if not p.transitive]  # "helped negotiate the deal"
        if subject is not None and subject.lower_ == "it":
            options = [(ph, p) for ph, p in options if p.code[:2] not in self.book.cue("people_only_roots")]
        chosen = self._choose(options, fits, themes, has_object, via_prep, frozenset(t.i for t in movers))
        # "opened fire on a convoy": once the object names what is done, a phrase after it says to
        # whom ("provided Ukraine with weapons" still takes its theme from "with", and "called for
        # peace" from the verb's own particle).
        adjuncts = {
            t.i for c in verb.children if c.dep_ == "prep" and c.lower_ in _THEME_PREPS and c.lower_ not in theme_preps
            for p in c.children if p.dep_ == "pobj" for t in conjuncts(p)
        }  # fmt: skip
        if any(theme is not None and theme.i not in adjuncts for _, theme in chosen):
            chosen = [(pattern, theme) for pattern, theme in chosen if theme is None or theme.i not in adjuncts]
        for pattern, theme in chosen:
            phrase_preps = [w for ph, p in options if p is pattern and fits(ph) for w in ph.extra]
            sources, inherited = subjects, controlled
            targets = self._targets(pattern, verb, theme, reading, extra_preps=phrase_preps, hosts=[verb], sources=subjects)
            if pattern.theme_is_subject:
                # What moves acts, even when moved ("Dutch peacekeepers were pulled out of the enclave").
                sources, inherited = self.actors(theme, reading) or subjects, False
            elif self._is_passive(verb):
                passive_targets = self._named_in(subject, reading) if subject is not None else []
                sources = self._agents(verb, reading)
                targets = passive_targets or targets
                inherited = False
                pattern = self._fired_means(verb, pattern)
            if not sources:
                sources = self._crowd_sources(verb, pattern, reading)
            if not sources and pattern.code[:2] in self.book.cue("unattributed_roots"):
                sources = self._custodians(verb, reading)
                if not sources:
                    sources, means = self._attackers_by_means(verb, reading)
                    # "a roadside bombing killed two soldiers": the means says what kind of attack.
                    unattributed = any(s.via == "unattributed" for s in sources)
                    pattern = self._means_pattern(means, pattern, unattributed) if means is not None else pattern
            if not sources:
                doers = self._agent_phrases(verb) if self._is_passive(verb) else [subject] if subject is not None else []
                sources = self._roles(doers, reading)
            # "killed 23 people as well as themselves": the doers themselves name no one else.
            targets = [t for t in _not_own(targets, sources) if t.code not in {s.code for s in sources}]
            if not targets:
                targets = (
                    self._controller_object(verb, reading)
                    or self._complement_targets(verb, reading)
                    or self._adjunct_targets(verb, pattern, reading)
                    or (self._condition_subject(verb, reading) if pattern.code.startswith("13") else [])
                    or self._victim_targets(verb, pattern, reading)
                    or ([a for v in _patients(verb) for a in self.actors(v, reading)] if verb.dep_ == "acl" else [])
                    or (self._protest_demands(verb, reading) if pattern.code.startswith("14") else [])
                    or self._place_targets(verb, pattern, reading)
                    # other hostile acts on a condition, after the place they are done to
                    or (self._condition_subject(verb, reading) if quad_class(pattern.code) >= 3 else [])
                )
            roles = [] if targets else self._roles([subject] if subject is not None and self._is_passive(verb) else [], reading) or self._role_targets(pattern, [verb], theme, reading, phrase_preps)
            pattern = self._unnamed_counterpart(pattern, targets, [verb], theme)
            pattern = self._warning_about(verb, pattern, targets, reading)
            out.extend(self._combine(verb, verb, pattern, sources, targets, inherited, theme, roles))
        return out

    def _grounds(self, found: list[Candidate]) -> list[Candidate]:
        """ "jailed 52 activists on charges of treason", "detained the journalist over allegations of
        spying": who is punished on charges is accused of them as well (112)."""
        nouns = self.book.cue("charge_nouns")
        accusation = next((p for _, p in self.book.by_noun.get("accusation", []) if p.code == "112"), None)
        out: list[Candidate] = []
        for cand in found:
            if accusation is None or cand.target is None or not self.book.code_listed("charged_codes", cand.code):
                continue
            verb = cand.trigger
            grounds = [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("on", "over", "for")
                       for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in nouns]  # fmt: skip
            out += [replace(cand, trigger=g, pattern=accusation, code=accusation.code, theme=None) for g in grounds[:1]]
        return out

    def _warning_about(self, verb: Token, pattern: EventPattern, targets: list[Actor], reading: Reading) -> EventPattern:
        """ "warned that Biden could destroy the growth": a warning about what another will do is
        a pessimistic comment on them (012), not a threat; "warned that the US would pay a price"
        (what will befall them) stays one."""
        if not pattern.code.startswith("13") or verb.lemma_.lower() not in self.book.cue("warning_verbs"):
            return pattern
        for clause in verb.children:
            subject = _subject(clause)
            if clause.dep_ != "ccomp" or subject is None or not targets:
                continue
            named = {a.code for a in self.actors(subject, reading)}
            if named & {t.code for t in targets} and clause.lemma_.lower() not in self.book.cue("warning_consequences"):
                return replace(pattern, code="012")
        return pattern

    def _nominal(self, noun: Token, reading: Reading) -> list[Candidate]:
        options = self.book.by_noun[noun.lemma_.lower()]
        themes = [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in ("of", "for") for p in prep.children if p.dep_ == "pobj"]

        def fits(phrase: Phrase) -> bool:
            return all(any(c.lemma_.lower() == w or c.lower_ == w for c in noun.children if c.i < noun.i) for w in phrase.extra)

        # "launched ten days of war games", "held two rounds of talks": the measure carries it.
        carrier = noun
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun in self._measured(noun.head.head):
            carrier = noun.head.head
        head = carrier.head
        is_light = head.lemma_.lower() in self.light_verbs or head.lower_ in self.light_forms
        light = head if carrier.dep_ in ("dobj", "nsubjpass", "attr") and is_light else None
        if light is None and carrier.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in self.book.cue("gathering_verbs"):
            light = head.head  # "thousands gathered for a rally": who gathers rallies
        receiving = noun.head if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.receiving else None
        if self._is_characterisation(noun, reading):
            return []
        own_sources, own_inherited = self._noun_sources(noun, reading)
        light_sources: list[Actor] = []
        if not own_sources and light is not None:
            # "arrests were made in Australia": a passive light verb's doer is its agent only,
            # not whoever reports it.
            light_sources = self._agents(light, reading) if self._is_passive(light) else self.sources_of(light, reading)[0]
        # "a teachers' strike" is no military strike: a pattern its doers cannot do gives way.
        doers = own_sources or light_sources
        options = [(ph, p) for ph, p in options if not (doers and all(s.sector in p.not_source for s in doers))]
        out: list[Candidate] = []
        for pattern, theme in self._choose(options, fits, themes or [noun]):
            if pattern.needs_verb and light is None and receiving is None:
                continue
            hosts = [noun] + ([light] if light is not None else []) + ([receiving] if receiving is not None else [])
            sources, inherited = own_sources, own_inherited
            if pattern.code[:2] in self.book.cue("people_only_roots") and sources and all(a.person and a.sector != "OPP" for a in sources):
                # "a Biden rally": a politician's campaign event, no protest ("Navalny's rally",
                # an opposition leader's, is one).
                continue
            clause = noun
            if not sources and light is not None:
                sources, inherited, clause = light_sources, True, light
            governor = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
            violent = pattern.code[:2] in self.book.cue("unattributed_roots")
            if not sources and violent and governor is not None:
                sources, inherited = self._custodians(governor, reading), True
            if not sources:
                possessors = [c for c in noun.children if c.dep_ == "poss"]
                sources = self._roles(possessors or ([_subject(light)] if light is not None and not self._is_passive(light) else []), reading)
            targets = self._targets(pattern, noun, theme, reading, extra_preps=[], hosts=hosts, sources=sources)
            if not targets and pattern.code.startswith("14"):
                targets = self._demanded_of(noun, reading)
            if not targets and light is not None:
                targets = self._adjunct_targets(light, pattern, reading) or self._place_targets(light, pattern, reading)
            if not targets and violent and governor is not None and governor.lemma_.lower() in self.book.cue("dying_verbs"):
                # "a Palestinian prisoner died as a result of torture": who died suffered it.
                targets = self.actors(_subject(governor), reading)
            if not targets and not self._is_means_of_an_act(noun):
                # "claimed the suicide bombing in Kabul" (but "killed by an airstrike in Iraq" hit
                # whom the killing names)
                targets = self._place_targets(noun, pattern, reading)
            if receiving is not None:
                # "Ukraine received military aid from the US": the giver is the source.
                givers = self._givers([noun, receiving], reading)
                receivers, _ = self.sources_of(receiving, reading)
                sources, targets, clause, inherited = givers, receivers, receiving, False
            parties = [a for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "between" for p in prep.children if p.dep_ == "pobj" for a in self.actors(p, reading)]
            if pattern.reciprocal and len(parties) >= 2:
                # "announced deals between Israel and Bahrain": the parties deal with each other;
                # the announcer is no party.
                sources, targets, inherited = parties, [], False
            elif pattern.reciprocal and not sources and not targets:
                sources, targets = self._adjunct_parties(carrier, pattern, reading)
                inherited = True
            roles = [] if targets else self._role_targets(pattern, hosts, theme, reading, [])
            pattern = self._unnamed_counterpart(pattern, targets, hosts, theme)
            out.extend(self._combine(noun, clause, pattern, sources, targets, inherited, theme if theme != noun else None, roles))
        return out

    def _adjunct_parties(self, carrier: Token, pattern: EventPattern, reading: Reading) -> tuple[list[Actor], list[Actor]]:
        """ "Sudanese troops captured the RSF base after three days of fighting", "signed the deal
        after years of negotiations": a mutual act named only as the circumstance of a clause of the
        same kind (quad class) is between that clause's doer and its object ("criticized Israel
        during a summit" is no summit with Israel)."""
        if carrier.dep_ != "pobj" or carrier.head.lower_ not in _CIRCUMSTANCE or carrier.head.head.pos_ not in ("VERB", "AUX"):
            return [], []  # "met for talks", "a proposal regarding talks": not yet held
        verb = carrier.head.head
        lemma = self._verb_lemma(verb)
        kinds = {quad_class(p.code) for _, p in self.book.by_verb.get(lemma, [])} if lemma else set()
        if self._is_passive(verb) or quad_class(pattern.code) not in kinds:
            return [], []
        objects = [o for c in verb.children if c.dep_ == "dobj" for o in [c, *self._measured(c)]]
        others = [a for o in objects for a in self._named_in(o, reading) if a.via != "coref"]
        return (self.sources_of(verb, reading)[0], others) if others else ([], [])

    def _is_characterisation(self, noun: Token, reading: Reading) -> bool:
        """ "The tariff is a direct attack on his country": an event noun predicated of a thing
        names what the thing is taken for, not an act (of an actor, "Russia is an aggressor
        against Ukraine", it is)."""
        if noun.dep_ != "attr" or noun.head.lemma_.lower() != "be":
            return False
        subject = _subject(noun.head)
        return subject is None or not self.actors(subject, reading)

    def _is_means_of_an_act(self, noun: Token) -> bool:
        """ "killed by a US airstrike", "died in the shelling", "airstrikes killed": the noun is how
        a coded verb's act was done."""
        governor = noun.head.head if noun.dep_ == "pobj" else noun.head
        return governor.pos_ in ("VERB", "AUX") and self._verb_lemma(governor) is not None

    # -- arguments -------------------------------------------------------------------------

    def _verb_themes(self, verb: Token) -> list[Token]:
        themes: list[Token] = []
        for child in verb.children:
            if child.dep_ in ("dobj", "attr", "oprd"):
                themes.extend(conjuncts(child))
                themes.extend(self._measured(child))
            elif child.dep_ == "prep" and child.lower_ in _THEME_PREPS:
                themes.extend(t for p in child.children if p.dep_ == "pobj" for t in conjuncts(p))
            elif child.dep_ == "nsubjpass":
                themes.extend(conjuncts(child))
            if child.dep_ == "prep":
                # "hand over to France three of the suspects": a heavy object after a phrase,
                # parsed as a number following that phrase's noun.
                themes.extend(m for p in child.children if p.dep_ == "pobj" for n in p.children if n.dep_ == "nummod" and n.i > p.i for m in self._measured(n))
        return themes

    def _is_stative(self, verb: Token) -> bool:
        """ "is opposed to", "was committed to": a stance of the subject, not a passive act."""
        return verb.lemma_.lower() in self.stative and not any(c.dep_ == "agent" for c in verb.children)

    def _is_passive(self, verb: Token) -> bool:
        return _is_passive(verb) and not self._is_stative(verb)

    def _roles(self, phrases: Iterable[Token | None], reading: Reading) -> list[Actor]:
        """Roles of no named state (``---GOV``) that phrases name, for a side of an event nothing
        else fills: "The government praised Japan", "police arrested dozens of Russian tourists",
        "rebels attacked a French convoy"."""
        found = [
            a for phrase in phrases if phrase is not None for member in conjuncts(phrase)
            for head in [member, *(p for prep in member.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj")]
            for a in reading.stateless.get(head.i, [])
        ]  # fmt: skip
        return list({a.code: a for a in found}.values())

    def _role_targets(self, pattern: EventPattern, hosts: list[Token], theme: Token | None, reading: Reading, extra_preps: list[str]) -> list[Actor]:
        """The first role of no named state in the pattern's target slots."""
        carriers = [*hosts, *([theme] if theme is not None and theme not in hosts else [])]
        for slot in [*extra_preps, *pattern.target]:
            for carrier in carriers:
                found = self._roles(self._slot(carrier, slot, theme), reading)
                if found:
                    return found
        return []

    def _agent_phrases(self, verb: Token) -> list[Token]:
        return [p for prep in verb.children if prep.dep_ == "agent" for p in prep.children if p.dep_ == "pobj"]

    def _agents(self, verb: Token, reading: Reading) -> list[Actor]:
        """The "by" agent of a passive verb, or whoever wielded it: "hit by a missile fired by the
        rebels", "killed by a bomb believed to have been planted by militants"."""
        return [a for p in self._agent_phrases(verb) for a in self.actors(p, reading) or self._wielders(p, reading)]

    def _fired_means(self, verb: Token, pattern: EventPattern) -> EventPattern:
        """ "the airliner was blown up by a missile": violence done by a fired weapon is the firing
        of it (195 for missiles, 194 for shells), not a bombing; "killed by a roadside bomb" is one."""
        if pattern.code[:2] not in self.book.cue("unattributed_roots"):
            return pattern
        means = [p for agent in verb.children if agent.dep_ == "agent" for p in agent.children if p.dep_ == "pobj"]
        firing = [p for _, p in self.book.by_verb.get("fire", []) if p.theme]
        for weapon in means:
            bombing = self._means_pattern(weapon, pattern, unattributed=False)
            if bombing.code != pattern.code:
                return bombing  # "killed by a roadside bomb": a bombing after all
            fits = [(max(ph.specificity for ph in p.theme if _phrase_fits(ph, weapon)), p) for p in firing if any(_phrase_fits(ph, weapon) for ph in p.theme)]
            if fits:
                return replace(pattern, code=max(fits, key=lambda f: f[0])[1].code)
        return pattern

    def _wielders(self, means: Token, reading: Reading) -> list[Actor]:
        """The agent of a participle on a means ("a missile fired by X"), through a verb of belief
        ("believed to be fired by X")."""
        return [a for v in self._authoring_participles(means, through_belief=True) for a in self._agents(v, reading)]

    def _authoring_participles(self, noun: Token, through_belief: bool = False) -> list[Token]:
        """Past participles on a noun whose agent made it ("the plan proposed by Russia"), with
        ``through_belief`` also under a verb of belief ("a missile believed to be fired by ...");
        not a go-between's ("a deal brokered by Qatar") nor an event's ("affected by the war")."""
        done = [v for v in noun.children if v.dep_ == "acl" and v.tag_ == "VBN"]
        if through_belief:
            done += [x for v in done for x in v.children if x.dep_ == "xcomp" and x.tag_ == "VBN"]
        return [v for v in done if v.lemma_.lower() not in self.book.cue("not_authoring_participles")]

    def _measured(self, noun: Token) -> list[Token]:
        """What a number or measure counts: "25,000 tons of food aid", "two of its nationals"."""
        if noun.pos_ != "NUM" and noun.lemma_.lower() not in self.book.cue("measure_nouns"):
            return []
        return [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"]

    def sources_of(self, verb: Token, reading: Reading, depth: int = 0) -> tuple[list[Actor], bool]:
        subject = _subject(verb)
        if subject is None and verb.dep_ == "acomp" and self._is_stative(verb):
            subject = _subject(verb.head)  # "Iran said it was opposed to the deal"
        if subject is not None:
            # A passive with its own subject names its doer only by "by": "children were killed in
            # shelling, medics said" was not done by the medics.
            return ([], False) if self._is_passive(verb) else (self.actors(subject, reading) or self._document_authors(subject, reading), False)
        if verb.dep_ == "ROOT" and not self._is_passive(verb):
            stranded = self._stranded_subject(verb, reading)
            if stranded:
                return stranded, False
        if depth > 6 or verb.dep_ not in _CONTROLLED and verb.dep_ != "prep":
            return [], False
        head = verb.head
        if verb.dep_ == "pcomp" and head.dep_ == "prep":
            # "refrained from furnishing", "warned X against arming": climb over the preposition.
            head = head.head
        main_verb = stray_conjunct_governor(verb)
        if main_verb is not None:
            return self.sources_of(main_verb, reading, depth + 1)[0], True
        claim = claimed_by(verb)
        if claim is not None:
            # "Iran acknowledged responsibility for downing the airliner": the claimer did it.
            return self.sources_of(claim, reading, depth + 1)[0], True
        if head.pos_ in ("NOUN", "PROPN"):
            doers = self.actors(head, reading) if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBD") else []
            if doers:
                # "protesters demanding the release of ...": the noun is the doer (a past
                # participle, "troops sent to the border", is done to it).
                return doers, True
            # "Moscow's readiness to provide", "Seoul's contemplation of providing".
            owner = self._possessor(head, reading)
            if not owner and head.dep_ == "dobj" and head.head.lemma_.lower() in self.light_verbs:
                # "the PKK issued a declaration demanding ...": the declaration's issuer demands.
                owner, _ = self.sources_of(head.head, reading, depth + 1)
            gathering = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "for" else None
            if not owner and gathering is not None and gathering.lemma_.lower() in self.book.cue("gathering_verbs"):
                # "thousands gathered for a rally to protest the law": who rallies protests.
                owner, _ = self.sources_of(gathering, reading, depth + 1)
            return owner, True
        if head.pos_ in ("ADJ", "ADV") and head.dep_ in ("acomp", "advmod"):
            # "he is prepared to lift the ban", "France is ready to contribute": the copula's subject;
            # "Germany stopped short of recognizing": the verb's.
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return [], False
        if verb.dep_ == "xcomp" and _is_passive(head):
            # "Obama is scheduled to attend", "Iran was urged to resume talks": the passive's subject acts.
            subject = _subject(head)
            if subject is not None:
                return self.actors(subject, reading), True
        # An adverbial infinitive is controlled only after its governor's object ("called on the
        # President to demand"); fronted, it is the subject's ("While in New York to attend the
        # Assembly, Zelensky told reporters").
        controlled = verb.dep_ in ("xcomp", "pcomp") or (verb.dep_ == "advcl" and verb.i > head.i)
        if controlled and head.lemma_.lower() in self.object_control:
            # "urged Iran to resume talks", "called on the President to demand ...": who is urged acts.
            obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
            if obj is None and verb.dep_ != "pcomp":
                obj = next((p for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") for p in c.children if p.dep_ == "pobj"), None)
            if obj is not None:
                return self.actors(obj, reading), True
        if verb.dep_ == "relcl":
            return [], False
        found, _ = self.sources_of(head, reading, depth + 1)
        return found, True

    def _document_authors(self, document: Token, reading: Reading) -> list[Actor]:
        """ "the report by Human Rights Watch accused ...", "a statement released by the ministry
        said ...": a document speaks for its author, or, released somewhere by no one named, for the
        state where it was released ("a report released in Kigali alleged ...")."""
        if document.lemma_.lower() not in self.book.cue("document_nouns"):
            return []
        found = self._named_in(document, reading)
        if found:
            return found
        releases = [v for v in document.children if v.dep_ == "acl" and v.lemma_.lower() in self.book.cue("releasing_verbs")]
        for verb in releases:
            for prep in verb.children:
                if prep.dep_ != "prep" or prep.lower_ != "in":
                    continue
                for place in prep.children:
                    found = _state_at(place, reading, named=True)
                    if found:
                        return found
        return []

    def _stranded_subject(self, verb: Token, reading: Reading) -> list[Actor]:
        """ "With the signing of the accord, the Colombian government and the FARC have agreed":
        a finite main verb left without a subject, whose subject the parser hung on a fronted
        phrase - the actors named between the last comma and the verb."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP") and not any(c.dep_ == "aux" and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children):
            return []
        start = verb.i
        while start > verb.sent.start and verb.doc[start - 1].text not in (",", ";", ":", "(", ")", '"', "“", "”"):
            start -= 1
        found: dict[str, Actor] = {}
        for token in verb.doc[start : verb.i]:
            for actor in reading.at(token):
                found.setdefault(actor.code, actor)
        return list(found.values())

    def _named_in(self, token: Token, reading: Reading) -> list[Actor]:
        """The actor a target phrase names: itself, its possessor ("support for Russia's
        actions"), or the agent of the act it names ("violations by Algerian security forces")."""
        # An act's doer before its patient: "condemned Russia's invasion of Ukraine" is aimed at Russia.
        owner = self._possessor(token, reading)
        if token.lemma_.lower() in self.book.by_noun and not owner:
            # "condemned the shelling of Ukrainian cities by Russia": the act's doer, after "by".
            owner = [a for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "by" for p in prep.children if p.dep_ == "pobj" for a in self.actors(p, reading)]
        found = (owner if token.lemma_.lower() in self.book.by_noun else []) or self.actors(token, reading) or owner
        if found:
            return found
        # "violations by Algerian security forces"; a message's author: "a demand from the US";
        # a facility's owner or user: "a camp for Congolese refugees", "the offices of the party";
        # help's beneficiary: "assistance to the US-led coalition".
        lemma = token.lemma_.lower()
        if lemma in self.authored_nouns:
            authors: tuple[str, ...] = ("by", "from")
        elif lemma in self.book.cue("facility_nouns"):
            authors = ("by", "of", "for")
        elif lemma in self.book.cue("benefit_nouns"):
            authors = ("to", "for")
        else:
            authors = ("by",)
        # "the peace plan proposed by Russia", "crimes committed by Croat forces": a participle's agent.
        done = self._authoring_participles(token)
        found = [
            a for carrier in (token, *done) for prep in carrier.children
            if prep.dep_ == "agent" or (carrier == token and prep.dep_ == "prep" and prep.lower_ in authors)
            for p in prep.children if p.dep_ == "pobj" and not (carrier != token and p.lemma_.lower() in self.book.by_noun and not reading.at(p))
            for a in self.actors(p, reading)
        ]  # fmt: skip
        # "opposed to French mediation", "condemned Israeli settlement building".
        return found or [a for c in token.children if c.i < token.i for a in reading.modifiers.get(c.i, [])]

    def _possessor(self, noun: Token, reading: Reading) -> list[Actor]:
        for child in noun.children:
            if child.dep_ == "poss" or (child.i < noun.i and any(g.dep_ == "case" for g in child.children)):
                return self.actors(child, reading)
        return []

    def _noun_sources(self, noun: Token, reading: Reading) -> tuple[list[Actor], bool]:
        pronoun = next((c for c in noun.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        if pronoun is not None and noun.dep_ == "dobj":
            # "Unless Hamas frees the hostages, Israel will continue its offensive": one's own act
            # is bound by the subject of its clause.
            subject = _subject(noun.head)
            bound = self.actors(subject, reading) if subject is not None and not self._is_passive(noun.head) else []
            if bound:
                return bound, False
        owner = self._possessor(noun, reading)
        if owner:
            return owner, False
        claim = claimed_by(noun)
        if claim is not None:
            # "Hamas claimed responsibility for the rocket attack": the claimer did it.
            return self.sources_of(claim, reading)[0], True
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                found = [a for p in child.children if p.dep_ == "pobj" for a in self.actors(p, reading)]
                if found:
                    return found, False
        modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i]
        # "a Russian missile strike": the demonym modifies the modifier
        modifiers += [g for c in modifiers if c.dep_ in ("compound", "nmod") for g in c.children if g.dep_ in ("amod", "compound", "nmod") and g.i < c.i]
        for child in modifiers:
            found = reading.at(child) or self._modifier_actor(child, reading)
            if found:
                return found, False
        return [], False

    def _modifier_actor(self, token: Token, reading: Reading) -> list[Actor]:
        """ "Israeli airstrikes": a demonym modifier names the agent of a nominal event."""
        return reading.modifiers.get(token.i, [])

    def _targets(
        self,
        pattern: EventPattern,
        trigger: Token,
        theme: Token | None,
        reading: Reading,
        extra_preps: list[str],
        hosts: list[Token],
        sources: list[Actor],
    ) -> list[Actor]:
        slots = [*extra_preps, *pattern.target]
        carriers = [*hosts]
        if pattern.theme_is_subject:
            theme = None  # what moves is the doer, not the target
        if theme is not None and theme != trigger:
            # "provided aid and equipment to Ukraine": "to Ukraine" hangs on the first conjunct.
            carriers += [theme, *_conjunct_heads(theme)]
        stance = pattern.code[:2] in self.book.cue("pact_stance_roots")
        if theme is not None and theme.lemma_.lower() in self.book.cue("self_acting_nouns"):
            # "demanded the withdrawal of Serbian forces from Bosnia": who withdraws is the target.
            found = self._first_named([(theme, "of")], reading)
            if found:
                return found
        place: list[Actor] = []
        about_place = self.book.code_listed("about_place_codes", pattern.code)
        for slot in slots:
            for carrier in carriers:
                for token in self._slot(carrier, slot, theme):
                    if token == trigger or token == theme:
                        # "held their first meeting": the light verb's object is the event; "reneged
                        # on his commitment to ...": what is done is no one it is done to (the
                        # theme's own names are read last, below).
                        continue
                    if slot in _LOCATIVE and (token.i in reading.places or not reading.at(token)):
                        continue  # "an airstrike in Iraq", "at Baghdad airport": where, not whom
                    if not self.actors(token, reading) and self._owned_by_doer(token, sources, reading):
                        continue  # "restrictions on its ports": the doer's own, no one else
                    # "support for Russia's actions": the possessor is the target.
                    found = self._named_in(token, reading) or (self._partners(token, reading) if carrier in hosts else [])
                    # A pact stands for its parties only for a stance on it ("condemned the pact").
                    found = [a for a in found if a.via != "pact" or stance]
                    # "Trump withdrew the US from the treaty": the doer's own state is moved, not met
                    # (people are met: "Trump attacked Biden"; and violence at home is done there).
                    if slot == "dobj" and token.pos_ == "PROPN" and not self.book.code_listed("home_place_codes", pattern.code):
                        found = [a for a in found if a.person or len(a.code) != 3 or not sources or any(self._side(s) != a.code for s in sources)]
                    if found:
                        return found
                    entry = reading.places.get(token.i)
                    if entry is None and about_place and slot not in ("dobj", "dative", "nsubjpass", "relcl"):
                        # "sorrow for the floods in Texas", "sympathy for the people of Dagestan",
                        # "called for an end to the war in Ukraine": what a statement is about lies
                        # in a place.
                        entry = _place_about(token, reading)
                    if not place and entry is not None and (slot != "from" or pattern.target != DEFAULT_TARGETS):
                        # "recalled its ambassador from Vienna", "withdrew its troops from Kherson",
                        # "demanded access to Gaza": a place the act is aimed at stands for its state
                        # ("from" only where the pattern names it: "fired from Belarus" aims elsewhere),
                        # when no later phrase names an actor ("recaptured the town from the RSF").
                        place = [Actor(entry.code[:3], entry.name, token.idx, token.idx + len(token), via="place")]
        if place:
            return place
        # The theme itself may name the target: "released three Israeli hostages", "expelled
        # Russian diplomats", "shot down Russian drones", or its owner or agent: "protested Russia's
        # decision", "investigating war crimes by Croatian extremists".
        if theme is not None and theme != trigger:
            # A pronoun owner is mostly the source's own ("halt their drilling"): names only.
            found = self.actors(theme, reading) or [a for a in self._named_in(theme, reading) if a.via != "coref"]
            if not found and theme.lemma_.lower() in PACT_NOUNS:
                # "withdrew from the treaty with the United States": the pact's other party
                found = self._first_named([(theme, "with")], reading)
            if found:
                return found
        # The object's own complement names the target: "rejected an offer from Afghanistan",
        # "rejected calls by Kofi Annan", "threatened further action against Russia".
        objects = [c for host in hosts for c in host.children if c.dep_ == "dobj" and c != theme]
        found = self._first_named(((obj, slot) for obj in objects for slot in _OBJECT_COMPLEMENTS), reading)
        if not found and (objects or theme is not None) and not any(_is_passive(h) for h in hosts):
            # "vetoed the proposal by France": an active verb's "by" phrase, hung on the verb by the
            # parser, names its object's author (the verb's own agent is its subject).
            found = self._first_named(((host, "by") for host in hosts), reading)
        return found

    def _partners(self, token: Token, reading: Reading) -> list[Actor]:
        """ "optimistic about the talks with Taiwan": dealings stand for the other party (only as
        the phrase a pattern aims at: "demanded a halt to cooperation with Pyongyang" is aimed at
        whoever cooperates)."""
        if token.lemma_.lower() not in self.book.cue("partner_nouns") and token.lower_ not in self.book.cue("partner_nouns"):
            return []
        return self._first_named(((token, slot) for slot in ("with", "between")), reading)

    def _owned_by_doer(self, token: Token, sources: list[Actor], reading: Reading) -> bool:
        """Is the thing the doer's own: "restrictions on its ports" (its = the doer), not "will
        strike its nuclear facilities" (its = Iran, named before)? Only another state is trusted as
        the owner: a pronoun read as a person or a body is too often the wrong one."""
        pronoun = next((c for c in token.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        if pronoun is None:
            return False
        owners = self.actors(pronoun, reading)
        doers = {self._side(s) for s in sources}
        return not owners or not doers or any(o.sector or self._side(o) in doers for o in owners)

    def _first_named(self, places: Iterable[tuple[Token, str]], reading: Reading) -> list[Actor]:
        """The actors named in the first (carrier, slot) place that names any."""
        for carrier, slot in places:
            for token in self._slot(carrier, slot, None):
                found = self._named_in(token, reading)
                if found:
                    return found
        return []

    def _givers(self, hosts: list[Token], reading: Reading) -> list[Actor]:
        """ "received weapons from the government": who gave it, named after "from"."""
        return [a for host in hosts for token in self._slot(host, "from", None) for a in self.actors(token, reading)]

    def _complement_targets(self, verb: Token, reading: Reading) -> list[Actor]:
        """A speech act aimed through its complement: "threatened to break off relations with
        Congo" (the complement's object), "demanded that the US cancel" (its subject); or through
        its object's, at whom or where the proposed act is aimed: "rejected a proposal to impose
        sanctions on Iran", "rejected a call to deploy troops in Somalia"."""
        proposed = [
            c for obj in verb.children if obj.dep_ == "dobj" and obj.lemma_.lower() in self.book.cue("message_nouns")
            for c in obj.children if c.dep_ in ("acl", "relcl") and is_infinitive(c)
        ]  # fmt: skip
        for clause in [*verb.children, *proposed]:
            if clause.dep_ == "xcomp" or clause in proposed:
                carriers = [clause] + [c for c in clause.children if c.dep_ == "dobj"]
                found = self._first_named(((carrier, slot) for carrier in carriers for slot in DEFAULT_TARGETS), reading)
                if not found and clause in proposed:
                    places = [p for prep in clause.children if prep.dep_ == "prep" and prep.lower_ in _LOCATIVE for p in prep.children if p.dep_ == "pobj"]
                    found = next((state for p in places if (state := _state_at(p, reading, named=True))), [])
                if found:
                    return found
            if clause.dep_ == "ccomp" and not _is_question(clause):
                subject = _subject(clause)
                if subject is not None:
                    found = self.actors(subject, reading)
                    if found:
                        return found
        return []

    def _adjunct_targets(self, verb: Token, pattern: EventPattern, reading: Reading) -> list[Actor]:
        """ "staged a hunger strike in protest against the Russian government", "in defiance of
        Chinese authorities", "in retaliation for Israel's strikes", "declined to resign despite
        pressure by the commission": the adjunct names the target."""
        if pattern.reciprocal:
            return []  # "held an emergency meeting in response to gains by the rebels": no meeting with them
        stance_nouns = self.book.cue("stance_nouns")
        for host in [verb, *(c for c in verb.children if c.dep_ == "dobj")]:
            for prep in host.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("in", "despite"):
                    continue
                for noun in prep.children:
                    if noun.dep_ != "pobj":
                        continue
                    lemma = noun.lemma_.lower()
                    if prep.lower_ == "in" and lemma in stance_nouns:
                        found = [a for inner in noun.children if inner.dep_ == "prep" for p in inner.children for a in self._named_in(p, reading)]
                    elif prep.lower_ == "despite" and lemma in self.authored_nouns:
                        found = self._named_in(noun, reading)  # "despite calls from X", "despite X's objections"
                    else:
                        continue
                    if found:
                        return found
        return []

    def _protest_demands(self, verb: Token, reading: Reading) -> list[Actor]:
        """ "rioted following a demonstration calling for the removal of X", "resorted to throwing
        stones during demonstrations against violations by the Israeli military": the demand or
        the opponent of the protest itself or of a protest it happens in."""
        hosts = [verb, *(v for v in list(verb.ancestors)[:2] if v.pos_ in ("VERB", "AUX"))]
        for host in hosts:
            protests = [host, *(p for prep in host.children if prep.dep_ == "prep" for p in prep.children if p.dep_ in ("pobj", "dobj"))]
            for protest in protests:
                found = self._demanded_of(protest, reading) or self._opposed_by(protest, reading)
                if found:
                    return found
        return []

    def _opposed_by(self, protest: Token, reading: Reading) -> list[Actor]:
        """ "demonstrations against X": a protest noun's own opponent."""
        if not any(p.code.startswith("14") for _, p in self.book.by_noun.get(protest.lemma_.lower(), [])):
            return []
        return next(
            (found for prep in protest.children if prep.dep_ == "prep" and prep.lower_ in ("against", "over")
             for p in prep.children if p.dep_ == "pobj" if (found := self._named_in(p, reading))),
            [],
        )  # fmt: skip

    def _demanded_of(self, protest: Token, reading: Reading) -> list[Actor]:
        """ "a demonstration calling for the removal of President Mubarak", "rallied, demanding the
        resignation of X": a protest is aimed at whom its demand names (a clause on the protest
        whose verb appeals or demands)."""
        for clause in protest.children:
            codes = {p.code[:2] for _, p in self.book.by_verb.get(clause.lemma_.lower(), [])}
            if clause.dep_ not in ("acl", "relcl", "advcl") or not codes & {"02", "10"}:
                continue
            objects = [c for c in clause.children if c.dep_ == "dobj"]
            objects += [p for prep in clause.children if prep.dep_ == "prep" and prep.lower_ == "for" for p in prep.children if p.dep_ == "pobj"]
            for obj in objects:
                found = self.actors(obj, reading) or self._named_in(obj, reading)
                if found:
                    return found
        return []

    def _custodians(self, verb: Token, reading: Reading) -> list[Actor]:
        """ "two Palestinians were tortured in Israeli custody", "died as a result of torture while
        in Turkish police custody": who holds the victims did what was done to them there."""
        nouns = self.book.cue("custody_nouns")
        held = [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("in", "under") for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in nouns]
        return next((found for p in held if (found := self.actors(p, reading))), [])

    def _attackers_by_means(self, verb: Token, reading: Reading) -> tuple[list[Actor], Token | None]:
        """Who attacked, when the clause names only the means (returned too): its agent if the
        means names one ("were killed in Israeli tank shelling", "died in Russia's bombardment"),
        else unidentified forces of the place it happened ("killed in a suicide car bombing in
        central Baghdad", "a roadside bomb near Basra killed ...", "killed by an improvised
        explosive device")."""
        means_words = self.book.cue("attack_means")
        subject = _subject(verb)
        means = [subject] if subject is not None and not self._is_passive(verb) else []
        if means and not self._is_attack_means(means[0], means_words):
            return [], None  # "they blew themselves up": someone unresolved did it, not no one
        means += [p for prep in verb.children if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "by") for p in prep.children if p.dep_ == "pobj"]
        means = [m for m in means if self._is_attack_means(m, means_words) or self._before_misread_gerund(m, verb)]
        if not means:
            return self._foreign_force_attackers(verb, reading), None
        if reading.at(means[0]):
            return [], None
        noun = means[0]
        agents, _ = self._noun_sources(noun, reading)
        if agents:
            return agents, noun
        place = place_in(verb, reading)
        if place is None:
            return [], None
        return [Actor(place.code[:3] + "UAF", None, noun.left_edge.idx, noun.idx + len(noun), via="unattributed")], noun

    def _foreign_force_attackers(self, verb: Token, reading: Reading) -> list[Actor]:
        """ "ten Russian soldiers were killed in Ukraine": forces killed abroad by no one named were
        killed by unidentified forces of the state where they fell (not when the clause names how:
        "killed in a helicopter crash in Mali")."""
        if verb.lemma_.lower() not in self.book.cue("killing_verbs"):
            return []
        if any(
            p.dep_ == "pobj" and p.i not in reading.places and p.lemma_.lower() not in _TEMPORAL and p.ent_type_ not in ("DATE", "TIME")
            for prep in verb.children if prep.dep_ in ("prep", "agent") for p in prep.children
        ) or any(c.dep_ == "advcl" for c in verb.children):  # fmt: skip
            return []  # "in a helicopter crash", "when their helicopter crashed": the clause says how
        victims = [a for v in _patients(verb) for a in self.actors(v, reading)]
        forces = self.book.cue("state_sectors")
        place = place_in(verb, reading)
        if not victims or place is None or not all(a.sector and a.sector.lower() in forces and a.country for a in victims):
            return []
        if any(a.country == place.code[:3] for a in victims):
            return []
        return [Actor(place.code[:3] + "UAF", None, verb.idx, verb.idx + len(verb), via="unattributed")]

    def _is_attack_means(self, noun: Token, means_words: set[str]) -> bool:
        """ "a roadside bomb", "a bomb blast", "gunfire" - not "a gas explosion" or "a shark attack"."""
        modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
        if modifiers & self.book.cue("natural_causes"):
            return False
        return noun.lemma_.lower() in means_words or noun.lower_ in means_words or bool(modifiers & self.book.cue("attack_modifiers"))

    def _before_misread_gerund(self, noun: Token, verb: Token) -> bool:
        """ "killed in Russian artillery shelling": the parser takes the attack noun for a clause
        of ``verb``'s and the word before it for the object of "in" - that word's phrase names the
        attack."""
        if noun.i + 1 >= len(noun.doc):
            return False
        gerund = noun.doc[noun.i + 1]
        return gerund.head == verb and gerund.tag_ == "VBG" and gerund.lower_ in self.book.by_noun

    def _means_pattern(self, means: Token, pattern: EventPattern, unattributed: bool) -> EventPattern:
        """The attack coded by its means where the pattern book codes the means as a bombing
        ("roadside bombing" 1833, "car bomb" 1832), or, by no one named, where the cue
        unattributed_means_codes does ("twin bombings struck the cathedral" 183); else the verb's
        own pattern ("killed" 190)."""
        fitting = [p for phrase, p in self.book.by_noun.get(means.lemma_.lower(), []) if _phrase_fits(phrase, means)]
        # Only bombings (18x) say more than the verb: a bare "bombing" is also an air raid (195).
        fitting = [p for p in fitting if p.code.startswith("18")]
        if not fitting:
            code = self.book.code_maps.get("unattributed_means_codes", {}).get(means.lemma_.lower())
            return replace(pattern, code=code) if code and unattributed else pattern
        best = max(fitting, key=lambda p: max(ph.specificity for ph in p.nouns if _phrase_fits(ph, means)))
        return replace(pattern, code=best.code)

    def _victim_targets(self, verb: Token, pattern: EventPattern, reading: Reading) -> list[Actor]:
        """Violence whose victims are only counted ("killed 12 people", "wounded dozens of
        civilians") is done to the civilians of the state where it happened ("... when the bomb
        went off in a market in Kandahar")."""
        if pattern.code[:2] not in self.book.cue("unattributed_roots"):
            return []
        victims = _patients(verb)
        return self._counted_people(verb, [v for victim in victims for v in (victim, *self._measured(victim))], reading)

    def _crowd_sources(self, verb: Token, pattern: EventPattern, reading: Reading) -> list[Actor]:
        """A protest by a crowd counted, not named ("thousands of people blocked roads in
        Santiago") is one by the civilians of the place where it happens."""
        subject = _subject(verb)
        if not pattern.code.startswith("14") or subject is None or self._is_passive(verb):
            return []
        return self._counted_people(verb, [subject, *self._measured(subject)], reading)

    def _counted_people(self, verb: Token, phrase: list[Token], reading: Reading) -> list[Actor]:
        """The civilians of the place of ``verb``'s clause, where ``phrase`` (a head noun and what
        it counts) is people counted, not named."""
        if not any(t.lemma_.lower() in self.book.cue("victim_nouns") for t in phrase):
            return []
        place = place_in(verb, reading)
        if place is None:
            return []
        people = phrase[0]
        return [Actor(place.code[:3] + "CVL", None, people.left_edge.idx, people.idx + len(people), via="place")]

    def _place_targets(self, verb: Token, pattern: EventPattern, reading: Reading) -> list[Actor]:
        """A coercive or violent act with no one named is done to the place it happens in:
        "reimposed blockades in the West Bank", "threatened to institute a curfew in Algiers"."""
        if not (self.book.code_listed("place_target_codes", pattern.code) or self.book.code_listed("destination_codes", pattern.code)):
            return []
        carriers = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "xcomp"))]
        carriers += [o for c in carriers[1:] if c.dep_ == "xcomp" for o in c.children if o.dep_ == "dobj"]
        # "blew up pylons carrying power into Donetsk", "an attack targeting shoppers at a mall in
        # Nairobi": where the object leads or lies, or the act aims.
        nominal = verb.pos_ in ("NOUN", "PROPN")
        carriers += [a for c in carriers if c.dep_ == "dobj" or (c == verb and nominal) for a in c.children if a.dep_ == "acl"]
        for carrier in carriers:
            places = [c for c in carrier.children if c.dep_ == "dobj"]  # "shelled Juba"
            # "attend the Paris Olympics": where the object is
            places += [m for c in places for m in c.children if m.dep_ == "compound"]
            places += [p for prep in carrier.children if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS for p in prep.children if p.dep_ == "pobj"]
            # "in the east of the Gaza Strip", "on the outskirts of Kabul", "shelled the city of Homs"
            places += [o for p in places if p.lemma_.lower() in PART_NOUNS | SETTLEMENT_NOUNS for prep in p.children if prep.lower_ == "of" for o in prep.children if o.dep_ == "pobj"]
            # "part of the country's second city Aleppo": the settlement's name in apposition
            places += [a for p in places if p.lemma_.lower() in SETTLEMENT_NOUNS for a in p.children if a.dep_ == "appos"]
            # "inspectors to the sites near Damascus"
            places += [o for p in places for prep in p.children if prep.dep_ == "prep" and prep.lower_ in _LOCATIVE for o in prep.children if o.dep_ == "pobj"]
            borders = [p for p in places if p.lemma_.lower() in _BORDER_NOUNS] if self.book.code_listed("border_facing_codes", pattern.code) else []
            neighbours = [a for p in borders for a in self._first_named([(p, "with")], reading) if len(a.code) == 3]
            if neighbours:
                return [replace(a, via="place") for a in neighbours]
            for place in places:
                # "pylons carrying power into Kyiv": the capital read as its state is the place.
                found = _state_at(place, reading, named=carrier.dep_ == "acl")
                if found:
                    return found
        return []

    def _condition_subject(self, verb: Token, reading: Reading) -> list[Actor]:
        """ "threatened to launch an offensive unless Baghdad accepted its conditions", "would
        retaliate if Manila continued its patrols": a threat, or a hostile act on a condition, is
        aimed at whoever must meet the condition."""
        marks = self.book.cue("condition_marks")
        for clause in verb.subtree:
            if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children):
                found = self.actors(_subject(clause), reading)
                if found:
                    return found
        return []

    def _controller_object(self, verb: Token, reading: Reading) -> list[Actor]:
        """ "summoned the ambassador to protest ... and demand ...": a purpose clause without a
        target of its own is addressed to the governing verb's object."""
        token = verb
        while token.dep_ == "conj":
            token = token.head
        if token.dep_ not in ("xcomp", "advcl") or token.head.pos_ not in ("VERB", "AUX"):
            return []
        governor = token.head
        for child in governor.children:
            if child.dep_ in ("dobj", "dative"):
                return self.actors(child, reading)
        return []

    def _slot(self, carrier: Token, slot: str, theme: Token | None) -> list[Token]:
        if slot == "dobj":
            objects = [c for c in carrier.children if c.dep_ == "dobj" and c != theme]
            if not objects and carrier.lemma_.lower() in self.object_control:
                # "refused to allow UN planes to land", parsed as planes being the subject of a
                # complement clause: the controlled party is the object.
                objects = [s for c in carrier.children if c.dep_ == "ccomp" and is_infinitive(c) for s in c.children if s.dep_ == "nsubj"]
            if not objects:
                # A heavy object moved after its predicate: "condemned as an illegal act Russia's
                # annexation of Crimea", parsed as an appositive of "act".
                objects = [a for c in carrier.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj" for a in p.children if a.dep_ == "appos"]
            return objects
        if slot == "dative":
            return [c for c in carrier.children if c.dep_ == "dative"] + [
                p for c in carrier.children if c.dep_ == "dative" for p in c.children if p.dep_ == "pobj"
            ]
        if slot == "nsubjpass":
            return [c for c in carrier.children if c.dep_ == "nsubjpass"]
        if slot == "relcl":
            return [o for rel in carrier.children if rel.dep_ == "relcl" for o in rel.children if o.dep_ == "dobj"]
        return [
            p
            for prep in _with_particle_children(carrier)
            if prep.lower_ == slot
            # "called for Russia to withdraw": the marked clause's subject
            for p in (prep.children if prep.dep_ in ("prep", "dative", "agent") else prep.head.children if prep.dep_ == "mark" and prep.head != carrier else ())
            if p.dep_ == ("nsubj" if prep.dep_ == "mark" else "pobj")
        ]

    def _unnamed_counterpart(self, pattern: EventPattern, targets: list[Actor], hosts: list[Token], theme: Token | None) -> EventPattern:
        """ "Bahrain and Kosovo opened relations with the nation": done with someone the coder
        could not name, not with each other (unless "with each other"). A fronted "With the signing
        of the memorandum, ..." says when, not with whom."""
        carriers = [*hosts, *([theme] if theme is not None else [])]
        partners = [
            t for carrier in carriers for t in self._slot(carrier, "with", None)
            if t.lower_ not in ("other", "another") and t.head.i > carrier.i
        ]  # fmt: skip
        if pattern.reciprocal and not targets and partners:
            return replace(pattern, reciprocal=False)
        return pattern

    def _side(self, actor: Actor) -> str:
        """A state and its organs are one side; a body outside the state (rebels, opposition) is
        a side of its own."""
        state = self.book.cue("state_sectors")
        if actor.country is None:
            return actor.code  # an organisation of states, or one outside any state
        return actor.country if not actor.sector or actor.sector.lower() in state else actor.code

    def _opposing_sides(self, doers: list[Actor]) -> bool:
        """Are the doers two sides: two states, a state and a body outside it ("the army and the
        rebels"), or two such bodies ("Hamas and Fatah")? A president and his army are one side."""
        return len({self._side(a) for a in doers}) >= 2

    def _one_actor(self, a: Actor, b: Actor) -> bool:
        """ "The Cypriot minister and Christodoulides" name one actor twice: the same state, and the
        same sector or a state and one of its organs (the president and Congress are two, and so
        are a state and its rebels)."""
        if a.country is None or a.country != b.country:
            return False
        return a.sector == b.sector or (None in (a.sector, b.sector) and self._side(a) == self._side(b))

    def _one_state_side(self, a: Actor, b: Actor) -> bool:
        return a.country is not None and self._side(a) == self._side(b) == a.country

    def _combine(
        self,
        trigger: Token,
        clause: Token,
        pattern: EventPattern,
        sources: list[Actor],
        targets: list[Actor],
        inherited: bool,
        theme: Token | None = None,
        roles: list[Actor] | None = None,
    ) -> list[Candidate]:
        out: list[Candidate] = []
        sources = [s for s in sources if s.sector not in pattern.not_source]
        if not sources:
            return out
        targets = _not_own(targets, sources)
        if pattern.code.startswith("14") and all(t.via == "place" and t.country in {s.country for s in sources} for t in targets):
            # "opposition parties called a general strike in Kathmandu": the opposition protests
            # against the government of its state when no one else is named.
            # Protesters named only as such may protest anyone: only the opposition is named so.
            opposition = self.book.cue("opposition_words")
            targets += [
                Actor(s.country + "GOV", None, s.start, s.end, via="opposed") for s in sources
                if s.sector == "OPP" and s.country and opposition & {t.lower_ for t in _phrase_tokens(trigger.doc, s)}
            ]  # fmt: skip
        joint = self.book.mapped_code("joint_codes", pattern.code)
        if joint and not targets and self._opposing_sides(sources):
            pattern = replace(pattern, code=joint, reciprocal=True)
        within_state = self.book.code_listed("within_state_codes", pattern.code)
        # A place at home is no counterpart ("withdrew the Guard from Chicago", "protested in
        # Moscow"), except for violence done there ("shelled Homs") and sympathy.
        at_home_counts = self.book.code_listed("home_place_codes", pattern.code)
        # A pact's parties include the signer itself: "Buhari of Nigeria and Talon of Benin signed the
        # agreement" is no agreement of Nigeria's president with Nigeria.
        pairs: list[tuple[Actor, Actor | None]] = [
            (s, t) for s in sources for t in targets
            if s.code != t.code
            and not (t.via == "pact" and _same_side(s, t))
            and not (within_state and self._one_state_side(s, t))
            and not (not at_home_counts and t.via == "place" and t.country == s.country)
        ]
        if pattern.reciprocal:
            if not targets and len(sources) >= 2:
                pairs = [(a, b) for a, b in permutations(sources, 2) if not self._one_actor(a, b)]
            else:
                pairs += [(t, s) for s, t in pairs]
        if not pairs and not (pattern.reciprocal and len(sources) >= 2):
            # Kept for now: a parallel clause may supply the target, else it is dropped later.
            pairs = [(s, None) for s in sources]
        seen = set()
        for source, target in pairs:
            key = (source.code, target.code if target else None)
            if key in seen:
                continue
            seen.add(key)
            out.append(Candidate(trigger, clause, pattern, pattern.code, source, target, inherited, theme, () if target else tuple(roles or ())))
            if pattern.inverse and target is not None:
                out.append(Candidate(trigger, clause, pattern, pattern.inverse, target, source, inherited, theme))
        return out


_TEMPORAL = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "day", "week", "weekend", "month", "year", "morning", "evening",
    "night", "afternoon", "time", "occasion", "eve",
}


def _not_own(targets: list[Actor], sources: list[Actor]) -> list[Actor]:
    """ "Serbia agreed to move its embassy", "Israel strengthened its forces in Lebanon": the
    source's own embassy or forces are no counterpart."""
    return [t for t in targets if not (t.via == "own" and any(t.country == s.country for s in sources))]


def _has_known_party(cand: Candidate) -> bool:
    """ "Police arrested the protesters": an act between roles of no named state places nothing on
    an analyst's map; one party of a known state or body must take part. Such a role most likely
    acts at home, so a state named only as a place is no counterpart of it ("the president
    travelled to South Dakota")."""
    sides = [a for a in (cand.source, cand.target) if a is not None]
    known = [a for a in sides if not a.code.startswith(UNKNOWN_STATE)]
    return len(known) == len(sides) or (len(known) == 1 and not (known[0].via == "place" and len(known[0].code) == 3))


def _same_side(source: Actor, target: Actor) -> bool:
    """The target is the source's own state or body (Britain for a British minister), not another
    part of the state (rebels demanding of the government)."""
    return target.country == source.country and target.sector in (None, source.sector)


def _is_question(clause: Token) -> bool:
    """ "asked why Biden did not ...", "asked whether": an embedded question, not a request."""
    return any(t.lower_ in ("why", "how", "whether", "what", "when", "where", "who") and t.i <= clause.i for t in clause.subtree if t.i < clause.i + 1)


def _is_particle(child: Token, word: str, verb: Token) -> bool:
    """Does ``child`` complete ``verb`` as a phrasal verb ("call on", "pull out")? A time phrase
    does not: "called Trump on Monday" is no appeal."""
    if child.lower_ != word and child.lemma_.lower() != word:
        return False
    if child.dep_ == "mark":
        # "for" of "called for Russia to withdraw" (see _with_particle_children), not the
        # verb's own mark ("for Israel to resume deliveries").
        return child.head != verb
    if child.dep_ == "aux" or child.i < child.head.i:
        return False  # "to protest": the infinitive's marker, not "protest to"
    if child.dep_ == "prep":
        return not any(p.dep_ == "pobj" and p.lemma_.lower() in _TEMPORAL for p in child.children)
    return True


def _in_proper_name(token: Token) -> bool:
    """ "the Capitol Hill Organized Protest": a capitalised word inside a name names no event."""
    if token.pos_ != "PROPN" or token.i == token.sent.start:
        return False
    return any(c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in token.children) or (
        token.dep_ in ("compound", "nmod") and token.head.pos_ == "PROPN"
    )


# First words of two-word prepositions, whose "to" is no particle of the verb: "according to the
# BBC" names an informant, not a target.
_COMPLEX_PREPOSITIONS = {"according", "due", "owing", "thanks", "prior", "contrary", "pursuant", "next", "close"}


def _with_particle_children(token: Token) -> list[Token]:
    """A word's dependents, and those of a bare particle it governs: "pulled out of the deal",
    where the parser hangs "of" on "out"."""
    particles = [
        c for c in token.children
        if c.dep_ in ("prt", "prep") and c.lower_ not in _COMPLEX_PREPOSITIONS and not any(p.dep_ == "pobj" for p in c.children)
    ]  # fmt: skip
    # "called for Russia to withdraw": "for" marks the clause whose subject it governs.
    marks = [m for c in token.children if c.dep_ in ("advcl", "ccomp", "xcomp") and c.i > token.i for m in c.children if m.dep_ == "mark" and m.lower_ == "for"]
    return [*token.children, *(g for c in particles for g in c.children), *marks]


def _is_verbal(token: Token) -> bool:
    """A verb, or a word the tagger took for a noun but the parser gave a clause's arguments
    ("should Washington arm Kyiv": "arm" tagged NOUN with a subject and an object)."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    deps = {c.dep_ for c in token.children}
    return token.dep_ in ("ROOT", "advcl", "ccomp", "xcomp", "conj", "relcl") and "nsubj" in deps and "dobj" in deps


def _patients(verb: Token) -> list[Token]:
    """Who a verb is done to: its object, its passive subject, or the noun its participle
    modifies ("there were ten soldiers killed in Ukraine")."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBN":
        found = [verb.head]
    return found


def _state_at(place: Token, reading: Reading, named: bool) -> list[Actor]:
    """The state a place phrase stands for: a place the gazetteer knows, the owner of a settlement
    ("in Kenya's capital") or, with ``named``, an actor read there ("into Kyiv")."""
    entry = reading.places.get(place.i)
    if entry is not None:
        return [Actor(entry.code[:3], entry.name, place.idx, place.idx + len(place), via="place")]
    owners = _settlement_owners(place, reading)
    if owners:
        return [replace(owners[0], via="place")]
    found = [Actor(a.country, a.name, place.idx, place.idx + len(place), via="place") for a in reading.at(place) if a.country] if named else []
    return found[:1]


def _place_about(noun: Token, reading: Reading, depth: int = 3):
    """The first place in a noun's chain of prepositional phrases ("an end to the war in Ukraine"),
    named after "in", "of" or the like; verbs end the chain."""
    for prep in noun.children:
        if prep.dep_ != "prep":
            continue
        for p in prep.children:
            if p.dep_ != "pobj":
                continue
            if p.i in reading.places and prep.lower_ in _LOCATIVE | {"of"}:
                return reading.places[p.i]
            found = _place_about(p, reading, depth - 1) if depth > 1 else None
            if found is not None:
                return found
    return None


def _settlement_owners(place: Token, reading: Reading) -> list[Actor]:
    """The state that owns a settlement named by a common noun: "a mall in Kenya's capital", "in
    the Rwandan capital"."""
    if place.lemma_.lower() not in SETTLEMENT_NOUNS:
        return []
    owners = [a for c in place.children if c.dep_ == "poss" for a in reading.at(c)]
    owners += [a for c in place.children if c.dep_ in ("amod", "compound") for a in reading.modifiers.get(c.i, [])]
    return [a for a in owners if a.country and len(a.code) == 3]


def _phrase_tokens(doc, actor: Actor) -> list[Token]:
    """The left modifiers and head word of the phrase that named an actor ("opposition parties",
    "two suicide bombers")."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return []
    return [*span.root.lefts, span.root]


def _conjunct_heads(token: Token) -> list[Token]:
    heads = []
    while token.dep_ == "conj":
        token = token.head
        heads.append(token)
    return heads


def _claim_target(cand: Candidate, candidates: list[Candidate]) -> Candidate:
    """A claim of responsibility is aimed at whom the claimed act was: "claimed responsibility for
    the rocket attack on Israel"."""
    if cand.target is not None or cand.code != "015":
        return cand
    act = next((o for o in candidates if o.target is not None and claimed_by(o.trigger) == cand.trigger), None)
    return cand if act is None else replace(cand, target=act.target, inherited=True)


def _inherit_parallel_targets(candidates: list[Candidate]) -> list[Candidate]:
    """ "While South Korea has provided aid to Ukraine, it has refrained from furnishing lethal
    weaponry": an event with no target takes the target of an event of the same root and source
    in the same sentence."""
    out = []
    for cand in candidates:
        if cand.target is None:
            # "began a hunger strike to protest against Sweden's decision": the act is aimed at
            # whom its purpose is aimed at.
            governors = (cand.trigger, cand.clause, cand.trigger.head)
            purpose = next(
                (o for o in candidates if o.target is not None and o.source.country == cand.source.country
                 and any(_is_purpose_of(o.trigger, verb) for verb in governors)),
                None,
            )  # fmt: skip
            if purpose is not None:
                cand = replace(cand, target=purpose.target, inherited=True)
        if cand.target is None and not cand.pattern.no_target:
            sibling = next(
                (o for o in candidates if o.target is not None and o.source.country == cand.source.country and _shares_target(cand, o)),
                None,
            )
            if sibling is not None:
                cand = replace(cand, target=sibling.target, inherited=True)
        if cand.target is None:
            # Roles of no named state, last: "police arrested dozens of protesters". One of the
            # doer's own sector could be the doer itself ("will resign as prime minister").
            roles = [r for r in cand.roles if r.sector != cand.source.sector]
            if roles:
                out.extend(replace(cand, target=role) for role in roles)
                continue
        if cand.target is not None or cand.pattern.no_target:
            out.append(cand)
    return out


# Assaults (18), fighting (19) and mass violence (20) are one kind of act for sharing a target
# with the act they are the means of: "an Israeli airstrike killed a Hamas commander" - the strike
# (195) hit whom the killing (186) did.
_VIOLENCE_ROOTS = {"18", "19", "20"}


def _shares_target(cand: Candidate, other: Candidate) -> bool:
    if other.code[:2] == cand.code[:2]:
        return True
    means = other.trigger in (cand.trigger.head, cand.trigger.head.head)
    return means and cand.code[:2] in _VIOLENCE_ROOTS and other.code[:2] in _VIOLENCE_ROOTS


def _is_purpose_of(clause: Token, verb: Token) -> bool:
    """ "staged a strike to protest ...", "a strike to protest ...": an infinitive clause of
    purpose under the verb or noun."""
    return (
        clause.head == verb
        and clause.dep_ in ("advcl", "xcomp", "relcl", "acl")
        and is_infinitive(clause)
        and _subject(clause) is None
    )


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            return child
    if verb.dep_ in ("ccomp", "advcl", "relcl") and any(c.dep_ == "mark" for c in verb.children):
        # "demanded that the Taliban hand over bin Laden": a clause verb that can be a noun, read
        # as one with the subject as its modifier.
        return next((c for c in verb.children if c.dep_ == "compound" and c.i < verb.i), None)
    return None


def _same_name(a: Token, b: Token, reading: Reading) -> bool:
    starts = {actor.start for actor in reading.at(b) if actor.via == "name"}
    return any(actor.start in starts for actor in reading.at(a) if actor.via == "name")


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _phrase_fits(phrase: Phrase, token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma != phrase.head and token.lower_ != phrase.head:
        return False
    modifiers = {c.lemma_.lower() for c in token.children if c.i < token.i} | {c.lower_ for c in token.children if c.i < token.i}
    return all(word in modifiers for word in phrase.extra)
