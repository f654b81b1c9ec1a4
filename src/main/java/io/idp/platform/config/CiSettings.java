package io.idp.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.idp.platform.config.ConfigKeys.CI_RUNNERS;
import static io.idp.platform.config.ConfigKeys.RUNNERS_GITHUB_APP_ID;
import static io.idp.platform.config.ConfigKeys.RUNNERS_GITHUB_APP_INSTALLATION_ID;
import static io.idp.platform.config.ConfigKeys.RUNNERS_GITHUB_APP_PRIVATE_KEY;
import static io.idp.platform.config.ConfigKeys.RUNNERS_MAX;
import static io.idp.platform.config.ConfigKeys.WORKFLOWS_ARTIFACT_DAYS;

/**
 * The management cluster's CI services: where application workflows run (GitHub's hosted runners or
 * the cluster's own scale set), how far that scale set may grow, the GitHub App its runners register
 * with, and how long Argo Workflows keeps artifacts.
 */
public record CiSettings(Runners runners, int runnersMax, Optional<GithubApp> githubApp, int artifactExpiryDays) {
    /** The scale set's name, which is also the {@code runs-on} label of jobs that use it. */
    public static final String SCALE_SET_NAME = "platform";
    /** The label of GitHub's hosted runners. */
    public static final String GITHUB_HOSTED_LABEL = "ubuntu-latest";
    public static final CiSettings DEFAULT = new CiSettings(Runners.GITHUB_HOSTED, 10, Optional.empty(), 30);

    private static final Pattern GITHUB_ID = Pattern.compile("[1-9][0-9]{0,11}");

    /** Where application CI jobs run. */
    public enum Runners {
        GITHUB_HOSTED("github-hosted"),
        SELF_HOSTED("self-hosted");

        private final String configValue;

        Runners(String configValue) {
            this.configValue = configValue;
        }

        public String configValue() {
            return configValue;
        }

        static Runners parse(String value) {
            for (var runners : values()) {
                if (runners.configValue.equals(value)) {
                    return runners;
                }
            }
            return null;
        }
    }

    /** The GitHub App the runners register with: its ids, and its private key (a secret). */
    public record GithubApp(String appId, String installationId, SecretValue privateKey) {
    }

    /** Argo Workflows' artifact bucket: {@code <cluster>-workflows-<region>}, like the backups'. */
    public static String artifactBucket(String clusterName, String region) {
        return clusterName + "-workflows-" + region;
    }

    /** The role Argo Workflows' server and workflow pods assume (IRSA). */
    public static String workflowsRoleName(String clusterName) {
        return clusterName + "-argo-workflows";
    }

    /** The {@code runs-on} value of application jobs: GitHub's hosted label or the scale set's name. */
    public String runsOn() {
        return runners == Runners.SELF_HOSTED ? SCALE_SET_NAME : GITHUB_HOSTED_LABEL;
    }

    static Optional<CiSettings> read(ConfigReader reader, RawConfig raw) {
        var runners = reader.choice(CI_RUNNERS, Runners::parse);
        var max = reader.integer(RUNNERS_MAX, 1, 100);
        var days = reader.integer(WORKFLOWS_ARTIFACT_DAYS, 1, 3650);
        // The App's three keys come together: ids alone register nothing, a key alone names no App.
        var appKeys = List.of(RUNNERS_GITHUB_APP_ID, RUNNERS_GITHUB_APP_INSTALLATION_ID, RUNNERS_GITHUB_APP_PRIVATE_KEY);
        var given = appKeys.stream().filter(key -> raw.get(key.name()).isPresent()).toList();
        Optional<GithubApp> app = Optional.empty();
        boolean appOk = true;
        if (!given.isEmpty()) {
            var appId = reader.matching(RUNNERS_GITHUB_APP_ID, GITHUB_ID, "is not a GitHub App id");
            var installationId = reader.matching(RUNNERS_GITHUB_APP_INSTALLATION_ID, GITHUB_ID, "is not a GitHub App installation id");
            var missing = new ArrayList<>(appKeys);
            missing.removeAll(given);
            for (var key : missing) {
                reader.error(new ConfigError(key.name(), null, "is required with " + given.get(0).name()
                        + ": the runners' GitHub App needs its id, installation id and private key", key.allowed(), key.exampleLine()));
            }
            var privateKey = missing.contains(RUNNERS_GITHUB_APP_PRIVATE_KEY) ? Optional.<SecretValue>empty()
                    : reader.secret(RUNNERS_GITHUB_APP_PRIVATE_KEY);
            appOk = missing.isEmpty() && appId.isPresent() && installationId.isPresent() && privateKey.isPresent();
            if (appOk) {
                app = Optional.of(new GithubApp(appId.get(), installationId.get(), privateKey.get()));
            }
        }
        if (runners.isPresent() && runners.get() == Runners.SELF_HOSTED && given.isEmpty()) {
            reader.error(new ConfigError(CI_RUNNERS.name(), Runners.SELF_HOSTED.configValue(),
                    "needs the runners' GitHub App: set platform:runnersGithubAppId, platform:runnersGithubAppInstallationId "
                            + "and platform:runnersGithubAppPrivateKey (--secret)", CI_RUNNERS.allowed(),
                    RUNNERS_GITHUB_APP_ID.exampleLine()));
            appOk = false;
        }
        if (runners.isEmpty() || max.isEmpty() || days.isEmpty() || !appOk) {
            return Optional.empty();
        }
        return Optional.of(new CiSettings(runners.get(), max.get(), app, days.get()));
    }
}
