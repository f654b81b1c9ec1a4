package io.idp.platform.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The platform's people and teams ({@value #FILE}), one list for every stack: GitHub teams and
 * memberships, repository permissions, Argo CD roles and Kubernetes access all derive from it, so
 * onboarding and offboarding are one reviewed change. {@link PeopleFile} reads and checks it.
 *
 * @param teams  by name; always holds {@value #ADMINS} and {@value #DEVELOPERS}
 * @param people in file order
 */
public record People(TreeMap<String, Team> teams, List<Person> people) {
    public static final String FILE = "people.yaml";
    /** The platform's administrators: maintainers of every repository, admins of Argo CD and of every cluster. */
    public static final String ADMINS = "admins";
    /** Every developer; the parent of any narrower developer team, unless that team names another. */
    public static final String DEVELOPERS = "developers";

    /** A person's role in a GitHub team: a maintainer also manages the team's members. */
    public enum TeamRole {
        MEMBER, MAINTAINER;

        public String githubValue() {
            return name().toLowerCase();
        }
    }

    /**
     * One team.
     *
     * @param name         the team's name in this file, also its Pulumi resource name
     * @param githubSlug   its GitHub team's name and slug (default: the name)
     * @param description  what the team is for, shown on GitHub
     * @param parent       its parent team's name, if nested
     * @param environments the environments whose applications and namespaces it may change (admins: every one)
     * @param awsRoleArns  IAM roles (for example IAM Identity Center permission sets) its members assume to reach the clusters
     */
    public record Team(String name, String githubSlug, String description, Optional<String> parent, List<String> environments,
                       List<String> awsRoleArns) {
        public Team {
            environments = List.copyOf(environments);
            awsRoleArns = List.copyOf(awsRoleArns);
        }

        public boolean isAdmins() {
            return name.equals(ADMINS);
        }
    }

    /** One person: GitHub login, e-mail, and each team with the role held in it. */
    public record Person(String login, String email, TreeMap<String, TeamRole> teams) {
        public Person {
            teams = new TreeMap<>(teams);
        }
    }

    public People {
        teams = new TreeMap<>(teams);
        people = List.copyOf(people);
    }

    public Team admins() {
        return teams.get(ADMINS);
    }

    public Team developers() {
        return teams.get(DEVELOPERS);
    }

    /** Every team but the admins: each reaches only its own environments. */
    public List<Team> developerTeams() {
        return teams.values().stream().filter(team -> !team.isAdmins()).toList();
    }

    /**
     * The developer teams narrower than {@value #DEVELOPERS} (which reaches every environment): Argo CD
     * gives each a role in the projects of its environments' applications.
     */
    public List<Team> narrowerTeams() {
        return developerTeams().stream().filter(team -> !team.name().equals(DEVELOPERS)).toList();
    }

    /** The teams in an order where each parent comes before its children (GitHub needs the parent's id). */
    public List<Team> parentsFirst() {
        var ordered = new LinkedHashSet<Team>();
        for (var team : teams.values()) {
            addWithParents(team, ordered, new TreeSet<>());
        }
        return List.copyOf(ordered);
    }

    private void addWithParents(Team team, Set<Team> ordered, Set<String> seen) {
        if (!seen.add(team.name())) {
            return; // a cycle: rejected when the file is read
        }
        team.parent().map(teams::get).ifPresent(parent -> addWithParents(parent, ordered, seen));
        ordered.add(team);
    }

    /** The members of a team with their roles, in file order. */
    public List<Person> members(String team) {
        return people.stream().filter(person -> person.teams().containsKey(team)).toList();
    }

    /** The GitHub teams Argo CD and Grafana read from the sign-in's groups claim, as {@code <org>:<slug>}. */
    public List<String> githubGroups(String organisation) {
        var groups = new ArrayList<String>();
        teams.values().forEach(team -> groups.add(organisation + ":" + team.githubSlug()));
        return groups;
    }
}
