package io.idp.platform.local.cloud;

import io.idp.platform.local.PlanException;

import java.util.HashMap;
import java.util.Map;

/**
 * What GitHub returns on create: repository URLs and node ids, commit SHAs of committed files, key
 * and webhook ids. The owner comes from the provider ({@code owner}, else {@code github:owner}).
 */
final class GithubModels {
    static final String DEFAULT_OWNER = "offline-owner";

    private GithubModels() {
    }

    static void register(ResourceModels m, Ids ids) {
        m.model("github:index/repository:Repository", c -> {
            var owner = c.providerSetting("owner", DEFAULT_OWNER);
            c.id = c.autoName("name");
            c.state.putAll(repository(ids, owner, c.id));
            c.state.putIfAbsent("visibility", "private");
        });
        m.model("github:index/repositoryFile:RepositoryFile", c -> {
            c.id = c.input("repository") + "/" + c.input("file");
            c.state.putIfAbsent("branch", "main");
            c.put("ref", c.input("branch"));
            c.put("commitSha", ids.hex(40, "commit", c.id, String.valueOf(c.input("content"))));
            c.put("sha", ids.hex(40, "blob", String.valueOf(c.input("content"))));
            c.state.putIfAbsent("commitMessage", "Add " + c.input("file"));
        });
        m.model("github:index/repositoryDeployKey:RepositoryDeployKey", c -> {
            c.id = c.input("repository") + ":" + (100000 + ids.number(900000, c.type, c.name));
            c.put("etag", "W/\"" + c.hex(32) + "\"");
        });
        m.model("github:index/branchProtection:BranchProtection", c -> c.id = "BPR_" + ids.upper(16, c.type, c.name));
        m.model("github:index/repositoryRuleset:RepositoryRuleset", c -> {
            c.put("rulesetId", 1000000 + ids.number(9000000, c.type, c.name));
            c.id = c.input("repository") + ":" + c.state.get("rulesetId");
            c.put("nodeId", "RRS_" + ids.upper(16, c.type, c.name));
            c.put("etag", "W/\"" + c.hex(32) + "\"");
        });
        for (var secret : new String[]{"github:index/actionsSecret:ActionsSecret", "github:index/actionsEnvironmentSecret:ActionsEnvironmentSecret"}) {
            m.model(secret, c -> {
                c.id = c.input("repository") + ":" + (c.input("environment") != null ? c.input("environment") + ":" : "") + c.input("secretName");
                c.put("createdAt", "2026-01-01 00:00:00 +0000 UTC");
                c.put("updatedAt", "2026-01-01 00:00:00 +0000 UTC");
            });
        }
        m.model("github:index/actionsVariable:ActionsVariable", c -> {
            c.id = c.input("repository") + ":" + c.input("variableName");
            c.put("createdAt", "2026-01-01 00:00:00 +0000 UTC");
            c.put("updatedAt", "2026-01-01 00:00:00 +0000 UTC");
        });
        m.model("github:index/repositoryEnvironment:RepositoryEnvironment", c -> c.id = c.input("repository") + ":" + c.input("environment"));
        m.model("github:index/team:Team", c -> {
            c.id = String.valueOf(1000000 + ids.number(9000000, c.type, c.name));
            c.put("slug", String.valueOf(c.input("name")).toLowerCase().replaceAll("[^a-z0-9]+", "-"));
            c.put("nodeId", "T_" + ids.upper(14, c.type, c.name));
            c.put("etag", "W/\"" + c.hex(32) + "\"");
        });
        m.model("github:index/teamRepository:TeamRepository", c -> c.id = c.input("teamId") + ":" + c.input("repository"));
        m.model("github:index/teamMembership:TeamMembership", c -> {
            c.id = c.input("teamId") + ":" + c.input("username");
            c.state.putIfAbsent("role", "member");
            c.put("etag", "W/\"" + c.hex(32) + "\"");
        });
        m.model("github:index/repositoryWebhook:RepositoryWebhook", c -> {
            c.id = String.valueOf(100000000 + ids.number(900000000, c.type, c.name));
            c.put("url", "https://api.github.com/repos/" + c.providerSetting("owner", DEFAULT_OWNER) + "/" + c.input("repository") + "/hooks/" + c.id);
            c.put("etag", "W/\"" + c.hex(32) + "\"");
        });
    }

    static Map<String, Object> repository(Ids ids, String owner, String name) {
        var fullName = owner + "/" + name;
        var repo = new HashMap<String, Object>();
        repo.put("name", name);
        repo.put("fullName", fullName);
        repo.put("htmlUrl", "https://github.com/" + fullName);
        repo.put("httpCloneUrl", "https://github.com/" + fullName + ".git");
        repo.put("sshCloneUrl", "git@github.com:" + fullName + ".git");
        repo.put("gitCloneUrl", "git://github.com/" + fullName + ".git");
        repo.put("svnUrl", "https://github.com/" + fullName);
        repo.put("nodeId", "R_kgDO" + ids.upper(10, "repository", fullName));
        repo.put("repoId", 100000000 + ids.number(900000000, "repository", fullName));
        repo.put("defaultBranch", "main");
        repo.put("etag", "W/\"" + ids.hex(32, "repository", fullName) + "\"");
        return repo;
    }

    /** {@code getRepository} of a repository that already exists (adoption). */
    static Map<String, Object> existingRepository(Ids ids, Map<String, Object> args) {
        var fullName = args.get("fullName") != null ? String.valueOf(args.get("fullName")) : null;
        var name = args.get("name") != null ? String.valueOf(args.get("name")) : null;
        if (fullName == null && name == null) {
            throw new PlanException("github getRepository needs name or fullName");
        }
        var owner = fullName != null ? fullName.substring(0, fullName.indexOf('/')) : DEFAULT_OWNER;
        var repo = repository(ids, owner, fullName != null ? fullName.substring(fullName.indexOf('/') + 1) : name);
        repo.put("id", repo.get("name"));
        repo.put("private", true);
        repo.put("visibility", "private");
        return repo;
    }
}
