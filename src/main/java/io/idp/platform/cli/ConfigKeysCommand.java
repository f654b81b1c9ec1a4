package io.idp.platform.cli;

import io.idp.platform.config.ConfigKeysTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code ./platform config-keys}: every configuration key with its default, as a Markdown table. */
@Command(name = "config-keys", description = "Prints every configuration key, its default and an example (Markdown).")
final class ConfigKeysCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().print(ConfigKeysTable.markdown());
        spec.commandLine().getOut().flush();
    }
}
