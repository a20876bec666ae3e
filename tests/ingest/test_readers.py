"""Readers: every input format on small generated files, and every way an input can be bad.

Each reader yields ``Article`` records; a bad file is one ``Problem`` naming the path and the
reason; a bad record inside a stream (JSONL line, CSV row, feed entry) is a ``Problem`` naming
its line, and the rest is still read.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from realpolitik.ingest.readers import Entry, detect_format, discover, parse_date, read_file, read_inputs
from realpolitik.ingest.text import InputError, Problem
from realpolitik.records import Article

SANCTIONS = "Russia imposed sanctions on Ukraine on Monday, the foreign ministry said."
TALKS = "China and Japan held talks in Beijing about trade."


def items(path: Path) -> list[Article | Problem]:
    return [e.item for e in read_file(path)]


def articles(path: Path) -> list[Article]:
    found = items(path)
    assert all(isinstance(i, Article) for i in found), found
    return found


def problems(path: Path) -> list[str]:
    return [i.message for i in items(path) if isinstance(i, Problem)]


# ---------------------------------------------------------------------------- formats


def test_plain_text_is_one_article_without_a_date(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(f"{SANCTIONS}\n{TALKS}\n")
    [article] = articles(path)
    assert article.text.startswith(SANCTIONS) and article.date is None
    assert article.id.startswith("story-")  # name + content hash: stable, and unique per text
    other = tmp_path / "sub"
    other.mkdir()
    (other / "story.txt").write_text("Different text about Iran and Iraq holding talks.\n")
    assert articles(other / "story.txt")[0].id != article.id
    (other / "copy.txt").write_text(f"{SANCTIONS}\n{TALKS}\n")
    assert articles(other / "copy.txt")[0].id != article.id  # another name: another id (exact duplicate later)


HTML = """<!DOCTYPE html><html><head><title>Russia sanctions Ukraine | World News</title>
<meta property="og:site_name" content="World News">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://news.example.com/russia-sanctions"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Russia sanctions Ukraine</h1>
<p>Russia imposed sanctions on Ukraine on Monday, the foreign ministry said in a statement.</p>
<p>China and Japan held talks in Beijing about the crisis in the region, officials said.</p>
</article><footer>Copyright 2024 World News. All rights reserved.</footer></body></html>"""


def test_html_gives_main_text_title_date_site_and_url(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML)
    [article] = articles(path)
    assert "Russia imposed sanctions on Ukraine on Monday" in article.text
    assert "Copyright" not in article.text and "Home" not in article.text
    assert article.date == "2024-03-05"
    assert article.title.startswith("Russia sanctions Ukraine")
    assert article.url == "https://news.example.com/russia-sanctions"
    assert article.source == "World News"


def test_html_without_a_date_has_none(tmp_path):
    path = tmp_path / "nodate.htm"
    path.write_text(f"<html><body><p>{SANCTIONS}</p><p>{TALKS}</p></body></html>")
    [article] = articles(path)
    assert article.date is None and SANCTIONS in article.text


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire Feed</title><link>https://wire.example.com/</link>
<item><title>Sanctions</title><link>https://wire.example.com/1</link><guid>wire-1</guid>
<pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Russia imposed sanctions on &lt;b&gt;Ukraine&lt;/b&gt; on Monday.&lt;/p&gt;</description></item>
<item><title>Talks</title><link>https://wire.example.com/2</link>
<description>China and Japan held talks in Beijing.</description></item>
<item><title>Empty</title><link>https://wire.example.com/3</link><description></description></item>
</channel></rss>"""


def test_rss_entries_are_articles(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(RSS)
    found = items(path)
    first, second = found[0], found[1]
    assert first.id == "wire-1" and first.text == "Russia imposed sanctions on Ukraine on Monday."
    assert first.date == "2024-03-04" and first.title == "Sanctions" and first.url == "https://wire.example.com/1"
    assert first.source == "Wire Feed"
    assert second.id == "https://wire.example.com/2" and second.date is None  # no id: the link; no date: unknown
    assert isinstance(found[2], Problem) and "entry 3" in found[2].message and "no text" in found[2].message


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><id>urn:atom-news</id>
<updated>2024-05-02T12:00:00Z</updated>
<entry><title>Threat</title><id>urn:atom-news:1</id><link href="https://atom.example.com/1"/>
<updated>2024-05-02T12:00:00Z</updated><published>2024-05-01T08:00:00Z</published>
<content type="html">&lt;p&gt;North Korea threatened South Korea with military action.&lt;/p&gt;&lt;p&gt;Seoul protested.&lt;/p&gt;</content>
</entry></feed>"""


def test_atom_entries_are_articles(tmp_path):
    path = tmp_path / "news.atom"
    path.write_text(ATOM)
    [article] = articles(path)
    assert article.id == "urn:atom-news:1" and article.date == "2024-05-01"
    assert article.text == "North Korea threatened South Korea with military action.\nSeoul protested."
    assert article.source == "Atom News" and article.url == "https://atom.example.com/1"


def test_a_feed_is_found_by_sniffing_without_an_extension(tmp_path):
    path = tmp_path / "feed"
    path.write_text(RSS)
    assert detect_format(path, path.read_bytes()[:4096]) == "feed"
    assert len(articles_and_problems := items(path)) == 3 and isinstance(articles_and_problems[0], Article)


def test_jsonl_reads_records_and_reports_bad_lines(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"id": "j1", "text": SANCTIONS, "date": "2024-06-20T10:00:00Z", "title": "T", "url": "https://www.example.org/a"}),
        "{not json",
        json.dumps({"id": "j3", "date": "2024-06-21"}),
        "",
        json.dumps({"text": TALKS, "sources": [{"outlet": "Al Jazeera", "url": "https://aljazeera.com/x"}]}),
        json.dumps({"id": 7, "text": TALKS, "date": "someday"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    found = items(path)
    assert [type(i).__name__ for i in found] == ["Article", "Problem", "Problem", "Article", "Problem"]
    assert found[0].id == "j1" and found[0].date == "2024-06-20" and found[0].source == "example.org"
    assert "news.jsonl:2" in found[1].message and "malformed JSON" in found[1].message
    assert "news.jsonl:3" in found[2].message and "text" in found[2].message
    assert found[3].source == "Al Jazeera" and len(found[3].id) == 16  # no id: a hash of the text
    assert "news.jsonl:6" in found[4].message and "bad date" in found[4].message


def test_a_json_array_is_refused_with_a_hint(tmp_path):
    path = tmp_path / "array.json"
    path.write_text(json.dumps([{"id": "a", "text": SANCTIONS}]))
    [message] = problems(path)
    assert "JSON array" in message and "jq -c" in message


def test_csv_with_a_text_column(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(
        "ID,Headline,Body,Published,Outlet\n"
        f'c1,Sanctions,"{SANCTIONS}",2024-01-02,Reuters\n'
        f'c2,Talks,"{TALKS}\nA second line, quoted.",2 January 2024,\n'
        "c3,Nothing,,2024-01-03,AP\n"
        "c4,Too,many,fields,here,oops\n"
    )
    found = items(path)
    assert [type(i).__name__ for i in found] == ["Article", "Article", "Problem", "Problem"]
    assert found[0].id == "c1" and found[0].title == "Sanctions" and found[0].date == "2024-01-02" and found[0].source == "Reuters"
    assert found[1].text.endswith("A second line, quoted.") and found[1].date == "2024-01-02"
    assert "empty text" in found[2].message and "news.csv:5" in found[2].message  # c2 spans lines 3-4
    assert "fields" in found[3].message


def test_tsv_and_semicolons(tmp_path):
    tsv = tmp_path / "news.tsv"
    tsv.write_text(f"id\ttext\nt1\t{SANCTIONS}\n")
    assert articles(tsv)[0].id == "t1"
    semi = tmp_path / "semi.csv"
    semi.write_text(f"id;text;date\ns1;{TALKS};2024-02-02\n")
    assert articles(semi)[0].date == "2024-02-02"


def test_csv_without_a_text_column_names_its_columns(tmp_path):
    path = tmp_path / "nocol.csv"
    path.write_text("id,headline\n1,Something\n")
    [message] = problems(path)
    assert "no text column" in message and "headline" in message


# ---------------------------------------------------------------------------- bad files


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", b"abc\x00\x01\x02def" * 10, "binary data"),
        ("image.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "PNG image"),
        ("doc.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        ("latin1.txt", "Caf\u00e9 au lait in Paris with Russia.".encode("latin-1"), "not valid UTF-8"),
        ("broken.rss", RSS[: len(RSS) // 2].encode(), "malformed feed"),
        ("plain.xml", b"<?xml version='1.0'?><config><a>1</a></config>", "not an RSS or Atom feed"),
        ("empty.html", b"<html><body></body></html>", "no article text"),
        ("broken.html", b"<<<>>> </p></div><div", "no article text"),
        ("empty.csv", b"", "empty file"),
    ],
)
def test_a_bad_file_is_one_problem_naming_path_and_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    [item] = items(path)
    assert isinstance(item, Problem)
    assert str(path) in item.message and reason in item.message and "\n" not in item.message


def test_an_unreadable_file(tmp_path):
    import os

    path = tmp_path / "secret.txt"
    path.write_text(SANCTIONS)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # running as root: permissions do not apply
            pytest.skip("file permissions are not enforced for this user")
        [item] = items(path)
        assert isinstance(item, Problem) and "cannot read" in item.message
    finally:
        path.chmod(0o644)


# ---------------------------------------------------------------------------- finding files


def test_folders_are_read_recursively_in_a_stable_order_and_skip_other_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "2.txt").write_text(TALKS)
    (tmp_path / "a" / "1.txt").write_text(SANCTIONS)
    (tmp_path / "b" / "x.jsonl").write_text(json.dumps({"id": "x", "text": TALKS}) + "\n")
    (tmp_path / "b" / "picture.jpg").write_bytes(b"\xff\xd8\xff" + b"\x00" * 10)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "h.txt").write_text(SANCTIONS)
    (tmp_path / "README").write_text(TALKS)  # no extension: read (sniffed as text)
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])]
    assert found == ["README", "a/1.txt", "a/2.txt", "b/x.jsonl"]


def test_globs_missing_paths_and_repeats(tmp_path):
    for name in ("one.txt", "two.txt", "three.md"):
        (tmp_path / name).write_text(SANCTIONS)
    found = list(discover([str(tmp_path / "*.txt"), str(tmp_path / "one.txt"), str(tmp_path / "nothing-*.txt"), str(tmp_path / "gone.txt")]))
    paths = [p.name for p in found if isinstance(p, Path)]
    messages = [p.message for p in found if isinstance(p, Problem)]
    assert paths == ["one.txt", "two.txt"]  # one.txt given twice, read once
    assert any("no files match" in m for m in messages) and any("no such file" in m for m in messages)


def test_the_stream_reports_bytes_for_progress(tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"id": f"n{i}", "text": f"{SANCTIONS} Number {i}."}) + "\n" for i in range(50)))
    (tmp_path / "one.txt").write_text(TALKS)
    total, stream = read_inputs([tmp_path])
    entries: list[Entry] = list(stream)
    assert total == path.stat().st_size + len(TALKS)
    done = [e.done_bytes for e in entries]
    assert done == sorted(done) and done[-1] == total and len(entries) == 51


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-06-20", "2024-06-20"),
        ("2024-06-20T23:59:00+02:00", "2024-06-20"),
        ("Thu, 20 Jun 2024 10:00:00 GMT", "2024-06-20"),
        ("20 June 2024", "2024-06-20"),
        ("June 20, 2024", "2024-06-20"),
        ("", None),
        (None, None),
    ],
)
def test_dates(value, expected):
    assert parse_date(value, "x") == expected


def test_a_bad_date_is_an_error():
    with pytest.raises(InputError, match="bad date"):
        parse_date("the day after", "x")
