import json
import os
import unittest

import telemetry
from app import respond


class RespondTest(unittest.TestCase):
    def test_health(self):
        self.assertEqual(respond("/healthz"), (200, {"status": "ok"}))

    def test_hello_carries_the_version(self):
        status, body = respond("/")
        self.assertEqual(status, 200)
        self.assertEqual(body["message"], "hello")

    def test_unknown_path(self):
        self.assertEqual(respond("/nope")[0], 404)


class TelemetryTest(unittest.TestCase):
    def test_a_log_line_is_one_json_object_with_its_trace(self):
        os.environ["OTEL_SERVICE_NAME"] = "hello"
        line = telemetry.log_line("info", "request", ("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"), status=200)
        record = json.loads(line)
        self.assertEqual(record["trace_id"], "4bf92f3577b34da6a3ce929d0e0e4736")
        self.assertEqual(record["span_id"], "00f067aa0ba902b7")
        self.assertEqual(record["service"], "hello")
        self.assertEqual(record["status"], 200)
        self.assertNotIn("\n", line)

    def test_the_callers_trace_context_is_kept(self):
        header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
        self.assertEqual(telemetry.parent_context(header), ("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"))
        trace_id, span_id = telemetry.ids_without_sdk(header)
        self.assertEqual(trace_id, "4bf92f3577b34da6a3ce929d0e0e4736")
        self.assertNotEqual(span_id, "00f067aa0ba902b7")

    def test_a_malformed_or_empty_context_starts_a_new_trace(self):
        for header in (None, "", "00-xyz-00f067aa0ba902b7-01", "00-" + "0" * 32 + "-00f067aa0ba902b7-01"):
            self.assertIsNone(telemetry.parent_context(header), header)
        self.assertRegex(telemetry.ids_without_sdk("garbage")[0], "^[0-9a-f]{32}$")


if __name__ == "__main__":
    unittest.main()
