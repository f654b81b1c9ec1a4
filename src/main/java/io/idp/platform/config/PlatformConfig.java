package io.idp.platform.config;

import io.idp.platform.config.NetworkSettings.NatGateways;
import io.idp.platform.config.WorkloadSettings.ClusterType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.idp.platform.config.ConfigKeys.*;

/**
 * A stack's typed, validated configuration. {@link #load} reads every key for the stack's role,
 * applies the defaults from {@link ConfigKeys} and throws one {@link ConfigException} carrying every
 * problem, so nothing is registered from a half-valid configuration.
 */
public record PlatformConfig(
        String stack,
        Role role,
        String region,
        String clusterName,
        Optional<NetworkSettings> networkSettings,
        ClusterSettings cluster,
        boolean protect,
        Map<String, String> tags,
        Observability observability,
        List<String> environments,
        DnsSettings dns,
        Map<String, String> policyWaivers,
        Optional<ManagementSettings> management,
        Optional<WorkloadSettings> workload,
        RecoverySettings recovery,
        NodeAutoscaling autoscaling,
        BackupSettings backups,
        EdgeScheme edgeScheme,
        MetricsSettings metrics) {

    /** The namespace of the platform's own configuration keys ({@code platform:clusterName}). */
    public static final String NAMESPACE = "platform";

    /** Keys of a cluster with its own VPC and nodes: a vcluster runs inside the management cluster and has neither. */
    static final List<ConfigKey> OWN_CLUSTER_KEYS = List.of(VPC_CIDR, AVAILABILITY_ZONES, NAT_GATEWAYS, API_PUBLIC_ACCESS_CIDRS,
            KUBERNETES_VERSION, NODE_INSTANCE_TYPES, NODE_MIN_SIZE, NODE_DESIRED_SIZE, NODE_MAX_SIZE, NODE_AMI_FAMILY, NODE_GROUPS,
            CLUSTER_ADMIN_ROLE_ARNS, KARPENTER_CPU_LIMIT, KARPENTER_MEMORY_LIMIT_GIB, KARPENTER_CAPACITY_TYPES, BACKUP_RETENTION_DAYS,
            BACKUP_SCHEDULE);

    /** The stack's VPC; every stack but a virtual workload cluster has one. */
    public NetworkSettings network() {
        return networkSettings.orElseThrow(() -> new IllegalStateException("stack " + stack + " is a virtual cluster: it has no network"));
    }

    public ManagementSettings managementSettings() {
        return management.orElseThrow(() -> new IllegalStateException("stack " + stack + " is not a management stack"));
    }

    public WorkloadSettings workloadSettings() {
        return workload.orElseThrow(() -> new IllegalStateException("stack " + stack + " is not a workload stack"));
    }

    public static PlatformConfig load(String stack, RawConfig given) {
        // A virtual cluster runs inside the management cluster's VPC: it has no network or nodes of its own.
        // Its stray keys are reported once (unknownKeys) and otherwise ignored, so they cause no second error.
        boolean workloadRole = "workload".equals(given.get(ROLE.name()).orElse(null));
        boolean virtual = workloadRole && "vcluster".equals(given.get(CLUSTER_TYPE.name()).orElse(null));
        // A workload stack of an unknown kind: whether it needs a network is unknown, so only the kind is reported.
        // Unset is eks, the key's default.
        boolean unknownKind = workloadRole && !virtual && !"eks".equals(given.get(CLUSTER_TYPE.name()).orElse("eks"));
        var raw = virtual || unknownKind ? without(given, OWN_CLUSTER_KEYS) : given;
        var reader = new ConfigReader(raw);
        var role = reader.choice(ROLE, Role::fromConfigValue);
        var region = reader.text(REGION).filter(value -> reader.check(REGION, value,
                Validators.AWS_REGIONS.contains(value), "is not an AWS commercial region" + hint(value, Validators.AWS_REGIONS)));
        var clusterName = reader.matching(CLUSTER_NAME, Validators.CLUSTER_NAME, "is not a valid cluster name");
        Optional<Optional<NetworkSettings>> network = virtual || unknownKind ? Optional.of(Optional.empty())
                : network(reader, region.orElse(null)).map(Optional::of);
        var cluster = cluster(reader);
        var autoscaling = NodeAutoscaling.read(reader);
        var backups = BackupSettings.read(reader);
        var metrics = role.flatMap(r -> MetricsSettings.read(reader, raw, r));
        var protect = reader.bool(PROTECT);
        var tags = reader.map(TAGS).filter(map -> Tags.check(map, reader));
        var observability = reader.choice(OBSERVABILITY, Observability::fromConfigValue);
        var edgeScheme = reader.choice(EDGE_SCHEME, EdgeScheme::fromConfigValue);
        var dns = dns(reader, raw);
        var waivers = reader.map(POLICY_WAIVERS).filter(map -> {
            boolean ok = true;
            // Which rule ids exist is the policy package's to check (PolicyWaivers): configuration knows no rules.
            for (var entry : map.entrySet()) {
                ok &= reader.check(POLICY_WAIVERS, entry.getKey(), !entry.getValue().isBlank(), "has no reason");
            }
            return ok;
        });
        var environments = role.flatMap(r -> environments(reader, r));

        if (role.isEmpty()) {
            reader.list(ENVIRONMENTS, List.of());
        }
        Optional<ManagementSettings> management = Optional.empty();
        Optional<WorkloadSettings> workload = Optional.empty();
        if (role.isPresent()) {
            if (role.get() == Role.MANAGEMENT) {
                management = management(reader, raw, clusterName.orElse(null), region.orElse(null));
            } else {
                workload = workload(reader);
            }
            unknownKeys(reader, given, role.get(), virtual);
        }
        var recovery = role.flatMap(r -> RecoverySettings.read(reader, raw, r, region.orElse(null)));
        if (!reader.errors().isEmpty()) {
            throw new ConfigException(raw.source(), reader.errors());
        }
        return new PlatformConfig(stack, role.orElseThrow(), region.orElseThrow(), clusterName.orElseThrow(),
                network.orElseThrow(), cluster.orElseThrow(), protect.orElseThrow(), tags.orElseThrow(),
                observability.orElseThrow(), environments.orElseThrow(), dns.orElseThrow(), waivers.orElseThrow(), management, workload,
                recovery.orElseThrow(), autoscaling.orElseThrow(), backups.orElseThrow(), edgeScheme.orElseThrow(),
                metrics.orElseThrow());
    }

    private static RawConfig without(RawConfig raw, List<ConfigKey> keys) {
        var values = new java.util.TreeMap<>(raw.values());
        keys.forEach(key -> values.remove(key.name()));
        return new RawConfig(raw.source(), values, raw.secretKeys());
    }

    private static Optional<NetworkSettings> network(ConfigReader reader, String region) {
        var vpcCidr = reader.text(VPC_CIDR).flatMap(value -> {
            var cidr = Cidr.parse(value);
            if (cidr.isEmpty()) {
                reader.error(VPC_CIDR, value, "is not an IPv4 CIDR with its host bits zero");
                return Optional.empty();
            }
            boolean ok = reader.check(VPC_CIDR, value, cidr.get().prefix() >= 16 && cidr.get().prefix() <= 22,
                    "has prefix /" + cidr.get().prefix() + ", outside /16 to /22")
                    && reader.check(VPC_CIDR, value, cidr.get().isPrivate(), "is not a private (RFC 1918) range");
            return ok ? cidr : Optional.empty();
        });
        var zones = reader.integer(AVAILABILITY_ZONES, 2, 6).filter(count -> region == null
                || reader.check(AVAILABILITY_ZONES, String.valueOf(count), count <= AwsFacts.zones(region),
                "is more than the " + AwsFacts.zones(region) + " availability zones " + region + " has; subnets would be placed in zones that do not exist",
                "at most " + AwsFacts.zones(region) + " in " + region, AVAILABILITY_ZONES.name() + ": " + Math.min(3, AwsFacts.zones(region))));
        var nat = reader.choice(NAT_GATEWAYS, value -> Arrays.stream(NatGateways.values())
                .filter(mode -> mode.configValue().equals(value)).findFirst().orElse(null));
        var publicCidrs = reader.list(API_PUBLIC_ACCESS_CIDRS).flatMap(values -> {
            var cidrs = new ArrayList<Cidr>();
            for (var value : values) {
                var cidr = Cidr.parse(value);
                if (cidr.isEmpty()) {
                    reader.error(API_PUBLIC_ACCESS_CIDRS, value, "is not an IPv4 CIDR with its host bits zero");
                    return Optional.empty();
                }
                cidrs.add(cidr.get());
            }
            return Optional.of(List.copyOf(cidrs));
        });
        if (vpcCidr.isPresent() && zones.isPresent()) {
            // Two subnets per zone of at least /24: the VPC CNI gives every pod a VPC address.
            int subnets = 2 * zones.get();
            int prefix = vpcCidr.get().prefix() + Integer.SIZE - Integer.numberOfLeadingZeros(subnets - 1);
            reader.check(VPC_CIDR, vpcCidr.get().toString(), prefix <= 24,
                    "is too small for " + zones.get() + " availability zones (each zone needs a public and a private subnet of at least /24)");
        }
        if (vpcCidr.isEmpty() || zones.isEmpty() || nat.isEmpty() || publicCidrs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NetworkSettings(vpcCidr.get(), zones.get(), nat.get(), publicCidrs.get()));
    }

    private static Optional<ClusterSettings> cluster(ConfigReader reader) {
        var version = reader.text(KUBERNETES_VERSION).filter(value -> reader.check(KUBERNETES_VERSION, value,
                Validators.SUPPORTED_KUBERNETES_VERSIONS.contains(value),
                "is not a supported Kubernetes version"));
        var instanceTypes = reader.list(NODE_INSTANCE_TYPES).filter(types -> {
            boolean ok = reader.check(NODE_INSTANCE_TYPES, String.valueOf(types), !types.isEmpty(), "is empty");
            for (var type : types) {
                ok &= reader.check(NODE_INSTANCE_TYPES, type, AwsFacts.isInstanceType(type),
                        "is not an EC2 instance type" + hint(type, AwsFacts.instanceTypes()));
            }
            ok &= reader.check(NODE_INSTANCE_TYPES, String.valueOf(types), types.stream().distinct().count() == types.size(),
                    "names an instance type twice");
            return ok;
        });
        var min = reader.integer(NODE_MIN_SIZE, 1, 100);
        var desired = reader.integer(NODE_DESIRED_SIZE, 1, 100);
        var max = reader.integer(NODE_MAX_SIZE, 1, 100);
        var amiFamily = reader.choice(NODE_AMI_FAMILY, value -> Arrays.stream(ClusterSettings.AmiFamily.values())
                .filter(f -> f.configValue().equals(value)).findFirst().orElse(null));
        var groups = NodeGroups.read(reader, amiFamily);
        var admins = reader.list(CLUSTER_ADMIN_ROLE_ARNS).filter(arns -> {
            boolean ok = true;
            for (var arn : arns) {
                ok &= reader.check(CLUSTER_ADMIN_ROLE_ARNS, arn, Validators.IAM_ROLE_ARN.matcher(arn).matches(), "is not an IAM role ARN");
            }
            return ok;
        });
        if (instanceTypes.isPresent() && instanceTypes.get().stream().map(ClusterSettings::isArm).distinct().count() > 1) {
            reader.error(new ConfigError(NODE_INSTANCE_TYPES.name(), String.valueOf(instanceTypes.get()),
                    "mixes arm64 (Graviton) and x86_64 instance types; one node group runs one architecture",
                    "instance types of one architecture", "platform:nodeInstanceTypes: [m7g.large, m7g.xlarge]"));
            return Optional.empty();
        }
        if (min.isPresent() && desired.isPresent() && max.isPresent()
                && !(min.get() <= desired.get() && desired.get() <= max.get())) {
            reader.error(new ConfigError(NODE_DESIRED_SIZE.name(), String.valueOf(desired.get()),
                    "contradicts the node group's bounds: min " + min.get() + ", desired " + desired.get() + ", max " + max.get(),
                    "platform:nodeMinSize <= platform:nodeDesiredSize <= platform:nodeMaxSize",
                    "platform:nodeMinSize: 2, platform:nodeDesiredSize: 3, platform:nodeMaxSize: 6"));
            return Optional.empty();
        }
        if (version.isEmpty() || instanceTypes.isEmpty() || min.isEmpty() || desired.isEmpty() || max.isEmpty()
                || amiFamily.isEmpty() || admins.isEmpty() || groups.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClusterSettings(version.get(), instanceTypes.get(), min.get(), desired.get(), max.get(),
                amiFamily.get(), admins.get(), groups.get()));
    }

    private static Optional<ManagementSettings> management(ConfigReader reader, RawConfig raw, String clusterName, String region) {
        var domain = reader.text(DOMAIN).map(String::toLowerCase)
                .filter(value -> reader.check(DOMAIN, value, Validators.DOMAIN.matcher(value).matches(), "is not a DNS domain name"));
        var owner = reader.matching(GITHUB_OWNER, Validators.GITHUB_OWNER, "is not a GitHub organisation or user name");
        var gitopsRepo = reader.matching(GITOPS_REPO, Validators.GITHUB_REPO, "is not a GitHub repository name");
        var adopt = reader.bool(GITOPS_REPO_ADOPT);
        var platformRepo = reader.matching(PLATFORM_REPO, Validators.GITHUB_REPO, "is not a GitHub repository name");
        var email = reader.matching(ALERTS_EMAIL, Validators.EMAIL, "is not an e-mail address");
        var relay = AlertRelay.read(reader, raw, region);
        Optional<SecretValue> chat = Optional.empty();
        boolean chatOk = true;
        if (raw.get(ALERTS_CHAT_WEBHOOK.name()).isPresent()) {
            chat = reader.secret(ALERTS_CHAT_WEBHOOK).filter(url -> reader.check(ALERTS_CHAT_WEBHOOK, SecretValue.MASK,
                    url.matches("https://[A-Za-z0-9.-]+(:[0-9]{1,5})?/\\S*"), "is not an https URL"));
            chatOk = chat.isPresent();
        }
        var ha = reader.bool(ARGOCD_HA);
        var argocdClusters = reader.integer(ARGOCD_CLUSTERS, 1, 1000);
        var clustersPerShard = reader.integer(ARGOCD_CLUSTERS_PER_SHARD, 1, 100);
        var sharding = reader.choice(ARGOCD_SHARDING_ALGORITHM, value -> ArgoCdScale.ShardingAlgorithm.parse(value).orElse(null));
        var bucket = reader.text(STATE_BUCKET)
                .map(value -> value.equals(STATE_BUCKET.defaultValue()) ? clusterName + "-pulumi-state-" + region : value)
                .filter(value -> clusterName != null && region != null)
                .filter(value -> reader.check(STATE_BUCKET, value,
                        Validators.S3_BUCKET.matcher(value).matches() && !value.contains(".."), "is not a valid S3 bucket name"));
        var oidcProvider = reader.text(GITHUB_OIDC_PROVIDER_ARN).filter(value -> reader.check(GITHUB_OIDC_PROVIDER_ARN, value,
                value.matches("arn:aws:iam::\\d{12}:oidc-provider/token\\.actions\\.githubusercontent\\.com"),
                "is not the ARN of a GitHub Actions OIDC provider"));
        boolean oidcProviderOk = raw.get(GITHUB_OIDC_PROVIDER_ARN.name()).isEmpty() || oidcProvider.isPresent();
        var createZone = reader.bool(DNS_ZONE_CREATE);
        var accountId = reader.text(CLOUDFLARE_ACCOUNT_ID).filter(value -> reader.check(CLOUDFLARE_ACCOUNT_ID, value,
                value.matches("[0-9a-f]{32}"), "is not a Cloudflare account id"));
        if (createZone.orElse(false) && raw.get(CLOUDFLARE_ACCOUNT_ID.name()).isEmpty()) {
            reader.error(new ConfigError(CLOUDFLARE_ACCOUNT_ID.name(), null,
                    "is required when platform:dnsZoneCreate is true: a new zone belongs to an account",
                    CLOUDFLARE_ACCOUNT_ID.allowed(), CLOUDFLARE_ACCOUNT_ID.exampleLine()));
        }
        var dnssec = reader.bool(DNSSEC);
        var clientId = reader.matching(GITHUB_OAUTH_CLIENT_ID, java.util.regex.Pattern.compile("[A-Za-z0-9._-]{8,64}"),
                "is not a GitHub OAuth client id");
        var clientSecret = reader.secret(GITHUB_OAUTH_CLIENT_SECRET);
        var admins = reader.matching(SSO_ADMINS_TEAM, Validators.GITHUB_TEAM, "is not a GitHub team slug");
        var developers = reader.matching(SSO_DEVELOPERS_TEAM, Validators.GITHUB_TEAM, "is not a GitHub team slug");
        var applications = reader.list(APPLICATIONS).filter(names -> {
            boolean ok = true;
            for (var name : names) {
                ok &= reader.check(APPLICATIONS, name, name.matches("[a-z][a-z0-9-]{1,39}"), "is not an application name");
            }
            return ok && reader.check(APPLICATIONS, String.valueOf(names), names.stream().distinct().count() == names.size(),
                    "names an application twice");
        });
        Optional<SecretValue> promotionToken = Optional.empty();
        if (applications.isPresent() && !applications.get().isEmpty()) {
            promotionToken = reader.secret(APP_PROMOTION_TOKEN);
        } else if (applications.isPresent() && raw.get(APP_PROMOTION_TOKEN.name()).isPresent()) {
            reader.error(new ConfigError(APP_PROMOTION_TOKEN.name(), SecretValue.MASK,
                    "is set but platform:applications is empty: nothing uses it", "remove it, or list applications",
                    APPLICATIONS.exampleLine()));
        }
        boolean tokenOk = applications.map(List::isEmpty).orElse(true) || promotionToken.isPresent();
        var argocdCidrs = reader.list(ARGOCD_ALLOWED_CIDRS).flatMap(values -> {
            var parsed = new ArrayList<Cidr>();
            boolean ok = true;
            for (var value : values) {
                var cidr = Cidr.parse(value);
                ok &= reader.check(ARGOCD_ALLOWED_CIDRS, value, cidr.isPresent(), "is not an IPv4 CIDR with its host bits zero");
                cidr.ifPresent(parsed::add);
            }
            return ok ? Optional.of(List.copyOf(parsed)) : Optional.empty();
        });
        var githubToken = reader.secret(GITHUB_TOKEN);
        var cloudflareToken = reader.secret(CLOUDFLARE_TOKEN);
        var telemetryRetention = TelemetryRetention.read(reader);
        var ci = CiSettings.read(reader, raw);
        if (ci.isEmpty() || telemetryRetention.isEmpty() || domain.isEmpty() || owner.isEmpty() || gitopsRepo.isEmpty() || adopt.isEmpty() || platformRepo.isEmpty() || email.isEmpty() || relay.isEmpty() || !chatOk
                || ha.isEmpty() || bucket.isEmpty() || githubToken.isEmpty() || cloudflareToken.isEmpty() || !oidcProviderOk
                || createZone.isEmpty() || dnssec.isEmpty() || clientId.isEmpty() || clientSecret.isEmpty()
                || (raw.get(SSO_ADMINS_TEAM.name()).isPresent() && admins.isEmpty())
                || (raw.get(SSO_DEVELOPERS_TEAM.name()).isPresent() && developers.isEmpty()) || (raw.get(CLOUDFLARE_ACCOUNT_ID.name()).isPresent() && accountId.isEmpty())
                || applications.isEmpty() || !tokenOk || argocdCidrs.isEmpty()
                || argocdClusters.isEmpty() || clustersPerShard.isEmpty() || sharding.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ManagementSettings(domain.get(), owner.get(), gitopsRepo.get(), adopt.get(), platformRepo.get(),
                email.get(), relay.get(), chat, ha.get(), new ArgoCdScale(argocdClusters.get(), clustersPerShard.get(), sharding.get()), bucket.get(), oidcProvider, githubToken.get(), cloudflareToken.get(),
                new SsoSettings(clientId.get(), clientSecret.get(), admins, developers),
                applications.get(), promotionToken, argocdCidrs.get(), telemetryRetention.get(),
                ci.get()));
    }

    private static Optional<WorkloadSettings> workload(ConfigReader reader) {
        var managementStack = reader.matching(MANAGEMENT_STACK, Validators.STACK_REFERENCE, "is not a stack name");
        var type = reader.choice(CLUSTER_TYPE, value -> Arrays.stream(ClusterType.values())
                .filter(t -> t.configValue().equals(value)).findFirst().orElse(null));
        if (managementStack.isEmpty() || type.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WorkloadSettings(managementStack.get(), type.get()));
    }

    private static Optional<DnsSettings> dns(ConfigReader reader, RawConfig raw) {
        var management = "management".equals(raw.get(ROLE.name()).orElse(null));
        var cidrs = reader.list(DNS_TOKEN_ALLOWED_CIDRS).flatMap(values -> {
            var parsed = new ArrayList<Cidr>();
            for (var value : values) {
                var cidr = Cidr.parse(value);
                if (cidr.isEmpty()) {
                    reader.error(DNS_TOKEN_ALLOWED_CIDRS, value, "is not an IPv4 CIDR with its host bits zero");
                    return Optional.empty();
                }
                parsed.add(cidr.get());
            }
            return Optional.of(List.copyOf(parsed));
        });
        var expires = reader.text(DNS_TOKEN_EXPIRES_ON).filter(value -> {
            try {
                var date = java.time.LocalDate.parse(value);
                return reader.check(DNS_TOKEN_EXPIRES_ON, value, date.isAfter(java.time.LocalDate.now()), "is not in the future");
            } catch (java.time.format.DateTimeParseException e) {
                return reader.check(DNS_TOKEN_EXPIRES_ON, value, false, "is not a date YYYY-MM-DD");
            }
        });
        boolean expiresOk = raw.get(DNS_TOKEN_EXPIRES_ON.name()).isEmpty() || expires.isPresent();
        if (!management) {
            return cidrs.isPresent() && expiresOk ? Optional.of(new DnsSettings(false, Optional.empty(), false, cidrs.get(), expires))
                    : Optional.empty();
        }
        var create = raw.get(DNS_ZONE_CREATE.name()).map("true"::equals).orElse(false);
        var dnssec = raw.get(DNSSEC.name()).map("true"::equals).orElse(false);
        var account = raw.get(CLOUDFLARE_ACCOUNT_ID.name());
        return cidrs.isPresent() && expiresOk ? Optional.of(new DnsSettings(create, account, dnssec, cidrs.get(), expires))
                : Optional.empty();
    }

    /** The platform's environments (management) or the ones this cluster serves (workload). */
    private static Optional<List<String>> environments(ConfigReader reader, Role role) {
        var defaults = role == Role.MANAGEMENT ? List.of("development", "staging", "production") : List.<String>of();
        return reader.list(ENVIRONMENTS, defaults).filter(names -> {
            boolean ok = role != Role.MANAGEMENT || reader.check(ENVIRONMENTS, "[]", !names.isEmpty(),
                    "is empty: the management stack owns the environments, and an empty list would delete every "
                            + "environments/<env>/ directory of the gitops repository");
            for (var name : names) {
                ok &= reader.check(ENVIRONMENTS, name, Validators.ENVIRONMENT.matcher(name).matches(), "is not an environment name");
            }
            return ok && reader.check(ENVIRONMENTS, String.valueOf(names), names.stream().distinct().count() == names.size(),
                    "names an environment twice");
        });
    }

    /**
     * Keys nobody reads are typos or leftovers; both deserve an error rather than silence. A key of
     * another role or kind gets the same message wherever it stands; typos get the nearest key this
     * stack could use.
     */
    private static void unknownKeys(ConfigReader reader, RawConfig raw, Role role, boolean virtual) {
        var usable = ConfigKeys.all().stream().filter(key -> key.appliesTo(role))
                .filter(key -> !(virtual && OWN_CLUSTER_KEYS.contains(key))).map(ConfigKey::name).toList();
        var providerHint = ConfigKeys.all().stream().map(ConfigKey::name)
                .filter(name -> usable.contains(name) || !name.startsWith(NAMESPACE + ":")).toList();
        var kind = role == Role.MANAGEMENT ? "a management stack" : virtual ? "a vcluster workload stack" : "an eks workload stack";
        for (var name : raw.values().keySet()) {
            var shown = raw.values().get(name); // reader.error masks it when the key is secret
            var namespace = name.substring(0, Math.max(0, name.indexOf(':')));
            var known = ConfigKeys.find(name);
            if (known.isPresent()) {
                if (!usable.contains(name)) {
                    var readers = virtual && known.get().appliesTo(role) ? "stacks with their own EKS cluster and VPC "
                            + "(management, or workload with platform:clusterType: eks)"
                            : known.get().roles().iterator().next().configValue() + " stacks";
                    reader.error(new ConfigError(name, shown, "is not read by " + kind + ": only " + readers + " use it",
                            "remove the key from this stack file", virtual && known.get().appliesTo(role)
                            ? "platform:clusterType: eks (a cluster of its own, which reads " + name + ")"
                            : "the keys of " + kind + ": ./platform config-keys"));
                }
            } else if (namespace.equals(NAMESPACE)) {
                reader.error(new ConfigError(name, shown, "is not a platform setting" + hint(name, usable),
                        "the keys of " + kind + " listed in docs/configuration.md (./platform config-keys)",
                        Validators.closest(name, usable).flatMap(ConfigKeys::find).map(ConfigKey::exampleLine)
                                .orElse(CLUSTER_NAME.exampleLine())));
            } else if (!ConfigKeys.PROVIDER_NAMESPACES.contains(namespace)) {
                reader.error(new ConfigError(name, shown, "is in no known namespace" + hint(name, providerHint),
                        "platform:<key> or a provider's own key (" + String.join(", ", ConfigKeys.PROVIDER_NAMESPACES.stream().sorted().toList()) + ")",
                        Validators.closest(name, providerHint).flatMap(ConfigKeys::find).map(ConfigKey::exampleLine)
                                .orElse(REGION.exampleLine())));
            }
        }
    }

    private static String hint(String given, java.util.Collection<String> candidates) {
        return Validators.closest(given, candidates).map(c -> "; did you mean " + c + "?").orElse("");
    }
}
