"""The catalog's task role: secrets read on every secret of the account."""
import json

import pulumi
import pulumi_aws as aws


class Service(pulumi.ComponentResource):
    def __init__(self, name, opts=None):
        super().__init__("catalog:Service", name, None, opts)
        self.db_secret = aws.secretsmanager.Secret("db-secret", opts=pulumi.ResourceOptions(parent=self))
        self.task_role = aws.iam.Role(
            "task-role",
            assume_role_policy=json.dumps({
                "Version": "2012-10-17",
                "Statement": [{
                    "Effect": "Allow",
                    "Principal": {"Service": "ecs-tasks.amazonaws.com"},
                    "Action": "sts:AssumeRole",
                }],
            }),
        )
        aws.iam.RolePolicy(
            "task-secrets",
            role=self.task_role.id,
            policy=json.dumps({
                "Version": "2012-10-17",
                "Statement": [{
                    "Effect": "Allow",
                    "Action": [
                        "secretsmanager:GetSecretValue",
                        "kms:Decrypt",
                    ],
                    "Resource": "*"  # ❌ OVERLY PERMISSIVE
                }]
            }),
            opts=pulumi.ResourceOptions(parent=self),
        )
        # The task that has the role reads the secret: the policy is for that secret.
        aws.ecs.TaskDefinition(
            "task",
            family="service",
            requires_compatibilities=["FARGATE"],
            network_mode="awsvpc",
            cpu="256",
            memory="512",
            task_role_arn=self.task_role.arn,
            container_definitions=pulumi.Output.all(self.db_secret.arn).apply(lambda args: json.dumps([{
                "name": "app",
                "image": "nginx",
                "secrets": [{"name": "DB", "valueFrom": args[0]}],
            }])),
            opts=pulumi.ResourceOptions(parent=self),
        )


Service("catalog")
