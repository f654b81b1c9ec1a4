package io.idp.platform.local;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Plan files: {@code .platform/plans/<stack>.json} under the project, the format documented in
 * docs/plan-file.md. Stack references, diffs, previews and policy checks read them.
 */
public final class PlanStore {
    static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .serializeNulls()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .create();

    private final Path directory;

    public PlanStore(Path directory) {
        this.directory = directory;
    }

    public static PlanStore under(Path projectDir) {
        return new PlanStore(projectDir.resolve(".platform").resolve("plans"));
    }

    public Path path(String stack) {
        return directory.resolve(stack + ".json");
    }

    public Optional<Plan> read(String stack) {
        var file = path(stack);
        return Files.exists(file) ? Optional.of(readFile(file)) : Optional.empty();
    }

    public static Plan readFile(Path file) {
        try {
            var plan = GSON.fromJson(Files.readString(file), Plan.class);
            if (plan == null || plan.resources() == null || plan.stack() == null) {
                throw new PlanException(file + " is not a plan file (no stack or resources)");
            }
            if (plan.formatVersion() == 1) {
                plan = fromFormat1(Files.readString(file));
            }
            if (plan.formatVersion() != Plan.FORMAT_VERSION) {
                throw new PlanException(file + " has plan format " + plan.formatVersion() + "; this program reads format "
                        + Plan.FORMAT_VERSION + ": make the plan again");
            }
            return plan;
        } catch (IOException e) {
            throw new PlanException("cannot read plan file " + file + ": " + e.getMessage());
        } catch (JsonParseException | IllegalStateException e) {
            throw new PlanException(file + " is not a plan file: " + e.getMessage());
        }
    }

    /**
     * Format 1 kept the root stack's type in every child's URN, as the SDK's test engine does; the
     * engine does not. Only URNs change, so the text is converted and read again.
     */
    private static Plan fromFormat1(String json) {
        var converted = json.replace("::" + EngineUrn.ROOT_STACK_TYPE + "$", "::");
        var plan = GSON.fromJson(converted, Plan.class);
        return new Plan(Plan.FORMAT_VERSION, plan.project(), plan.stack(), plan.role(), plan.resources(), plan.outputs(),
                plan.secretOutputs());
    }

    public Path write(Plan plan) {
        var file = path(plan.stack());
        try {
            Files.createDirectories(directory);
            var temporary = directory.resolve(plan.stack() + ".json.tmp");
            Files.writeString(temporary, toJson(plan) + "\n");
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new PlanException("cannot write plan file " + file + ": " + e.getMessage());
        }
    }

    public static String toJson(Object value) {
        return GSON.toJson(value);
    }
}
