import json

import pulumi
import pulumi_aws as aws

db = aws.rds.Instance("db", engine="postgres", instance_class="db.t3.micro", allocated_storage=20)

host = db.endpoint.apply(lambda endpoint: endpoint.split(":")[0])
secret = db.endpoint.apply(
    lambda e: json.dumps({
        "host": e.split(':')[0],
        "dsn": f"postgresql://{e.rsplit(':', 1)[0]}/app",
    })
)
config = pulumi.Output.all(db.username, db.endpoint, db.port).apply(
    lambda args: json.dumps({"user": args[0], "host": args[1].split(":")[0], "port": args[2]})
)
# `address` is a name the callback uses: the parameter keeps its name.
address = "unused"
taken = db.endpoint.apply(lambda ep: f"{ep.split(':')[0]} ({address})")


class Catalog(pulumi.ComponentResource):
    def __init__(self, name):
        super().__init__("catalog:app:Catalog", name)
        self.rds_instance = aws.rds.Instance(f"rds-{name}", engine="postgres", instance_class="db.t3.micro", allocated_storage=20)
        self.host = self.rds_instance.endpoint.apply(lambda endpoint: endpoint.split(":")[0])
        # The whole endpoint is used too: no fix.
        self.both = self.rds_instance.endpoint.apply(lambda endpoint: f"{endpoint.split(':')[0]} ({endpoint})")
