package io.idp.platform.bindings.wrong;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;

/** Deliberately wrong inputs of github RepositoryFile. */
public final class WrongRepositoryFileArgs extends com.pulumi.resources.ResourceArgs {
    public static final WrongRepositoryFileArgs Empty = new WrongRepositoryFileArgs();

    /** Required in the schema, declared optional; "file" and "repository" are missing altogether. */
    @Import(name = "content")
    private Output<String> content;

    /** Wrong type: the schema says string. */
    @Import(name = "branch")
    private Output<Integer> branch;
}
