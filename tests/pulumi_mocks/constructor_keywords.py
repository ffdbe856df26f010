#!/usr/bin/env python3
"""Compare the keywords infra-fix accepts with what the installed pulumi_aws's constructors take.

usage: python constructor_keywords.py KEYWORDS.tsv

KEYWORDS.tsv has one line per class: `<key>` TAB `R|A` TAB `<keyword>,<keyword>,...`, key as
in the tables (`ec2.Eip`, `lambda_.Function`, `Provider`). A resource takes the named
parameters of its `__init__` and `_internal_init`, and `args=` (an `*Args` object, which
`__init__` reads from `**kwargs`); an `*Args` class the named parameters of its `__init__`.
The first parameter of a method (the bound instance) is not a keyword.

Exit 0 when every class agrees; else exit 1 with one line per difference on stderr.
"""

import importlib
import inspect
import sys

NAMED = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)


def keywords(method) -> set:
    params = list(inspect.signature(method).parameters.values())[1:]
    return {p.name for p in params if p.kind in NAMED}


def takes_kwargs(method) -> bool:
    params = inspect.signature(method).parameters.values()
    return any(p.kind == inspect.Parameter.VAR_KEYWORD for p in params)


def main() -> int:
    differences = []
    checked = 0
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            key, kind, listed = line.rstrip("\n").split("\t")
            module, _, name = key.rpartition(".")
            package = importlib.import_module("pulumi_aws" + ("." + module if module else ""))
            cls = getattr(package, name, None)
            if cls is None:
                differences.append(f"{key}: not in pulumi_aws")
                continue
            real = keywords(cls.__init__)
            if kind == "R":
                real |= keywords(cls._internal_init)
                if takes_kwargs(cls.__init__):
                    real.add("args")
            known = set(filter(None, listed.split(",")))
            for missing in sorted(real - known):
                differences.append(f"{key}: takes `{missing}=`, which infra-fix does not know")
            for extra in sorted(known - real):
                differences.append(f"{key}: does not take `{extra}=`, which infra-fix accepts")
            checked += 1
    print(f"{checked} classes checked", file=sys.stderr)
    for d in differences:
        print(d, file=sys.stderr)
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
