package io.idp.platform.validation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Each way a policy line or setting breaks the platform's RBAC rule, with the message that says so. */
class ArgoCdRbacRulesTest {
    static final String ADMINS = "acme:admins";
    static final String DEVELOPERS = "acme:developers";
    static final String GROUPS = "g, acme:admins, role:admin\ng, acme:developers, role:developer\n";

    static Map<String, Object> values(String csv, String scopes) {
        var rbac = new java.util.HashMap<String, Object>();
        rbac.put("policy.csv", csv);
        if (scopes != null) {
            rbac.put("scopes", scopes);
        }
        return Map.of("configs", Map.of("rbac", rbac));
    }

    @Test
    void eachMalformedLineIsNamedByNumberWithWhatIsWrong() {
        var csv = "# comment\n\n"
                + "p, role:developer, widgets, get, */*, allow\n"
                + "p, role:developer, applications, fly, */*, allow\n"
                + "p, role:developer, applications, get, */*, maybe\n"
                + "g, acme:admins\n"
                + "x, something\n"
                + "p, role:developer, applications, action/restart, */*, allow\n"
                + "  p ,  role:developer ,logs,get,*/*,allow  \n";
        var policy = ArgoCdRbac.parse(values(csv, "[groups]"));
        assertEquals(List.of(
                "configs.rbac.policy.csv line 3 (p, role:developer, widgets, get, */*, allow): unknown resource widgets (Argo CD's: "
                        + "[accounts, applications, applicationsets, certificates, clusters, exec, extensions, gpgkeys, logs, projects, repositories])",
                "configs.rbac.policy.csv line 4 (p, role:developer, applications, fly, */*, allow): unknown action fly",
                "configs.rbac.policy.csv line 5 (p, role:developer, applications, get, */*, maybe): effect must be allow or deny",
                "configs.rbac.policy.csv line 6 (g, acme:admins): a role assignment has 3 fields: g, group, role",
                "configs.rbac.policy.csv line 7 (x, something): a policy line starts with p or g"), policy.problems());
        assertEquals(List.of(new ArgoCdRbac.Permission("role:developer", "applications", "action/restart", "*/*", "allow"),
                new ArgoCdRbac.Permission("role:developer", "logs", "get", "*/*", "allow")), policy.permissions());
        assertEquals("[groups]", policy.scopes());
    }

    @Test
    void theRuleAdmitsOnlyTheTwoTeamsTheGroupsScopeAndDevelopersGettingAndSyncingApplicationsAndLogs() {
        var good = GROUPS + "p, role:developer, applications, get, app-*/*, allow\np, role:developer, applications, sync, app-*/*, allow\n"
                + "p, role:developer, logs, get, app-*/*, allow\n";
        assertEquals(List.of(), ArgoCdRbac.check(ArgoCdRbac.parse(values(good, "[groups]")), ADMINS, DEVELOPERS));

        assertEquals(List.of("configs.rbac.scopes is : teams are read from the groups claim, so it must be [groups]"),
                ArgoCdRbac.check(ArgoCdRbac.parse(values(GROUPS, null)), ADMINS, DEVELOPERS));
        assertEquals(List.of("configs.rbac.policy.csv assigns {acme:admins=[role:admin]}; expected exactly "
                        + "{acme:admins=[role:admin], acme:developers=[role:developer]}"),
                ArgoCdRbac.check(ArgoCdRbac.parse(values("g, acme:admins, role:admin\n", "[groups]")), ADMINS, DEVELOPERS));
        assertEquals(List.of("configs.rbac.policy.csv grants Permission[subject=role:admin, resource=clusters, action=get, object=*, effect=allow]"
                        + " to role:admin; only role:developer has permissions of its own (role:admin is built in)"),
                ArgoCdRbac.check(ArgoCdRbac.parse(values(GROUPS + "p, role:admin, clusters, get, *, allow\n", "[groups]")), ADMINS, DEVELOPERS));
        for (var line : List.of("p, role:developer, applications, get, */*, deny", "p, role:developer, projects, get, */*, allow",
                "p, role:developer, applications, delete, */*, allow")) {
            var fields = line.split(", ");
            assertEquals(List.of("configs.rbac.policy.csv grants developers " + fields[2] + " " + fields[3]
                            + "; developers may only get and sync applications and get logs"),
                    ArgoCdRbac.check(ArgoCdRbac.parse(values(GROUPS + line + "\n", "[groups]")), ADMINS, DEVELOPERS), line);
        }
    }

    @Test
    void noRbacSettingsAtAllIsAnEmptyPolicy() {
        var policy = ArgoCdRbac.parse(Map.of());
        assertEquals(new ArgoCdRbac.Policy(List.of(), Map.of(), "", "", List.of()), policy);
        assertEquals(policy, ArgoCdRbac.parse(Map.of("configs", "x")));
        assertEquals(policy, ArgoCdRbac.parse(Map.of("configs", Map.of("rbac", "x"))));
    }
}
