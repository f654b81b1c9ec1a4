package io.idp.platform.support;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON text that renders the same on every run: maps built with Map.of have no fixed order, so
 * they are sorted (LinkedHashMaps keep the order they were built in). A plan must not change
 * because a map iterated differently.
 */
public final class Json {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Json() {
    }

    public static String render(Object value) {
        return GSON.toJson(stable(value));
    }

    private static Object stable(Object value) {
        if (value instanceof LinkedHashMap<?, ?> ordered) {
            var copy = new LinkedHashMap<Object, Object>();
            ordered.forEach((k, v) -> copy.put(k, stable(v)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            var sorted = new TreeMap<String, Object>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), stable(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Json::stable).toList();
        }
        return value;
    }
}
