package io.idp.platform.bindings.wrong;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;

/** Inputs of github ActionsSecret whose builder keeps the secret value in plain text. */
public final class WrongActionsSecretArgs extends com.pulumi.resources.ResourceArgs {
    @Import(name = "repository", required = true)
    private Output<String> repository;

    @Import(name = "secretName", required = true)
    private Output<String> secretName;

    @Import(name = "plaintextValue")
    private Output<String> plaintextValue;

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final WrongActionsSecretArgs $ = new WrongActionsSecretArgs();

        public Builder plaintextValue(Output<String> plaintextValue) {
            $.plaintextValue = plaintextValue;
            return this;
        }

        public WrongActionsSecretArgs build() {
            return $;
        }
    }
}
