package io.idp.platform.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.Map;

/**
 * A Kubernetes object of a custom resource kind (an Argo CD Application, say), registered with the
 * kubernetes provider the way its own SDKs register custom resources: type
 * {@code kubernetes:<apiVersion>:<kind>}. The Java SDK 4.0.0 ships no generic CustomResource.
 */
public final class KubernetesObject extends CustomResource {

    /** apiVersion, kind, metadata and spec of the object. */
    public static final class Args extends ResourceArgs {
        @Import(name = "apiVersion", required = true)
        private final Output<String> apiVersion;
        @Import(name = "kind", required = true)
        private final Output<String> kind;
        @Import(name = "metadata", required = true)
        private final Output<ObjectMetaArgs> metadata;
        @Import(name = "spec", required = true)
        private final Output<Map<String, Object>> spec;

        public Args(String apiVersion, String kind, ObjectMetaArgs metadata, Output<Map<String, Object>> spec) {
            this.apiVersion = Output.of(apiVersion);
            this.kind = Output.of(kind);
            this.metadata = Output.of(metadata);
            this.spec = spec;
        }
    }

    public KubernetesObject(String name, String apiVersion, String kind, ObjectMetaArgs metadata,
                            Output<Map<String, Object>> spec, CustomResourceOptions options) {
        super("kubernetes:" + apiVersion + ":" + kind, name, new Args(apiVersion, kind, metadata, spec),
                CustomResourceOptions.merge(CustomResourceOptions.builder()
                        .version(com.pulumi.kubernetes.Utilities.getVersion()).build(), options, null));
    }
}
