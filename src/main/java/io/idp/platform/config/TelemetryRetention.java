package io.idp.platform.config;

import java.util.Optional;

import static io.idp.platform.config.ConfigKeys.LOGS_RETENTION_DAYS;
import static io.idp.platform.config.ConfigKeys.TRACES_RETENTION_DAYS;

/**
 * How long the management cluster's stores keep the fleet's logs and traces: Loki's and Tempo's own
 * retention, and the lifecycle expiry of their S3 buckets, which removes what either leaves behind.
 */
public record TelemetryRetention(int logsDays, int tracesDays) {
    /** At least a day; at most about ten years of logs and a year of traces (beyond that, archive elsewhere). */
    public static final int MAX_LOGS_DAYS = 3650;
    public static final int MAX_TRACES_DAYS = 365;

    static Optional<TelemetryRetention> read(ConfigReader reader) {
        var logs = reader.integer(LOGS_RETENTION_DAYS, 1, MAX_LOGS_DAYS);
        var traces = reader.integer(TRACES_RETENTION_DAYS, 1, MAX_TRACES_DAYS);
        if (logs.isEmpty() || traces.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TelemetryRetention(logs.get(), traces.get()));
    }
}
