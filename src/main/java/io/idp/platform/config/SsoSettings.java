package io.idp.platform.config;

/** Single sign-on through GitHub: the OAuth app and the teams that map to roles. */
public record SsoSettings(String clientId, SecretValue clientSecret, String adminsTeam, String developersTeam) {
}
