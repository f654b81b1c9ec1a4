package io.idp.platform.components;

import com.pulumi.core.Output;
import io.idp.platform.support.RequiredArgs;

import java.util.List;
import java.util.Optional;

/** The arguments of {@link BotAccounts}; build with {@link #builder()}. */
public final class BotAccountsArgs {
    private final Builder b;

    private BotAccountsArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String clusterName() { return b.clusterName; }
    public String githubOwner() { return b.githubOwner; }
    public String platformRepo() { return b.platformRepo; }
    public String alertsEmail() { return b.alertsEmail; }
    public Output<String> githubToken() { return b.githubToken; }
    public Output<String> cloudflareToken() { return b.cloudflareToken; }
    public Optional<String> existingOidcProviderArn() { return b.existingOidcProviderArn; }
    public Output<String> stateBucketArn() { return b.stateBucketArn; }
    public Output<String> stateKeyArn() { return b.stateKeyArn; }
    public SecretStore secretStore() { return b.secretStore; }

    /**
     * The only subjects the roles trust: a job that names a GitHub environment presents
     * {@code repo:<owner>/<repo>:environment:<name>} (and no branch). Preview (read only, can read
     * the state): the reviewed {@code preview} environment and the main-only {@code drift} one.
     * Deploy: the main-only {@code platform} environment. No other workflow, branch or pull
     * request of the repository can assume either role.
     */
    public List<String> previewSubjects() {
        return List.of(environmentSubject(BotAccounts.PREVIEW_ENVIRONMENT), environmentSubject(BotAccounts.DRIFT_ENVIRONMENT));
    }

    public String deploySubject() {
        return environmentSubject(BotAccounts.DEPLOY_ENVIRONMENT);
    }

    private String environmentSubject(String environment) {
        return "repo:" + b.githubOwner + "/" + b.platformRepo + ":environment:" + environment;
    }

    public static final class Builder {
        private String clusterName;
        private String githubOwner;
        private String platformRepo;
        private String alertsEmail;
        private Output<String> githubToken;
        private Output<String> cloudflareToken;
        private Optional<String> existingOidcProviderArn = Optional.empty();
        private Output<String> stateBucketArn;
        private Output<String> stateKeyArn;
        private SecretStore secretStore;

        private Builder() {
        }

        /** Required: the management cluster; it names the CI roles {@code <cluster>-ci-preview} and {@code <cluster>-ci-deploy}. */
        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        /** Required: the GitHub organisation of the platform's repositories. */
        public Builder githubOwner(String githubOwner) {
            this.githubOwner = githubOwner;
            return this;
        }

        /** Required: the repository of this program, the only one whose workflows may assume the CI roles. */
        public Builder platformRepo(String platformRepo) {
            this.platformRepo = platformRepo;
            return this;
        }

        /** Required: the team's distribution list, for ACME registration and alerts. */
        public Builder alertsEmail(String alertsEmail) {
            this.alertsEmail = alertsEmail;
            return this;
        }

        /** Required: the git bot's GitHub token (secret); it goes to the secret store. */
        public Builder githubToken(Output<String> githubToken) {
            this.githubToken = githubToken;
            return this;
        }

        /** Required: the DNS bot's Cloudflare token (secret); it goes to the secret store. */
        public Builder cloudflareToken(Output<String> cloudflareToken) {
            this.cloudflareToken = cloudflareToken;
            return this;
        }

        /**
         * The account's GitHub Actions OIDC provider, when one exists already (an account has at most one
         * per URL). Default: none, the provider is created.
         */
        public Builder existingOidcProviderArn(Optional<String> existingOidcProviderArn) {
            this.existingOidcProviderArn = existingOidcProviderArn;
            return this;
        }

        /** Required: the state bucket the preview role may read ({@link StateStore#bucketArn()}). */
        public Builder stateBucketArn(Output<String> stateBucketArn) {
            this.stateBucketArn = stateBucketArn;
            return this;
        }

        /** Required: the state bucket's KMS key, which the preview role may decrypt with ({@link StateStore#keyArn()}). */
        public Builder stateKeyArn(Output<String> stateKeyArn) {
            this.stateKeyArn = stateKeyArn;
            return this;
        }

        /** Required: where the bots' tokens are stored. */
        public Builder secretStore(SecretStore secretStore) {
            this.secretStore = secretStore;
            return this;
        }

        public BotAccountsArgs build() {
            RequiredArgs.of(BotAccountsArgs.class).require("clusterName", clusterName).require("githubOwner", githubOwner)
                    .require("platformRepo", platformRepo).require("alertsEmail", alertsEmail)
                    .require("githubToken", githubToken).require("cloudflareToken", cloudflareToken)
                    .require("stateBucketArn", stateBucketArn).require("stateKeyArn", stateKeyArn)
                    .require("secretStore", secretStore).check();
            return new BotAccountsArgs(this);
        }
    }
}
