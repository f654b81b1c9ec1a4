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

import java.util.List;
import java.util.Map;

/**
 * One cluster's Cloudflare tokens, the least each user needs: external-dns and cert-manager DNS-01
 * each get DNS Write (and Zone Read, to find the zone) on the platform's zone only, optionally only
 * from listed networks and until a date. The values go to the secret store under the cluster's own
 * path, where its External Secrets reads them; they are never exported.
 */
public final class ClusterDnsTokens extends ComponentResource {
    public static final String TYPE = "platform:components:ClusterDnsTokens";
    public static final List<String> USERS = List.of("external-dns", "cert-manager");
    public static final List<String> PERMISSION_GROUPS = List.of("DNS Write", "Zone Read");

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
            if (!args.settings().tokenAllowedCidrs().isEmpty()) {
                token.condition(ApiTokenConditionArgs.builder().requestIp(ApiTokenConditionRequestIpArgs.builder()
                        .ins(args.settings().tokenAllowedCidrs().stream().map(Cidr::toString).toList()).build()).build());
            }
            args.settings().tokenExpiresOn().ifPresent(date -> token.expiresOn(date + "T00:00:00Z"));
            var created = new ApiToken(args.clusterName() + "-" + user, token.build(),
                    CustomResourceOptions.builder().parent(this).provider(args.cloudflare()).build());
            args.store().put("clusters/" + args.clusterName() + "/cloudflare/" + user + "-token",
                    "Cloudflare token of " + user + " in " + args.clusterName() + ", limited to the platform's zone",
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
