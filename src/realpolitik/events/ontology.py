"""The CAMEO table (descriptions, Goldstein scores) and the CAMEO→PLOVER mapping, read from data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from realpolitik.datafiles import DataFileError, package_file
from realpolitik.records import Plover

# The 2021 mapping table predates PLOVER 2.0's renames; the spec fixes the current names.
_PLOVER_RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# PLOVER 2.0 splits CAMEO 08: 081-083 concede, 084-087 retreat (ontology README).
_RETREAT_PREFIXES = ("084", "085", "086", "087")


@dataclass(frozen=True)
class CameoCode:
    code: str
    description: str
    goldstein: float | None

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        return quad_class(self.code)


def quad_class(code: str) -> int:
    """1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),
    4 material conflict (14-20), as the spec fixes it."""
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


class Ontology:
    def __init__(self) -> None:
        self._plover = _load_plover()
        # The PLOVER table follows the CAMEO manual 1.1b3, which has a few codes the older
        # Goldstein table lacks (1031, 1663): both tables together define the known codes.
        self.codes = {code: CameoCode(code, "", None) for code in self._plover} | _load_cameo()

    def __contains__(self, code: str) -> bool:
        return code in self.codes

    def describe(self, code: str) -> CameoCode:
        try:
            return self.codes[code]
        except KeyError:
            raise KeyError(f"unknown CAMEO code {code!r}") from None

    def goldstein(self, code: str) -> float | None:
        """Goldstein score of the code, falling back to its parent when the table has none."""
        while code:
            entry = self.codes.get(code)
            if entry is not None and entry.goldstein is not None:
                return entry.goldstein
            code = code[:-1] if len(code) > 2 else ""
        return None

    def plover(self, code: str) -> Plover:
        if code[:2] in ("01", "02"):
            return Plover(event=None)
        probe = code
        while probe:
            if probe in self._plover:
                event, mode, context = self._plover[probe]
                if code[:2] == "08":
                    event = "RETREAT" if code.startswith(_RETREAT_PREFIXES) else "CONCEDE"
                return Plover(event=event, mode=mode, context=list(context))
            probe = probe[:-1] if len(probe) > 2 else ""
        return Plover(event=None)


@lru_cache(maxsize=1)
def ontology() -> Ontology:
    return Ontology()


def _load_cameo() -> dict[str, CameoCode]:
    path = package_file("realpolitik.events", "data/cameo_codes.tsv")
    codes: dict[str, CameoCode] = {}
    with open(path, encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        if header != ["code", "description", "goldstein_gdeltPyR", "goldstein_phoenix"]:
            raise DataFileError(path, 1, "unexpected header")
        for line_no, line in enumerate(handle, start=2):
            if not line.strip():
                continue
            code, description, gold_a, gold_b = (line.rstrip("\n").split("\t") + ["", "", ""])[:4]
            if not re.fullmatch(r"\d{2,4}", code):
                raise DataFileError(path, line_no, f"bad CAMEO code {code!r}")
            score = gold_a or gold_b
            try:
                goldstein = float(score) if score else None
            except ValueError:
                raise DataFileError(path, line_no, f"bad Goldstein score {score!r}") from None
            codes[code] = CameoCode(code, description.strip(), goldstein)
    return codes


def _load_plover() -> dict[str, tuple[str, str | None, tuple[str, ...]]]:
    path = package_file("realpolitik.events", "data/cameo2plover.txt")
    table: dict[str, tuple[str, str | None, tuple[str, ...]]] = {}
    with open(path, encoding="utf-8") as handle:
        for line_no, raw in enumerate(handle, start=1):
            line = raw.split("#", 1)[0].strip()
            if not line or line.startswith("~"):  # "~~~~~" closes the source file
                continue
            code, sep, rest = line.partition(":")
            if not sep or not re.fullmatch(r"\d{2,4}", code.strip()):
                raise DataFileError(path, line_no, f"expected 'CODE: EVENT, mode, context', got {raw.strip()!r}")
            fields = [f.strip() for f in rest.split(",")] + ["", ""]
            event = _PLOVER_RENAMES.get(fields[0], fields[0])
            mode = fields[1] or None
            context = tuple(c.strip() for c in fields[2].split(";") if c.strip())
            # The table lists 08 twice (CONCEDE and RETREAT); the root entry keeps the first.
            table.setdefault(code.strip(), (event, mode, context))
    return table
