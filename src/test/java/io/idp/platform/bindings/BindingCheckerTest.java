package io.idp.platform.bindings;

import io.idp.platform.bindings.wrong.WrongActionsSecret;
import io.idp.platform.bindings.wrong.WrongActionsSecretArgs;
import io.idp.platform.bindings.wrong.WrongRepositoryFile;
import io.idp.platform.bindings.wrong.WrongRepositoryFileArgs;
import io.idp.platform.bindings.wrong.WrongToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The conformance check can fail: deliberately wrong bindings are reported property by property. */
class BindingCheckerTest {
    final ProviderSchema github = ProviderSchema.load("github-6.15.0.json");

    @Test
    void reportsEachWrongExportAndInputOfAResource() {
        var checker = new BindingChecker(github);
        checker.checkResource(WrongRepositoryFile.class, WrongRepositoryFileArgs.class);
        assertEquals(List.of(
                "WrongRepositoryFile.content: type Integer but the schema says String",
                "WrongRepositoryFile.contents: exported but not a property in the schema",
                "WrongRepositoryFile.sha: the schema always sets it but the getter is Optional",
                "WrongRepositoryFileArgs.content: required is false but the schema says true",
                "WrongRepositoryFileArgs.branch: type Integer but the schema says String",
                "WrongRepositoryFileArgs.file: required input is missing",
                "WrongRepositoryFileArgs.repository: required input is missing"), checker.problems());
    }

    @Test
    void reportsSecretsThatAreNotSecret() {
        var checker = new BindingChecker(github);
        checker.checkResource(WrongActionsSecret.class, WrongActionsSecretArgs.class);
        assertEquals(List.of(
                "WrongActionsSecret.plaintextValue: secret in the schema but not in additionalSecretOutputs",
                "WrongActionsSecretArgs.plaintextValue: secret in the schema but the builder keeps it in plain text"),
                checker.problems());
    }

    @Test
    void reportsATypeTokenTheSchemaDoesNotHave() {
        var checker = new BindingChecker(github);
        checker.checkResource(WrongToken.class, WrongRepositoryFileArgs.class);
        assertEquals(List.of("WrongToken: type token github:index/repoFile:RepoFile is not in the github schema"), checker.problems());
    }

    @Test
    void acceptsTheRealBindingOfTheSameResource() {
        var checker = new BindingChecker(github);
        checker.checkResource(com.pulumi.github.RepositoryFile.class, com.pulumi.github.RepositoryFileArgs.class);
        assertEquals(List.of(), checker.problems());
    }
}
