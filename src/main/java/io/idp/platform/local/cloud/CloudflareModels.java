package io.idp.platform.local.cloud;

import io.idp.platform.local.PlanException;

import java.util.List;
import java.util.Map;

/**
 * What Cloudflare returns: zone ids and name servers, record ids, token values (secret), and the
 * account's API token permission groups with their real, documented ids.
 */
final class CloudflareModels {
    /** Permission groups a DNS bot's tokens use; ids as Cloudflare documents them. */
    static final List<Map<String, Object>> PERMISSION_GROUPS = List.of(
            group("4755a26eedb94da69e1066d98aa820be", "DNS Write"),
            group("82e64a83756745bbbb1c9c2701bf816b", "DNS Read"),
            group("c8fed203ed3043cba015a93ad1616f1f", "Zone Read"),
            group("e6d2666161e84845a636613608cee8d5", "Zone Write"),
            group("3030687196b94b638145a3953da2b699", "Zone Settings Write"));
    static final List<String> NAME_SERVERS = List.of("ada.ns.cloudflare.com", "bob.ns.cloudflare.com");

    private CloudflareModels() {
    }

    private static Map<String, Object> group(String id, String name) {
        return Map.of("id", id, "name", name, "scopes", List.of("com.cloudflare.api.account.zone"));
    }

    static void register(ResourceModels m, Ids ids) {
        m.model("cloudflare:index/zone:Zone", c -> {
            c.id = ids.hex(32, "zone", c.input("name"));
            c.put("nameServers", NAME_SERVERS);
            c.put("status", "pending");
            c.put("verificationKey", c.hex(16));
        });
        m.model("cloudflare:index/dnsRecord:DnsRecord", c -> {
            c.id = c.hex(32);
            c.put("proxiable", true);
            c.put("createdOn", "2026-01-01T00:00:00Z");
            c.put("modifiedOn", "2026-01-01T00:00:00Z");
        });
        m.model("cloudflare:index/apiToken:ApiToken", c -> {
            c.id = c.hex(32);
            // Token values are 40 URL-safe characters; this one is derived, never real.
            c.put("value", ids.upper(40, "token", c.type, c.name));
            c.put("issuedOn", "2026-01-01T00:00:00Z");
            c.state.putIfAbsent("status", "active");
        });
        m.model("cloudflare:index/zoneDnssec:ZoneDnssec", c -> {
            c.id = c.input("zoneId");
            c.state.putIfAbsent("status", "active");
            c.put("algorithm", "13");
            c.put("digestType", "2");
            c.put("keyTag", 2371);
            c.put("ds", c.input("zoneId") + ". 3600 IN DS 2371 13 2 " + c.hex(64));
        });
        m.model("cloudflare:index/zoneSetting:ZoneSetting", c -> {
            c.id = c.input("settingId");
            c.put("editable", true);
        });
    }

    /** {@code getZone}: a zone that already exists in the account, found by name (adoption). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> existingZone(Ids ids, Map<String, Object> args) {
        var filter = args.get("filter") instanceof Map<?, ?> f ? (Map<String, Object>) f : Map.<String, Object>of();
        var name = filter.get("name");
        var zoneId = args.get("zoneId");
        if (name == null && zoneId == null) {
            throw new PlanException("cloudflare getZone needs filter.name or zoneId");
        }
        var id = zoneId != null ? String.valueOf(zoneId) : ids.hex(32, "zone", String.valueOf(name));
        return Map.of("id", id, "zoneId", id, "name", name != null ? name : "zone-" + id.substring(0, 8),
                "status", "active", "nameServers", NAME_SERVERS, "paused", false, "type", "full");
    }

    static Map<String, Object> permissionGroups(Map<String, Object> args) {
        var name = args.get("name");
        var results = PERMISSION_GROUPS.stream().filter(g -> name == null || g.get("name").equals(name)).toList();
        return Map.of("id", "permission-groups", "results", results);
    }
}
