from setuptools import setup

setup(
    name="infra",
    install_requires=["pulumi>=3", "pulumi-aws==6.*"],
)
