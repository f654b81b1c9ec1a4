package io.idp.platform.components;

import com.pulumi.core.Output;
import io.idp.platform.config.People;
import io.idp.platform.support.RequiredArgs;

import java.util.Map;
import java.util.TreeMap;

/** The arguments of {@link PlatformTeams}; build with {@link #builder()}. */
public final class PlatformTeamsArgs {
    private final Builder b;

    private PlatformTeamsArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public People people() {
        return b.people;
    }

    public Map<String, Output<String>> repositories() {
        return b.repositories;
    }

    public static final class Builder {
        private People people;
        private final Map<String, Output<String>> repositories = new TreeMap<>();

        private Builder() {
        }

        /** Required: the teams and people ({@code people.yaml}). */
        public Builder people(People people) {
            this.people = people;
            return this;
        }

        /**
         * A repository the teams get permissions on, under a short label that names the permission's
         * resource ({@code gitops}, {@code platform}, an application's name). Default: none.
         */
        public Builder repository(String label, Output<String> name) {
            this.repositories.put(label, name);
            return this;
        }

        public PlatformTeamsArgs build() {
            RequiredArgs.of(PlatformTeamsArgs.class).require("people", people).check();
            return new PlatformTeamsArgs(this);
        }
    }
}
