"""boto3 against the emulator, for the end-to-end tests (Node calls this).

    client.py ENDPOINT describe ARN            prints the DescribeModelPackage answer
    client.py ENDPOINT describe-training-job NAME  prints the DescribeTrainingJob answer
    client.py ENDPOINT set-card ARN JSON STATUS  updates the card behind the app's back
    client.py ENDPOINT log                     prints the emulator's request log
    client.py ENDPOINT fault JSON              queues faults (see launcher.py)
    client.py ENDPOINT many GROUP COUNT         makes a group with COUNT versions
"""

import json
import sys
import urllib.request

import seed


def control(endpoint, path, payload=None):
    request = urllib.request.Request(endpoint + "__emulator/" + path, data=json.dumps(payload or {}).encode(), method="POST")
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def main(endpoint, command, *args):
    sm = seed.client(endpoint, retries=1)
    if command == "describe":
        answer = sm.describe_model_package(ModelPackageName=args[0])
        answer.pop("ResponseMetadata", None)
        print(json.dumps(answer, default=str))
    elif command == "describe-training-job":
        answer = sm.describe_training_job(TrainingJobName=args[0])
        answer.pop("ResponseMetadata", None)
        print(json.dumps(answer, default=str))
    elif command == "set-card":
        sm.update_model_package(ModelPackageArn=args[0], ModelCard={"ModelCardContent": args[1], "ModelCardStatus": args[2]})
        print("{}")
    elif command == "log":
        print(json.dumps(control(endpoint, "log")))
    elif command == "many":
        sm.create_model_package_group(ModelPackageGroupName=args[0])
        for index in range(int(args[1])):
            sm.create_model_package(
                ModelPackageGroupName=args[0],
                ModelPackageDescription=f"Candidate {index + 1}",
                ModelApprovalStatus="PendingManualApproval",
                InferenceSpecification=seed.SPEC,
            )
        print("{}")
    elif command == "fault":
        print(json.dumps(control(endpoint, "faults", json.loads(args[0]))))
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main(*sys.argv[1:])
