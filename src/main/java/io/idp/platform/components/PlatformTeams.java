package io.idp.platform.components;

import com.pulumi.core.Output;
import com.pulumi.github.Team;
import com.pulumi.github.TeamArgs;
import com.pulumi.github.TeamMembership;
import com.pulumi.github.TeamMembershipArgs;
import com.pulumi.github.TeamRepository;
import com.pulumi.github.TeamRepositoryArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.idp.platform.config.People;

import java.util.Map;
import java.util.TreeMap;

/**
 * The people file on GitHub: one team per team of the file (nested as it nests them), one
 * membership per person and team with the role the file gives, and each top-level team's permission
 * on the platform's repositories: the admins maintain them, developers push (their changes still
 * reach main only by reviewed pull request: the rulesets bind everyone). A child team inherits its
 * parent's permissions, so it is given none of its own.
 *
 * <p>Every resource is named by team and login only, so removing a person from the file deletes
 * exactly that person's memberships on the next {@code pulumi up}, and nothing else moves.
 */
public final class PlatformTeams extends ComponentResource {
    public static final String TYPE = "platform:components:PlatformTeams";
    /** The admins' permission on every repository: settings and merges, not deletion or transfer. */
    public static final String ADMIN_PERMISSION = "maintain";
    /** A developer team's permission: branches and pull requests; main stays behind its ruleset. */
    public static final String DEVELOPER_PERMISSION = "push";

    private final Map<String, Team> teams = new TreeMap<>();

    public PlatformTeams(String name, PlatformTeamsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var people = args.people();
        for (var team : people.parentsFirst()) {
            var teamArgs = TeamArgs.builder()
                    .name(team.githubSlug())
                    .privacy("closed") // nested teams must be visible to the organisation
                    .createDefaultMaintainer(false);
            team.parent().map(teams::get).ifPresent(parent -> teamArgs.parentTeamId(parent.id()));
            teams.put(team.name(), new Team(name + "-" + team.name(), teamArgs.build(), child));
        }
        for (var person : people.people()) {
            person.teams().forEach((team, role) -> new TeamMembership(
                    name + "-" + team + "-" + person.login().toLowerCase(), TeamMembershipArgs.builder()
                    .teamId(teams.get(team).id())
                    .username(person.login())
                    .role(role.githubValue())
                    .build(), child));
        }
        for (var team : people.teams().values()) {
            if (team.parent().isPresent()) {
                continue;
            }
            var permission = team.isAdmins() ? ADMIN_PERMISSION : DEVELOPER_PERMISSION;
            args.repositories().forEach((label, repository) -> new TeamRepository(name + "-" + team.name() + "-" + label,
                    TeamRepositoryArgs.builder().teamId(teams.get(team.name()).id()).repository(repository)
                            .permission(permission).build(), child));
        }
        registerOutputs(Map.of("teams", Output.of(java.util.List.copyOf(teams.keySet()))));
    }

    /** The GitHub team's id of a team of the people file. */
    public Output<String> teamId(String team) {
        var resource = teams.get(team);
        if (resource == null) {
            throw new IllegalArgumentException("no team " + team + " in " + People.FILE);
        }
        return resource.id();
    }
}
