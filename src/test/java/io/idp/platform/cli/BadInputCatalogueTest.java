package io.idp.platform.cli;

import io.idp.platform.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The bad-input catalogue: each bad input a user can write (stack files, Pulumi.yaml, the catalog,
 * the people file, other stacks' files) is refused by both {@code validate} and {@code plan} with exit code 1, a
 * message naming the key, the value, what is wrong, what is allowed and an example, and nothing
 * registered or written (no plan file, no local repository).
 */
class BadInputCatalogueTest {
    static final Object REMOVE = new Object();
    static final String LONG = "x".repeat(5000);

    /** One bad input: what it is, the stack planned, how the project is spoilt, and what the error must name. */
    static Arguments bad(String what, String stack, Consumer<TestProject> change, String key, String value, String message) {
        return Arguments.of(what, stack, change, key, value, message);
    }

    /** A bad value of one key of the planned stack's own file. */
    static Arguments value(String what, String stack, String key, Object value, String shown, String message) {
        return bad(what, stack, p -> p.set(stack, key, value == REMOVE ? null : value), key, shown, message);
    }

    static Arguments values(String what, String stack, Map<String, Object> changes, String key, String shown, String message) {
        return bad(what, stack, p -> changes.forEach((k, v) -> p.set(stack, k, v == REMOVE ? null : v)), key, shown, message);
    }

    static Map<String, Object> set(Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** A new stack file: a copy of {@code from} with some keys changed. */
    static Consumer<TestProject> newStack(String name, String from, Map<String, Object> changes) {
        return p -> {
            p.copyStack(from, name);
            changes.forEach((k, v) -> p.set(name, k, v == REMOVE ? null : v));
        };
    }

    static Consumer<TestProject> pulumiYaml(String text) {
        return p -> p.write("Pulumi.yaml", text);
    }

    static Consumer<TestProject> catalog(String text, String replacement) {
        return p -> p.replace("stacks/catalog.yaml", text, replacement);
    }

    static Consumer<TestProject> people(String text, String replacement) {
        return p -> p.replace("people.yaml", text, replacement);
    }

    static Consumer<TestProject> secure(String stack, String key, String yamlValue) {
        return p -> p.replace("Pulumi." + stack + ".yaml", "config:\n", "config:\n  " + key + ":\n    secure: " + yamlValue + "\n");
    }

    static Consumer<TestProject> text(String stack, String find, String replacement) {
        return p -> p.replace("Pulumi." + stack + ".yaml", find, replacement);
    }

    static Map<String, String> tags(int count) {
        var tags = new LinkedHashMap<String, String>();
        IntStream.range(0, count).forEach(i -> tags.put("tag" + i, "v"));
        return tags;
    }

    static final String PROJECT = """
            name: platform
            runtime:
              name: java
              options:
                binary: target/platform.jar
            """;

    static Stream<Arguments> catalogue() {
        return Stream.of(
                // the stack file's own keys
                value("missing role", "mgmt", "platform:role", REMOVE, "(not set)", "is required but not set"),
                value("unknown role", "mgmt", "platform:role", "manager", "manager", "is not one of the allowed values"),
                value("missing cluster name", "mgmt", "platform:clusterName", REMOVE, "(not set)", "is required"),
                value("upper-case cluster name", "mgmt", "platform:clusterName", "Mgmt", "Mgmt", "is not a valid cluster name"),
                value("too long cluster name", "mgmt", "platform:clusterName", "m".repeat(40), "m".repeat(40), "is not a valid cluster name"),
                value("missing region", "mgmt", "aws:region", REMOVE, "(not set)", "is required"),
                value("unknown region", "mgmt", "aws:region", "us-east-9", "us-east-9", "is not an AWS commercial region; did you mean us-east-1?"),
                value("GovCloud region", "mgmt", "aws:region", "us-gov-west-1", "us-gov-west-1", "is not an AWS commercial region"),
                value("China region", "production-east", "aws:region", "cn-north-1", "cn-north-1", "is not an AWS commercial region"),
                value("missing VPC range", "mgmt", "platform:vpcCidr", REMOVE, "(not set)", "is required"),
                value("malformed CIDR", "mgmt", "platform:vpcCidr", "10.0.0/16", "10.0.0/16", "is not an IPv4 CIDR"),
                value("host bits set", "mgmt", "platform:vpcCidr", "10.0.0.1/16", "10.0.0.1/16", "host bits"),
                value("prefix too short", "mgmt", "platform:vpcCidr", "10.0.0.0/8", "10.0.0.0/8", "outside /16 to /22"),
                value("public range", "mgmt", "platform:vpcCidr", "54.0.0.0/16", "54.0.0.0/16", "not a private"),
                value("range too small for zones", "mgmt", "platform:vpcCidr", "10.0.0.0/22", "10.0.0.0/22", "too small for 3"),
                value("zones not a number", "mgmt", "platform:availabilityZones", "three", "three", "is not a whole number"),
                value("one zone", "mgmt", "platform:availabilityZones", 1, "\"1\"", "is out of range"),
                value("unknown NAT mode", "mgmt", "platform:natGateways", "none", "none", "is not one of the allowed values"),
                value("unsupported Kubernetes", "mgmt", "platform:kubernetesVersion", "1.29", "1.29", "is not a supported Kubernetes version"),
                value("node size zero", "mgmt", "platform:nodeMinSize", 0, "\"0\"", "is out of range"),
                values("desired below min", "mgmt", set("platform:nodeDesiredSize", 1), "platform:nodeDesiredSize", "\"1\"", "contradicts the node group's bounds"),
                value("unknown AMI family", "mgmt", "platform:nodeAmiFamily", "ubuntu", "ubuntu", "is not one of the allowed values"),
                value("bad admin role ARN", "mgmt", "platform:clusterAdminRoleArns", List.of("admins"), "admins", "is not an IAM role ARN"),
                value("bad public CIDR", "mgmt", "platform:apiPublicAccessCidrs", List.of("anywhere"), "anywhere", "is not an IPv4 CIDR"),
                value("protect not a boolean", "mgmt", "platform:protect", "yes", "yes", "is not true or false"),
                value("missing domain", "mgmt", "platform:domain", REMOVE, "(not set)", "is required"),
                value("bad domain", "mgmt", "platform:domain", "example", "example", "is not a DNS domain name"),
                value("bad e-mail", "mgmt", "platform:alertsEmail", "platform-team", "platform-team", "is not an e-mail address"),
                value("bad GitHub owner", "mgmt", "platform:githubOwner", "-acme", "-acme", "is not a GitHub organisation"),
                value("bad bucket name", "mgmt", "platform:stateBucket", "State_Bucket", "State_Bucket", "is not a valid S3 bucket name"),
                value("token in plain text", "mgmt", "github:token", "ghp_plaintext", "[secret]", "is stored in plain text"),
                value("missing DNS token", "mgmt", "cloudflare:apiToken", REMOVE, "(not set)", "is required"),
                values("zone creation without account", "mgmt", set("platform:dnsZoneCreate", true), "platform:cloudflareAccountId", "(not set)", "is required when platform:dnsZoneCreate is true"),
                values("bad Cloudflare account", "mgmt", set("platform:dnsZoneCreate", true, "platform:cloudflareAccountId", "acme"), "platform:cloudflareAccountId", "acme", "is not a Cloudflare account id"),
                value("token expiry in the past", "mgmt", "platform:dnsTokenExpiresOn", "2001-01-01", "2001-01-01", "is not in the future"),
                value("token expiry not a date", "mgmt", "platform:dnsTokenExpiresOn", "next year", "next year", "is not a date"),
                value("bad SSO team", "mgmt", "platform:ssoAdminsTeam", "Platform Admins", "Platform Admins", "is not a GitHub team slug"),
                // node groups besides the default one
                bad("node groups not a map", "mgmt", p -> p.set("mgmt", "platform:nodeGroups", List.of("spot")), "platform:nodeGroups", "spot", "is not a map of node group names to their settings"),
                value("node group named default", "production-east", "platform:nodeGroups", Map.of("default", Map.of("instanceTypes", List.of("m6i.large"))), "default", "names the default node group"),
                value("node group with a bad name", "mgmt", "platform:nodeGroups", Map.of("Spot Nodes", Map.of("instanceTypes", List.of("m6i.large"))), "Spot Nodes", "is not a node group name"),
                bad("node group without instance types", "mgmt", p -> p.set("mgmt", "platform:nodeGroups", Map.of("spot", Map.of("capacityType", "SPOT"))), "platform:nodeGroups.spot.instanceTypes", "(not set)", "is required"),
                bad("node group capacity type unknown", "production-east", p -> p.set("production-east", "platform:nodeGroups", Map.of("spot", Map.of("instanceTypes", List.of("m6i.large"), "capacityType", "PREEMPTIBLE"))), "platform:nodeGroups.spot.capacityType", "PREEMPTIBLE", "is not one of the allowed values"),
                bad("node group AMI of the other architecture", "mgmt", p -> p.set("mgmt", "platform:nodeGroups", Map.of("arm", Map.of("instanceTypes", List.of("m7g.large"), "amiType", "AL2023_x86_64_STANDARD"))), "platform:nodeGroups.arm.amiType", "AL2023_x86_64_STANDARD", "runs x86_64 but the instance types are arm64"),
                bad("node group sizes contradict", "mgmt", p -> p.set("mgmt", "platform:nodeGroups", Map.of("spot", Map.of("instanceTypes", List.of("m6i.large"), "minSize", 4, "maxSize", 2))), "platform:nodeGroups.spot.desiredSize", "4", "contradicts the group's bounds"),
                bad("node group taint effect", "production-east", p -> p.set("production-east", "platform:nodeGroups", Map.of("gpu", Map.of("instanceTypes", List.of("g5.xlarge"), "taints", List.of(Map.of("key", "gpu", "effect", "NoSchedule"))))), "platform:nodeGroups.gpu.taints.effect", "NoSchedule", "is not a taint effect"),
                bad("node group setting misspelt", "mgmt", p -> p.set("mgmt", "platform:nodeGroups", Map.of("spot", Map.of("instanceTypes", List.of("m6i.large"), "maxSzie", 3))), "platform:nodeGroups.spot.maxSzie", "3", "did you mean maxSize?"),
                value("unknown waiver", "mgmt", "platform:policyWaivers", Map.of("CKV_AWS_999", "because"), "CKV_AWS_999", "is not a policy rule"),
                value("waiver without a reason", "mgmt", "platform:policyWaivers", Map.of("CKV_AWS_18", " "), "CKV_AWS_18", "has no reason"),
                value("bad OIDC provider ARN", "mgmt", "platform:githubOidcProviderArn", "arn:aws:iam::1:oidc-provider/x", "arn:aws:iam::1:oidc-provider/x", "is not the ARN of a GitHub Actions OIDC provider"),
                value("missing management stack", "production-east", "platform:managementStack", REMOVE, "(not set)", "is required"),
                value("unknown cluster type", "production-east", "platform:clusterType", "kind", "kind", "is not one of the allowed values"),
                value("duplicate environment", "production-east", "platform:environments", List.of("production", "production"), "[production, production]", "names an environment twice"),
                value("bad environment name", "production-east", "platform:environments", List.of("Prod"), "Prod", "is not an environment name"),
                value("unknown observability", "mgmt", "platform:observability", "newrelic", "newrelic", "is not one of the allowed values"),
                value("bad application name", "mgmt", "platform:applications", List.of("Hello World"), "Hello World", "is not an application name"),
                value("application twice", "mgmt", "platform:applications", List.of("hello", "hello"), "[hello, hello]", "names an application twice"),
                bad("promotion token without applications", "mgmt", p -> p.set("mgmt", "platform:applications", List.of()), "platform:appPromotionToken", "[secret]", "nothing uses it"),

                // Karpenter's NodePool and Velero's backups
                value("Karpenter CPU limit not a number", "mgmt", "platform:karpenterCpuLimit", "lots", "lots", "is not a whole number"),
                value("Karpenter CPU limit below two", "production-east", "platform:karpenterCpuLimit", 1, "\"1\"", "is out of range"),
                value("Karpenter memory limit too high", "mgmt", "platform:karpenterMemoryLimitGiB", 100001, "\"100001\"", "is out of range"),
                value("Karpenter memory limit with a unit", "production-west", "platform:karpenterMemoryLimitGiB", "400Gi", "400Gi", "is not a whole number"),
                value("unknown capacity type", "mgmt", "platform:karpenterCapacityTypes", List.of("reserved"), "reserved", "is not a capacity type"),
                value("capacity type spelt as in EKS", "production-east", "platform:karpenterCapacityTypes", List.of("ON_DEMAND"), "ON_DEMAND", "is not a capacity type"),
                value("no capacity types", "mgmt", "platform:karpenterCapacityTypes", List.of(), "[]", "is empty: Karpenter could buy no node at all"),
                value("capacity type twice", "mgmt", "platform:karpenterCapacityTypes", List.of("spot", "spot"), "[spot, spot]", "names a capacity type twice"),
                value("capacity types not a list", "mgmt", "platform:karpenterCapacityTypes", "spot", "spot", "is not a list"),
                value("Karpenter limit on a virtual cluster", "staging", "platform:karpenterCpuLimit", 10, "\"10\"", "is not read by a vcluster workload stack"),
                value("backup retention zero", "mgmt", "platform:backupRetentionDays", 0, "\"0\"", "is out of range"),
                value("backup retention in weeks", "production-east", "platform:backupRetentionDays", "4w", "4w", "is not a whole number"),
                value("backup schedule of four fields", "mgmt", "platform:backupSchedule", "0 3 * *", "0 3 * *", "has 4 fields, not the five of a cron schedule"),
                value("backup schedule as a macro", "mgmt", "platform:backupSchedule", "@daily", "@daily", "has 1 field, not the five"),
                value("backup schedule at hour 24", "production-east", "platform:backupSchedule", "0 24 * * *", "0 24 * * *", "has 24 as its hour, outside 0-23"),
                value("backup schedule with a day name", "production-west", "platform:backupSchedule", "0 3 * * MON", "0 3 * * MON", "as its day of week, which is not *, a number, a range or a step"),
                value("backup schedule on a virtual cluster", "staging", "platform:backupSchedule", "0 3 * * *", "0 3 * * *", "is not read by a vcluster workload stack"),

                // EC2 instance types, from the AWS SDK's own list
                value("instance type that does not exist", "mgmt", "platform:nodeInstanceTypes", List.of("m6i.huge"), "m6i.huge", "is not an EC2 instance type"),
                value("instance family that does not exist", "mgmt", "platform:nodeInstanceTypes", List.of("m9z.large"), "m9z.large", "is not an EC2 instance type"),
                value("instance type in capitals", "mgmt", "platform:nodeInstanceTypes", List.of("M6I.LARGE"), "M6I.LARGE", "did you mean m6i.large?"),
                value("instance type with a typo", "production-east", "platform:nodeInstanceTypes", List.of("m6i.xlarg"), "m6i.xlarg", "did you mean m6i.xlarge?"),
                value("instance type without a size", "mgmt", "platform:nodeInstanceTypes", List.of("huge"), "huge", "is not an EC2 instance type"),
                value("instance types not a list", "mgmt", "platform:nodeInstanceTypes", "m6i.large", "m6i.large", "is not a list"),
                value("no instance types", "mgmt", "platform:nodeInstanceTypes", List.of(), "[]", "is empty"),
                value("instance type twice", "mgmt", "platform:nodeInstanceTypes", List.of("m6i.large", "m6i.large"), "[m6i.large, m6i.large]", "names an instance type twice"),
                value("mixed architectures", "mgmt", "platform:nodeInstanceTypes", List.of("m6i.large", "m7g.large"), "[m6i.large, m7g.large]", "mixes arm64"),

                // availability zones per region
                values("three zones in us-west-1", "mgmt", set("aws:region", "us-west-1"), "platform:availabilityZones", "\"3\"", "is more than the 2 availability zones us-west-1 has"),
                values("four zones in us-east-2", "mgmt", set("platform:availabilityZones", 4, "aws:region", "us-east-2"), "platform:availabilityZones", "\"4\"", "is more than the 3 availability zones us-east-2 has"),
                values("six zones in eu-west-1", "production-east", set("platform:availabilityZones", 6, "aws:region", "eu-west-1"), "platform:availabilityZones", "\"6\"", "is more than the 3 availability zones eu-west-1 has"),
                values("five zones in ap-northeast-2", "production-east", set("platform:availabilityZones", 5, "aws:region", "ap-northeast-2"), "platform:availabilityZones", "\"5\"", "is more than the 4 availability zones ap-northeast-2 has"),
                values("five zones in us-west-2", "mgmt", set("platform:availabilityZones", 5, "aws:region", "us-west-2", "platform:recoveryRegion", "us-east-2"), "platform:availabilityZones", "\"5\"", "is more than the 4 availability zones us-west-2 has"),
                value("seven zones anywhere", "mgmt", "platform:availabilityZones", 7, "\"7\"", "is out of range"),

                // AWS tag limits
                value("tags not a map", "mgmt", "platform:tags", "team=platform", "team=platform", "is not a YAML list or map"),
                value("too many tags", "mgmt", "platform:tags", tags(46), "46 tags", "AWS allows 50 per resource"),
                value("far too many tags", "production-east", "platform:tags", tags(60), "60 tags", "AWS allows 50 per resource"),
                value("reserved aws: prefix", "mgmt", "platform:tags", Map.of("aws:team", "core"), "aws:team", "which AWS reserves"),
                value("reserved AWS: prefix in capitals", "staging", "platform:tags", Map.of("AWS:cost", "1"), "AWS:cost", "which AWS reserves"),
                value("tag key too long", "mgmt", "platform:tags", Map.of("k".repeat(129), "v"), "k".repeat(129), "tag key of 129 characters"),
                value("tag value too long", "mgmt", "platform:tags", Map.of("team", "v".repeat(257)), "(263 characters)", "tag value of 257 characters"),
                value("platform's own tag", "mgmt", "platform:tags", Map.of("platform/stack", "other"), "platform/stack", "the platform's own tag"),
                value("Name tag", "production-east", "platform:tags", Map.of("Name", "x"), "Name", "the platform's own tag"),
                value("tag key with a character AWS refuses", "mgmt", "platform:tags", Map.of("team!", "core"), "team!", "characters AWS does not allow"),
                value("tag value with a character AWS refuses", "mgmt", "platform:tags", Map.of("team", "core#1"), "team: core#1", "characters AWS does not allow"),

                // Pulumi.yaml
                bad("Pulumi.yaml deleted", "mgmt", p -> p.write("Pulumi.yaml", null), "name", "(not set)", "there is no Pulumi.yaml"),
                bad("project without a name", "mgmt", pulumiYaml(PROJECT.replace("name: platform\n", "")), "name", "(not set)", "is required but not set"),
                bad("project name with a space", "mgmt", pulumiYaml(PROJECT.replace("name: platform", "name: my platform")), "name", "my platform", "is not a Pulumi project name"),
                bad("project name with a slash", "production-east", pulumiYaml(PROJECT.replace("name: platform", "name: acme/platform")), "name", "acme/platform", "is not a Pulumi project name"),
                bad("project runtime nodejs", "mgmt", pulumiYaml(PROJECT.replace("name: java", "name: nodejs")), "runtime", "nodejs", "is not java"),
                bad("project runtime as a word", "mgmt", pulumiYaml("name: platform\nruntime: python\n"), "runtime", "python", "is not java"),
                bad("project without runtime", "mgmt", pulumiYaml("name: platform\n"), "runtime", "(not set)", "is required but not set"),
                bad("project without a binary", "mgmt", pulumiYaml("name: platform\nruntime: java\n"), "runtime.options.binary", "(not set)", "is not set"),
                bad("project binary elsewhere", "staging", pulumiYaml(PROJECT.replace("target/platform.jar", "build/app.jar")), "runtime.options.binary", "build/app.jar", "is not the jar this build makes"),
                bad("project key twice", "mgmt", pulumiYaml(PROJECT + "name: other\n"), "name", "other", "is set twice, on lines 1 and 6"),
                bad("project not a map", "mgmt", pulumiYaml("- platform\n"), "(file)", "[platform]", "is not a YAML map"),

                // secure: values that cannot be ciphertext
                bad("secure value a number", "mgmt", text("mgmt", "secure: v1:ZXhhbXBsZS1naXRodWItdG9rZW4tcGxhY2Vob2xkZXI=", "secure: 12345"), "github:token", "[secret]", "cannot be Pulumi ciphertext (a number)"),
                bad("secure value not base64", "mgmt", text("mgmt", "secure: v1:ZXhhbXBsZS1jbG91ZGZsYXJlLXRva2VuLXBsYWNlaG9sZGVy", "secure: my cloudflare token!"), "cloudflare:apiToken", "[secret]", "cannot be Pulumi ciphertext (not base64 text)"),
                bad("secure value empty", "mgmt", text("mgmt", "secure: v1:ZXhhbXBsZS1vYXV0aC1jbGllbnQtc2VjcmV0LXBsYWNlaG9sZGVy", "secure: \"\""), "platform:githubOAuthClientSecret", "[secret]", "cannot be Pulumi ciphertext (it is empty)"),
                bad("secure value a list", "mgmt", text("mgmt", "secure: v1:ZXhhbXBsZS1wcm9tb3Rpb24tdG9rZW4tcGxhY2Vob2xkZXI=", "secure: [a, b]"), "platform:appPromotionToken", "[secret]", "cannot be Pulumi ciphertext (a list)"),
                bad("secure value a boolean", "mgmt", text("mgmt", "secure: v1:ZXhhbXBsZS1naXRodWItdG9rZW4tcGxhY2Vob2xkZXI=", "secure: true"), "github:token", "[secret]", "cannot be Pulumi ciphertext (not text)"),
                bad("secure value only a prefix", "mgmt", text("mgmt", "secure: v1:ZXhhbXBsZS1naXRodWItdG9rZW4tcGxhY2Vob2xkZXI=", "secure: \"v1:\""), "github:token", "[secret]", "cannot be Pulumi ciphertext"),

                // catalog entries of the wrong type
                bad("catalog version a list", "mgmt", catalog("version: v1.21.1          # cert-manager", "version: [v1.18.2, v1.19.0]  # cert-manager"), "tools.cert-manager.version", "[v1.18.2, v1.19.0]", "is not text"),
                bad("catalog version a number", "mgmt", catalog("version: v1.21.1          # cert-manager", "version: 1.10  # cert-manager"), "tools.cert-manager.version", "1.1", "is a number, not text"),
                bad("catalog chart a map", "mgmt", catalog("chart: cert-manager", "chart: {name: cert-manager}"), "tools.cert-manager.chart", "{name=cert-manager}", "is not text"),
                bad("catalog wave a word", "mgmt", catalog("wave: -10", "wave: first"), "tools.argo-cd.wave", "first", "must be a whole number"),
                bad("catalog clusters a word", "mgmt", catalog("clusters: [management]\n  cert-manager", "clusters: management\n  cert-manager"), "tools.argo-cd.clusters", "management", "must be a list"),
                bad("catalog unknown cluster kind", "production-east", catalog("clusters: [management]\n  cert-manager", "clusters: [mgmt]\n  cert-manager"), "tools.argo-cd.clusters", "mgmt", "is not a kind of cluster"),
                bad("catalog add-on version a list", "mgmt", catalog("coredns: v1.11.3-eksbuild.2", "coredns: [v1.11.3-eksbuild.2]"), "coredns", "[v1.11.3-eksbuild.2]", "is not text"),
                bad("catalog key twice", "mgmt", catalog("    chart: argo-cd\n", "    chart: argo-cd\n    chart: argo-cd2\n"), "tools.argo-cd.chart", "argo-cd2", "is set twice"),
                bad("catalog version missing", "staging", catalog("    version: 10.1.1           # Argo CD v3.4.4\n", ""), "tools.argo-cd.version", "(not set)", "is missing"),

                // the people file (people.yaml), read by every stack
                bad("person in an unknown team", "production-east", people("teams: {developers: member}", "teams: {develoeprs: member}"), "people[2].teams.develoeprs", "develoeprs", "is not a team of this file; did you mean developers?"),
                bad("login given twice", "mgmt", people("login: margaret-contractor", "login: Linus-Dev"), "people[3].login", "Linus-Dev", "is also people[2].login"),
                bad("login that GitHub does not allow", "staging", people("login: linus-dev", "login: -linus"), "people[2].login", "-linus", "is not a valid GitHub login"),
                bad("role ARN that is a user", "mgmt", people("role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_PlatformAdmins_0a1b2c3d4e5f6a7b", "user/ada"), "teams.admins.awsRoleArns", "arn:aws:iam::111122223333:user/ada", "is not an IAM role ARN"),
                bad("admins team with nobody in it", "mgmt", people("teams: {admins: maintainer}", "teams: {developers: member}").andThen(people("teams: {admins: member, developers: maintainer}", "teams: {developers: maintainer}")), "teams.admins", "(not set)", "has no members"),
                bad("misspelt team setting", "mgmt", people("    description: Builds the applications", "    descripton: Builds the applications"), "teams.developers.descripton", "Builds the applications", "did you mean description?"),
                bad("team role that GitHub lacks", "production-east", people("teams: {admins: maintainer}", "teams: {admins: owner}"), "people[0].teams.admins", "owner", "is not a team role"),
                bad("team environment the platform lacks", "mgmt", people("environments: [development, staging]", "environments: [development, qa]"), "teams.contractors.environments", "qa", "is not an environment of the platform"),
                bad("developers team without production", "mgmt", people("environments: [development, staging, production]", "environments: [development, staging]"), "teams.developers.environments", "[development, staging]", "leaves out [production]"),
                bad("parent team misspelt", "mgmt", people("parent: developers", "parent: developer"), "teams.contractors.parent", "developer", "did you mean developers?"),
                bad("team nested under admins", "mgmt", people("parent: developers", "parent: admins"), "teams.contractors.parent", "admins", "inherits the parent's maintain permission"),
                bad("person in no team", "mgmt", people("teams: {contractors: member}", "teams: {}"), "people[3].teams", "(a map)", "is empty"),
                bad("one role for two teams", "mgmt", people("AWSReservedSSO_Contractors_2c3d4e5f6a7b8c9d", "AWSReservedSSO_Developers_1b2c3d4e5f6a7b8c"), "teams.contractors.awsRoleArns", "AWSReservedSSO_Developers_1b2c3d4e5f6a7b8c", "is also a role of teams.developers"),
                bad("e-mail that is not one", "mgmt", people("email: linus@example.com", "email: linus at example.com"), "people[2].email", "linus at example.com", "is not an e-mail address"),
                bad("people file missing", "production-east", p -> p.write("people.yaml", null), "(file)", "(not set)", "is missing"),
                bad("people file key twice", "mgmt", people("    github: developers\n", "    github: developers\n    github: devs\n"), "teams.developers.github", "devs", "is set twice"),
                value("former admins key naming another team", "mgmt", "platform:ssoAdminsTeam", "admins", "admins", "disagrees with people.yaml"),
                value("cluster admin role also a team's role", "production-east", "platform:clusterAdminRoleArns",
                        List.of("arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Developers_1b2c3d4e5f6a7b8c"),
                        "AWSReservedSSO_Developers_1b2c3d4e5f6a7b8c", "is also a role of teams.developers"),

                // YAML duplicate keys in stack files
                bad("config key twice", "mgmt", text("mgmt", "  platform:vpcCidr: 10.0.0.0/16\n", "  platform:vpcCidr: 10.0.0.0/16\n  platform:vpcCidr: 10.9.0.0/16\n"), "platform:vpcCidr", "10.9.0.0/16", "is set twice, on lines"),
                bad("workload key twice", "production-east", text("production-east", "  platform:clusterType: eks\n", "  platform:clusterType: eks\n  platform:clusterType: vcluster\n"), "platform:clusterType", "vcluster", "is set twice"),
                bad("tag twice", "staging", text("staging", "    team: platform\n", "    team: platform\n    team: core\n"), "platform:tags.team", "core", "is set twice"),
                bad("secure key twice", "mgmt", text("mgmt", "  github:token:\n", "  github:token: plain\n  github:token:\n"), "github:token", "(a map)", "is set twice"),
                bad("config section twice", "production-east", p -> p.write("Pulumi.production-east.yaml", p.read("Pulumi.production-east.yaml") + "config:\n  aws:region: us-east-2\n"), "config", "(a map)", "is set twice"),

                // stack names as Pulumi allows them
                bad("stack name with a space", "my stack", newStack("my stack", "staging", Map.of()), "stack name", "my stack", "is not a Pulumi stack name"),
                bad("stack name with an exclamation mark", "prod!", newStack("prod!", "staging", Map.of()), "stack name", "prod!", "is not a Pulumi stack name"),
                bad("stack name with a non-ASCII letter", "prödüction", newStack("prödüction", "staging", Map.of()), "stack name", "prödüction", "is not a Pulumi stack name"),
                bad("stack name too long", "s".repeat(101), p -> { }, "stack name", "s".repeat(101), "is not a Pulumi stack name"),
                bad("stack name with a colon", "prod:east", p -> { }, "stack name", "prod:east", "is not a Pulumi stack name"),

                // keys that make no sense for the stack's role or kind
                value("management key in a workload stack", "production-east", "platform:domain", "example.com", "example.com", "only management stacks use it"),
                value("GitHub owner in a workload stack", "staging", "platform:githubOwner", "acme", "acme", "only management stacks use it"),
                value("applications in a workload stack", "production-east", "platform:applications", List.of("hello"), "hello", "only management stacks use it"),
                value("management stack in the management stack", "mgmt", "platform:managementStack", "mgmt", "mgmt", "only workload stacks use it"),
                value("cluster type in the management stack", "mgmt", "platform:clusterType", "eks", "eks", "only workload stacks use it"),
                value("VPC range on a virtual cluster", "staging", "platform:vpcCidr", "10.50.0.0/16", "10.50.0.0/16", "is not read by a vcluster workload stack"),
                value("zones on a virtual cluster", "staging", "platform:availabilityZones", 3, "3", "is not read by a vcluster workload stack"),
                value("instance types on a virtual cluster", "staging", "platform:nodeInstanceTypes", List.of("m6i.large"), "m6i.large", "is not read by a vcluster workload stack"),
                value("node groups on a virtual cluster", "staging", "platform:nodeGroups", Map.of("spot", Map.of("instanceTypes", List.of("m6i.large"))), "spot", "is not read by a vcluster workload stack"),
                value("Kubernetes version on a virtual cluster", "staging", "platform:kubernetesVersion", "1.33", "1.33", "is not read by a vcluster workload stack"),
                value("node count on a virtual cluster", "staging", "platform:nodeMinSize", 2, "2", "is not read by a vcluster workload stack"),
                value("admin roles on a virtual cluster", "staging", "platform:clusterAdminRoleArns", List.of("arn:aws:iam::111122223333:role/a"), "role/a", "is not read by a vcluster workload stack"),

                // environments
                value("no environments on management", "mgmt", "platform:environments", List.of(), "[]", "is empty"),
                value("environment the platform lacks", "production-east", "platform:environments", List.of("qa"), "qa", "is not an environment of the platform"),
                bad("management drops an environment in use", "staging", p -> p.set("mgmt", "platform:environments", List.of("production", "staging")), "platform:environments", "development", "management stack mgmt has production, staging"),
                value("one environment of two unknown", "staging", "platform:environments", List.of("staging", "preview"), "preview", "is not an environment of the platform"),

                // the management stack a workload stack builds on
                value("management stack that does not exist", "production-east", "platform:managementStack", "mgmt-old", "mgmt-old", "names no stack of this project"),
                value("management stack that is a workload", "production-east", "platform:managementStack", "staging", "staging", "not a management stack"),
                value("management stack of another project", "staging", "platform:managementStack", "acme/other/mgmt", "acme/other/mgmt", "names project other"),
                value("management stack with spaces", "staging", "platform:managementStack", "my mgmt", "my mgmt", "is not a stack name"),

                // identity collisions across stacks
                bad("new stack named like another's cluster", "production-west2", newStack("production-west2", "production-west", set("platform:vpcCidr", "10.7.0.0/16")), "platform:clusterName", "production-west", "is already the cluster name of stack production-west"),
                bad("new stack named like the management cluster", "edge", newStack("edge", "staging", set("platform:clusterName", "mgmt")), "platform:clusterName", "mgmt", "the management cluster"),
                value("workload renamed to another's cluster", "staging", "platform:clusterName", "production-east", "production-east", "is already the cluster name of stack production-east"),
                value("management renamed to a workload's cluster", "mgmt", "platform:clusterName", "staging", "staging", "registry/clusters/staging/"),
                value("VPC overlapping another stack", "production-east", "platform:vpcCidr", "10.0.0.0/16", "10.0.0.0/16", "overlaps the VPC of stack mgmt"),
                bad("new stack overlapping another's VPC", "qa", newStack("qa", "production-east", set("platform:clusterName", "qa-east")), "platform:vpcCidr", "10.10.0.0/16", "overlaps the VPC of stack"),
                bad("second management stack on the same gitops repository", "mgmt2", newStack("mgmt2", "mgmt", set("platform:clusterName", "mgmt2", "platform:vpcCidr", "10.9.0.0/16", "platform:stateBucket", "acme-platform-pulumi-state-2")), "platform:gitopsRepo", "gitops", "is already the gitops repository of management stack mgmt"),
                value("gitops repository named like the platform repository", "mgmt", "platform:gitopsRepo", "platform", "platform", "names the same repository as platform:platformRepo"),
                value("gitops repository differing from it only in case", "mgmt", "platform:gitopsRepo", "Platform", "Platform", "names the same repository as platform:platformRepo"),
                bad("platform repository named gitops", "mgmt", p -> p.set("mgmt", "platform:platformRepo", "gitops"), "platform:gitopsRepo", "gitopsRepo: gitops-config", "names the same repository as platform:platformRepo"),
                value("application named like the gitops repository", "mgmt", "platform:applications", List.of("gitops"), "gitops", "names the gitops or platform repository"),

                // long values and near-miss keys
                value("a 5,000 character cluster name", "mgmt", "platform:clusterName", LONG, "(5000 characters)", "is not a valid cluster name"),
                value("a 5,000 character domain", "mgmt", "platform:domain", LONG, "(5000 characters)", "is not a DNS domain name"),
                value("a 5,000 character region", "production-east", "aws:region", LONG, "(5000 characters)", "is not an AWS commercial region"),
                value("misspelt key", "mgmt", "platform:clusterNmae", "mgmt", "mgmt", "did you mean platform:clusterName?"),
                value("one letter missing", "mgmt", "platform:vpcCid", "10.0.0.0/16", "10.0.0.0/16", "did you mean platform:vpcCidr?"),
                value("letters swapped", "production-east", "platform:managmentStack", "mgmt", "mgmt", "did you mean platform:managementStack?"),
                value("wrong case", "staging", "platform:clustertype", "vcluster", "vcluster", "did you mean platform:clusterType?"),
                value("misspelt namespace", "mgmt", "platfrom:domain", "example.com", "example.com", "did you mean platform:domain?"),
                value("unknown namespace", "mgmt", "awss:region", "us-east-1", "us-east-1", "is in no known namespace; did you mean aws:region?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void validateAndPlanRefuseNamingKeyValueAllowedAndExampleAndWriteNothing(String what, String stack, Consumer<TestProject> change,
                                                                             String key, String value, String message, @TempDir Path dir) {
        var project = TestProject.copyOfRepository(dir);
        change.accept(project);
        for (var command : List.of("validate", "plan")) {
            assertEquals(1, project.cli(command, stack), what + ": " + command + " exits 1\n" + project.out() + project.err());
            var err = project.err();
            assertTrue(err.contains(key + " = "), what + ": " + command + " names the key " + key + "\n" + err);
            assertTrue(err.contains(value), what + ": " + command + " names the value " + value + "\n" + err);
            assertTrue(err.contains(message), what + ": " + command + " says what is wrong\n" + err);
            assertTrue(err.contains("allowed: "), what + ": " + command + " says what is allowed\n" + err);
            assertTrue(err.contains("example: "), what + ": " + command + " gives an example\n" + err);
            assertTrue(err.contains("nothing was registered"), what + "\n" + err);
            assertFalse(err.contains("\tat "), what + ": no stack trace\n" + err);
            assertFalse(err.contains(LONG), what + ": a long value is shortened\n" + err);
            assertTrue(err.contains(" 1 configuration problem "), what + ": one bad input, one error, no second one about another key\n" + err);
        }
        assertFalse(Files.exists(project.planFile(stack)), what + ": no plan was written");
        assertFalse(Files.exists(dir.resolve(".platform/github")), what + ": no repository was touched");
    }

    @Test
    void theCatalogueCoversAtLeast120BadInputs() {
        assertTrue(catalogue().count() >= 120, "catalogue size " + catalogue().count());
    }
}
