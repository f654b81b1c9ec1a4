package io.idp.platform.stacks;

import io.idp.platform.contract.ManagementOutputs;
import io.idp.platform.TestProject;
import io.idp.platform.config.ConfigException;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The platform's zone, the clusters' DNS tokens and single sign-on, as planned. */
class DnsAndSsoTest {
    @TempDir
    Path dir;
    TestProject project;
    OfflineEngine engine;

    @BeforeEach
    void setUp() {
        project = TestProject.copyOfRepository(dir);
        engine = new OfflineEngine(dir);
    }

    Plan plan(String stack) {
        return engine.plan(stack).plan();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void theZoneIsAdoptedByDefaultAndSignedWhenAsked() {
        var plan = plan("mgmt");
        assertTrue(plan.ofType("cloudflare:index/zone:Zone").isEmpty(), "adopted, not created");
        var dnssec = plan.ofType("cloudflare:index/zoneDnssec:ZoneDnssec").get(0).inputs();
        assertEquals(plan.outputs().get(ManagementOutputs.DNS_ZONE_ID), dnssec.get("zoneId"));
        assertEquals("active", dnssec.get("status"));
    }

    @Test
    void aCreatedZoneBelongsToTheAccountAndIsProtected() {
        project.set("mgmt", "platform:dnsZoneCreate", true).set("mgmt", "platform:cloudflareAccountId", "023e105f4ecef8ad9ca31a8372d0c353");
        var zone = plan("mgmt").ofType("cloudflare:index/zone:Zone").get(0);
        assertEquals("example.com", zone.inputs().get("name"));
        assertEquals(Map.of("id", "023e105f4ecef8ad9ca31a8372d0c353"), zone.inputs().get("account"));
        assertTrue(zone.protect() && zone.retainOnDelete());
    }

    @Test
    void creatingAZoneWithoutAnAccountIsAConfigError() {
        project.set("mgmt", "platform:dnsZoneCreate", true);
        var e = assertThrows(ConfigException.class, () -> plan("mgmt"));
        assertEquals("platform:cloudflareAccountId", e.errors().get(0).key());
        assertTrue(e.errors().get(0).problem().contains("required when platform:dnsZoneCreate is true"));
    }

    @Test
    void onlyLetsEncryptMayIssueForTheClustersSubdomain() {
        var caa = plan("mgmt").ofType("cloudflare:index/dnsRecord:DnsRecord").get(0).inputs();
        assertEquals("CAA", caa.get("type"));
        assertEquals("mgmt.example.com", caa.get("name"));
        assertEquals("letsencrypt.org", map(caa.get("data")).get("value"));
        assertEquals("issue", map(caa.get("data")).get("tag"));
    }

    @Test
    void tokensCanBeLimitedToNetworksAndADate() {
        project.set("mgmt", "platform:dnsTokenAllowedCidrs", List.of("198.51.100.0/24")).set("mgmt", "platform:dnsTokenExpiresOn", "2099-01-31");
        for (var token : plan("mgmt").ofType("cloudflare:index/apiToken:ApiToken")) {
            assertEquals(Map.of("requestIp", Map.of("ins", List.of("198.51.100.0/24"))), token.inputs().get("condition"));
            assertEquals("2099-01-31T00:00:00Z", token.inputs().get("expiresOn"));
        }
        project.set("mgmt", "platform:dnsTokenExpiresOn", "2020-01-01");
        var e = assertThrows(ConfigException.class, () -> plan("mgmt"));
        assertEquals("is not in the future", e.errors().get(0).problem());
    }

    @Test
    void byDefaultTokensWorkOnlyFromTheClustersNatAddressesAndExpire() {
        var plan = plan("mgmt");
        var nat = plan.ofType("aws:ec2/eip:Eip").stream().map(e -> e.outputs().get("publicIp") + "/32").sorted().toList();
        assertFalse(nat.isEmpty());
        assertEquals(nat, ((List<?>) plan.outputs().get("natPublicIps")).stream().map(ip -> ip + "/32").sorted().toList());
        var expected = io.idp.platform.components.ClusterDnsTokens.defaultExpiresOn(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        for (var token : plan.ofType("cloudflare:index/apiToken:ApiToken")) {
            assertEquals(nat, ((List<?>) map(map(token.inputs().get("condition")).get("requestIp")).get("ins")).stream().sorted().toList());
            assertEquals(expected, token.inputs().get("expiresOn"));
        }
    }

    @Test
    void aVirtualClustersTokensWorkOnlyFromTheManagementVpcsNatAddresses() {
        var mgmt = plan("mgmt");
        engine.plans().write(mgmt);
        var nat = ((List<?>) mgmt.outputs().get("natPublicIps")).stream().map(ip -> ip + "/32").toList();
        var staging = plan("staging");
        var tokens = staging.ofType("cloudflare:index/apiToken:ApiToken");
        assertEquals(2, tokens.size());
        for (var token : tokens) {
            assertEquals(nat, map(map(token.inputs().get("condition")).get("requestIp")).get("ins"));
        }
    }

    @Test
    void aPhysicalWorkloadClusterGetsItsOwnTokensInItsOwnPath() {
        engine.plans().write(plan("mgmt"));
        var plan = plan("production-east");
        assertEquals(2, plan.ofType("cloudflare:index/apiToken:ApiToken").size());
        var paths = plan.ofType("aws:secretsmanager/secret:Secret").stream().map(s -> String.valueOf(s.inputs().get("name"))).sorted().toList();
        // Its own path, but for the hash of its metrics login, which the management cluster's Gateway checks.
        assertEquals(List.of("platform/mgmt/clusters/mgmt/prometheus-write-users/production-east",
                "platform/mgmt/clusters/production-east/cloudflare/cert-manager-token",
                "platform/mgmt/clusters/production-east/cloudflare/external-dns-token",
                "platform/mgmt/clusters/production-east/prometheus/remote-write-password"), paths);
        assertEquals("[secret]", plan.ofType("pulumi:providers:cloudflare").get(0).inputs().get("apiToken"));
    }

    @Test
    void argoCdSignsInThroughGithubTeamsWithTheLocalAdminOff() {
        var values = map(plan("mgmt").ofType("kubernetes:helm.sh/v3:Release").get(0).inputs().get("values"));
        var cm = map(map(values.get("configs")).get("cm"));
        var dex = String.valueOf(cm.get("dex.config"));
        assertTrue(dex.contains("type: github") && dex.contains("clientID: Ov23liExampleClient01"), dex);
        assertTrue(dex.contains("clientSecret: $argocd-sso:githubClientSecret"), "a reference, not the secret");
        assertTrue(dex.contains("- name: acme-platform"), dex);
        var policy = String.valueOf(map(map(values.get("configs")).get("rbac")).get("policy.csv"));
        assertTrue(policy.contains("g, acme-platform:platform-admins, role:admin"), policy);
        assertTrue(policy.contains("g, acme-platform:developers, role:developer"), policy);
        assertEquals("", map(map(values.get("configs")).get("rbac")).get("policy.default"), "no access for anyone else");
        assertEquals(false, cm.get("admin.enabled"));
    }

    @Test
    void grafanaSignsInThroughArgoCdsDex() {
        var files = io.idp.platform.gitops.GitopsLayout.management(Path.of("."), io.idp.platform.gitops.Catalog.load(Path.of(".")),
                new io.idp.platform.gitops.GitopsLayout.ManagementFacts("mgmt", "mgmt.example.com", "us-east-1", "git@x", "a@b.co",
                        "platform/mgmt/clusters/mgmt/", "arn:aws:iam::111122223333:role/e", "arn:aws:iam::111122223333:role/f", false,
                        io.idp.platform.config.Observability.PROMETHEUS,
                        new io.idp.platform.gitops.GitopsLayout.Sso("acme", "admins", "devs", "client"),
                        new io.idp.platform.gitops.ClusterCapabilities("arn:aws:iam::111122223333:role/k", "n", "q", 50, 10, "40Gi",
                                java.util.List.of("on-demand"), "arn:aws:iam::111122223333:role/v", "b", "arn:aws:kms:us-east-1:111122223333:key/k",
                                "0 3 * * *", "24h0m0s")));
        var prometheus = files.get("registry/clusters/mgmt/kube-prometheus-stack.yaml");
        assertTrue(prometheus.contains("auth_url: https://argocd.mgmt.example.com/api/dex/auth"), prometheus);
        assertTrue(prometheus.contains("role_attribute_path: contains(groups[*], 'acme:admins') && 'Admin' || 'Viewer'"), prometheus);
        assertTrue(prometheus.contains("key: platform/mgmt/clusters/mgmt/sso/grafana-client-secret"), prometheus);
        assertTrue(prometheus.contains("disable_login_form: true"), prometheus);
    }

    @Test
    void ssoSecretsAreStoredNeverPlain() {
        var plan = plan("mgmt");
        var secrets = plan.ofType("aws:secretsmanager/secret:Secret").stream().map(s -> String.valueOf(s.inputs().get("name"))).toList();
        assertTrue(secrets.contains("platform/mgmt/clusters/mgmt/sso/github-oauth-client-secret"));
        assertTrue(secrets.contains("platform/mgmt/clusters/mgmt/sso/grafana-client-secret"));
        plan.ofType("aws:secretsmanager/secretVersion:SecretVersion").forEach(v -> assertEquals("[secret]", v.inputs().get("secretString")));
    }
}
