"""Precision audit: code a news corpus, draw a fixed random sample of events, judge them by hand.

Gold sets that code one event per sentence cannot measure precision (every extra event in a
sentence goes unseen), so this audit samples what the coder actually asserts on real news and a
person judges each event against its sentence.

    python benchmarks/audit.py sample --seed 20261127 --size 150 \\
        --out benchmarks/audits/wikinews-sample.jsonl [--carry benchmarks/audits/wikinews-judged.jsonl]
    # judge every line by hand: set "verdict" and (for every non-correct verdict) "note",
    # save as benchmarks/audits/wikinews-judged.jsonl, then
    python benchmarks/audit.py report --judged benchmarks/audits/wikinews-judged.jsonl \\
        --out benchmarks/audits/wikinews.md

The corpus is ``../shared/corpus/wikinews.jsonl`` next to the repository, or
``$REALPOLITIK_SHARED/corpus/wikinews.jsonl`` (``--corpus`` overrides both).

Verdicts (one per event):
  correct         source, target, CAMEO root and modality all right (a 3-digit code within the right
                  root is still correct; a country-level actor where the text names a sector is
                  still correct; a historical event that really happened is correct when asserted)
  wrong_actor     source or target is the wrong state/organisation, the direction is reversed, or
                  an actor should not be there
  wrong_category  the actors are right but the CAMEO root is wrong
  wrong_modality  e.g. coded asserted but the text says planned / hypothetical / denied
  not_an_event    nothing in the sentence is an event between those actors (background mention,
                  sport, a non-political use of the verb, ...)

Redo the audit after large changes to the coder: ``sample --carry`` keeps the verdicts of events
that are coded identically (same key), so only the new or changed events need judging.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from common import ROOT, git_commit, shared_dir
DEFAULT_SEED = 20261127
DEFAULT_SIZE = 150
VERDICTS = ("correct", "wrong_actor", "wrong_category", "wrong_modality", "not_an_event")
SAMPLE_OUT = "benchmarks/audits/wikinews-sample.jsonl"
JUDGED = "benchmarks/audits/wikinews-judged.jsonl"
REPORT_OUT = "benchmarks/audits/wikinews.md"


# -- helpers -------------------------------------------------------------------------------


def default_corpus() -> Path:
    return shared_dir() / "corpus" / "wikinews.jsonl"


def rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise SystemExit(f"{path}:{line_no}: not JSON: {err}") from None
    return rows


def meta_path(sample_path: Path) -> Path:
    """The sidecar that records how a sample was drawn (seed, size, population, commit)."""
    name = sample_path.name
    stem = name[: -len(".jsonl")] if name.endswith(".jsonl") else name
    return sample_path.with_name(stem + ".meta.json")


def _cameo_comments() -> dict[str, str]:
    """Code descriptions from the comments of cameo2plover.txt (CAMEO manual 1.1b3 numbering)."""
    names: dict[str, str] = {}
    for path in (shared_dir() / "ontology" / "cameo2plover.txt",):
        if not path.is_file():
            continue
        for raw in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r"\s*(\d{2,4})\s*:[^#]*#\s*(.+)$", raw)
            if m:
                names.setdefault(m.group(1), m.group(2).strip())
    return names


# cameo2plover.txt has no rows for 01/02 (they map to no PLOVER event) and the package's Goldstein
# table numbers 016-019 the older way, so the manual 1.1b3 names of those codes are fixed here.
_CAMEO_1_1B3 = {
    "010": "Make statement, not specified below",
    "011": "Decline comment",
    "012": "Make pessimistic comment",
    "013": "Make optimistic comment",
    "014": "Consider policy option",
    "015": "Acknowledge or claim responsibility",
    "016": "Deny responsibility",
    "017": "Engage in symbolic act",
    "018": "Make empathetic comment",
    "019": "Express accord",
    "020": "Make an appeal or request, not specified below",
    "021": "Appeal for material cooperation",
    "0211": "Appeal for economic cooperation",
    "0212": "Appeal for military cooperation",
    "0213": "Appeal for judicial cooperation",
    "0214": "Appeal for intelligence",
    "022": "Appeal for diplomatic cooperation (such as policy support)",
    "023": "Appeal for material aid",
    "024": "Appeal for political reform",
    "025": "Appeal to yield",
    "026": "Appeal to others to meet or negotiate",
    "027": "Appeal to others to settle dispute",
    "028": "Appeal to others to engage in or accept mediation",
}


def cameo_namer():
    comments = {**{c: n for c, n in _cameo_comments().items() if not re.fullmatch(r"[A-Z_ ]+", n)}, **_CAMEO_1_1B3}
    try:
        from realpolitik.events.ontology import ontology

        onto = ontology()
    except Exception:  # the comments alone still name most codes
        onto = None

    def name(code: str) -> str:
        if len(code) > 2 and code in comments:
            return comments[code]
        if onto is not None and code in onto:  # root names (MAKE PUBLIC STATEMENT, ...) and the rest
            desc = onto.describe(code).description
            if desc:
                return desc
        return comments.get(code, "")

    return name


def event_key(event: dict) -> str:
    src = (event.get("source") or {}).get("code") or ""
    tgt = (event.get("target") or {}).get("code") or ""
    return "|".join([str(event.get("doc_id")), str(event["sentence"]["index"]), src, event["cameo"], tgt, event["modality"]])


def _actor(actor: dict | None) -> dict | None:
    if not actor:
        return None
    return {"code": actor.get("code"), "text": actor.get("text")}


# -- sample --------------------------------------------------------------------------------


def code_corpus(corpus: Path, limit: int | None = None) -> list[dict]:
    from realpolitik.coder import Coder
    from realpolitik.records import Article

    docs = read_jsonl(corpus)
    if limit:
        docs = docs[:limit]
    articles = [Article(id=d["id"], text=d["text"], date=d.get("date"), title=d.get("title"), url=d.get("url")) for d in docs]
    coder = Coder()
    events: list[dict] = []
    for _article, records in coder.code_articles(articles):
        for record in records:
            if getattr(record, "kind", None) != "event":
                continue
            events.append(record.to_dict())
    return events


def cmd_sample(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus) if args.corpus else default_corpus()
    if not corpus.is_file():
        raise SystemExit(f"corpus not found: {corpus} (set REALPOLITIK_SHARED or pass --corpus)")
    started = time.perf_counter()
    events = code_corpus(corpus, args.limit)
    seconds = time.perf_counter() - started
    events.sort(key=lambda e: e["id"])
    # With fewer events than the sample size the audit covers every event (still shuffled by seed).
    size = min(args.size, len(events))
    if size < args.size:
        print(f"only {len(events)} events coded: auditing all of them", file=sys.stderr)
    drawn = random.Random(args.seed).sample(events, size)

    carried: dict[str, dict] = {}
    if args.carry and Path(args.carry).is_file():
        for row in read_jsonl(Path(args.carry)):
            if row.get("verdict") is not None:
                carried[row["key"]] = row

    name = cameo_namer()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    kept = 0
    with open(out, "w", encoding="utf-8") as handle:
        for event in drawn:
            key = event_key(event)
            old = carried.get(key)
            if old is not None:
                kept += 1
            plover = event.get("plover") or {}
            row = {
                "key": key,
                "doc_id": event.get("doc_id"),
                "sentence": event["sentence"]["text"],
                "source": _actor(event.get("source")),
                "target": _actor(event.get("target")),
                "cameo": event["cameo"],
                "cameo_name": name(event["cameo"]),
                "plover": plover.get("event"),
                "modality": event["modality"],
                "trigger": (event.get("trigger") or {}).get("text"),
                "verdict": old.get("verdict") if old else None,
                "note": (old.get("note") or "") if old else "",
            }
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")

    command = f"python benchmarks/audit.py sample --seed {args.seed} --size {args.size} --out {rel(out)}"
    if args.carry:
        command += f" --carry {args.carry}"
    meta = {
        "corpus": rel(corpus) if corpus.resolve().is_relative_to(ROOT) else f"../shared/corpus/{corpus.name}",
        "seed": args.seed,
        "size": size,
        "population_events": len(events),
        "documents": sum(1 for _ in open(corpus, encoding="utf-8") if _.strip()) if not args.limit else args.limit,
        "commit": git_commit(),
        "date": dt.date.today().isoformat(),
        "coding_seconds": round(seconds, 1),
        "carried_verdicts": kept,
        "command": command,
    }
    meta_path(out).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"coded {len(events)} events in {seconds:.0f} s; drew {size} (seed {args.seed}) -> {out}; {kept} verdicts carried", file=sys.stderr)
    return 0


# -- report --------------------------------------------------------------------------------


def _precision(counts: Counter) -> float | None:
    judged = sum(counts[v] for v in VERDICTS)
    return counts["correct"] / judged if judged else None


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _actor_text(actor: dict | None) -> str:
    if not actor:
        return "—"
    return f"{actor.get('code')} ({actor.get('text')})"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(rows: list[dict], judged_path: Path, meta: dict, seed: int, target: float) -> str:
    unknown = [r for r in rows if r.get("verdict") not in (None, *VERDICTS)]
    if unknown:
        raise SystemExit(f"unknown verdicts: {sorted({r['verdict'] for r in unknown})}; use one of {', '.join(VERDICTS)}")
    judged = [r for r in rows if r.get("verdict") in VERDICTS]
    pending = len(rows) - len(judged)
    asserted = [r for r in judged if r.get("modality") == "asserted"]
    all_counts = Counter(r["verdict"] for r in judged)
    asserted_counts = Counter(r["verdict"] for r in asserted)
    p_all = _precision(all_counts)
    p_asserted = _precision(asserted_counts)

    commit = git_commit()
    sample_command = meta.get("command") or f"python benchmarks/audit.py sample --seed {seed} --size {len(rows)} --out {SAMPLE_OUT}"
    lines = [
        "# Precision audit: Wikinews",
        "",
        "Gold sets that code one event per sentence cannot measure precision, so the coder's own output on",
        "real news is sampled at random and each drawn event is judged by hand against its sentence.",
        "",
        f"- date: {dt.date.today().isoformat()}",
        f"- commit: `{commit}`" + (f" (sample drawn at `{meta['commit']}` on {meta['date']})" if meta.get("commit") and (meta.get("commit"), meta.get("date")) != (commit, dt.date.today().isoformat()) else ""),
        f"- corpus: `{meta.get('corpus', '../shared/corpus/wikinews.jsonl')}`"
        + (f" ({meta['documents']} articles, {meta['population_events']} events coded)" if "population_events" in meta else ""),
        f"- seed: {meta.get('seed', seed)}; sample size: {len(rows)} events (`random.Random(seed).sample` over the events sorted by id)",
        f"- judged sample: `{rel(judged_path)}` ({len(judged)} judged" + (f", {pending} not yet judged" if pending else "") + ")",
        "- commands:",
        f"  - `{sample_command}`",
        f"  - judge by hand, save as `{rel(judged_path)}`",
        f"  - `python benchmarks/audit.py report --judged {rel(judged_path)} --out {REPORT_OUT}`",
        "",
        "## Precision",
        "",
        "| | events judged | correct | precision | target |",
        "|---|---:|---:|---:|---:|",
        f"| asserted events | {len(asserted)} | {asserted_counts['correct']} | {_fmt(p_asserted)} | ≥ {target:.2f} "
        + ("(met)" if p_asserted is not None and p_asserted >= target else "(not met)")
        + " |",
        f"| all events (every modality) | {len(judged)} | {all_counts['correct']} | {_fmt(p_all)} | |",
        "",
        "## Verdicts",
        "",
        "| verdict | all | share | asserted | share |",
        "|---|---:|---:|---:|---:|",
    ]
    for verdict in VERDICTS:
        a, b = all_counts[verdict], asserted_counts[verdict]
        lines.append(
            f"| {verdict} | {a} | {a / len(judged):.1%} | {b} | {(b / len(asserted)) if asserted else 0:.1%} |" if judged else f"| {verdict} | 0 | — | 0 | — |"
        )
    lines.append(f"| **total** | {len(judged)} | | {len(asserted)} | |")

    modality_counts: dict[str, Counter] = defaultdict(Counter)
    for r in judged:
        modality_counts[r["modality"]][r["verdict"]] += 1
    lines += ["", "## By modality", "", "| modality | judged | correct | precision |", "|---|---:|---:|---:|"]
    for modality in sorted(modality_counts, key=lambda m: -sum(modality_counts[m].values())):
        c = modality_counts[modality]
        lines.append(f"| {modality} | {sum(c.values())} | {c['correct']} | {_fmt(_precision(c))} |")

    root_counts: dict[str, Counter] = defaultdict(Counter)
    root_names: dict[str, str] = {}
    name = cameo_namer()
    for r in judged:
        root = r["cameo"][:2]
        root_counts[root][r["verdict"]] += 1
        root_names.setdefault(root, name(root) or name(root + "0"))
    lines += [
        "",
        "## Precision per CAMEO root (all modalities)",
        "",
        "| root | name | judged | correct | precision | " + " | ".join(v for v in VERDICTS if v != "correct") + " |",
        "|---|---|---:|---:|---:|" + "---:|" * (len(VERDICTS) - 1),
    ]
    for root in sorted(root_counts):
        c = root_counts[root]
        others = " | ".join(str(c[v]) for v in VERDICTS if v != "correct")
        lines.append(f"| {root} | {_cell(root_names[root])} | {sum(c.values())} | {c['correct']} | {_fmt(_precision(c))} | {others} |")

    notes = Counter((r["verdict"], r.get("note") or "(no note)") for r in judged if r["verdict"] != "correct")
    lines += [
        "",
        "## Most frequent error notes",
        "",
        "| count | verdict | note |",
        "|---:|---|---|",
    ]
    for (verdict, note), count in sorted(notes.items(), key=lambda kv: (-kv[1], kv[0])):
        if count < 2:
            continue
        lines.append(f"| {count} | {verdict} | {_cell(note)} |")
    singles = sum(1 for c in notes.values() if c == 1)
    lines += ["", f"{singles} further errors have a note of their own (listed below)."]

    lines += [
        "",
        "## How events were judged",
        "",
        "One verdict per event, checked in this order: `not_an_event` (nothing in the sentence is an event",
        "between those actors: background mention, standing state, sport, nature, a non-political sense of",
        "the verb), `wrong_actor` (a source or target is the wrong state/organisation, the direction is",
        "reversed, or an actor should not be there), `wrong_category` (actors right, CAMEO root wrong),",
        "`wrong_modality` (e.g. asserted where the text says planned, hypothetical or denied), else",
        "`correct`. A different 3-digit code within the right root, a country-level code where the text",
        "names a sector, and a historical event that really happened coded as asserted all count as correct.",
        "Actors are judged at the level of codes (state/organisation and sector).",
    ]

    lines += ["", "## Errors by verdict", "", "Each judged error with its note: `source → CAMEO → target [modality]`, trigger, sentence.", ""]
    for verdict in VERDICTS[1:]:
        errors = [r for r in judged if r["verdict"] == verdict]
        lines += [f"### {verdict} ({len(errors)})", ""]
        if not errors:
            lines += ["None.", ""]
            continue
        for r in sorted(errors, key=lambda r: (r.get("note") or "", r["key"])):
            sentence = r["sentence"] if len(r["sentence"]) <= 300 else r["sentence"][:297] + "…"
            lines.append(
                f"- **{_cell(r.get('note') or '(no note)')}** — {_actor_text(r.get('source'))} → {r['cameo']} {r.get('cameo_name') or ''}"
                f" → {_actor_text(r.get('target'))} [{r['modality']}], trigger “{r.get('trigger')}”: {_cell(sentence)}"
            )
        lines.append("")
    if pending:
        lines += [f"_{pending} drawn events are not judged yet (verdict null); they are left out of every count above._", ""]
    return "\n".join(lines)


def cmd_report(args: argparse.Namespace) -> int:
    judged_path = Path(args.judged)
    rows = read_jsonl(judged_path)
    meta: dict = {}
    for candidate in (Path(args.meta) if args.meta else None, meta_path(judged_path.with_name(Path(SAMPLE_OUT).name)), meta_path(judged_path)):
        if candidate is not None and candidate.is_file():
            meta = json.loads(candidate.read_text(encoding="utf-8"))
            break
    text = render(rows, judged_path, meta, args.seed, args.target)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n", encoding="utf-8")
    judged = [r for r in rows if r.get("verdict") in VERDICTS]
    missing = [r["key"] for r in judged if r["verdict"] != "correct" and not (r.get("note") or "").strip()]
    if missing:
        print(f"warning: {len(missing)} non-correct verdicts have no note, e.g. {missing[0]}", file=sys.stderr)
    asserted = [r for r in judged if r.get("modality") == "asserted"]
    p_all = _precision(Counter(r["verdict"] for r in judged))
    p_asserted = _precision(Counter(r["verdict"] for r in asserted))
    print(f"{len(judged)} judged; precision {_fmt(p_all)} overall, {_fmt(p_asserted)} asserted ({len(asserted)}) -> {out}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    s = sub.add_parser("sample", help="code the corpus and draw a random sample of events to judge")
    s.add_argument("--seed", type=int, default=DEFAULT_SEED)
    s.add_argument("--size", type=int, default=DEFAULT_SIZE)
    s.add_argument("--out", default=SAMPLE_OUT)
    s.add_argument("--carry", help="an earlier judged file: verdicts and notes of identical keys are copied")
    s.add_argument("--corpus", help="JSONL corpus (default: $REALPOLITIK_SHARED or ../shared, corpus/wikinews.jsonl)")
    s.add_argument("--limit", type=int, help="code only the first N articles (for quick checks)")
    s.set_defaults(func=cmd_sample)

    r = sub.add_parser("report", help="precision and error notes from a judged sample")
    r.add_argument("--judged", default=JUDGED)
    r.add_argument("--out", default=REPORT_OUT)
    r.add_argument("--seed", type=int, default=DEFAULT_SEED, help="seed to print when no sample metadata is found")
    r.add_argument("--meta", help="the sample's .meta.json (default: next to the judged file)")
    r.add_argument("--target", type=float, default=0.85, help="precision target for asserted events")
    r.set_defaults(func=cmd_report)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
