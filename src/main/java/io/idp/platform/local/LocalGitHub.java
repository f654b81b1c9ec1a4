package io.idp.platform.local;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * GitHub, offline: each repository a plan creates is a local git repository under
 * {@code .platform/github/<owner>/<name>}, and each plan that changes its files makes a commit, so
 * a person can open the rendered gitops repository and {@code git log} it. Before a plan is diffed,
 * the files are read back (a refresh): an edit somebody committed there shows in the diff.
 */
public final class LocalGitHub {
    static final String FILE_TYPE = "github:index/repositoryFile:RepositoryFile";
    static final String REPOSITORY_TYPE = "github:index/repository:Repository";
    private static final PersonIdent BOT = new PersonIdent("platform bot", "platform-bot@users.noreply.github.com");

    private final Path root;

    public LocalGitHub(Path root) {
        this.root = root;
    }

    public static LocalGitHub under(Path projectDir) {
        return new LocalGitHub(projectDir.resolve(".platform").resolve("github"));
    }

    public Path repository(String fullName) {
        return root.resolve(fullName);
    }

    /** One file a plan commits: repository, path, content, and whether it stays when the stack goes. */
    record CommittedFile(String repository, String path, String content, PlannedResource resource) {
    }

    /** The plan's RepositoryFiles with the full name of their repository. */
    static List<CommittedFile> files(Plan plan) {
        var fullNames = new TreeMap<String, String>();
        plan.ofType(REPOSITORY_TYPE).forEach(r -> fullNames.put(String.valueOf(r.outputs().get("name")),
                String.valueOf(r.outputs().get("fullName"))));
        // A stack that commits to a repository it did not create knows the owner from its github provider.
        var owners = new TreeMap<String, String>();
        plan.ofType("pulumi:providers:github").forEach(p -> owners.put(p.urn(), String.valueOf(p.inputs().get("owner"))));
        var files = new ArrayList<CommittedFile>();
        for (var file : plan.ofType(FILE_TYPE)) {
            var repository = String.valueOf(file.inputs().get("repository"));
            var providerUrn = file.provider().contains("::") ? file.provider().substring(0, file.provider().lastIndexOf("::")) : "";
            var fullName = fullNames.getOrDefault(repository, owners.getOrDefault(providerUrn, "offline-owner") + "/" + repository);
            files.add(new CommittedFile(fullName, String.valueOf(file.inputs().get("file")),
                    String.valueOf(file.inputs().get("content")), file));
        }
        return files;
    }

    /**
     * The earlier plan as the repositories hold it now: where a committed file's content differs from
     * what that plan committed, the plan takes the repository's content, so the diff shows the edit.
     */
    public Plan refresh(Plan earlier, List<String> warnings) {
        if (earlier == null) {
            return null;
        }
        var replaced = new LinkedHashMap<String, PlannedResource>();
        for (var file : files(earlier)) {
            var onDisk = repository(file.repository()).resolve(file.path());
            if (!Files.isRegularFile(onDisk)) {
                continue;
            }
            var actual = read(onDisk);
            if (!actual.equals(file.content())) {
                warnings.add(file.repository() + ": " + file.path() + " was changed outside the program; this plan restores it");
                var r = file.resource();
                var inputs = new TreeMap<>(r.inputs());
                inputs.put("content", actual);
                replaced.put(r.urn(), r.withInputs(inputs));
            }
        }
        if (replaced.isEmpty()) {
            return earlier;
        }
        var resources = earlier.resources().stream().map(r -> replaced.getOrDefault(r.urn(), r)).toList();
        return new Plan(earlier.formatVersion(), earlier.project(), earlier.stack(), earlier.role(), resources,
                earlier.outputs(), earlier.secretOutputs());
    }

    /**
     * Writes the plan's files into their repositories and commits each repository that changed;
     * files the earlier plan committed and this one does not are removed, unless they are kept on delete.
     *
     * @return repository full name to the new commit's id, for the repositories that changed
     */
    public Map<String, String> publish(Plan earlier, Plan plan) {
        var byRepository = new TreeMap<String, List<CommittedFile>>();
        files(plan).forEach(f -> byRepository.computeIfAbsent(f.repository(), k -> new ArrayList<>()).add(f));
        var gone = new TreeMap<String, List<String>>();
        if (earlier != null) {
            var now = files(plan).stream().map(f -> f.repository() + "\n" + f.path()).toList();
            for (var file : files(earlier)) {
                if (!now.contains(file.repository() + "\n" + file.path()) && !file.resource().retainOnDelete()) {
                    gone.computeIfAbsent(file.repository(), k -> new ArrayList<>()).add(file.path());
                    byRepository.computeIfAbsent(file.repository(), k -> new ArrayList<>());
                }
            }
        }
        var commits = new TreeMap<String, String>();
        byRepository.forEach((repository, files) -> commit(repository, files, gone.getOrDefault(repository, List.of()), plan.stack())
                .ifPresent(id -> commits.put(repository, id)));
        return commits;
    }

    private Optional<String> commit(String fullName, List<CommittedFile> files, List<String> removed, String stack) {
        var dir = repository(fullName);
        try (var git = open(dir)) {
            for (var file : files) {
                var target = dir.resolve(file.path());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.content());
                git.add().addFilepattern(file.path()).call();
            }
            for (var path : removed) {
                Files.deleteIfExists(dir.resolve(path));
                git.rm().addFilepattern(path).call();
            }
            var status = git.status().call();
            if (status.isClean()) {
                return Optional.empty();
            }
            var changed = new ArrayList<String>();
            status.getAdded().forEach(p -> changed.add("add    " + p));
            status.getChanged().forEach(p -> changed.add("update " + p));
            status.getRemoved().forEach(p -> changed.add("remove " + p));
            changed.sort(null);
            var message = "platform: plan of stack " + stack + ", " + changed.size() + " file(s)\n\n" + String.join("\n", changed) + "\n";
            var commit = git.commit().setMessage(message).setAuthor(BOT).setCommitter(BOT).call();
            return Optional.of(commit.getId().getName());
        } catch (IOException | GitAPIException e) {
            throw new PlanException("cannot update the local repository " + dir + ": " + e.getMessage());
        }
    }

    private static Git open(Path dir) throws IOException, GitAPIException {
        if (Files.isDirectory(dir.resolve(".git"))) {
            return Git.open(dir.toFile());
        }
        Files.createDirectories(dir);
        return Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PlanException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
