package io.idp.platform.stacks;

import com.google.gson.JsonParser;
import io.idp.platform.TestProject;
import io.idp.platform.gitops.TelemetryPush;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.validation.ReferenceData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.idp.platform.stacks.DayOneToolsTest.at;
import static io.idp.platform.stacks.DayOneToolsTest.document;
import static io.idp.platform.stacks.DayOneToolsTest.gitopsFile;
import static io.idp.platform.stacks.DayOneToolsTest.named;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The way of a workload pod's log line and trace to the management cluster's stores, followed through
 * what the shipped stacks plan and commit: the agent's output is the management route's host, the
 * route leads to the store's authenticating front, the credentials' Secret names and keys match on
 * both sides and come from the same secret-store entries, records carry the cluster's name, Grafana
 * reads the stores' own services, and the stores' buckets and roles are the ones the values name.
 */
class TelemetryRouteTest {
    @TempDir
    static Path dir;
    static Plan mgmt;
    static Plan east;
    static String mgmtHostname;

    @BeforeAll
    static void plan() {
        TestProject.copyOfRepository(dir);
        var engine = new OfflineEngine(dir);
        mgmt = engine.plan("mgmt").plan();
        engine.plans().write(mgmt);
        east = engine.plan("production-east").plan();
        mgmtHostname = "mgmt." + mgmt.outputs().get("domain");
    }

    static Map<?, ?> fleetValues(String tool) {
        var set = document(gitopsFile(mgmt, "registry/clusters/mgmt/fleet-addons.yaml"), "fleet-" + tool);
        return (Map<?, ?>) at(set, "spec", "template", "spec", "source", "helm", "valuesObject");
    }

    static Map<?, ?> managementValues(String tool) {
        var application = document(gitopsFile(mgmt, "registry/clusters/mgmt/" + tool + ".yaml"), tool);
        return (Map<?, ?>) at(application, "spec", "source", "helm", "valuesObject");
    }

    /** One key of a Fluent Bit [OUTPUT] section (classic configuration). */
    static String outputKey(String section, String key) {
        var matcher = Pattern.compile("(?m)^\\s*" + Pattern.quote(key) + "\\s+(.+)$").matcher(section);
        assertTrue(matcher.find(), key + " in " + section);
        return matcher.group(1).strip();
    }

    @Test
    void aWorkloadLogLineLeavesForTheManagementLokiRouteWithItsClustersCredentials() {
        var values = fleetValues("fluent-bit");
        var output = String.valueOf(at(values, "config", "outputs"));
        assertEquals("loki." + mgmtHostname, outputKey(output, "Host"));
        assertEquals("443", outputKey(output, "Port"));
        assertEquals("On", outputKey(output, "Tls"));
        assertEquals("/loki/api/v1/push", outputKey(output, "Uri"));
        assertEquals("${" + TelemetryPush.AGENT_USER_KEY + "}", outputKey(output, "Http_User"));
        assertEquals("${" + TelemetryPush.AGENT_PASSWORD_KEY + "}", outputKey(output, "Http_Passwd"));
        assertEquals(List.of(Map.of("secretRef", Map.of("name", TelemetryPush.AGENT_SECRET))), at(values, "envFrom"));
        // The same tenant the management cluster's agents and Grafana use.
        assertEquals("platform", outputKey(output, "Tenant_ID"));
        assertEquals("platform", outputKey(String.valueOf(at(managementValues("fluent-bit"), "config", "outputs")), "Tenant_ID"));
    }

    @Test
    void theLokiRouteLeadsToLokisAuthenticatingGatewayOnTheSharedGateway() {
        var values = managementValues("loki");
        @SuppressWarnings("unchecked")
        var route = ((List<Map<String, Object>>) at(values, "extraObjects")).get(0);
        assertEquals("HTTPRoute", route.get("kind"));
        assertEquals(List.of("loki." + mgmtHostname), at(route, "spec", "hostnames"));
        assertEquals(List.of(Map.of("name", "platform", "namespace", "envoy-gateway-system", "sectionName", "https")),
                at(route, "spec", "parentRefs"));
        @SuppressWarnings("unchecked")
        var rule = ((List<Map<String, Object>>) at(route, "spec", "rules")).get(0);
        assertEquals(List.of(Map.of("name", "loki-gateway", "port", 80)), rule.get("backendRefs"));
        assertEquals(true, at(values, "gateway", "basicAuth", "enabled"));
        assertEquals(TelemetryPush.LOKI_SECRET, at(values, "gateway", "basicAuth", "existingSecret"));
    }

    @Test
    void bothSidesOfThePushCredentialsReadTheSamePasswordFromTheStore() {
        // The management side: an htpasswd line per physical workload cluster, from its copy under mgmt's path.
        var loki = document(gitopsFile(mgmt, "registry/clusters/mgmt/loki.yaml"), TelemetryPush.LOKI_SECRET);
        assertEquals(TelemetryPush.LOKI_SECRET, at(loki, "spec", "target", "name"));
        var htpasswd = String.valueOf(at(loki, "spec", "target", "template", "data", TelemetryPush.LOKI_KEY));
        assertTrue(htpasswd.contains("{{ htpasswd \"production-east\" (index . \"production-east\") }}"), htpasswd);
        assertFalse(htpasswd.contains("staging"), "a virtual cluster pushes nothing: " + htpasswd);
        assertTrue(remoteKeys(loki).contains("platform/mgmt/clusters/mgmt/telemetry/push/production-east"), remoteKeys(loki).toString());
        // The workload side: its own copy, as the Secret and keys its agents read.
        for (var tool : List.of("fluent-bit", "opentelemetry-collector")) {
            var agent = document(gitopsFile(east, "registry/clusters/production-east/" + tool + ".yaml"), TelemetryPush.AGENT_SECRET);
            assertEquals(TelemetryPush.AGENT_SECRET, at(agent, "spec", "target", "name"), tool);
            var data = (Map<?, ?>) at(agent, "spec", "target", "template", "data");
            assertEquals("production-east", data.get(TelemetryPush.AGENT_USER_KEY), tool);
            assertEquals("{{ .password }}", data.get(TelemetryPush.AGENT_PASSWORD_KEY), tool);
            assertEquals(List.of("platform/mgmt/clusters/production-east/telemetry/push-password"), remoteKeys(agent), tool);
        }
        // The program writes both copies, of one generated value (the same input to both secret versions).
        var secrets = mgmt.ofType("aws:secretsmanager/secret:Secret").stream().map(s -> String.valueOf(s.inputs().get("name"))).toList();
        assertTrue(secrets.contains("platform/mgmt/clusters/production-east/telemetry/push-password"), secrets.toString());
        assertTrue(secrets.contains("platform/mgmt/clusters/mgmt/telemetry/push/production-east"), secrets.toString());
        assertFalse(secrets.stream().anyMatch(s -> s.contains("clusters/staging/telemetry")), "a virtual cluster gets no push password");
        var seeds = mgmt.ofType("tls:index/privateKey:PrivateKey").stream().map(k -> k.name()).filter(n -> n.startsWith("telemetry-push-")).toList();
        assertEquals(List.of("telemetry-push-production-east-seed", "telemetry-push-production-west-seed"), seeds.stream().sorted().toList());
    }

    @SuppressWarnings("unchecked")
    static List<String> remoteKeys(Object externalSecret) {
        var keys = new ArrayList<String>();
        for (var entry : (List<Map<String, Object>>) at(externalSecret, "spec", "data")) {
            keys.add(String.valueOf(at(entry, "remoteRef", "key")));
        }
        return keys;
    }

    @Test
    void logsAndTracesCarryTheClustersName() {
        // The fleet fills {{.name}} from the cluster Secret, whose name is the cluster's.
        var fluentBit = fleetValues("fluent-bit");
        assertEquals(List.of(Map.of("name", "CLUSTER_NAME", "value", "{{.name}}")), fluentBit.get("env"));
        var labels = outputKey(String.valueOf(at(fluentBit, "config", "outputs")), "Labels");
        assertTrue(labels.contains("cluster=$cluster") && labels.contains("environment=$environment"), labels);
        assertTrue(String.valueOf(at(fluentBit, "luaScripts", "identity.lua")).contains("record[\"cluster\"] = os.getenv(\"CLUSTER_NAME\")"));
        var collector = fleetValues("opentelemetry-collector");
        assertEquals(List.of(Map.of("key", "k8s.cluster.name", "value", "{{.name}}", "action", "upsert")),
                at(collector, "config", "processors", "resource/cluster", "attributes"));
        var registration = named(east, "kubernetes:core/v1:Secret", "cluster-production-east");
        assertEquals("production-east", ((Map<?, ?>) registration.inputs().get("stringData")).get("name"));
        // The management cluster's own: its name, written in.
        assertEquals(List.of(Map.of("name", "CLUSTER_NAME", "value", "mgmt")), managementValues("fluent-bit").get("env"));
    }

    @Test
    void aWorkloadTraceReachesTempoThroughTheOtlpRouteAndTheAuthenticatedFleetReceiver() {
        var fleet = fleetValues("opentelemetry-collector");
        assertEquals("https://otlp." + mgmtHostname, at(fleet, "config", "exporters", "otlphttp/management", "endpoint"));
        assertEquals("basicauth/push", at(fleet, "config", "exporters", "otlphttp/management", "auth", "authenticator"));
        assertEquals(List.of("otlphttp/management"), at(fleet, "config", "service", "pipelines", "traces", "exporters"));
        assertEquals(List.of(Map.of("secretRef", Map.of("name", TelemetryPush.AGENT_SECRET))), at(fleet, "extraEnvsFrom"));

        var mgmtCollector = managementValues("opentelemetry-collector");
        assertEquals(List.of("otlp." + mgmtHostname), at(mgmtCollector, "httproute", "hostnames"));
        @SuppressWarnings("unchecked")
        var rule = ((List<Map<String, Object>>) at(mgmtCollector, "httproute", "rules")).get(0);
        var port = ((List<Map<String, Object>>) rule.get("backendRefs")).get(0).get("port");
        assertEquals(port, at(mgmtCollector, "ports", "otlp-fleet", "servicePort"));
        assertTrue(String.valueOf(at(mgmtCollector, "config", "receivers", "otlp/fleet", "protocols", "http", "endpoint")).endsWith(":" + port));
        assertEquals("basicauth/fleet", at(mgmtCollector, "config", "receivers", "otlp/fleet", "protocols", "http", "auth", "authenticator"));
        // The htpasswd file the extension reads is the ExternalSecret's key, mounted from its Secret.
        @SuppressWarnings("unchecked")
        var mount = ((List<Map<String, Object>>) mgmtCollector.get("extraVolumeMounts")).get(0);
        assertEquals(mount.get("mountPath") + "/" + TelemetryPush.OTLP_KEY, at(mgmtCollector, "config", "extensions", "basicauth/fleet", "htpasswd", "file"));
        @SuppressWarnings("unchecked")
        var volume = ((List<Map<String, Object>>) mgmtCollector.get("extraVolumes")).get(0);
        assertEquals(mount.get("name"), volume.get("name"));
        assertEquals(TelemetryPush.OTLP_SECRET, at(volume, "secret", "secretName"));
        var htpasswd = document(gitopsFile(mgmt, "registry/clusters/mgmt/opentelemetry-collector.yaml"), TelemetryPush.OTLP_SECRET);
        assertNotNull(at(htpasswd, "spec", "target", "template", "data", TelemetryPush.OTLP_KEY));
        // Both pipelines end in Tempo's OTLP port, in Tempo's namespace.
        assertEquals(List.of("otlp/tempo"), at(mgmtCollector, "config", "service", "pipelines", "traces/fleet", "exporters"));
        assertEquals(List.of("otlp/tempo"), at(mgmtCollector, "config", "service", "pipelines", "traces", "exporters"));
        assertEquals("tempo.tempo.svc.cluster.local:4317", at(mgmtCollector, "config", "exporters", "otlp/tempo", "endpoint"));
        assertEquals("0.0.0.0:4317", String.valueOf(chartDefault("tempo", "2.2.4", "tempo", "receivers", "otlp", "protocols", "grpc", "endpoint"))
                .replace("\"", ""));
    }

    @Test
    void grafanaReadsTheStoresOwnServicesAndLinksLogsTracesAndMetrics() {
        var grafana = (Map<?, ?>) managementValues("kube-prometheus-stack").get("grafana");
        @SuppressWarnings("unchecked")
        var sources = (List<Map<String, Object>>) grafana.get("additionalDataSources");
        var loki = sources.stream().filter(s -> "loki".equals(s.get("type"))).findFirst().orElseThrow();
        var tempo = sources.stream().filter(s -> "tempo".equals(s.get("type"))).findFirst().orElseThrow();
        assertEquals("http://loki.loki.svc.cluster.local:" + chartDefault("loki", "7.3.0", "loki", "server", "http_listen_port"), loki.get("url"));
        assertEquals("http://tempo.tempo.svc.cluster.local:" + chartDefault("tempo", "2.2.4", "tempo", "server", "http_listen_port"), tempo.get("url"));
        assertEquals("X-Scope-OrgID", at(loki, "jsonData", "httpHeaderName1"));
        assertEquals("platform", at(loki, "secureJsonData", "httpHeaderValue1"));
        @SuppressWarnings("unchecked")
        var derived = (List<Map<String, Object>>) at(loki, "jsonData", "derivedFields");
        derived.forEach(field -> assertEquals(tempo.get("uid"), field.get("datasourceUid")));
        assertEquals(loki.get("uid"), at(tempo, "jsonData", "tracesToLogsV2", "datasourceUid"));
        assertEquals("prometheus", at(tempo, "jsonData", "tracesToMetrics", "datasourceUid"));
        assertEquals("prometheus", String.valueOf(chartDefault("kube-prometheus-stack", "88.5.3", "grafana", "sidecar", "datasources", "uid"))
                .replace("\"", ""), "Prometheus's data source uid");
        // A span's cluster attribute finds its cluster's logs.
        @SuppressWarnings("unchecked")
        var tags = (List<Map<String, Object>>) at(tempo, "jsonData", "tracesToLogsV2", "tags");
        assertTrue(tags.contains(Map.of("key", "k8s.cluster.name", "value", "cluster")), tags.toString());
    }

    @Test
    void theStoresBucketsAndRolesAreTheOnesTheirValuesName() {
        var logsBucket = named(mgmt, "aws:s3/bucketV2:BucketV2", "mgmt-observability-logs-bucket");
        var tracesBucket = named(mgmt, "aws:s3/bucketV2:BucketV2", "mgmt-observability-traces-bucket");
        assertEquals("mgmt-logs-us-east-1", logsBucket.inputs().get("bucket"));
        assertEquals("mgmt-traces-us-east-1", tracesBucket.inputs().get("bucket"));
        var loki = managementValues("loki");
        assertEquals(logsBucket.inputs().get("bucket"), at(loki, "loki", "storage", "bucketNames", "chunks"));
        var tempo = managementValues("tempo");
        assertEquals(tracesBucket.inputs().get("bucket"), at(tempo, "tempo", "storage", "trace", "s3", "bucket"));
        // Retention: the stores' own (720h, 336h by default) and the buckets' expiry a day later.
        assertEquals("720h", at(loki, "loki", "limits_config", "retention_period"));
        assertEquals("336h", at(tempo, "tempo", "retention"));
        assertEquals(31.0, expiryDays("mgmt-observability-logs-lifecycle"));
        assertEquals(15.0, expiryDays("mgmt-observability-traces-lifecycle"));
        // The role each store's service account assumes, and what it may do.
        for (var store : List.of(new String[]{"logs", "loki", "loki"}, new String[]{"traces", "tempo", "tempo"})) {
            var role = named(mgmt, "aws:iam/role:Role", "mgmt-observability-" + store[0] + "-role");
            var values = managementValues(store[1]);
            assertEquals(role.outputs().get("arn"), at(values, "serviceAccount", "annotations", "eks.amazonaws.com/role-arn"), store[1]);
            var trust = String.valueOf(role.inputs().get("assumeRolePolicy"));
            assertTrue(trust.contains("system:serviceaccount:" + store[2] + ":" + store[2]), trust);
            var bucket = named(mgmt, "aws:s3/bucketV2:BucketV2", "mgmt-observability-" + store[0] + "-bucket");
            var key = named(mgmt, "aws:kms/key:Key", "mgmt-observability-" + store[0] + "-key");
            var policy = JsonParser.parseString(String.valueOf(named(mgmt, "aws:iam/rolePolicy:RolePolicy",
                    "mgmt-observability-" + store[0] + "-access").inputs().get("policy"))).getAsJsonObject();
            var resources = new ArrayList<String>();
            policy.getAsJsonArray("Statement").forEach(s -> {
                var r = s.getAsJsonObject().get("Resource");
                if (r.isJsonArray()) {
                    r.getAsJsonArray().forEach(e -> resources.add(e.getAsString()));
                } else {
                    resources.add(r.getAsString());
                }
            });
            var bucketArn = String.valueOf(bucket.outputs().get("arn"));
            assertEquals(List.of(bucketArn + "/*", bucketArn, String.valueOf(key.outputs().get("arn"))), resources, store[0]);
            assertTrue(bucket.protect(), "protected like the state store");
            assertTrue(bucket.retainOnDelete(), "retained like the state store");
        }
    }

    static double expiryDays(String lifecycle) {
        var rules = (List<?>) named(mgmt, "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", lifecycle).inputs().get("rules");
        return ((Number) at(rules.get(0), "expiration", "days")).doubleValue();
    }

    @Test
    void theSampleApplicationSendsTracesToItsClustersCollectorService() throws Exception {
        var values = new Yaml(new SafeConstructor(new LoaderOptions())).<Map<String, Object>>load(
                Files.readString(Path.of("apps/template/chart/values.yaml")));
        var catalog = io.idp.platform.gitops.Catalog.load(Path.of("."));
        var collector = catalog.tool("opentelemetry-collector");
        assertEquals("http://" + collector.releaseName() + "." + collector.namespace() + ".svc.cluster.local:"
                        + chartDefault("opentelemetry-collector", collector.version(), "ports", "otlp-http", "servicePort"),
                at(values, "telemetry", "otlpEndpoint"));
    }

    /** A chart's default value from the packaged reference data. */
    static Object chartDefault(String chart, String version, String... path) {
        var node = ReferenceData.packaged().chart(chart, version).orElseThrow().values();
        for (var key : path) {
            node = node.get(key);
            assertNotNull(node, chart + " has no default at " + String.join(".", path));
        }
        return node.isTextual() ? node.asText() : node.toString();
    }
}
