package io.idp.platform.config;

import java.util.List;
import java.util.Optional;

/**
 * The platform's zone (management: adopt or create, DNSSEC) and the limits of every cluster's
 * Cloudflare tokens (both roles).
 */
public record DnsSettings(boolean createZone, Optional<String> accountId, boolean dnssec, List<Cidr> tokenAllowedCidrs,
                          Optional<String> tokenExpiresOn) {
}
