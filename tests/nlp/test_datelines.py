"""Wire datelines say where a story was filed; glued to the first sentence they would be parsed
as part of it."""

import pytest

from factories import triples
from realpolitik.nlp.pipeline import blank_datelines


def _no_actor_names(surface: str) -> bool:
    return surface in {"NATO", "UK", "US"}


@pytest.mark.parametrize(
    ("text", "story"),
    [
        ("GAZA CITY, Palestinian Territories: Four children were killed.", "Four children were killed."),
        ("LYON: Interpol said it will send a team.", "Interpol said it will send a team."),
        ("WASHINGTON (Reuters) - The US said.", "The US said."),
        ("MOSCOW, June 20 (AP) — Putin warned.", "Putin warned."),
    ],
)
def test_datelines_become_spaces_of_the_same_length(text, story):
    blanked = blank_datelines(text, _no_actor_names)
    assert len(blanked) == len(text)
    assert blanked.lstrip() == story


@pytest.mark.parametrize("text", ["NATO: Russia must withdraw.", "UK - EU talks resume.", "The UN said: no.", "Russia: the view from Moscow"])
def test_an_actor_or_a_sentence_opening_a_line_is_kept(text):
    assert blank_datelines(text, _no_actor_names) == text


def test_a_dateline_is_no_actor_of_the_first_sentence(code):
    events, _ = code("MOSCOW (Reuters) - Russian troops attacked Ukraine.")
    assert triples(events) == {("RUSMIL", "19", "UKR")}
