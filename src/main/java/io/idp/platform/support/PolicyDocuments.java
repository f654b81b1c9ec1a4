package io.idp.platform.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** IAM policy documents built as data and rendered once, so their JSON is always well formed. */
public final class PolicyDocuments {
    private PolicyDocuments() {
    }

    public static String document(List<Map<String, Object>> statements) {
        var document = new LinkedHashMap<String, Object>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements);
        return Json.render(document);
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
