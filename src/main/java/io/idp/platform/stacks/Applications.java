package io.idp.platform.stacks;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.idp.platform.components.ApplicationDelivery;
import io.idp.platform.components.BotAccounts;
import io.idp.platform.components.GitopsRepo;
import io.idp.platform.components.RepositoryFiles;
import io.idp.platform.config.ManagementSettings;
import io.idp.platform.config.PlatformConfig;
import io.idp.platform.gitops.Sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The applications of {@code platform:applications}: the app template repository (from apps/template
 * of this project) once, then each application's delivery and its environment homes in gitops.
 */
final class Applications {
    static final String TEMPLATE_REPOSITORY = "app-template";
    static final Path TEMPLATE = Path.of("apps", "template");

    private Applications() {
    }

    /** @param aws the stack's explicit AWS provider, which the delivery's ECR repositories and CI role use */
    static void deliver(Sources sources, PlatformConfig config, ManagementSettings settings, BotAccounts bots, GitopsRepo gitops,
                        ComponentResourceOptions aws) {
        if (settings.applications().isEmpty()) {
            return;
        }
        var github = ComponentResourceOptions.builder().providers(bots.github()).build();
        var template = new com.pulumi.github.Repository("app-template", com.pulumi.github.RepositoryArgs.builder()
                .name(TEMPLATE_REPOSITORY)
                .visibility("private")
                .isTemplate(true)
                .autoInit(true)
                .vulnerabilityAlerts(true)
                .securityAndAnalysis(io.idp.platform.support.RepositorySecurity.secretScanning())
                .archiveOnDestroy(true)
                .build(), com.pulumi.resources.CustomResourceOptions.builder().provider(bots.github()).build());
        var files = templateFiles(sources.root());
        new RepositoryFiles("app-template-files", new RepositoryFiles.Args(template.name(), new TreeSet<>(files.keySet()),
                Output.of(files), path -> false, "apps/template of the platform"), github);
        for (var app : settings.applications()) {
            var delivery = new ApplicationDelivery(app, new ApplicationDelivery.Args(app, settings.githubOwner(), TEMPLATE_REPOSITORY,
                    settings.gitopsRepo(), config.region(), bots.oidcProviderArn(), config.environments(),
                    settings.appPromotionToken().orElseThrow(), bots.github(), config.protect()), aws);
            var registry = delivery.imageRepositoryUrl().applyValue(url -> url.substring(0, url.indexOf('/')));
            new RepositoryFiles(app + "-environments", new RepositoryFiles.Args(gitops.name(),
                    ApplicationDelivery.environmentPaths(app, config.environments()),
                    registry.applyValue(r -> ApplicationDelivery.environmentFiles(app, r, config.environments())),
                    GitopsFiles::outlivesClusters, "the delivery of " + app, true), github);
        }
    }

    static TreeMap<String, String> templateFiles(Path root) {
        var files = new TreeMap<String, String>();
        var dir = root.resolve(TEMPLATE);
        try (var tree = Files.walk(dir)) {
            for (var file : tree.filter(Files::isRegularFile).sorted().toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the app template in " + dir, e);
        }
        return files;
    }
}
