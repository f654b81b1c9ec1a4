package io.idp.platform.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.idp.platform.config.PeopleFileTest.GOOD;
import static io.idp.platform.config.PeopleFileTest.errors;
import static io.idp.platform.config.PeopleFileTest.only;
import static org.junit.jupiter.api.Assertions.*;

/** people.yaml entries of the wrong shape: each one error with its key path, value, allowed values and example. */
class PeopleFileShapesTest {
    static ConfigError error(List<ConfigError> errors, String key) {
        return errors.stream().filter(e -> e.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no error on " + key + " in " + errors));
    }

    @Test
    void teamsMissingOrNotAMap() {
        var missing = errors("people: []\n");
        var teams = error(missing, "teams");
        assertNull(teams.value());
        assertEquals("is required but not set", teams.problem());
        assertEquals("a map with at least the teams admins and developers", teams.allowed());
        assertEquals(PeopleFile.TEAM_EXAMPLE, teams.example());
        assertEquals(List.of("teams"), missing.stream().map(ConfigError::key).toList(),
                "with no teams at all, the missing admins and developers are not reported again");
        var list = error(errors("teams: [admins]\npeople: []\n"), "teams");
        assertEquals("(a list)", list.value());
        assertEquals("is not a map of team names to teams", list.problem());
        assertEquals("text", error(errors("teams: text\npeople: []\n"), "teams").value());
    }

    @Test
    void aBadTeamNameOrATeamThatIsNotAMap() {
        var errors = errors(GOOD.replace("  payments:\n", "  Pay_Ments:\n"));
        var name = error(errors, "teams.Pay_Ments");
        assertEquals("Pay_Ments", name.value());
        assertEquals("is not a team name", name.problem());
        assertEquals("lowercase letters, digits, '-' and '_', as a GitHub team slug", name.allowed());
        assertEquals(PeopleFile.TEAM_EXAMPLE, name.example());
        var notAMap = errors(GOOD.replace("  developers:\n    environments: [development, production]\n",
                "  developers: [development]\n").replace("    parent: developers\n", ""));
        assertEquals(List.of("teams.developers", "people[0].teams.developers"), notAMap.stream().map(ConfigError::key).toList(),
                "the team is not also reported missing");
        var body = notAMap.get(0);
        assertEquals("(a list)", body.value());
        assertEquals("is not a map of the team's settings", body.problem());
        assertEquals("keys github, description, parent, environments, awsRoleArns", body.allowed());
        var map = only(GOOD.replace("  developers:\n    environments: [development, production]\n",
                "  developers: {environments: [development], descripton: x}\n"));
        assertEquals("teams.developers.descripton", map.key());
        assertEquals("x", map.value());
        assertEquals("is not a setting here; did you mean description?", map.problem());
        assertEquals(String.join(", ", PeopleFile.TEAM_KEYS), map.allowed());
    }

    @Test
    void anEmptyTeamTakesItsDefaults() {
        var people = PeopleFile.parse(GOOD.replace("    github: platform-admins\n    awsRoleArns: [arn:aws:iam::111122223333:role/admins]\n", "")
                .replace("  admins:\n", "  admins:\n").replace("teams:\n  admins:\n", "teams:\n  admins:\n    description: Runs the platform\n"));
        assertEquals("admins", people.admins().githubSlug());
        assertEquals("Runs the platform", people.admins().description());
        assertEquals("", people.developers().description());
        assertEquals(List.of(), people.admins().awsRoleArns());
        var bare = PeopleFile.parse(GOOD.replace("  admins:\n    github: platform-admins\n    awsRoleArns: [arn:aws:iam::111122223333:role/admins]\n",
                "  admins:\n"));
        assertEquals("admins", bare.admins().githubSlug(), "a team with no settings is a team");
    }

    @Test
    void oneGitHubTeamIsOneTeamHere() {
        var error = only(GOOD.replace("    parent: developers\n", "    parent: developers\n    github: developers\n"));
        assertEquals("teams.payments.github", error.key());
        assertEquals("developers", error.value());
        assertEquals("is also the GitHub team of teams.developers; one GitHub team is one team here", error.problem());
        assertEquals("a GitHub team slug no other team uses", error.allowed());
        assertEquals("github: payments", error.example());
        var slug = only(GOOD.replace("github: platform-admins", "github: Platform Admins"));
        assertEquals("teams.admins.github", slug.key());
        assertEquals("Platform Admins", slug.value());
        assertEquals("is not a GitHub team slug", slug.problem());
    }

    @Test
    void aParentMustBeAnotherTeamBelowAdmins() {
        var unknown = only(GOOD.replace("parent: developers", "parent: developer"));
        assertEquals("teams.payments.parent", unknown.key());
        assertEquals("developer", unknown.value());
        assertEquals("is not a team of this file; did you mean developers?", unknown.problem());
        assertEquals("one of [admins, developers, payments]", unknown.allowed());
        assertEquals("parent: developers", unknown.example());
        var underAdmins = only(GOOD.replace("parent: developers", "parent: admins"));
        assertEquals("teams.payments.parent", underAdmins.key());
        assertEquals("admins", underAdmins.value());
        assertEquals("is admins: a child team inherits the parent's maintain permission on every repository", underAdmins.problem());
        assertEquals("no parent for admins; developers or another developer team for others", underAdmins.allowed());
        var adminsChild = only(GOOD.replace("    github: platform-admins\n", "    github: platform-admins\n    parent: developers\n"));
        assertEquals("teams.admins.parent", adminsChild.key());
        assertEquals("is set, but admins is a top-level team", adminsChild.problem());
        var badName = only(GOOD.replace("parent: developers", "parent: Developers!"));
        assertEquals("teams.payments.parent", badName.key());
        assertEquals("is not a team name", badName.problem());
        assertEquals("the name of another team in this file", badName.allowed());
    }

    @Test
    void aSelfParentIsACycle() {
        var error = only(GOOD.replace("parent: developers", "parent: payments"));
        assertEquals("teams.payments.parent", error.key());
        assertEquals("payments", error.value());
        assertEquals("makes a cycle of parent teams", error.problem());
        assertEquals("a tree of teams", error.allowed());
    }

    @Test
    void environmentsAndRolesAreListsOfPlainValuesEachOnce() {
        var nested = only(GOOD.replace("environments: [development]", "environments: [[development]]"));
        assertEquals("teams.payments.environments", nested.key());
        assertEquals("(a list)", nested.value());
        assertEquals("is not a list of plain values", nested.problem());
        assertEquals("a YAML list", nested.allowed());
        assertEquals("environments: [development, staging]", nested.example());
        var map = errors(GOOD.replace("environments: [development]", "environments: {development: true}"));
        assertEquals("(a map)", error(map, "teams.payments.environments").value());
        var twice = only(GOOD.replace("environments: [development]", "environments: [development, development]"));
        assertEquals("[development, development]", twice.value());
        assertEquals("names an environment twice", twice.problem());
        assertEquals("each environment once", twice.allowed());
        var roles = only(GOOD.replace("awsRoleArns: [arn:aws:iam::111122223333:role/admins]", "awsRoleArns: [{arn: x}]"));
        assertEquals("teams.admins.awsRoleArns", roles.key());
        assertEquals("is not a list of plain values", roles.problem());
    }

    @Test
    void oneRoleBelongsToOneTeam() {
        var error = only(GOOD.replace("    environments: [development]\n",
                "    environments: [development]\n    awsRoleArns: [arn:aws:iam::111122223333:role/admins]\n"));
        assertEquals("teams.payments.awsRoleArns", error.key());
        assertEquals("arn:aws:iam::111122223333:role/admins", error.value());
        assertEquals("is also a role of teams.admins: a cluster gives one role one access entry, so it cannot have two teams' access",
                error.problem());
        assertEquals("a role ARN in one team only", error.allowed());
    }

    @Test
    void peopleMissingOrNotAList() {
        var both = errors(GOOD.substring(0, GOOD.indexOf("people:")));
        assertEquals(List.of("people", "teams.admins"), both.stream().map(ConfigError::key).toList(), "and so admins has no members");
        var missing = both.get(0);
        assertNull(missing.value());
        assertEquals("is required but not set", missing.problem());
        assertEquals("a list of people, each with login, email and teams", missing.allowed());
        assertEquals(PeopleFile.PERSON_EXAMPLE, missing.example());
        var map = errors(GOOD.substring(0, GOOD.indexOf("people:")) + "people: {ada: admin}\n");
        assertEquals("(a map)", error(map, "people").value());
        assertEquals("is not a list of people", error(map, "people").problem());
    }

    @Test
    void aPersonMustBeAMapWithLoginEmailAndTeams() {
        var errors = errors(GOOD + "  - carol\n  - {email: dan@example.com, teams: {developers: member}, team: x}\n"
                + "  - {login: erin, email: erin@example.com, teams: [developers]}\n  - {login: finn, email: finn@example.com}\n"
                + "  - {login: gus, email: gus@example.com, teams: {}}\n");
        var notAPerson = error(errors, "people[2]");
        assertEquals("carol", notAPerson.value());
        assertEquals("is not a person", notAPerson.problem());
        assertEquals("a map with login, email and teams", notAPerson.allowed());
        var login = error(errors, "people[3].login");
        assertNull(login.value());
        assertEquals("is required but not set", login.problem());
        assertEquals("1-39 letters, digits and single '-', not starting or ending with '-'", login.allowed());
        assertEquals("login: octocat", login.example());
        assertEquals("is not a setting here; did you mean teams?", error(errors, "people[3].team").problem());
        var list = error(errors, "people[4].teams");
        assertEquals("(a list)", list.value());
        assertEquals("is not a map of team names to roles", list.problem());
        assertEquals("a map of team names to member or maintainer", list.allowed());
        var none = error(errors, "people[5].teams");
        assertNull(none.value());
        assertEquals("is empty: a person in no team has no access and should not be listed", none.problem());
        assertEquals("(a map)", error(errors, "people[6].teams").value());
        assertEquals("is empty: a person in no team has no access and should not be listed", error(errors, "people[6].teams").problem());
        assertEquals(6, errors.size(), errors.toString());
    }

    @Test
    void aTeamRoleIsMemberOrMaintainer() {
        var error = only(GOOD.replace("{payments: member}", "{payments: owner}"));
        assertEquals("people[1].teams.payments", error.key());
        assertEquals("owner", error.value());
        assertEquals("is not a team role", error.problem());
        assertEquals("member or maintainer", error.allowed());
        assertEquals("teams: {payments: member}", error.example());
        assertEquals(People.TeamRole.MAINTAINER, PeopleFile.parse(GOOD.replace("{payments: member}", "{payments: maintainer}"))
                .people().get(1).teams().get("payments"));
    }

    @Test
    void aPersonWithAnErrorIsLeftOutButStillCountsAsATeamsMember() {
        var errors = errors(GOOD.replace("email: ada@example.com", "email: not-an-address"));
        assertEquals(List.of("people[0].email"), errors.stream().map(ConfigError::key).toList(),
                "admins still has a member: no second error");
        assertEquals("not-an-address", errors.get(0).value());
        assertEquals("is not an e-mail address", errors.get(0).problem());
    }

    @Test
    void aDuplicateKeyStopsTheReadingWithThatErrorAlone() {
        var errors = errors(GOOD.replace("  developers:\n    environments: [development, production]\n",
                "  developers:\n    environments: [development, production]\n    environments: [staging]\n"));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(People.FILE, errors.get(0).file());
        assertTrue(errors.get(0).key().contains("environments"), errors.get(0).toString());
    }

    @Test
    void anEmptyOrScalarFileIsNotAMap() {
        var empty = only("");
        assertEquals("(file)", empty.key());
        assertNull(empty.value());
        assertEquals("is not a map with teams and people", empty.problem());
        assertEquals("a YAML map with the keys teams and people", empty.allowed());
        assertEquals("just text", only("just text\n").value());
    }
}
