"""Every sentence is coded once, and each event points at the sentence that holds its trigger,
whatever whitespace or dropped sentences come before it."""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Russia attacked Ukraine.  China criticized Japan.",
        "Russia attacked Ukraine. The weather was fine in Paris.  China criticized Japan.",
        "MOSCOW (Reuters) - Russia attacked Ukraine.\n\n  China criticized Japan.",
    ],
)
def test_each_event_points_at_the_sentence_of_its_trigger(code, text):
    events, _ = code(text)
    assert {(e.source.code, e.target.code) for e in events} == {("RUS", "UKR"), ("CHN", "JPN")}
    for event in events:
        assert event.sentence.start <= event.trigger.start < event.trigger.end <= event.sentence.end
        assert text[event.sentence.start : event.sentence.end] == event.sentence.text
