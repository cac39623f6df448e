"""Demo data for the emulator: a realistic model package group, through boto3.

fraud-detector has four versions: approved with a complete card, rejected
with a short one, pending with a large card holding every metric kind, and
pending without a card. churn-model has one approved version.
"""

import json
import os

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


def seed(endpoint):
    sm = client(endpoint)
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
