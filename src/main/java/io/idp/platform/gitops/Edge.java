package io.idp.platform.gitops;

import io.idp.platform.config.EdgeScheme;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The names every cluster's edge shares (docs/edge.md) and the template variables of its load balancer:
 * one GatewayClass {@value #GATEWAY_CLASS}, one Gateway {@value #GATEWAY} in Envoy Gateway's namespace
 * with an HTTPS listener {@value #HTTPS_LISTENER} for {@code *.<cluster hostname>} and an HTTP listener
 * {@value #HTTP_LISTENER} that only redirects.
 */
public final class Edge {
    public static final String GATEWAY_CLASS = "envoy";
    public static final String GATEWAY = "platform";
    public static final String HTTPS_LISTENER = "https";
    public static final String HTTP_LISTENER = "http";

    private Edge() {
    }

    /** {@code edge.scheme} (the AWS scheme annotation) and {@code edge.internal} (the in-tree provider's annotation). */
    public static Map<String, String> variables(EdgeScheme scheme) {
        var variables = new TreeMap<String, String>();
        variables.put("edge.scheme", scheme.configValue());
        variables.put("edge.internal", String.valueOf(scheme.internal()));
        return variables;
    }

    /** CIDRs as a YAML flow sequence of quoted strings, for a template's list value. */
    public static String cidrList(List<String> cidrs) {
        return cidrs.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * The hostname of an application in an environment on a cluster: one label under the cluster's
     * hostname ({@code <app>-<env>.<cluster hostname>}), so the Gateway's wildcard certificate covers it.
     */
    public static String applicationHostname(String app, String environment, String hostnameSuffix) {
        return app + "-" + environment + hostnameSuffix;
    }
}
