#!/usr/bin/env python3
"""Run a Pulumi Python program offline under pulumi.runtime mocks.

usage: python run_program.py PROGRAM.py|DIR [--json OUT.json] [--traceback]
       python run_program.py --each [--jobs N] PROGRAM.py|DIR ...

Exit 0 if the program (including every apply callback and every resource
registration) ran cleanly; otherwise exit 1 with "ExcType: message" as the
last line on stderr. --json writes every registered resource as
{"type", "name", "inputs", "dependencies"}; input keys are Pulumi *wire* names
(camelCase, e.g. "backupRetentionPeriod"), exactly what the engine would receive;
"dependencies" are the names of the resources the registration depends on (explicit
`depends_on` and those implied by inputs, as the engine receives them).

--each runs many programs, each in a process of its own forked from one that has
imported pulumi and the pulumi_aws modules they use (most of a run's time), N at
a time (default: the CPU count), and prints one JSON line per program, in the
order given: {"program", "ok", "error"} (error: the "ExcType: message" line).

Config: PULUMI_CONFIG='{"project:key": "value"}' (same JSON the real engine
passes). Project name: $PULUMI_PROJECT, else `name:` in a Pulumi.yaml next to
the program, else "project". Stack name: $PULUMI_STACK, else "stack".
"""

import argparse
import json
import os
import re
import runpy
import sys
import traceback

import pulumi
from pulumi.runtime import mocks as _mocks
from pulumi.runtime import rpc

REGION = "us-east-1"
ACCOUNT = "123456789012"


def _computed_outputs(typ: str, name: str) -> dict:
    """Plausible provider-computed outputs, keyed by wire (camelCase) names.

    Missing outputs resolve to None (not unknown) because we run as an update,
    not a preview, so programs that apply() on e.g. `endpoint` need a value.
    Outputs a resource type doesn't declare are simply ignored by the SDK,
    so it's fine for the generic ones to be over-inclusive.
    """
    # "aws:rds/instance:Instance" -> service "rds"
    service = typ.split(":")[1].split("/")[0] if typ.count(":") == 2 else "unknown"
    out = {
        "arn": f"arn:aws:{service}:{REGION}:{ACCOUNT}:{name}",
        "name": name,
        "ownerId": ACCOUNT,
        "tagsAll": {},
    }
    host = f"{name}.example.{service}.amazonaws.com"
    specific = {
        "aws:rds/instance:Instance": {
            "endpoint": f"{name}.example.rds.amazonaws.com:5432",
            "address": f"{name}.example.rds.amazonaws.com",
            "port": 5432,
            # What RDS reports with `manage_master_user_password`: one secret.
            "masterUserSecrets": [{
                "secretArn": f"arn:aws:secretsmanager:{REGION}:{ACCOUNT}:secret:rds!{name}",
                "secretStatus": "active",
            }],
        },
        "aws:rds/cluster:Cluster": {
            "endpoint": f"{name}.cluster.example.rds.amazonaws.com",
            "readerEndpoint": f"{name}.cluster-ro.example.rds.amazonaws.com",
            "port": 5432,
        },
        "aws:ec2/eip:Eip": {
            "publicIp": "203.0.113.10",
            "allocationId": f"eipalloc-{name}",
            "publicDns": "ec2-203-0-113-10.compute-1.amazonaws.com",
        },
        "aws:ec2/instance:Instance": {
            "publicIp": "203.0.113.20",
            "privateIp": "10.0.0.20",
            "publicDns": "ec2-203-0-113-20.compute-1.amazonaws.com",
            "primaryNetworkInterfaceId": f"eni-{name}",
        },
        "aws:ecr/repository:Repository": {
            "repositoryUrl": f"{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/{name}",
            "registryId": ACCOUNT,
        },
        "aws:s3/bucket:Bucket": {
            "bucket": name,
            "bucketDomainName": f"{name}.s3.amazonaws.com",
            "bucketRegionalDomainName": f"{name}.s3.{REGION}.amazonaws.com",
        },
        "aws:s3/bucketV2:BucketV2": {
            "bucket": name,
            "bucketDomainName": f"{name}.s3.amazonaws.com",
            "bucketRegionalDomainName": f"{name}.s3.{REGION}.amazonaws.com",
        },
        "aws:lb/loadBalancer:LoadBalancer": {"dnsName": host, "zoneId": "Z35SXDOTRQ7X7K"},
        "aws:cloudfront/distribution:Distribution": {
            "domainName": f"{name}.cloudfront.net",
            "hostedZoneId": "Z2FDTNDATAQYW2",
        },
        # pulumi-random: what the provider generates once and keeps in the state.
        "random:index/randomPassword:RandomPassword": {"result": f"mock-random-password-{name}"},
        "aws:lambda/function:Function": {
            "invokeArn": f"arn:aws:apigateway:{REGION}:lambda:path/functions/{name}/invocations",
        },
    }
    out.update(specific.get(typ, {}))
    return out


def _invoke_result(token: str, args: dict) -> dict:
    # Match on the function name only: e.g. getAvailabilityZones lives under
    # aws:index/, not aws:ec2/, and module paths move between major versions.
    fn = token.rsplit(":", 1)[-1]
    if fn == "getRegion":
        return {"name": REGION, "region": REGION, "id": REGION,
                "description": "US East (N. Virginia)", "endpoint": f"ec2.{REGION}.amazonaws.com"}
    if fn == "getCallerIdentity":
        return {"accountId": ACCOUNT, "arn": f"arn:aws:iam::{ACCOUNT}:user/mock",
                "userId": "AIDAMOCKUSER", "id": ACCOUNT}
    if fn == "getPartition":
        return {"partition": "aws", "dnsSuffix": "amazonaws.com",
                "reverseDnsPrefix": "com.amazonaws", "id": "aws"}
    if fn == "getAvailabilityZones":
        return {"names": [f"{REGION}a", f"{REGION}b"], "zoneIds": ["use1-az1", "use1-az2"],
                "groupNames": [REGION], "id": REGION}
    if fn == "getAmi":
        return {"id": "ami-0123456789abcdef0", "imageId": "ami-0123456789abcdef0",
                "architecture": "x86_64", "name": "mock-ami"}
    if fn in ("getSubnetIds", "getSubnets"):
        # The VPC's subnets, as 5's getSubnetIds(vpcId=) and getSubnets(filters=[vpc-id]) both
        # ask for them: the same VPC gives the same ids.
        vpcs = [args["vpcId"]] if args.get("vpcId") else [
            value
            for f in args.get("filters") or []
            if f.get("name") == "vpc-id"
            for value in f.get("values") or []
        ]
        return {"ids": [f"subnet-{vpc}-{zone}" for vpc in vpcs for zone in "ab"], "id": REGION}
    if fn == "getPolicyDocument":
        # Good enough for programs that feed `.json` into a policy resource.
        doc = {"Version": "2012-10-17", "Statement": args.get("statements") or []}
        return {"json": json.dumps(doc), "minifiedJson": json.dumps(doc, separators=(",", ":")),
                "id": "mock-policy-document"}
    return {}


# MockResourceArgs carries no dependencies; the monitor's request does. Note them per
# (type, name) just before the monitor calls new_resource for that request.
_DEPENDENCIES = {}
_register_resource = _mocks.MockMonitor.RegisterResource


def _register_with_dependencies(self, request):
    _DEPENDENCIES[(request.type, request.name)] = sorted(
        urn.rsplit("::", 1)[-1] for urn in request.dependencies
    )
    return _register_resource(self, request)


_mocks.MockMonitor.RegisterResource = _register_with_dependencies


class Mocks(pulumi.runtime.Mocks):
    def __init__(self):
        self.resources = []  # registration order

    def new_resource(self, args: pulumi.runtime.MockResourceArgs):
        self.resources.append({
            "type": args.typ,
            "name": args.name,
            "inputs": args.inputs,
            "dependencies": _DEPENDENCIES.get((args.typ, args.name), []),
        })
        if args.custom is False:  # ComponentResource: no id, outputs come from register_outputs
            return "", {}
        resource_id = args.resource_id or f"{args.name}_id"  # resource_id set for .get()/import
        state = _computed_outputs(args.typ, args.name)
        state.update(args.inputs)  # inputs win over our guesses
        # pulumi-aws takes an IAM policy document as a dict too, and its outputs hold it as
        # JSON text, which the SDK's output types insist on.
        for key, value in state.items():
            if isinstance(value, dict) and "Statement" in value:
                state[key] = json.dumps(value)
        return resource_id, state

    def call(self, args: pulumi.runtime.MockCallArgs):
        return _invoke_result(args.token, args.args)


def _plain(value):
    """Make recorded inputs JSON-friendly for tests.

    The wire format is protobuf Struct, so every number arrives as a float
    (7 -> 7.0); turn integral ones back into ints so `== 7` matches in any
    language. Secrets arrive wrapped in Pulumi's signature dict; unwrap them.
    """
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        if value.get(rpc._special_sig_key) == rpc._special_secret_sig:
            return _plain(value.get("value"))
        return {k: _plain(v) for k, v in value.items()}
    return value


def _project_name(program_dir: str) -> str:
    if os.environ.get("PULUMI_PROJECT"):
        return os.environ["PULUMI_PROJECT"]
    try:
        with open(os.path.join(program_dir, "Pulumi.yaml")) as f:
            m = re.search(r"^name:\s*['\"]?([^'\"\s#]+)", f.read(), re.M)
            if m:
                return m.group(1)
    except OSError:
        pass
    return "project"


def run(program: str, json_out=None, show_traceback=False):
    """Runs one program under the mocks: None when it ran, else "ExcType: message"."""
    program = os.path.abspath(program)
    json_out = os.path.abspath(json_out) if json_out else None
    # A directory means its __main__.py, as with `pulumi up` (runpy handles it).
    program_dir = program if os.path.isdir(program) else os.path.dirname(program)
    # Like `pulumi up`: cwd is the project dir and sibling modules are importable.
    sys.path.insert(0, program_dir)
    sys.dont_write_bytecode = True  # don't leave __pycache__ in the program's tree
    os.chdir(program_dir)

    mocks = Mocks()
    # preview=False: run as an update so every output is known and every
    # apply() callback actually executes (in preview, unknowns skip applies).
    pulumi.runtime.set_mocks(
        mocks,
        project=_project_name(program_dir),
        stack=os.environ.get("PULUMI_STACK", "stack"),
        preview=False,
    )

    # pulumi.runtime.test (the SDK's documented unit-test wrapper) runs the
    # function, then waits for all outstanding RPCs *and* all tracked Output
    # tasks, re-raising the first failure. That is what surfaces exceptions
    # from resource registration and from apply() callbacks, which would
    # otherwise die silently in background asyncio tasks. Returning the stack
    # exports also forces them to resolve.
    @pulumi.runtime.test
    def run_program():
        runpy.run_path(program, run_name="__main__")
        return pulumi.runtime.get_root_resource().outputs

    try:
        run_program()
    except BaseException as exc:  # noqa: BLE001 - report anything, incl. SystemExit
        if not (isinstance(exc, SystemExit) and exc.code in (0, None)):
            if show_traceback:
                traceback.print_exception(exc)
            # Some SDK errors are multi-line ("While processing resource ... /
            # unexpected input of type ..."); keep every part but on one line.
            summary = " / ".join(l.strip() for l in str(exc).splitlines() if l.strip())
            return f"{type(exc).__name__}: {summary}"

    if json_out:
        with open(json_out, "w") as f:
            # default=str: resource references / unexpected objects shouldn't crash the dump
            json.dump(_plain(mocks.resources), f, indent=2, sort_keys=True, default=str)
            f.write("\n")
    return None


def _preload(programs):
    """Imports the pulumi_aws modules the programs name (`aws.ec2.Vpc`), so that each
    forked run finds them loaded: pulumi_aws loads a module on its first use, and its
    large modules take most of a program's time."""
    import importlib
    import pulumi_aws

    names = set()
    for program in programs:
        main = os.path.join(program, "__main__.py") if os.path.isdir(program) else program
        try:
            with open(main, encoding="utf-8", errors="replace") as f:
                names.update(re.findall(r"\baws\.([a-z][a-z0-9_]*)\.[A-Z]", f.read()))
        except OSError:
            pass
    for name in sorted(names):
        try:
            module = importlib.import_module(f"pulumi_aws.{name}")
            dir(module)  # loads a lazily imported module
        except Exception:  # noqa: BLE001 - a program naming no real module fails on its own
            pass
    try:
        import pulumi_random  # noqa: F401 - the fixes may use it
    except ImportError:
        pass


def run_each(programs, jobs):
    """Runs every program in a forked process, `jobs` at a time; prints a JSON line each."""
    _preload(programs)
    sys.stdout.flush()
    sys.stderr.flush()
    results = {}
    running = {}  # pid -> (index, read end of its pipe)
    pending = list(enumerate(programs))
    while pending or running:
        while pending and len(running) < jobs:
            index, program = pending.pop(0)
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read)
                code = 0
                try:
                    # The program's own output is not the report's.
                    devnull = os.open(os.devnull, os.O_WRONLY)
                    os.dup2(devnull, 1)
                    os.dup2(devnull, 2)
                    error = run(program)
                except BaseException as exc:  # noqa: BLE001
                    error = f"{type(exc).__name__}: {exc}"
                with os.fdopen(write, "w") as out:
                    # Short enough for the pipe's buffer: the parent reads it once we exit.
                    out.write((error or "")[:4000])
                code = 1 if error else 0
                os._exit(code)
            os.close(write)
            running[pid] = (index, read)
        pid, status = os.wait()
        index, read = running.pop(pid)
        with os.fdopen(read) as pipe:
            error = pipe.read()
        ok = os.waitstatus_to_exitcode(status) == 0
        if not ok and not error:
            error = f"the run ended with status {os.waitstatus_to_exitcode(status)}"
        results[index] = {"program": programs[index], "ok": ok, "error": error or None}
    for index in range(len(programs)):
        print(json.dumps(results[index]))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("program", nargs="+")
    ap.add_argument("--json", dest="json_out")
    ap.add_argument("--traceback", action="store_true", help="print full traceback on failure")
    ap.add_argument("--each", action="store_true", help="run every program, a JSON line each")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    opts = ap.parse_args()

    if opts.each:
        return run_each(opts.program, max(1, opts.jobs))
    if len(opts.program) != 1:
        ap.error("one program, or --each")
    error = run(opts.program[0], opts.json_out, opts.traceback)
    if error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
