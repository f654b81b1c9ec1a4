package io.idp.platform.cli;

import io.idp.platform.TestProject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The bad-input catalogue: each bad configuration is refused with exit code 1, a message naming the
 * key and what is wrong, and nothing registered (no plan file, no local repository).
 */
class BadInputCatalogueTest {
    static final Object REMOVE = new Object();

    static Arguments bad(String what, String stack, Map<String, Object> changes, String key, String message) {
        return Arguments.of(what, stack, changes, key, message);
    }

    static Map<String, Object> set(Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static Stream<Arguments> catalogue() {
        return Stream.of(
                bad("missing role", "mgmt", set("platform:role", REMOVE), "platform:role", "is required but not set"),
                bad("unknown role", "mgmt", set("platform:role", "manager"), "platform:role", "is not one of the allowed values"),
                bad("missing cluster name", "mgmt", set("platform:clusterName", REMOVE), "platform:clusterName", "is required"),
                bad("upper-case cluster name", "mgmt", set("platform:clusterName", "Mgmt"), "platform:clusterName", "is not a valid cluster name"),
                bad("too long cluster name", "mgmt", set("platform:clusterName", "m".repeat(40)), "platform:clusterName", "is not a valid cluster name"),
                bad("missing region", "mgmt", set("aws:region", REMOVE), "aws:region", "is required"),
                bad("unknown region", "mgmt", set("aws:region", "us-east-9"), "aws:region", "is not an AWS commercial region"),
                bad("GovCloud region", "mgmt", set("aws:region", "us-gov-west-1"), "aws:region", "is not an AWS commercial region"),
                bad("missing VPC range", "mgmt", set("platform:vpcCidr", REMOVE), "platform:vpcCidr", "is required"),
                bad("malformed CIDR", "mgmt", set("platform:vpcCidr", "10.0.0/16"), "platform:vpcCidr", "is not an IPv4 CIDR"),
                bad("host bits set", "mgmt", set("platform:vpcCidr", "10.0.0.1/16"), "platform:vpcCidr", "host bits"),
                bad("prefix too short", "mgmt", set("platform:vpcCidr", "10.0.0.0/8"), "platform:vpcCidr", "outside /16 to /22"),
                bad("public range", "mgmt", set("platform:vpcCidr", "54.0.0.0/16"), "platform:vpcCidr", "not a private"),
                bad("range too small for zones", "mgmt", set("platform:vpcCidr", "10.0.0.0/22"), "platform:vpcCidr", "too small for 3"),
                bad("overlapping another stack", "production-east", set("platform:vpcCidr", "10.0.0.0/16"), "platform:vpcCidr", "overlaps the VPC of stack mgmt"),
                bad("zones not a number", "mgmt", set("platform:availabilityZones", "three"), "platform:availabilityZones", "is not a whole number"),
                bad("one zone", "mgmt", set("platform:availabilityZones", 1), "platform:availabilityZones", "is out of range"),
                bad("unknown NAT mode", "mgmt", set("platform:natGateways", "none"), "platform:natGateways", "is not one of the allowed values"),
                bad("unsupported Kubernetes", "mgmt", set("platform:kubernetesVersion", "1.29"), "platform:kubernetesVersion", "is not a supported Kubernetes version"),
                bad("instance types not a list", "mgmt", set("platform:nodeInstanceTypes", "m6i.large"), "platform:nodeInstanceTypes", "is not a list"),
                bad("bad instance type", "mgmt", set("platform:nodeInstanceTypes", List.of("huge")), "platform:nodeInstanceTypes", "is not an EC2 instance type"),
                bad("mixed architectures", "mgmt", set("platform:nodeInstanceTypes", List.of("m6i.large", "m7g.large")), "platform:nodeInstanceTypes", "mixes arm64"),
                bad("desired below min", "mgmt", set("platform:nodeDesiredSize", 1), "platform:nodeDesiredSize", "contradicts the node group's bounds"),
                bad("node size zero", "mgmt", set("platform:nodeMinSize", 0), "platform:nodeMinSize", "is out of range"),
                bad("unknown AMI family", "mgmt", set("platform:nodeAmiFamily", "ubuntu"), "platform:nodeAmiFamily", "is not one of the allowed values"),
                bad("bad admin role ARN", "mgmt", set("platform:clusterAdminRoleArns", List.of("admins")), "platform:clusterAdminRoleArns", "is not an IAM role ARN"),
                bad("bad public CIDR", "mgmt", set("platform:apiPublicAccessCidrs", List.of("anywhere")), "platform:apiPublicAccessCidrs", "is not an IPv4 CIDR"),
                bad("protect not a boolean", "mgmt", set("platform:protect", "yes"), "platform:protect", "is not true or false"),
                bad("tags not a map", "mgmt", set("platform:tags", "team=platform"), "platform:tags", "is not a YAML list or map"),
                bad("missing domain", "mgmt", set("platform:domain", REMOVE), "platform:domain", "is required"),
                bad("bad domain", "mgmt", set("platform:domain", "example"), "platform:domain", "is not a DNS domain name"),
                bad("bad e-mail", "mgmt", set("platform:alertsEmail", "platform-team"), "platform:alertsEmail", "is not an e-mail address"),
                bad("bad GitHub owner", "mgmt", set("platform:githubOwner", "-acme"), "platform:githubOwner", "is not a GitHub organisation"),
                bad("bad bucket name", "mgmt", set("platform:stateBucket", "State_Bucket"), "platform:stateBucket", "is not a valid S3 bucket name"),
                bad("token in plain text", "mgmt", set("github:token", "ghp_plaintext"), "github:token", "is stored in plain text"),
                bad("missing DNS token", "mgmt", set("cloudflare:apiToken", REMOVE), "cloudflare:apiToken", "is required"),
                bad("zone creation without account", "mgmt", set("platform:dnsZoneCreate", true), "platform:cloudflareAccountId", "is required when platform:dnsZoneCreate is true"),
                bad("bad Cloudflare account", "mgmt", set("platform:dnsZoneCreate", true, "platform:cloudflareAccountId", "acme"), "platform:cloudflareAccountId", "is not a Cloudflare account id"),
                bad("token expiry in the past", "mgmt", set("platform:dnsTokenExpiresOn", "2001-01-01"), "platform:dnsTokenExpiresOn", "is not in the future"),
                bad("token expiry not a date", "mgmt", set("platform:dnsTokenExpiresOn", "next year"), "platform:dnsTokenExpiresOn", "is not a date"),
                bad("bad SSO team", "mgmt", set("platform:ssoAdminsTeam", "Platform Admins"), "platform:ssoAdminsTeam", "is not a GitHub team slug"),
                bad("unknown platform key", "mgmt", set("platform:clusterNmae", "mgmt"), "platform:clusterNmae", "did you mean platform:clusterName?"),
                bad("unknown namespace", "mgmt", set("awss:region", "us-east-1"), "awss:region", "is in no known namespace"),
                bad("management key in a workload stack", "production-east", set("platform:domain", "example.com"), "platform:domain", "is only read by management stacks"),
                bad("unknown waiver", "mgmt", set("platform:policyWaivers", Map.of("CKV_AWS_999", "because")), "platform:policyWaivers", "is not a policy rule"),
                bad("waiver without a reason", "mgmt", set("platform:policyWaivers", Map.of("CKV_AWS_18", " ")), "platform:policyWaivers", "has no reason"),
                bad("bad OIDC provider ARN", "mgmt", set("platform:githubOidcProviderArn", "arn:aws:iam::1:oidc-provider/x"), "platform:githubOidcProviderArn", "is not the ARN of a GitHub Actions OIDC provider"),
                bad("missing management stack", "production-east", set("platform:managementStack", REMOVE), "platform:managementStack", "is required"),
                bad("unknown cluster type", "production-east", set("platform:clusterType", "kind"), "platform:clusterType", "is not one of the allowed values"),
                bad("duplicate environment", "production-east", set("platform:environments", List.of("production", "production")), "platform:environments", "names an environment twice"),
                bad("bad environment name", "production-east", set("platform:environments", List.of("Prod")), "platform:environments", "is not an environment name"),
                bad("network settings on a virtual cluster", "staging", set("platform:availabilityZones", 3), "platform:availabilityZones", "is not used by a vcluster"),
                bad("unknown observability", "mgmt", set("platform:observability", "newrelic"), "platform:observability", "is not one of the allowed values"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void isRefusedNamingTheKeyAndNothingIsRegistered(String what, String stack, Map<String, Object> changes, String key, String message,
                                                      @TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir);
        changes.forEach((k, v) -> project.set(stack, k, v == REMOVE ? null : v));
        assertEquals(1, project.cli("plan", stack), what + ": " + project.out() + project.err());
        var err = project.err();
        assertTrue(err.contains(key), what + ": the key is named\n" + err);
        assertTrue(err.contains(message), what + ": the message says what is wrong\n" + err);
        assertTrue(err.contains("nothing was registered"), what + "\n" + err);
        assertFalse(Files.exists(project.planFile(stack)), what + ": no plan was written");
        assertFalse(Files.exists(dir.resolve(".platform/github")), what + ": no repository was touched");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void everyErrorSaysWhatIsAllowed(String what, String stack, Map<String, Object> changes, String key, String message,
                                     @TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir);
        changes.forEach((k, v) -> project.set(stack, k, v == REMOVE ? null : v));
        project.cli("validate", stack);
        assertTrue(project.err().contains("allowed: "), what + "\n" + project.err());
    }
}
