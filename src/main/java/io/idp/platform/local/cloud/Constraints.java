package io.idp.platform.local.cloud;

import com.google.gson.JsonParser;
import io.idp.platform.config.Cidr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The providers' own validation, applied to each registration as tflint's AWS ruleset does: names,
 * lengths, patterns, ranges and address plans that {@code pulumi up} would reject at the API.
 * Sources: the AWS API references of IAM, S3, EKS, EC2, KMS, CloudWatch Logs and Secrets Manager.
 */
final class Constraints {
    private static final Pattern IAM_NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern EKS_NAME = Pattern.compile("[0-9A-Za-z][A-Za-z0-9\\-_]*");
    private static final Pattern KMS_ALIAS = Pattern.compile("alias/[a-zA-Z0-9/_-]+");
    private static final Pattern LOG_GROUP = Pattern.compile("[.\\-_/#A-Za-z0-9]+");
    private static final Pattern SECRET_NAME = Pattern.compile("[\\w/+=.@-]+");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]*[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
    private static final Pattern ECR_NAME = Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
    private static final Pattern GITHUB_REPO = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern GITHUB_LOGIN = io.idp.platform.config.Validators.GITHUB_LOGIN;
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final List<String> DNS_TYPES = List.of("A", "AAAA", "CAA", "CERT", "CNAME", "DNSKEY", "DS", "HTTPS",
            "LOC", "MX", "NAPTR", "NS", "PTR", "SMIMEA", "SRV", "SSHFP", "SVCB", "TLSA", "TXT", "URI");
    private static final Set<Long> LOG_RETENTION_DAYS = Set.of(0L, 1L, 3L, 5L, 7L, 14L, 30L, 60L, 90L, 120L, 150L, 180L,
            365L, 400L, 545L, 731L, 1096L, 1827L, 2192L, 2557L, 2922L, 3288L, 3653L);

    private static final Pattern SQS_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.fifo)?");
    private static final Pattern EVENT_RULE_NAME = Pattern.compile("[.\\-_A-Za-z0-9]+");

    private final CloudState state;

    Constraints(CloudState state) {
        this.state = state;
    }

    /** Violations of the resource's effective properties (inputs plus provider-computed names). */
    List<Violation> check(String type, String name, Map<String, Object> props) {
        var found = new ArrayList<Violation>();
        var check = new Checker(type, name, props, found);
        switch (type) {
            case "aws:iam/role:Role" -> {
                check.length("name", 1, 64, "IAM role names are 1-64 characters");
                check.pattern("name", IAM_NAME, "IAM role names use letters, digits and +=,.@_-");
                check.length("namePrefix", 1, 38, "IAM role name prefixes are at most 38 characters");
                check.policyDocument("assumeRolePolicy", 2048, "IAM trust policies are JSON documents of at most 2,048 characters");
                check.rule("path", v -> v.startsWith("/") && v.endsWith("/"), "IAM paths start and end with '/'");
            }
            case "aws:iam/policy:Policy" -> {
                check.length("name", 1, 128, "IAM policy names are 1-128 characters");
                check.policyDocument("policy", 6144, "IAM managed policies are JSON documents of at most 6,144 characters");
            }
            case "aws:iam/rolePolicy:RolePolicy" -> {
                check.length("name", 1, 128, "IAM inline policy names are 1-128 characters");
                check.policyDocument("policy", 10240, "IAM inline role policies are JSON documents of at most 10,240 characters");
            }
            case "aws:s3/bucketV2:BucketV2" -> check.rule("bucket", Constraints::validBucketName,
                    "S3 bucket names are 3-63 lowercase letters, digits, '.' and '-', start and end with a letter or digit, "
                            + "contain no '..', are not IP addresses and do not start with 'xn--' or end with '-s3alias'");
            case "aws:s3/bucketPolicy:BucketPolicy" -> check.policyDocument("policy", 20480, "S3 bucket policies are JSON documents of at most 20 KB");
            case "aws:sqs/queue:Queue" -> {
                check.length("name", 1, 80, "SQS queue names are 1-80 characters");
                check.pattern("name", SQS_NAME, "SQS queue names use letters, digits, '-' and '_' (and end in .fifo for FIFO queues)");
                check.range("messageRetentionSeconds", 60, 1_209_600, "SQS keeps messages from 60 seconds to 14 days");
                check.rule("kmsMasterKeyId", v -> !"true".equals(String.valueOf(props.get("sqsManagedSseEnabled"))),
                        "an SQS queue is encrypted either with SQS-managed keys or with a KMS key, not both");
            }
            case "aws:sqs/queuePolicy:QueuePolicy" -> check.policyDocument("policy", 20480, "SQS queue policies are JSON documents of at most 20 KB");
            case "aws:cloudwatch/eventRule:EventRule" -> {
                check.length("name", 1, 64, "EventBridge rule names are 1-64 characters");
                check.pattern("name", EVENT_RULE_NAME, "EventBridge rule names use letters, digits, '.', '-' and '_'");
                check.rule("eventPattern", Constraints::jsonObject, "EventBridge event patterns are JSON objects");
            }
            case "aws:cloudwatch/eventTarget:EventTarget" -> {
                check.length("targetId", 1, 64, "EventBridge target ids are 1-64 characters");
                check.pattern("targetId", EVENT_RULE_NAME, "EventBridge target ids use letters, digits, '.', '-' and '_'");
            }
            case "aws:eks/cluster:Cluster" -> {
                check.length("name", 1, 100, "EKS cluster names are 1-100 characters");
                check.pattern("name", EKS_NAME, "EKS cluster names match ^[0-9A-Za-z][A-Za-z0-9-_]*$");
            }
            case "aws:eks/nodeGroup:NodeGroup" -> check.length("nodeGroupName", 1, 63, "EKS node group names are 1-63 characters");
            case "aws:ec2/vpc:Vpc" -> check.cidr("cidrBlock", 16, 28, "VPC CIDR blocks have a prefix from /16 to /28");
            case "aws:ec2/subnet:Subnet" -> {
                check.cidr("cidrBlock", 16, 28, "subnet CIDR blocks have a prefix from /16 to /28");
                checkSubnetInVpc(check, props);
            }
            case "aws:kms/alias:Alias" -> {
                check.pattern("name", KMS_ALIAS, "KMS alias names start with 'alias/' and use letters, digits, '/', '_' and '-'");
                check.rule("name", v -> !v.startsWith("alias/aws/"), "the alias/aws/ prefix is reserved for AWS managed keys");
                check.length("name", 7, 256, "KMS alias names are at most 256 characters");
            }
            case "aws:kms/key:Key" -> check.range("deletionWindowInDays", 7, 30, "KMS key deletion windows are 7-30 days");
            case "aws:cloudwatch/logGroup:LogGroup" -> {
                check.length("name", 1, 512, "log group names are 1-512 characters");
                check.pattern("name", LOG_GROUP, "log group names use letters, digits and . - _ / #");
                check.rule("retentionInDays", v -> LOG_RETENTION_DAYS.contains(Long.parseLong(v)),
                        "log retention is one of " + LOG_RETENTION_DAYS.stream().sorted().toList() + " days");
            }
            case "aws:ec2/securityGroup:SecurityGroup" -> {
                check.length("name", 1, 255, "security group names are 1-255 characters");
                check.rule("name", v -> !v.startsWith("sg-"), "security group names cannot start with 'sg-'");
                check.length("description", 0, 255, "security group descriptions are at most 255 characters");
            }
            case "aws:secretsmanager/secret:Secret" -> {
                check.length("name", 1, 512, "secret names are 1-512 characters");
                check.pattern("name", SECRET_NAME, "secret names use letters, digits and /_+=.@-");
                check.rule("recoveryWindowInDays", v -> v.equals("0") || (Long.parseLong(v) >= 7 && Long.parseLong(v) <= 30),
                        "secret recovery windows are 0 (immediate) or 7-30 days");
            }
            case "github:index/repository:Repository" -> {
                check.pattern("name", GITHUB_REPO, "GitHub repository names are 1-100 letters, digits, '.', '-' and '_'");
                check.rule("name", v -> !v.equals(".") && !v.equals(".."), "'.' and '..' are not repository names");
            }
            case "github:index/repositoryFile:RepositoryFile" -> check.rule("file",
                    v -> !v.isEmpty() && !v.startsWith("/") && !v.endsWith("/") && !List.of(v.split("/")).contains(".."),
                    "repository file paths are relative, without '..' segments or a trailing '/'");
            case "github:index/actionsSecret:ActionsSecret", "github:index/actionsEnvironmentSecret:ActionsEnvironmentSecret" ->
                    check.rule("secretName", Constraints::validActionsName,
                            "Actions secret names use letters, digits and '_', do not start with a digit or GITHUB_");
            case "github:index/actionsVariable:ActionsVariable" -> check.rule("variableName", Constraints::validActionsName,
                    "Actions variable names use letters, digits and '_', do not start with a digit or GITHUB_");
            case "github:index/teamMembership:TeamMembership" -> {
                check.rule("role", v -> v.equals("member") || v.equals("maintainer"), "team membership roles are member or maintainer");
                check.pattern("username", GITHUB_LOGIN, "GitHub logins are 1-39 letters, digits and single '-', not at either end");
            }
            case "github:index/teamRepository:TeamRepository" -> check.rule("permission",
                    v -> List.of("pull", "triage", "push", "maintain", "admin").contains(v),
                    "team repository permissions are pull, triage, push, maintain or admin");
            case "github:index/repositoryDeployKey:RepositoryDeployKey" -> check.rule("key",
                    v -> v.startsWith("[") || v.matches("(ssh-(rsa|ed25519)|ecdsa-sha2-nistp(256|384|521)) \\S+\\s*"),
                    "deploy keys are OpenSSH public keys (ssh-ed25519, ssh-rsa or ecdsa-sha2-*)");
            case "aws:ecr/repository:Repository" -> {
                check.length("name", 2, 256, "ECR repository names are 2-256 characters");
                check.pattern("name", ECR_NAME, "ECR repository names are lowercase path segments of letters, digits and . _ -");
            }
            case "cloudflare:index/zone:Zone" -> check.pattern("name", DOMAIN, "zone names are registrable domain names");
            case "cloudflare:index/dnsRecord:DnsRecord" -> {
                check.rule("type", DNS_TYPES::contains, "DNS record types are one of " + DNS_TYPES);
                check.rule("ttl", v -> v.equals("1") || (Long.parseLong(v) >= 60 && Long.parseLong(v) <= 86400),
                        "DNS record TTLs are 1 (automatic) or 60-86400 seconds");
            }
            case "cloudflare:index/apiToken:ApiToken" -> {
                check.length("name", 1, 120, "API token names are 1-120 characters");
                check.rule("policies", v -> !v.equals("[]"), "an API token needs at least one policy");
            }
            default -> {
            }
        }
        if (type.startsWith("aws:")) {
            checkTags(check, props);
        }
        return found;
    }

    static boolean validBucketName(String name) {
        return name.length() >= 3 && name.length() <= 63 && BUCKET.matcher(name).matches() && !name.contains("..")
                && !IP_ADDRESS.matcher(name).matches() && !name.startsWith("xn--") && !name.endsWith("-s3alias");
    }

    static boolean validActionsName(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") && !name.toUpperCase().startsWith("GITHUB_");
    }

    private void checkSubnetInVpc(Checker check, Map<String, Object> props) {
        var subnet = Cidr.parse(String.valueOf(props.get("cidrBlock")));
        var vpcId = String.valueOf(props.get("vpcId"));
        var vpc = state.byId(vpcId);
        if (subnet.isEmpty() || vpc.isEmpty()) {
            return;
        }
        var vpcCidr = Cidr.parse(String.valueOf(vpc.get().get("cidrBlock")));
        if (vpcCidr.isPresent() && !vpcCidr.get().contains(subnet.get())) {
            check.violation("cidrBlock", subnet.get().toString(), "a subnet must lie inside its VPC's range " + vpcCidr.get());
        }
        for (var other : state.ofType("aws:ec2/subnet:Subnet")) {
            var otherCidr = Cidr.parse(String.valueOf(other.get("cidrBlock")));
            if (vpcId.equals(String.valueOf(other.get("vpcId"))) && otherCidr.isPresent() && otherCidr.get().overlaps(subnet.get())) {
                check.violation("cidrBlock", subnet.get().toString(), "overlaps subnet " + other.get("id") + " (" + otherCidr.get() + ") of the same VPC");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkTags(Checker check, Map<String, Object> props) {
        if (!(props.get("tags") instanceof Map<?, ?> tags)) {
            return;
        }
        if (tags.size() > 50) {
            check.violation("tags", tags.size() + " tags", "AWS resources carry at most 50 tags");
        }
        ((Map<String, Object>) tags).forEach((key, value) -> {
            if (key.length() > 128 || key.startsWith("aws:")) {
                check.violation("tags", key, "tag keys are at most 128 characters and cannot start with 'aws:'");
            }
            if (String.valueOf(value).length() > 256) {
                check.violation("tags." + key, String.valueOf(value), "tag values are at most 256 characters");
            }
        });
    }

    private static boolean jsonObject(String text) {
        try {
            return JsonParser.parseString(text).isJsonObject();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Applies rules to one resource's properties, skipping properties that are not set. */
    private record Checker(String type, String name, Map<String, Object> props, List<Violation> found) {
        void violation(String property, String value, String rule) {
            found.add(new Violation(type, name, property, value, rule));
        }

        void rule(String property, java.util.function.Predicate<String> ok, String rule) {
            var value = props.get(property);
            if (value != null && !ok.test(text(value))) {
                violation(property, text(value), rule);
            }
        }

        void length(String property, int min, int max, String rule) {
            rule(property, v -> v.length() >= min && v.length() <= max, rule + " (this one has " + text(props.get(property)).length() + ")");
        }

        void pattern(String property, Pattern pattern, String rule) {
            rule(property, v -> pattern.matcher(v).matches(), rule);
        }

        void range(String property, long min, long max, String rule) {
            rule(property, v -> {
                long n = Long.parseLong(v);
                return n >= min && n <= max;
            }, rule);
        }

        void cidr(String property, int minPrefix, int maxPrefix, String rule) {
            rule(property, v -> Cidr.parse(v).map(c -> c.prefix() >= minPrefix && c.prefix() <= maxPrefix).orElse(false), rule);
        }

        void policyDocument(String property, int maxLength, String rule) {
            rule(property, v -> {
                if (v.length() > maxLength) {
                    return false;
                }
                try {
                    var doc = JsonParser.parseString(v).getAsJsonObject();
                    return doc.has("Version") && doc.has("Statement");
                } catch (RuntimeException e) {
                    return false;
                }
            }, rule + ", with Version and Statement");
        }

        private static String text(Object value) {
            if (value instanceof Double d && d == Math.rint(d)) {
                return String.valueOf(d.longValue());
            }
            return String.valueOf(value);
        }
    }
}
