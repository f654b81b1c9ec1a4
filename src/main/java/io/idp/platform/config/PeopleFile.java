package io.idp.platform.config;

import io.idp.platform.config.People.Person;
import io.idp.platform.config.People.Team;
import io.idp.platform.config.People.TeamRole;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.idp.platform.config.People.ADMINS;
import static io.idp.platform.config.People.DEVELOPERS;
import static io.idp.platform.config.People.FILE;

/**
 * Reads and checks {@value People#FILE}: every problem is collected, each naming the file, the key
 * path ({@code teams.payments.parent}, {@code people[2].login}), the value, what is allowed and an
 * example, and thrown together as one {@link ConfigException}.
 */
public final class PeopleFile {
    static final List<String> TOP_KEYS = List.of("teams", "people");
    static final List<String> TEAM_KEYS = List.of("github", "description", "parent", "environments", "awsRoleArns");
    static final List<String> PERSON_KEYS = List.of("login", "email", "teams");

    static final String TEAM_EXAMPLE = "teams: {payments: {parent: developers, environments: [development, staging], "
            + "awsRoleArns: [arn:aws:iam::111122223333:role/payments-developers]}}";
    static final String PERSON_EXAMPLE = "people: [{login: octocat, email: octocat@example.com, teams: {developers: member}}]";

    private final List<ConfigError> errors = new ArrayList<>();
    /** Teams some entry names, valid or not: a person whose e-mail is wrong still counts as a member. */
    private final java.util.Set<String> namedTeams = new java.util.HashSet<>();

    private PeopleFile() {
    }

    /** Reads the project's people file; throws {@link ConfigException} with every problem. */
    public static People load(Path projectDir) {
        String text;
        try {
            text = Files.readString(projectDir.resolve(FILE));
        } catch (NoSuchFileException e) {
            throw new ConfigException(FILE, List.of(new ConfigError("(file)", null,
                    "is missing: the platform's teams and people are listed there", "a people file beside Pulumi.yaml",
                    "teams: {admins: {}, developers: {environments: [development]}}; people: [{login: octocat, "
                            + "email: octocat@example.com, teams: {admins: maintainer}}]", FILE)));
        } catch (IOException e) {
            throw new ConfigException(FILE, List.of(new ConfigError("(file)", null, "cannot be read: " + e.getMessage(),
                    null, null, FILE)));
        }
        return parse(text);
    }

    public static People parse(String text) {
        var reader = new PeopleFile();
        var people = reader.read(text);
        if (!reader.errors.isEmpty() || people.isEmpty()) {
            throw new ConfigException(FILE, reader.errors);
        }
        return people.get();
    }

    private Optional<People> read(String text) {
        Object document;
        try {
            var yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            var node = yaml.compose(new java.io.StringReader(text));
            if (node != null) {
                errors.addAll(YamlKeys.duplicates(node, FILE, null));
                if (!errors.isEmpty()) {
                    return Optional.empty();
                }
            }
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            error("(file)", null, "is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""),
                    "a YAML map with teams and people", "teams: {...}\npeople: [...]");
            return Optional.empty();
        }
        if (!(document instanceof Map<?, ?> root)) {
            error("(file)", document == null ? null : String.valueOf(document), "is not a map with teams and people",
                    "a YAML map with the keys teams and people", "teams: {admins: {}}\npeople: [...]");
            return Optional.empty();
        }
        unknownKeys("", root, TOP_KEYS, "teams: {...}");
        var teams = teams(root.get("teams"));
        var people = people(root.get("people"), teams);
        if (teams.containsKey(ADMINS) && !namedTeams.contains(ADMINS)) {
            error("teams.admins", null, "has no members: someone must be able to run the platform",
                    "at least one person with admins in their teams", "people: [{login: octocat, email: octocat@example.com, teams: {admins: maintainer}}]");
        }
        return errors.isEmpty() ? Optional.of(new People(teams, people)) : Optional.empty();
    }

    private TreeMap<String, Team> teams(Object given) {
        var teams = new TreeMap<String, Team>();
        if (!(given instanceof Map<?, ?> map)) {
            error("teams", show(given), given == null ? "is required but not set" : "is not a map of team names to teams",
                    "a map with at least the teams admins and developers", TEAM_EXAMPLE);
            return teams;
        }
        var parents = new LinkedHashMap<String, String>();
        var roleOwners = new HashMap<String, String>();
        var slugs = new HashMap<String, String>();
        for (var entry : map.entrySet()) {
            var name = String.valueOf(entry.getKey());
            var path = "teams." + name;
            if (!Validators.GITHUB_TEAM.matcher(name).matches()) {
                error(path, name, "is not a team name", "lowercase letters, digits, '-' and '_', as a GitHub team slug", TEAM_EXAMPLE);
                continue;
            }
            var body = entry.getValue() == null ? Map.of() : entry.getValue();
            if (!(body instanceof Map<?, ?> fields)) {
                error(path, show(body), "is not a map of the team's settings", "keys " + String.join(", ", TEAM_KEYS), TEAM_EXAMPLE);
                continue;
            }
            unknownKeys(path + ".", fields, TEAM_KEYS, TEAM_EXAMPLE);
            var slug = text(fields, path + ".github", Validators.GITHUB_TEAM, "is not a GitHub team slug",
                    "lowercase letters, digits, '-' and '_'", "github: platform-admins").orElse(name);
            var other = slugs.putIfAbsent(slug, name);
            if (other != null) {
                error(path + ".github", slug, "is also the GitHub team of teams." + other + "; one GitHub team is one team here",
                        "a GitHub team slug no other team uses", "github: " + name);
            }
            var description = fields.get("description") == null ? "" : String.valueOf(fields.get("description"));
            var parent = text(fields, path + ".parent", Validators.GITHUB_TEAM, "is not a team name",
                    "the name of another team in this file", "parent: developers");
            parent.ifPresent(p -> parents.put(name, p));
            var environments = list(fields, path + ".environments", "environments: [development, staging]");
            for (var environment : environments) {
                check(Validators.ENVIRONMENT.matcher(environment).matches(), path + ".environments", environment,
                        "is not an environment name", "lowercase letters, digits and '-', such as development, staging, production",
                        "environments: [development, staging]");
            }
            if (name.equals(ADMINS) && !environments.isEmpty()) {
                error(path + ".environments", String.valueOf(environments), "is set, but admins reach every environment",
                        "no environments on the admins team", "admins: {awsRoleArns: [arn:aws:iam::111122223333:role/platform-admins]}");
            } else if (!name.equals(ADMINS) && environments.isEmpty() && fields.get("environments") == null) {
                error(path + ".environments", null, "is required: a developer team reaches only the environments it names",
                        "a list of the platform's environments (platform:environments of the management stack)",
                        "environments: [development, staging]");
            }
            check(environments.stream().distinct().count() == environments.size(), path + ".environments",
                    String.valueOf(environments), "names an environment twice", "each environment once", "environments: [development, staging]");
            var arns = list(fields, path + ".awsRoleArns", "awsRoleArns: [arn:aws:iam::111122223333:role/payments-developers]");
            for (var arn : arns) {
                if (check(Validators.IAM_ROLE_ARN.matcher(arn).matches(), path + ".awsRoleArns", arn, "is not an IAM role ARN",
                        "arn:aws:iam::<12-digit account>:role/<path/name>, such as an IAM Identity Center permission set's role",
                        "awsRoleArns: [arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Developers_0123456789abcdef]")) {
                    var owner = roleOwners.putIfAbsent(arn, name);
                    check(owner == null, path + ".awsRoleArns", arn, "is also a role of teams." + owner
                                    + ": a cluster gives one role one access entry, so it cannot have two teams' access",
                            "a role ARN in one team only", "a permission set per team");
                }
            }
            teams.put(name, new Team(name, slug, description, parent, environments, arns));
        }
        for (var required : List.of(ADMINS, DEVELOPERS)) {
            if (!teams.containsKey(required) && errors.stream().noneMatch(e -> e.key().equals("teams." + required))) {
                error("teams." + required, null, "is missing: the platform's roles are built on the teams admins and developers",
                        "the teams admins and developers, and any others", required.equals(ADMINS)
                                ? "admins: {github: platform-admins}" : "developers: {environments: [development, staging, production]}");
            }
        }
        parents.forEach((name, parent) -> {
            if (!teams.containsKey(parent)) {
                error("teams." + name + ".parent", parent, "is not a team of this file" + hint(parent, teams.keySet()),
                        "one of " + teams.keySet(), "parent: developers");
            } else if (name.equals(ADMINS) || parent.equals(ADMINS) && !name.equals(ADMINS)) {
                // A child team inherits its parent's repository permissions: under admins it would maintain every repository.
                error("teams." + name + ".parent", parent, name.equals(ADMINS) ? "is set, but admins is a top-level team"
                                : "is admins: a child team inherits the parent's maintain permission on every repository",
                        "no parent for admins; developers or another developer team for others", "parent: developers");
            } else if (cycle(name, parents)) {
                error("teams." + name + ".parent", parent, "makes a cycle of parent teams", "a tree of teams", "parent: developers");
            }
        });
        return teams;
    }

    private static boolean cycle(String start, Map<String, String> parents) {
        var seen = new java.util.HashSet<String>();
        for (var at = start; at != null; at = parents.get(at)) {
            if (!seen.add(at)) {
                return true;
            }
        }
        return false;
    }

    private List<Person> people(Object given, Map<String, Team> teams) {
        var people = new ArrayList<Person>();
        if (!(given instanceof List<?> list)) {
            error("people", show(given), given == null ? "is required but not set" : "is not a list of people",
                    "a list of people, each with login, email and teams", PERSON_EXAMPLE);
            return people;
        }
        var logins = new HashMap<String, Integer>();
        for (int i = 0; i < list.size(); i++) {
            var path = "people[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> fields)) {
                error(path, show(list.get(i)), "is not a person", "a map with login, email and teams", PERSON_EXAMPLE);
                continue;
            }
            unknownKeys(path + ".", fields, PERSON_KEYS, PERSON_EXAMPLE);
            var login = required(fields, path + ".login", Validators.GITHUB_LOGIN, "is not a valid GitHub login",
                    "1-39 letters, digits and single '-', not starting or ending with '-'", "login: octocat");
            if (login.isPresent()) {
                var first = logins.putIfAbsent(login.get().toLowerCase(), i);
                if (first != null) {
                    error(path + ".login", login.get(), "is also people[" + first + "].login (GitHub logins ignore case)",
                            "each person once", "one entry per person, with all their teams");
                    login = Optional.empty();
                }
            }
            var email = required(fields, path + ".email", Validators.EMAIL, "is not an e-mail address",
                    "an e-mail address", "email: octocat@example.com");
            var memberships = new TreeMap<String, TeamRole>();
            var teamsGiven = fields.get("teams");
            if (!(teamsGiven instanceof Map<?, ?> teamMap) || teamMap.isEmpty()) {
                error(path + ".teams", show(teamsGiven), teamsGiven == null || teamsGiven instanceof Map<?, ?>
                                ? "is empty: a person in no team has no access and should not be listed"
                                : "is not a map of team names to roles",
                        "a map of team names to member or maintainer", "teams: {developers: member}");
            } else {
                for (var entry : teamMap.entrySet()) {
                    var team = String.valueOf(entry.getKey());
                    var role = String.valueOf(entry.getValue());
                    namedTeams.add(team);
                    boolean known = check(teams.containsKey(team), path + ".teams." + team, team,
                            "is not a team of this file" + hint(team, teams.keySet()), "one of " + teams.keySet(), "teams: {developers: member}");
                    var parsed = role.equals("member") ? TeamRole.MEMBER : role.equals("maintainer") ? TeamRole.MAINTAINER : null;
                    check(parsed != null, path + ".teams." + team, role, "is not a team role", "member or maintainer",
                            "teams: {" + team + ": member}");
                    if (known && parsed != null) {
                        memberships.put(team, parsed);
                    }
                }
            }
            if (login.isPresent() && email.isPresent() && !memberships.isEmpty()) {
                people.add(new Person(login.get(), email.get(), memberships));
            }
        }
        return people;
    }

    private Optional<String> text(Map<?, ?> fields, String path, java.util.regex.Pattern pattern, String problem, String allowed,
                                  String example) {
        var key = path.substring(path.lastIndexOf('.') + 1);
        var value = fields.get(key);
        if (value == null) {
            return Optional.empty();
        }
        var text = String.valueOf(value);
        return check(pattern.matcher(text).matches(), path, text, problem, allowed, example) ? Optional.of(text) : Optional.empty();
    }

    private Optional<String> required(Map<?, ?> fields, String path, java.util.regex.Pattern pattern, String problem,
                                      String allowed, String example) {
        var key = path.substring(path.lastIndexOf('.') + 1);
        if (fields.get(key) == null) {
            error(path, null, "is required but not set", allowed, example);
            return Optional.empty();
        }
        return text(fields, path, pattern, problem, allowed, example);
    }

    private List<String> list(Map<?, ?> fields, String path, String example) {
        var key = path.substring(path.lastIndexOf('.') + 1);
        var value = fields.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items) || items.stream().anyMatch(item -> item instanceof Map<?, ?> || item instanceof List<?>)) {
            error(path, show(value), "is not a list of plain values", "a YAML list", example);
            return List.of();
        }
        return items.stream().map(String::valueOf).toList();
    }

    private void unknownKeys(String prefix, Map<?, ?> fields, List<String> known, String example) {
        for (var key : fields.keySet()) {
            var name = String.valueOf(key);
            if (!known.contains(name)) {
                error(prefix + name, show(fields.get(key)), "is not a setting here" + hint(name, known),
                        String.join(", ", known), example);
            }
        }
    }

    private boolean check(boolean ok, String path, String value, String problem, String allowed, String example) {
        if (!ok) {
            error(path, value, problem, allowed, example);
        }
        return ok;
    }

    private void error(String path, String value, String problem, String allowed, String example) {
        errors.add(new ConfigError(path, value, problem, allowed, example, FILE));
    }

    private static String show(Object value) {
        return value == null ? null : value instanceof Map<?, ?> ? "(a map)" : value instanceof List<?> ? "(a list)" : String.valueOf(value);
    }

    private static String hint(String given, Collection<String> candidates) {
        return Validators.closest(given, candidates).map(c -> "; did you mean " + c + "?").orElse("");
    }
}
