package io.idp.platform.local.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** What the simulated cloud holds so far in this plan: each resource's state by id and by type. */
final class CloudState {
    private final Map<String, Map<String, Object>> byId = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> byType = new ConcurrentHashMap<>();

    void put(String type, String id, Map<String, Object> state) {
        byId.put(id, state);
        byType.computeIfAbsent(type, t -> java.util.Collections.synchronizedList(new ArrayList<>())).add(state);
    }

    Optional<Map<String, Object>> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<Map<String, Object>> ofType(String type) {
        var list = byType.get(type);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }
}
