package io.idp.platform.components;

import com.pulumi.core.Output;
import io.idp.platform.support.RequiredArgs;

import java.util.Optional;

/** The arguments of a {@link DnsZone}; build with {@link #builder()}. */
public final class DnsZoneArgs {
    private final Builder b;

    private DnsZoneArgs(Builder builder) {
        this.b = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String domain() { return b.domain; }
    public Output<String> apiToken() { return b.apiToken; }
    public boolean createZone() { return b.createZone; }
    public Optional<String> accountId() { return b.accountId; }
    public boolean dnssec() { return b.dnssec; }
    public boolean protect() { return b.protect; }

    public static final class Builder {
        private String domain;
        private Output<String> apiToken;
        private boolean createZone = false;
        private Optional<String> accountId = Optional.empty();
        private boolean dnssec = false;
        private boolean protect = true;

        private Builder() {
        }

        /** Required: the platform's domain, e.g. {@code platform.example.com}. */
        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        /** Required: the DNS bot's Cloudflare token (secret). */
        public Builder apiToken(Output<String> apiToken) {
            this.apiToken = apiToken;
            return this;
        }

        /** Create the zone instead of adopting the existing one by name. Default: false (adopt). */
        public Builder createZone(boolean createZone) {
            this.createZone = createZone;
            return this;
        }

        /** The Cloudflare account a created zone belongs to; required with {@code createZone(true)}. Default: none. */
        public Builder accountId(Optional<String> accountId) {
            this.accountId = accountId;
            return this;
        }

        /** Sign the zone with DNSSEC. Default: false. */
        public Builder dnssec(boolean dnssec) {
            this.dnssec = dnssec;
            return this;
        }

        /** Protect a created zone from deletion. Default: true. */
        public Builder protect(boolean protect) {
            this.protect = protect;
            return this;
        }

        public DnsZoneArgs build() {
            var check = RequiredArgs.of(DnsZoneArgs.class).require("domain", domain).require("apiToken", apiToken);
            if (createZone) {
                check.require("accountId", accountId.orElse(null));
            }
            check.check();
            return new DnsZoneArgs(this);
        }
    }
}
