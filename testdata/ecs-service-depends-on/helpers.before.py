import pulumi
import pulumi_aws as aws

alb = aws.lb.LoadBalancer("alb", subnets=["subnet-1", "subnet-2"])
blue = aws.lb.TargetGroup("blue", port=80, protocol="HTTP", target_type="ip", vpc_id="vpc-1")
green = aws.lb.TargetGroup("green", port=80, protocol="HTTP", target_type="ip", vpc_id="vpc-1")

# A weighted listener forwards to both groups.
weighted = aws.lb.Listener(
    "weighted",
    load_balancer_arn=alb.arn,
    port=80,
    default_actions=[{
        "type": "forward",
        "forward": {
            "target_groups": [
                {"arn": blue.arn, "weight": 90},
                {"arn": green.arn, "weight": 10},
            ],
        },
    }],
)

green_service = aws.ecs.Service(
    "green",
    cluster="c",
    load_balancers=[{"target_group_arn": green.arn, "container_name": "app", "container_port": 80}],
)

# Target groups kept in a dict.
groups = {"api": aws.lb.TargetGroup("api", port=8080, protocol="HTTP", target_type="ip", vpc_id="vpc-1")}
api_listener = aws.lb.Listener(
    "api",
    load_balancer_arn=alb.arn,
    port=8080,
    default_actions=[{"type": "forward", "target_group_arn": groups["api"].arn}],
)


def service_for(name, group: aws.lb.TargetGroup, listener):
    # The group and its listener come in as parameters from the one call below.
    return aws.ecs.Service(
        name,
        cluster="c",
        load_balancers=[{"target_group_arn": group.arn, "container_name": name, "container_port": 8080}],
    )


service_for("api", groups["api"], api_listener)
