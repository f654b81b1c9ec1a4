package io.idp.platform.config;

import java.util.Optional;

/**
 * Single sign-on through GitHub: the OAuth app. The teams that map to roles come from the people
 * file; {@code adminsTeam} and {@code developersTeam} are the former keys' values where a stack file
 * still sets them, checked against it ({@link PeopleCheck}).
 */
public record SsoSettings(String clientId, SecretValue clientSecret, Optional<String> adminsTeam, Optional<String> developersTeam) {
}
