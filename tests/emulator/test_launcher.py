"""The emulator's additions, checked with the real AWS client (boto3)."""

import json
import os
import sys
import unittest
import urllib.request

import botocore.exceptions

sys.path.insert(0, os.path.dirname(__file__))
import launcher  # noqa: E402
import seed  # noqa: E402

CARD = {"model_overview": {"model_creator": "Team"}, "intended_uses": {"risk_rating": "Low"}}


class Emulator(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = launcher.serve("127.0.0.1", 0)
        cls.endpoint = f"http://127.0.0.1:{cls.server.server_port}/"
        cls.sm = seed.client(cls.endpoint)

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()

    def control(self, path, payload=None):
        data = json.dumps(payload or {}).encode()
        request = urllib.request.Request(self.endpoint + "__emulator/" + path, data=data, method="POST")
        with urllib.request.urlopen(request) as response:
            return json.loads(response.read())

    def package(self, group, **extra):
        try:
            self.sm.create_model_package_group(ModelPackageGroupName=group)
        except botocore.exceptions.ClientError:
            pass
        return self.sm.create_model_package(
            ModelPackageGroupName=group, InferenceSpecification=seed.SPEC, **extra
        )["ModelPackageArn"]

    def test_the_model_card_is_stored_and_returned(self):
        arn = self.package(
            "cards", ModelCard={"ModelCardContent": json.dumps(CARD), "ModelCardStatus": "Draft"}
        )
        described = self.sm.describe_model_package(ModelPackageName=arn)
        self.assertEqual(json.loads(described["ModelCard"]["ModelCardContent"]), CARD)
        self.assertEqual(described["ModelCard"]["ModelCardStatus"], "Draft")
        self.sm.update_model_package(
            ModelPackageArn=arn, ModelCard={"ModelCardContent": "{}", "ModelCardStatus": "PendingReview"}
        )
        described = self.sm.describe_model_package(ModelPackageName=arn)
        self.assertEqual(described["ModelCard"], {"ModelCardContent": "{}", "ModelCardStatus": "PendingReview"})

    def test_an_update_leaves_what_it_omits_unchanged(self):
        arn = self.package(
            "omitted",
            ModelApprovalStatus="Approved",
            CustomerMetadataProperties={"team": "a", "ticket": "b"},
        )
        self.sm.update_model_package(ModelPackageArn=arn, ApprovalDescription="checked")
        self.sm.update_model_package(
            ModelPackageArn=arn,
            CustomerMetadataProperties={"owner": "c"},
            CustomerMetadataPropertiesToRemove=["ticket"],
        )
        described = self.sm.describe_model_package(ModelPackageName=arn)
        self.assertEqual(described["ModelApprovalStatus"], "Approved")
        self.assertEqual(described["ApprovalDescription"], "checked")
        self.assertEqual(described["CustomerMetadataProperties"], {"team": "a", "owner": "c"})

    def test_a_client_token_makes_an_update_apply_once(self):
        arn = self.package("tokens", ModelApprovalStatus="PendingManualApproval")
        token = "submit-5f0c1c8e-0001"
        first = self.sm.update_model_package(ModelPackageArn=arn, ModelApprovalStatus="Approved", ClientToken=token)
        self.sm.update_model_package(ModelPackageArn=arn, ModelApprovalStatus="Rejected", ClientToken="another")
        again = self.sm.update_model_package(ModelPackageArn=arn, ModelApprovalStatus="Approved", ClientToken=token)
        self.assertEqual(first["ModelPackageArn"], again["ModelPackageArn"])
        described = self.sm.describe_model_package(ModelPackageName=arn)
        self.assertEqual(described["ModelApprovalStatus"], "Rejected", "the replayed token was not applied again")

    def test_a_lost_answer_retried_with_its_token_applies_once(self):
        arn = self.package("lost", ModelApprovalStatus="PendingManualApproval")
        applied_before = self.control("log")["applied_updates"]
        self.control("faults", {"status": 500, "type": "InternalFailure", "after_apply": True})
        # boto3 retries the 500 with the same ClientToken.
        self.sm.update_model_package(ModelPackageArn=arn, ModelApprovalStatus="Approved", ClientToken="lost-answer-1")
        self.assertEqual(self.control("log")["applied_updates"] - applied_before, 1)
        self.assertEqual(self.sm.describe_model_package(ModelPackageName=arn)["ModelApprovalStatus"], "Approved")

    def test_last_modified_time_moves_on_update(self):
        arn = self.package("times")
        first = self.sm.describe_model_package(ModelPackageName=arn).get("LastModifiedTime")
        self.sm.update_model_package(ModelPackageArn=arn, ApprovalDescription="x")
        second = self.sm.describe_model_package(ModelPackageName=arn)["LastModifiedTime"]
        self.assertTrue(first is None or second > first)

    def test_injected_faults_reach_the_client_as_service_errors(self):
        single = seed.client(self.endpoint, retries=1)
        self.control("faults", {"status": 400, "type": "ThrottlingException", "message": "Rate exceeded"})
        with self.assertRaises(botocore.exceptions.ClientError) as raised:
            single.list_model_package_groups()
        self.assertEqual(raised.exception.response["Error"]["Code"], "ThrottlingException")
        self.assertEqual(raised.exception.response["Error"]["Message"], "Rate exceeded")
        self.control("faults", {"status": 500, "type": "InternalFailure", "count": 2})
        with self.assertRaises(botocore.exceptions.ClientError) as raised:
            single.list_model_package_groups()
        self.assertEqual(raised.exception.response["ResponseMetadata"]["HTTPStatusCode"], 500)
        # boto3's own retries get through the second fault.
        self.assertIn("ModelPackageGroupSummaryList", seed.client(self.endpoint).list_model_package_groups())

    def test_the_seed_makes_a_realistic_group(self):
        server = launcher.serve("127.0.0.1", 0)
        try:
            endpoint = f"http://127.0.0.1:{server.server_port}/"
            seed.seed(endpoint)
            sm = seed.client(endpoint)
            versions = sm.list_model_packages(ModelPackageGroupName="fraud-detector")["ModelPackageSummaryList"]
            self.assertEqual(
                [v["ModelApprovalStatus"] for v in versions],
                ["Approved", "Rejected", "PendingManualApproval", "PendingManualApproval"],
            )
            large = sm.describe_model_package(ModelPackageName=versions[2]["ModelPackageArn"])
            self.assertEqual(large["ModelCard"]["ModelCardStatus"], "PendingReview")
            self.assertGreater(len(large["ModelCard"]["ModelCardContent"]), 90_000)
            self.assertNotIn("ModelCard", sm.describe_model_package(ModelPackageName=versions[3]["ModelPackageArn"]))
            # The training job the approved card names exists, with the
            # final metrics it reported.
            card = json.loads(sm.describe_model_package(ModelPackageName=versions[0]["ModelPackageArn"])["ModelCard"]["ModelCardContent"])
            arn = card["training_details"]["training_job_details"]["training_arn"]
            job = sm.describe_training_job(TrainingJobName=arn.rsplit("/", 1)[1])
            self.assertEqual(job["TrainingJobArn"], arn)
            self.assertEqual(job["HyperParameters"]["scale_pos_weight"], "28")
            self.assertEqual(
                {m["MetricName"]: m["Value"] for m in job["FinalMetricDataList"]}["validation:aucpr"], 0.8412
            )
            self.assertEqual(job["InputDataConfig"][1]["DataSource"]["S3DataSource"]["S3Uri"], "s3://acme-ml-data/fraud-detector/validation/")
        finally:
            server.shutdown()


if __name__ == "__main__":
    unittest.main()
