package io.idp.platform.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.idp.platform.config.PlatformConfigTest.*;
import static org.junit.jupiter.api.Assertions.*;

/** people.yaml against a stack: one access entry per role, the former SSO keys agree, the environments are the platform's. */
class PeopleCheckTest {
    static final People PEOPLE = PeopleFile.parse("""
            teams:
              admins:
                github: platform-admins
                awsRoleArns: [arn:aws:iam::111122223333:role/admins]
              developers:
                environments: [development, staging, production]
              payments:
                parent: developers
                environments: [development, stagin]
            people:
              - {login: ada, email: ada@example.com, teams: {admins: maintainer}}
              - {login: bob, email: bob@example.com, teams: {payments: member}}
            """);

    static Map<String, String> agreeing() {
        var values = management();
        values.put("platform:environments", "[development, staging, production]");
        return values;
    }

    static List<ConfigError> check(Map<String, String> values) {
        return PeopleCheck.check(PEOPLE, load(values));
    }

    @Test
    void aStackThatAgreesHasNoErrorsButTheUnknownEnvironmentOfANarrowerTeam() {
        var errors = check(agreeing());
        assertEquals(1, errors.size(), errors.toString());
        var error = errors.get(0);
        assertEquals("teams.payments.environments", error.key());
        assertEquals("stagin", error.value());
        assertEquals("is not an environment of the platform (platform:environments of test: [development, staging, production]); "
                + "did you mean staging?", error.problem());
        assertEquals("one of [development, staging, production]", error.allowed());
        assertEquals("environments: [development, staging, production]", error.example());
        assertEquals(People.FILE, error.file());
    }

    @Test
    void aRoleInBothPlacesIsRefusedOnTheStackKey() {
        var values = agreeing();
        values.put("platform:clusterAdminRoleArns", "[\"arn:aws:iam::111122223333:role/admins\", \"arn:aws:iam::111122223333:role/ci\"]");
        var roles = check(values).stream().filter(e -> e.key().equals("platform:clusterAdminRoleArns")).toList();
        assertEquals(1, roles.size(), roles.toString());
        assertEquals("arn:aws:iam::111122223333:role/admins", roles.get(0).value());
        assertEquals("is also a role of teams.admins in people.yaml; a cluster gives one role one access entry", roles.get(0).problem());
        assertEquals("a role in one place: people.yaml for people's roles", roles.get(0).allowed());
        assertEquals("teams: {admins: {awsRoleArns: [arn:aws:iam::111122223333:role/admins]}}", roles.get(0).example());
    }

    @Test
    void aWorkloadStackIsCheckedForRolesOnly() {
        var values = workload();
        values.put("platform:clusterAdminRoleArns", "[\"arn:aws:iam::111122223333:role/admins\"]");
        var errors = PeopleCheck.check(PEOPLE, load(values));
        assertEquals(List.of("platform:clusterAdminRoleArns"), errors.stream().map(ConfigError::key).toList(),
                "environments are the management stack's to check");
        assertEquals(List.of(), PeopleCheck.check(PEOPLE, load(workload())));
    }

    @Test
    void formerSsoKeysMustNameThePeopleFilesTeams() {
        var values = agreeing();
        values.put("platform:ssoAdminsTeam", "platform-admins");
        values.put("platform:ssoDevelopersTeam", "developers");
        assertEquals(List.of("teams.payments.environments"), check(values).stream().map(ConfigError::key).toList(),
                "keys that agree are no error");
        values.put("platform:ssoAdminsTeam", "admins-old");
        values.put("platform:ssoDevelopersTeam", "devs");
        var errors = check(values);
        var admins = errors.stream().filter(e -> e.key().equals("platform:ssoAdminsTeam")).findFirst().orElseThrow();
        assertEquals("admins-old", admins.value());
        assertEquals("disagrees with people.yaml, where the admins team's GitHub team is platform-admins; the teams are read "
                + "from people.yaml now", admins.problem());
        assertEquals("remove the key (or set it to platform-admins)", admins.allowed());
        assertEquals("teams: {admins: {github: admins-old}} in people.yaml", admins.example());
        var developers = errors.stream().filter(e -> e.key().equals("platform:ssoDevelopersTeam")).findFirst().orElseThrow();
        assertEquals("devs", developers.value());
        assertEquals("remove the key (or set it to developers)", developers.allowed());
    }

    @Test
    void theDevelopersTeamMustReachEveryEnvironment() {
        var values = agreeing();
        values.put("platform:environments", "[development, staging, production, qa]");
        var error = check(values).stream().filter(e -> e.key().equals("teams.developers.environments")).findFirst().orElseThrow();
        assertEquals("[development, staging, production]", error.value());
        assertEquals("leaves out [qa]: the developers team reaches every environment (Argo CD's developer role); "
                + "a team for fewer environments is a team of its own", error.problem());
        assertEquals("every environment of platform:environments: [development, staging, production, qa]", error.allowed());
        assertEquals(People.FILE, error.file());
    }

    @Test
    void anEnvironmentFarFromEveryNameGetsNoSuggestion() {
        var people = PeopleFile.parse(PeopleFileTest.GOOD.replace("environments: [development]", "environments: [xyzzyqwerty]"));
        var values = management();
        values.put("platform:environments", "[development, production]");
        var error = PeopleCheck.check(people, load(values)).stream().filter(e -> e.key().equals("teams.payments.environments"))
                .findFirst().orElseThrow();
        assertEquals("is not an environment of the platform (platform:environments of test: [development, production])", error.problem());
    }
}
