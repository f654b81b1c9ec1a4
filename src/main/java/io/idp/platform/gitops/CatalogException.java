package io.idp.platform.gitops;

import io.idp.platform.config.ConfigError;

import java.util.List;

/** The catalog cannot be used; the message names the file and every problem. */
public final class CatalogException extends RuntimeException {
    private final List<ConfigError> errors;

    public CatalogException(String message) {
        super(message);
        this.errors = List.of(new ConfigError("(file)", null, message, "a map with catalogVersion, tools and eksAddons",
                "see the comment at the top of " + Catalog.FILE, Catalog.FILE));
    }

    public CatalogException(List<ConfigError> errors) {
        super(Catalog.FILE + " has " + errors.size() + " problem(s):\n  - "
                + String.join("\n  - ", errors.stream().map(ConfigError::format).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
