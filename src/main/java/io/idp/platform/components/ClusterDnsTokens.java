package io.idp.platform.components;

import io.idp.platform.support.Json;
import io.idp.platform.support.ContractException;

import com.pulumi.cloudflare.ApiToken;
import com.pulumi.cloudflare.ApiTokenArgs;
import com.pulumi.cloudflare.CloudflareFunctions;
import com.pulumi.cloudflare.Provider;
import com.pulumi.cloudflare.inputs.ApiTokenConditionArgs;
import com.pulumi.cloudflare.inputs.ApiTokenConditionRequestIpArgs;
import com.pulumi.cloudflare.inputs.ApiTokenPolicyArgs;
import com.pulumi.cloudflare.inputs.ApiTokenPolicyPermissionGroupArgs;
import com.pulumi.cloudflare.inputs.GetApiTokenPermissionGroupsListArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.idp.platform.config.Cidr;
import io.idp.platform.config.DnsSettings;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * One cluster's Cloudflare tokens, the least each user needs: external-dns and cert-manager DNS-01
 * each get DNS Write (and Zone Read, to find the zone) on the platform's zone only, usable only from
 * the cluster's own egress addresses and only until an expiry date. The values go to the secret
 * store under the cluster's own path, where its External Secrets reads them; they are never exported.
 *
 * <p>The zone is the narrowest resource a Cloudflare API token can name: a token cannot be limited
 * to record names, and a delegated subzone per cluster is a separate zone (a subdomain zone needs
 * Cloudflare's Enterprise plan). So the limits that make a leaked token useless elsewhere are the
 * address filter and the expiry, and both are on unless configured otherwise.
 */
public final class ClusterDnsTokens extends ComponentResource {
    public static final String TYPE = "platform:components:ClusterDnsTokens";
    public static final List<String> USERS = List.of("external-dns", "cert-manager");
    public static final List<String> PERMISSION_GROUPS = List.of("DNS Write", "Zone Read");

    /** Months a token lives by default, counted from the start of the current calendar quarter. */
    public static final int DEFAULT_LIFETIME_MONTHS = 15;

    /** The configured networks, or else each egress address on its own. */
    static List<String> allowedCidrs(DnsSettings settings, List<String> egressIps) {
        if (!settings.tokenAllowedCidrs().isEmpty()) {
            return settings.tokenAllowedCidrs().stream().map(Cidr::toString).toList();
        }
        if (egressIps.isEmpty()) {
            throw new ContractException("the cluster has no NAT gateway address to limit its DNS tokens to; "
                    + "set platform:dnsTokenAllowedCidrs to the networks its DNS traffic leaves from");
        }
        return egressIps.stream().map(ip -> ip + "/32").toList();
    }

    /**
     * The configured date, or else the first day of the quarter {@value #DEFAULT_LIFETIME_MONTHS} months
     * after the current one starts: 12 to 15 months ahead. The default moves once a quarter, so a
     * deploy each quarter extends the expiry in place (the token's value stays), and a platform left
     * undeployed for a year loses its tokens instead of keeping them forever.
     */
    static String expiresOn(DnsSettings settings, LocalDate today) {
        return settings.tokenExpiresOn().map(date -> date + "T00:00:00Z").orElseGet(() -> defaultExpiresOn(today));
    }

    public static String defaultExpiresOn(LocalDate today) {
        var quarterStart = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
        return quarterStart.plusMonths(DEFAULT_LIFETIME_MONTHS) + "T00:00:00Z";
    }

    public ClusterDnsTokens(String name, ClusterDnsTokensArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var groups = Output.all(PERMISSION_GROUPS.stream().map(group -> permissionGroup(group, args.cloudflare())).toList());
        for (var user : USERS) {
            var token = ApiTokenArgs.builder()
                    .name(args.domain().applyValue(domain -> args.clusterName() + "-" + user + " (" + domain + ")"))
                    .policies(ApiTokenPolicyArgs.builder()
                            .effect("allow")
                            .resources(args.zoneId().applyValue(id -> Json.render(Map.of("com.cloudflare.api.account.zone." + id, "*"))))
                            .permissionGroups(groups.applyValue(ids -> ids.stream()
                                    .map(id -> ApiTokenPolicyPermissionGroupArgs.builder().id(id).build()).toList()))
                            .build());
            token.condition(args.egressIps().applyValue(ips -> ApiTokenConditionArgs.builder()
                    .requestIp(ApiTokenConditionRequestIpArgs.builder().ins(allowedCidrs(args.settings(), ips)).build()).build()));
            token.expiresOn(expiresOn(args.settings(), LocalDate.now(ZoneOffset.UTC)));
            var created = new ApiToken(args.clusterName() + "-" + user, token.build(),
                    CustomResourceOptions.builder().parent(this).provider(args.cloudflare()).build());
            args.store().put("clusters/" + args.clusterName() + "/cloudflare/" + user + "-token",
                    "Cloudflare token of " + user + " in " + args.clusterName() + ", limited to the platform's zone and the cluster's addresses",
                    created.value().applyValue(value -> value.orElseThrow()));
        }
        registerOutputs(Map.of());
    }

    private Output<String> permissionGroup(String name, Provider cloudflare) {
        return CloudflareFunctions.getApiTokenPermissionGroupsList(GetApiTokenPermissionGroupsListArgs.builder().name(name).build(),
                        InvokeOptions.builder().parent(this).provider(cloudflare).build())
                .applyValue(list -> list.results().orElse(List.of()).stream().findFirst()
                        .flatMap(group -> group.id())
                        .orElseThrow(() -> new ContractException("Cloudflare has no API token permission group '" + name + "'")));
    }
}
