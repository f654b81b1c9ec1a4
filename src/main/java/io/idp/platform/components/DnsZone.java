package io.idp.platform.components;

import io.idp.platform.support.ContractException;

import com.pulumi.cloudflare.CloudflareFunctions;
import com.pulumi.cloudflare.DnsRecord;
import com.pulumi.cloudflare.DnsRecordArgs;
import com.pulumi.cloudflare.Provider;
import com.pulumi.cloudflare.ProviderArgs;
import com.pulumi.cloudflare.Zone;
import com.pulumi.cloudflare.ZoneArgs;
import com.pulumi.cloudflare.ZoneDnssec;
import com.pulumi.cloudflare.ZoneDnssecArgs;
import com.pulumi.cloudflare.inputs.DnsRecordDataArgs;
import com.pulumi.cloudflare.inputs.GetZoneArgs;
import com.pulumi.cloudflare.inputs.GetZoneFilterArgs;
import com.pulumi.cloudflare.inputs.ZoneAccountArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * The platform's Cloudflare zone: adopted by name (the default) or created and protected; signed
 * with DNSSEC when asked. Each cluster owns the subdomain {@code <cluster>.<domain>}, which only
 * Let's Encrypt may issue certificates for (CAA); records under it are external-dns's, per cluster.
 */
public final class DnsZone extends ComponentResource {
    public static final String TYPE = "platform:components:DnsZone";

    private final Provider cloudflare;
    private final Output<String> zoneId;
    private final String domain;

    public DnsZone(String name, DnsZoneArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.domain = args.domain();
        this.cloudflare = new Provider(name + "-cloudflare", ProviderArgs.builder()
                .apiToken(args.apiToken())
                .build(), CustomResourceOptions.builder().parent(this).build());
        var child = CustomResourceOptions.builder().parent(this).provider(cloudflare);
        if (args.createZone()) {
            var zone = new Zone(name + "-zone", ZoneArgs.builder()
                    .name(args.domain())
                    .type("full")
                    .account(ZoneAccountArgs.builder().id(args.accountId().orElseThrow()).build())
                    .build(), child.protect(args.protect()).retainOnDelete(true).build());
            this.zoneId = zone.id();
        } else {
            this.zoneId = lookup(cloudflare, args.domain(), this);
        }
        if (args.dnssec()) {
            new ZoneDnssec(name + "-dnssec", ZoneDnssecArgs.builder().zoneId(zoneId).status("active").build(),
                    CustomResourceOptions.builder().parent(this).provider(cloudflare).build());
        }
        registerOutputs(Map.of("zoneId", zoneId, "domain", Output.of(domain)));
    }

    /** The id of an existing zone, by name; a zone the token cannot see is a clear error. */
    public static Output<String> lookup(Provider cloudflare, String domain, com.pulumi.resources.Resource parent) {
        return CloudflareFunctions.getZone(GetZoneArgs.builder()
                        .filter(GetZoneFilterArgs.builder().name(domain).match("all").build())
                        .build(), InvokeOptions.builder().parent(parent).provider(cloudflare).build())
                .applyValue(zone -> zone.id().orElseThrow(() -> new ContractException(
                        "Cloudflare has no zone named " + domain + " that the DNS bot's token can read; "
                                + "add the zone to the account, give the token Zone Read on it, or set platform:dnsZoneCreate: true")));
    }

    /**
     * The cluster's subdomain: only Let's Encrypt may issue certificates for it. The cluster's own
     * records under it are external-dns's.
     */
    public static DnsRecord clusterSubdomain(String clusterName, ManagementPlane zone, com.pulumi.resources.Resource parent) {
        var options = CustomResourceOptions.builder().provider(zone.cloudflare()).parent(parent);
        var domain = zone.domain();
        var zoneId = zone.dnsZoneId();
        return new DnsRecord(clusterName + "-caa", DnsRecordArgs.builder()
                .zoneId(zoneId)
                .name(domain.applyValue(d -> clusterName + "." + d))
                .type("CAA")
                .ttl(3600.0)
                .data(DnsRecordDataArgs.builder().flags(0.0).tag("issue").value("letsencrypt.org").build())
                .comment("platform: certificates for " + clusterName + " come from Let's Encrypt only")
                .build(), options.build());
    }

    public Output<String> zoneId() {
        return zoneId;
    }

    public String domain() {
        return domain;
    }

    public Provider cloudflare() {
        return cloudflare;
    }
}
