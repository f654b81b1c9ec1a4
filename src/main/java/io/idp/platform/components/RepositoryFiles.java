package io.idp.platform.components;

import com.pulumi.core.Output;
import com.pulumi.github.RepositoryFile;
import com.pulumi.github.RepositoryFileArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * Rendered files committed to a repository, one RepositoryFile each. A file someone changed in the
 * repository shows as a diff in the next preview and is restored, never silently; overwriteOnCreate
 * is off, so a file that already exists is not taken over unseen.
 */
public final class RepositoryFiles extends ComponentResource {
    public static final String TYPE = "platform:components:RepositoryFiles";

    public RepositoryFiles(String name, RepositoryFilesArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        for (var path : args.paths()) {
            var fileOptions = CustomResourceOptions.builder().parent(this);
            if (args.keep().test(path)) {
                fileOptions.retainOnDelete(true);
            }
            if (args.seedOnly()) {
                // Written once; afterwards someone else (application CI) owns the content.
                fileOptions.ignoreChanges("content");
            }
            new RepositoryFile(name + ":" + path, RepositoryFileArgs.builder()
                    .repository(args.repository())
                    .branch("main")
                    .file(path)
                    .content(args.contents().applyValue(all -> all.get(path)))
                    .commitMessage("platform: " + path + " from " + args.source())
                    .commitAuthor("platform bot")
                    .commitEmail("platform-bot@users.noreply.github.com")
                    .overwriteOnCreate(false)
                    .build(), fileOptions.build());
        }
        registerOutputs(Map.of("files", Output.of(args.paths().size())));
    }
}
