package io.idp.platform.bindings.wrong;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Optional;

/** A deliberately wrong binding of github RepositoryFile: the conformance checker must report each mistake. */
@ResourceType(type = "github:index/repositoryFile:RepositoryFile")
public class WrongRepositoryFile extends com.pulumi.resources.CustomResource {
    /** Wrong type: the schema says string. */
    @Export(name = "content", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> content;

    /** Not in the schema (it is "content"). */
    @Export(name = "contents", refs = {String.class}, tree = "[0]")
    private Output<String> contents;

    /** Always set according to the schema, yet exposed as Optional. */
    @Export(name = "sha", refs = {String.class}, tree = "[0]")
    private Output<String> sha;

    public Output<Optional<String>> sha() {
        return Codegen.optional(sha);
    }

    private WrongRepositoryFile(String name) {
        super("github:index/repositoryFile:RepositoryFile", name, WrongRepositoryFileArgs.Empty, null);
    }

    private static CustomResourceOptions makeResourceOptions(CustomResourceOptions options, Output<String> id) {
        return CustomResourceOptions.merge(CustomResourceOptions.builder().build(), options, id);
    }
}
