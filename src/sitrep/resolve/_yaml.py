"""Reading YAML data files with line numbers, so validation errors can name file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import E, SitrepError

LINE = "__line__"


_SAFE: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 5x faster


class _LineLoader(_SAFE):  # type: ignore[valid-type,misc]
    """A safe loader that records each mapping's 1-based start line under ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = {str(k): v for k, v in loader.construct_mapping(node, deep=True).items()}
    mapping[LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path) -> dict[str, Any]:
    """The top-level mapping of a YAML file; E300 naming the path when unreadable or not a map."""
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SitrepError(E.E300, path=path, cause=exc) from exc
    if not isinstance(data, dict):
        raise SitrepError(E.E300, path=path, cause="the top level must be a mapping of sections")
    return data


def items(data: dict[str, Any], section: str, path: Path) -> list[dict[str, Any]]:
    """The list of mappings under ``section`` (empty when absent); E301 when malformed."""
    value = data.get(section) or []
    if not isinstance(value, list):
        raise SitrepError(
            E.E301,
            path=path,
            line=data.get(LINE, 1),
            field=section,
            cause="must be a list of entries",
        )
    for item in value:
        if not isinstance(item, dict):
            raise SitrepError(
                E.E301,
                path=path,
                line=data.get(LINE, 1),
                field=section,
                cause=f"holds {item!r}, which is not a mapping",
            )
    return value
