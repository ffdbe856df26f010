#!/usr/bin/env python3
"""Run a Pulumi Python program offline under pulumi.runtime mocks.

usage: python run_program.py PROGRAM.py|DIR [--json OUT.json] [--traceback]

Exit 0 if the program (including every apply callback and every resource
registration) ran cleanly; otherwise exit 1 with "ExcType: message" as the
last line on stderr. --json writes every registered resource as
{"type", "name", "inputs", "dependencies"}; input keys are Pulumi *wire* names
(camelCase, e.g. "backupRetentionPeriod"), exactly what the engine would receive;
"dependencies" are the names of the resources the registration depends on (explicit
`depends_on` and those implied by inputs, as the engine receives them).

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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("program")
    ap.add_argument("--json", dest="json_out")
    ap.add_argument("--traceback", action="store_true", help="print full traceback on failure")
    opts = ap.parse_args()

    program = os.path.abspath(opts.program)
    json_out = os.path.abspath(opts.json_out) if opts.json_out else None
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
    def run():
        runpy.run_path(program, run_name="__main__")
        return pulumi.runtime.get_root_resource().outputs

    try:
        run()
    except BaseException as exc:  # noqa: BLE001 - report anything, incl. SystemExit
        if isinstance(exc, SystemExit) and exc.code in (0, None):
            pass
        else:
            if opts.traceback:
                traceback.print_exception(exc)
            # Some SDK errors are multi-line ("While processing resource ... /
            # unexpected input of type ..."); keep every part but on one line.
            summary = " / ".join(l.strip() for l in str(exc).splitlines() if l.strip())
            print(f"{type(exc).__name__}: {summary}", file=sys.stderr)
            return 1

    if json_out:
        with open(json_out, "w") as f:
            # default=str: resource references / unexpected objects shouldn't crash the dump
            json.dump(_plain(mocks.resources), f, indent=2, sort_keys=True, default=str)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
