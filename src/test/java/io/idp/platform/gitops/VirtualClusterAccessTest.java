package io.idp.platform.gitops;

import io.idp.platform.config.PeopleFile;
import io.idp.platform.support.FleetSignOn;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The RBAC inside a virtual cluster, from people.yaml: by team, each team to its environments' namespaces. */
class VirtualClusterAccessTest {
    static final String PEOPLE = """
            teams:
              admins:
                github: platform-admins
              developers:
                environments: [development, staging, production]
              contractors:
                parent: developers
                environments: [development]
            people:
              - login: ada
                email: ada@example.com
                teams: {admins: maintainer}
            """;

    /** Each binding as kind, namespace (or -), name, role and group. */
    static List<String> bindings(String text) {
        var out = new ArrayList<String>();
        for (var document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            if (document == null) {
                continue;
            }
            var object = (Map<?, ?>) document;
            var metadata = (Map<?, ?>) object.get("metadata");
            var subjects = (List<?>) object.get("subjects");
            assertEquals(1, subjects.size());
            var subject = (Map<?, ?>) subjects.get(0);
            assertEquals("Group", subject.get("kind"));
            out.add(object.get("kind") + " " + (metadata.get("namespace") == null ? "-" : metadata.get("namespace")) + " "
                    + metadata.get("name") + " " + ((Map<?, ?>) object.get("roleRef")).get("name") + " " + subject.get("name"));
        }
        return out;
    }

    @Test
    void adminsAdministerEveryTeamViewsAndEditsOnlyItsEnvironmentsApplications() {
        var text = VirtualClusterAccess.render(PeopleFile.parse(PEOPLE), FleetSignOn.GROUPS_PREFIX, "acme",
                List.of("development", "staging"), List.of("hello", "shop"));
        assertEquals(List.of(
                "ClusterRoleBinding - people-admins cluster-admin oidc:acme:platform-admins",
                "ClusterRoleBinding - people-contractors-view view oidc:acme:contractors",
                "RoleBinding hello-development people-contractors-edit edit oidc:acme:contractors",
                "RoleBinding shop-development people-contractors-edit edit oidc:acme:contractors",
                "ClusterRoleBinding - people-developers-view view oidc:acme:developers",
                "RoleBinding hello-development people-developers-edit edit oidc:acme:developers",
                "RoleBinding shop-development people-developers-edit edit oidc:acme:developers",
                "RoleBinding hello-staging people-developers-edit edit oidc:acme:developers",
                "RoleBinding shop-staging people-developers-edit edit oidc:acme:developers"), bindings(text));
    }

    @Test
    void aTeamWhoseEnvironmentsTheClusterDoesNotCarryOnlyViews() {
        var text = VirtualClusterAccess.render(PeopleFile.parse(PEOPLE), FleetSignOn.GROUPS_PREFIX, "acme",
                List.of("staging"), List.of("hello"));
        assertTrue(bindings(text).contains("ClusterRoleBinding - people-contractors-view view oidc:acme:contractors"));
        assertTrue(bindings(text).stream().noneMatch(b -> b.contains("contractors-edit")), text);
    }

    @Test
    void theProjectsPeopleFileRendersNoPersonAndParsesAsRbac() {
        var people = PeopleFile.load(Path.of("."));
        var text = VirtualClusterAccess.render(people, FleetSignOn.GROUPS_PREFIX, "acme-platform", List.of("staging"), List.of("hello"));
        for (var person : people.people()) {
            assertFalse(text.contains(person.login()), person.login());
        }
        assertTrue(bindings(text).contains("RoleBinding hello-staging people-developers-edit edit oidc:acme-platform:developers"));
    }

    @Test
    void theRbacIsValidAgainstTheKubernetesSchemaAndABrokenBindingIsNot() {
        var text = VirtualClusterAccess.render(PeopleFile.parse(PEOPLE), FleetSignOn.GROUPS_PREFIX, "acme",
                List.of("development"), List.of("hello"));
        var check = new io.idp.platform.validation.RenderedRepositoryCheck(Catalog.load(Path.of(".")),
                io.idp.platform.validation.ReferenceData.packaged());
        var file = "registry/clusters/staging/" + VirtualClusterAccess.FILE;
        var report = check.check(Map.of(file, text), List.of(), null);
        assertEquals(List.of(), report.problems());
        assertEquals(5, report.objects());
        var broken = check.check(Map.of(file, text.replace("  apiGroup: rbac.authorization.k8s.io\n  name: view", "  apiGroup: rbac.authorization.k8s.io\n  nam: view")),
                List.of(), null);
        assertFalse(broken.problems().isEmpty(), "a roleRef without its name is refused");
    }

    @Test
    void theApiServerTrustsDexForItsOwnClientWithPrefixedNames() {
        var args = io.idp.platform.components.VirtualCluster.oidcArgs("staging", "https://argocd.mgmt.example.com/api/dex");
        assertEquals(List.of("--oidc-issuer-url=https://argocd.mgmt.example.com/api/dex", "--oidc-client-id=vcluster-staging",
                "--oidc-username-claim=email", "--oidc-username-prefix=oidc:", "--oidc-groups-claim=groups",
                "--oidc-groups-prefix=oidc:"), args);
        var cluster = new io.idp.platform.components.VirtualCluster.Args("staging",
                new io.idp.platform.components.HelmChart("https://charts.loft.sh", "vcluster", "0.36.1"), Map.of(), null, null, null, null, null);
        var values = io.idp.platform.components.VirtualCluster.values(cluster, "https://argocd.mgmt.example.com/api/dex");
        assertEquals(args, at(values, "controlPlane", "distro", "k8s", "apiServer").get("extraArgs"));
        assertEquals(true, at(values, "controlPlane", "distro", "k8s").get("enabled"));
        // The control plane may fetch the issuer's keys: public HTTPS only.
        var egress = (Map<?, ?>) ((List<?>) at(values, "policies", "networkPolicy", "controlPlane").get("egress")).get(0);
        assertEquals(List.of(Map.of("protocol", "TCP", "port", 443)), egress.get("ports"));
        var without = io.idp.platform.components.VirtualCluster.values(cluster);
        assertFalse(((Map<?, ?>) without.get("controlPlane")).containsKey("distro"), "no issuer, no OIDC flags");
        assertFalse(at(without, "policies", "networkPolicy").containsKey("controlPlane"));
    }

    static Map<?, ?> at(Map<?, ?> root, String... keys) {
        Map<?, ?> node = root;
        for (var key : keys) {
            node = (Map<?, ?>) node.get(key);
        }
        return node;
    }
}
