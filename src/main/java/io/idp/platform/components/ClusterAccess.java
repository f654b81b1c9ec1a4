package io.idp.platform.components;

import com.pulumi.aws.eks.AccessEntry;
import com.pulumi.aws.eks.AccessEntryArgs;
import com.pulumi.aws.eks.AccessPolicyAssociation;
import com.pulumi.aws.eks.AccessPolicyAssociationArgs;
import com.pulumi.aws.eks.inputs.AccessPolicyAssociationAccessScopeArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.idp.platform.config.ApplicationNamespaces;
import io.idp.platform.config.People;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * People's Kubernetes access to one EKS cluster, from the people file: an access entry for each
 * IAM role of each team, with the admins cluster-admin, and each developer team edit in the
 * namespaces of its environments' applications on this cluster ({@code <app>-<env>}) and view
 * everywhere else. Entries are tagged with their team, so a review (and rule PLAT_PEOPLE_1) sees
 * who has what. Removing a role from the file removes its entry and associations on the next up.
 */
public final class ClusterAccess extends ComponentResource {
    public static final String TYPE = "platform:components:ClusterAccess";
    public static final String POLICY_PREFIX = "arn:aws:eks::aws:cluster-access-policy/";
    public static final String CLUSTER_ADMIN = POLICY_PREFIX + "AmazonEKSClusterAdminPolicy";
    public static final String EDIT = POLICY_PREFIX + "AmazonEKSEditPolicy";
    public static final String VIEW = POLICY_PREFIX + "AmazonEKSViewPolicy";
    /** The tag naming the team of the people file an access entry is for. */
    public static final String TEAM_TAG = "platform/team";

    /** One association to make: which policy, cluster-wide or in these namespaces. */
    public record Grant(String policyArn, List<String> namespaces) {
        public boolean clusterWide() {
            return namespaces.isEmpty();
        }
    }

    public ClusterAccess(String name, ClusterAccessArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        for (var team : args.people().teams().values()) {
            var grants = grants(team, args.environments(), args.applications());
            for (var roleArn : team.awsRoleArns()) {
                var logical = name + "-" + team.name() + "-" + principalLabel(roleArn);
                var entry = new AccessEntry(logical, AccessEntryArgs.builder()
                        .clusterName(args.clusterName())
                        .principalArn(roleArn)
                        .type("STANDARD")
                        .tags(Map.of(TEAM_TAG, team.name()))
                        .build(), child);
                for (var grant : grants) {
                    var scope = grant.clusterWide()
                            ? AccessPolicyAssociationAccessScopeArgs.builder().type("cluster").build()
                            : AccessPolicyAssociationAccessScopeArgs.builder().type("namespace").namespaces(grant.namespaces()).build();
                    new AccessPolicyAssociation(logical + "-" + policyLabel(grant.policyArn()), AccessPolicyAssociationArgs.builder()
                            .clusterName(args.clusterName())
                            .principalArn(roleArn)
                            .policyArn(grant.policyArn())
                            .accessScope(scope)
                            .build(), CustomResourceOptions.builder().parent(this).dependsOn(entry).build());
                }
            }
        }
        registerOutputs(Map.of());
    }

    /**
     * What a team gets on a cluster that carries {@code environments} and runs {@code applications}:
     * the admins cluster-admin; any other team view cluster-wide and edit in its environments'
     * application namespaces here, if it has any.
     */
    public static List<Grant> grants(People.Team team, List<String> environments, List<String> applications) {
        if (team.isAdmins()) {
            return List.of(new Grant(CLUSTER_ADMIN, List.of()));
        }
        var namespaces = new ArrayList<String>();
        for (var environment : team.environments()) {
            if (environments.contains(environment)) {
                applications.forEach(app -> namespaces.add(ApplicationNamespaces.of(app, environment)));
            }
        }
        var grants = new ArrayList<Grant>();
        grants.add(new Grant(VIEW, List.of()));
        if (!namespaces.isEmpty()) {
            grants.add(new Grant(EDIT, namespaces.stream().sorted().toList()));
        }
        return grants;
    }

    /** A stable, readable part of a resource name for a role: its account and name, never its position in a list. */
    static String principalLabel(String roleArn) {
        var account = roleArn.split(":")[4];
        return account + "-" + roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }

    private static String policyLabel(String policyArn) {
        return switch (policyArn) {
            case CLUSTER_ADMIN -> "admin";
            case EDIT -> "edit";
            default -> "view";
        };
    }
}
