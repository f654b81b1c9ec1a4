package io.idp.platform.stacks;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.idp.platform.components.ApplicationDelivery;
import io.idp.platform.components.BotAccounts;
import io.idp.platform.components.GitopsRepo;
import io.idp.platform.components.RepositoryFiles;
import io.idp.platform.components.RepositoryFilesArgs;
import io.idp.platform.components.ApplicationDeliveryArgs;
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
    /** @return each application's repository name, by application */
    static java.util.Map<String, Output<String>> deliver(Sources sources, PlatformConfig config, ManagementSettings settings, BotAccounts bots, GitopsRepo gitops,
                        ComponentResourceOptions aws) {
        var repositories = new java.util.TreeMap<String, Output<String>>();
        if (settings.applications().isEmpty()) {
            return repositories;
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
        var templateFiles = new RepositoryFiles("app-template-files", RepositoryFilesArgs.builder().repository(template.name())
                .paths(new TreeSet<>(files.keySet())).contents(Output.of(files)).source("apps/template of the platform").build(), github);
        // Every new app starts from the template: it changes by reviewed pull request with its CI green.
        io.idp.platform.components.MainBranchRules.protect("app-template-main", template.name(), 1,
                io.idp.platform.components.ApplicationDelivery.REQUIRED_CHECKS, bots.gitBotTeamId(),
                com.pulumi.resources.CustomResourceOptions.builder().provider(bots.github()).dependsOn(templateFiles).build());
        for (var app : settings.applications()) {
            var delivery = new ApplicationDelivery(app, ApplicationDeliveryArgs.builder().name(app).owner(settings.githubOwner())
                    .templateRepository(TEMPLATE_REPOSITORY).gitopsRepository(settings.gitopsRepo()).region(config.region())
                    .oidcProviderArn(bots.oidcProviderArn()).environments(config.environments())
                    .promotionToken(settings.appPromotionToken().orElseThrow().output()).github(bots.github())
                    .protect(config.protect()).adminsTeam(sources.people().admins().githubSlug()).botTeamId(bots.gitBotTeamId())
                    .runsOn(settings.ci().runsOn()).build(), aws);
            repositories.put(app, delivery.repositoryName());
            var registry = delivery.imageRepositoryUrl().applyValue(url -> url.substring(0, url.indexOf('/')));
            new RepositoryFiles(app + "-environments", RepositoryFilesArgs.builder().repository(gitops.name())
                    .paths(ApplicationDelivery.environmentPaths(app, config.environments()))
                    .contents(registry.applyValue(r -> ApplicationDelivery.environmentFiles(app, r, config.environments())))
                    .keep(GitopsFiles::outlivesClusters).source("the delivery of " + app).seedOnly(true).build(), github);
        }
        return repositories;
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
