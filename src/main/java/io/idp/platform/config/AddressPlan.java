package io.idp.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The VPC ranges of all stacks of the platform (one account, peerable networks): no two may overlap,
 * and a new stack gets the next free range of the same size.
 */
public final class AddressPlan {
    private final Map<String, Cidr> byStack;

    public AddressPlan(Map<String, Cidr> byStack) {
        this.byStack = new TreeMap<>(byStack);
    }

    /** Errors for {@code stack}'s range overlapping any other stack's. */
    public List<ConfigError> overlaps(String stack, Cidr cidr) {
        var errors = new ArrayList<ConfigError>();
        byStack.forEach((other, otherCidr) -> {
            if (!other.equals(stack) && otherCidr.overlaps(cidr)) {
                var free = nextFree(cidr.prefix(), stack).map(c -> "platform:vpcCidr: " + c).orElse(null);
                errors.add(new ConfigError("platform:vpcCidr", cidr.toString(),
                        "overlaps the VPC of stack " + other + " (" + otherCidr + "); stacks' networks must not overlap",
                        "a private range no other stack uses", free));
            }
        });
        return errors;
    }

    /** The first range of this size in 10.0.0.0/8 that overlaps no stack (other than {@code except}). */
    public Optional<Cidr> nextFree(int prefix, String except) {
        var space = Cidr.parse("10.0.0.0/8").orElseThrow();
        long count = 1L << (prefix - space.prefix());
        for (int i = 0; i < count; i++) {
            var candidate = space.subnet(prefix, i);
            boolean taken = byStack.entrySet().stream()
                    .anyMatch(e -> !e.getKey().equals(except) && e.getValue().overlaps(candidate));
            if (!taken) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
