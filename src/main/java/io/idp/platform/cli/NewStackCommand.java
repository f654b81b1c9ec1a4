package io.idp.platform.cli;

import io.idp.platform.policy.PolicyWaivers;
import io.idp.platform.config.Cidr;
import io.idp.platform.config.ConfigException;
import io.idp.platform.config.Validators;
import io.idp.platform.local.PlanException;
import io.idp.platform.local.StackCheck;
import io.idp.platform.local.StackDirectory;
import io.idp.platform.local.StackFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code ./platform new-stack <name> --from <stack> --region <region>}: a new region is a new stack
 * file. Copies the source stack's file with the new name, region and the next free VPC range,
 * checks the result like any stack file, and writes it only if it is valid.
 */
@Command(name = "new-stack", description = "Writes Pulumi.<NAME>.yaml from another stack's file, for another region, "
        + "with a VPC range no other stack uses.")
final class NewStackCommand implements Callable<Integer> {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Path projectDir;

    @Parameters(index = "0", paramLabel = "NAME", description = "the new stack, also its cluster's name")
    String name;

    @Option(names = "--from", required = true, paramLabel = "STACK", description = "the stack whose file to start from")
    String from;

    @Option(names = "--region", required = true, paramLabel = "REGION", description = "the new stack's AWS region")
    String region;

    NewStackCommand(PrintWriter out, PrintWriter err, Path projectDir) {
        this.out = out;
        this.err = err;
        this.projectDir = projectDir;
    }

    @Override
    public Integer call() {
        try {
            var target = StackFile.path(projectDir, name);
            if (Files.exists(target)) {
                return fail(target.getFileName() + " already exists; choose another name or edit it");
            }
            if (!Validators.CLUSTER_NAME.matcher(name).matches()) {
                return fail("'" + name + "' cannot name a stack and its cluster: use 3-32 lowercase letters, digits and '-', "
                        + "starting with a letter (for example production-west)");
            }
            var sourceConfig = StackFile.read(projectDir, from);
            var source = Files.readString(StackFile.path(projectDir, from));
            var text = source;
            // Comments that name the source stack's region or name would describe the wrong stack.
            var sourceRegion = sourceConfig.get("aws:region");
            if (sourceRegion.isPresent()) {
                text = inComments(text, sourceRegion.get(), region);
            }
            text = inComments(text, from, name);
            var sourceCluster = sourceConfig.get("platform:clusterName");
            if (sourceCluster.isPresent()) {
                text = inComments(text, sourceCluster.get(), name);
            }
            text = text.replaceAll("(?m)^# Made with \\./platform new-stack .*\n", "");
            text = set(text, "aws:region", region);
            text = set(text, "platform:clusterName", name);
            String cidr = null;
            var sourceCidr = sourceConfig.get("platform:vpcCidr").flatMap(Cidr::parse);
            if (sourceCidr.isPresent()) {
                cidr = new StackDirectory(projectDir).addressPlan().nextFree(sourceCidr.get().prefix(), name)
                        .orElseThrow(() -> new PlanException("no free /" + sourceCidr.get().prefix() + " is left in 10.0.0.0/8"))
                        .toString();
                text = set(text, "platform:vpcCidr", cidr);
            }
            text = "# Made with ./platform new-stack " + name + " --from " + from + " --region " + region + "\n" + text;
            new StackCheck(projectDir, PolicyWaivers::check).check(name, target.getFileName().toString(), text);
            Files.writeString(target, text);
            out.println("wrote " + target.getFileName() + ": region " + region + (cidr == null ? "" : ", VPC " + cidr)
                    + "; plan it with ./platform plan " + name);
            return 0;
        } catch (ConfigException e) {
            return fail(e.getMessage());
        } catch (PlanException e) {
            return fail(e.getMessage());
        } catch (IOException e) {
            return fail("cannot read or write the stack files: " + e.getMessage());
        }
    }

    /** Replaces a whole word (a region, a stack name) in the file's comment lines only. */
    static String inComments(String text, String word, String replacement) {
        var token = Pattern.compile("(?<![A-Za-z0-9_.-])" + Pattern.quote(word) + "(?![A-Za-z0-9_-])");
        var lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].stripLeading().startsWith("#")) {
                lines[i] = token.matcher(lines[i]).replaceAll(java.util.regex.Matcher.quoteReplacement(replacement));
            }
        }
        return String.join("\n", lines);
    }

    /** Replaces a top-level config value in place, keeping the file's comments and order. */
    static String set(String text, String key, String value) {
        var line = Pattern.compile("(?m)^(\\s+" + Pattern.quote(key) + ":)\\s*.*$");
        var matcher = line.matcher(text);
        if (!matcher.find()) {
            return text.replaceFirst("(?m)^config:\\s*$", "config:\n  " + key + ": " + value);
        }
        return matcher.replaceFirst(java.util.regex.Matcher.quoteReplacement(matcher.group(1) + " " + value));
    }

    private int fail(String message) {
        err.println("error: " + message);
        return PlatformCli.PLAN_ERROR;
    }
}
