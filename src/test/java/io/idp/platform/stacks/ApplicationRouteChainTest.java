package io.idp.platform.stacks;

import io.idp.platform.TestProject;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A hostname of each kind of cluster, followed from its route to the Gateway that serves it, the
 * certificate that covers it and the DNS record that points at it, all read from the rendered
 * repository (docs/edge.md): a development application on the virtual cluster (served by its host's
 * Gateway), a production application on the EKS workload cluster (its own Gateway), and Argo CD's UI
 * on the management cluster (which runs the platform's UIs, no applications).
 */
class ApplicationRouteChainTest {
    static final String GATEWAY_NAMESPACE = "envoy-gateway-system";
    static final String MGMT = "registry/clusters/mgmt/";

    @TempDir
    static Path dir;
    static final Map<String, Plan> PLANS = new LinkedHashMap<>();
    static final Map<String, Map<String, String>> FILES = new LinkedHashMap<>();

    @BeforeAll
    static void planTheStacks() {
        TestProject.copyOfRepository(dir);
        var engine = new OfflineEngine(dir);
        for (var stack : List.of("mgmt", "production-east", "production-west", "staging")) {
            var plan = engine.plan(stack).plan();
            engine.plans().write(plan);
            PLANS.put(stack, plan);
            var files = new TreeMap<String, String>();
            for (var file : plan.ofType("github:index/repositoryFile:RepositoryFile")) {
                if ("gitops".equals(file.inputs().get("repository"))) {
                    files.put(String.valueOf(file.inputs().get("file")), String.valueOf(file.inputs().get("content")));
                }
            }
            FILES.put(stack, files);
        }
    }

    @Test
    void aDevelopmentApplicationOnTheVirtualClusterIsServedByItsHostsGateway() {
        var suffix = String.valueOf(registrationAnnotations("staging").get("apps_hostname_suffix"));
        var hostname = applicationHostname("development", suffix);
        assertEquals("hello-development-staging.mgmt.example.com", hostname);
        var route = applicationRoute(hostname);
        // vcluster syncs the route to the host, where it attaches to the host's Gateway.
        follow(hostname, route, FILES.get("mgmt").get(MGMT + "manifests/platform-gateway/gateway.yaml"),
                FILES.get("mgmt").get(MGMT + "manifests/cluster-issuers/cluster-issuers.yaml"),
                managementExternalDns(), "mgmt.example.com");
        assertTrue(FILES.get("mgmt").get(MGMT + "cert-manager.yaml").contains("enableGatewayAPI: true"));
    }

    @Test
    void aProductionApplicationOnTheEksClusterIsServedByItsOwnGateway() {
        var annotations = PLANS.get("production-east").ofType("kubernetes:core/v1:Secret").stream()
                .filter(r -> r.name().equals("cluster-production-east")).findFirst().orElseThrow().inputs();
        var metadata = map(annotations.get("metadata"));
        var secretAnnotations = map(metadata.get("annotations"));
        var hostname = applicationHostname("production", String.valueOf(secretAnnotations.get("apps_hostname_suffix")));
        assertEquals("hello-production.production-east.example.com", hostname);
        var own = FILES.get("production-east");
        // The fleet's external-dns reads the cluster's hostname from its Secret, as Argo CD fills it in.
        var externalDns = fleetValues("fleet-external-dns", Map.of("{{index .metadata.annotations \"cluster_hostname\"}}",
                String.valueOf(secretAnnotations.get("cluster_hostname"))));
        follow(hostname, applicationRoute(hostname), own.get("registry/clusters/production-east/platform-gateway.yaml"),
                own.get("registry/clusters/production-east/cluster-issuers.yaml"), externalDns, "production-east.example.com");
        assertEquals(true, map(fleetValues("fleet-cert-manager", Map.of()).get("config")).get("enableGatewayAPI"));
    }

    @Test
    void argoCdsUiOnTheManagementClusterIsServedByItsGateway() {
        var routes = documents(FILES.get("mgmt").get(MGMT + "manifests/argocd-routes/argocd.yaml"));
        var route = routes.stream().filter(d -> "argocd-server".equals(map(d.get("metadata")).get("name"))).findFirst().orElseThrow();
        var hostname = String.valueOf(((List<?>) map(route.get("spec")).get("hostnames")).get(0));
        assertEquals("argocd.mgmt.example.com", hostname);
        follow(hostname, route, FILES.get("mgmt").get(MGMT + "manifests/platform-gateway/gateway.yaml"),
                FILES.get("mgmt").get(MGMT + "manifests/cluster-issuers/cluster-issuers.yaml"), managementExternalDns(), "mgmt.example.com");
    }

    @Test
    void noStackRendersAnIngressOrNamesTheRetiredController() {
        var found = new ArrayList<String>();
        FILES.forEach((stack, files) -> files.forEach((file, text) -> {
            if (!file.endsWith(".yaml")) {
                return;
            }
            for (var document : documents(text)) {
                if ("Ingress".equals(document.get("kind")) || "IngressClass".equals(document.get("kind"))) {
                    found.add(stack + ": " + file + " " + document.get("kind"));
                }
            }
            if (text.contains("ingress-nginx") || text.contains("ingressClassName")) {
                found.add(stack + ": " + file + " names ingress-nginx");
            }
        }));
        assertEquals(List.of(), found);
        assertEquals(4, FILES.size());
        FILES.values().forEach(files -> assertFalse(files.isEmpty()));
    }

    @Test
    void aHostnameTwoLabelsUnderTheClusterIsNotCoveredByTheWildcard() {
        var gateway = FILES.get("mgmt").get(MGMT + "manifests/platform-gateway/gateway.yaml");
        var listener = listener(gateway, "https");
        assertFalse(coveredByWildcard("hello.development.mgmt.example.com", String.valueOf(listener.get("hostname"))));
        assertTrue(coveredByWildcard("hello-development.mgmt.example.com", String.valueOf(listener.get("hostname"))));
    }

    /** Route to Gateway listener, listener to certificate and issuer, hostname to external-dns' record. */
    static void follow(String hostname, Map<String, Object> route, String gatewayFile, String issuersFile,
                       Map<String, Object> externalDns, String clusterHostname) {
        var spec = map(route.get("spec"));
        assertEquals(List.of(hostname), spec.get("hostnames"));
        var parent = map(((List<?>) spec.get("parentRefs")).get(0));
        assertEquals("platform", parent.get("name"));
        assertEquals(GATEWAY_NAMESPACE, parent.get("namespace"));
        // The route's listener: HTTPS, a wildcard one label above the hostname, open to routes of other namespaces.
        var gateway = gateway(gatewayFile);
        var listener = listener(gatewayFile, String.valueOf(parent.get("sectionName")));
        assertEquals("HTTPS", listener.get("protocol"));
        assertEquals("*." + clusterHostname, listener.get("hostname"));
        assertTrue(coveredByWildcard(hostname, String.valueOf(listener.get("hostname"))), hostname);
        assertEquals("All", map(map(listener.get("allowedRoutes")).get("namespaces")).get("from"));
        // Its certificate: cert-manager's Gateway support, from the ClusterIssuer the Gateway names, DNS-01 for the zone.
        var refs = (List<?>) map(listener.get("tls")).get("certificateRefs");
        assertEquals("platform-wildcard-tls", map(refs.get(0)).get("name"));
        var issuerName = map(map(gateway.get("metadata")).get("annotations")).get("cert-manager.io/cluster-issuer");
        var issuer = documents(issuersFile).stream().filter(d -> "ClusterIssuer".equals(d.get("kind"))
                && issuerName.equals(map(d.get("metadata")).get("name"))).findFirst().orElseThrow(() -> new AssertionError("no issuer " + issuerName));
        var solver = map(((List<?>) map(map(issuer.get("spec")).get("acme")).get("solvers")).get(0));
        assertTrue(solver.containsKey("dns01"), "wildcards need DNS-01");
        var zones = (List<?>) map(solver.get("selector")).get("dnsZones");
        assertTrue(zones.stream().anyMatch(zone -> hostname.endsWith("." + zone)), zones + " " + hostname);
        // Its DNS record: external-dns reads HTTPRoutes and owns the hostname's domain.
        assertTrue(((List<?>) externalDns.get("sources")).contains("gateway-httproute"), externalDns.toString());
        var filters = (List<?>) externalDns.get("domainFilters");
        assertTrue(filters.stream().anyMatch(f -> hostname.endsWith("." + f)), filters + " " + hostname);
    }

    /** The hostname the environment's ApplicationSet gives the application hello on a cluster with that suffix. */
    static String applicationHostname(String environment, String suffix) {
        var applicationSet = documents(FILES.get("mgmt").get("environments/" + environment + "/environment.yaml")).get(0);
        var source = map(map(map(map(applicationSet.get("spec")).get("template")).get("spec")).get("source"));
        var parameters = (List<?>) map(source.get("helm")).get("parameters");
        var enabled = parameters.stream().map(ApplicationRouteChainTest::map)
                .filter(p -> "{{.path.basename}}.route.enabled".equals(p.get("name"))).findFirst().orElseThrow();
        assertEquals("true", enabled.get("value"));
        var template = parameters.stream().map(ApplicationRouteChainTest::map)
                .filter(p -> "{{.path.basename}}.route.hostname".equals(p.get("name"))).findFirst().orElseThrow().get("value");
        return String.valueOf(template).replace("{{.path.basename}}", "hello")
                .replace("{{index .metadata.annotations \"apps_hostname_suffix\"}}", suffix);
    }

    /** The application chart's route for the hostname: rendered by helm where it is installed, else from its defaults. */
    static Map<String, Object> applicationRoute(String hostname) {
        var helm = Path.of("tools/ci/bin/helm");
        if (Files.isExecutable(helm)) {
            DeliveryToolsTest.Result output;
            try {
                output = DeliveryToolsTest.run(helm.toString(), "template", "hello", "apps/template/chart", "--set", "image.tag=0.1.7",
                        "--set", "route.enabled=true", "--set", "route.hostname=" + hostname);
            } catch (java.io.IOException | InterruptedException e) {
                throw new AssertionError("helm template failed to run", e);
            }
            assertEquals(0, output.exit(), output.output());
            return documents(output.output()).stream().filter(d -> "HTTPRoute".equals(d.get("kind"))).findFirst().orElseThrow();
        }
        // Without helm (tools/ci/install brings it) the template's inputs: its values' gateway and the hostname.
        var values = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(read(Path.of("apps/template/chart/values.yaml"))));
        var gateway = map(map(values.get("route")).get("gateway"));
        return Map.of("kind", "HTTPRoute", "spec", Map.of("hostnames", List.of(hostname), "parentRefs", List.of(gateway)));
    }

    static Map<String, Object> registrationAnnotations(String cluster) {
        var registration = PLANS.get(cluster).ofType("kubernetes:external-secrets.io/v1:ExternalSecret").stream()
                .filter(r -> r.name().equals(cluster + "-registration")).findFirst().orElseThrow().inputs();
        var template = map(map(map(registration.get("spec")).get("target")).get("template"));
        var annotations = new TreeMap<String, Object>(map(map(template.get("metadata")).get("annotations")));
        annotations.replaceAll((k, v) -> String.valueOf(v));
        return annotations;
    }

    static Map<String, Object> managementExternalDns() {
        var application = documents(FILES.get("mgmt").get(MGMT + "external-dns.yaml")).stream()
                .filter(d -> "Application".equals(d.get("kind"))).findFirst().orElseThrow();
        return map(map(map(application.get("spec")).get("source")).get("helm")).get("valuesObject") instanceof Map<?, ?> v ? map(v) : Map.of();
    }

    /** The values of a fleet ApplicationSet, with its Go template expressions filled in as Argo CD would. */
    static Map<String, Object> fleetValues(String name, Map<String, String> filled) {
        var text = FILES.get("mgmt").get(MGMT + "fleet-addons.yaml");
        for (var e : filled.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        var set = documents(text).stream().filter(d -> name.equals(map(d.get("metadata")).get("name"))
                || String.valueOf(map(d.get("metadata")).get("name")).startsWith(name + "-workload-eks")).findFirst()
                .orElseThrow(() -> new AssertionError("no ApplicationSet " + name));
        var spec = map(map(map(set.get("spec")).get("template")).get("spec"));
        return map(map(map(spec.get("source")).get("helm")).get("valuesObject"));
    }

    static Map<String, Object> gateway(String file) {
        assertNotNull(file, "the serving cluster has no gateway file");
        return documents(file).stream().filter(d -> "Gateway".equals(d.get("kind"))).findFirst().orElseThrow();
    }

    static Map<String, Object> listener(String gatewayFile, String section) {
        return ((List<?>) map(gateway(gatewayFile).get("spec")).get("listeners")).stream().map(ApplicationRouteChainTest::map)
                .filter(l -> section.equals(l.get("name"))).findFirst().orElseThrow(() -> new AssertionError("no listener " + section));
    }

    /** A wildcard certificate covers exactly one label in place of its '*'. */
    static boolean coveredByWildcard(String hostname, String wildcard) {
        var suffix = wildcard.substring(1);
        return hostname.endsWith(suffix) && !hostname.substring(0, hostname.length() - suffix.length()).contains(".")
                && hostname.length() > suffix.length();
    }

    static List<Map<String, Object>> documents(String text) {
        var documents = new ArrayList<Map<String, Object>>();
        for (var d : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            if (d instanceof Map<?, ?>) {
                documents.add(map(d));
            }
        }
        return documents;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertInstanceOf(Map.class, value);
        return (Map<String, Object>) value;
    }
}
