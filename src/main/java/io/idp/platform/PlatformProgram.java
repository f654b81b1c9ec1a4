package io.idp.platform;

import com.pulumi.Context;
import io.idp.platform.config.PlatformConfig;
import io.idp.platform.config.Role;
import io.idp.platform.gitops.Sources;
import io.idp.platform.stacks.ManagementStack;
import io.idp.platform.stacks.WorkloadStack;

/** The Pulumi program of every stack: the stack's role picks which composition runs. */
public final class PlatformProgram {
    private PlatformProgram() {
    }

    public static void define(Context ctx, PlatformConfig config, Sources sources) {
        if (config.role() == Role.MANAGEMENT) {
            ManagementStack.define(ctx, config, sources);
        } else {
            WorkloadStack.define(ctx, config, sources);
        }
    }
}
