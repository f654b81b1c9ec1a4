package io.idp.platform.components;

import com.pulumi.core.Output;
import io.idp.platform.support.RequiredArgs;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.Predicate;

/** The arguments of {@link RepositoryFiles}; build with {@link #builder()}. */
public final class RepositoryFilesArgs {
    private final Builder b;

    private RepositoryFilesArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Output<String> repository() {
        return b.repository;
    }

    public SortedSet<String> paths() {
        return b.paths;
    }

    public Output<SortedMap<String, String>> contents() {
        return b.contents;
    }

    public Predicate<String> keep() {
        return b.keep;
    }

    public String source() {
        return b.source;
    }

    public boolean seedOnly() {
        return b.seedOnly;
    }

    public static final class Builder {
        private Output<String> repository;
        private SortedSet<String> paths;
        private Output<SortedMap<String, String>> contents;
        private Predicate<String> keep = path -> false;
        private String source;
        private boolean seedOnly = false;

        private Builder() {
        }

        /** Required: the repository's name. */
        public Builder repository(Output<String> repository) {
            this.repository = repository;
            return this;
        }

        /** Required: the files, known before their contents. */
        public Builder paths(SortedSet<String> paths) {
            this.paths = paths;
            return this;
        }

        /** Required: path to content; contents may wait on other resources' outputs. */
        public Builder contents(Output<SortedMap<String, String>> contents) {
            this.contents = contents;
            return this;
        }

        /** Paths that stay in the repository when the stack is destroyed. Default: none. */
        public Builder keep(Predicate<String> keep) {
            this.keep = keep;
            return this;
        }

        /** Required: named in each commit message. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** Write each file once and leave later changes to someone else (application CI). Default: false. */
        public Builder seedOnly(boolean seedOnly) {
            this.seedOnly = seedOnly;
            return this;
        }

        public RepositoryFilesArgs build() {
            RequiredArgs.of(RepositoryFilesArgs.class)
                    .require("repository", repository).require("paths", paths)
                    .require("contents", contents).require("source", source)
                    .check();
            return new RepositoryFilesArgs(this);
        }
    }
}
