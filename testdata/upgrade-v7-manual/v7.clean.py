import pulumi
import pulumi_aws as aws

api = aws.apigateway.RestApi("api")
deployment = aws.apigateway.Deployment("api", rest_api=api.id)
stage = aws.apigateway.Stage("prod", rest_api=api.id, deployment=deployment.id, stage_name="prod")
cluster_ami = aws.ec2.get_ami(most_recent=True, owners=["amazon"])
by_owner = aws.ec2.get_ami(most_recent=True, filters=[{"name": "owner-alias", "values": ["amazon"]}])
unknown = aws.ec2.get_ami(most_recent=True, filters=FILTERS)
oldest = aws.ec2.get_ami(most_recent=False)
# The resource's `saml_options` stays one object on 7; a key reassigned may not be the one read.
config = aws.opensearch.ServerlessSecurityConfig("idp", type="saml", saml_options={"metadata": "<xml/>"})
saml = config.saml_options
key = aws.paymentcryptography.Key("key", exportable=True)
key = other_key
attributes = key.key_attributes
# Import IDs of classes whose format 7 kept, or options built elsewhere.
bucket = aws.s3.BucketV2("b", opts=pulumi.ResourceOptions(import_="my-bucket"))
flow = aws.appflow.Flow("flow", opts=OPTIONS)
# Routing rules already one JSON string, or not written out here.
site = aws.s3.Bucket("site", website={"index_document": "index.html", "routing_rules": ROUTING_RULES_JSON})
site_v2 = aws.s3.BucketV2("site-v2", website={"routing_rules": json.dumps([RULE])})
