"""Input types pulumi-aws 7 does not have: reported, no fix (the program still needs a person)."""
import pulumi_aws as aws

# Input types that do not exist: `sqs.Queue` takes its redrive policy as a JSON string, and
# the near spelling is the input type of the `sqs.RedrivePolicy` resource.
redrive: aws.sqs.QueueRedrivePolicyArgsDict = {}
code_type = aws.lambda_.FunctionCodeArgs

# A near spelling of a data source.
bucket = aws.s3.get_buckett(bucket="assets")

# A module pulumi-aws spells otherwise, with no class to map: the module is suggested.
logs_module = aws.logs
