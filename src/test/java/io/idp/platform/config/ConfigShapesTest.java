package io.idp.platform.config;

import io.idp.platform.GeneratedDocs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.idp.platform.config.ConfigBoundariesTest.with;
import static io.idp.platform.config.PlatformConfigTest.*;
import static org.junit.jupiter.api.Assertions.*;

/** The value types, the address plan, the docs table, and the branches of loading each kind of stack. */
class ConfigShapesTest {
    static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow();
    }

    @Test
    void docsCarryTheWholeTableOfKeys() throws Exception {
        GeneratedDocs.assertCarries(Path.of("docs/configuration.md"), ConfigKeysTable.markdown(), ConfigKeys.all().size() + 2,
                "replace its table with the output of ./platform config-keys");
    }

    @Test
    void theKeysTableRowsShowRequiredSecretDefaultAndEscapedPipes() {
        var table = ConfigKeysTable.markdown();
        assertTrue(table.contains("\n| `github:token` | management | yes, secret |  | "), table);
        assertTrue(table.contains("| `platform:availabilityZones` | management, workload | no | `3` | a whole number from 2 to 6, at most the zones of aws:region"), table);
        assertTrue(table.contains("| `platform:clusterName` | management, workload | yes |  | "), table);
        assertEquals(ConfigKeys.all().size() + 2, table.lines().count());
    }

    @Test
    void cidrEdges() {
        assertEquals("255.255.255.255/32", cidr("255.255.255.255/32").toString());
        assertTrue(Cidr.parse("255.255.255.256/32").isEmpty());
        assertTrue(Cidr.parse("10.0.0.0/32").isPresent());
        assertTrue(Cidr.parse("10.0.0.0/33").isEmpty());
        assertTrue(Cidr.parse("0.0.0.0/33").isEmpty(), "no host bits, but no /33 either");
        assertTrue(Cidr.parse(null).isEmpty());
        assertEquals("10.0.0.0/16", cidr(" 10.0.0.0/16 ").toString());
        assertEquals(0L, cidr("0.0.0.0/0").mask());
        assertEquals(1L << 32, cidr("0.0.0.0/0").size());
        assertEquals(0xFFFFFF00L, cidr("10.0.0.0/24").mask());
        assertEquals(0xFFFFFFFFL, cidr("10.0.0.1/32").mask());
        assertTrue(cidr("10.0.0.0/24").overlaps(cidr("10.0.0.255/32")), "the last address is inside");
        assertTrue(cidr("10.0.0.255/32").overlaps(cidr("10.0.0.0/24")));
        assertFalse(cidr("10.0.1.0/24").overlaps(cidr("10.0.0.0/24")), "neighbours do not overlap");
        assertFalse(cidr("10.0.0.0/24").overlaps(cidr("10.0.1.0/24")));
        assertTrue(cidr("10.0.0.0/24").contains(cidr("10.0.0.0/24")));
        assertTrue(cidr("10.0.0.0/24").contains(cidr("10.0.0.255/32")));
        assertFalse(cidr("10.0.0.0/24").contains(cidr("10.0.0.0/23")));
        assertFalse(cidr("10.0.1.0/24").contains(cidr("10.0.0.255/32")));
    }

    @Test
    void subnetsAtTheirLimits() {
        var vpc = cidr("10.0.0.0/16");
        assertEquals(vpc, vpc.subnet(16, 0));
        assertEquals("10.0.255.255/32", vpc.subnet(32, 65535).toString());
        assertEquals("10.0.224.0/19", vpc.subnet(19, 7).toString());
        assertEquals("cannot carve a /15 from 10.0.0.0/16", assertThrows(IllegalArgumentException.class, () -> vpc.subnet(15, 0)).getMessage());
        assertEquals("cannot carve a /33 from 10.0.0.0/16", assertThrows(IllegalArgumentException.class, () -> vpc.subnet(33, 0)).getMessage());
        assertEquals("10.0.0.0/16 has no room for subnet 1 of size /16", assertThrows(IllegalArgumentException.class, () -> vpc.subnet(16, 1)).getMessage());
    }

    @Test
    void privateRangesAtTheirEdges() {
        assertTrue(cidr("10.255.0.0/16").isPrivate());
        assertTrue(cidr("172.31.0.0/16").isPrivate());
        assertFalse(cidr("172.15.0.0/16").isPrivate());
        assertFalse(cidr("192.169.0.0/16").isPrivate());
        assertFalse(cidr("11.0.0.0/16").isPrivate());
    }

    @Test
    void theAddressPlanFindsOverlapsAndTheNextFreeRange() {
        var plan = new AddressPlan(Map.of("mgmt", cidr("10.0.0.0/16"), "prod", cidr("10.1.0.0/16")));
        assertEquals(List.of(), plan.overlaps("mgmt", cidr("10.0.0.0/16")), "a stack does not overlap itself");
        assertEquals(List.of(), plan.overlaps("new", cidr("10.2.0.0/16")));
        var errors = plan.overlaps("new", cidr("10.1.128.0/17"));
        assertEquals(1, errors.size());
        var error = errors.get(0);
        assertEquals("platform:vpcCidr", error.key());
        assertEquals("10.1.128.0/17", error.value());
        assertEquals("overlaps the VPC of stack prod (10.1.0.0/16); stacks' networks must not overlap", error.problem());
        assertEquals("a private range no other stack uses", error.allowed());
        assertEquals("platform:vpcCidr: 10.0.0.0/17", plan.nextFree(17, "mgmt").map(c -> "platform:vpcCidr: " + c).orElseThrow());
        assertEquals("platform:vpcCidr: 10.2.0.0/17", error.example());
        assertEquals(cidr("10.2.0.0/16"), plan.nextFree(16, "other").orElseThrow());
        assertEquals(cidr("10.0.0.0/16"), plan.nextFree(16, "mgmt").orElseThrow(), "its own range is free for the stack itself");
        var full = new AddressPlan(Map.of("all", cidr("10.0.0.0/8")));
        assertTrue(full.nextFree(16, "other").isEmpty());
        assertEquals(cidr("10.0.0.0/8"), new AddressPlan(Map.of()).nextFree(8, "x").orElseThrow());
        var last = new AddressPlan(Map.of("a", cidr("10.0.0.0/9"), "b", cidr("10.128.0.0/10"), "c", cidr("10.192.0.0/11"),
                "d", cidr("10.224.0.0/12"), "e", cidr("10.240.0.0/13"), "f", cidr("10.248.0.0/14"), "g", cidr("10.252.0.0/15"),
                "h", cidr("10.254.0.0/16")));
        assertEquals(cidr("10.255.0.0/16"), last.nextFree(16, "x").orElseThrow(), "the last range of the space counts");
        assertEquals(2, new AddressPlan(Map.of("a", cidr("10.0.0.0/16"), "b", cidr("10.0.0.0/17"))).overlaps("c", cidr("10.0.0.0/18")).size());
    }

    @Test
    void graviton() {
        for (var arm : List.of("m7g.large", "c7gn.xlarge", "t4g.micro", "r8g.2xlarge")) {
            assertTrue(ClusterSettings.isArm(arm), arm);
        }
        for (var x86 : List.of("m6i.large", "g5.xlarge", "c7i.large", "m7a.large")) {
            assertFalse(ClusterSettings.isArm(x86), x86);
        }
        var arm = new ClusterSettings("1.33", List.of("m7g.large"), 1, 1, 1, ClusterSettings.AmiFamily.AL2023, List.of());
        var x86 = new ClusterSettings("1.33", List.of("m6i.large"), 1, 1, 1, ClusterSettings.AmiFamily.AL2023, List.of());
        assertTrue(arm.arm());
        assertFalse(x86.arm());
        assertEquals("AL2023_ARM_64_STANDARD", arm.amiType());
        assertEquals("AL2023_x86_64_STANDARD", x86.amiType());
        assertEquals("BOTTLEROCKET_ARM_64", new ClusterSettings("1.33", List.of("m7g.large"), 1, 1, 1, ClusterSettings.AmiFamily.BOTTLEROCKET, List.of()).amiType());
        assertEquals("BOTTLEROCKET_x86_64", new ClusterSettings("1.33", List.of("m6i.large"), 1, 1, 1, ClusterSettings.AmiFamily.BOTTLEROCKET, List.of()).amiType());
        var mixed = only(with(management(), "platform:nodeInstanceTypes", "[\"m7g.large\",\"m6i.large\"]"));
        assertEquals("mixes arm64 (Graviton) and x86_64 instance types; one node group runs one architecture", mixed.problem());
        assertEquals(List.of("m7g.large", "m7g.xlarge"), load(with(management(), "platform:nodeInstanceTypes", "[\"m7g.large\",\"m7g.xlarge\"]")).cluster().nodeInstanceTypes());
    }

    @Test
    void anInvalidInstanceTypeIsOneErrorNotAlsoAMix() {
        var errors = errors(with(management(), "platform:nodeInstanceTypes", "[\"m7g.large\",\"BAD\"]"));
        assertEquals(List.of("platform:nodeInstanceTypes BAD is not an EC2 instance type"),
                errors.stream().map(e -> e.key() + " " + e.value() + " " + e.problem()).toList());
        assertEquals("is empty", only(with(management(), "platform:nodeInstanceTypes", "[]")).problem());
    }

    @Test
    void smallTypesSayWhatTheyAre() {
        assertEquals("prometheus", Observability.PROMETHEUS.configValue());
        assertEquals("kube-prometheus-stack", Observability.PROMETHEUS.tool());
        assertEquals("datadog", Observability.DATADOG.tool());
        assertNull(Observability.fromConfigValue("nagios"));
        assertEquals("platform", ConfigKeys.CLUSTER_NAME.namespace());
        assertEquals("aws", ConfigKeys.REGION.namespace());
        var e = new ConfigException("Pulumi.x.yaml", List.of(new ConfigError("k", null, "p", null, " ")));
        assertEquals("Pulumi.x.yaml", e.source());
        assertEquals("1 configuration problem in Pulumi.x.yaml; nothing was registered:\n  - k = (not set): p", e.getMessage());
        var two = new ConfigException("f", List.of(new ConfigError("a", "1", "p", "x", null), new ConfigError("b", "2", "q", "", "e")));
        assertEquals("2 configuration problems in f; nothing was registered:\n  - a = \"1\": p\n      allowed: x\n  - b = \"2\": q\n      example: e",
                two.getMessage());
    }

    @Test
    void accessorsOfTheOtherRoleSayWhy() {
        var management = load(management());
        assertEquals("stack test is not a workload stack", assertThrows(IllegalStateException.class, management::workloadSettings).getMessage());
        var workload = load(workload());
        assertEquals("stack test is not a management stack", assertThrows(IllegalStateException.class, workload::managementSettings).getMessage());
        var values = with(new HashMap<>(workload()), "platform:clusterType", "vcluster");
        values.remove("platform:vpcCidr");
        var vcluster = load(values);
        assertEquals("vcluster", vcluster.workloadSettings().clusterType().configValue());
        assertTrue(vcluster.networkSettings().isEmpty());
        assertEquals("stack test is a virtual cluster: it has no network", assertThrows(IllegalStateException.class, vcluster::network).getMessage());
    }

    @Test
    void aVirtualClusterRefusesEveryNetworkKey() {
        var values = with(new HashMap<>(workload()), "platform:clusterType", "vcluster", "platform:availabilityZones", "3",
                "platform:natGateways", "single", "platform:apiPublicAccessCidrs", "[\"203.0.113.0/24\"]");
        var errors = errors(values);
        assertEquals(List.of("platform:apiPublicAccessCidrs", "platform:availabilityZones", "platform:natGateways", "platform:vpcCidr"),
                errors.stream().map(ConfigError::key).toList());
        assertEquals("10.20.0.0/16", errors.get(3).value());
        assertTrue(errors.get(0).problem().startsWith("is not read by a vcluster workload stack: only stacks with their own EKS cluster and VPC"),
                errors.get(0).problem());
        assertEquals(cidr("10.20.0.0/16"), load(with(new HashMap<>(workload()), "platform:clusterType", "eks")).network().vpcCidr(),
                "an EKS workload cluster keeps its network");
    }

    @Test
    void aBadRoleStillChecksEnvironments() {
        var values = with(new HashMap<>(workload()), "platform:role", "worker", "platform:environments", "production");
        assertEquals(List.of("platform:role", "platform:environments"), errors(values).stream().map(ConfigError::key).toList());
    }

    @Test
    void aBadRegionOrClusterNameIsOneErrorNotAlsoABadBucket() {
        assertEquals(List.of("aws:region"), errors(with(management(), "aws:region", "EU-WEST-1")).stream().map(ConfigError::key).toList());
        assertEquals(List.of("platform:clusterName"), errors(with(management(), "platform:clusterName", "Mgmt_1")).stream().map(ConfigError::key).toList());
        assertEquals("is not a valid S3 bucket name", only(with(management(), "platform:stateBucket", "a..b")).problem());
        assertEquals("my-state", load(with(management(), "platform:stateBucket", "my-state")).managementSettings().stateBucket());
    }

    @Test
    void managementOptions() {
        var arn = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";
        assertEquals(Optional.of(arn), load(with(management(), "platform:githubOidcProviderArn", arn)).managementSettings().githubOidcProviderArn());
        assertEquals("is not the ARN of a GitHub Actions OIDC provider",
                only(with(management(), "platform:githubOidcProviderArn", "arn:aws:iam::1:oidc-provider/x")).problem());
        var account = "0123456789abcdef0123456789abcdef";
        var created = load(with(management(), "platform:dnsZoneCreate", "true", "platform:cloudflareAccountId", account, "platform:dnssec", "true"));
        assertTrue(created.dns().createZone());
        assertTrue(created.dns().dnssec());
        assertEquals(Optional.of(account), created.dns().accountId());
        var adopted = load(management());
        assertFalse(adopted.dns().createZone());
        assertFalse(adopted.dns().dnssec());
        assertEquals("is not a Cloudflare account id", only(with(management(), "platform:cloudflareAccountId", "XYZ")).problem());
        var noAccount = only(with(management(), "platform:dnsZoneCreate", "true"));
        assertEquals("platform:cloudflareAccountId", noAccount.key());
        assertNull(noAccount.value());
        assertEquals("is not a GitHub OAuth client id", only(with(management(), "platform:githubOAuthClientId", "short")).problem());
        assertEquals("is not a GitHub team slug", only(with(management(), "platform:ssoAdminsTeam", "Admins!")).problem());
    }

    @Test
    void applicationsNeedNamesOnceAndAPromotionToken() {
        assertEquals("is not an application name", only(with(management(), "platform:applications", "[\"Shop\"]")).problem());
        assertEquals("names an application twice", only(with(management(), "platform:applications", "[\"shop\",\"shop\"]")).problem());
        var noToken = only(with(management(), "platform:applications", "[\"shop\"]"));
        assertEquals("platform:appPromotionToken", noToken.key());
        assertEquals("is required but not set", noToken.problem());
    }

    @Test
    void dnsTokenLimits() {
        assertEquals(List.of(cidr("203.0.113.0/24")), load(with(workload(), "platform:dnsTokenAllowedCidrs", "[\"203.0.113.0/24\"]")).dns().tokenAllowedCidrs());
        assertEquals("is not an IPv4 CIDR with its host bits zero", only(with(workload(), "platform:dnsTokenAllowedCidrs", "[\"203.0.113.1/24\"]")).problem());
        assertEquals("is not a date YYYY-MM-DD", only(with(workload(), "platform:dnsTokenExpiresOn", "next year")).problem());
        assertEquals("is not in the future", only(with(workload(), "platform:dnsTokenExpiresOn", java.time.LocalDate.now().toString())).problem());
        var tomorrow = java.time.LocalDate.now().plusDays(1).toString();
        assertEquals(Optional.of(tomorrow), load(with(workload(), "platform:dnsTokenExpiresOn", tomorrow)).dns().tokenExpiresOn());
        assertEquals("is not an IPv4 CIDR with its host bits zero", only(with(management(), "platform:apiPublicAccessCidrs", "[\"1.2.3.4/8\"]")).problem());
    }

    @Test
    void keysWithoutANamespaceAndKnownProvidersKeys() {
        var bare = only(with(management(), "clusterName", "x"));
        assertEquals("is in no known namespace", bare.problem(), "nine edits from platform:clusterName: past the tolerance");
        assertEquals("x", bare.value());
        var otherRole = only(with(workload(), "platform:domian", "example.com"));
        assertEquals("platform:domian", otherRole.key());
        assertFalse(otherRole.problem().contains("platform:domain"), "hints name keys of this stack's role only: " + otherRole.problem());
        assertEquals("is not a platform setting", only(with(management(), "platform:zzzzzzzzzzzzzzzzzzzz", "x")).problem());
        var role = only(with(workload(), "platform:domain", "example.com"));
        assertEquals("is not read by an eks workload stack: only management stacks use it", role.problem());
        assertEquals("remove the key from this stack file", role.allowed());
        assertEquals("platform:role", only(with(management(), "platform:role", "")).key());
    }

    @Test
    void waiversNameARuleAndAReason() {
        assertEquals("has no reason", only(with(management(), "platform:policyWaivers", "{\"CKV_AWS_7\":\" \"}")).problem());
        assertEquals(Map.of("CKV_AWS_7", "imported key"), load(with(management(), "platform:policyWaivers", "{\"CKV_AWS_7\":\"imported key\"}")).policyWaivers());
        assertEquals("is not an environment name", only(with(workload(), "platform:environments", "[\"Prod\"]")).problem());
        assertEquals("is not an IAM role ARN", only(with(management(), "platform:clusterAdminRoleArns", "[\"arn:aws:iam::1:role/x\"]")).problem());
        assertEquals("is not a stack name", only(with(workload(), "platform:managementStack", "a/b/c/d")).problem());
    }
}
