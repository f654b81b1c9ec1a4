package io.idp.platform;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering the build enforces. The product is the infrastructure program: typed configuration at
 * the bottom, then support code and the management outputs contract, then the components and the
 * gitops renderer beside each other, then the stacks that compose them, then the program entry. The
 * offline tooling (engine, simulated cloud, CLI, policy, graph, rendered-repository checks, benchmark)
 * sits on top: it runs the program in-process and may use all of it; the program never uses it.
 */
public final class Architecture {
    public static final String ROOT = "io.idp.platform";

    private Architecture() {
    }

    /** Each layer names the only layers it may use; a dependency any other way is a violation naming both classes. */
    public static ArchRule layers() {
        return Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("config").definedBy(ROOT + ".config..")
                .layer("support").definedBy(ROOT + ".support..")
                .layer("contract").definedBy(ROOT + ".contract..")
                .layer("components").definedBy(ROOT + ".components..")
                .layer("gitops").definedBy(ROOT + ".gitops..")
                .layer("stacks").definedBy(ROOT + ".stacks..")
                .layer("program entry").definedBy(classNamed(ROOT + ".PlatformProgram"))
                .layer("tooling").definedBy(ROOT + ".local..", ROOT + ".cli..", ROOT + ".policy..", ROOT + ".graph..",
                        ROOT + ".validation..", ROOT + ".bench..")
                .layer("tooling entry").definedBy(classNamed(ROOT + ".Main"))
                .whereLayer("config").mayNotAccessAnyLayer()
                .whereLayer("support").mayOnlyAccessLayers("config")
                .whereLayer("contract").mayOnlyAccessLayers("config")
                .whereLayer("components").mayOnlyAccessLayers("config", "support", "contract")
                .whereLayer("gitops").mayOnlyAccessLayers("config", "support")
                .whereLayer("stacks").mayOnlyAccessLayers("config", "support", "contract", "components", "gitops")
                .whereLayer("program entry").mayOnlyAccessLayers("config", "support", "contract", "components", "gitops", "stacks")
                .whereLayer("tooling").mayOnlyBeAccessedByLayers("tooling entry")
                .whereLayer("tooling entry").mayNotBeAccessedByAnyLayer()
                .because("the infrastructure program must read on its own, and the tooling around it depend on it, never the reverse");
    }

    /** No two packages (with their sub-packages) may depend on each other, directly or around a loop. */
    public static ArchRule noCycles() {
        return slices().matching(ROOT + ".(*)..").namingSlices("package $1").should().beFreeOfCycles();
    }

    /** A class and its nested classes. */
    private static DescribedPredicate<JavaClass> classNamed(String name) {
        return DescribedPredicate.describe(name, c -> c.getName().equals(name) || c.getName().startsWith(name + "$"));
    }
}
