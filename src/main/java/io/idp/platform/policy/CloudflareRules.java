package io.idp.platform.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.idp.platform.policy.PlanFacts.*;

/** Cloudflare API tokens: least privilege (Cloudflare's API token guidance). */
final class CloudflareRules {
    static final String TOKEN = "cloudflare:index/apiToken:ApiToken";
    /** DNS Write and Zone Read: all external-dns and cert-manager need. */
    static final Set<String> DNS_GROUPS = Set.of("4755a26eedb94da69e1066d98aa820be", "c8fed203ed3043cba015a93ad1616f1f");

    private CloudflareRules() {
    }

    static List<Rule> rules() {
        var zoneScoped = Map.<String, Object>of("policies", List.of(Map.of("effect", "allow",
                "resources", "{\"com.cloudflare.api.account.zone.0123456789abcdef0123456789abcdef\":\"*\"}",
                "permissionGroups", List.of(Map.of("id", "4755a26eedb94da69e1066d98aa820be")))));
        return List.of(
                new Rule("CF_1", "Cloudflare API token guidance: scope to resources", Severity.MANDATORY, TOKEN,
                        "tokens are limited to named zones", "set the policy's resources to com.cloudflare.api.account.zone.<zone id>",
                        (r, p) -> fail(policies(r).stream().anyMatch(policy -> {
                            var resources = String.valueOf(policy.get("resources"));
                            return !resources.matches("\\{\"com\\.cloudflare\\.api\\.account\\.zone\\.[0-9a-f]{32}\":\"\\*\"(,\"com\\.cloudflare\\.api\\.account\\.zone\\.[0-9a-f]{32}\":\"\\*\")*}");
                        }), "the token reaches beyond named zones"),
                        examples(TOKEN, zoneScoped, Map.of("policies", List.of(Map.of("effect", "allow",
                                "resources", "{\"com.cloudflare.api.account.zone.*\":\"*\"}",
                                "permissionGroups", List.of(Map.of("id", "4755a26eedb94da69e1066d98aa820be"))))))),
                new Rule("CF_2", "Cloudflare API token guidance: least privilege", Severity.MANDATORY, TOKEN,
                        "tokens hold only DNS Write and Zone Read", "drop every other permission group",
                        (r, p) -> fail(policies(r).stream().anyMatch(policy -> policy.get("permissionGroups") instanceof List<?> groups
                                && groups.stream().anyMatch(g -> g instanceof Map<?, ?> m && !DNS_GROUPS.contains(String.valueOf(m.get("id")))))
                                , "the token holds permissions beyond DNS"),
                        examples(TOKEN, zoneScoped, Map.of("policies", List.of(Map.of("effect", "allow",
                                "resources", "{\"com.cloudflare.api.account.zone.0123456789abcdef0123456789abcdef\":\"*\"}",
                                "permissionGroups", List.of(Map.of("id", "e6d2666161e84845a636613608cee8d5"))))))));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> policies(io.idp.platform.local.PlannedResource r) {
        return r.inputs().get("policies") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
