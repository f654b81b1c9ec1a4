package io.idp.platform.cli;

import io.idp.platform.policy.PolicyRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code ./platform policies}: every rule plans are checked against. */
@Command(name = "policies", description = "Lists the policy rules plans are checked against.")
final class PoliciesCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        var out = spec.commandLine().getOut();
        out.println("| id | severity | resource | rule | source | fix |");
        out.println("|---|---|---|---|---|---|");
        for (var rule : PolicyRules.list()) {
            out.println("| " + rule.id() + " | " + rule.severity().name().toLowerCase() + " | `" + rule.resourceType() + "` | "
                    + rule.title() + " | " + rule.source() + " | " + rule.fix().replace("|", "\\|") + " |");
        }
        out.flush();
    }
}
