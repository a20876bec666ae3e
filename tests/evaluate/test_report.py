"""What ``realpolitik eval`` reports: the four numbers, the breakdowns, the misses, the CLI.

The report tests use a stand-in coder that returns hand-made events per gold id, so every number
can be checked by hand; the CLI test runs the real coder on sentences written for it.
"""

from __future__ import annotations

import json

from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.evaluate import evaluate_file
from realpolitik.evaluate.report import render_json, render_table
from factories import actor, event
from realpolitik.records import Article, Event


class CannedCoder:
    """Stands in for ``Coder``: returns the events listed for each article id, and records what it saw."""

    def __init__(self, events: dict[str, list[Event]]) -> None:
        self.events = events
        self.seen: list[Article] = []

    def code_articles(self, articles):
        for article in articles:
            self.seen.append(article)
            yield article, list(self.events.get(article.id, []))


def write(tmp_path, records: list[dict], name: str = "gold.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def sentence(identifier: str, *events: tuple[str, str, str], scheme: str = "CAMEO", **extra) -> dict:
    return {
        "id": identifier,
        "text": f"Text of {identifier}.",
        "date": "2021-03-04",
        "scheme": scheme,
        "events": [{"source": s, "target": t, "code": c} for s, t, c in events],
        "expect_no_event": not events,
        **extra,
    }


# A small CAMEO gold file, and what the stand-in coder "finds":
#   W1  FRA->DEU 111  found with the right root                 -> event + dyad
#   W2  USA->CHN 042  found USA->CHN 057: right dyad, wrong root -> dyad only
#   W3  RUS->UKR 190  nothing with that dyad                     -> miss
#   W4  IRN->ISR 130  found as an intended threat                -> event (non-asserted)
#   Q1  no event expected, nothing coded                         -> right
#   Q2  no event expected, an asserted GBR->IRL 111 coded        -> wrong
CAMEO_GOLD = [
    sentence("W1", ("FRAGOV", "DEU", "111"), category="WIRE"),
    sentence("W2", ("USA", "CHN", "042"), category="WIRE"),
    sentence("W3", ("RUSMIL", "UKR", "190"), category="WIRE"),
    sentence("W4", ("IRN", "ISR", "130"), category="TEST"),
    sentence("Q1", category="TEST"),
    sentence("Q2", category="TEST"),
]
CODED = {
    "W1": [event("FRAGOV", "DEU", "112")],
    "W2": [event("USA", "CHN", "057"), event("CHN", "USA", "042")],
    "W3": [event("UKR", "RUS", "190")],
    "W4": [event("IRN", "ISR", "138", modality="intended")],
    "Q2": [event("GBR", "IRL", "111")],
}


def run(tmp_path, errors: int = 0):
    return evaluate_file(write(tmp_path, CAMEO_GOLD), coder=CannedCoder(CODED), errors=errors)


def test_headline_numbers(tmp_path):
    report = run(tmp_path)
    assert report.scheme == "CAMEO"
    assert report.sentences == 6
    assert report.gold_events == 4
    assert report.event_recall == 2 / 4  # W1, W4
    assert report.dyad_recall == 3 / 4  # W1, W2, W4
    assert report.category_accuracy == 2 / 3  # of the found dyads, W2 has the wrong root
    assert report.no_event_sentences == 2
    assert report.no_event_precision == 1 / 2  # Q1 right, Q2 wrong
    assert report.totals.nonasserted_matches == 1  # W4 only as an intention


def test_each_gold_line_is_coded_as_one_article_with_its_date(tmp_path):
    coder = CannedCoder({})
    records = [sentence("P1", ("USA", "CHN", "040"), date="2000-01-01", date_is_placeholder=True), sentence("P2", ("USA", "CHN", "040"))]
    evaluate_file(write(tmp_path, records), coder=coder)
    assert [(a.id, a.text, a.date) for a in coder.seen] == [("P1", "Text of P1.", None), ("P2", "Text of P2.", "2021-03-04")]


def test_per_category_rows(tmp_path):
    rows = run(tmp_path).per_category
    assert set(rows) == {"11", "04", "19", "13"}
    assert (rows["04"].support, rows["04"].dyad_recall, rows["04"].event_recall, rows["04"].category_accuracy) == (1, 1.0, 0.0, 0.0)
    assert (rows["19"].dyad_recall, rows["19"].category_accuracy) == (0.0, None)  # nothing found: no accuracy


def test_per_dataset_rows_follow_the_category_field(tmp_path):
    groups = run(tmp_path).per_dataset
    assert set(groups) == {"WIRE", "TEST"}
    assert (groups["WIRE"].gold_events, groups["WIRE"].events_matched) == (3, 1)
    assert (groups["TEST"].no_event_sentences, groups["TEST"].no_event_correct) == (2, 1)


def test_confusion_matrix_covers_found_dyads_only(tmp_path):
    assert run(tmp_path).confusion == {"04": {"05": 1}, "11": {"11": 1}, "13": {"13": 1}}


def test_plover_confusion_uses_current_names(tmp_path):
    records = [
        sentence("A", ("ISR", "PSE", "FIGHT"), scheme="PLOVER-0.5b1"),
        sentence("B", ("USA", "IRN", "DEMAND"), scheme="PLOVER-0.5b1"),
    ]
    coder = CannedCoder({"A": [event("ISRMIL", "PSE", "190")], "B": [event("USA", "IRN", "111")]})
    report = evaluate_file(write(tmp_path, records), coder=coder)
    assert report.scheme == "PLOVER"
    assert report.confusion == {"ASSAULT": {"ASSAULT": 1}, "REQUEST": {"ACCUSE": 1}}
    assert report.event_recall == 1 / 2


def test_errors_lists_the_first_misses_with_everything_coded(tmp_path):
    report = run(tmp_path, errors=2)
    assert report.misses == 3  # W2, W3, Q2
    assert [(m.id, m.kind) for m in report.errors] == [("W2", "wrong_category"), ("W3", "missed_dyad")]
    w2 = report.errors[0]
    assert w2.gold.code == "042"
    assert [e.cameo for e in w2.produced] == ["057", "042"]  # both events, also the one with the other dyad


def test_errors_include_sentences_that_should_be_quiet(tmp_path):
    report = run(tmp_path, errors=10)
    last = report.errors[-1]
    assert (last.id, last.kind, last.gold) == ("Q2", "unexpected_event", None)
    assert last.to_dict()["produced"][0] == {
        "source": "GBR",
        "target": "IRL",
        "cameo": "111",
        "category": "11",
        "modality": "asserted",
        "trigger": "x",
        "confidence": 0.9,
    }


def test_no_errors_are_listed_unless_asked(tmp_path):
    assert run(tmp_path).errors == []


def test_json_document_has_the_stable_keys(tmp_path):
    document = json.loads(render_json(run(tmp_path, errors=1)))
    for key in (
        "file",
        "scheme",
        "sentences",
        "gold_events",
        "event_recall",
        "dyad_recall",
        "category_accuracy",
        "no_event_precision",
        "no_event_sentences",
        "per_category",
        "confusion",
        "errors",
    ):
        assert key in document
    assert document["event_recall"] == 0.5
    assert document["counts"]["nonasserted_matches"] == 1
    assert document["per_category"]["04"]["dyad_recall"] == 1.0
    assert len(document["errors"]) == 1


def test_ratios_without_a_denominator_are_null(tmp_path):
    path = write(tmp_path, [sentence("W1", ("FRA", "DEU", "111"))])
    document = json.loads(render_json(evaluate_file(path, coder=CannedCoder({}))))
    assert document["no_event_precision"] is None and document["no_event_sentences"] == 0
    assert document["category_accuracy"] is None  # no dyad found


def test_table_rendering_shows_numbers_breakdown_and_misses(tmp_path):
    from rich.console import Console

    console = Console(record=True, width=200)
    render_table(run(tmp_path, errors=5), console, by="dataset")
    text = console.export_text()
    assert "event recall" in text and "0.500" in text
    assert "By dataset" in text and "WIRE" in text
    assert "Confusion" in text
    assert "W3" in text and "missed_dyad" in text and "RUSMIL -> UKR 190" in text
    assert "UKR -> RUS 190" in text  # what realpolitik produced instead


# -- the command, with the real coder ---------------------------------------------------------------


def test_eval_command_table_and_json(tmp_path):
    path = write(
        tmp_path,
        [
            {"id": "R1", "text": "Russia imposed sanctions on Ukraine.", "date": "2024-01-10", "scheme": "CAMEO", "events": [{"source": "RUS", "target": "UKR", "code": "163"}]},
            {"id": "R2", "text": "The weather was pleasant in Paris on Tuesday.", "date": "2024-01-10", "scheme": "CAMEO", "events": [], "expect_no_event": True},
        ],
    )
    runner = CliRunner()
    table = runner.invoke(app, ["eval", str(path), "--errors", "3"])
    assert table.exit_code == 0, table.output
    assert "event recall" in table.output and "By gold category" in table.output

    result = runner.invoke(app, ["eval", str(path), "--format", "json", "--by", "dataset"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["sentences"] == 2 and document["gold_events"] == 1
    assert document["event_recall"] == 1.0
    assert document["no_event_precision"] == 1.0


def test_eval_command_reports_a_bad_gold_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "X", "text": "Hello there.", "events": "none"}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(path)])
    assert result.exit_code == 1
    assert "bad.jsonl:1" in result.output
    assert "Traceback" not in result.output
