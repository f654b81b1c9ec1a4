package io.idp.platform.gitops;

import java.util.List;

/** Templates that cannot be rendered: every problem, each naming a file and line. */
public final class RenderException extends RuntimeException {
    private final List<String> problems;

    public RenderException(List<String> problems) {
        super("the gitops templates cannot be rendered:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
