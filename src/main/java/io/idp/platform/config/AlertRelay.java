package io.idp.platform.config;

import java.util.Optional;

import static io.idp.platform.config.ConfigKeys.ALERTS_SMTP_FROM;
import static io.idp.platform.config.ConfigKeys.ALERTS_SMTP_HOST;
import static io.idp.platform.config.ConfigKeys.ALERTS_SMTP_PORT;
import static io.idp.platform.config.ConfigKeys.ALERTS_SMTP_USERNAME;

/**
 * The SMTP relay Alertmanager sends the platform team's e-mail through. Amazon SES in the management
 * region by default; any relay that speaks SMTP with STARTTLS and a login works. The password is
 * never configuration: it is read from the secret store ({@link #PASSWORD_PATH}), and so is the
 * username unless it is given here (an SES SMTP username is an access key id, so it stays there by default).
 *
 * @param host     the relay's host name
 * @param port     its submission port
 * @param from     the sender address, or empty for alertmanager@&lt;cluster hostname&gt;
 * @param username the login, or empty to read it from the secret store ({@link #USERNAME_PATH})
 */
public record AlertRelay(String host, int port, Optional<String> from, Optional<String> username) {
    public static final String USERNAME_PATH = "alertmanager/smtp-username";
    public static final String PASSWORD_PATH = "alertmanager/smtp-password";

    /** The relay's host when none is given: Amazon SES's SMTP endpoint in the region. */
    public static String sesHost(String region) {
        return "email-smtp." + region + ".amazonaws.com";
    }

    static Optional<AlertRelay> read(ConfigReader reader, RawConfig raw, String region) {
        var host = raw.get(ALERTS_SMTP_HOST.name()).filter(v -> !v.isBlank()).map(String::trim)
                .or(() -> Optional.ofNullable(region).map(AlertRelay::sesHost))
                .filter(value -> reader.check(ALERTS_SMTP_HOST, value, Validators.DOMAIN.matcher(value.toLowerCase()).matches(),
                        "is not a host name"));
        var port = reader.integer(ALERTS_SMTP_PORT, 1, 65535);
        var from = reader.text(ALERTS_SMTP_FROM).map(String::trim)
                .filter(value -> reader.check(ALERTS_SMTP_FROM, value, Validators.EMAIL.matcher(value).matches(), "is not an e-mail address"));
        boolean fromOk = raw.get(ALERTS_SMTP_FROM.name()).filter(v -> !v.isBlank()).isEmpty() || from.isPresent();
        var username = reader.text(ALERTS_SMTP_USERNAME).map(String::trim)
                .filter(value -> reader.check(ALERTS_SMTP_USERNAME, value, value.matches("[A-Za-z0-9._@+=-]{1,128}"),
                        "is not a login: 1-128 characters of letters, digits and . _ @ + = -"));
        boolean usernameOk = raw.get(ALERTS_SMTP_USERNAME.name()).filter(v -> !v.isBlank()).isEmpty() || username.isPresent();
        if (host.isEmpty() || port.isEmpty() || !fromOk || !usernameOk) {
            return Optional.empty();
        }
        return Optional.of(new AlertRelay(host.get(), port.get(), from, username));
    }
}
