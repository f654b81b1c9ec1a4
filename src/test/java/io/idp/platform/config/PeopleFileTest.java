package io.idp.platform.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** people.yaml read into typed teams and people, and every mistake in it reported at once. */
class PeopleFileTest {
    static final String GOOD = """
            teams:
              admins:
                github: platform-admins
                awsRoleArns: [arn:aws:iam::111122223333:role/admins]
              developers:
                environments: [development, production]
              payments:
                parent: developers
                environments: [development]
            people:
              - login: Ada
                email: ada@example.com
                teams: {admins: maintainer, developers: member}
              - login: bob
                email: bob@example.com
                teams: {payments: member}
            """;

    static List<ConfigError> errors(String text) {
        return assertThrows(ConfigException.class, () -> PeopleFile.parse(text)).errors();
    }

    static ConfigError only(String text) {
        var errors = errors(text);
        assertEquals(1, errors.size(), errors.toString());
        return errors.get(0);
    }

    @Test
    void readsTeamsWithDefaultsAndPeopleWithTheirRoles() {
        var people = PeopleFile.parse(GOOD);
        assertEquals(List.of("admins", "developers", "payments"), List.copyOf(people.teams().keySet()));
        assertEquals("platform-admins", people.admins().githubSlug());
        assertEquals("developers", people.developers().githubSlug(), "the slug defaults to the team's name");
        assertEquals(List.of("arn:aws:iam::111122223333:role/admins"), people.admins().awsRoleArns());
        assertEquals(Optional.of("developers"), people.teams().get("payments").parent());
        assertEquals(List.of("development"), people.teams().get("payments").environments());
        assertEquals(People.TeamRole.MAINTAINER, people.people().get(0).teams().get("admins"));
        assertEquals(People.TeamRole.MEMBER, people.people().get(0).teams().get("developers"));
        assertEquals(List.of("Ada"), people.members("admins").stream().map(People.Person::login).toList());
        assertEquals(List.of("payments"), people.narrowerTeams().stream().map(People.Team::name).toList());
        assertEquals(List.of("admins", "developers", "payments"), people.parentsFirst().stream().map(People.Team::name).toList());
        assertEquals(List.of("acme:platform-admins", "acme:developers", "acme:payments"), people.githubGroups("acme"));
    }

    @Test
    void aChildTeamComesAfterItsParentWhateverTheNames() {
        var people = PeopleFile.parse(GOOD.replace("payments", "aaa-payments").replace("parent: developers", "parent: developers"));
        var order = people.parentsFirst().stream().map(People.Team::name).toList();
        assertTrue(order.indexOf("developers") < order.indexOf("aaa-payments"), order.toString());
    }

    @Test
    void everyMistakeIsReportedTogetherNamingFileKeyValueAllowedAndExample() {
        var errors = errors(GOOD.replace("login: bob", "login: bob-")
                .replace("email: ada@example.com", "email: ada")
                .replace("role/admins", "user/admins")
                .replace("{payments: member}", "{paymentz: member}"));
        assertEquals(List.of("teams.admins.awsRoleArns", "people[0].email", "people[1].login", "people[1].teams.paymentz"),
                errors.stream().map(ConfigError::key).toList());
        for (var error : errors) {
            assertEquals(People.FILE, error.file());
            assertNotNull(error.allowed(), error.format());
            assertNotNull(error.example(), error.format());
            assertTrue(error.format().startsWith("people.yaml: "), error.format());
        }
        assertTrue(errors.get(3).problem().endsWith("did you mean payments?"), errors.get(3).problem());
    }

    @Test
    void loginsCollideWithoutRegardToCase() {
        var error = only(GOOD.replace("login: bob", "login: ADA"));
        assertEquals("people[1].login", error.key());
        assertEquals("ADA", error.value());
        assertTrue(error.problem().contains("people[0].login"), error.problem());
    }

    @Test
    void theTwoTeamsTheRolesAreBuiltOnMustExist() {
        var error = only(GOOD.replace("  developers:\n    environments: [development, production]\n", "")
                .replace("    parent: developers\n", "").replace(", developers: member", ""));
        assertEquals("teams.developers", error.key());
        assertTrue(error.problem().startsWith("is missing"), error.problem());
        var admins = only(GOOD.replace("{admins: maintainer, developers: member}", "{developers: member}"));
        assertEquals("teams.admins", admins.key());
        assertTrue(admins.problem().startsWith("has no members"), admins.problem());
    }

    @Test
    void aTeamCycleAndAnUnknownTopLevelKeyAreRefused() {
        var errors = errors(GOOD.replace("  developers:\n", "  developers:\n    parent: payments\n") + "peeple: []\n");
        var keys = errors.stream().map(ConfigError::key).toList();
        assertTrue(keys.contains("peeple"), keys.toString());
        assertTrue(errors.stream().anyMatch(e -> e.problem().equals("makes a cycle of parent teams")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.problem().endsWith("did you mean people?")), errors.toString());
    }

    @Test
    void developerTeamsNameTheirEnvironmentsAndAdminsNone() {
        assertEquals("teams.payments.environments", only(GOOD.replace("    environments: [development]\n", "")).key());
        var admins = only(GOOD.replace("    github: platform-admins\n", "    github: platform-admins\n    environments: [production]\n"));
        assertEquals("teams.admins.environments", admins.key());
        assertTrue(admins.problem().contains("admins reach every environment"), admins.problem());
        assertEquals("is not an environment name", only(GOOD.replace("[development]", "[Dev]")).problem());
    }

    @Test
    void aFileThatIsNotAMapOrNotYamlIsOneClearError() {
        assertEquals("is not a map with teams and people", only("- just\n- a list\n").problem());
        assertTrue(only("teams: [\n").problem().startsWith("is not valid YAML"));
    }

    @Test
    void theShippedFileIsValidAndAgreesWithTheManagementStack() {
        var people = PeopleFile.load(Path.of("."));
        assertEquals("platform-admins", people.admins().githubSlug());
        assertFalse(people.members(People.ADMINS).isEmpty());
    }

    @Test
    void aMissingFileSaysWhatItHolds(@org.junit.jupiter.api.io.TempDir Path dir) {
        var error = assertThrows(ConfigException.class, () -> PeopleFile.load(dir)).errors().get(0);
        assertEquals("(file)", error.key());
        assertTrue(error.problem().startsWith("is missing"), error.problem());
    }
}
