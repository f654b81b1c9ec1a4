package io.idp.platform.cli;

import io.idp.platform.policy.PolicyRules;
import io.idp.platform.policy.PolicyTable;
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
        out.print(PolicyTable.markdown(PolicyRules.list()));
        out.flush();
    }
}
