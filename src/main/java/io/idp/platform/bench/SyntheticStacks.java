package io.idp.platform.bench;

import com.pulumi.Context;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.core.Output;
import io.idp.platform.support.PolicyDocuments;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Programs for the benchmark, planned by the same engine as the platform: the floor (one resource)
 * and synthetic stacks of N resources whose every other resource depends on the one before, so the
 * graph, the diff and the plan file grow with N as a real stack's do.
 */
public final class SyntheticStacks {
    private SyntheticStacks() {
    }

    public static Consumer<Context> floor() {
        return ctx -> new Role("floor", RoleArgs.builder().name("floor").assumeRolePolicy(PolicyDocuments.serviceTrust("ec2.amazonaws.com")).build());
    }

    public static Consumer<Context> synthetic(int resources) {
        return ctx -> {
            Output<String> previous = Output.of("none");
            for (int i = 0; i < resources; i++) {
                if (i % 2 == 0) {
                    var role = new Role("role-" + i, RoleArgs.builder()
                            .name("synthetic-" + i)
                            .description(previous.applyValue(p -> "after " + p))
                            .assumeRolePolicy(PolicyDocuments.serviceTrust("ec2.amazonaws.com"))
                            .tags(Map.of("index", String.valueOf(i)))
                            .build());
                    previous = role.arn();
                } else {
                    var group = new SecurityGroup("group-" + i, SecurityGroupArgs.builder()
                            .name("synthetic-" + i)
                            .description("synthetic group " + i)
                            .vpcId("vpc-0123456789abcdef0")
                            .tags(previous.applyValue(p -> Map.of("after", p.substring(Math.max(0, p.length() - 40)))))
                            .build());
                    previous = group.arn();
                }
            }
        };
    }
}
