package io.idp.platform.components;

import io.idp.platform.support.Trust;
import io.idp.platform.support.PolicyDocuments;
import io.idp.platform.support.Kubeconfig;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.eks.AccessEntry;
import com.pulumi.aws.eks.AccessEntryArgs;
import com.pulumi.aws.eks.AccessPolicyAssociation;
import com.pulumi.aws.eks.AccessPolicyAssociationArgs;
import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.aws.eks.Cluster;
import com.pulumi.aws.eks.ClusterArgs;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.core.Alias;
import com.pulumi.deployment.Deployment;
import com.pulumi.aws.eks.inputs.AccessPolicyAssociationAccessScopeArgs;
import com.pulumi.aws.eks.inputs.ClusterAccessConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigProviderArgs;
import com.pulumi.aws.eks.inputs.ClusterVpcConfigArgs;
import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.idp.platform.config.Cidr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An EKS cluster as the platform runs every physical cluster, management or workload: private API
 * endpoint (public only for listed CIDRs), secrets envelope-encrypted with a customer key, every
 * control-plane log type, API authentication with access entries and no implicit creator admin,
 * a managed node group in private subnets with IMDSv2 required, IRSA, pinned managed add-ons, and
 * a Kubernetes provider for what runs inside.
 */
public final class EksCluster extends ComponentResource {
    public static final String TYPE = "platform:components:EksCluster";
    public static final List<String> CONTROL_PLANE_LOG_TYPES = List.of("api", "audit", "authenticator", "controllerManager", "scheduler");
    static final String CLUSTER_ADMIN_POLICY = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";

    private final EksClusterArgs args;
    private final String logicalName;
    private final Cluster cluster;
    private final OpenIdConnectProvider oidc;
    private final Output<String> oidcIssuerUrl;
    private final NodeGroup nodeGroup;
    private final List<Resource> ready = new ArrayList<>();
    private final Output<String> kubeconfig;
    private final Provider kubernetes;

    public EksCluster(String name, EksClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.args = args;
        this.logicalName = name;
        var child = CustomResourceOptions.builder().parent(this).build();
        var clusterName = args.clusterName();

        var clusterRole = new Role(name + "-cluster", RoleArgs.builder()
                .name(clusterName + "-eks-cluster")
                .description("EKS control plane of " + clusterName)
                .assumeRolePolicy(PolicyDocuments.serviceTrust("eks.amazonaws.com"))
                .build(), child);
        var clusterPolicy = attach(name + "-cluster-policy", clusterRole, "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy");
        var secretsKey = new Key(name + "-secrets-key", KeyArgs.builder()
                .description("Envelope encryption of Kubernetes secrets in " + clusterName)
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .build(), CustomResourceOptions.builder().parent(this).protect(args.protect()).retainOnDelete(true).build());
        // Created before the cluster, so EKS writes into a group with a retention instead of its own.
        var logs = new LogGroup(name + "-control-plane-logs", LogGroupArgs.builder()
                .name("/aws/eks/" + clusterName + "/cluster")
                .retentionInDays(args.logRetentionDays())
                .build(), child);

        boolean publicEndpoint = !args.publicAccessCidrs().isEmpty();
        var vpcConfig = ClusterVpcConfigArgs.builder()
                .subnetIds(args.privateSubnetIds())
                .securityGroupIds(args.controlPlaneSecurityGroupId().applyValue(List::of))
                .endpointPrivateAccess(true)
                .endpointPublicAccess(publicEndpoint);
        if (publicEndpoint) {
            vpcConfig.publicAccessCidrs(args.publicAccessCidrs().stream().map(Cidr::toString).toList());
        }
        this.cluster = new Cluster(name + "-cluster", ClusterArgs.builder()
                .name(clusterName)
                .version(args.settings().kubernetesVersion())
                .roleArn(clusterRole.arn())
                .vpcConfig(vpcConfig.build())
                .encryptionConfig(ClusterEncryptionConfigArgs.builder()
                        .resources("secrets")
                        .provider(ClusterEncryptionConfigProviderArgs.builder().keyArn(secretsKey.arn()).build())
                        .build())
                .enabledClusterLogTypes(CONTROL_PLANE_LOG_TYPES)
                .accessConfig(ClusterAccessConfigArgs.builder()
                        .authenticationMode("API")
                        .bootstrapClusterCreatorAdminPermissions(false)
                        .build())
                .bootstrapSelfManagedAddons(false)
                // Its name is fixed, so a replacement (pulumi up --replace) must delete the old cluster first.
                .build(), CustomResourceOptions.builder().parent(this).protect(args.protect()).deleteBeforeReplace(true)
                .dependsOn(clusterPolicy, logs).build());

        admin(name + "-deploy-admin", args.deployRoleArn());
        for (int i = 0; i < args.settings().adminRoleArns().size(); i++) {
            admin(name + "-admin-" + i, Output.of(args.settings().adminRoleArns().get(i)));
        }

        this.oidcIssuerUrl = cluster.identities().applyValue(identities -> identities.get(0).oidcs().get(0).issuer().orElseThrow());
        this.oidc = new OpenIdConnectProvider(name + "-oidc", OpenIdConnectProviderArgs.builder()
                .url(oidcIssuerUrl)
                .clientIdLists(Trust.STS_AUDIENCE)
                .build(), child);

        this.nodeGroup = nodeGroups(name, child, options);
        addons(name, child);

        this.kubeconfig = Output.tuple(cluster.name(), cluster.endpoint(), cluster.certificateAuthority())
                .applyValue(t -> Kubeconfig.render(t.t1, t.t2, t.t3.data().orElseThrow(), args.region()))
                .asSecret();
        this.kubernetes = new Provider(name + "-kubernetes", ProviderArgs.builder()
                .kubeconfig(kubeconfig)
                .enableServerSideApply(true)
                .build(), child);

        registerOutputs(Map.of(
                "name", cluster.name(),
                "endpoint", cluster.endpoint(),
                "oidcProviderArn", oidc.arn(),
                "oidcIssuerUrl", oidcIssuerUrl,
                "kubeconfig", kubeconfig));
    }

    private RolePolicyAttachment attach(String logical, Role role, String policyArn) {
        return new RolePolicyAttachment(logical, RolePolicyAttachmentArgs.builder()
                .role(role.name()).policyArn(policyArn).build(), CustomResourceOptions.builder().parent(this).build());
    }

    /** Cluster-admin for one IAM role through an access entry: visible, revocable, no aws-auth ConfigMap. */
    public AccessPolicyAssociation admin(String logical, Output<String> principalArn) {
        var entry = new AccessEntry(logical, AccessEntryArgs.builder()
                .clusterName(cluster.name())
                .principalArn(principalArn)
                .type("STANDARD")
                .build(), CustomResourceOptions.builder().parent(this).build());
        return new AccessPolicyAssociation(logical, AccessPolicyAssociationArgs.builder()
                .clusterName(cluster.name())
                .principalArn(principalArn)
                .policyArn(CLUSTER_ADMIN_POLICY)
                .accessScope(AccessPolicyAssociationAccessScopeArgs.builder().type("cluster").build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(entry).build());
    }

    /**
     * The nodes' role, shared by the cluster's groups, then the default group and the configured ones.
     * The default group's launch template and node group were this cluster's own children before
     * node groups were a component: its component carries aliases that place it, for the engine, where
     * this cluster is and was (at the stack's root, before the cluster components), so its children
     * inherit their former URNs and are neither replaced nor deleted.
     */
    private NodeGroup nodeGroups(String name, CustomResourceOptions child, ComponentResourceOptions options) {
        var settings = args.settings();
        var nodeRole = new Role(name + "-nodes", RoleArgs.builder()
                .name(args.clusterName() + "-eks-nodes")
                .description("Worker nodes of " + args.clusterName())
                .assumeRolePolicy(PolicyDocuments.serviceTrust("ec2.amazonaws.com"))
                .build(), child);
        // The CNI policy is not here: vpc-cni gets it through IRSA, so pods cannot borrow it from the node.
        var attachments = List.<Resource>of(
                attach(name + "-nodes-worker", nodeRole, "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"),
                attach(name + "-nodes-ecr", nodeRole, "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"),
                attach(name + "-nodes-ssm", nodeRole, "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"));
        var groupName = name + "-nodes";
        var formerPlaces = new ArrayList<Alias>();
        options.getParent().ifPresent(parent -> formerPlaces.add(Alias.builder().type(TYPE).parent(parent).build()));
        // By URN: the SDK's alias builder drops the type of an alias without a parent.
        var deployment = Deployment.getInstance();
        formerPlaces.add(Alias.withUrn("urn:pulumi:" + deployment.getStackName() + "::" + deployment.getProjectName()
                + "::" + TYPE + "::" + groupName));
        var defaultGroup = new ManagedNodeGroup(groupName, group(nodeRole, attachments)
                .instanceTypes(settings.nodeInstanceTypes()).amiType(settings.amiType())
                .minSize(settings.nodeMinSize()).desiredSize(settings.nodeDesiredSize()).maxSize(settings.nodeMaxSize())
                .diskGiB(args.nodeVolumeGiB()).build(),
                ComponentResourceOptions.builder().parent(this).aliases(formerPlaces.toArray(Alias[]::new)).build());
        for (var extra : settings.nodeGroups()) {
            new ManagedNodeGroup(name + "-nodes-" + extra.name(), group(nodeRole, attachments).groupName(extra.name())
                    .instanceTypes(extra.instanceTypes()).capacityType(extra.capacityType()).amiType(extra.amiType())
                    .minSize(extra.minSize()).desiredSize(extra.desiredSize()).maxSize(extra.maxSize())
                    .diskGiB(extra.diskGiB()).labels(extra.labels()).taints(extra.taints()).build(),
                    ComponentResourceOptions.builder().parent(this).build());
        }
        return defaultGroup.nodeGroup();
    }

    private ManagedNodeGroupArgs.Builder group(Role nodeRole, List<Resource> attachments) {
        return ManagedNodeGroupArgs.builder().clusterName(args.clusterName()).cluster(cluster.name())
                .nodeRoleArn(nodeRole.arn()).subnetIds(args.privateSubnetIds()).securityGroupId(args.nodeSecurityGroupId())
                .dependsOn(attachments);
    }

    private void addons(String name, CustomResourceOptions child) {
        var cniRole = serviceAccountRole(name + "-vpc-cni", args.clusterName() + "-vpc-cni", "kube-system",
                List.of("aws-node"), List.of("arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"));
        var ebsRole = serviceAccountRole(name + "-ebs-csi", args.clusterName() + "-ebs-csi", "kube-system",
                List.of("ebs-csi-controller-sa"), List.of("arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"));
        // "Ready" means pods can run and resolve names: nodes, networking and DNS. Storage (EBS CSI) is
        // not waited for: nothing the program installs needs a volume, so waiting would only add a minute.
        ready.add(nodeGroup);
        ready.add(addon("vpc-cni", cniRole.arn(), CustomResourceOptions.builder().parent(this).build()));
        ready.add(addon("kube-proxy", null, CustomResourceOptions.builder().parent(this).build()));
        ready.add(addon("eks-pod-identity-agent", null, CustomResourceOptions.builder().parent(this).build()));
        // These run as pods: they need nodes.
        var afterNodes = CustomResourceOptions.builder().parent(this).dependsOn(nodeGroup).build();
        ready.add(addon("coredns", null, afterNodes));
        addon("aws-ebs-csi-driver", ebsRole.arn(), afterNodes);
    }

    private Addon addon(String addon, Output<String> roleArn, CustomResourceOptions options) {
        var versions = args.addonVersions();
        var builder = AddonArgs.builder()
                .clusterName(cluster.name())
                .addonName(addon)
                .resolveConflictsOnCreate("OVERWRITE")
                .resolveConflictsOnUpdate("PRESERVE");
        // Without a version EKS installs its default build for the cluster's Kubernetes version.
        var version = versions.get(addon);
        if (!io.idp.platform.gitops.Catalog.EKS_DEFAULT_ADDON.equals(version)) {
            builder.addonVersion(version);
        }
        if (roleArn != null) {
            builder.serviceAccountRoleArn(roleArn);
        }
        return new Addon(logicalName + "-" + addon, builder.build(), options);
    }

    /** An IAM role that exactly these service accounts of this cluster can assume (IRSA). */
    public Role serviceAccountRole(String logical, String roleName, String namespace, List<String> serviceAccounts,
                                   List<String> managedPolicyArns) {
        var role = new Role(logical, RoleArgs.builder()
                .name(roleName)
                .description("Service accounts " + namespace + "/" + String.join(",", serviceAccounts) + " of " + args.clusterName())
                .assumeRolePolicy(Output.tuple(oidc.arn(), oidcIssuerUrl)
                        .applyValue(t -> Trust.serviceAccounts(t.t1, t.t2, namespace, serviceAccounts)))
                .build(), CustomResourceOptions.builder().parent(this).build());
        for (var policy : managedPolicyArns) {
            attach(logical + "-" + policy.substring(policy.lastIndexOf('/') + 1), role, policy);
        }
        return role;
    }

    public Output<String> name() {
        return cluster.name();
    }

    /** The cluster's name as given, known before it exists. */
    public String clusterName() {
        return args.clusterName();
    }

    public Output<String> endpoint() {
        return cluster.endpoint();
    }

    public Output<String> certificateAuthority() {
        return cluster.certificateAuthority().applyValue(ca -> ca.data().orElseThrow());
    }

    public Output<String> oidcProviderArn() {
        return oidc.arn();
    }

    public Output<String> oidcIssuerUrl() {
        return oidcIssuerUrl;
    }

    /** A kubeconfig that authenticates with {@code aws eks get-token}; secret. */
    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    public Provider kubernetes() {
        return kubernetes;
    }

    /** Resources to wait for before installing anything into the cluster: nodes and add-ons. */
    public List<Resource> ready() {
        return List.copyOf(ready);
    }

    /** The default node group's root volume, GiB: Karpenter's nodes get the same. */
    public int nodeVolumeGiB() {
        return args.nodeVolumeGiB();
    }
}
