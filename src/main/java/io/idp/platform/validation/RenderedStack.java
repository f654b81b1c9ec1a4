package io.idp.platform.validation;

import io.idp.platform.config.PlatformConfig;
import io.idp.platform.config.SecretValue;
import io.idp.platform.gitops.Catalog;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlanException;
import io.idp.platform.local.PlanStore;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code ./platform validate <stack> --rendered}: the checks of {@link RenderedRepositoryCheck} on the
 * gitops repository as the stack's last plan left it under {@code .platform/github/} (with any edits
 * made there by hand), and on the Helm releases that plan installs itself.
 */
public final class RenderedStack {
    static final String FILE_TYPE = "github:index/repositoryFile:RepositoryFile";
    static final String RELEASE_TYPE = "kubernetes:helm.sh/v3:Release";

    private RenderedStack() {
    }

    /** Runs every check and prints the result; true when nothing failed. */
    public static boolean check(Path projectDir, PlatformConfig config, PrintWriter out, PrintWriter err) {
        var plan = PlanStore.under(projectDir).read(config.stack()).orElseThrow(() -> new PlanException(
                "stack " + config.stack() + " has no plan yet; run ./platform plan " + config.stack() + " first, which renders the gitops repository"));
        var repository = gitopsRepository(projectDir, plan);
        var files = read(repository);
        var catalog = Catalog.load(projectDir);
        var people = io.idp.platform.config.PeopleFile.load(projectDir);
        var teams = config.management().map(m -> new RenderedRepositoryCheck.Teams(
                m.githubOwner() + ":" + people.admins().githubSlug(), m.githubOwner() + ":" + people.developers().githubSlug())).orElse(null);
        var checker = new RenderedRepositoryCheck(catalog, ReferenceData.packaged(), ReferenceData.applicationChart(projectDir));
        var report = checker.check(files, releases(plan), teams);
        var problems = new ArrayList<>(report.problems());
        var programObjects = programObjects(plan);
        programObjects.forEach((where, object) -> problems.addAll(checker.checkObject(where, object)));
        var notes = new ArrayList<>(report.notes());
        RenderedRepositoryCheck.runTools(report, problems, notes);
        notes.forEach(n -> out.println("note: " + n));
        problems.forEach(p -> err.println("error: " + p));
        var summary = report.objects() + " objects, " + programObjects.size() + " objects the program registers, "
                + report.helmSources().size() + " Helm sources, "
                + report.alertmanagerConfigs().size() + " Alertmanager configurations, " + report.ruleFiles().size() + " rule files in "
                + projectDir.relativize(repository);
        if (problems.isEmpty()) {
            out.println("stack " + config.stack() + ": the rendered repository passes every check (" + summary + ")");
            return true;
        }
        err.println("stack " + config.stack() + ": " + problems.size() + " problem(s) in the rendered repository (" + summary + ")");
        return false;
    }

    /** The repository the plan commits registry/clusters/ to, as materialised under .platform/github/&lt;owner&gt;/&lt;name&gt;. */
    static Path gitopsRepository(Path projectDir, Plan plan) {
        var names = new TreeSet<String>();
        plan.ofType(FILE_TYPE).forEach(f -> {
            if (String.valueOf(f.inputs().get("file")).startsWith("registry/clusters/")) {
                names.add(String.valueOf(f.inputs().get("repository")));
            }
        });
        if (names.size() != 1) {
            throw new PlanException("the plan of " + plan.stack() + " commits registry/clusters/ to " + names.size()
                    + " repositories (" + names + "); expected the one gitops repository");
        }
        var name = names.first();
        var github = projectDir.resolve(".platform").resolve("github");
        try (var owners = Files.list(github)) {
            var found = owners.map(owner -> owner.resolve(name)).filter(Files::isDirectory).toList();
            if (found.size() != 1) {
                throw new PlanException("expected one local copy of the gitops repository " + name + " under " + github + ", found "
                        + found.size() + "; run ./platform plan " + plan.stack() + " again");
            }
            return found.get(0);
        } catch (IOException e) {
            throw new PlanException("there is no rendered repository under " + github + "; run ./platform plan " + plan.stack() + " first");
        }
    }

    /** Every file of the repository's working tree, path to content (the .git directory left out). */
    static Map<String, String> read(Path repository) {
        var files = new TreeMap<String, String>();
        try (var walk = Files.walk(repository)) {
            for (var file : walk.filter(Files::isRegularFile).toList()) {
                var path = repository.relativize(file).toString().replace('\\', '/');
                if (!path.startsWith(".git/")) {
                    files.put(path, Files.readString(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rendered repository " + repository, e);
        }
        return files;
    }

    /** The Kubernetes objects the plan registers itself (type kubernetes:&lt;apiVersion&gt;:&lt;kind&gt;), by plan and resource name. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> programObjects(Plan plan) {
        var objects = new TreeMap<String, Map<String, Object>>();
        for (var resource : plan.resources()) {
            if (resource.type().startsWith("kubernetes:") && !resource.type().equals(RELEASE_TYPE)
                    && resource.inputs().get("apiVersion") != null && resource.inputs().get("kind") != null) {
                objects.put("plan " + plan.stack() + " resource " + resource.name() + " (" + resource.inputs().get("kind") + ")",
                        withoutSecrets((Map<String, Object>) (Map<?, ?>) resource.inputs()));
            }
        }
        return objects;
    }

    /** The object without the fields a plan masks as secret: their shape is not known, only that they are set. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutSecrets(Map<String, Object> object) {
        var copy = new java.util.LinkedHashMap<String, Object>();
        object.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map) {
                copy.put(key, withoutSecrets((Map<String, Object>) map));
            } else if (!SecretValue.MASK.equals(value)) {
                copy.put(key, value);
            }
        });
        return copy;
    }

    /** Helm releases the plan installs itself (Argo CD, vcluster), with the values it gives them. */
    @SuppressWarnings("unchecked")
    static List<HelmSource> releases(Plan plan) {
        var releases = new ArrayList<HelmSource>();
        for (var release : plan.ofType(RELEASE_TYPE)) {
            var values = release.inputs().get("values") instanceof Map<?, ?> v ? (Map<String, Object>) v : Map.<String, Object>of();
            releases.add(new HelmSource("plan " + plan.stack(), "Release/" + release.name(), String.valueOf(release.inputs().get("chart")),
                    String.valueOf(release.inputs().get("version")), values));
        }
        return releases;
    }
}
