package io.idp.platform.bindings.wrong;

import com.pulumi.core.annotations.ResourceType;

/** A binding whose type token the github schema does not have. */
@ResourceType(type = "github:index/repoFile:RepoFile")
public class WrongToken extends com.pulumi.resources.CustomResource {
    private WrongToken(String name) {
        super("github:index/repoFile:RepoFile", name, com.pulumi.resources.ResourceArgs.Empty, null);
    }
}
