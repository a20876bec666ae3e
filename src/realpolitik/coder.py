"""The coder: articles in, events and commitments out.

    >>> import realpolitik
    >>> records = realpolitik.code("Russia imposed sanctions on Ukraine.", date="2024-01-01")

``Coder`` holds the spaCy pipeline and the dictionaries; ``Coder.code_articles`` streams many
articles through ``nlp.pipe`` without reloading anything. Each article passes through:
headline normalisation -> spaCy parse -> actor reading (names, dates, coreference) ->
candidate events per sentence -> modality -> records, commitments and provenance.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date as Date

from spacy.tokens import Doc, Span, Token

from realpolitik import __version__
from realpolitik.actors.dictionary import ActorDictionary, Entry, default_dictionary
from realpolitik.actors.names import SETTLEMENT_NOUNS
from realpolitik.actors.resolve import PART_NOUNS, Actor, ActorResolver, Reading, placing_preposition
from realpolitik.events import commitments
from realpolitik.events.extract import Candidate, Extractor
from realpolitik.events.modality import ModalityReader, ModalReading
from realpolitik.events.ontology import ontology
from realpolitik.events.patterns import PatternBook, default_book
from realpolitik.nlp.candidates import CandidateFilter, blank_out
from realpolitik.nlp.pipeline import blank_datelines, load_nlp, normalise_headlines, preset_sentences, segment
from realpolitik.nlp.syntax import is_infinitive
from realpolitik.records import (
    ActorRef,
    Article,
    Commitment,
    Condition,
    Event,
    Location,
    Record,
    SentenceRef,
    Span as TextSpan,
    stable_id,
)

CODER = f"realpolitik {__version__}"
_LOCATION_PREPS = {"in", "at", "during", "near", "from"}
# ... of which these say where a meeting was held ("officials from Iran" came from there).
_MEETING_PREPS = _LOCATION_PREPS - {"from"}
# Generic codes whose specific code depends on the act in their complement (cues.yaml tables).
_CODED_BY_COMPLEMENT = {"130": "threat_codes", "120": "refusal_codes"}


class Coder:
    def __init__(self, dictionary: ActorDictionary | None = None, book: PatternBook | None = None, filtering: bool = True) -> None:
        self.nlp = load_nlp()
        self.dictionary = dictionary or default_dictionary()
        self.book = book or default_book()
        self.resolver = ActorResolver(self.dictionary, self.nlp.vocab)
        self.resolver.build(self.nlp)
        self.extractor = Extractor(self.book)
        self.modality = ModalityReader(self.book)
        self.ontology = ontology()
        self.reporting = self.book.cue("reporting_verbs")
        self.refusals = self.book.cue("refusal_verbs")
        self.schedulers = self.book.cue("schedulers")
        self.defence_pledges = [p.split() for p in self.book.cue("defence_pledges")]
        self.filtering = filtering
        self.filter = CandidateFilter(self.nlp, self.resolver.names, self.book, self.dictionary.sector_nouns, self.dictionary.name_heads)
        self.stats = {"sentences": 0, "parsed": 0}

    # -- public ----------------------------------------------------------------------------

    def code(self, text: str, date: str | None = None, doc_id: str | None = None) -> list[Record]:
        article = Article(id=doc_id or stable_id(text)[:12], text=text, date=date)
        return next(self.code_articles([article]))[1]

    def code_articles(self, articles: Iterable[Article], batch_size: int = 64) -> Iterator[tuple[Article, list[Record]]]:
        def prepared():
            for article in articles:
                doc, spans = self.prepare(article)
                yield doc, (article, spans)

        for doc, (article, spans) in self.nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
            yield article, self.code_doc(doc, article, spans)

    def prepare(self, article: Article) -> tuple[Doc, list[tuple[int, int]]]:
        """Tokenise, fix sentence boundaries and, with filtering on, blank the sentences that
        cannot carry an event so the tagger and parser skip them."""
        text = blank_datelines(normalise_headlines(article.text, self.resolver.is_name_word), self.resolver.is_actor_name)
        doc = self.nlp.make_doc(text)
        spans = segment(doc)
        self.stats["sentences"] += len(spans)
        if self.filtering:
            keep = self.filter.keep(doc, spans)
            self.stats["parsed"] += sum(keep)
            if not all(keep):
                doc = self.nlp.make_doc(blank_out(text, spans, keep))
        else:
            self.stats["parsed"] += len(spans)
        return preset_sentences(doc, {start for start, _ in spans}), spans

    def code_doc(self, doc: Doc, article: Article, spans: list[tuple[int, int]]) -> list[Record]:
        day = Date.fromisoformat(article.date) if article.date else None
        reading = self.resolver.read(doc, day)
        starts = [start for start, _ in spans]
        events: list[Event] = []
        found: list[Commitment] = []
        for sent in doc.sents:
            # The sentence's span is the one holding its first word: a parsed sentence may open
            # with blanks (a double space, a dateline or a dropped sentence turned into spaces).
            first = next((t for t in sent if not t.is_space), None)
            if first is None:
                continue
            index = bisect_right(starts, first.idx) - 1
            if index < 0 or first.idx >= spans[index][1]:
                continue
            sent_events, sent_commitments = self._code_sentence(sent, index, spans[index], reading, article)
            events.extend(sent_events)
            found.extend(sent_commitments)
        unique_commitments = {c.id: c for c in found}
        return [*_dedupe(events), *unique_commitments.values()]

    # -- one sentence ----------------------------------------------------------------------

    def _code_sentence(self, sent: Span, index: int, span: tuple[int, int], reading: Reading, article: Article) -> tuple[list[Event], list[Commitment]]:
        text = article.text
        start, end = span
        raw = text[start:end]
        start += len(raw) - len(raw.lstrip())
        end -= len(raw) - len(raw.rstrip())
        sentence = SentenceRef(index=index, text=text[start:end], start=start, end=end)
        candidates = self._named_by_complement(self.extractor.candidates(sent, reading))
        used = {c.source.start for c in candidates} | {c.target.start for c in candidates if c.target}
        made: list[tuple[Candidate, ModalReading, Event]] = []
        for cand in candidates:
            modal = self.modality.read(cand.trigger, cand.clause)
            location = self._location(cand.clause, reading, used)
            made.append((cand, modal, self._event(cand, modal.modality, sentence, article, location)))
            visit = self._visit(cand, reading, used)
            if visit is not None:
                made.append((visit, modal, self._event(visit, modal.modality, sentence, article, location)))
            derived = self._cameo_reading(cand, modal, reading)
            if derived is not None:
                made.append((derived, ModalReading("asserted"), self._event(derived, "asserted", sentence, article, location)))
        events: list[Event] = []
        commitments_found: list[Commitment] = []
        for cand, modal, event in made:
            if modal.modality == "conditional" and modal.condition is not None:
                condition_event = _first_within(made, modal.condition, exclude=cand)
                if condition_event is not None:
                    event = replace(event, condition=_as_condition(condition_event, text, modal.condition))
                    commitment = commitments.from_conditional(event, condition_event)
                    if commitment:
                        commitments_found.append(commitment)
                else:
                    event = replace(event, condition=Condition(None, None, "", _clause_text(modal.condition, text)))
                # "would halt its mediation if cooperation founders": a threat, whatever the condition.
                threat = self._threat_speech_act(cand, event, sentence, article, reading, used)
                if threat is not None:
                    events.append(threat)
            events.append(event)
        commitments_found.extend(self._defence_pacts(sent, sentence, reading, candidates, article))
        return events, commitments_found

    def _named_by_complement(self, candidates: list[Candidate]) -> list[Candidate]:
        """ "threatened to break off relations with Congo", "refused to send troops": a generic
        threat or refusal takes its CAMEO code from what is threatened or refused (1313, 122)."""
        by_trigger = {c.trigger.i: c for c in candidates}
        out = []
        for cand in candidates:
            complements = [c for c in cand.trigger.children if c.dep_ == "xcomp"]
            # The parser often hangs "to fight" on "sworn" as an adverbial clause; a stance takes
            # its act after a preposition ("committed to opening up the economy").
            infinitives = complements + [c for c in cand.trigger.children if c.dep_ == "advcl" and is_infinitive(c)]
            infinitives += [p for c in cand.trigger.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pcomp"]
            # "The government and the rebels agreed to allow access": an agreement between the
            # doers themselves is an act of its own.
            mutual = cand.pattern.reciprocal and cand.target is not None and any(
                o.trigger.i == cand.trigger.i and o.source.code == cand.target.code for o in candidates
            )
            if cand.pattern.yields_to_complement and not mutual and any(self.extractor.is_trigger_verb(c, candidates) for c in infinitives):
                continue  # "vowed to fight": the act has a code of its own, even without a target
            if cand.code.startswith("12") and self.modality.excludes(cand.trigger):
                continue  # "refused to rule out military action" rejects nothing
            table = _CODED_BY_COMPLEMENT.get(cand.code)
            embedded = next((by_trigger[c.i] for c in complements if c.i in by_trigger), None)
            if table is not None and embedded is not None:
                cand = replace(cand, code=self.book.mapped_code(table, embedded.code) or cand.code)
            out.append(cand)
        return out

    def _cameo_reading(self, cand: Candidate, modal, reading: Reading) -> Candidate | None:
        """CAMEO codes some modalities as events of their own: a refused act is a REJECT (12x),
        a pledged or planned cooperative act an "express intent" (03x). The modal event stays
        too, so both readings are in the data. A refusal or an intent is its holder's alone:
        "refused to visit France" is no refusal by France, "Ukraine refused to renew the agreement
        with Gazprom" none by Gazprom, "Iran proposed to hold talks with the US" no intent of the
        US - but a planned visit is planned by its host too, as the CAMEO manual codes it."""
        mirror = cand.code == cand.pattern.inverse
        governor = _governor_with_lemma(cand.clause, modal.cue)
        if modal.cue is not None and governor is None and cand.clause.lemma_.lower() == modal.cue:
            governor = cand.clause  # "proposed talks": the light verb holds the intent itself
        holders = self.extractor.sources_of(governor, reading)[0] if governor is not None else []
        if holders and cand.source.code not in {h.code for h in holders}:
            return None
        if modal.modality == "negated" and not mirror and (modal.cue in self.refusals or _is_future_negation(cand.clause, modal.cue)):
            code = self.book.mapped_code("refusal_codes", cand.code)
        elif modal.modality == "intended" and modal.cue not in self.schedulers:
            code = self.book.mapped_code("intent_codes", cand.code)
        else:
            return None
        if code is None or code == cand.code:
            return None
        anchor = governor or cand.trigger
        return replace(cand, code=code, trigger=anchor, clause=anchor)

    def _event(self, cand: Candidate, modality: str, sentence: SentenceRef, article: Article, location: Location | None) -> Event:
        code = cand.code
        source = _actor_ref(cand.source, article.text, self.dictionary)
        target = _actor_ref(cand.target, article.text, self.dictionary) if cand.target else None
        trigger = cand.trigger
        confidence = 0.9
        if cand.inherited:
            confidence -= 0.1
        for actor in (cand.source, cand.target):
            if actor is not None and actor.via in ("coref", "unattributed"):
                confidence -= 0.1
        return Event(
            id=stable_id(article.id, sentence.index, source.code, target.code if target else None, code, modality, trigger.idx),
            doc_id=article.id,
            date=article.date,
            source=source,
            target=target,
            cameo=code,
            root=code[:2],
            quad_class=self.ontology.describe(code).quad_class,
            goldstein=self.ontology.goldstein(code),
            plover=self.ontology.plover(code),
            modality=modality,
            condition=None,
            location=location,
            sentence=sentence,
            trigger=TextSpan(article.text[trigger.idx : trigger.idx + len(trigger)], trigger.idx, trigger.idx + len(trigger)),
            confidence=round(confidence, 2),
            coder=CODER,
        )

    def _threat_speech_act(self, cand: Candidate, event: Event, sentence: SentenceRef, article: Article, reading: Reading, used: set[int]) -> Event | None:
        """Stating a conditional hostile act is itself a threat, asserted now: "Moscow would take
        actions ... if it proceeds" -> the speaker THREATENS the target."""
        if event.quad_class < 3 or event.target is None:
            return None
        speaker_verb = _reporting_head(cand.clause, self.reporting)
        anchor = speaker_verb or cand.clause
        source = cand.source
        if speaker_verb is not None:
            speakers, _ = self.extractor.sources_of(speaker_verb, reading)
            same = [s for s in speakers if s.country == cand.source.country]
            source = same[0] if same else source
        threat = Candidate(anchor, anchor, cand.pattern, "130", source, cand.target, cand.inherited)
        return self._event(threat, "asserted", sentence, article, self._location(anchor, reading, used))

    def _defence_pacts(self, sent: Span, sentence: SentenceRef, reading: Reading, candidates, article) -> list[Commitment]:
        words = [t.lower_ for t in sent]
        pledged = any(words[i : i + len(p)] == p for p in self.defence_pledges for i in range(len(words)))
        if not pledged:
            return []
        groups = [reading.pacts[t.i] for t in sent if t.i in reading.pacts]
        for cand in candidates:
            if cand.code.startswith("057") and cand.target is not None:
                groups.append([cand.source.country or cand.source.code, cand.target.country or cand.target.code])
        out = []
        for parties in groups:
            if len(set(parties)) >= 2:
                out.append(commitments.mutual_defense(parties, article.id, article.date, sentence, 0.8))
        return out

    def _location(self, clause: Token, reading: Reading, used: set[int]) -> Location | None:
        """Where the event's clause says it happened ("During a press briefing in Vietnam, Putin
        asserted ..."): places in its "in/at/during" phrases, or in those of the verbs it is
        coordinated with or reported by."""
        token = clause
        while True:
            for _, entry in _places_of(token, reading, used, _LOCATION_PREPS):
                return Location(name=entry.name, country=entry.code[:3])
            if token.dep_ not in ("conj", "xcomp", "ccomp") or token.head == token:
                return None
            token = token.head

    def _visit(self, cand: Candidate, reading: Reading, used: set[int]) -> Candidate | None:
        """ "the Japanese and Indian ministers met in Geneva", "held talks in Doha": meeting in
        another state is visiting it (042, "travel to another location for a meeting"). Only the
        meeting's own place counts, not where it was announced or what it was about ("met in an
        effort to secure a ceasefire in Gaza")."""
        if not cand.source.country or not self.book.code_listed("meeting_codes", cand.code):
            return None
        for token in dict.fromkeys((cand.trigger, cand.clause)):
            for place, entry in _places_of(token, reading, used, _MEETING_PREPS):
                if entry.code[:3] == cand.source.country or _through_clause(place, token):
                    continue
                host = Actor(entry.code[:3], entry.name, place.idx, place.idx + len(place), via="place")
                return replace(cand, code="042", target=host)
        return None


def _through_clause(place: Token, token: Token) -> bool:
    """Does a verb stand between a place and the word whose phrase holds it?"""
    for ancestor in place.ancestors:
        if ancestor == token:
            return False
        if ancestor.pos_ in ("VERB", "AUX"):
            return True
    return False


def _places_of(token: Token, reading: Reading, used: set[int], preps: set[str]) -> Iterator[tuple[Token, Entry]]:
    """The places in a word's own location phrases ("met in Geneva", "talks at the UN in Geneva")."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for place in prep.subtree:
                entry = reading.places.get(place.i)
                if entry is not None and place.idx not in used and _is_placed(place):
                    yield place, entry


def _is_placed(place: Token) -> bool:
    """ "in Moscow", "in the town of Samarra", "in the east of Ukraine" """
    prep = placing_preposition(place, SETTLEMENT_NOUNS | PART_NOUNS)
    return prep is not None and prep.lower_ in _LOCATION_PREPS


def _is_future_negation(verb: Token, cue: str | None) -> bool:
    """ "would not provide", "will never accept": a refusal, not a report that it did not happen."""
    return cue in ("not", "n't", "never") and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "'ll") for c in verb.children)


def _governor_with_lemma(token: Token, lemma: str | None) -> Token | None:
    while lemma and token.head != token:
        token = token.head
        if token.lemma_.lower() == lemma:
            return token
    return None


def _reporting_head(clause: Token, reporting: set[str]) -> Token | None:
    token = clause
    while token.dep_ in ("ccomp", "conj", "xcomp") and token.head != token:
        token = token.head
        if token.lemma_.lower() in reporting:
            return token
    return None


def _first_within(made: list[tuple[Candidate, ModalReading, Event]], clause: Token, exclude: Candidate) -> Event | None:
    lo, hi = clause.left_edge.i, clause.right_edge.i
    for cand, _, event in made:
        if cand is not exclude and lo <= cand.trigger.i <= hi:
            return event
    return None


def _clause_text(clause: Token, text: str) -> str:
    doc = clause.doc
    start = doc[clause.left_edge.i].idx
    end = doc[clause.right_edge.i].idx + len(doc[clause.right_edge.i])
    return text[start:end]


def _as_condition(event: Event, text: str, clause: Token) -> Condition:
    return Condition(source=event.source, target=event.target, cameo=event.cameo, text=_clause_text(clause, text))


def _actor_ref(actor: Actor, text: str, dictionary: ActorDictionary) -> ActorRef:
    name = actor.name
    if actor.country and (name is None or actor.via == "sector"):
        name = dictionary.country_name(actor.country)
    return ActorRef(
        code=actor.code,
        country=actor.country,
        sector=actor.sector,
        name=name,
        text=text[actor.start : actor.end],
        start=actor.start,
        end=actor.end,
    )


def _dedupe(events: list[Event]) -> list[Event]:
    seen: dict[str, Event] = {}
    for event in events:
        seen.setdefault(event.id, event)
    return list(seen.values())


_default: Coder | None = None


def default_coder() -> Coder:
    global _default
    if _default is None:
        _default = Coder()
    return _default


def code(text: str, date: str | None = None, doc_id: str | None = None) -> list[Record]:
    """Code one text: events first, then commitments."""
    return default_coder().code(text, date=date, doc_id=doc_id)
