package io.idp.platform.cli;

import io.idp.platform.policy.PolicyWaivers;
import io.idp.platform.config.ConfigException;
import io.idp.platform.local.LocalGitHub;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlanDiff;
import io.idp.platform.local.PlanException;
import io.idp.platform.local.PlanFailure;
import io.idp.platform.local.PlanPrinter;
import io.idp.platform.local.PlanStore;
import io.idp.platform.policy.Finding;
import io.idp.platform.policy.PolicyEngine;
import io.idp.platform.policy.PolicyRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ./platform plan <stack>}: the offline plan, diffed against the previous one. */
@Command(name = "plan", description = "Runs the stack's program against a simulated cloud, prints what pulumi up "
        + "would do and writes .platform/plans/<stack>.json.%nExit codes: 0 success, 1 plan errors, 2 usage errors.")
final class PlanCommand implements java.util.concurrent.Callable<Integer> {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Path projectDir;

    @Parameters(index = "0", paramLabel = "STACK", description = "the stack, as in Pulumi.<STACK>.yaml")
    String stack;

    @Option(names = "--json", description = "print the result as JSON instead of a tree")
    boolean json;

    @Option(names = "--compare", paramLabel = "FILE", description = "diff against this plan file instead of the stack's previous plan")
    Path compare;

    @Option(names = "--critical-path", description = "print the estimated minimum pulumi up time and its critical path")
    boolean criticalPath;

    @Option(names = "--graph", paramLabel = "FILE", description = "write the resource graph: FILE.svg (Graphviz), FILE.dot or FILE.mmd (Mermaid)")
    Path graphFile;

    @Option(names = "--replace", paramLabel = "RESOURCE", description = "force the replacement of this resource (its logical name "
            + "or URN; repeatable), as pulumi up --replace does")
    List<String> replace = new java.util.ArrayList<>();

    @Option(names = "--recovery", description = "print the recovery time and point for losing the management cluster or its region")
    boolean recovery;

    @Option(names = "--allow-loss", description = "accept a plan that replaces or deletes protected (data-bearing) resources")
    boolean allowLoss;

    private final int width;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    PlanCommand(PrintWriter out, PrintWriter err, Path projectDir, int width) {
        this.out = out;
        this.err = err;
        this.projectDir = projectDir;
        this.width = width;
    }

    @Override
    public Integer call() {
        if (graphFile != null && io.idp.platform.graph.GraphRenderer.format(graphFile).isEmpty()) {
            // A usage error, found before any work: the plan would otherwise run in full and then fail.
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--graph " + graphFile
                    + ": the file name must end in .svg (Graphviz), .dot or .mmd (Mermaid), for example --graph graph.svg");
        }
        try {
            // Every check first, Pulumi.yaml's with the stack file's, so all problems are reported together.
            var checked = new io.idp.platform.local.StackCheck(projectDir, PolicyWaivers::check).check(stack);
            var engine = new OfflineEngine(projectDir, checked.project());
            var earlier = engine.plans().read(stack).orElse(null);
            var github = LocalGitHub.under(projectDir);
            var refreshWarnings = new java.util.ArrayList<String>();
            var base = compare != null ? PlanStore.readFile(compare.toAbsolutePath()) : github.refresh(earlier, refreshWarnings);
            var outcome = engine.plan(stack, checked.raw(), checked.config());
            var forced = forcedReplacements(outcome.plan());
            if (!forced.problems().isEmpty()) {
                forced.problems().forEach(p -> err.println("error: " + p));
                return PlatformCli.USAGE_ERROR;
            }
            if (!forced.urns().isEmpty()) {
                // Planned again with the forced resources created anew, so their new ids reach what uses them.
                outcome = engine.replacing(forced.urns()).plan(stack, checked.raw(), checked.config());
            }
            var diff = PlanDiff.between(base, outcome.plan(), forced.urns());
            var findings = PolicyEngine.evaluate(outcome.plan(), outcome.config().policyWaivers());
            var losses = diff.protectedLosses();
            boolean failed = findings.stream().anyMatch(Finding::failsThePlan) || (!losses.isEmpty() && !allowLoss);
            // A refused plan does not become the baseline: the next run shows the same changes again.
            Path file = null;
            if (!failed) {
                file = engine.plans().write(outcome.plan());
                github.publish(earlier, outcome.plan());
            }
            var warnings = new java.util.ArrayList<>(refreshWarnings);
            warnings.addAll(outcome.warnings());
            outcome = new OfflineEngine.Outcome(outcome.plan(), outcome.config(), warnings);
            if (json) {
                var result = jsonResult(outcome.plan(), diff, file, outcome.warnings());
                result.put("ok", !failed);
                result.put("policy", findings.stream().map(PlanCommand::finding).toList());
                result.put("protectedLosses", losses.stream().map(c -> Map.of("urn", c.resource().urn(), "op", c.op().word)).toList());
                out.println(PlanStore.toJson(result));
            } else {
                printTree(outcome, diff, base, file);
                printPolicy(findings);
                printLosses(losses);
            }
            if (recovery && !json) {
                out.println();
                out.print(io.idp.platform.graph.RecoveryObjectives.of(new io.idp.platform.graph.ResourceGraph(outcome.plan()),
                        outcome.plan()).format());
            }
            if (criticalPath || graphFile != null) {
                var graph = new io.idp.platform.graph.ResourceGraph(outcome.plan());
                if (criticalPath && !json) {
                    out.println();
                    var path = io.idp.platform.graph.CriticalPath.of(graph);
                    out.print(path.format(width));
                    out.println();
                    out.print(HealthyPlatformInput.estimate(outcome.plan(), outcome.config(),
                            io.idp.platform.gitops.Catalog.load(projectDir), path.minimumSeconds()).format(width));
                }
                if (graphFile != null) {
                    var target = graphFile.isAbsolute() ? graphFile : java.nio.file.Path.of("").toAbsolutePath().resolve(graphFile);
                    io.idp.platform.graph.GraphRenderer.write(graph, target);
                    if (!json) {
                        out.println("graph: " + target);
                    }
                }
            }
            out.flush();
            return failed ? PlatformCli.PLAN_ERROR : 0;
        } catch (ConfigException e) {
            return fail(List.of(e.getMessage()));
        } catch (PlanFailure e) {
            return fail(e.reasons(), "the plan of stack '" + stack + "' failed:");
        } catch (PlanException | io.idp.platform.gitops.CatalogException e) {
            return fail(List.of(e.getMessage()));
        }
    }

    private record Forced(java.util.Set<String> urns, List<String> problems) {
    }

    /** The URNs --replace names, each a logical name or URN of a resource of this plan. */
    private Forced forcedReplacements(Plan plan) {
        var urns = new java.util.TreeSet<String>();
        var problems = new java.util.ArrayList<String>();
        for (var target : replace) {
            var matches = plan.resources().stream().filter(r -> r.custom() && !r.read()
                    && (r.urn().equals(target) || r.name().equals(target))).map(io.idp.platform.local.PlannedResource::urn).toList();
            if (matches.size() > 1) {
                problems.add("--replace " + target + ": names " + matches.size() + " resources; give one URN: " + String.join(", ", matches));
            } else if (matches.isEmpty()) {
                var names = plan.resources().stream().filter(r -> r.custom() && !r.read()).map(io.idp.platform.local.PlannedResource::name).toList();
                problems.add("--replace " + target + ": no resource of stack " + stack + " has this name or URN"
                        + io.idp.platform.config.Validators.closest(target, names).map(c -> "; did you mean " + c + "?").orElse(""));
            }
            urns.addAll(matches);
        }
        return new Forced(urns, problems);
    }

    private void printTree(OfflineEngine.Outcome outcome, PlanDiff diff, Plan base, Path file) {
        boolean firstPlan = base == null;
        var plan = outcome.plan();
        Wrap.lines("Offline plan of " + plan.stack() + " (" + plan.role() + ", " + outcome.config().region()
                + ", simulated account " + io.idp.platform.local.cloud.Account.SIMULATED_ACCOUNT_ID + ")", width).forEach(out::println);
        out.println();
        outcome.warnings().forEach(w -> Wrap.lines("warning: " + w, width).forEach(out::println));
        if (!diff.hasChanges() && !firstPlan) {
            out.println("no changes");
        } else {
            var printer = new PlanPrinter(Terminal.colour(), width);
            out.print(printer.render(diff, firstPlan));
            var outputs = OutputChanges.lines(base == null ? null : base.outputs(), plan.outputs(), width);
            if (!outputs.isEmpty()) {
                out.println();
                out.println(firstPlan ? "Outputs:" : "Outputs changed:");
                outputs.forEach(line -> out.println(printer.fit("    " + line)));
            }
        }
        out.println();
        out.println(diff.summary());
        out.println(file == null ? "plan refused: the plan file and the local repositories are unchanged"
                : "plan file: " + projectDir.relativize(file));
    }

    private void printPolicy(List<Finding> findings) {
        long mandatory = findings.stream().filter(Finding::failsThePlan).count();
        long waived = findings.stream().filter(Finding::waived).count();
        long advisory = findings.size() - mandatory - waived;
        out.println("policy: " + PolicyRules.list().size() + " rules, " + mandatory + " mandatory violation(s), "
                + advisory + " advisory, " + waived + " waived");
        for (var finding : findings) {
            var marker = finding.failsThePlan() ? "✗ " : finding.waived() ? "~ " : "! ";
            var lines = Wrap.lines(finding.format(), width - 4);
            for (int i = 0; i < lines.size(); i++) {
                out.println((i == 0 ? "  " + marker : "    ") + lines.get(i));
            }
        }
    }

    private void printLosses(List<PlanDiff.Change> losses) {
        if (losses.isEmpty()) {
            return;
        }
        out.println();
        out.println("DATA LOSS: this plan would " + (losses.size() == 1 ? "" : "") + "destroy protected, data-bearing resources:");
        losses.forEach(c -> out.println("  " + c.op().word + " " + c.resource().type() + " " + c.resource().name()));
        out.println(allowLoss ? "allowed by --allow-loss" : "refused: re-run with --allow-loss if this is intended (pulumi up will still "
                + "refuse protected resources until platform:protect is false)");
    }

    private static Map<String, Object> finding(Finding f) {
        var map = new LinkedHashMap<String, Object>();
        map.put("rule", f.rule().id());
        map.put("severity", f.rule().severity().name().toLowerCase());
        map.put("urn", f.urn());
        map.put("detail", f.detail());
        map.put("fix", f.rule().fix());
        map.put("waived", f.waiver());
        return map;
    }

    private int fail(List<String> reasons) {
        return fail(reasons, null);
    }

    private int fail(List<String> reasons, String heading) {
        if (json) {
            var result = new LinkedHashMap<String, Object>();
            result.put("stack", stack);
            result.put("ok", false);
            result.put("errors", reasons);
            out.println(PlanStore.toJson(result));
        } else if (heading == null) {
            reasons.forEach(r -> err.println("error: " + r));
        } else {
            err.println("error: " + heading);
            reasons.forEach(r -> err.println("  - " + r));
        }
        return PlatformCli.PLAN_ERROR;
    }

    private Map<String, Object> jsonResult(Plan plan, PlanDiff diff, Path file, List<String> warnings) {
        var result = new LinkedHashMap<String, Object>();
        result.put("stack", plan.stack());
        result.put("role", plan.role());
        result.put("ok", true);
        result.put("planFile", file == null ? null : projectDir.relativize(file).toString());
        var summary = new LinkedHashMap<String, Object>();
        var counts = diff.counts();
        summary.put("create", counts.get(PlanDiff.Op.CREATE));
        summary.put("update", counts.get(PlanDiff.Op.UPDATE));
        summary.put("replace", counts.get(PlanDiff.Op.REPLACE));
        summary.put("delete", counts.get(PlanDiff.Op.DELETE));
        summary.put("unchanged", counts.get(PlanDiff.Op.SAME));
        summary.put("import", counts.get(PlanDiff.Op.IMPORT));
        result.put("summary", summary);
        result.put("changes", diff.changes().stream().filter(c -> c.op() != PlanDiff.Op.SAME).map(c -> {
            var change = new LinkedHashMap<String, Object>();
            change.put("urn", c.resource().urn());
            change.put("type", c.resource().type());
            change.put("name", c.resource().name());
            change.put("op", c.op().word);
            change.put("properties", c.properties());
            return change;
        }).toList());
        result.put("outputs", plan.outputs());
        result.put("secretOutputs", plan.secretOutputs());
        result.put("warnings", warnings);
        return result;
    }
}
