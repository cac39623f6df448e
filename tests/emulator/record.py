"""Records the emulator's raw JSON answers into tests/fixtures/sagemaker/,
for tests/sagemaker.rs to decode. Run after changing the seed:
    target/reference-venv/bin/python tests/emulator/record.py
"""

import json
import os
import sys
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
import launcher  # noqa: E402
import seed  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "fixtures", "sagemaker")


def call(endpoint, operation, payload):
    request = urllib.request.Request(
        endpoint,
        data=json.dumps(payload).encode(),
        method="POST",
        headers={"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "SageMaker." + operation},
    )
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def main():
    server = launcher.serve("127.0.0.1", 0)
    endpoint = f"http://127.0.0.1:{server.server_port}/"
    seed.seed(endpoint)
    arn = "arn:aws:sagemaker:us-east-2:123456789012:model-package/fraud-detector/1"
    answers = {
        "list-model-package-groups": call(endpoint, "ListModelPackageGroups", {}),
        "list-model-packages": call(endpoint, "ListModelPackages", {"ModelPackageGroupName": "fraud-detector"}),
        "describe-model-package": call(endpoint, "DescribeModelPackage", {"ModelPackageName": arn}),
    }
    for name, answer in answers.items():
        with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as file:
            json.dump(answer, file, indent=2, ensure_ascii=False)
            file.write("\n")
    server.shutdown()


if __name__ == "__main__":
    main()
