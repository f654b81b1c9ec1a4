package io.idp.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The people file against a stack's configuration: the developer teams' environments are the
 * platform's, and the former keys naming the SSO teams, where a stack file still sets them, name
 * the teams the people file does (they are read from there now).
 */
public final class PeopleCheck {
    private PeopleCheck() {
    }

    public static List<ConfigError> check(People people, PlatformConfig config) {
        var errors = new ArrayList<ConfigError>();
        // One access entry per role and cluster: a role both here and in the stack's admin roles would be two.
        for (var team : people.teams().values()) {
            for (var arn : team.awsRoleArns()) {
                if (config.cluster().adminRoleArns().contains(arn)) {
                    errors.add(new ConfigError(ConfigKeys.CLUSTER_ADMIN_ROLE_ARNS.name(), arn, "is also a role of teams." + team.name()
                            + " in " + People.FILE + "; a cluster gives one role one access entry",
                            "a role in one place: people.yaml for people's roles", "teams: {admins: {awsRoleArns: [" + arn + "]}}"));
                }
            }
        }
        if (config.management().isEmpty()) {
            return errors;
        }
        var sso = config.managementSettings().sso();
        formerKey(errors, ConfigKeys.SSO_ADMINS_TEAM, sso.adminsTeam(), people.admins());
        formerKey(errors, ConfigKeys.SSO_DEVELOPERS_TEAM, sso.developersTeam(), people.developers());
        var missing = config.environments().stream().filter(e -> !people.developers().environments().contains(e)).toList();
        if (!missing.isEmpty()) {
            errors.add(new ConfigError("teams.developers.environments", String.valueOf(people.developers().environments()),
                    "leaves out " + missing + ": the developers team reaches every environment (Argo CD's developer role); "
                            + "a team for fewer environments is a team of its own",
                    "every environment of platform:environments: " + config.environments(),
                    "contractors: {parent: developers, environments: [development, staging]}", People.FILE));
        }
        for (var team : people.developerTeams()) {
            for (var environment : team.environments()) {
                if (!config.environments().contains(environment)) {
                    errors.add(new ConfigError("teams." + team.name() + ".environments", environment,
                            "is not an environment of the platform (platform:environments of " + config.stack() + ": "
                                    + config.environments() + ")" + Validators.closest(environment, config.environments())
                                    .map(c -> "; did you mean " + c + "?").orElse(""),
                            "one of " + config.environments(), "environments: " + config.environments(), People.FILE));
                }
            }
        }
        return errors;
    }

    private static void formerKey(List<ConfigError> errors, ConfigKey key, Optional<String> given, People.Team team) {
        if (given.isPresent() && !given.get().equals(team.githubSlug())) {
            errors.add(new ConfigError(key.name(), given.get(), "disagrees with " + People.FILE + ", where the " + team.name()
                    + " team's GitHub team is " + team.githubSlug() + "; the teams are read from " + People.FILE + " now",
                    "remove the key (or set it to " + team.githubSlug() + ")",
                    "teams: {" + team.name() + ": {github: " + given.get() + "}} in " + People.FILE));
        }
    }
}
