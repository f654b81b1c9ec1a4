package io.idp.platform.config;

/** What only the management stack reads: the platform's domain, GitHub home, bots' credentials. */
public record ManagementSettings(
        String domain,
        String githubOwner,
        String gitopsRepo,
        boolean adoptGitopsRepo,
        String platformRepo,
        String alertsEmail,
        AlertRelay alertRelay,
        java.util.Optional<SecretValue> alertsChatWebhook,
        boolean argocdHa,
        ArgoCdScale argocdScale,
        String stateBucket,
        java.util.Optional<String> githubOidcProviderArn,
        SecretValue githubToken,
        SecretValue cloudflareToken,
        SsoSettings sso,
        java.util.List<String> applications,
        java.util.Optional<SecretValue> appPromotionToken,
        java.util.List<Cidr> argocdAllowedCidrs,
        TelemetryRetention telemetryRetention,
        CiSettings ci) {
}
