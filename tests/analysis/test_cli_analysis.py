"""The analysis commands (dyad, graph, whatif, alerts, alliances) over a small store.

The store is written through ``realpolitik.store.Store`` with hand-built events: a quiet spring
between Russia and South Korea, then a week of Russian hostility in June 2024; steady US-Japan
cooperation; and the seed article's commitments.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

import networkx as nx
import pytest
from typer.testing import CliRunner

store_module = pytest.importorskip("realpolitik.store", reason="the event store (realpolitik.store) is not built yet")

from realpolitik.cli import app  # noqa: E402
from realpolitik.events.ontology import ontology  # noqa: E402
from realpolitik.records import (  # noqa: E402
    ActorRef,
    Article,
    Commitment,
    Event,
    Pattern,
    SentenceRef,
    Span,
    stable_id,
)

runner = CliRunner()


def actor(code):
    country = None if code.startswith("IGO") else code[:3]
    return ActorRef(code=code, country=country, sector=code[3:] or None, name=None, text=code, start=0, end=len(code))


def event(doc, day, i, src, cameo, tgt, modality="asserted"):
    onto = ontology()
    return Event(
        id=stable_id(doc, i, src, tgt, cameo, modality), doc_id=doc, date=day, source=actor(src), target=actor(tgt),
        cameo=cameo, root=cameo[:2], quad_class=onto.describe(cameo).quad_class, goldstein=onto.goldstein(cameo),
        plover=onto.plover(cameo), modality=modality, condition=None, location=None,
        sentence=SentenceRef(i, f"{src} {cameo} {tgt}", 0, 10), trigger=Span("x", 0, 1), confidence=0.9, coder="test",
    )  # fmt: skip


SEED_SENTENCE = SentenceRef(3, "Putin asserted that Moscow would take actions that may displease South Korea's leadership "
                               "if it proceeds with supplying arms to Kyiv.", 0, 120)  # fmt: skip
COMMITMENTS = [
    Commitment("threat", "seed-article", "2024-06-20", "conditional_threat", ["RUS"], Pattern("KOR", "UKR", "072", ["07"]),
               Pattern("RUS", "KOR", "170", ["17"]), SEED_SENTENCE, 0.8),
    Commitment("pact", "seed-article", "2024-06-20", "mutual_defense", ["PRK", "RUS"],
               Pattern(None, None, None, ["18", "19", "20"], against_party=True), Pattern(None, None, "072", ["07", "19"]),
               SentenceRef(2, "a newly formed pact between Russia and North Korea, which vowed mutual defence", 0, 80), 0.8),
]  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from realpolitik.store import Store, StoredArticle

    path = tmp_path_factory.mktemp("store") / "test.duckdb"
    items = []
    day = date(2024, 3, 2)
    n = 0
    while day <= date(2024, 6, 20):
        doc = f"doc-{day.isoformat()}"
        hostile = day >= date(2024, 6, 14)
        records = [
            event(doc, day.isoformat(), 0, "RUSGOV", "130" if hostile else "040", "KORGOV"),
            event(doc, day.isoformat(), 1, "USAGOV", "057", "JPNGOV"),
            event(doc, day.isoformat(), 2, "RUSGOV", "057", "PRKGOV"),
            event(doc, day.isoformat(), 3, "RUS", "190", "KOR", "hypothetical"),
        ]
        if day == date(2024, 6, 20):
            records += COMMITMENTS
        items.append(StoredArticle(Article(id=doc, text=f"article {n}", date=day.isoformat()), content_hash=f"h{n}",
                                   date_source="article", records=records))  # fmt: skip
        day += timedelta(days=2)
        n += 1
    with Store(path) as store:
        store.write_articles(items)
    return str(path)


def run(*args):
    result = runner.invoke(app, [str(a) for a in args])
    return result


def stdout(result):
    return getattr(result, "stdout", result.output)


# ------------------------------------------------------------------------- the store is needed


@pytest.mark.parametrize(
    "args",
    [["dyad", "RUS", "KOR"], ["graph"], ["whatif", "KOR 072 UKR"], ["alerts"]],
)
def test_a_missing_store_is_one_clear_line(tmp_path, args):
    result = run(*args, "--db", tmp_path / "nowhere.duckdb")
    assert result.exit_code == 1
    assert "no event store at" in result.output and "nowhere.duckdb" in result.output
    assert "Traceback" not in result.output


def test_the_default_store_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("REALPOLITIK_DB", str(tmp_path / "env.duckdb"))
    result = run("alerts")
    assert result.exit_code == 1 and "env.duckdb" in result.output


def test_a_file_that_is_not_a_store_is_one_clear_line(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_text("not a database")
    result = run("alerts", "--db", bad)
    assert result.exit_code == 1 and "bad.duckdb" in result.output and "Traceback" not in result.output


# ------------------------------------------------------------------------- dyad


def test_dyad_json_rows_per_period_and_direction(db):
    result = run("dyad", "RUS", "KOR", "--by", "month", "--format", "json", "--db", db)
    assert result.exit_code == 0, result.output
    rows = json.loads(stdout(result))
    june = {r["direction"]: r for r in rows if r["period"].startswith("2024-06-01")}
    assert set(june) == {"A->B", "B->A", "both"}
    assert june["A->B"]["q3"] == 4 and june["A->B"]["q4"] == 0  # threats; the hypothetical attacks do not count
    assert june["B->A"]["rows"] == 0


def test_dyad_all_modalities_and_table_and_plot(db, tmp_path):
    result = run("dyad", "RUS", "KOR", "--by", "month", "--format", "csv", "--all-modalities", "--db", db)
    rows = list(csv.DictReader(io.StringIO(stdout(result))))
    june = [r for r in rows if r["period"].startswith("2024-06-01") and r["direction"] == "A->B"][0]
    assert float(june["q4"]) > 0
    picture = tmp_path / "rus-kor.html"
    result = run("dyad", "RUS", "KOR", "--plot", picture, "--db", db)
    assert result.exit_code == 0, result.output
    assert "RUS" in stdout(result) and "<svg" in picture.read_text()
    assert run("dyad", "RUS", "KOR", "--plot", tmp_path / "x.gif", "--db", db).exit_code == 1
    assert "no asserted dated events" in run("dyad", "FRA", "DEU", "--db", db).output


# ------------------------------------------------------------------------- graph


def test_graph_json_with_typed_edges_and_blocs(db):
    result = run("graph", "--since", "2024-06-14", "--until", "2024-06-30", "--db", db)  # the hostile weeks
    assert result.exit_code == 0, result.output
    data = json.loads(stdout(result))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert {"RUS", "KOR", "USA", "JPN", "PRK"} <= set(nodes)
    kinds = {(e["from"], e["to"], e["kind"], e.get("type")) for e in data["edges"]}
    assert ("RUS", "KOR", "commitment", "conditional_threat") in kinds
    assert ("USA", "KOR", "treaty", "defense+consultation") in kinds
    assert nodes["RUS"]["bloc"] == nodes["PRK"]["bloc"] != nodes["KOR"]["bloc"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "png", "html"])
def test_graph_files(db, tmp_path, fmt):
    path = tmp_path / f"g.{fmt}"
    result = run("graph", "--until", "2024-06-30", "--format", fmt, "--out", path, "--db", db)
    assert result.exit_code == 0, result.output
    assert path.stat().st_size > 500
    if fmt == "graphml":
        assert nx.read_graphml(path, force_multigraph=True).has_node("RUS")


def test_graph_needs_out_for_pictures_and_checks_dates(db):
    assert "needs --out" in run("graph", "--format", "png", "--db", db).output
    assert "bad date" in run("graph", "--since", "June", "--db", db).output


# ------------------------------------------------------------------------- whatif


def test_whatif_tree_rests_on_the_news_sentence(db):
    result = run("whatif", "KOR 072 UKR", "--as-of", "2024-07-01", "--db", db)
    assert result.exit_code == 0, result.output
    assert "RUS 170 KOR" in stdout(result) and "seed-article" in stdout(result)


def test_whatif_json_combines_treaty_and_news(db):
    result = run("whatif", "USA 19 PRK", "--as-of", "2025-06-01", "--depth", "1", "--format", "json", "--db", db)
    assert result.exit_code == 0, result.output
    tree = json.loads(stdout(result))
    steps = {c["event"]: c for c in tree["children"]}
    assert {b["kind"] for b in steps["RUS 190 USA"]["basis"]} == {"news", "treaty"}
    assert "CHN 190 USA" in steps


def test_whatif_without_news_needs_no_store(tmp_path):
    result = run("whatif", "RUS 19 FIN", "--as-of", "2022-01-01", "--depth", "1", "--no-news", "--format", "json",
                 "--db", tmp_path / "nowhere.duckdb")  # fmt: skip
    assert result.exit_code == 0, result.output
    steps = json.loads(stdout(result))["children"]
    assert steps and all(b["treaty"] != "nato" for s in steps for b in s["basis"])


def test_whatif_rejects_a_malformed_event(db):
    result = run("whatif", "Korea arms Ukraine", "--db", db)
    assert result.exit_code == 1 and "SOURCE CAMEO TARGET" in result.output


# ------------------------------------------------------------------------- alerts


def test_alerts_flag_russia_and_south_korea(db):
    result = run("alerts", "--as-of", "2024-06-20", "--window", "7d", "--baseline", "90d", "--format", "json", "--db", db)
    assert result.exit_code == 0, result.output
    rows = json.loads(stdout(result))
    assert [(r["a"], r["b"]) for r in rows] == [("KOR", "RUS")]
    assert rows[0]["conflict_share_window"] == 1 and rows[0]["conflict_share_baseline"] == 0
    table = run("alerts", "--as-of", "2024-06-20", "--db", db)
    assert "KOR–RUS" in stdout(table)
    quiet = run("alerts", "--as-of", "2024-05-31", "--db", db)
    assert "no dyad moved" in stdout(quiet)
    assert run("alerts", "--window", "7m", "--db", db).exit_code == 1


# ------------------------------------------------------------------------- alliances (no store)


def test_alliances_json_for_an_actor():
    result = run("alliances", "--as-of", "2025-06-01", "--actor", "PRKGOV", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(stdout(result))
    assert {o["treaty"] for o in data["obligations"]} == {"rus-prk-2024", "chn-prk-1961"}


def test_alliances_table():
    result = run("alliances", "--as-of", "2022-01-01", "--actor", "FIN")
    assert result.exit_code == 0
    assert "North Atlantic" not in stdout(result) and "Treaty on European Union" in stdout(result)


def test_alliances_atop_csv():
    result = run("alliances", "--as-of", "2024-12-31", "--actor", "FIN", "--format", "atop", "--from-year", "2022")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(stdout(result))))
    assert list(rows[0]) == ["stateA", "stateB", "year", "defense", "offense", "neutral", "nonagg", "consul", "treaties"]
    index = {(r["stateA"], r["stateB"], r["year"]): r for r in rows}
    assert index[("FIN", "USA", "2024")]["defense"] == "1"
    assert ("FIN", "USA", "2022") not in index
    assert index[("FIN", "SWE", "2024")]["treaties"] == "eu-teu-42-7;nato"
    assert all("FIN" in (r["stateA"], r["stateB"]) for r in rows)
    assert max(int(r["year"]) for r in rows) == 2024


def test_alliances_bad_date():
    result = run("alliances", "--as-of", "2022-13-01")
    assert result.exit_code == 1 and "bad date" in result.output
