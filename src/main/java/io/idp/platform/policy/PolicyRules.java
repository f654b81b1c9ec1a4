package io.idp.platform.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every rule the platform checks plans against. */
public final class PolicyRules {
    private static final List<Rule> ALL = all();
    private static final Map<String, Rule> BY_ID = ALL.stream().collect(Collectors.toMap(Rule::id, Function.identity()));

    private PolicyRules() {
    }

    private static List<Rule> all() {
        return all(io.idp.platform.config.KubernetesSupport.planClock());
    }

    /** Every rule, with the time-dependent ones judging on the plan date of {@code clock}. */
    public static List<Rule> list(java.time.Clock clock) {
        return all(clock);
    }

    private static List<Rule> all(java.time.Clock clock) {
        var rules = new ArrayList<Rule>();
        rules.addAll(EksRules.rules(clock));
        rules.addAll(S3Rules.rules());
        rules.addAll(IamRules.rules());
        rules.addAll(InfrastructureRules.rules());
        rules.addAll(GithubRules.rules());
        rules.addAll(ArgoCdRules.rules());
        rules.addAll(TenancyRules.rules());
        rules.addAll(CloudflareRules.rules());
        rules.addAll(TrustRules.rules());
        rules.addAll(RecoveryRules.rules());
        rules.addAll(PeopleRules.rules());
        rules.addAll(QueueRules.rules());
        return List.copyOf(rules);
    }

    public static List<Rule> list() {
        return ALL;
    }

    public static Optional<Rule> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    public static List<String> ids() {
        return ALL.stream().map(Rule::id).toList();
    }
}
