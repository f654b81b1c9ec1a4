package io.idp.platform.components;

import com.pulumi.cloudflare.ApiToken;
import com.pulumi.cloudflare.ApiTokenArgs;
import com.pulumi.cloudflare.CloudflareFunctions;
import com.pulumi.cloudflare.inputs.ApiTokenPolicyArgs;
import com.pulumi.cloudflare.inputs.ApiTokenPolicyPermissionGroupArgs;
import com.pulumi.cloudflare.inputs.GetApiTokenPermissionGroupsListArgs;
import com.pulumi.cloudflare.Provider;
import com.pulumi.cloudflare.ProviderArgs;
import com.pulumi.cloudflare.inputs.GetZoneArgs;
import com.pulumi.cloudflare.inputs.GetZoneFilterArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.idp.platform.config.SecretValue;

import java.util.Map;

/**
 * The platform's Cloudflare zone, adopted by name: the DNS bot's provider and the zone id every
 * cluster's DNS records and scoped tokens refer to.
 */
public final class DnsZone extends ComponentResource {
    public static final String TYPE = "platform:components:DnsZone";

    public record Args(String domain, SecretValue apiToken) {
    }

    private final Provider cloudflare;
    private final Output<String> zoneId;
    private final String domain;

    public DnsZone(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.domain = args.domain();
        this.cloudflare = new Provider(name + "-cloudflare", ProviderArgs.builder()
                .apiToken(args.apiToken().output())
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.zoneId = CloudflareFunctions.getZone(GetZoneArgs.builder()
                        .filter(GetZoneFilterArgs.builder().name(args.domain()).match("all").build())
                        .build(), InvokeOptions.builder().parent(this).provider(cloudflare).build())
                .applyValue(zone -> zone.id().orElseThrow(() -> new ContractException(
                        "Cloudflare has no zone named " + args.domain() + " that the DNS bot's token can read; "
                                + "add the zone to the account or give the token Zone Read on it")));
        registerOutputs(Map.of("zoneId", zoneId, "domain", Output.of(domain)));
    }

    /**
     * Two API tokens for one cluster, each limited to this zone and to what its user needs: external-dns
     * (DNS Write, Zone Read to find the zone) and cert-manager DNS-01 (the same). Their values go to the
     * secret store under the cluster's own path; they are never exported.
     */
    public void clusterTokens(String clusterName, SecretStore store) {
        var dnsWrite = permissionGroup("DNS Write");
        var zoneRead = permissionGroup("Zone Read");
        for (var user : java.util.List.of("external-dns", "cert-manager")) {
            var token = new ApiToken(clusterName + "-" + user, ApiTokenArgs.builder()
                    .name(clusterName + "-" + user + " (" + domain + ")")
                    .policies(ApiTokenPolicyArgs.builder()
                            .effect("allow")
                            .resources(zoneId.applyValue(id -> "{\"com.cloudflare.api.account.zone." + id + "\":\"*\"}"))
                            .permissionGroups(Output.tuple(dnsWrite, zoneRead).applyValue(ids -> java.util.List.of(
                                    ApiTokenPolicyPermissionGroupArgs.builder().id(ids.t1).build(),
                                    ApiTokenPolicyPermissionGroupArgs.builder().id(ids.t2).build())))
                            .build())
                    .build(), CustomResourceOptions.builder().parent(this).provider(cloudflare).build());
            store.put("clusters/" + clusterName + "/cloudflare/" + user + "-token",
                    "Cloudflare token of " + user + " in " + clusterName + ", limited to " + domain,
                    token.value().applyValue(value -> value.orElseThrow()));
        }
    }

    private Output<String> permissionGroup(String name) {
        return CloudflareFunctions.getApiTokenPermissionGroupsList(GetApiTokenPermissionGroupsListArgs.builder().name(name).build(),
                        InvokeOptions.builder().parent(this).provider(cloudflare).build())
                .applyValue(list -> list.results().orElse(java.util.List.of()).stream().findFirst()
                        .flatMap(group -> group.id())
                        .orElseThrow(() -> new ContractException("Cloudflare has no API token permission group '" + name + "'")));
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
