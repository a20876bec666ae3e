"""realpolitik: news text to coded political events with actors, modality, commitments, provenance."""

__version__ = "0.1.0"


def code(text, date=None, doc_id=None):
    """Code one text into events and commitments (see ``realpolitik.coder.code``)."""
    from realpolitik.coder import code as _code

    return _code(text, date=date, doc_id=doc_id)


__all__ = ["code", "__version__"]
