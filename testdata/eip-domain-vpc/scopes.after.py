import pulumi
import pulumi_aws as aws


class Network(pulumi.ComponentResource):
    def __init__(self, name, azs, opts=None):
        super().__init__("acme:network:Network", name, None, opts)
        self.eips = []
        for i, az in enumerate(azs):
            eip = aws.ec2.Eip(
                f"nat-eip-{i}",
                domain="vpc",
                tags={"Name": f"nat-eip-{i}"},
                opts=pulumi.ResourceOptions(parent=self),
            )
            self.eips.append(eip)


def make_eips(count):
    return [aws.ec2.Eip(f"eip-{i}", domain="vpc") for i in range(count)]


def later(zone):
    # Created inside a callback: still an Eip.
    return aws.ec2.Eip(f"eip-{zone}", domain="vpc")


zones = aws.get_availability_zones()
pulumi.Output.from_input(zones.names[0]).apply(later)
