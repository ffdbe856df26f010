#!/usr/bin/env python3
"""Generate data/pulumi-aws-v7-removed-enum-members.tsv: the enum members of pulumi-aws 6 that
pulumi-aws 7 no longer has (upgrade guide row 50), with the 7 member of the same value when
there is one.

usage: python scripts/gen_v7_removed_enum_members.py SITE6/pulumi_aws SITE7/pulumi_aws > data/pulumi-aws-v7-removed-enum-members.tsv

Each argument is an installed `pulumi_aws` package directory (6.83.4 and 7.51.1, as in
tests/requirements*.txt). Every `_enums.py` is read with `ast` (nothing is imported): a class
whose members are `NAME = "value"` is an enum. Output lines, sorted:
`module.Class<TAB>MEMBER<TAB>value<TAB>7 member of that value, or empty`.

Python 3.11+, standard library only.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def enums(package: Path) -> dict[str, dict[str, str]]:
    """`module.Class` -> {member: value} for every enum of the package."""
    found: dict[str, dict[str, str]] = {}
    for path in sorted(package.rglob("_enums.py")):
        module = ".".join(path.parent.relative_to(package).parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, ast.ClassDef):
                continue
            members = {}
            for item in node.body:
                if (
                    isinstance(item, ast.Assign)
                    and len(item.targets) == 1
                    and isinstance(item.targets[0], ast.Name)
                    and isinstance(item.value, ast.Constant)
                    and isinstance(item.value.value, str)
                ):
                    members[item.targets[0].id] = item.value.value
            if members:
                key = f"{module}.{node.name}" if module else node.name
                found[key] = members
    return found


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    six, seven = enums(Path(sys.argv[1])), enums(Path(sys.argv[2]))
    lines = []
    for key, members in six.items():
        if key not in seven:
            continue  # a removed module: reported with its service (row 12)
        by_value = {}
        for name, value in seven[key].items():
            by_value.setdefault(value, name)
        for name, value in members.items():
            if name not in seven[key]:
                lines.append(f"{key}\t{name}\t{value}\t{by_value.get(value, '')}")
    sys.stdout.write("".join(line + "\n" for line in sorted(lines)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
