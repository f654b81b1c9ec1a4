"""A minimal HTTP service: / answers hello, /healthz answers ok."""
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def respond(path):
    """The status and JSON body for a path."""
    if path == "/healthz":
        return 200, {"status": "ok"}
    if path == "/":
        return 200, {"message": "hello", "version": os.environ.get("APP_VERSION", "dev")}
    return 404, {"error": "not found"}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        status, body = respond(self.path)
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format, *args):
        pass


if __name__ == "__main__":
    ThreadingHTTPServer(("0.0.0.0", int(os.environ.get("PORT", "8080"))), Handler).serve_forever()
