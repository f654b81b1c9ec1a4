package io.idp.platform.components;

import com.pulumi.core.Output;
import io.idp.platform.support.RequiredArgs;

/** The arguments of a {@link GitopsRepo}; build with {@link #builder()}. */
public final class GitopsRepoArgs {
    public static final String DEFAULT_NAME = "gitops";

    private final Builder b;

    private GitopsRepoArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String owner() { return b.owner; }
    public String name() { return b.name; }
    public String clusterName() { return b.clusterName; }
    public boolean protect() { return b.protect; }
    public boolean adopt() { return b.adopt; }
    public String webhookUrl() { return b.webhookUrl; }
    public SecretStore secretStore() { return b.secretStore; }

    public Output<String> botTeamId() {
        return b.botTeamId;
    }

    public static final class Builder {
        private String owner;
        private String name = DEFAULT_NAME;
        private String clusterName;
        private boolean protect = true;
        private boolean adopt = false;
        private String webhookUrl;
        private SecretStore secretStore;
        private Output<String> botTeamId;

        private Builder() {
        }

        /** Required: the GitHub organisation that owns the repository. */
        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        /** The repository's name. Default: {@value #DEFAULT_NAME}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Required: the management cluster whose Argo CD reads the repository (named in its deploy key). */
        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        /** Protect the repository from deletion (it is archived on destroy either way). Default: true. */
        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        /** Take over a repository that already exists (imported into the stack) instead of creating it. Default: false. */
        public Builder adopt(boolean adopt) {
            this.adopt = adopt;
            return this;
        }

        /** Required: where GitHub tells Argo CD about pushes, so it syncs at once instead of polling. */
        public Builder webhookUrl(String webhookUrl) {
            this.webhookUrl = webhookUrl;
            return this;
        }

        /** Required: where Argo CD's deploy key is stored. */
        public Builder secretStore(SecretStore secretStore) {
            this.secretStore = secretStore;
            return this;
        }

        /** Required: the git bot's team, the only bypass actor of main's ruleset. */
        public Builder botTeamId(Output<String> botTeamId) {
            this.botTeamId = botTeamId;
            return this;
        }

        public GitopsRepoArgs build() {
            RequiredArgs.of(GitopsRepoArgs.class).require("owner", owner).require("clusterName", clusterName)
                    .require("webhookUrl", webhookUrl).require("secretStore", secretStore).require("botTeamId", botTeamId).check();
            return new GitopsRepoArgs(this);
        }
    }
}
