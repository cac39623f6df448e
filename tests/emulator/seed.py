"""Demo data for the emulator: a realistic model package group, through boto3.

fraud-detector has four versions: approved with a complete card, rejected
with a short one, pending with a large card holding every metric kind, and
pending without a card. churn-model has one approved version. The training
jobs the two full cards name (fraud-xgb-2026-11-20 and fraud-v7) exist, with their hyperparameters, data and final metrics.
"""

import json
import os
import urllib.request

import boto3
from botocore.config import Config

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")


def client(endpoint, retries=None):
    """A boto3 SageMaker client for the emulator; `retries=1` makes a
    single attempt (boto3 otherwise retries throttling and 5xx)."""
    config = Config(retries={"total_max_attempts": retries, "mode": "standard"}) if retries else None
    return boto3.client(
        "sagemaker",
        endpoint_url=endpoint,
        region_name="us-east-2",
        aws_access_key_id="emulator",
        aws_secret_access_key="emulator",
        config=config,
    )


def card_text(relative):
    with open(os.path.join(ROOT, relative), encoding="utf-8") as file:
        return json.dumps(json.load(file), separators=(",", ":"), ensure_ascii=False)


SPEC = {
    "Containers": [
        {
            "Image": "257758044811.dkr.ecr.us-east-2.amazonaws.com/sagemaker-xgboost:1.7-1",
            "ModelDataUrl": "s3://acme-ml-models/fraud-detector/model.tar.gz",
        }
    ],
    "SupportedContentTypes": ["text/csv"],
    "SupportedResponseMIMETypes": ["text/csv"],
    "SupportedRealtimeInferenceInstanceTypes": ["ml.t2.medium", "ml.m5.xlarge"],
    "SupportedTransformInstanceTypes": ["ml.m5.xlarge"],
}


TRAINING_JOBS = [
    {
        "name": "fraud-xgb-2026-11-20",
        "hyper_parameters": {
            "max_depth": "6",
            "eta": "0.15",
            "objective": "binary:logistic",
            "num_round": "400",
            "scale_pos_weight": "28",
            "eval_metric": "aucpr",
        },
        "channels": ["train", "validation"],
        "metrics": {"train:aucpr": 0.8934, "validation:aucpr": 0.8412, "validation:auc": 0.9763, "validation:logloss": 0.0418},
    },
    {
        "name": "fraud-v7",
        "hyper_parameters": {"max_depth": "8", "eta": "0.1", "objective": "binary:logistic", "num_round": "600"},
        "channels": ["train", "validation", "holdout"],
        "metrics": {"train:auc": 0.9912, "validation:auc": 0.9688, "validation:error": 0.0214},
    },
]


def seed_training_jobs(sm, endpoint):
    """The training jobs the demo cards name, and their final metrics
    (recorded through the launcher's control API, as a real job reports
    them when it ends)."""
    for job in TRAINING_JOBS:
        sm.create_training_job(
            TrainingJobName=job["name"],
            HyperParameters=job["hyper_parameters"],
            AlgorithmSpecification={"TrainingImage": SPEC["Containers"][0]["Image"], "TrainingInputMode": "File"},
            RoleArn="arn:aws:iam::123456789012:role/fraud-ml-training",
            InputDataConfig=[
                {
                    "ChannelName": channel,
                    "DataSource": {
                        "S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": f"s3://acme-ml-data/fraud-detector/{channel}/"}
                    },
                }
                for channel in job["channels"]
            ],
            OutputDataConfig={"S3OutputPath": "s3://acme-ml-models/fraud-detector/output"},
            ResourceConfig={"InstanceType": "ml.m5.2xlarge", "InstanceCount": 1, "VolumeSizeInGB": 50},
            StoppingCondition={"MaxRuntimeInSeconds": 7200},
        )
        metrics = [{"MetricName": name, "Value": value, "Timestamp": "2026-11-20T10:42:00Z"} for name, value in job["metrics"].items()]
        body = json.dumps({"TrainingJobName": job["name"], "FinalMetricDataList": metrics}).encode()
        request = urllib.request.Request(endpoint.rstrip("/") + "/__emulator/training-metrics", data=body, method="POST")
        with urllib.request.urlopen(request) as response:
            response.read()


def seed(endpoint):
    sm = client(endpoint)
    seed_training_jobs(sm, endpoint)
    sm.create_model_package_group(
        ModelPackageGroupName="fraud-detector",
        ModelPackageGroupDescription="Card-not-present fraud scoring for the payments gateway",
    )
    versions = [
        ("November retrain", "Approved", "examples/complete.json", "Approved", "Reviewed by the model risk office"),
        ("Shallower trees", "Rejected", None, "Draft", "Recall too low on new merchants"),
        ("Large evaluation", "PendingManualApproval", "examples/large.json", "PendingReview", None),
        ("Candidate without a card", "PendingManualApproval", None, None, None),
    ]
    for description, approval, card, status, approval_description in versions:
        arguments = {
            "ModelPackageGroupName": "fraud-detector",
            "ModelPackageDescription": description,
            "ModelApprovalStatus": approval,
            "InferenceSpecification": SPEC,
            "CustomerMetadataProperties": {"team": "fraud-ml", "ticket": "RISK-4821"},
        }
        if card:
            arguments["ModelCard"] = {"ModelCardContent": card_text(card), "ModelCardStatus": status}
        elif status:
            short = {"model_overview": {"model_creator": "Fraud Analytics Team"}, "intended_uses": {"risk_rating": "High"}}
            arguments["ModelCard"] = {"ModelCardContent": json.dumps(short), "ModelCardStatus": status}
        arn = sm.create_model_package(**arguments)["ModelPackageArn"]
        if approval_description:
            sm.update_model_package(ModelPackageArn=arn, ApprovalDescription=approval_description)
    sm.create_model_package_group(ModelPackageGroupName="churn-model", ModelPackageGroupDescription="Subscriber churn")
    sm.create_model_package(
        ModelPackageGroupName="churn-model",
        ModelPackageDescription="First release",
        ModelApprovalStatus="Approved",
        InferenceSpecification=SPEC,
    )
