package io.idp.platform.local;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import pulumirpc.Resource.ReadResourceRequest;
import pulumirpc.Resource.ReadResourceResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test engine's monitor, extended to record every registration whole, as the real engine
 * receives it, and to mark outputs secret the way the engine does (secret inputs and
 * {@code additionalSecretOutputs} come back secret), so a program behaves as under {@code pulumi up}.
 */
final class RecordingMonitor extends MockMonitor {
    private static final String STACK_REFERENCE = "pulumi:pulumi:StackReference";
    private final Map<String, PlannedResource> registered = new ConcurrentHashMap<>();
    private final Map<String, Struct> componentOutputs = new ConcurrentHashMap<>();
    private final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    private final String stack;
    private final String project;
    private final boolean preview;
    private final EngineAliases aliases;

    /**
     * @param preview answer as the engine does in {@code pulumi preview}: a new resource's id and every
     *                output its inputs do not determine are unknown
     */
    RecordingMonitor(Mocks mocks, Log log, String stack, String project, boolean preview) {
        super(mocks, log);
        this.stack = stack;
        this.project = project;
        this.preview = preview;
        this.aliases = new EngineAliases(stack, project);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        // Computed before the response: a child's registration can only follow its parent's.
        var urn = EngineUrn.of(stack, project, request.getParent(), request.getType(), request.getName());
        var aliasUrns = aliases.of(urn, request.getParent(), request.getType(), request.getName(), request.getAliasesList());
        return super.registerResourceAsync(resource, request).thenApply(simulated -> {
            var response = preview && request.getCustom() ? PreviewValues.of(request, simulated) : simulated;
            var secretKeys = secretOutputKeys(request.getObject(), request.getAdditionalSecretOutputsList());
            var outputs = markSecret(response.getObject(), secretKeys);
            record(new PlannedResource(
                    urn,
                    request.getType(),
                    request.getName(),
                    request.getParent(),
                    request.getCustom(),
                    false,
                    provider(request.getCustom(), request.getType(), request.getProvider(), request.getVersion()),
                    WireValues.plain(request.getObject()),
                    withId(WireValues.plain(outputs), response.getId(), request.getCustom()),
                    List.copyOf(new java.util.TreeSet<>(request.getDependenciesList())),
                    propertyDependencies(request),
                    request.getProtect(),
                    request.getRetainOnDelete(),
                    List.copyOf(request.getIgnoreChangesList()),
                    List.copyOf(request.getReplaceOnChangesList()),
                    request.getDeleteBeforeReplace(),
                    request.getImportId(),
                    aliasUrns));
            return response.toBuilder().setUrn(urn).setObject(outputs).build();
        });
    }

    @Override
    public CompletableFuture<ReadResourceResponse> readResourceAsync(Resource resource, ReadResourceRequest request) {
        return super.readResourceAsync(resource, request).thenApply(response -> {
            var urn = EngineUrn.of(stack, project, request.getParent(), request.getType(), request.getName());
            var properties = STACK_REFERENCE.equals(request.getType()) ? stackReferenceSecrets(response.getProperties()) : response.getProperties();
            var outputs = markSecret(properties, secretOutputKeys(request.getProperties(), request.getAdditionalSecretOutputsList()));
            record(new PlannedResource(urn, request.getType(), request.getName(), request.getParent(),
                    true, true, provider(true, request.getType(), request.getProvider(), request.getVersion()),
                    WireValues.plain(request.getProperties()), withId(WireValues.plain(outputs), request.getId(), true),
                    List.copyOf(new java.util.TreeSet<>(request.getDependenciesList())), Map.of(),
                    false, false, List.of(), List.of(), false, ""));
            return response.toBuilder().setUrn(urn).setProperties(outputs).build();
        });
    }

    @Override
    public CompletableFuture<Void> registerResourceOutputsAsync(RegisterResourceOutputsRequest request) {
        componentOutputs.put(request.getUrn(), request.getOutputs());
        return super.registerResourceOutputsAsync(request);
    }

    /** Registrations in a stable order, components carrying the outputs they registered. */
    List<PlannedResource> resources() {
        var byUrn = new TreeMap<String, PlannedResource>();
        registered.forEach((urn, resource) -> {
            var outputs = componentOutputs.get(urn);
            byUrn.put(urn, outputs == null || resource.custom() ? resource : resource.withOutputs(WireValues.plain(outputs)));
        });
        return List.copyOf(byUrn.values());
    }

    /** Problems the real engine would refuse, such as two resources with one URN. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    private void record(PlannedResource resource) {
        if (registered.putIfAbsent(resource.urn(), resource) != null) {
            errors.add("two resources have the URN " + resource.urn() + "; give one of them another name");
        }
    }

    /**
     * The engine hands a stack reference the referenced stack's outputs with each secret one marked
     * secret (and their names in {@code secretOutputNames}); the plan file holds them masked.
     */
    private static Struct stackReferenceSecrets(Struct properties) {
        var outputs = properties.getFieldsMap().get("outputs");
        var names = properties.getFieldsMap().get("secretOutputNames");
        if (outputs == null || !outputs.hasStructValue() || names == null || !names.hasListValue()) {
            return properties;
        }
        var marked = outputs.getStructValue().toBuilder();
        names.getListValue().getValuesList().forEach(name -> {
            var value = marked.getFieldsMap().get(name.getStringValue());
            if (value != null) {
                marked.putFields(name.getStringValue(), WireValues.secret(value));
            }
        });
        return properties.toBuilder().putFields("outputs", Value.newBuilder().setStructValue(marked).build()).build();
    }

    private static java.util.Set<String> secretOutputKeys(Struct inputs, List<String> additionalSecretOutputs) {
        var keys = new HashSet<>(additionalSecretOutputs);
        inputs.getFieldsMap().forEach((key, value) -> {
            if (WireValues.isSecret(value)) {
                keys.add(key);
            }
        });
        return keys;
    }

    private static Struct markSecret(Struct outputs, java.util.Set<String> secretKeys) {
        if (secretKeys.isEmpty()) {
            return outputs;
        }
        var builder = outputs.toBuilder();
        for (var key : secretKeys) {
            Value value = outputs.getFieldsMap().get(key);
            if (value != null) {
                builder.putFields(key, WireValues.secret(value));
            }
        }
        return builder.build();
    }

    private static Map<String, Object> withId(Map<String, Object> outputs, String id, boolean custom) {
        if (!custom || id == null || id.isEmpty()) {
            return outputs;
        }
        var withId = new TreeMap<>(outputs);
        withId.put("id", id);
        return withId;
    }

    private static String provider(boolean custom, String type, String explicit, String version) {
        if (!custom || type.startsWith("pulumi:")) {
            return "";
        }
        if (!explicit.isEmpty()) {
            return explicit;
        }
        var pkg = type.substring(0, type.indexOf(':'));
        return "default_" + pkg + (version.isEmpty() ? "" : "_" + version.replace('.', '_'));
    }

    private static Map<String, List<String>> propertyDependencies(RegisterResourceRequest request) {
        var map = new TreeMap<String, List<String>>();
        request.getPropertyDependenciesMap().forEach((key, deps) -> map.put(key, List.copyOf(new java.util.TreeSet<>(deps.getUrnsList()))));
        return map;
    }

}
