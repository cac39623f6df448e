"""Makes tests/sigv4/fixtures.json: SigV4 signatures computed by botocore.

tests/sigv4.rs signs the same requests with our signer and requires the same
Authorization header, byte for byte. Run after changing the cases:
    target/reference-venv/bin/python tests/sigv4/generate.py
"""

import datetime
import json
import os
from unittest import mock

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

CASES = [
    # (host, region, target, body, epoch seconds, session token[, path])
    ("api.sagemaker.us-east-2.amazonaws.com", "us-east-2", "SageMaker.ListModelPackages",
     '{"ModelPackageGroupName":"fraud-detector"}', 1700000000, "IQoJb3JpZ2luX2VjEXAMPLETOKEN"),
    ("api.sagemaker.us-east-2.amazonaws.com", "us-east-2", "SageMaker.ListModelPackageGroups", "{}", 1795630000, None),
    ("api.sagemaker.eu-west-1.amazonaws.com", "eu-west-1", "SageMaker.DescribeModelPackage",
     '{"ModelPackageName":"arn:aws:sagemaker:eu-west-1:123456789012:model-package/g/1"}', 1609459199, "token/with+special=chars"),
    ("127.0.0.1:5005", "us-east-2", "SageMaker.UpdateModelPackage",
     json.dumps({"ModelPackageArn": "arn:aws:sagemaker:us-east-2:123456789012:model-package/g/3",
                 "ModelCard": {"ModelCardContent": json.dumps({"model_overview": {"model_creator": "Équipe 🎯"}}, ensure_ascii=False),
                               "ModelCardStatus": "PendingReview"},
                 "ClientToken": "7f3c2a10-5b4e-4c1d-9a8f-0e6b2d4c8a11"}, ensure_ascii=False),
     1795630001, "FwoGZXIvYXdzEXAMPLE"),
    ("proxy.example.com:8443", "ap-southeast-2", "SageMaker.ListModelPackages", "", 1735689600, None),
    # A proxy under a path: the path the browser sends is the one signed.
    ("proxy.example.com", "us-east-2", "SageMaker.ListModelPackageGroups", "{}", 1796328000, "IQoJb3JpZ2luX2VjEXAMPLETOKEN",
     "/v1/sagemaker/"),
]

ACCESS_KEY = "ASIAIOSFODNN7EXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"


def sign(host, region, target, body, epoch, token, path="/"):
    credentials = Credentials(ACCESS_KEY, SECRET_KEY, token)
    request = AWSRequest(
        method="POST",
        url=f"https://{host}{path}",
        data=body.encode("utf-8"),
        headers={"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": target, "Host": host},
    )
    now = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).replace(tzinfo=None)
    with mock.patch.object(botocore.auth, "get_current_datetime", return_value=now):
        botocore.auth.SigV4Auth(credentials, "sagemaker", region).add_auth(request)
    return {
        "host": host,
        "path": path,
        "region": region,
        "target": target,
        "body": body,
        "epoch_ms": epoch * 1000,
        "session_token": token,
        "amz_date": request.headers["X-Amz-Date"],
        "authorization": request.headers["Authorization"],
    }


def main():
    fixtures = {
        "botocore": botocore.__version__,
        "access_key_id": ACCESS_KEY,
        "secret_access_key": SECRET_KEY,
        "cases": [sign(*case) for case in CASES],
    }
    path = os.path.join(os.path.dirname(__file__), "fixtures.json")
    with open(path, "w", encoding="utf-8") as file:
        json.dump(fixtures, file, indent=2, ensure_ascii=False)
        file.write("\n")


if __name__ == "__main__":
    main()
