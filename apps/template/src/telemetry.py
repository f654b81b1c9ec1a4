"""Structured logs and traces for the service.

Every log line is one JSON object on stdout (the cluster's Fluent Bit parses it, so its fields are
queryable in Loki) carrying the trace and span of the request it belongs to. Traces go to the
cluster's OpenTelemetry collector over OTLP/HTTP, at OTEL_EXPORTER_OTLP_ENDPOINT, named by
OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES (the chart sets all three). The OpenTelemetry SDK is
installed in the image (requirements.txt); where it is absent, as in a bare test run, requests still
carry the caller's W3C trace context into the logs, and no span is exported.
"""
import json
import os
import re
import secrets
import sys
import time

try:
    from opentelemetry import trace
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.propagate import extract
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor
except ImportError:  # the SDK is in the image, not necessarily where the tests run
    trace = None

TRACEPARENT = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$")


def configure():
    """Sends spans to the collector when the SDK is installed and an endpoint is set; returns a tracer or None."""
    if trace is None or not os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT"):
        return None
    # Resource.create reads OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES; the exporter reads the endpoint.
    provider = TracerProvider(resource=Resource.create())
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)
    return trace.get_tracer("app")


def parent_context(traceparent):
    """The (trace_id, parent span_id) of a W3C traceparent header, or None if it is absent or malformed."""
    match = TRACEPARENT.match(traceparent or "")
    if not match or match.group(1) == "0" * 32 or match.group(2) == "0" * 16:
        return None
    return match.group(1), match.group(2)


def ids_without_sdk(traceparent):
    """A span of the caller's trace (or of a new one) when no SDK is installed: (trace_id, span_id)."""
    parent = parent_context(traceparent)
    trace_id = parent[0] if parent else secrets.token_hex(16)
    return trace_id, secrets.token_hex(8)


def current_ids():
    """The current span's (trace_id, span_id) in hex, or None outside a recording span."""
    if trace is None:
        return None
    context = trace.get_current_span().get_span_context()
    if not context.is_valid:
        return None
    return format(context.trace_id, "032x"), format(context.span_id, "016x")


def log_line(level, message, ids=None, **fields):
    """One log record as a JSON line: time, level, message, service, the trace and span, and any fields."""
    record = {
        "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "level": level,
        "message": message,
        "service": os.environ.get("OTEL_SERVICE_NAME", "app"),
    }
    if ids:
        record["trace_id"], record["span_id"] = ids
    record.update(fields)
    return json.dumps(record, sort_keys=True)


def log(level, message, ids=None, **fields):
    print(log_line(level, message, ids, **fields), file=sys.stdout, flush=True)


__all__ = ["configure", "current_ids", "extract", "ids_without_sdk", "log", "log_line", "parent_context"]
