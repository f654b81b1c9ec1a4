package io.idp.platform.gitops;

/** The catalog cannot be used; the message names the file and every problem. */
public final class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }
}
