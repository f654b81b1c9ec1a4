package io.idp.platform.components;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Argo CD on the management cluster, installed once by the program and then managed from git:
 * the chart at the catalog's pin, repository credentials from the gitops deploy key, and the root
 * Application ("registry") pointing at {@code registry/clusters/<cluster>} of the gitops repository.
 *
 * <p>Ownership: the gitops repository holds an Application for Argo CD itself with the same chart,
 * version and values. After the first install the program ignores changes to the release's chart
 * version and values, so a version bump merged in git is applied by Argo CD and never reverted by
 * {@code pulumi up}; the program keeps owning the namespace, the credentials and the root Application.
 */
public final class ArgoCd extends ComponentResource {
    public static final String TYPE = "platform:components:ArgoCd";
    public static final String NAMESPACE = "argocd";
    public static final String ROOT_APPLICATION = "registry";
    /** The root Application's own project; Argo CD's "default" project is locked. */
    public static final String ROOT_PROJECT = "registry";

    private final Output<String> fleetRoleArn;
    private final String url;

    public ArgoCd(String name, ArgoCdArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var k8s = args.cluster().kubernetes();
        // Other clusters trust this role (an EKS access entry each); Argo CD's controllers assume it through IRSA.
        var fleetRole = args.cluster().serviceAccountRole(name + "-fleet", args.clusterName() + "-argocd-fleet", NAMESPACE,
                ArgoCdValues.FLEET_SERVICE_ACCOUNTS, List.of());
        this.fleetRoleArn = fleetRole.arn();
        this.url = "https://" + args.hostname();

        var namespace = new Namespace(name + "-namespace", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(NAMESPACE)
                        .labels(Map.of("app.kubernetes.io/part-of", "argocd", "pod-security.kubernetes.io/enforce", "baseline"))
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).provider(k8s).dependsOn(args.dependsOn()).build());
        var inNamespace = CustomResourceOptions.builder().parent(this).provider(k8s).dependsOn(namespace).build();

        new Secret(name + "-gitops-credentials", SecretArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("repo-gitops").namespace(NAMESPACE)
                        .labels(Map.of("argocd.argoproj.io/secret-type", "repository")).build())
                .stringData(Output.tuple(args.repositoryUrl(), args.deployKeyPrivate()).applyValue(t -> Map.of(
                        "type", "git", "name", "gitops", "url", t.t1, "sshPrivateKey", t.t2)).asSecret())
                .build(), inNamespace);

        var values = fleetRole.arn().applyValue(arn -> ArgoCdValues.render(args.hostname(), args.highlyAvailable(), args.scale(), arn, args.sso()));
        var dependencies = new ArrayList<Resource>(List.of(namespace));
        var release = new Release(name + "-release", ReleaseArgs.builder()
                .name("argocd")
                .namespace(NAMESPACE)
                .chart(args.chart().chart())
                .version(args.chart().version())
                .repositoryOpts(RepositoryOptsArgs.builder().repo(args.chart().repository()).build())
                .values(values)
                .atomic(true)
                .timeout(900)
                .maxHistory(5)
                .build(), CustomResourceOptions.builder().parent(this).provider(k8s).dependsOn(dependencies)
                .ignoreChanges("version", "values").build());

        // The root's own project exists before the root, so Argo CD can sync it on first start.
        var rootProject = new KubernetesObject(name + "-root-project", "argoproj.io/v1alpha1", "AppProject",
                ObjectMetaArgs.builder().name(ROOT_PROJECT).namespace(NAMESPACE).build(),
                args.repositoryUrl().applyValue(ArgoCd::rootProjectSpec),
                CustomResourceOptions.builder().parent(this).provider(k8s).dependsOn(release).build());
        new KubernetesObject(name + "-root", "argoproj.io/v1alpha1", "Application",
                ObjectMetaArgs.builder().name(ROOT_APPLICATION).namespace(NAMESPACE).build(),
                args.repositoryUrl().applyValue(repo -> rootApplicationSpec(repo, args.clusterName())),
                CustomResourceOptions.builder().parent(this).provider(k8s).dependsOn(rootProject).build());

        registerOutputs(Map.of("namespace", Output.of(NAMESPACE), "url", Output.of(url), "fleetRoleArn", fleetRoleArn));
    }

    /**
     * The root's project: the gitops repository into Argo CD's own namespace, and only the Argo CD
     * objects the management cluster's directory holds (Applications, ApplicationSets, AppProjects).
     */
    static Map<String, Object> rootProjectSpec(String repositoryUrl) {
        return Map.of(
                "description", "The root Application: the management cluster's directory of the gitops repository",
                "sourceRepos", List.of(repositoryUrl),
                "destinations", List.of(Map.of("server", "https://kubernetes.default.svc", "namespace", NAMESPACE)),
                "clusterResourceWhitelist", List.of(),
                "namespaceResourceWhitelist", List.of(
                        Map.of("group", "argoproj.io", "kind", "Application"),
                        Map.of("group", "argoproj.io", "kind", "ApplicationSet"),
                        Map.of("group", "argoproj.io", "kind", "AppProject")));
    }

    /** The app of apps: everything under registry/clusters/&lt;cluster&gt;, pruned and self-healing. */
    static Map<String, Object> rootApplicationSpec(String repositoryUrl, String clusterName) {
        return Map.of(
                "project", ROOT_PROJECT,
                "source", Map.of("repoURL", repositoryUrl, "targetRevision", "main", "path", "registry/clusters/" + clusterName),
                "destination", Map.of("server", "https://kubernetes.default.svc", "namespace", NAMESPACE),
                "syncPolicy", Map.of(
                        "automated", Map.of("prune", true, "selfHeal", true),
                        "syncOptions", List.of("CreateNamespace=true")));
    }

    public Output<String> fleetRoleArn() {
        return fleetRoleArn;
    }

    public String url() {
        return url;
    }
}
