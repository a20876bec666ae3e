import pytest

from realpolitik.coder import Coder
from realpolitik.records import Commitment, Event


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder()


@pytest.fixture(scope="session")
def code(coder):
    """Code a text and return (events, commitments)."""

    def run(text: str, date: str | None = "2024-06-20"):
        records = coder.code(text, date=date, doc_id="test")
        return [r for r in records if isinstance(r, Event)], [r for r in records if isinstance(r, Commitment)]

    return run


def triples(events, modality=None):
    """(source, cameo root, target) of each event, optionally of one modality."""
    return {
        (e.source.code, e.root, e.target.code if e.target else None)
        for e in events
        if modality is None or e.modality == modality
    }
