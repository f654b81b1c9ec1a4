package io.idp.platform.local;

import com.pulumi.Context;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import io.idp.platform.PlatformProgram;
import io.idp.platform.config.ConfigException;
import io.idp.platform.config.PlatformConfig;
import io.idp.platform.config.RawConfig;
import io.idp.platform.gitops.Sources;
import io.idp.platform.local.cloud.Account;
import io.idp.platform.local.cloud.SimulatedCloud;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Runs a stack's program in-process on the Pulumi Java SDK's test engine against the
 * {@link SimulatedCloud}, recording every registration: the offline plan. Configuration is checked
 * first, so a bad stack file registers nothing.
 */
public final class OfflineEngine {
    private final Path projectDir;
    private final String project;
    private final PlanStore plans;
    private final java.util.Set<String> replaced;

    /** The engine for the project in this directory, named as its Pulumi.yaml names it. */
    public OfflineEngine(Path projectDir) {
        this(projectDir, PulumiProject.read(projectDir).name());
    }

    public OfflineEngine(Path projectDir, String project) {
        this(projectDir, project, java.util.Set.of());
    }

    private OfflineEngine(Path projectDir, String project, java.util.Set<String> replaced) {
        this.projectDir = projectDir;
        this.project = project;
        this.plans = PlanStore.under(projectDir);
        this.replaced = java.util.Set.copyOf(replaced);
    }

    /**
     * The same engine, creating these resources anew as {@code pulumi up --replace} does: the simulated
     * cloud gives them new ids, endpoints and keys, so what depends on them changes as it would.
     *
     * @param urns the resources' URNs
     */
    public OfflineEngine replacing(java.util.Collection<String> urns) {
        return new OfflineEngine(projectDir, project, urns.stream().map(EngineUrn::typeAndName).collect(java.util.stream.Collectors.toSet()));
    }

    public PlanStore plans() {
        return plans;
    }

    /** What a successful plan produced, with the engine's warnings. */
    public record Outcome(Plan plan, PlatformConfig config, List<String> warnings) {
    }

    /** Loads and checks the stack file and the project around it; throws {@link ConfigException} with every problem. */
    public PlatformConfig config(String stack) {
        return new StackCheck(projectDir).check(stack).config();
    }

    public Outcome plan(String stack) {
        var checked = new StackCheck(projectDir).check(stack);
        checkUpgradePath(stack, checked.config());
        return plan(stack, checked.raw(), checked.config());
    }

    public Outcome plan(String stack, RawConfig raw, PlatformConfig config) {
        var sources = Sources.load(projectDir);
        return plan(stack, raw, config, ctx -> PlatformProgram.define(ctx, config, sources));
    }

    /** Plans any program with the stack's configuration: the platform's own, or a benchmark's or test's. */
    public Outcome plan(String stack, RawConfig raw, PlatformConfig config, Consumer<Context> program) {
        return plan(stack, raw, config, program, false);
    }

    /**
     * Plans as {@code pulumi preview} sees the program: ids and computed outputs unknown. The plan is
     * not a baseline (its values are partly unknown); it shows that the program registers the same
     * resources without needing values a preview does not have.
     */
    public Outcome preview(String stack) {
        var checked = new StackCheck(projectDir).check(stack);
        checkUpgradePath(stack, checked.config());
        var sources = Sources.load(projectDir);
        return plan(stack, checked.raw(), checked.config(), ctx -> PlatformProgram.define(ctx, checked.config(), sources), true);
    }

    /** The stack's last plan stands for what is deployed: its clusters may move one Kubernetes minor only. */
    private void checkUpgradePath(String stack, PlatformConfig config) {
        if (config.cluster() != null) {
            KubernetesUpgradePath.check("Pulumi." + stack + ".yaml", plans.read(stack), config.cluster().kubernetesVersion());
        }
    }

    private Outcome plan(String stack, RawConfig raw, PlatformConfig config, Consumer<Context> program, boolean preview) {
        var providerConfig = new TreeMap<String, String>();
        raw.values().forEach((key, value) -> {
            if (!raw.isSecret(key) && !key.startsWith(PlatformConfig.NAMESPACE + ":")) {
                providerConfig.put(key, value);
            }
        });
        var cloud = new SimulatedCloud(stack, Account.simulated(config.region()), plans, providerConfig, replaced);
        var warnings = new ArrayList<String>();
        var logger = collectingLogger(warnings);
        var log = PulumiTestInternal.mockLog(logger);
        var monitor = new RecordingMonitor[1];
        var engine = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName(project).stackName(stack).preview(preview).build())
                .mocks(cloud)
                .standardLogger(logger)
                .config(raw.values(), raw.secretKeys())
                .monitorDecorator(mock -> monitor[0] = new RecordingMonitor(cloud, log, stack, project, preview))
                .build();
        var reasons = new LinkedHashSet<String>();
        try {
            var result = engine.runTest(program);
            result.exceptions().forEach(e -> reasons.add(reason(e)));
            // The engine also logs each unhandled exception with its stack trace; the reason above says it.
            result.errors().stream().filter(e -> result.exceptions().isEmpty() || !e.startsWith("Running program"))
                    .forEach(reasons::add);
        } catch (RuntimeException e) {
            reasons.add(reason(e));
        } finally {
            PulumiTestInternal.cleanup();
        }
        if (monitor[0] == null) {
            throw new IllegalStateException("the Pulumi test engine did not use the recording monitor; see SdkContractTest");
        }
        reasons.addAll(monitor[0].errors());
        cloud.violations().forEach(v -> reasons.add(v.format()));
        if (!reasons.isEmpty()) {
            throw new PlanFailure(stack, List.copyOf(reasons), monitor[0].resources());
        }
        var resources = monitor[0].resources();
        var stackResource = resources.stream().filter(r -> r.type().equals("pulumi:pulumi:Stack")).findFirst().orElseThrow();
        var outputs = new TreeMap<>(stackResource.outputs());
        var secretOutputs = outputs.entrySet().stream()
                .filter(e -> io.idp.platform.config.SecretValue.MASK.equals(e.getValue()))
                .map(Map.Entry::getKey).toList();
        var plan = new Plan(Plan.FORMAT_VERSION, project, stack, config.role().configValue(),
                resources, outputs, secretOutputs);
        return new Outcome(plan, config, List.copyOf(warnings));
    }

    /** The user-facing reason inside the wrappers the SDK's futures add. */
    private static String reason(Throwable error) {
        var cause = error;
        while (!(cause instanceof PlanException || cause instanceof ConfigException)
                && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        var message = cause.getMessage();
        return message == null ? cause.getClass().getName() : message;
    }

    private static Logger collectingLogger(List<String> warnings) {
        var logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.WARNING);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    synchronized (warnings) {
                        warnings.add(record.getMessage());
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return logger;
    }
}
