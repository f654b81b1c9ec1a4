package io.idp.platform.components;

import com.pulumi.core.Output;
import io.idp.platform.config.People;
import io.idp.platform.support.RequiredArgs;

import java.util.List;

/** The arguments of {@link ClusterAccess}; build with {@link #builder()}. */
public final class ClusterAccessArgs {
    private final Builder b;

    private ClusterAccessArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Output<String> clusterName() {
        return b.clusterName;
    }

    public People people() {
        return b.people;
    }

    public List<String> environments() {
        return b.environments;
    }

    public List<String> applications() {
        return b.applications;
    }

    public static final class Builder {
        private Output<String> clusterName;
        private People people;
        private List<String> environments = List.of();
        private List<String> applications = List.of();

        private Builder() {
        }

        /** Required: the EKS cluster's name, from the cluster itself so the entries wait for it. */
        public Builder clusterName(Output<String> clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        /** Required: the teams and their IAM roles ({@code people.yaml}). */
        public Builder people(People people) {
            this.people = people;
            return this;
        }

        /** The environments whose applications run on this cluster. Default: none (the management cluster). */
        public Builder environments(List<String> environments) {
            this.environments = List.copyOf(environments);
            return this;
        }

        /** The platform's applications ({@code platform:applications}). Default: none. */
        public Builder applications(List<String> applications) {
            this.applications = List.copyOf(applications);
            return this;
        }

        public ClusterAccessArgs build() {
            RequiredArgs.of(ClusterAccessArgs.class).require("clusterName", clusterName).require("people", people).check();
            return new ClusterAccessArgs(this);
        }
    }
}
