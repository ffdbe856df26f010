import pulumi_aws as aws

reset = True
by_variable = aws.apigateway.Account("by-variable", reset_on_delete=reset)
# The options belong to the resource this object is given to, written elsewhere.
by_args = aws.apigateway.AccountArgs(reset_on_delete=False)
