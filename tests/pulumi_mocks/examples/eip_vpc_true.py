# pulumi-aws 7 removed Eip's `vpc` argument (use domain="vpc"): must fail.
import pulumi_aws as aws

aws.ec2.Eip("e", vpc=True)
