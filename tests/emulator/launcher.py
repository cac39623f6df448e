"""A local SageMaker model registry for tests and demos: moto, plus what it lacks.

moto 5.2.5 (an independent emulator of the AWS APIs) serves the model
registry operations the editor uses, but
  * drops ModelCard: CreateModelPackage and UpdateModelPackage accept it,
    DescribeModelPackage never returns it;
  * overwrites, on UpdateModelPackage, the fields a request leaves out
    (approval status, its description, customer metadata) instead of
    leaving them unchanged;
  * ignores ClientToken, so a retried update would be applied twice;
  * routes a request to SageMaker only when its Authorization header names
    the sagemaker signing scope;
  * answers DescribeTrainingJob with a fixed FinalMetricDataList
    (`train:progress = 100`), whatever the job measured.

This launcher wraps moto's WSGI application in a middleware that adds those
behaviours, as the real service has them, and nothing else:
  * ModelCard is kept per model package and returned by DescribeModelPackage;
  * an update is completed with the current values of the fields it leaves
    out before moto sees it;
  * a ClientToken seen before gets the first response back, unapplied;
  * an unsigned request gets a placeholder credential scope, as a signing
    proxy in front of the service would add a real one;
  * a training job's final metrics, recorded through the control API (a
    real job reports them as it ends), are what DescribeTrainingJob
    returns.

For tests it also has a control API under /__emulator/ (never on the real
service): inject faults for the next requests (of one operation, or any): a
status and error type (with a Retry-After header when asked), a delay, an
answer whose headers come at once and whose body stalls, or an answer
lost after the update was applied; read a log of the requests received and updates applied; record
a training job's final metrics; reset.

Run:  python tests/emulator/launcher.py --port 5005 [--seed]
"""

import argparse
import io
import json
import sys
import threading
import time

from moto.server import DomainDispatcherApplication, create_backend_app
from moto.moto_server.threaded_moto_server import MotoRequestHandler
from werkzeug.serving import make_server

REGION = "us-east-2"


def placeholder_authorization(region):
    """A credential scope naming sagemaker in `region` (moto keeps a registry
    per region, and reads the region from the scope)."""
    return (
        f"AWS4-HMAC-SHA256 Credential=emulator/20260101/{region}/sagemaker/aws4_request, "
        "SignedHeaders=host, Signature=0"
    )
FILLED_ON_UPDATE = ("ModelApprovalStatus", "ApprovalDescription")


class SageMakerFixes:
    """WSGI middleware giving moto the registry behaviours it lacks."""

    def __init__(self, app, region=REGION):
        self.app = app
        self.region = region
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with self.lock:
            self.cards = {}
            self.tokens = {}
            self.faults = []
            self.log = []
            self.applied_updates = 0
            self.final_metrics = {}

    # -- plumbing ------------------------------------------------------

    def call(self, environ, body):
        """Runs moto on a request; returns status, headers and body."""
        environ = dict(environ)
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        captured = {}

        def start_response(status, headers, exc_info=None):
            captured["status"] = status
            captured["headers"] = headers

        chunks = self.app(environ, start_response)
        data = b"".join(chunks)
        if hasattr(chunks, "close"):
            chunks.close()
        return captured["status"], captured["headers"], data

    def internal(self, environ, target, payload):
        """Calls a SageMaker operation on moto, for the middleware itself."""
        environ = dict(environ)
        environ["REQUEST_METHOD"] = "POST"
        environ["PATH_INFO"] = "/"
        environ["HTTP_X_AMZ_TARGET"] = "SageMaker." + target
        environ["CONTENT_TYPE"] = "application/x-amz-json-1.1"
        # The caller's own scope (and so region) stays.
        status, _, data = self.call(environ, json.dumps(payload).encode())
        return int(status.split()[0]), json.loads(data or b"{}")

    @staticmethod
    def rewritten(headers, payload):
        """moto's headers and `payload` as the new body, its length updated."""
        data = json.dumps(payload).encode()
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
        headers.append(("Content-Length", str(len(data))))
        return headers, data

    @staticmethod
    def respond(start_response, environ, status, payload, headers=()):
        data = json.dumps(payload).encode()
        all_headers = [
            ("Content-Type", "application/x-amz-json-1.1"),
            ("Content-Length", str(len(data))),
        ]
        origin = environ.get("HTTP_ORIGIN")
        if origin:
            all_headers += [("Access-Control-Allow-Origin", origin), ("Vary", "Origin")]
        start_response(status, all_headers + list(headers))
        return [data]

    @staticmethod
    def stall(start_response, environ, stall_ms):
        """Sends the headers of a success at once, and its body only after
        `stall_ms`: a client must time out the whole answer, not only its
        headers."""
        data = b"{}"
        headers = [("Content-Type", "application/x-amz-json-1.1"), ("Content-Length", str(len(data)))]
        origin = environ.get("HTTP_ORIGIN")
        if origin:
            headers += [("Access-Control-Allow-Origin", origin), ("Vary", "Origin")]
        start_response("200 OK", headers)

        def body():
            yield b""
            time.sleep(stall_ms / 1000)
            yield data

        return body()

    # -- the middleware -----------------------------------------------

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path.startswith("/__emulator/"):
            return self.control(environ, start_response, path)
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        if not target.startswith("SageMaker.") or environ["REQUEST_METHOD"] != "POST":
            return self.app(environ, start_response)
        operation = target.split(".", 1)[1]
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        request = json.loads(body or b"{}")
        # The log keeps the credential scope of a signed request, never the
        # signature.
        authorization = environ.get("HTTP_AUTHORIZATION", "")
        scope = authorization.split("Credential=", 1)[1].split(",", 1)[0] if "Credential=" in authorization else None
        if "sagemaker/aws4_request" not in authorization:
            environ["HTTP_AUTHORIZATION"] = placeholder_authorization(self.region)

        with self.lock:
            index = next(
                (i for i, fault in enumerate(self.faults) if fault.get("operation") in (None, operation)), None
            )
            fault = self.faults.pop(index) if index is not None else None
            self.log.append(
                {
                    "operation": operation,
                    "client_token": request.get("ClientToken"),
                    "credential": scope,
                    "security_token": bool(environ.get("HTTP_X_AMZ_SECURITY_TOKEN")),
                    "fault": fault,
                    "at": time.time(),
                }
            )
        if fault:
            time.sleep(fault.get("delay_ms", 0) / 1000)
            if fault.get("after_apply"):
                # The request takes effect, but its answer is lost: what a
                # client retries, and what ClientToken is for.
                handler = getattr(self, "on_" + operation, None)
                discard = lambda *args: None  # noqa: E731
                if handler:
                    handler(environ, discard, request)
                else:
                    self.call(environ, body)
            if fault.get("stall_ms"):
                return self.stall(start_response, environ, fault["stall_ms"])
            if fault.get("status"):
                status = f"{fault['status']} Fault"
                headers = ()
                if "retry_after" in fault:
                    # Readable by the page only when CORS exposes it.
                    headers = (("Retry-After", str(fault["retry_after"])), ("Access-Control-Expose-Headers", "Retry-After"))
                return self.respond(
                    start_response,
                    environ,
                    status,
                    {"__type": fault.get("type", "InternalFailure"), "message": fault.get("message", "Injected fault")},
                    headers,
                )

        handler = getattr(self, "on_" + operation, None)
        if handler:
            return handler(environ, start_response, request)
        status, headers, data = self.call(environ, body)
        start_response(status, headers)
        return [data]

    def on_CreateModelPackage(self, environ, start_response, request):
        status, headers, data = self.call(environ, json.dumps(request).encode())
        if status.startswith("200") and "ModelCard" in request:
            arn = json.loads(data)["ModelPackageArn"]
            with self.lock:
                self.cards[arn] = request["ModelCard"]
        start_response(status, headers)
        return [data]

    def on_DescribeModelPackage(self, environ, start_response, request):
        status, headers, data = self.call(environ, json.dumps(request).encode())
        if status.startswith("200"):
            described = json.loads(data)
            with self.lock:
                card = self.cards.get(described.get("ModelPackageArn"))
            if card is not None:
                described["ModelCard"] = card
            headers, data = self.rewritten(headers, described)
        start_response(status, headers)
        return [data]

    def on_UpdateModelPackage(self, environ, start_response, request):
        token = request.get("ClientToken")
        with self.lock:
            replay = self.tokens.get(token) if token else None
        if replay is not None:
            return self.respond(start_response, environ, "200 OK", replay)
        arn = request.get("ModelPackageArn")
        code, current = self.internal(environ, "DescribeModelPackage", {"ModelPackageName": arn})
        if code == 200:
            completed = dict(request)
            for field in FILLED_ON_UPDATE:
                if field not in completed and field in current:
                    completed[field] = current[field]
            metadata = dict(current.get("CustomerMetadataProperties") or {})
            metadata.update(request.get("CustomerMetadataProperties") or {})
            for key in request.get("CustomerMetadataPropertiesToRemove") or []:
                metadata.pop(key, None)
            completed.pop("CustomerMetadataPropertiesToRemove", None)
            if metadata:
                completed["CustomerMetadataProperties"] = metadata
            request = completed
        status, headers, data = self.call(environ, json.dumps(request).encode())
        if status.startswith("200"):
            with self.lock:
                if "ModelCard" in request:
                    self.cards[arn] = request["ModelCard"]
                self.applied_updates += 1
                if token:
                    self.tokens[token] = json.loads(data)
        start_response(status, headers)
        return [data]

    def on_DescribeTrainingJob(self, environ, start_response, request):
        status, headers, data = self.call(environ, json.dumps(request).encode())
        if status.startswith("200"):
            described = json.loads(data)
            with self.lock:
                metrics = self.final_metrics.get(described.get("TrainingJobName"))
            if metrics is not None:
                described["FinalMetricDataList"] = metrics
                headers, data = self.rewritten(headers, described)
        start_response(status, headers)
        return [data]

    # -- the control API ----------------------------------------------

    def control(self, environ, start_response, path):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = json.loads(environ["wsgi.input"].read(length) or b"{}") if length else {}
        if path == "/__emulator/faults" and environ["REQUEST_METHOD"] == "POST":
            with self.lock:
                for _ in range(body.get("count", 1)):
                    keys = ("status", "type", "message", "delay_ms", "after_apply", "operation", "retry_after", "stall_ms")
                    self.faults.append({key: body[key] for key in keys if key in body})
            return self.respond(start_response, environ, "200 OK", {"queued": len(self.faults)})
        if path == "/__emulator/training-metrics" and environ["REQUEST_METHOD"] == "POST":
            with self.lock:
                self.final_metrics[body["TrainingJobName"]] = body["FinalMetricDataList"]
            return self.respond(start_response, environ, "200 OK", {"recorded": body["TrainingJobName"]})
        if path == "/__emulator/log":
            with self.lock:
                return self.respond(
                    start_response, environ, "200 OK", {"requests": self.log, "applied_updates": self.applied_updates}
                )
        if path == "/__emulator/reset" and environ["REQUEST_METHOD"] == "POST":
            with self.lock:
                self.faults = []
                self.log = []
            return self.respond(start_response, environ, "200 OK", {"reset": True})
        return self.respond(start_response, environ, "404 Not Found", {"message": "no such control"})


def serve(host, port, region=REGION):
    """Serves the emulator; returns the server (call shutdown() to stop)."""
    app = SageMakerFixes(DomainDispatcherApplication(create_backend_app), region)
    server = make_server(host, port, app, threaded=True, request_handler=QuietHandler)
    server.fixes = app
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


class QuietHandler(MotoRequestHandler):
    def log_request(self, *args, **kwargs):
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5005)
    parser.add_argument("--region", default=REGION, help="the region unsigned requests are served in")
    parser.add_argument("--seed", action="store_true", help="create the demo model package groups")
    args = parser.parse_args()
    server = serve(args.host, args.port, args.region)
    endpoint = f"http://{args.host}:{server.server_port}/"
    if args.seed:
        sys.path.insert(0, __file__.rsplit("/", 1)[0])
        import seed

        seed.seed(endpoint)
    print(f"SageMaker emulator ready on {endpoint}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
