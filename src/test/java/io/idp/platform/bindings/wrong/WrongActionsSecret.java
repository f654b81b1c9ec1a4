package io.idp.platform.bindings.wrong;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;

/** A deliberately wrong binding of github ActionsSecret: its secrets are not declared secret. */
@ResourceType(type = "github:index/actionsSecret:ActionsSecret")
public class WrongActionsSecret extends com.pulumi.resources.CustomResource {
    @Export(name = "plaintextValue", refs = {String.class}, tree = "[0]")
    private Output<String> plaintextValue;

    private WrongActionsSecret(String name) {
        super("github:index/actionsSecret:ActionsSecret", name, WrongActionsSecretArgs.builder().build(), null);
    }

    private static CustomResourceOptions makeResourceOptions(CustomResourceOptions options, Output<String> id) {
        return CustomResourceOptions.merge(CustomResourceOptions.builder().build(), options, id);
    }
}
