package io.idp.platform.local;

import io.idp.platform.config.AddressPlan;
import io.idp.platform.config.Cidr;
import io.idp.platform.config.ConfigException;
import io.idp.platform.config.PlatformConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The stack files of the project directory, read together: the stacks, and their address plan. */
public final class StackDirectory {
    private final Path projectDir;

    public StackDirectory(Path projectDir) {
        this.projectDir = projectDir;
    }

    public List<String> stacks() {
        try (var files = Files.list(projectDir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("Pulumi.") && n.endsWith(".yaml") && !n.equals("Pulumi.yaml"))
                    .map(n -> n.substring("Pulumi.".length(), n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new PlanException("cannot list the stack files in " + projectDir + ": " + e.getMessage());
        }
    }

    /** Every stack's VPC range as its file states it; files that do not parse are skipped (they fail on their own). */
    public AddressPlan addressPlan() {
        var ranges = new TreeMap<String, Cidr>();
        for (var stack : stacks()) {
            try {
                StackFile.read(projectDir, stack).get("platform:vpcCidr").flatMap(Cidr::parse).ifPresent(c -> ranges.put(stack, c));
            } catch (PlanException ignored) {
                // a broken sibling is reported when that stack is planned
            }
        }
        return new AddressPlan(ranges);
    }

    /** Refuses a stack whose VPC overlaps another stack's of this project. */
    public void checkAddresses(PlatformConfig config, String source) {
        if (config.networkSettings().isEmpty()) {
            return;
        }
        var errors = new ArrayList<>(addressPlan().overlaps(config.stack(), config.network().vpcCidr()));
        if (!errors.isEmpty()) {
            throw new ConfigException(source, errors);
        }
    }
}
