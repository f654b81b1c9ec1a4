package io.idp.platform.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** One object against a small API: a CRD of a chart, or a built-in kind, each way it can fail. */
class ObjectCheckTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static final JsonNode ISSUER = json("{'type': 'object', 'properties': {'apiVersion': {'type': 'string'}, 'kind': {'type': 'string'},"
            + " 'metadata': {'type': 'object'}, 'spec': {'type': 'object', 'properties': {'email': {'type': 'string'}}}}}");
    static final JsonNode DEFINITIONS = json("{'io.k8s.api.core.v1.ConfigMap': {'type': 'object', 'properties': {"
            + "'apiVersion': {'type': 'string'}, 'kind': {'type': 'string'}, 'metadata': {'type': 'object'},"
            + "'data': {'type': 'object', 'additionalProperties': {'type': 'string'}},"
            + "'port': {'$ref': '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString'},"
            + "'size': {'$ref': '#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity'}}},"
            + "'io.k8s.apimachinery.pkg.util.intstr.IntOrString': {'type': 'string', 'format': 'int-or-string'},"
            + "'io.k8s.apimachinery.pkg.api.resource.Quantity': {'type': 'string'}}");
    static final ReferenceData.KubernetesApi KUBERNETES = new ReferenceData.KubernetesApi("1.33",
            List.of("v1 ConfigMap", "v1 Secret", "networking.k8s.io/v1 Ingress"), DEFINITIONS);
    static final ReferenceData.ChartPack CERT_MANAGER = new ReferenceData.ChartPack("cert-manager", "v1.18.2", json("{}"), Map.of(), null,
            List.of(new ReferenceData.Crd("cert-manager", "v1.18.2", "cert-manager.io", "ClusterIssuer", "Cluster",
                            List.of(new ReferenceData.CrdVersion("v1", true, ISSUER), new ReferenceData.CrdVersion("v1alpha2", false, ISSUER))),
                    new ReferenceData.Crd("cert-manager", "v1.18.2", "cert-manager.io", "Certificate", "Namespaced",
                            List.of(new ReferenceData.CrdVersion("v1", true, ISSUER)))));
    /** A second chart with a kind in the same group: the group stays the first chart's. */
    static final ReferenceData.ChartPack OTHER = new ReferenceData.ChartPack("other", "1.0.0", json("{}"), Map.of(), null,
            List.of(new ReferenceData.Crd("other", "1.0.0", "cert-manager.io", "Extra", "Namespaced",
                    List.of(new ReferenceData.CrdVersion("v1", true, ISSUER)))));

    static final ObjectCheck CHECK = new ObjectCheck(KUBERNETES, List.of(CERT_MANAGER, OTHER));

    static Map<String, Object> object(String apiVersion, String kind, String name, String namespace, Map<String, Object> fields) {
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        var object = new LinkedHashMap<String, Object>();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        object.put("metadata", metadata);
        object.putAll(fields);
        return object;
    }

    @Test
    void aCustomResourceMatchingItsServedCrdVersionPasses() {
        assertEquals(List.of(), CHECK.check("f.yaml", object("cert-manager.io/v1", "ClusterIssuer", "letsencrypt", null,
                Map.of("spec", Map.of("email", "a@example.com")))));
        assertEquals(List.of(), CHECK.check("f.yaml", object("cert-manager.io/v1", "Certificate", "web", "apps", Map.of())));
    }

    @Test
    void aFieldTheCrdDoesNotListFailsBecauseTheSchemaIsClosed() {
        var problems = CHECK.check("f.yaml", object("cert-manager.io/v1", "ClusterIssuer", "letsencrypt", null,
                Map.of("spec", Map.of("mail", "a@example.com"))));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("f.yaml ClusterIssuer/letsencrypt: ") && problems.get(0).contains("mail"), problems.get(0));
    }

    @Test
    void aWrongTypeInACustomResourceFails() {
        var problems = CHECK.check("f.yaml", object("cert-manager.io/v1", "ClusterIssuer", "letsencrypt", null, Map.of("spec", Map.of("email", 3))));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("email") && problems.get(0).contains("string"), problems.get(0));
    }

    @Test
    void aVersionTheCrdDoesNotServeFailsNamingTheServedOnes() {
        for (var version : List.of("v1alpha2", "v3")) {
            assertEquals(List.of("f.yaml ClusterIssuer/letsencrypt: apiVersion cert-manager.io/" + version
                            + " is not served by the ClusterIssuer CRD of cert-manager v1.18.2 (served: v1)"),
                    CHECK.check("f.yaml", object("cert-manager.io/" + version, "ClusterIssuer", "letsencrypt", null, Map.of("spec", Map.of("x", 1)))));
        }
    }

    @Test
    void aNamespaceOnAClusterScopedKindFails() {
        assertEquals(List.of("f.yaml ClusterIssuer/letsencrypt: metadata.namespace is set, but ClusterIssuer is cluster-scoped"),
                CHECK.check("f.yaml", object("cert-manager.io/v1", "ClusterIssuer", "letsencrypt", "default", Map.of())));
    }

    @Test
    void aKindTheGroupsChartDoesNotDefineFailsListingItsKinds() {
        assertEquals(List.of("f.yaml Issuers/x: kind Issuers is not defined by cert-manager v1.18.2, which provides the other "
                        + "cert-manager.io kinds; its CRDs: [Certificate, ClusterIssuer, Extra]"),
                CHECK.check("f.yaml", object("cert-manager.io/v1", "Issuers", "x", null, Map.of())));
    }

    @Test
    void aGroupNoChartProvidesFailsNamingTheCatalog() {
        assertEquals(List.of("f.yaml Widget/x: no CRD for example.com/v1 Widget: no chart in the catalog provides the group example.com; "
                        + "add the chart that defines it to stacks/catalog.yaml"),
                CHECK.check("f.yaml", object("example.com/v1", "Widget", "x", null, Map.of())));
    }

    @Test
    void aBuiltInKindInAnUnservedVersionOrWithoutAPackagedSchemaFails() {
        assertEquals(List.of("f.yaml Ingress/web: networking.k8s.io/v1beta1 Ingress is not served by Kubernetes 1.33"),
                CHECK.check("f.yaml", object("networking.k8s.io/v1beta1", "Ingress", "web", "apps", Map.of())));
        assertEquals(List.of("f.yaml Ingress/web: no schema for networking.k8s.io/v1 Ingress is packaged; add it to the reference data"),
                CHECK.check("f.yaml", object("networking.k8s.io/v1", "Ingress", "web", "apps", Map.of())));
        assertEquals(List.of("f.yaml Pod/web: v1 Pod is not served by Kubernetes 1.33"),
                CHECK.check("f.yaml", object("v1", "Pod", "web", "apps", Map.of())));
    }

    @Test
    void aCoreObjectIsCheckedAgainstItsClosedDefinitionWithIntOrStringAndQuantityAcceptingNumbers() {
        assertEquals(List.of(), CHECK.check("f.yaml", object("v1", "ConfigMap", "settings", "apps",
                Map.of("data", Map.of("a", "b"), "port", 8080, "size", 1.5))));
        assertEquals(List.of(), CHECK.check("f.yaml", object("v1", "ConfigMap", "settings", "apps", Map.of("port", "http", "size", "1Gi"))));
        assertEquals(List.of("f.yaml ConfigMap/settings: /port: boolean found, integer expected",
                        "f.yaml ConfigMap/settings: /port: boolean found, string expected",
                        "f.yaml ConfigMap/settings: : property 'dta' is not defined in the schema and the schema does not allow additional properties"),
                CHECK.check("f.yaml", object("v1", "ConfigMap", "settings", "apps", Map.of("dta", Map.of(), "port", true))));
        assertEquals(List.of("f.yaml ConfigMap/settings: /size: boolean found, number expected",
                        "f.yaml ConfigMap/settings: /size: boolean found, string expected"),
                CHECK.check("f.yaml", object("v1", "ConfigMap", "settings", "apps", Map.of("size", true))));
    }

    @Test
    void namesMustBeLowerCaseDnsNames() {
        for (var name : List.of("a", "web-1", "a.b", "0x")) {
            assertEquals(List.of(), CHECK.check("f.yaml", object("v1", "ConfigMap", name, "apps", Map.of())), name);
        }
        for (var name : List.of("Web", "web_1", "-web", "web-", "")) {
            assertEquals(List.of("f.yaml ConfigMap/" + name + ": metadata.name must be a lower-case DNS name, was " + name),
                    CHECK.check("f.yaml", object("v1", "ConfigMap", name, "apps", Map.of())), name);
        }
        var unnamed = new LinkedHashMap<String, Object>(Map.of("apiVersion", "v1", "kind", "ConfigMap"));
        assertEquals(List.of("f.yaml ConfigMap/null: metadata.name must be a lower-case DNS name, was null"), CHECK.check("f.yaml", unnamed));
    }

    @Test
    void theGroupOfAnApiVersionIsWhatPrecedesTheSlash() {
        assertEquals("", ObjectCheck.group("v1"));
        assertEquals("networking.k8s.io", ObjectCheck.group("networking.k8s.io/v1"));
    }
}
