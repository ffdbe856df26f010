from mytools import *

bucket = aws.s3.Bucket("assets")
