# infra-fix: ignore-file
import pulumi_aws as aws

repo = aws.ecr.Repository("repo")
