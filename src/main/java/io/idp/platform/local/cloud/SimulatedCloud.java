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

    private final Account account;
    private final PlanStore plans;
    private final CloudState state = new CloudState();
    private final ResourceModels models;
    private final Constraints constraints;
    private final Invokes invokes;
    private final List<Violation> violations = new ArrayList<>();

    public SimulatedCloud(String stack, Account account, PlanStore plans) {
        var ids = new Ids(stack + "/" + account.accountId() + "/" + account.region());
        this.account = account;
        this.plans = plans;
        this.models = new ResourceModels(account, ids);
        this.constraints = new Constraints(state);
        this.invokes = new Invokes(account);
    }

    public Account account() {
        return account;
    }

    public synchronized List<Violation> violations() {
        return List.copyOf(violations);
    }

    @Override
    public synchronized CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        if (STACK_REFERENCE.equals(args.type)) {
            return CompletableFuture.completedFuture(stackReference(args));
        }
        var created = models.create(args.type, args.name, args.inputs);
        violations.addAll(constraints.check(args.type, args.name, created.state));
        var outputs = new TreeMap<>(created.state);
        outputs.put("id", created.id);
        state.put(args.type, created.id, outputs);
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.ofNullable(created.id), created.state));
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
