"""A minimal HTTP service: / answers hello, /healthz answers ok. Each request is a span and a JSON log line."""
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import telemetry

TRACER = telemetry.configure()


def respond(path):
    """The status and JSON body for a path."""
    if path == "/healthz":
        return 200, {"status": "ok"}
    if path == "/":
        return 200, {"message": "hello", "version": os.environ.get("APP_VERSION", "dev")}
    return 404, {"error": "not found"}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if TRACER is None:
            self.answer(telemetry.ids_without_sdk(self.headers.get("traceparent")))
            return
        # The caller's trace context (traceparent), so the span joins its trace.
        with TRACER.start_as_current_span("GET " + self.path.split("?")[0], context=telemetry.extract(dict(self.headers)),
                                          kind=telemetry.trace.SpanKind.SERVER) as span:
            status = self.answer(telemetry.current_ids())
            span.set_attribute("http.response.status_code", status)

    def answer(self, ids):
        status, body = respond(self.path)
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)
        if self.path != "/healthz":
            telemetry.log("info", "request", ids, method="GET", path=self.path, status=status)
        return status

    def log_message(self, format, *args):
        pass


if __name__ == "__main__":
    ThreadingHTTPServer(("0.0.0.0", int(os.environ.get("PORT", "8080"))), Handler).serve_forever()
