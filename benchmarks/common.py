"""What the benchmark scripts share: where the repo and ../shared are, and which commit ran."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """``$REALPOLITIK_SHARED`` or the ``shared`` folder beside the repository."""
    env = os.environ.get("REALPOLITIK_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def git_commit() -> str:
    """The short commit hash, or "unknown" outside a git checkout."""
    try:
        done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else "unknown"
