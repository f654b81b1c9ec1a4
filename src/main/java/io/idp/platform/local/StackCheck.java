package io.idp.platform.local;

import io.idp.platform.config.ConfigError;
import io.idp.platform.config.ConfigException;
import io.idp.platform.config.PlatformConfig;
import io.idp.platform.config.RawConfig;
import io.idp.platform.config.Validators;
import io.idp.platform.gitops.Catalog;
import io.idp.platform.gitops.CatalogException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every check of a stack's configuration, in one place, so {@code validate}, {@code plan} and
 * {@code new-stack} agree: the stack's name, {@code Pulumi.yaml}, the stack file itself, its keys, the
 * project's other stack files, the catalog and the people file. All problems are reported together in one
 * {@link ConfigException}, before anything is registered or written.
 */
public final class StackCheck {
    private final Path projectDir;
    private final Function<RawConfig, List<ConfigError>> moreChecks;

    /** A stack that passed every check: its configuration as read and as typed, and the project's name. */
    public record Checked(RawConfig raw, PlatformConfig config, String project) {
    }

    public StackCheck(Path projectDir) {
        this(projectDir, raw -> List.of());
    }

    /**
     * With checks of keys this package does not own (the policy waivers), run on every stack file
     * whose keys have one value each, so their errors are reported with all the others.
     */
    public StackCheck(Path projectDir, Function<RawConfig, List<ConfigError>> moreChecks) {
        this.projectDir = projectDir;
        this.moreChecks = moreChecks;
    }

    public Checked check(String stack) {
        var errors = new ArrayList<ConfigError>();
        stackName(stack, errors);
        var project = PulumiProject.check(projectDir, errors);
        if (!Validators.PULUMI_NAME.matcher(stack).matches()) {
            throw new ConfigException("the stack name", errors);
        }
        var parsed = StackFile.readChecked(projectDir, stack);
        return check(stack, parsed, project, errors);
    }

    /** Checks a stack file's text that is not (yet) in the project, as new-stack does before writing it. */
    public Checked check(String stack, String source, String text) {
        var errors = new ArrayList<ConfigError>();
        stackName(stack, errors);
        var project = PulumiProject.check(projectDir, errors);
        return check(stack, StackFile.parseChecked(source, text), project, errors);
    }

    private Checked check(String stack, StackFile.Parsed parsed, PulumiProject project, List<ConfigError> errors) {
        var raw = parsed.raw();
        errors.addAll(parsed.problems());
        PlatformConfig config = null;
        // A key given twice has no one value: checking the others against either would report errors that are not there.
        boolean ambiguous = parsed.problems().stream().anyMatch(p -> p.problem().startsWith("is set twice"));
        if (!ambiguous) {
            try {
                config = PlatformConfig.load(stack, raw);
            } catch (ConfigException e) {
                // A key the file check already reported (a broken secure: value) is not reported twice.
                var reported = parsed.problems().stream().map(ConfigError::key).collect(java.util.stream.Collectors.toSet());
                e.errors().stream().filter(error -> !reported.contains(error.key())).forEach(errors::add);
            }
            errors.addAll(moreChecks.apply(raw));
            errors.addAll(new CrossStackChecks(projectDir, project == null ? null : project.name()).check(stack, raw));
        }
        if (config != null && config.networkSettings().isPresent()) {
            errors.addAll(new StackDirectory(projectDir).addressPlan().overlaps(stack, config.network().vpcCidr()));
        }
        try {
            Catalog.load(projectDir);
        } catch (CatalogException e) {
            errors.addAll(e.errors());
        }
        try {
            var people = io.idp.platform.config.PeopleFile.load(projectDir);
            if (config != null) {
                errors.addAll(io.idp.platform.config.PeopleCheck.check(people, config));
            }
        } catch (ConfigException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(raw.source(), errors);
        }
        return new Checked(raw, config, project.name());
    }

    private static void stackName(String stack, List<ConfigError> errors) {
        if (!Validators.PULUMI_NAME.matcher(stack).matches()) {
            var example = stack.toLowerCase().replaceAll("[^a-z0-9_.-]+", "-").replaceAll("^-+|-+$", "");
            errors.add(new ConfigError("stack name", stack, "is not a Pulumi stack name",
                    "1-100 letters, digits, '-', '_' and '.' (Pulumi's stack name rule)",
                    "Pulumi." + (example.isEmpty() ? "production-east" : example) + ".yaml"));
        }
    }
}
