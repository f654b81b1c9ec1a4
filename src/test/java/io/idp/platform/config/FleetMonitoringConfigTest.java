package io.idp.platform.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static io.idp.platform.config.ClusterCapabilitiesConfigTest.with;
import static io.idp.platform.config.PlatformConfigTest.*;
import static org.junit.jupiter.api.Assertions.*;

/** Metrics retention per role and the alert relay: defaults, given values, and every error at once. */
class FleetMonitoringConfigTest {

    @Test
    void defaultsKeepTheFleetLongAndAWorkloadCopyShortAndMailThroughSesInTheRegion() {
        var management = load(management());
        assertEquals("30d", management.metrics().retention());
        var relay = management.managementSettings().alertRelay();
        assertEquals(new AlertRelay("email-smtp." + management.region() + ".amazonaws.com", 587, Optional.empty(), Optional.empty()), relay);
        assertEquals("2d", load(with(workload(), "platform:clusterType", "eks")).metrics().retention());
    }

    @Test
    void givenValuesAreRead() {
        var config = load(with(management(), "platform:metricsRetention", "13w", "platform:alertsSmtpHost", "smtp.example.org",
                "platform:alertsSmtpPort", "2587", "platform:alertsSmtpFrom", "alerts@example.org", "platform:alertsSmtpUsername", "relay-user"));
        assertEquals("13w", config.metrics().retention());
        assertEquals(new AlertRelay("smtp.example.org", 2587, Optional.of("alerts@example.org"), Optional.of("relay-user")),
                config.managementSettings().alertRelay());
        assertEquals("6h", load(with(workload(), "platform:clusterType", "eks", "platform:metricsRetention", "6h")).metrics().retention());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2h", "1d", "90d", "52w", "10y"})
    void retentionsPrometheusKeepsPass(String retention) {
        assertEquals(Optional.empty(), MetricsSettings.problem(retention));
    }

    @Test
    void everyBadValueIsReportedTogether() {
        var errors = errors(with(management(), "platform:metricsRetention", "1h", "platform:alertsSmtpHost", "smtp relay",
                "platform:alertsSmtpPort", "70000", "platform:alertsSmtpFrom", "alerts", "platform:alertsSmtpUsername", "a user"));
        assertEquals(List.of(
                        "platform:alertsSmtpHost smtp relay is not a host name",
                        "platform:alertsSmtpPort 70000 is out of range",
                        "platform:alertsSmtpFrom alerts is not an e-mail address",
                        "platform:alertsSmtpUsername a user is not a login: 1-128 characters of letters, digits and . _ @ + = -",
                        "platform:metricsRetention 1h is shorter than 2h, one block of Prometheus' storage"),
                errors.stream().map(e -> e.key() + " " + e.value() + " " + e.problem()).sorted(FleetMonitoringConfigTest::byKeyOrder).toList());
        var retention = errors.stream().filter(e -> e.key().equals("platform:metricsRetention")).findFirst().orElseThrow();
        assertEquals(ConfigKeys.METRICS_RETENTION.allowed(), retention.allowed());
        assertEquals("platform:metricsRetention: 90d", retention.example());
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "30 d", "0d", "1.5d", "30D", "11y", "1m"})
    void otherRetentionsAreRefused(String retention) {
        var error = errors(with(management(), "platform:metricsRetention", retention)).get(0);
        assertEquals("platform:metricsRetention", error.key());
        assertEquals(retention.trim(), error.value());
    }

    @Test
    void theChatWebhookIsASecretHttpsUrlAndOptional() {
        assertTrue(load(management()).managementSettings().alertsChatWebhook().isEmpty());
        var plain = errors(with(management(), "platform:alertsChatWebhook", "https://hooks.slack.com/services/T0/B0/X"));
        assertEquals(1, plain.size(), plain.toString());
        assertEquals("platform:alertsChatWebhook", plain.get(0).key());
        assertEquals(SecretValue.MASK, plain.get(0).value(), "never shown");
        assertTrue(plain.get(0).problem().startsWith("is stored in plain text"), plain.get(0).problem());
        var secrets = java.util.Set.of("github:token", "cloudflare:apiToken", "platform:githubOAuthClientSecret", "platform:alertsChatWebhook");
        var given = PlatformConfig.load("test", new RawConfig("Pulumi.test.yaml",
                with(management(), "platform:alertsChatWebhook", "https://hooks.slack.com/services/T0/B0/X"), secrets));
        assertTrue(given.managementSettings().alertsChatWebhook().isPresent());
        var notHttps = assertThrows(ConfigException.class, () -> PlatformConfig.load("test", new RawConfig("Pulumi.test.yaml",
                with(management(), "platform:alertsChatWebhook", "http://chat.example.org/hook"), secrets))).errors();
        assertEquals(List.of("platform:alertsChatWebhook [secret] is not an https URL"),
                notHttps.stream().map(e -> e.key() + " " + e.value() + " " + e.problem()).toList());
    }

    @Test
    void theRelayIsNotAWorkloadStacksKey() {
        var error = errors(with(workload(), "platform:clusterType", "eks", "platform:alertsSmtpHost", "smtp.example.org")).get(0);
        assertEquals("platform:alertsSmtpHost", error.key());
    }

    private static final List<String> ORDER = List.of("platform:alertsSmtpHost", "platform:alertsSmtpPort", "platform:alertsSmtpFrom",
            "platform:alertsSmtpUsername", "platform:metricsRetention");

    private static int byKeyOrder(String a, String b) {
        return Integer.compare(ORDER.indexOf(a.split(" ")[0]), ORDER.indexOf(b.split(" ")[0]));
    }
}
