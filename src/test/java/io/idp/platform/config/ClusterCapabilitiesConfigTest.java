package io.idp.platform.config;

import io.idp.platform.config.NodeAutoscaling.CapacityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.idp.platform.config.PlatformConfigTest.*;
import static org.junit.jupiter.api.Assertions.*;

/** Karpenter's NodePool keys and Velero's backup keys: defaults, values, edges, and every error at once. */
class ClusterCapabilitiesConfigTest {
    static Map<String, String> with(Map<String, String> values, String... pairs) {
        var copy = new HashMap<>(values);
        for (int i = 0; i < pairs.length; i += 2) {
            copy.put(pairs[i], pairs[i + 1]);
        }
        return copy;
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        var config = load(management());
        assertEquals(new NodeAutoscaling(100, 400, List.of(CapacityType.ON_DEMAND, CapacityType.SPOT)), config.autoscaling());
        assertEquals(new BackupSettings(30, "0 3 * * *"), config.backups());
        assertEquals("100", ConfigKeys.KARPENTER_CPU_LIMIT.defaultValue());
        assertEquals("400", ConfigKeys.KARPENTER_MEMORY_LIMIT_GIB.defaultValue());
        assertEquals("[on-demand, spot]", ConfigKeys.KARPENTER_CAPACITY_TYPES.defaultValue());
        assertEquals("30", ConfigKeys.BACKUP_RETENTION_DAYS.defaultValue());
        assertEquals("0 3 * * *", ConfigKeys.BACKUP_SCHEDULE.defaultValue());
    }

    @Test
    void givenValuesAreReadAndShapedForTheCharts() {
        var config = load(with(workload(), "platform:clusterType", "eks", "platform:karpenterCpuLimit", "64", "platform:karpenterMemoryLimitGiB", "256",
                "platform:karpenterCapacityTypes", "[\"spot\", \"on-demand\"]", "platform:backupRetentionDays", "7",
                "platform:backupSchedule", " 15 */6 * * 1-5 "));
        assertEquals(64, config.autoscaling().cpuLimit());
        assertEquals("256Gi", config.autoscaling().memoryLimit());
        assertEquals(List.of("spot", "on-demand"), config.autoscaling().capacityTypeValues(), "the order given is kept");
        assertEquals(7, config.backups().retentionDays());
        assertEquals("168h0m0s", config.backups().ttl());
        assertEquals("15 */6 * * 1-5", config.backups().schedule(), "read trimmed");
        assertEquals(List.of("on-demand"), load(with(workload(), "platform:clusterType", "eks", "platform:karpenterCapacityTypes", "[\"on-demand\"]"))
                .autoscaling().capacityTypeValues());
    }

    @ParameterizedTest(name = "{0}: {1} to {2}")
    @CsvSource({"platform:karpenterCpuLimit, 2, 10000", "platform:karpenterMemoryLimitGiB, 4, 100000",
            "platform:backupRetentionDays, 1, 3650"})
    void limitsAreAcceptedAtTheirEdgesAndRefusedJustOutside(String key, int low, int high) {
        load(with(management(), key, String.valueOf(low)));
        load(with(management(), key, String.valueOf(high)));
        for (var outside : List.of(low - 1, high + 1)) {
            var error = only(with(management(), key, String.valueOf(outside)));
            assertEquals(key, error.key());
            assertEquals(String.valueOf(outside), error.value());
            assertEquals("is out of range", error.problem());
        }
    }

    @Test
    void everyBadValueIsReportedTogetherWithItsAllowedValuesAndExample() {
        var errors = errors(with(management(), "platform:karpenterCpuLimit", "many", "platform:karpenterMemoryLimitGiB", "0",
                "platform:karpenterCapacityTypes", "[\"spot\", \"reserved\", \"spot\"]", "platform:backupRetentionDays", "forever",
                "platform:backupSchedule", "0 3 * * * *"));
        assertEquals(List.of(
                        "platform:karpenterCpuLimit many is not a whole number",
                        "platform:karpenterMemoryLimitGiB 0 is out of range",
                        "platform:karpenterCapacityTypes reserved is not a capacity type",
                        "platform:karpenterCapacityTypes [spot, reserved, spot] names a capacity type twice",
                        "platform:backupRetentionDays forever is not a whole number",
                        "platform:backupSchedule 0 3 * * * * has 6 fields, not the five of a cron schedule"),
                errors.stream().map(e -> e.key() + " " + e.value() + " " + e.problem()).toList());
        var types = errors.get(2);
        assertEquals(ConfigKeys.KARPENTER_CAPACITY_TYPES.allowed(), types.allowed());
        assertEquals("platform:karpenterCapacityTypes: [on-demand]", types.example());
        assertEquals("platform:backupSchedule: \"30 1 * * *\"", errors.get(5).example());
    }

    @Test
    void anEmptyCapacityListIsRefusedAlone() {
        var error = only(with(management(), "platform:karpenterCapacityTypes", "[]"));
        assertEquals("[]", error.value());
        assertEquals("is empty: Karpenter could buy no node at all", error.problem());
    }

    @Test
    void aVirtualClusterReadsNoneOfThemButGetsTheDefaults() {
        var virtual = with(workload(), "platform:clusterType", "vcluster");
        virtual.remove("platform:vpcCidr");
        var config = load(virtual);
        assertEquals(100, config.autoscaling().cpuLimit());
        var error = only(with(virtual, "platform:backupRetentionDays", "9"));
        assertEquals("platform:backupRetentionDays", error.key());
        assertTrue(error.problem().startsWith("is not read by a vcluster workload stack"), error.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 3 * * *", "*/15 * * * *", "0 0 1 1 0", "59 23 31 12 6", "0,30 1-5/2 * 1,6 0-6", "5 4 * * 0", "0 5-5 * * *"})
    void cronSchedulesVeleroAcceptsPass(String schedule) {
        assertEquals(Optional.empty(), Cron.problem(schedule));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "0 3 * *|has 4 fields, not the five of a cron schedule",
            "@daily|has 1 field, not the five of a cron schedule",
            "60 3 * * *|has 60 as its minute, outside 0-59",
            "0 24 * * *|has 24 as its hour, outside 0-23",
            "0 3 0 * *|has 0 as its day of month, outside 1-31",
            "0 3 32 * *|has 32 as its day of month, outside 1-31",
            "0 3 * 0 *|has 0 as its month, outside 1-12",
            "0 3 * 13 *|has 13 as its month, outside 1-12",
            "0 3 * * 7|has 7 as its day of week, outside 0-6",
            "0 1-30 * * *|has 30 as its hour, outside 0-23",
            "0 5-1 * * *|has the range 5-1 as its hour, which runs backwards",
            "*/0 * * * *|has a step of 0 in its minute",
            "0 3 * * MON|has 'MON' as its day of week, which is not *, a number, a range or a step",
            "0 3,,4 * * *|has '3,,4' as its hour, which is not *, a number, a range or a step",
            "0 3 * JAN *|has 'JAN' as its month, which is not *, a number, a range or a step"})
    void cronSchedulesVeleroRefusesFailNamingTheField(String schedule, String problem) {
        assertEquals(Optional.of(problem), Cron.problem(schedule));
    }

    @Test
    void capacityTypesAreKarpentersSpelling() {
        assertEquals("on-demand", CapacityType.ON_DEMAND.configValue());
        assertEquals("spot", CapacityType.SPOT.configValue());
        assertEquals(Optional.of(CapacityType.SPOT), CapacityType.fromConfigValue("spot"));
        assertEquals(Optional.empty(), CapacityType.fromConfigValue("Spot"));
    }

    static ConfigReader reader(String... pairs) {
        var values = new HashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new ConfigReader(new RawConfig("Pulumi.test.yaml", values, java.util.Set.of()));
    }

    @Test
    void aBadValueLeavesTheSettingsUnreadWithItsErrorsRecorded() {
        var types = reader("platform:karpenterCapacityTypes", "[\"spot\", \"reserved\"]");
        assertEquals(Optional.empty(), NodeAutoscaling.read(types));
        assertEquals(1, types.errors().size());
        var twice = reader("platform:karpenterCapacityTypes", "[\"spot\", \"spot\"]");
        assertEquals(Optional.empty(), NodeAutoscaling.read(twice));
        assertEquals(1, twice.errors().size());
        var cpu = reader("platform:karpenterCpuLimit", "1");
        assertEquals(Optional.empty(), NodeAutoscaling.read(cpu));
        var memory = reader("platform:karpenterMemoryLimitGiB", "x");
        assertEquals(Optional.empty(), NodeAutoscaling.read(memory));
        var schedule = reader("platform:backupSchedule", "0 3 * *");
        assertEquals(Optional.empty(), BackupSettings.read(schedule));
        assertEquals(1, schedule.errors().size());
        var days = reader("platform:backupRetentionDays", "0");
        assertEquals(Optional.empty(), BackupSettings.read(days));
        assertEquals(Optional.of(new BackupSettings(30, "0 3 * * *")), BackupSettings.read(reader()));
        assertEquals(List.of(), reader().errors());
    }
}
