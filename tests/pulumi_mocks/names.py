"""Checks infra-fix's enum members and output properties against the installed pulumi-aws.

Reads a TSV from argv[1]: `V <enum key> <member> <value>` and `O <resource key> <properties>`
lines (keys as in the tables: `lambda_.Runtime`). Exits 1 naming every difference: a member
the enum lacks or whose value differs, a member the enum has that the listing lacks, an output
property the class lacks as a property, or a property of the class the listing lacks.
"""
import importlib
import sys
from collections import defaultdict

import pulumi_aws


def resolve(key):
    module, _, name = key.rpartition(".")
    owner = importlib.import_module(f"pulumi_aws.{module}") if module else pulumi_aws
    return getattr(owner, name)


members = defaultdict(dict)
outputs = {}
with open(sys.argv[1], encoding="utf-8") as listing:
    for line in listing:
        kind, key, *rest = line.rstrip("\n").split("\t")
        if kind == "V":
            members[key][rest[0]] = rest[1]
        else:
            outputs[key] = set(filter(None, rest[0].split(",")))

problems = []
for key, expected in members.items():
    enum = resolve(key)
    # `__members__`, not iteration: a member whose value repeats another's is an alias.
    actual = {name: m.value for name, m in enum.__members__.items()}
    if actual != expected:
        problems.append(f"{key}: SDK {sorted(actual.items() ^ expected.items())[:5]}")
for key, expected in outputs.items():
    cls = resolve(key)
    actual = {
        name
        for klass in cls.__mro__
        if klass.__module__.startswith("pulumi_aws")
        for name, value in vars(klass).items()
        if isinstance(value, property) and not name.startswith("_")
    }
    if actual != expected:
        problems.append(f"{key}: only in SDK {sorted(actual - expected)}, only in tables {sorted(expected - actual)}")
for problem in problems[:20]:
    print(problem, file=sys.stderr)
print(f"{len(members)} enums and {len(outputs)} resources checked, {len(problems)} differ", file=sys.stderr)
sys.exit(1 if problems else 0)
