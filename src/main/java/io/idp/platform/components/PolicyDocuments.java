package io.idp.platform.components;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** IAM policy documents built as data and rendered once, so their JSON is always well formed. */
public final class PolicyDocuments {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private PolicyDocuments() {
    }

    public static String document(List<Map<String, Object>> statements) {
        var document = new LinkedHashMap<String, Object>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements);
        return GSON.toJson(stable(document));
    }

    /** Maps built with Map.of have no fixed order: sort them so a document renders the same every run. */
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
            return list.stream().map(PolicyDocuments::stable).toList();
        }
        return value;
    }

    public static Map<String, Object> statement(String sid, String effect, Object principal, List<String> actions,
                                                Object resources, Map<String, Object> condition) {
        var statement = new LinkedHashMap<String, Object>();
        statement.put("Sid", sid);
        statement.put("Effect", effect);
        if (principal != null) {
            statement.put("Principal", principal);
        }
        statement.put("Action", actions);
        if (resources != null) {
            statement.put("Resource", resources);
        }
        if (condition != null && !condition.isEmpty()) {
            statement.put("Condition", condition);
        }
        return statement;
    }

    /** A trust policy that lets one AWS service assume the role. */
    public static String serviceTrust(String service) {
        return document(List.of(statement("AllowServiceToAssume", "Allow", Map.of("Service", service),
                List.of("sts:AssumeRole"), null, null)));
    }
}
