package io.idp.platform.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.idp.platform.config.ClusterCapabilitiesConfigTest.with;
import static io.idp.platform.config.PlatformConfigTest.errors;
import static io.idp.platform.config.PlatformConfigTest.load;
import static io.idp.platform.config.PlatformConfigTest.management;
import static io.idp.platform.config.PlatformConfigTest.only;
import static org.junit.jupiter.api.Assertions.*;

/** How long the management cluster's stores keep the fleet's logs and traces: defaults, edges, every error at once. */
class TelemetryRetentionConfigTest {
    @Test
    void defaultsAreThirtyDaysOfLogsAndFourteenOfTraces() {
        assertEquals(new TelemetryRetention(30, 14), load(management()).managementSettings().telemetryRetention());
        assertEquals("30", ConfigKeys.LOGS_RETENTION_DAYS.defaultValue());
        assertEquals("14", ConfigKeys.TRACES_RETENTION_DAYS.defaultValue());
    }

    @Test
    void givenValuesAreRead() {
        var config = load(with(management(), "platform:logsRetentionDays", "90", "platform:tracesRetentionDays", "7"));
        assertEquals(new TelemetryRetention(90, 7), config.managementSettings().telemetryRetention());
    }

    @ParameterizedTest(name = "{0}: {1} to {2}")
    @CsvSource({"platform:logsRetentionDays, 1, 3650", "platform:tracesRetentionDays, 1, 365"})
    void retentionIsAcceptedAtItsEdgesAndRefusedJustOutsideWithTheAllowedRange(String key, int low, int high) {
        load(with(management(), key, String.valueOf(low)));
        load(with(management(), key, String.valueOf(high)));
        for (var outside : List.of(low - 1, high + 1)) {
            var error = only(with(management(), key, String.valueOf(outside)));
            assertEquals(key, error.key());
            assertEquals(String.valueOf(outside), error.value());
            assertEquals("is out of range", error.problem());
            assertEquals("a whole number of days from " + low + " to " + high, error.allowed());
            assertTrue(error.example().startsWith(key + ": "), error.example());
        }
    }

    @Test
    void bothBadValuesAreReportedTogether() {
        var errors = errors(with(management(), "platform:logsRetentionDays", "a month", "platform:tracesRetentionDays", "0"));
        assertEquals(List.of("platform:logsRetentionDays a month is not a whole number", "platform:tracesRetentionDays 0 is out of range"),
                errors.stream().map(e -> e.key() + " " + e.value() + " " + e.problem()).toList());
    }

    @Test
    void aWorkloadStackMayNotSetThem() {
        var errors = errors(with(PlatformConfigTest.workload(), "platform:logsRetentionDays", "30"));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("platform:logsRetentionDays", errors.get(0).key());
    }
}
