#!/usr/bin/env python3
"""Generate compact pulumi-aws argument tables for infra-fix.

For each recorded pulumi-aws version this script obtains the published wheel
(via `pip download`, or from --wheel-dir), reads the Python SDK sources straight
out of the zip (nothing is installed or imported), parses them with `ast`, and
writes one deterministic gzip'd, line-oriented table per major version to
data/pulumi-aws-<major>.tables.gz.  See scripts/README.md for the format.

Python 3.11+, standard library only.
"""

from __future__ import annotations

import argparse
import ast
import gzip
import hashlib
import io
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

# ---------------------------------------------------------------------------
# Recorded versions.  (version, sha256 of the py3-none-any wheel on PyPI)
# Set a sha to None to accept (and print) whatever is downloaded.
# ---------------------------------------------------------------------------
VERSIONS: list[tuple[str, str | None]] = [
    ("6.83.4", "ec89e219a1f7f8c752e7b15e0a53a5b465c0f189da84352173f93ff88b6efa3b"),
    ("7.51.1", "bffc7fb6ce352e9019302498571799a771f7a84234b19ff8b1710a6250b31024"),
]

FORMAT_VERSION = 2
GZIP_LEVEL = 9
PKG = "pulumi_aws"

RESOURCE_BASES = {"CustomResource", "ComponentResource", "ProviderResource"}
# The parameters every resource's constructor takes besides its arguments:
# `__init__(resource_name, *args, **kwargs)` hands `args=<Class>Args(...)` and `opts=` to
# `_internal_init(resource_name, opts, <arguments>..., __props__)`. They are not written in the
# tables; infra-fix knows them for every resource (src/pulumi/schema.rs), and the sanity checks
# fail if a resource's constructor does not have this shape. (A resource *argument* called
# `resource_name` is spelled `resource_name_`.) The bound instance, the first parameter of a
# method, is never a keyword: it is skipped by position, whatever its name, because `self` is
# also a real argument (`ec2.SecurityGroupRule`, `ec2.SecurityGroupIngressArgs`).
RESOURCE_CONSTRUCTOR_PARAMS = ("resource_name", "opts", "__props__")

LIST_NAMES = {"Sequence", "List", "list", "Iterable", "Tuple", "tuple", "MutableSequence"}
MAP_NAMES = {"Mapping", "Dict", "dict", "MutableMapping"}
WRAPPER_NAMES = {"Optional", "Input", "Output", "InputType", "Awaitable", "NotRequired"}

# Quick textual prefilter: a file is interesting only if it defines an Args
# class or a resource class.
INTERESTING_RE = re.compile(
    r"^class \w+Args\b|^class \w+\(pulumi\.(?:Custom|Component|Provider)Resource\)|^class \w+\(.*\bEnum\):",
    re.M,
)
REQUIRED_RE = re.compile(r"Missing required property '([^']+)'")
# `__all__ = [...]` of a generated file, read without parsing the whole file.
ALL_RE = re.compile(r"^__all__ = \[(.*?)\]", re.M | re.S)
# Exported classes that are not constructed like resources: their names alone say so.
NOT_CONSTRUCTED_SUFFIXES = ("ArgsDict", "Result")


# ---------------------------------------------------------------------------
# Data model
# ---------------------------------------------------------------------------
@dataclass
class ClassInfo:
    kind: str  # "R" or "A"
    module: str  # "" for the root package, else e.g. "ec2"
    name: str
    params: dict[str, str] = field(default_factory=dict)  # name -> l/m/s (upper case = required)
    deprecated_params: dict[str, str] = field(default_factory=dict)
    # deprecated output-only properties of resources (counted, not written)
    deprecated_outputs: dict[str, str] = field(default_factory=dict)
    class_deprecation: str | None = None
    source: str = ""  # file inside the wheel
    # resources: the output properties (the class's `@property` getters)
    outputs: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.module}.{self.name}" if self.module else self.name


@dataclass
class EnumInfo:
    module: str
    name: str
    members: dict[str, str] = field(default_factory=dict)  # member name -> its string value

    @property
    def key(self) -> str:
        return f"{self.module}.{self.name}" if self.module else self.name


# ---------------------------------------------------------------------------
# AST helpers
# ---------------------------------------------------------------------------
def _last_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def type_kind(node: ast.AST | None, stats: dict | None = None) -> str:
    """Return 'l' (list/Sequence), 'm' (Mapping/dict) or 's' (anything else)."""
    if node is None:
        return "s"
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        # forward reference written as a string, e.g. 'BucketV2CorsRuleArgs'
        try:
            return type_kind(ast.parse(node.value, mode="eval").body, stats)
        except SyntaxError:
            return "s"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):  # X | None
        return _union_kind([node.left, node.right], stats)
    if isinstance(node, ast.Subscript):
        base = _last_name(node.value)
        sl = node.slice
        if base in WRAPPER_NAMES:
            return type_kind(sl, stats)
        if base in LIST_NAMES:
            return "l"
        if base in MAP_NAMES:
            return "m"
        if base == "Union":
            elts = sl.elts if isinstance(sl, ast.Tuple) else [sl]
            return _union_kind(elts, stats)
        return "s"
    return "s"


def _union_kind(elts: list[ast.AST], stats: dict | None) -> str:
    kinds = set()
    for e in elts:
        if isinstance(e, ast.Constant) and e.value is None:
            continue
        if isinstance(e, ast.Name) and e.id == "None":
            continue
        kinds.add(type_kind(e, stats))
    if len(kinds) == 1:
        return kinds.pop()
    if not kinds:
        return "s"
    if stats is not None:
        stats.setdefault("mixed_unions", []).append(ast.unparse(ast.Tuple(elts=list(elts))))
    # Mixed Union (e.g. str | Sequence[str]): a list literal is accepted, so
    # report the collection kind; 'l' wins over 'm'.
    return "l" if "l" in kinds else "m" if "m" in kinds else "s"


def _str_const(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):  # f-string: keep the literal parts
        parts = []
        for v in node.values:
            if isinstance(v, ast.Constant):
                parts.append(str(v.value))
            else:
                parts.append("{}")
        return "".join(parts)
    return None


def _warn_message(stmt: ast.AST) -> tuple[str, str] | None:
    """If stmt is `warnings.warn("msg", DeprecationWarning)` return ("w", msg);
    if `pulumi.log.warn("msg")` return ("l", msg)."""
    if not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)):
        return None
    call = stmt.value
    f = call.func
    if not isinstance(f, ast.Attribute) or f.attr != "warn" or not call.args:
        return None
    msg = _str_const(call.args[0])
    if msg is None:
        return None
    owner = f.value
    if isinstance(owner, ast.Name) and owner.id == "warnings":
        return ("w", msg)
    if isinstance(owner, ast.Attribute) and owner.attr == "log":
        return ("l", msg)
    return None


def _strip_log_prefix(msg: str, subject: str) -> str:
    prefix = f"{subject} is deprecated: "
    return msg[len(prefix):] if msg.startswith(prefix) else msg


def _guarded_param(test: ast.AST) -> str | None:
    """Recognise `x is not None` / `x is not None and not opts.urn`."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        for v in test.values:
            p = _guarded_param(v)
            if p:
                return p
        return None
    if (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.IsNot)
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value is None
    ):
        return test.left.id
    return None


def scan_function_deprecations(fn: ast.FunctionDef, subject: str) -> tuple[dict[str, str], str | None]:
    """Return ({param: message}, class_level_message) from a constructor body."""
    params: dict[str, str] = {}
    params_log: dict[str, str] = {}
    cls_msg_w = cls_msg_l = None
    for node in ast.walk(fn):
        if isinstance(node, ast.If):
            p = _guarded_param(node.test)
            if not p:
                continue
            for st in node.body:
                wm = _warn_message(st)
                if not wm:
                    continue
                if wm[0] == "w":
                    params.setdefault(p, wm[1])
                else:
                    params_log.setdefault(p, _strip_log_prefix(wm[1], p))
    # unconditional warnings at the top level of the body = class deprecation
    for st in fn.body:
        wm = _warn_message(st)
        if wm:
            if wm[0] == "w":
                cls_msg_w = cls_msg_w or wm[1]
            else:
                cls_msg_l = cls_msg_l or _strip_log_prefix(wm[1], subject)
    for p, m in params_log.items():
        params.setdefault(p, m)
    return params, (cls_msg_w or cls_msg_l)


def property_deprecations(cls: ast.ClassDef) -> dict[str, str]:
    """Properties decorated with `@_utilities.deprecated("msg")`."""
    out: dict[str, str] = {}
    for st in cls.body:
        if not isinstance(st, ast.FunctionDef):
            continue
        for d in st.decorator_list:
            if (
                isinstance(d, ast.Call)
                and _last_name(d.func) == "deprecated"
                and d.args
                and (m := _str_const(d.args[0])) is not None
            ):
                out.setdefault(st.name, m)
    return out


def class_body_deprecation(cls: ast.ClassDef) -> str | None:
    for st in cls.body:
        wm = _warn_message(st)
        if wm and wm[0] == "w":
            return wm[1]
    return None


def fn_params(fn: ast.FunctionDef, skip: tuple[str, ...], stats: dict) -> tuple[dict[str, str], set[str]]:
    """Keyword parameters of a method (name -> kind) and the set without a default; the bound
    instance (the first parameter) is not one."""
    a = fn.args
    out: dict[str, str] = {}
    nodefault: set[str] = set()
    positional = a.posonlyargs + a.args
    n_def = len(a.defaults)
    for i, arg in enumerate(positional):
        if i == 0 or arg.arg in skip:
            continue
        out[arg.arg] = type_kind(arg.annotation, stats)
        if i < len(positional) - n_def:
            nodefault.add(arg.arg)
    for arg, d in zip(a.kwonlyargs, a.kw_defaults):
        if arg.arg in skip:
            continue
        out[arg.arg] = type_kind(arg.annotation, stats)
        if d is None:
            nodefault.add(arg.arg)
    return out, nodefault


def find_method(cls: ast.ClassDef, name: str) -> ast.FunctionDef | None:
    found = None
    for st in cls.body:
        if isinstance(st, ast.FunctionDef) and st.name == name:
            found = st  # last definition wins (overloads come first)
    return found


def standard_constructor(cls: ast.ClassDef) -> bool:
    """True when the resource's constructor takes exactly RESOURCE_CONSTRUCTOR_PARAMS (and
    `args=`) besides its arguments: `__init__(self, resource_name, *args, **kwargs)` and
    `_internal_init(self, resource_name, opts, ..., __props__)`."""
    init, internal = find_method(cls, "__init__"), find_method(cls, "_internal_init")
    if init is None or internal is None:
        return False
    a, b = init.args, internal.args
    names = [p.arg for p in b.posonlyargs + b.args]
    return (
        [p.arg for p in a.posonlyargs + a.args][1:] == ["resource_name"]
        and a.vararg is not None
        and a.kwarg is not None
        and not a.kwonlyargs
        and names[1:3] == ["resource_name", "opts"]
        and names[-1] == "__props__"
        and b.vararg is None
        and b.kwarg is None
        and not b.kwonlyargs
    )


def module_all(tree: ast.Module) -> list[str] | None:
    for st in tree.body:
        if (
            isinstance(st, ast.Assign)
            and len(st.targets) == 1
            and isinstance(st.targets[0], ast.Name)
            and st.targets[0].id == "__all__"
            and isinstance(st.value, (ast.List, ast.Tuple))
        ):
            return [e.value for e in st.value.elts if isinstance(e, ast.Constant)]
    return None


def star_imports(init_src: str) -> list[str]:
    """Submodules re-exported by `from .x import *`, in order."""
    tree = ast.parse(init_src)
    out = []
    for st in tree.body:
        if (
            isinstance(st, ast.ImportFrom)
            and st.level == 1
            and st.module
            and any(a.name == "*" for a in st.names)
        ):
            out.append(st.module)
    return out


# ---------------------------------------------------------------------------
# Wheel processing
# ---------------------------------------------------------------------------
def parse_file(module: str, path: str, src: str, stats: dict) -> list[ClassInfo | EnumInfo]:
    tree = ast.parse(src, filename=path)
    exported = module_all(tree)
    exported_set = set(exported) if exported is not None else None
    classes = {st.name: st for st in tree.body if isinstance(st, ast.ClassDef)}
    out: list[ClassInfo] = []
    for name, cls in classes.items():
        if exported_set is not None and name not in exported_set:
            continue
        if exported_set is None and name.startswith("_"):
            continue
        bases = {_last_name(b) for b in cls.bases}
        if bases & RESOURCE_BASES:
            fn = find_method(cls, "_internal_init")
            if fn is None:
                stats.setdefault("resource_without_internal_init", []).append(f"{module}.{name}")
                fn = find_method(cls, "__init__")
                if fn is None:
                    continue
            if not standard_constructor(cls):
                stats.setdefault("unusual_resource_constructors", []).append(f"{module}.{name}")
            params, _ = fn_params(fn, RESOURCE_CONSTRUCTOR_PARAMS, stats)
            required = set(REQUIRED_RE.findall(ast.get_source_segment(src, fn) or ""))
            info = ClassInfo("R", module, name, source=path)
            info.params = {p: (k.upper() if p in required else k) for p, k in params.items()}
            dep, cls_msg = scan_function_deprecations(fn, name)
            # the resource's own Args class carries the per-arg warnings too
            args_cls = classes.get(name + "Args")
            if args_cls is not None and (ai := find_method(args_cls, "__init__")) is not None:
                adep, _ = scan_function_deprecations(ai, name + "Args")
                for p, m in adep.items():
                    dep.setdefault(p, m)
            for p, m in property_deprecations(cls).items():
                if p in params:
                    dep.setdefault(p, m)
                else:
                    info.deprecated_outputs[p] = m
            info.deprecated_params = {p: m for p, m in dep.items() if p in params}
            info.class_deprecation = class_body_deprecation(cls) or cls_msg
            info.outputs = sorted(
                st.name
                for st in cls.body
                if isinstance(st, ast.FunctionDef)
                and any(_last_name(d) == "property" for d in st.decorator_list)
            )
            out.append(info)
        elif bases & {"Enum"}:
            members = {}
            for st in cls.body:
                if (
                    isinstance(st, ast.Assign)
                    and len(st.targets) == 1
                    and isinstance(st.targets[0], ast.Name)
                    and (value := _str_const(st.value)) is not None
                ):
                    members[st.targets[0].id] = value
            out.append(EnumInfo(module, name, members))
        elif name.endswith("Args"):
            fn = find_method(cls, "__init__")
            if fn is None:
                continue
            params, nodefault = fn_params(fn, (), stats)
            info = ClassInfo("A", module, name, source=path)
            info.params = {p: (k.upper() if p in nodefault else k) for p, k in params.items()}
            dep, cls_msg = scan_function_deprecations(fn, name)
            for p, m in property_deprecations(cls).items():
                dep.setdefault(p, m)
            info.deprecated_params = {p: m for p, m in dep.items() if p in params}
            info.class_deprecation = class_body_deprecation(cls) or cls_msg
            out.append(info)
    return out


_ZIP_CACHE: dict[str, zipfile.ZipFile] = {}


def exported_names(src: str) -> list[str]:
    m = ALL_RE.search(src)
    return re.findall(r"'(\w+)'", m.group(1)) if m else []


def _parse_task(task: tuple[str, str, str]) -> tuple[list[ClassInfo | EnumInfo], dict]:
    """Worker: parse one exported source file of the wheel (runs in a pool)."""
    wheel, module, path = task
    zf = _ZIP_CACHE.get(wheel)
    if zf is None:
        zf = _ZIP_CACHE[wheel] = zipfile.ZipFile(wheel)
    src = zf.read(path).decode("utf-8")
    stats: dict = {"exports": {module: exported_names(src)}}
    if not INTERESTING_RE.search(src):
        return [], stats
    stats["files_parsed"] = 1
    return parse_file(module, path, src, stats), stats


def process_wheel(wheel: Path, jobs: int) -> tuple[dict[str, ClassInfo], dict]:
    stats: dict = {"files_parsed": 0, "collisions": [], "mixed_unions": [], "exports": {}}
    tasks: list[tuple[str, str, str]] = []
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        # packages: root + every subpackage that has an __init__.py
        packages = [""]
        for n in sorted(names):
            parts = n.split("/")
            if len(parts) >= 3 and parts[0] == PKG and parts[-1] == "__init__.py":
                packages.append(".".join(parts[1:-1]))
        stats["packages"] = len(packages) - 1
        for module in packages:
            pdir = PKG + ("/" + module.replace(".", "/") if module else "")
            for sub in star_imports(zf.read(f"{pdir}/__init__.py").decode("utf-8")):
                path = f"{pdir}/{sub}.py"
                if path not in names:
                    stats.setdefault("missing_star_targets", []).append(path)
                    continue
                tasks.append((str(wheel), module, path))
    if jobs > 1:
        import concurrent.futures as cf

        with cf.ProcessPoolExecutor(max_workers=jobs) as ex:
            results = list(ex.map(_parse_task, tasks, chunksize=8))
    else:
        results = [_parse_task(t) for t in tasks]
    result: dict[str, ClassInfo] = {}
    enums: dict[str, EnumInfo] = {}
    stats["enums"] = enums
    stats["modules"] = [m for m in packages if m]
    # merge in __init__ import order: a later `from .x import *` shadows earlier ones
    for infos, st in results:
        stats["files_parsed"] += st.get("files_parsed", 0)
        stats["mixed_unions"] += st.get("mixed_unions", [])
        for module, names in st["exports"].items():
            stats["exports"].setdefault(module, set()).update(names)
        for k in ("resource_without_internal_init", "unusual_resource_constructors"):
            if k in st:
                stats.setdefault(k, []).extend(st[k])
        for info in infos:
            if isinstance(info, EnumInfo):
                enums[info.key] = info
                continue
            prev = result.get(info.key)
            if prev is not None:
                stats["collisions"].append(f"{info.key}: {prev.source} -> {info.source}")
            result[info.key] = info
    return result, stats


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------
def esc(s: str) -> str:
    return (
        s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    )


def other_classes(classes: dict[str, ClassInfo], exports: dict[str, set[str]]) -> list[str]:
    """Keys of exported class-like names that are neither resources nor Args classes (enums,
    mostly), so that a reader can tell them from names the module does not have."""
    out = []
    for module, names in exports.items():
        for name in names:
            key = f"{module}.{name}" if module else name
            if name[:1].isupper() and key not in classes and not name.endswith(NOT_CONSTRUCTED_SUFFIXES):
                out.append(key)
    return sorted(out)


def render(
    version: str,
    sha: str,
    classes: dict[str, ClassInfo],
    others: list[str],
    enums: dict[str, EnumInfo],
    modules: list[str],
) -> str:
    # The resource's own args class (`<R>Args`, or `<R>InitArgs` when `<R>Args`
    # is taken by a nested input type) normally has exactly the resource's
    # parameters; it is written as an alias line `A <key>\t=<resource key>`.
    alias: dict[str, str] = {}
    for key, c in classes.items():
        if c.kind != "R":
            continue
        for suffix in ("Args", "InitArgs"):
            a = classes.get(key + suffix)
            if a is not None and a.kind == "A" and a.source == c.source and a.params == c.params:
                alias[a.key] = key
                break

    def plist(c: ClassInfo) -> str:
        return ",".join(p if c.params[p] == "s" else f"{p}:{c.params[p]}" for p in sorted(c.params))

    lines = [
        f"# pulumi-aws {version} sha256={sha} format={FORMAT_VERSION}",
        "# generated by scripts/gen_pulumi_aws_tables.py; see scripts/README.md",
    ]
    body_r, body_a, body_d, body_c = [], [], [], []
    for key in sorted(classes):
        c = classes[key]
        if c.kind == "R":
            body_r.append(f"R {key}\t{plist(c)}")
        elif key in alias:
            body_a.append(f"A {key}\t={alias[key]}")
        else:
            body_a.append(f"A {key}\t{plist(c)}")
        for p in sorted(c.deprecated_params):
            body_d.append(f"D {key}\t{p}\t{esc(c.deprecated_params[p])}")
        if c.class_deprecation is not None:
            body_c.append(f"C {key}\t{esc(c.class_deprecation)}")
    body_e = [f"E {key}" for key in others]
    body_o = [
        f"O {key}\t{','.join(classes[key].outputs)}" for key in sorted(classes) if classes[key].kind == "R"
    ]
    body_v = [
        f"V {key}\t{member}\t{esc(value)}"
        for key in sorted(enums)
        for member, value in sorted(enums[key].members.items())
    ]
    body_p = [f"P {m}" for m in sorted(modules)]
    return "\n".join(lines + body_r + body_a + body_d + body_c + body_e + body_o + body_v + body_p) + "\n"


def gzip_bytes(data: bytes) -> bytes:
    buf = io.BytesIO()
    # filename='' and mtime=0 => no name/time in the header => reproducible
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=GZIP_LEVEL, mtime=0) as gz:
        gz.write(data)
    return buf.getvalue()


def sha256_file(p: Path) -> str:
    h = hashlib.sha256()
    with open(p, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def obtain_wheel(version: str, wheel_dir: Path | None, tmp: Path) -> Path:
    fname = f"pulumi_aws-{version}-py3-none-any.whl"
    if wheel_dir is not None and (wheel_dir / fname).is_file():
        return wheel_dir / fname
    dest = wheel_dir if wheel_dir is not None else tmp
    dest.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
        "--disable-pip-version-check", "-q", f"pulumi-aws=={version}", "-d", str(dest),
    ]
    print("  $", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)
    p = dest / fname
    if not p.is_file():
        cands = sorted(dest.glob(f"pulumi_aws-{version}-*.whl"))
        if not cands:
            sys.exit(f"error: pip did not produce a wheel for pulumi-aws=={version} in {dest}")
        p = cands[0]
    return p


# ---------------------------------------------------------------------------
# Sanity checks
# ---------------------------------------------------------------------------
class Checker:
    def __init__(self) -> None:
        self.failures: list[str] = []

    def ok(self, cond: bool, what: str) -> None:
        print(f"  [{'ok' if cond else 'FAIL'}] {what}")
        if not cond:
            self.failures.append(what)


def sanity(
    tables: dict[str, dict[str, ClassInfo]],
    unusual: dict[str, list[str]],
    enums: dict[str, dict[str, EnumInfo]],
    modules: dict[str, list[str]],
    chk: Checker,
) -> None:
    def has(major: str, cls: str, *params: str) -> None:
        c = tables[major].get(cls)
        chk.ok(c is not None, f"[{major}] {cls} exists")
        if c is not None:
            for p in params:
                chk.ok(p in c.params, f"[{major}] {cls} has {p} ({c.params.get(p, '-')})")

    print("\nSanity checks:")
    for major in sorted(tables):
        has(major, "ec2.Eip", "domain")
        has(major, "ecs.Service", "deployment_maximum_percent",
            "deployment_minimum_healthy_percent", "health_check_grace_period_seconds")
        has(major, "rds.Instance", "backup_retention_period", "backup_window", "maintenance_window")
        has(major, "rds.Cluster", "preferred_backup_window", "preferred_maintenance_window")
        for cls in ("ec2.SecurityGroupRule", "ec2.SecurityGroupIngressArgs",
                    "vpc.SecurityGroupIngressRule"):
            has(major, cls, "description")
        has(major, "ecr.Repository", "force_delete", "image_tag_mutability")
        has(major, "s3.Bucket", "bucket")
        # `self` is a real argument, not the bound instance.
        for cls in ("ec2.SecurityGroupRule", "ec2.SecurityGroupIngressArgs", "ec2.SecurityGroupEgressArgs"):
            has(major, cls, "self")
        odd = sorted(unusual[major])
        chk.ok(not odd, f"[{major}] every resource's constructor takes "
                        f"{', '.join(RESOURCE_CONSTRUCTOR_PARAMS)} and args besides its arguments"
                        + (f" (not: {', '.join(odd[:10])})" if odd else ""))
        runtime = enums[major].get("lambda_.Runtime")
        chk.ok(runtime is not None and runtime.members.get("PYTHON3D12") == "python3.12",
               f"[{major}] lambda_.Runtime.PYTHON3D12 is 'python3.12'")
        instance = tables[major]["rds.Instance"]
        chk.ok({"address", "endpoint", "master_user_secrets", "arn"} <= set(instance.outputs),
               f"[{major}] rds.Instance outputs address, endpoint, master_user_secrets, arn")
        chk.ok("master_user_secret" not in instance.outputs, f"[{major}] rds.Instance has no output master_user_secret")
        chk.ok(all(c.outputs or not c.params for c in tables[major].values() if c.kind == "R"),
               f"[{major}] every resource with arguments has output properties")
        chk.ok({"ec2", "lambda_", "cloudwatch", "config"} <= set(modules[major]) and "logs" not in modules[major],
               f"[{major}] modules include ec2, lambda_, cloudwatch, config and not logs")
    eip6, eip7 = tables["6"]["ec2.Eip"], tables["7"]["ec2.Eip"]
    chk.ok("vpc" in eip6.params, "[6] ec2.Eip has vpc")
    chk.ok("vpc" in eip6.deprecated_params, f"[6] ec2.Eip vpc deprecated: {eip6.deprecated_params.get('vpc')!r}")
    chk.ok("vpc" not in eip7.params, "[7] ec2.Eip has no vpc")
    sdc7 = tables["7"].get("ecs.ServiceDeploymentConfigurationArgs")
    chk.ok(sdc7 is not None, "[7] ecs.ServiceDeploymentConfigurationArgs exists")
    if sdc7 is not None:
        chk.ok("maximum_percent" not in sdc7.params,
               f"[7] ecs.ServiceDeploymentConfigurationArgs has no maximum_percent "
               f"(params: {','.join(sorted(sdc7.params))})")
    sdc6 = tables["6"].get("ecs.ServiceDeploymentConfigurationArgs")
    print(f"  [info] [6] ecs.ServiceDeploymentConfigurationArgs exists: {sdc6 is not None}"
          + (f" (params: {','.join(sorted(sdc6.params))})" if sdc6 else ""))
    for major in sorted(tables):
        s3 = sorted(k for k, c in tables[major].items() if c.kind == "R" and k in ("s3.Bucket", "s3.BucketV2"))
        info = []
        for k in s3:
            c = tables[major][k]
            info.append(f"{k}{' (deprecated: ' + c.class_deprecation + ')' if c.class_deprecation else ''}")
        print(f"  [info] [{major}] s3 bucket resources: {'; '.join(info)}")


# ---------------------------------------------------------------------------
def main() -> int:
    repo = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel-dir", type=Path,
                    help="directory with pulumi_aws-<v>-py3-none-any.whl files "
                         "(missing ones are pip-downloaded into it)")
    ap.add_argument("--out-dir", type=Path, default=repo / "data")
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if the files in --out-dir differ from what would be generated")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="parallel parser processes (output does not depend on it)")
    ns = ap.parse_args()

    t0 = time.perf_counter()
    tables: dict[str, dict[str, ClassInfo]] = {}
    chk = Checker()
    stale = []
    unusual: dict[str, list[str]] = {}
    enums: dict[str, dict[str, EnumInfo]] = {}
    packages: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory(prefix="pulumi-aws-wheels-") as td:
        for version, want_sha in VERSIONS:
            major = version.split(".")[0]
            print(f"pulumi-aws {version}:")
            wheel = obtain_wheel(version, ns.wheel_dir, Path(td))
            sha = sha256_file(wheel)
            print(f"  wheel  {wheel.name}  sha256={sha}")
            if want_sha is None:
                print("  (no recorded sha256; record the one above in VERSIONS)")
            elif sha != want_sha:
                print(f"  error: sha256 mismatch, recorded {want_sha}", file=sys.stderr)
                return 2
            else:
                print("  sha256 matches recorded value")
            t1 = time.perf_counter()
            classes, stats = process_wheel(wheel, ns.jobs)
            tables[major] = classes
            unusual[major] = stats.get("unusual_resource_constructors", [])
            enums[major], packages[major] = stats["enums"], stats["modules"]
            text = render(
                version,
                sha,
                classes,
                other_classes(classes, stats["exports"]),
                stats["enums"],
                stats["modules"],
            )
            raw = text.encode("utf-8")
            gz = gzip_bytes(raw)
            nr = sum(1 for c in classes.values() if c.kind == "R")
            na = len(classes) - nr
            npar = sum(len(c.params) for c in classes.values())
            npr = sum(len(c.params) for c in classes.values() if c.kind == "R")
            nd = sum(len(c.deprecated_params) for c in classes.values())
            nc = sum(1 for c in classes.values() if c.class_deprecation)
            no = sum(len(c.deprecated_outputs) for c in classes.values())
            modules = {c.module for c in classes.values()}
            print(f"  parsed {stats['files_parsed']} files from {stats['packages']} subpackages "
                  f"in {time.perf_counter() - t1:.1f}s")
            print(f"  modules={len(modules)} resources={nr} args_classes={na} params={npar} "
                  f"(resource params={npr}) deprecated_params={nd} deprecated_classes={nc} "
                  f"deprecated_output_only_props(not written)={no} mixed_unions={len(stats['mixed_unions'])}")
            for u in sorted(set(stats["mixed_unions"]))[:5]:
                print(f"    mixed Union[{u[1:-1][:150]}]")
            if stats["collisions"]:
                print(f"  name collisions (later import wins): {len(stats['collisions'])}")
                for c in stats["collisions"][:10]:
                    print("    ", c)
            for k in ("missing_star_targets", "resource_without_internal_init", "unusual_resource_constructors"):
                if stats.get(k):
                    print(f"  {k}: {stats[k][:10]}")
            out = ns.out_dir / f"pulumi-aws-{major}.tables.gz"
            nalias = text.count("\t=")
            print(f"  other exported classes (E): {text.count(chr(10) + 'E ')}")
            print(f"  output property lists (O): {text.count(chr(10) + 'O ')}, "
                  f"enum members (V): {text.count(chr(10) + 'V ')}, modules (P): {text.count(chr(10) + 'P ')}")
            print(f"  args classes written as resource aliases: {nalias}")
            print(f"  size: {len(raw)} bytes uncompressed, {len(gz)} bytes gzip -> {out}")
            if ns.check:
                if not out.is_file() or out.read_bytes() != gz:
                    stale.append(str(out))
            else:
                ns.out_dir.mkdir(parents=True, exist_ok=True)
                tmp = out.with_suffix(".gz.tmp")
                tmp.write_bytes(gz)
                os.replace(tmp, out)
            print(f"  output sha256={hashlib.sha256(gz).hexdigest()}")

    sanity(tables, unusual, enums, packages, chk)
    print(f"\nTotal time {time.perf_counter() - t0:.1f}s")
    if stale:
        print("STALE (re-run the generator): " + ", ".join(stale), file=sys.stderr)
        return 1
    if chk.failures:
        print(f"{len(chk.failures)} sanity check(s) FAILED", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
