package io.idp.platform.config;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every configuration key the platform reads, with its default. This is the single statement of
 * defaults: {@link PlatformConfig} applies them and docs/configuration.md documents them.
 */
public final class ConfigKeys {
    private static final Set<Role> BOTH = EnumSet.allOf(Role.class);
    private static final Set<Role> MGMT = EnumSet.of(Role.MANAGEMENT);
    private static final Set<Role> WORKLOAD = EnumSet.of(Role.WORKLOAD);

    /** Namespaces a stack file may use besides {@code platform}: the providers' own settings. */
    public static final Set<String> PROVIDER_NAMESPACES = Set.of("aws", "github", "cloudflare", "kubernetes", "tls", "pulumi");

    public static final ConfigKey ROLE = required("platform:role", BOTH,
            "management or workload", "management",
            "What the stack builds: the management cluster and shared platform, or one workload cluster.");
    public static final ConfigKey CLUSTER_NAME = required("platform:clusterName", BOTH,
            "3-32 characters: lowercase letters, digits and '-', starting with a letter, not ending with '-'",
            "mgmt", "The cluster's name; also its DNS label (<clusterName>.<domain>) and the prefix of its cloud resources.");
    public static final ConfigKey REGION = required("aws:region", BOTH,
            "an AWS commercial region such as us-east-1, eu-west-1", "us-east-1",
            "The AWS region of the stack (the aws provider's own setting).");
    public static final ConfigKey VPC_CIDR = required("platform:vpcCidr", BOTH,
            "a private IPv4 network (10/8, 172.16/12, 192.168/16) with a prefix from /16 to /22; a workload VPC must not overlap the management VPC",
            "10.0.0.0/16", "The VPC's address range; subnets are carved from it.");
    public static final ConfigKey AVAILABILITY_ZONES = optional("platform:availabilityZones", BOTH, "3",
            "a whole number from 2 to 6, at most the zones of aws:region (us-west-1 has 2, us-east-1 6)", "3",
            "How many availability zones the VPC and node groups span.");
    public static final ConfigKey NAT_GATEWAYS = optional("platform:natGateways", BOTH, "onePerAz",
            "onePerAz or single", "single",
            "onePerAz keeps egress up when a zone fails; single costs less and suits non-production stacks.");
    public static final ConfigKey KUBERNETES_VERSION = optional("platform:kubernetesVersion", BOTH, KubernetesSupport.newest(),
            "one of " + String.join(", ", Validators.SUPPORTED_KUBERNETES_VERSIONS) + " (the EKS support calendar)",
            "\"" + KubernetesSupport.newest() + "\"",
            "The EKS Kubernetes version; every cluster of the platform should run the same one. An existing cluster moves "
                    + "one minor version per update (docs/kubernetes-versions.md); plans fail past the end of standard support.");
    public static final ConfigKey NODE_INSTANCE_TYPES = optional("platform:nodeInstanceTypes", BOTH, "[m6i.large]",
            "a list of EC2 instance types of one architecture, as the AWS SDK lists them, such as m6i.large, m7g.xlarge",
            "[m6i.large, m6a.large]",
            "Instance types of the managed node group, cheapest first.");
    public static final ConfigKey NODE_MIN_SIZE = optional("platform:nodeMinSize", BOTH, "2",
            "a whole number from 1 to 100, at most platform:nodeDesiredSize", "2", "Fewest nodes in the node group.");
    public static final ConfigKey NODE_DESIRED_SIZE = optional("platform:nodeDesiredSize", BOTH, "3",
            "a whole number from 1 to 100, between platform:nodeMinSize and platform:nodeMaxSize", "3",
            "Nodes the group starts with.");
    public static final ConfigKey NODE_MAX_SIZE = optional("platform:nodeMaxSize", BOTH, "6",
            "a whole number from 1 to 100, at least platform:nodeDesiredSize", "6", "Most nodes in the node group.");
    public static final ConfigKey NODE_AMI_FAMILY = optional("platform:nodeAmiFamily", BOTH, "al2023",
            "al2023 (Amazon Linux 2023) or bottlerocket", "bottlerocket",
            "The node operating system; the architecture (x86_64 or arm64) follows the instance types.");
    public static final ConfigKey NODE_GROUPS = optional("platform:nodeGroups", BOTH, "{}",
            "a map of group names (1-30 lowercase letters, digits and '-'; not default) to settings: instanceTypes (required: "
                    + "EC2 types of one architecture), capacityType (ON_DEMAND or SPOT; default ON_DEMAND), minSize (0-100; default 1), "
                    + "desiredSize (default minSize), maxSize (1-100; default 3), diskGiB (20-16384; default 50), amiType (an EKS AMI type "
                    + "such as AL2023_x86_64_NVIDIA; default: platform:nodeAmiFamily for the instance types' architecture), "
                    + "labels (a map), taints (a list of {key, value, effect}, effect NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE)",
            "{spot: {instanceTypes: [m6i.large, m6a.large], capacityType: SPOT, maxSize: 10}}",
            "Node groups besides the default one (a spot group, a GPU group), each an EKS managed node group of its own.");
    public static final ConfigKey CLUSTER_ADMIN_ROLE_ARNS = optional("platform:clusterAdminRoleArns", BOTH, "[]",
            "a list of IAM role ARNs (arn:aws:iam::<account>:role/<name>)",
            "[arn:aws:iam::111122223333:role/platform-admins]",
            "People's roles (SSO) that get cluster-admin through an EKS access entry; CI's deploy role always does.");
    public static final ConfigKey API_PUBLIC_ACCESS_CIDRS = optional("platform:apiPublicAccessCidrs", BOTH, "[]",
            "a list of IPv4 CIDRs; empty keeps the Kubernetes API private", "[203.0.113.0/24]",
            "Networks allowed to reach the Kubernetes API from the internet. Empty (the default) means private only.");
    public static final ConfigKey PROTECT = optional("platform:protect", BOTH, "true",
            "true or false", "true",
            "Protect data-bearing resources (state bucket, keys, clusters, repositories, zone, secrets) from deletion.");
    public static final ConfigKey POLICY_WAIVERS = optional("platform:policyWaivers", BOTH, "{}",
            "a map of policy rule ids (./platform policies) to the reason this stack accepts the violation",
            "{CKV_AWS_18: \"state access is audited by CloudTrail data events\"}",
            "Accepted policy violations; each is still printed with its reason, and no longer fails the plan.");
    public static final ConfigKey TAGS = optional("platform:tags", BOTH, "{}",
            "a map of at most 45 tags (AWS allows 50; the platform sets 5): keys of 1-128 and values of at most 256 letters, "
                    + "digits, spaces and _ . : / = + - @, no key starting with aws:", "{team: platform, cost-center: \"1234\"}",
            "Extra tags on every AWS resource, besides the platform's own.");

    public static final ConfigKey KARPENTER_CPU_LIMIT = optional("platform:karpenterCpuLimit", BOTH, "100",
            "a whole number of vCPUs from 2 to 10000", "200",
            "The most vCPUs Karpenter's default NodePool may run at once, summed over its nodes (the managed node group is extra).");
    public static final ConfigKey KARPENTER_MEMORY_LIMIT_GIB = optional("platform:karpenterMemoryLimitGiB", BOTH, "400",
            "a whole number of GiB from 4 to 100000", "800",
            "The most memory Karpenter's default NodePool may run at once, summed over its nodes.");
    public static final ConfigKey KARPENTER_CAPACITY_TYPES = optional("platform:karpenterCapacityTypes", BOTH, "[on-demand, spot]",
            "a list of on-demand and spot, without repeats", "[on-demand]",
            "What Karpenter may buy; with both it prefers spot and falls back to on-demand, and drains spot nodes on interruption notices.");
    public static final ConfigKey BACKUP_RETENTION_DAYS = optional("platform:backupRetentionDays", BOTH, "30",
            "a whole number of days from 1 to 3650", "90",
            "How long Velero keeps each scheduled backup (and its volume snapshots) of the cluster.");
    public static final ConfigKey BACKUP_SCHEDULE = optional("platform:backupSchedule", BOTH, "0 3 * * *",
            "a cron schedule of five fields in UTC: minute hour day-of-month month day-of-week, each *, a number, a range a-b, a step /n or a list",
            "\"30 1 * * *\"", "When Velero backs the cluster up; the default is daily at 03:00 UTC.");

    public static final ConfigKey LOGS_RETENTION_DAYS = optional("platform:logsRetentionDays", MGMT, "30",
            "a whole number of days from 1 to 3650", "90",
            "How long the management cluster's Loki keeps the fleet's logs; its bucket expires objects a day later.");
    public static final ConfigKey TRACES_RETENTION_DAYS = optional("platform:tracesRetentionDays", MGMT, "14",
            "a whole number of days from 1 to 365", "30",
            "How long the management cluster's Tempo keeps the fleet's traces; its bucket expires objects a day later.");

    public static final ConfigKey DOMAIN = required("platform:domain", MGMT,
            "a DNS domain you control in Cloudflare, such as example.com", "example.com",
            "The platform's domain; each cluster gets <clusterName>.<domain>.");
    public static final ConfigKey GITHUB_OWNER = required("platform:githubOwner", MGMT,
            "a GitHub organisation or user name (letters, digits, single '-', at most 39 characters)", "acme-platform",
            "The GitHub organisation that holds the gitops repository and this program's repository.");
    public static final ConfigKey GITOPS_REPO = optional("platform:gitopsRepo", MGMT, "gitops",
            "a GitHub repository name (letters, digits, '.', '-', '_', at most 100 characters)", "gitops",
            "The generated gitops repository Argo CD syncs from.");
    public static final ConfigKey GITOPS_REPO_ADOPT = optional("platform:gitopsRepoAdopt", MGMT, "false",
            "true or false", "true",
            "Take over an existing gitops repository (imported into the stack) instead of creating it.");
    public static final ConfigKey PLATFORM_REPO = optional("platform:platformRepo", MGMT, "platform",
            "a GitHub repository name", "platform",
            "The repository holding this program; its CI is the only subject the cloud bot's roles trust.");
    public static final ConfigKey ALERTS_EMAIL = required("platform:alertsEmail", MGMT,
            "an e-mail address, ideally a distribution list", "platform-team@example.com",
            "Where certificate (ACME) and platform alerts go.");
    public static final ConfigKey ALERTS_SMTP_HOST = optional("platform:alertsSmtpHost", MGMT, "email-smtp.<aws:region>.amazonaws.com",
            "the host name of an SMTP relay that accepts STARTTLS and a login", "smtp.example.com",
            "The relay Alertmanager sends the platform team's e-mail through (Amazon SES in the region by default). Its password "
                    + "goes in the secret store at platform/<mgmt>/clusters/<mgmt>/alertmanager/smtp-password.");
    public static final ConfigKey ALERTS_SMTP_PORT = optional("platform:alertsSmtpPort", MGMT, "587",
            "a port number from 1 to 65535 (587: submission with STARTTLS)", "2587", "The relay's port.");
    public static final ConfigKey ALERTS_SMTP_FROM = optional("platform:alertsSmtpFrom", MGMT, null,
            "an e-mail address the relay may send from; unset: alertmanager@<clusterName>.<domain>", "alerts@example.com",
            "The sender of alert e-mail (SES needs a verified identity for it).");
    public static final ConfigKey ALERTS_SMTP_USERNAME = optional("platform:alertsSmtpUsername", MGMT, null,
            "the relay's login (1-128 letters, digits and . _ @ + = -); unset: read from the secret store at "
                    + "platform/<mgmt>/clusters/<mgmt>/alertmanager/smtp-username", "alerts@example.com",
            "The relay's login; an SES SMTP username is an access key id, so it stays in the secret store by default.");
    public static final ConfigKey ALERTS_CHAT_WEBHOOK = new ConfigKey("platform:alertsChatWebhook", MGMT, false, true, null,
            "an https URL of a Slack-compatible incoming webhook (Slack; Mattermost, Rocket.Chat and others accept its payload), set with --secret",
            "pulumi config set --secret platform:alertsChatWebhook https://hooks.slack.com/services/T000/B000/XXXX",
            "Alerts also go to this chat webhook; it goes to the secret store (alertmanager/chat-webhook-url), never to git.");
    public static final ConfigKey METRICS_RETENTION = optional("platform:metricsRetention", BOTH, "management: 30d; workload: 2d",
            "a Prometheus duration of one unit (h, d, w or y) from 2h to 10y, such as 90d", "90d",
            "How long Prometheus keeps metrics: on the management cluster, the fleet's (every physical workload cluster "
                    + "remote-writes there); on a workload cluster, its local copy (docs/observability-fleet.md).");
    public static final ConfigKey ARGOCD_HA = optional("platform:argocdHa", MGMT, "true",
            "true or false", "false", "Run Argo CD with highly available replicas.");
    public static final ConfigKey ARGOCD_CLUSTERS = optional("platform:argocdClusters", MGMT,
            String.valueOf(ArgoCdScale.DEFAULT.clusters()), "a whole number from 1 to 1000", "40",
            "How many clusters Argo CD is expected to manage, itself included; with platform:argocdClustersPerShard it sets "
                    + "the application controller's replicas (shards) and, when highly available, the repo servers' (docs/argocd-scaling.md).");
    public static final ConfigKey ARGOCD_CLUSTERS_PER_SHARD = optional("platform:argocdClustersPerShard", MGMT,
            String.valueOf(ArgoCdScale.DEFAULT.clustersPerShard()), "a whole number from 1 to 100", "10",
            "Clusters one application controller replica holds; lower it when a controller's memory or reconcile times grow.");
    public static final ConfigKey ARGOCD_SHARDING_ALGORITHM = optional("platform:argocdShardingAlgorithm", MGMT,
            ArgoCdScale.DEFAULT.algorithm().configValue(), String.join(", ", ArgoCdScale.ShardingAlgorithm.configValues()),
            "round-robin",
            "How the application controller spreads clusters over its shards; consistent-hashing moves the fewest clusters when shards or clusters come and go.");
    public static final ConfigKey ARGOCD_ALLOWED_CIDRS = optional("platform:argocdAllowedCidrs", MGMT, "[]",
            "a list of IPv4 CIDRs; empty keeps the UI internal (private addresses: the VPC, peered networks, a VPN)", "[198.51.100.0/24]",
            "Networks that may reach Argo CD's UI and API (a VPN's, an office's); GitHub's webhook reaches only /api/webhook.");
    public static final ConfigKey STATE_BUCKET = optional("platform:stateBucket", MGMT, "<clusterName>-pulumi-state-<region>",
            "an S3 bucket name: 3-63 lowercase letters, digits, '-' and '.', globally unique", "acme-pulumi-state",
            "The S3 bucket that serves as the Pulumi self-managed backend.");
    public static final ConfigKey GITHUB_OIDC_PROVIDER_ARN = optional("platform:githubOidcProviderArn", MGMT, null,
            "the ARN of the account's existing GitHub Actions OIDC provider; unset creates one",
            "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com",
            "An AWS account holds one OIDC provider per URL: name the existing one instead of creating a second.");
    public static final ConfigKey DNS_ZONE_CREATE = optional("platform:dnsZoneCreate", MGMT, "false",
            "true or false; true needs platform:cloudflareAccountId", "true",
            "Create the Cloudflare zone instead of adopting the existing one of platform:domain (the default).");
    public static final ConfigKey CLOUDFLARE_ACCOUNT_ID = optional("platform:cloudflareAccountId", MGMT, null,
            "a Cloudflare account id: 32 lowercase hex characters", "023e105f4ecef8ad9ca31a8372d0c353",
            "The Cloudflare account a created zone belongs to.");
    public static final ConfigKey DNSSEC = optional("platform:dnssec", MGMT, "false",
            "true or false", "true", "Sign the zone with DNSSEC (publish the DS record at your registrar afterwards).");
    public static final ConfigKey DNS_TOKEN_ALLOWED_CIDRS = optional("platform:dnsTokenAllowedCidrs", BOTH, "[]",
            "a list of IPv4 CIDRs the clusters' DNS tokens may be used from; empty: each cluster's NAT gateway addresses", "[198.51.100.0/24]",
            "Limits each cluster's Cloudflare tokens to requests from these networks instead of the cluster's own NAT gateway addresses (a virtual cluster's: the management VPC's).");
    public static final ConfigKey DNS_TOKEN_EXPIRES_ON = optional("platform:dnsTokenExpiresOn", BOTH, null,
            "a date in the future, YYYY-MM-DD; unset: 15 months after the current quarter began (a deploy each quarter extends it)", "\"2027-06-30\"",
            "When the clusters' Cloudflare tokens expire; renew by moving the date and running pulumi up.");
    public static final ConfigKey SSO_ADMINS_TEAM = optional("platform:ssoAdminsTeam", MGMT, null,
            "unset (the admins' GitHub team is teams.admins.github of people.yaml); if set, that same slug", "platform-admins",
            "Former key, still read: it must agree with people.yaml, which names the teams now; remove it.");
    public static final ConfigKey SSO_DEVELOPERS_TEAM = optional("platform:ssoDevelopersTeam", MGMT, null,
            "unset (the developers' GitHub team is teams.developers.github of people.yaml); if set, that same slug", "developers",
            "Former key, still read: it must agree with people.yaml, which names the teams now; remove it.");
    public static final ConfigKey GITHUB_OAUTH_CLIENT_ID = required("platform:githubOAuthClientId", MGMT,
            "the client id of a GitHub OAuth app whose callback is https://argocd.<clusterName>.<domain>/api/dex/callback",
            "Ov23liAbCdEfGhIjKlMn", "Single sign-on: the GitHub OAuth app Argo CD's Dex signs people in with.");
    public static final ConfigKey GITHUB_OAUTH_CLIENT_SECRET = secretKey("platform:githubOAuthClientSecret", MGMT,
            "the OAuth app's client secret, set with --secret",
            "pulumi config set --secret platform:githubOAuthClientSecret <secret>",
            "Single sign-on: the OAuth app's secret; it goes to the secret store, never to git.");
    public static final ConfigKey APPLICATIONS = optional("platform:applications", MGMT, "[]",
            "a list of application names: lowercase letters, digits and '-', 2-40 characters", "[hello]",
            "Applications to deliver: a repository from the app template, ECR repositories, a CI role, environments.");
    public static final ConfigKey APP_PROMOTION_TOKEN = new ConfigKey("platform:appPromotionToken", MGMT, false, true, null,
            "a fine-grained GitHub token with contents and pull-requests write on the gitops repository only, set with --secret; "
                    + "required when platform:applications is not empty",
            "pulumi config set --secret platform:appPromotionToken <token>",
            "Lets application CI open promotion pull requests in the gitops repository (GITOPS_TOKEN, a secret of each app environment).");
    public static final ConfigKey GITHUB_TOKEN = secretKey("github:token", MGMT,
            "a GitHub token of the git bot account with repo and admin:org scope, set with --secret",
            "pulumi config set --secret github:token <token>",
            "The git bot's token, used by the github provider (never stored in plain text).");
    public static final ConfigKey CLOUDFLARE_TOKEN = secretKey("cloudflare:apiToken", MGMT,
            "a Cloudflare API token of the DNS bot that may create scoped tokens, set with --secret",
            "pulumi config set --secret cloudflare:apiToken <token>",
            "The DNS bot's token, used by the cloudflare provider (never stored in plain text).");

    public static final ConfigKey CI_RUNNERS = optional("platform:ciRunners", MGMT, "github-hosted",
            "github-hosted (GitHub's ubuntu-latest) or self-hosted (the management cluster's runner scale set \"platform\"; "
                    + "needs the platform:runnersGithubApp* keys)", "self-hosted",
            "Where the applications' workflows run: their jobs' runs-on (repository variable CI_RUNS_ON) and the gitops "
                    + "repository's validate check follow it (docs/ci-runners.md).");
    public static final ConfigKey RUNNERS_MAX = optional("platform:runnersMax", MGMT, "10",
            "a whole number from 1 to 100", "20",
            "The most runner pods the scale set runs at once; it idles at none (minRunners 0).");
    public static final ConfigKey RUNNERS_GITHUB_APP_ID = optional("platform:runnersGithubAppId", MGMT, null,
            "the numeric id of a GitHub App of platform:githubOwner with the organisation permission Self-hosted runners: "
                    + "read and write; given with the installation id and private key", "\"123456\"",
            "The GitHub App the self-hosted runners register with (docs/ci-runners.md).");
    public static final ConfigKey RUNNERS_GITHUB_APP_INSTALLATION_ID = optional("platform:runnersGithubAppInstallationId", MGMT, null,
            "the numeric id of that App's installation on platform:githubOwner", "\"45678901\"",
            "The App's installation on the organisation the runners serve.");
    public static final ConfigKey RUNNERS_GITHUB_APP_PRIVATE_KEY = new ConfigKey("platform:runnersGithubAppPrivateKey", MGMT, false, true,
            null, "the App's private key (PEM), set with --secret",
            "pulumi config set --secret platform:runnersGithubAppPrivateKey < app.private-key.pem",
            "The App's private key: written to the secret store, delivered to arc-runners by External Secrets, never in git.");
    public static final ConfigKey WORKFLOWS_ARTIFACT_DAYS = optional("platform:workflowsArtifactExpiryDays", MGMT, "30",
            "a whole number of days from 1 to 3650", "14",
            "How long Argo Workflows' artifacts stay in their S3 bucket before they expire.");

    public static final ConfigKey RECOVERY_REGION = optional("platform:recoveryRegion", MGMT, null,
            "an AWS commercial region other than aws:region; unset keeps state and secrets in one region", "us-west-2",
            "The disaster-recovery region: the state bucket is replicated there and every platform secret has a replica there.");
    public static final ConfigKey SECRET_STORE_REGION = optional("platform:secretStoreRegion", BOTH, "<the management region>",
            "the management stack's aws:region or its platform:recoveryRegion", "us-west-2",
            "Where the clusters' External Secrets read the secret store: set it to the recovery region to fail over to the replicas.");

    public static final ConfigKey MANAGEMENT_STACK = required("platform:managementStack", WORKLOAD,
            "the name of the management stack, optionally qualified as <org>/<project>/<stack>", "mgmt",
            "The stack whose outputs (cluster, Argo CD, gitops repository, DNS) this workload stack builds on.");
    public static final ConfigKey CLUSTER_TYPE = optional("platform:clusterType", WORKLOAD, "eks",
            "eks (a physical EKS cluster) or vcluster (a virtual cluster inside the management cluster)", "vcluster",
            "What kind of workload cluster the stack builds.");
    public static final ConfigKey ENVIRONMENTS = optional("platform:environments", BOTH,
            "management: [development, staging, production]; workload: []",
            "a list of environment names: lowercase letters, digits and '-', such as development, staging, production",
            "[production]", "Management: the environments the platform has (environments/<env>/ in the gitops repository, kept "
                    + "as clusters come and go). Workload: the environments whose applications this cluster runs.");
    public static final ConfigKey OBSERVABILITY = optional("platform:observability", BOTH, "prometheus",
            "prometheus (kube-prometheus-stack) or datadog (the Datadog agent; put its API key at "
                    + "platform/<mgmt>/clusters/<cluster>/datadog/api-key in Secrets Manager)", "datadog",
            "Which observability stack the cluster runs.");

    public static final ConfigKey EDGE_SCHEME = optional("platform:edgeScheme", BOTH, "internet-facing",
            "internet-facing (a public Network Load Balancer) or internal (private addresses only: the VPC, peered networks, a VPN)",
            "internal", "Where the cluster's edge (the Gateway's load balancer, docs/edge.md) answers.");

    private static final Map<String, ConfigKey> BY_NAME = index(List.of(
            ROLE, CLUSTER_NAME, REGION, EDGE_SCHEME, VPC_CIDR, AVAILABILITY_ZONES, NAT_GATEWAYS, KUBERNETES_VERSION,
            NODE_INSTANCE_TYPES, NODE_MIN_SIZE, NODE_DESIRED_SIZE, NODE_MAX_SIZE, NODE_AMI_FAMILY, NODE_GROUPS, CLUSTER_ADMIN_ROLE_ARNS,
            API_PUBLIC_ACCESS_CIDRS, PROTECT, TAGS, POLICY_WAIVERS,
            KARPENTER_CPU_LIMIT, KARPENTER_MEMORY_LIMIT_GIB, KARPENTER_CAPACITY_TYPES, BACKUP_RETENTION_DAYS, BACKUP_SCHEDULE,
            DOMAIN, GITHUB_OWNER, GITOPS_REPO, GITOPS_REPO_ADOPT, PLATFORM_REPO, ALERTS_EMAIL, ALERTS_SMTP_HOST, ALERTS_SMTP_PORT, ALERTS_SMTP_FROM, ALERTS_SMTP_USERNAME, ALERTS_CHAT_WEBHOOK, ARGOCD_HA, ARGOCD_CLUSTERS, ARGOCD_CLUSTERS_PER_SHARD, ARGOCD_SHARDING_ALGORITHM, ARGOCD_ALLOWED_CIDRS, STATE_BUCKET,
            GITHUB_OIDC_PROVIDER_ARN, DNS_ZONE_CREATE, CLOUDFLARE_ACCOUNT_ID, DNSSEC, DNS_TOKEN_ALLOWED_CIDRS,
            DNS_TOKEN_EXPIRES_ON, SSO_ADMINS_TEAM, SSO_DEVELOPERS_TEAM, GITHUB_OAUTH_CLIENT_ID, GITHUB_OAUTH_CLIENT_SECRET,
            APPLICATIONS, APP_PROMOTION_TOKEN, GITHUB_TOKEN, CLOUDFLARE_TOKEN,
            CI_RUNNERS, RUNNERS_MAX, RUNNERS_GITHUB_APP_ID, RUNNERS_GITHUB_APP_INSTALLATION_ID, RUNNERS_GITHUB_APP_PRIVATE_KEY,
            WORKFLOWS_ARTIFACT_DAYS, RECOVERY_REGION, SECRET_STORE_REGION,
            MANAGEMENT_STACK, CLUSTER_TYPE, ENVIRONMENTS, OBSERVABILITY, LOGS_RETENTION_DAYS, TRACES_RETENTION_DAYS,
            METRICS_RETENTION));

    private ConfigKeys() {
    }

    public static List<ConfigKey> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static Optional<ConfigKey> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static ConfigKey required(String name, Set<Role> roles, String allowed, String example, String description) {
        return new ConfigKey(name, roles, true, false, null, allowed, example, description);
    }

    private static ConfigKey optional(String name, Set<Role> roles, String defaultValue, String allowed, String example,
                                      String description) {
        return new ConfigKey(name, roles, false, false, defaultValue, allowed, example, description);
    }

    private static ConfigKey secretKey(String name, Set<Role> roles, String allowed, String example, String description) {
        return new ConfigKey(name, roles, true, true, null, allowed, example, description);
    }

    private static Map<String, ConfigKey> index(List<ConfigKey> keys) {
        var map = new LinkedHashMap<String, ConfigKey>();
        keys.forEach(key -> map.put(key.name(), key));
        return map;
    }
}
