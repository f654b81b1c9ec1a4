package io.idp.platform.support;

import com.pulumi.core.Alias;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceTransformation;

import java.util.Optional;

/**
 * Keeps the state of resources that moved under a component: each direct child of a component of
 * the given type gets the alias of its former place at the stack's root ({@code noParent}), and the
 * engine derives its children's former URNs from it. Stacks deployed before the component existed
 * are updated in place instead of replaced; for new stacks the alias matches nothing and is harmless.
 */
public final class FormerlyAtRoot implements ResourceTransformation {
    private final Class<? extends ComponentResource> component;

    private FormerlyAtRoot(Class<? extends ComponentResource> component) {
        this.component = component;
    }

    /** Options for a component whose direct children once were at the stack's root. */
    public static ComponentResourceOptions children(Class<? extends ComponentResource> component, ComponentResourceOptions options) {
        return ComponentResourceOptions.merge(options, ComponentResourceOptions.builder()
                .resourceTransformations(new FormerlyAtRoot(component)).build());
    }

    @Override
    public Optional<Result> apply(Args args) {
        var options = args.options();
        if (options.getParent().filter(component::isInstance).isEmpty()) {
            return Optional.empty();
        }
        if (options instanceof CustomResourceOptions custom) {
            return Optional.of(new Result(args.args(),
                    CustomResourceOptions.merge(custom, CustomResourceOptions.builder().aliases(Alias.noParent()).build())));
        }
        if (options instanceof ComponentResourceOptions component) {
            return Optional.of(new Result(args.args(),
                    ComponentResourceOptions.merge(component, ComponentResourceOptions.builder().aliases(Alias.noParent()).build())));
        }
        return Optional.empty();
    }
}
