package io.idp.platform.cli;

import io.idp.platform.policy.PolicyWaivers;
import io.idp.platform.config.ConfigException;
import io.idp.platform.local.StackCheck;
import io.idp.platform.local.PlanException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ./platform validate <stack>}: checks a stack file's configuration without planning. */
@Command(name = "validate", description = "Checks a stack's configuration and reports every problem at once.")
final class ValidateCommand implements Callable<Integer> {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Path projectDir;

    @Parameters(index = "0", paramLabel = "STACK", description = "the stack, as in Pulumi.<STACK>.yaml")
    String stack;

    @Option(names = "--rendered", description = "also check the gitops repository the stack's last plan rendered (with any "
            + "edits made to it): Helm values against the pinned charts, objects against their CRDs and the Kubernetes API, "
            + "Alertmanager and Prometheus rules with amtool and promtool, Argo CD's RBAC")
    boolean rendered;

    ValidateCommand(PrintWriter out, PrintWriter err, Path projectDir) {
        this.out = out;
        this.err = err;
        this.projectDir = projectDir;
    }

    @Override
    public Integer call() {
        try {
            var config = new StackCheck(projectDir, PolicyWaivers::check).check(stack).config();
            out.println("stack " + stack + ": configuration is valid (" + config.role().configValue() + ", "
                    + config.clusterName() + ", " + config.region() + ")");
            if (rendered && !io.idp.platform.validation.RenderedStack.check(projectDir, config, out, err)) {
                return PlatformCli.PLAN_ERROR;
            }
            return 0;
        } catch (ConfigException | PlanException | io.idp.platform.gitops.CatalogException e) {
            err.println("error: " + e.getMessage());
            return PlatformCli.PLAN_ERROR;
        }
    }
}
