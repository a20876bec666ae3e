"""Reading the package's data files with errors an analyst can act on.

Every dictionary realpolitik uses is a plain CSV or YAML file next to the code that reads it.
A mistake in one must say which file and which line, not raise a KeyError deep in the coder.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


class DataFileError(ValueError):
    """A data file is malformed; the message names the file and the line."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")
        self.path = str(path)
        self.line = line


def package_file(package: str, name: str) -> Path:
    return Path(str(resources.files(package).joinpath(name)))


@dataclass(frozen=True)
class Row:
    """One CSV row with the line it came from, so validators can point at it."""

    path: Path
    line: int
    values: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.values[key]

    def get(self, key: str, default: str = "") -> str:
        return self.values.get(key) or default

    def fail(self, message: str) -> DataFileError:
        return DataFileError(self.path, self.line, message)

    def required(self, key: str) -> str:
        value = (self.values.get(key) or "").strip()
        if not value:
            raise self.fail(f"column {key!r} is empty")
        return value

    def pipe_list(self, key: str) -> list[str]:
        return [v.strip() for v in (self.values.get(key) or "").split("|") if v.strip()]

    def date(self, key: str) -> date | None:
        value = (self.values.get(key) or "").strip()
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(f"column {key!r}: {value!r} is not a YYYY-MM-DD date") from None

    def matches(self, key: str, pattern: str) -> str:
        value = self.required(key)
        if not re.fullmatch(pattern, value):
            raise self.fail(f"column {key!r}: {value!r} does not match {pattern}")
        return value


def read_csv(path: Path, columns: list[str]) -> Iterator[Row]:
    """Yield rows of a CSV whose header must be exactly ``columns``."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            raise DataFileError(path, 1, "file is empty") from None
        if header != columns:
            raise DataFileError(path, 1, f"header must be {','.join(columns)}, got {','.join(header)}")
        for values in reader:
            line = reader.line_num
            if not values or all(not v.strip() for v in values):
                continue
            if len(values) != len(columns):
                raise DataFileError(path, line, f"expected {len(columns)} columns, got {len(values)}")
            yield Row(path, line, dict(zip(columns, values)))


class _LineLoader(yaml.SafeLoader):
    """Records the line of every mapping as ``__line__`` so validators can cite it.

    YAML 1.1 reads on/off/yes/no as booleans, which would turn the preposition "on" into True;
    here only true/false are booleans.
    """


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def read_yaml(path: Path) -> Any:
    """Load YAML keeping line numbers (``__line__`` in every mapping)."""
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(path, mark.line + 1 if mark else None, f"invalid YAML: {exc}") from None
