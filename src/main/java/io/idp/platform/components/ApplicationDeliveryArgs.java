package io.idp.platform.components;

import com.pulumi.core.Output;
import io.idp.platform.support.RequiredArgs;
import java.util.List;

/** The arguments of {@link ApplicationDelivery}; build with {@link #builder()}. */
public final class ApplicationDeliveryArgs {
    private final Builder b;

    private ApplicationDeliveryArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String name() {
        return b.name;
    }

    public String owner() {
        return b.owner;
    }

    public String templateRepository() {
        return b.templateRepository;
    }

    public String gitopsRepository() {
        return b.gitopsRepository;
    }

    public String region() {
        return b.region;
    }

    public Output<String> oidcProviderArn() {
        return b.oidcProviderArn;
    }

    public List<String> environments() {
        return b.environments;
    }

    public Output<String> promotionToken() {
        return b.promotionToken;
    }

    public com.pulumi.github.Provider github() {
        return b.github;
    }

    public boolean protect() {
        return b.protect;
    }

    /** The runs-on label of the application's jobs (repository variable CI_RUNS_ON). */
    public String runsOn() {
        return b.runsOn;
    }

    public String adminsTeam() {
        return b.adminsTeam;
    }

    public Output<String> botTeamId() {
        return b.botTeamId;
    }

    public static final class Builder {
        private String name;
        private String owner;
        private String templateRepository;
        private String gitopsRepository;
        private String region;
        private Output<String> oidcProviderArn;
        private List<String> environments;
        private Output<String> promotionToken;
        private com.pulumi.github.Provider github;
        private boolean protect = true;
        private String adminsTeam;
        private String runsOn = io.idp.platform.config.CiSettings.GITHUB_HOSTED_LABEL;
        private Output<String> botTeamId;

        private Builder() {
        }

        /** Required: the application's name; it names its repository, ECR repositories and CI role. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Required: the GitHub organisation. */
        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        /** Required: the template repository the application is made from. */
        public Builder templateRepository(String templateRepository) {
            this.templateRepository = templateRepository;
            return this;
        }

        /** Required: the gitops repository that promotions open pull requests to. */
        public Builder gitopsRepository(String gitopsRepository) {
            this.gitopsRepository = gitopsRepository;
            return this;
        }

        /** Required: the region of the application's ECR repositories. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Required: the account's GitHub Actions OIDC provider. */
        public Builder oidcProviderArn(Output<String> oidcProviderArn) {
            this.oidcProviderArn = oidcProviderArn;
            return this;
        }

        /** Required: the platform's environments, in promotion order. */
        public Builder environments(List<String> environments) {
            this.environments = environments;
            return this;
        }

        /** Required: the token promotions open pull requests with (secret). */
        public Builder promotionToken(Output<String> promotionToken) {
            this.promotionToken = promotionToken;
            return this;
        }

        /** Required: the git bot's provider. */
        public Builder github(com.pulumi.github.Provider github) {
            this.github = github;
            return this;
        }

        /** Protect the repositories from deletion. Default: true. */
        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        /** Required: the platform admins' team slug, code owners of the repository's workflows. */
        /**
         * Where the application's jobs run: GitHub's {@code ubuntu-latest} (the default) or the management
         * cluster's runner scale set ({@code platform}); the workflows read it as {@code vars.CI_RUNS_ON}.
         */
        public Builder runsOn(String runsOn) {
            this.runsOn = java.util.Objects.requireNonNull(runsOn, "runsOn");
            return this;
        }

        public Builder adminsTeam(String adminsTeam) {
            this.adminsTeam = adminsTeam;
            return this;
        }

        /** Required: the git bot's team, the only bypass actor of the repository's ruleset. */
        public Builder botTeamId(Output<String> botTeamId) {
            this.botTeamId = botTeamId;
            return this;
        }

        public ApplicationDeliveryArgs build() {
            RequiredArgs.of(ApplicationDeliveryArgs.class)
                    .require("name", name).require("owner", owner)
                    .require("templateRepository", templateRepository).require("gitopsRepository", gitopsRepository)
                    .require("region", region).require("oidcProviderArn", oidcProviderArn)
                    .require("environments", environments).require("promotionToken", promotionToken)
                    .require("github", github)
                    .require("botTeamId", botTeamId).require("adminsTeam", adminsTeam).check();
            return new ApplicationDeliveryArgs(this);
        }
    }
}
