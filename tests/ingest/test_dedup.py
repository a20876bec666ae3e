"""Duplicates: exact copies by content hash, near copies (wire copies with small edits) by
MinHash-LSH over word 3-shingles, with an index that lives in the store across runs.
"""

from __future__ import annotations

from realpolitik.ingest import dedup
from realpolitik.ingest.dedup import Deduplicator, content_hash, same_names, signature, similarity
from realpolitik.records import Article
from realpolitik.store import Store, StoredArticle

WIRE = (
    "Russia imposed new sanctions on Ukraine on Monday, the foreign ministry in Moscow said in a statement. "
    "The measures target banks and energy companies, officials said. China and Japan held talks in Beijing "
    "on Tuesday about the crisis, and the United States accused Russia of escalating the conflict."
)
# The same story re-published with a few words changed.
COPY = WIRE.replace("Monday", "Tuesday").replace("banks", "lenders").replace("officials said", "officials added")
OTHER = (
    "Floods in southern Brazil forced thousands of people from their homes over the weekend, and the "
    "regional government asked the army for boats and helicopters to reach villages cut off by the water."
)


def test_content_hash_ignores_case_spacing_and_punctuation():
    assert content_hash("Russia  imposed sanctions.\n") == content_hash("russia imposed sanctions")
    assert content_hash("Russia imposed sanctions") != content_hash("Russia lifted sanctions")


def test_a_wire_copy_is_similar_and_another_story_is_not():
    a, b, c = signature(WIRE), signature(COPY), signature(OTHER)
    assert similarity(a.hashvalues, b.hashvalues) >= dedup.THRESHOLD
    assert similarity(a.hashvalues, c.hashvalues) < 0.2
    assert set(a.bands) & set(b.bands)  # an LSH candidate
    assert signature("Too short to call a copy.") is None


def test_signatures_are_the_same_on_every_run():
    assert signature(WIRE).to_bytes() == signature(WIRE).to_bytes()
    assert dedup.from_bytes(signature(WIRE).to_bytes()).tolist() == signature(WIRE).hashvalues.tolist()


def test_a_copy_must_name_the_same_actors():
    assert same_names(WIRE, COPY)
    short = "Russia imposed sanctions on Ukraine on Monday, the ministry said in a statement released in Moscow."
    assert not same_names(short, short.replace("Ukraine", "Belarus"))


def stored_article(article: Article) -> StoredArticle:
    sig = signature(article.text)
    return StoredArticle(article, content_hash(article.text), "article", minhash=sig.to_bytes() if sig else None, bands=list(sig.bands) if sig else [])


def test_classify_against_the_store_and_within_the_batch(tmp_path):
    with Store(tmp_path / "d.duckdb") as store:
        finder = Deduplicator(store)
        finder.ensure_index()
        store.write_articles([stored_article(Article("wire-1", WIRE))])
        swapped = "Russia imposed sanctions on Ukraine on Monday, the ministry said in a statement released in Moscow today."
        verdicts = finder.classify(
            [
                Article("wire-1", WIRE),  # the same id and text: already stored
                Article("wire-1", OTHER),  # the same id, another text: a conflict
                Article("copy-1", COPY),  # near copy of a stored article
                Article("exact-1", WIRE + "  "),  # exact copy (whitespace only)
                Article("other-1", OTHER),  # a new story
                Article("other-2", OTHER.replace("boats", "small boats")),  # near copy of one earlier in the batch
                Article("short-1", swapped),
                Article("short-2", swapped.replace("Ukraine", "Belarus")),  # same words, another target: not a copy
            ]
        )
    status = [(v.article.id, v.status, v.duplicate_of) for v in verdicts]
    assert status == [
        ("wire-1", "stored", None),
        ("wire-1", "conflict", None),
        ("copy-1", "near", "wire-1"),
        ("exact-1", "exact", "wire-1"),
        ("other-1", "new", None),
        ("other-2", "near", "other-1"),
        ("short-1", "new", None),
        ("short-2", "new", None),
    ]
    assert 0.6 <= verdicts[2].similarity < 1


def test_a_copy_of_a_copy_links_to_the_first_copy(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        finder = Deduplicator(store)
        finder.ensure_index()
        store.write_articles([stored_article(Article("first", WIRE))])
        [v] = finder.classify([Article("second", COPY)])
        item = stored_article(Article("second", COPY))
        item.duplicate_of, item.duplicate_kind = v.duplicate_of, v.status
        store.write_articles([item])
        third = COPY.replace("statement", "written statement")
        [v] = finder.classify([Article("third", third)])
    assert v.status == "near" and v.duplicate_of == "first"


def test_the_index_is_rebuilt_from_the_store(tmp_path):
    path = tmp_path / "r.duckdb"
    with Store(path) as store:
        Deduplicator(store).ensure_index()
        store.write_articles([stored_article(Article("first", WIRE)), stored_article(Article("other", OTHER))])
        store._con.execute("DELETE FROM lsh_bands")  # lose the index
        assert Deduplicator(store).classify([Article("copy", COPY)])[0].status == "new"
        assert dedup.rebuild_index(store) == 2
        assert Deduplicator(store).classify([Article("copy", COPY)])[0].status == "near"
    with Store(path) as store:  # and across runs: a new process finds it in the store
        store.set_meta("lsh_bands", "0")  # parameters that differ from the code's trigger a rebuild
        finder = Deduplicator(store)
        assert finder.ensure_index() is True
        assert finder.classify([Article("copy", COPY)])[0].duplicate_of == "first"


def test_copies_must_be_published_within_days_of_each_other(tmp_path):
    daily = "At least 40 Palestinians are killed in Israeli attacks across the Gaza Strip, health officials say."
    with Store(tmp_path / "w.duckdb") as store:
        finder = Deduplicator(store)
        finder.ensure_index()
        store.write_articles([stored_article(Article("day-1", daily, "2025-03-01")), stored_article(Article("wire", WIRE, "2025-03-01"))])
        verdicts = finder.classify(
            [
                Article("day-2", daily, "2025-03-02"),  # the next day: a copy
                Article("day-30", daily, "2025-03-30"),  # a month later: the same words, another event
                Article("day-31", daily.replace("health officials say", "officials said"), "2025-03-31"),  # ... and a copy of that one
                Article("undated", daily),  # no date: matches any
                Article("wire-late", COPY, "2025-04-15"),  # a near copy weeks later: new
            ]
        )
    assert [(v.article.id, v.status, v.duplicate_of) for v in verdicts] == [
        ("day-2", "exact", "day-1"),
        ("day-30", "new", None),
        ("day-31", "near", "day-30"),
        ("undated", "exact", "day-1"),
        ("wire-late", "new", None),
    ]


def test_a_copy_must_give_the_same_figures():
    a = "At least 91 Palestinians are killed in Israeli attacks across the Gaza Strip, officials say."
    assert not same_names(a, a.replace("91", "60"))
    assert same_names(WIRE, WIRE.replace("officials said", "officials added"))
