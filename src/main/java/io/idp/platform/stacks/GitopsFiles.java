package io.idp.platform.stacks;

import com.pulumi.core.Output;
import io.idp.platform.gitops.GitopsLayout;
import io.idp.platform.gitops.Sources;
import io.idp.platform.gitops.Tenancy;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The files a stack commits to the gitops repository: their paths are known when the program starts
 * (rendering with placeholder facts, which also reports template errors before anything is
 * registered), their contents once the facts (role ARNs, URLs) are.
 */
record GitopsFiles(SortedSet<String> paths, Output<SortedMap<String, String>> contents) {

    /** Environment directories stay when the stack that wrote them goes. */
    static boolean outlivesClusters(String path) {
        return path.startsWith("environments/");
    }

    /** Stands in for values that resources will provide; paths never depend on them. */
    static final String PENDING = "pending";

    static GitopsFiles management(Sources sources, List<String> environments, Tenancy tenancy, GitopsLayout.ManagementFacts known,
                                  Output<GitopsLayout.ManagementFacts> complete, String secretsRegion) {
        return new GitopsFiles(new TreeSet<>(render(sources, environments, tenancy, known, secretsRegion).keySet()),
                complete.applyValue(f -> render(sources, environments, tenancy, f, secretsRegion)));
    }

    private static SortedMap<String, String> render(Sources sources, List<String> environments, Tenancy tenancy,
                                                    GitopsLayout.ManagementFacts facts, String secretsRegion) {
        var files = new TreeMap<String, String>();
        files.putAll(GitopsLayout.management(sources.root(), sources.catalog(), facts, tenancy, secretsRegion));
        for (var environment : environments) {
            files.putAll(GitopsLayout.environment(sources.root(), environment, facts.repoUrl()));
        }
        files.putAll(GitopsLayout.templateCopies(sources.root()));
        return files;
    }
}
