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
