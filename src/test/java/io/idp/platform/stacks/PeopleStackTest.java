package io.idp.platform.stacks;

import io.idp.platform.TestProject;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/** The shipped people.yaml as the shipped stacks plan it: GitHub, Argo CD and each cluster's access. */
class PeopleStackTest {
    static final String TEAM = "github:index/team:Team";
    static final String MEMBERSHIP = "github:index/teamMembership:TeamMembership";
    static final String PERMISSION = "github:index/teamRepository:TeamRepository";
    static final String ENTRY = "aws:eks/accessEntry:AccessEntry";
    static final String ASSOCIATION = "aws:eks/accessPolicyAssociation:AccessPolicyAssociation";
    static final String ROLES = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_";
    @TempDir
    static Path dir;
    static Plan mgmt;
    static Plan productionEast;
    static Plan staging;

    @BeforeAll
    static void plan() {
        TestProject.copyOfRepository(dir);
        var engine = new OfflineEngine(dir);
        mgmt = engine.plan("mgmt").plan();
        engine.plans().write(mgmt);
        productionEast = engine.plan("production-east").plan();
        staging = engine.plan("staging").plan();
    }

    static PlannedResource named(Plan plan, String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " " + name));
    }

    @Test
    void everyTeamIsAGithubTeamNestedAsTheFileNestsIt() {
        var teams = new TreeMap<String, Object>();
        mgmt.ofType(TEAM).stream().filter(t -> t.name().startsWith("teams-")).forEach(t -> teams.put(t.name(), t.inputs().get("name")));
        assertEquals(Map.of("teams-admins", "platform-admins", "teams-developers", "developers", "teams-contractors", "contractors"), teams);
        var developers = named(mgmt, TEAM, "teams-developers");
        var contractors = named(mgmt, TEAM, "teams-contractors");
        assertEquals(developers.outputs().get("id"), contractors.inputs().get("parentTeamId"));
        assertNull(developers.inputs().get("parentTeamId"));
        assertEquals(false, developers.inputs().get("createDefaultMaintainer"), "the git bot is not made a member");
    }

    @Test
    void eachPersonIsAMemberOfTheirTeamsWithTheirRole() {
        var memberships = new TreeMap<String, String>();
        mgmt.ofType(MEMBERSHIP).forEach(m -> memberships.put(m.name(), m.inputs().get("username") + " " + m.inputs().get("role")));
        assertEquals(Map.of(
                "teams-admins-ada-platform", "ada-platform maintainer",
                "teams-admins-grace-platform", "grace-platform member",
                "teams-developers-grace-platform", "grace-platform maintainer",
                "teams-developers-linus-dev", "linus-dev member",
                "teams-contractors-margaret-contractor", "margaret-contractor member"), memberships);
        assertEquals(named(mgmt, TEAM, "teams-contractors").outputs().get("id"),
                named(mgmt, MEMBERSHIP, "teams-contractors-margaret-contractor").inputs().get("teamId"));
    }

    @Test
    void adminsMaintainAndDevelopersPushEveryPlatformRepositoryChildTeamsInherit() {
        var permissions = new TreeMap<String, String>();
        mgmt.ofType(PERMISSION).stream().filter(p -> p.name().startsWith("teams-"))
                .forEach(p -> permissions.put(p.name(), p.inputs().get("repository") + " " + p.inputs().get("permission")));
        assertEquals(Map.of(
                "teams-admins-gitops", "gitops maintain",
                "teams-admins-platform", "platform maintain",
                "teams-admins-app-hello", "hello maintain",
                "teams-developers-gitops", "gitops push",
                "teams-developers-platform", "platform push",
                "teams-developers-app-hello", "hello push"), permissions);
    }

    @Test
    void argoCdListsEveryTeamInDexAndGivesNarrowerTeamsRolesInTheirEnvironmentsOnly() {
        var release = mgmt.ofType("kubernetes:helm.sh/v3:Release").stream()
                .filter(r -> "argo-cd".equals(r.inputs().get("chart"))).findFirst().orElseThrow();
        var dex = String.valueOf(TenancyStackTest.at(release.inputs(), "values", "configs", "cm", "dex.config"));
        assertTrue(dex.contains("teams: [platform-admins, developers, contractors]\n"), dex);
        var project = TenancyStackTest.all(mgmt, "AppProject").stream()
                .filter(p -> "app-hello".equals(TenancyStackTest.at(p, "metadata", "name"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        var roles = (List<Map<String, Object>>) TenancyStackTest.at(project, "spec", "roles");
        assertEquals(1, roles.size(), "only the narrower team; admins and developers have global roles");
        assertEquals("contractors", roles.get(0).get("name"));
        assertEquals(List.of("acme-platform:contractors"), roles.get(0).get("groups"));
        assertEquals(List.of(
                "p, proj:app-hello:contractors, applications, get, app-hello/hello-development-staging, allow",
                "p, proj:app-hello:contractors, applications, sync, app-hello/hello-development-staging, allow",
                "p, proj:app-hello:contractors, logs, get, app-hello/hello-development-staging, allow",
                "p, proj:app-hello:contractors, applications, get, app-hello/hello-staging-staging, allow",
                "p, proj:app-hello:contractors, applications, sync, app-hello/hello-staging-staging, allow",
                "p, proj:app-hello:contractors, logs, get, app-hello/hello-staging-staging, allow"), roles.get(0).get("policies"));
    }

    @Test
    void onAWorkloadClusterAdminsAdministerAndDevelopersEditTheirEnvironmentsNamespaces() {
        var access = new TreeMap<String, String>();
        productionEast.ofType(ASSOCIATION).stream().filter(a -> a.name().startsWith("production-east-access-"))
                .forEach(a -> access.put(a.name().replace("production-east-access-", ""),
                        a.inputs().get("policyArn").toString().replace("arn:aws:eks::aws:cluster-access-policy/", "") + " "
                                + TenancyStackTest.at(a.inputs(), "accessScope", "type") + " "
                                + TenancyStackTest.at(a.inputs(), "accessScope", "namespaces")));
        assertEquals(Map.of(
                "admins-111122223333-AWSReservedSSO_PlatformAdmins_0a1b2c3d4e5f6a7b-admin", "AmazonEKSClusterAdminPolicy cluster null",
                "developers-111122223333-AWSReservedSSO_Developers_1b2c3d4e5f6a7b8c-view", "AmazonEKSViewPolicy cluster null",
                "developers-111122223333-AWSReservedSSO_Developers_1b2c3d4e5f6a7b8c-edit", "AmazonEKSEditPolicy namespace [hello-production]",
                "contractors-111122223333-AWSReservedSSO_Contractors_2c3d4e5f6a7b8c9d-view", "AmazonEKSViewPolicy cluster null"),
                access, "contractors reach no production namespace");
        var entry = named(productionEast, ENTRY, "production-east-access-developers-111122223333-AWSReservedSSO_Developers_1b2c3d4e5f6a7b8c");
        assertEquals(ROLES + "Developers_1b2c3d4e5f6a7b8c", entry.inputs().get("principalArn"));
        assertEquals(Map.of("platform/team", "developers"), entry.inputs().get("tags"));
        assertEquals("STANDARD", entry.inputs().get("type"));
    }

    @Test
    void onTheManagementClusterDevelopersOnlyView() {
        var policies = mgmt.ofType(ASSOCIATION).stream().filter(a -> a.name().startsWith("mgmt-access-"))
                .map(a -> a.name().replaceAll(".*-", "") + " " + a.inputs().get("principalArn").toString().replace(ROLES, "")).sorted().toList();
        assertEquals(List.of("admin PlatformAdmins_0a1b2c3d4e5f6a7b", "view Contractors_2c3d4e5f6a7b8c9d", "view Developers_1b2c3d4e5f6a7b8c"), policies);
    }

    @Test
    void aVirtualClusterHasNoAccessEntriesOfItsOwn() {
        assertTrue(staging.ofType(ENTRY).isEmpty(), "a vcluster has no EKS API of its own");
    }
}
