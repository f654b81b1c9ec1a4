package io.idp.platform.validation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Argo CD's RBAC policy as the program and the gitops repository set it: admins, developers, nobody else. */
class ArgoCdRbacTest {
    static final String ADMINS = Rendered.TEAMS.admins();
    static final String DEVELOPERS = Rendered.TEAMS.developers();

    static Map<String, Object> argoCdValues() {
        return Rendered.releases().stream().filter(r -> r.chart().equals("argo-cd")).findFirst().orElseThrow().values();
    }

    @Test
    void theProgramsPolicyGrantsExactlyAdminsAndDevelopers() {
        var policy = ArgoCdRbac.parse(argoCdValues());
        assertEquals(List.of(), ArgoCdRbac.check(policy, ADMINS, DEVELOPERS));
        assertEquals(Map.of(ADMINS, List.of("role:admin"), DEVELOPERS, List.of("role:developer")), policy.groupRoles());
        assertEquals("", policy.defaultRole());
        assertEquals(List.of(
                new ArgoCdRbac.Permission("role:developer", "applications", "get", "*/*", "allow"),
                new ArgoCdRbac.Permission("role:developer", "applications", "sync", "*/*", "allow"),
                new ArgoCdRbac.Permission("role:developer", "logs", "get", "*/*", "allow")), policy.permissions());
    }

    @Test
    void aDefaultRoleAWiderGrantOrAMalformedLineFails() {
        var csv = "p, role:developer, applications, delete, */*, allow\n"
                + "p, role:developer, applications\n"
                + "g, " + ADMINS + ", role:admin\n"
                + "g, " + DEVELOPERS + ", role:developer\n"
                + "g, someone:else, role:admin\n";
        var values = Map.<String, Object>of("configs", Map.of("rbac", Map.of("policy.default", "role:readonly", "scopes", "[groups]", "policy.csv", csv)));
        var problems = ArgoCdRbac.check(ArgoCdRbac.parse(values), ADMINS, DEVELOPERS);
        assertEquals(4, problems.size(), String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.contains("line 2") && p.contains("6 fields")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("policy.default is role:readonly")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("someone:else")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("applications delete")), problems.toString());
    }
}
