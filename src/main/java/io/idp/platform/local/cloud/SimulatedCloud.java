package io.idp.platform.local.cloud;

import com.pulumi.test.Mocks;
import io.idp.platform.local.PlanException;
import io.idp.platform.local.PlanStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The cloud the offline engine plans against: answers each registration with the outputs the real
 * provider would return ({@link ResourceModels}), records what the provider would reject
 * ({@link Constraints}), answers invokes ({@link Invokes}) and resolves stack references from the
 * referenced stack's last offline plan.
 */
public final class SimulatedCloud implements Mocks {
    public static final String STACK_REFERENCE = "pulumi:pulumi:StackReference";

    private final PlanStore plans;
    private final CloudState state = new CloudState();
    private final ResourceModels models;
    /** Creates what a forced replacement creates: the same resource with new ids, endpoints and keys. */
    private final ResourceModels replacements;
    private final java.util.Set<String> replaced;
    private final Constraints constraints;
    private final Invokes invokes;
    private final List<Violation> violations = new ArrayList<>();
    private final Map<String, String> providerConfig;

    public SimulatedCloud(String stack, Account account, PlanStore plans) {
        this(stack, account, plans, Map.of());
    }

    /**
     * @param providerConfig the stack's non-secret provider settings ({@code github:owner} ...), which
     *                       default providers use as the real engine's default providers do
     */
    public SimulatedCloud(String stack, Account account, PlanStore plans, Map<String, String> providerConfig) {
        this(stack, account, plans, providerConfig, java.util.Set.of());
    }

    /** @param replaced resources to create anew (pulumi up --replace), each as {@code <type>::<name>} */
    public SimulatedCloud(String stack, Account account, PlanStore plans, Map<String, String> providerConfig,
                          java.util.Set<String> replaced) {
        var ids = new Ids(stack + "/" + account.accountId() + "/" + account.region());
        this.plans = plans;
        this.models = new ResourceModels(account, ids);
        this.replacements = new ResourceModels(account, new Ids(stack + "/" + account.accountId() + "/" + account.region() + "/replacement"));
        this.replaced = java.util.Set.copyOf(replaced);
        this.constraints = new Constraints(state);
        this.invokes = new Invokes(account, ids);
        this.providerConfig = Map.copyOf(providerConfig);
    }

    public synchronized List<Violation> violations() {
        return List.copyOf(violations);
    }

    @Override
    public synchronized CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        if (STACK_REFERENCE.equals(args.type)) {
            return CompletableFuture.completedFuture(stackReference(args));
        }
        var created = (replaced.contains(args.type + "::" + args.name) ? replacements : models)
                .create(args.type, args.name, args.inputs, providerState(args.type, args.provider));
        // A model derives some outputs from inputs; in a preview an unknown input is absent, and so is what it derives.
        created.state.values().removeIf(java.util.Objects::isNull);
        if (created.id == null) {
            created.id = args.type + "::" + args.name;
        }
        violations.addAll(constraints.check(args.type, args.name, created.state));
        var outputs = new TreeMap<>(created.state);
        outputs.put("id", created.id);
        state.put(args.type, created.id, outputs);
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.ofNullable(created.id), created.state));
    }

    /** The explicit provider's recorded inputs, or the stack's config for the package's default provider. */
    private Map<String, Object> providerState(String type, String provider) {
        if (provider != null && provider.contains("::")) {
            var id = provider.substring(provider.lastIndexOf("::") + 2);
            var explicit = state.byId(id);
            if (explicit.isPresent()) {
                return explicit.get();
            }
        }
        var pkg = type.substring(0, type.indexOf(':')) + ":";
        var settings = new TreeMap<String, Object>();
        providerConfig.forEach((key, value) -> {
            if (key.startsWith(pkg)) {
                settings.put(key.substring(pkg.length()), value);
            }
        });
        return settings;
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return CompletableFuture.completedFuture(invokes.call(args.token, args.args));
    }

    /** A stack reference reads the referenced stack's outputs from its last offline plan. */
    private ResourceResult stackReference(ResourceArgs args) {
        var fullName = String.valueOf(args.inputs.getOrDefault("name", args.name));
        var stack = fullName.substring(fullName.lastIndexOf('/') + 1);
        var plan = plans.read(stack).orElseThrow(() -> new PlanException(
                "stack reference '" + fullName + "': there is no offline plan of stack '" + stack
                        + "' yet (" + plans.path(stack) + "); run ./platform plan " + stack + " first"));
        return ResourceResult.of(Optional.of(fullName), Map.of(
                "name", fullName,
                "outputs", plan.outputs(),
                "secretOutputNames", plan.secretOutputs()));
    }
}
