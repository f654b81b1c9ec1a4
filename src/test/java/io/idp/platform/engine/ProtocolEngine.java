package io.idp.platform.engine;

import com.google.common.collect.ImmutableMap;
import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.test.Mocks;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.idp.platform.local.PlanStore;
import io.idp.platform.local.EngineAliases;
import io.idp.platform.local.PreviewValues;
import io.idp.platform.local.cloud.Account;
import io.idp.platform.local.cloud.SimulatedCloud;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.GetRootResourceRequest;
import pulumirpc.EngineOuterClass.GetRootResourceResponse;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;
import pulumirpc.EngineOuterClass.SetRootResourceRequest;
import pulumirpc.EngineOuterClass.SetRootResourceResponse;
import pulumirpc.Resource.ReadResourceRequest;
import pulumirpc.Resource.ReadResourceResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.ResourceInvokeResponse;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.Resource.SupportsFeatureResponse;
import pulumirpc.ResourceMonitorGrpc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The engine's side of a deployment, as {@code pulumi preview} and {@code pulumi up} run it: a gRPC
 * server implementing pulumirpc's {@code ResourceMonitor} and {@code Engine} with the SDK's own
 * generated stubs. It assigns URNs by the engine's rule; answers custom resources with a simulated
 * provider's outputs (in a preview: no id, and only what known inputs determine, the rest unknown);
 * keeps secret inputs and additional secret outputs secret; keeps each stack's exports after an up
 * (with their secretness) and answers {@code StackReference} reads from them as the engine's builtin
 * provider does; and records every request and log message for the tests.
 */
final class ProtocolEngine implements AutoCloseable {
    /** Features the engine reports; the Java SDK asks for these two. */
    private static final Set<String> FEATURES = Set.of("secrets", "resourceReferences");
    private static final String STACK_TYPE = "pulumi:pulumi:Stack";
    private static final String STACK_REFERENCE = "pulumi:pulumi:StackReference";
    /** Invoke results the providers' schemas mark secret. */
    private static final Map<String, Set<String>> SECRET_INVOKE_RESULTS = Map.of(
            "aws:secretsmanager/getSecretVersion:getSecretVersion", Set.of("secretString", "secretBinary"));

    /** What one run of a program sent. */
    record Log(LogSeverity severity, String message) {
    }

    private final Server server;
    private final Path scratch;
    private final Map<String, Struct> stackOutputs = new ConcurrentHashMap<>();
    private volatile Run run;

    /** The state of one program run: one preview or up of one stack. */
    private static final class Run {
        final String stack;
        final String project;
        final boolean dryRun;
        final SimulatedCloud cloud;
        final List<Registration> registrations = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Log> logs = java.util.Collections.synchronizedList(new ArrayList<>());
        final Map<String, Struct> outputsByUrn = new ConcurrentHashMap<>();
        final Map<String, Set<String>> unknownInputs = new ConcurrentHashMap<>();
        volatile String root = "";
        final EngineAliases aliases;

        Run(String stack, String project, boolean dryRun, SimulatedCloud cloud) {
            this.stack = stack;
            this.project = project;
            this.dryRun = dryRun;
            this.cloud = cloud;
            this.aliases = new EngineAliases(stack, project);
        }
    }

    ProtocolEngine(Path scratch) throws IOException {
        this.scratch = scratch;
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .maxInboundMessageSize(400 * 1024 * 1024)
                .addService(new Monitor())
                .addService(new EngineService())
                .build()
                .start();
    }

    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    /** Starts recording a run of {@code stack}; the simulated provider works in the stack's region. */
    void begin(String stack, String project, boolean dryRun, String region) {
        var cloud = new SimulatedCloud(stack, Account.simulated(region), new PlanStore(scratch.resolve(stack)));
        run = new Run(stack, project, dryRun, cloud);
    }

    List<Registration> registrations() {
        return List.copyOf(run.registrations);
    }

    /** The inputs of a registration that were unknown when sent (in a preview). */
    Set<String> unknownInputs(String urn) {
        return run.unknownInputs.getOrDefault(urn, Set.of());
    }

    List<Log> logs() {
        return List.copyOf(run.logs);
    }

    /** The exports of a stack's last up, as the backend holds them (secrets marked). */
    Struct outputsOf(String stack) {
        return stackOutputs.get(stack);
    }

    void replaceOutputs(String stack, Struct outputs) {
        stackOutputs.put(stack, outputs);
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    /** The engine's URN rule: the root stack's type is left out of its children's qualified types. */
    static String urn(String stack, String project, String parent, String type, String name) {
        var qualified = type;
        if (!parent.isEmpty()) {
            var parentType = parent.split("::", 4)[2];
            if (!parentType.equals(STACK_TYPE)) {
                qualified = parentType + "$" + type;
            }
        }
        return "urn:pulumi:" + stack + "::" + project + "::" + qualified + "::" + name;
    }

    private static <T> void answer(StreamObserver<T> observer, Supplier<T> work) {
        try {
            observer.onNext(work.get());
            observer.onCompleted();
        } catch (RuntimeException e) {
            observer.onError(Status.UNKNOWN.withDescription(String.valueOf(e.getMessage())).withCause(e).asRuntimeException());
        }
    }

    private final class Monitor extends ResourceMonitorGrpc.ResourceMonitorImplBase {
        @Override
        public void supportsFeature(SupportsFeatureRequest request, StreamObserver<SupportsFeatureResponse> observer) {
            answer(observer, () -> SupportsFeatureResponse.newBuilder().setHasSupport(FEATURES.contains(request.getId())).build());
        }

        @Override
        public void registerResource(RegisterResourceRequest request, StreamObserver<RegisterResourceResponse> observer) {
            answer(observer, () -> register(request));
        }

        @Override
        public void readResource(ReadResourceRequest request, StreamObserver<ReadResourceResponse> observer) {
            answer(observer, () -> read(request));
        }

        @Override
        public void registerResourceOutputs(RegisterResourceOutputsRequest request, StreamObserver<Empty> observer) {
            answer(observer, () -> {
                var current = run;
                current.outputsByUrn.put(request.getUrn(), request.getOutputs());
                if (request.getUrn().equals(current.root) && !current.dryRun) {
                    stackOutputs.put(current.stack, request.getOutputs());
                }
                return Empty.getDefaultInstance();
            });
        }

        @Override
        public void invoke(ResourceInvokeRequest request, StreamObserver<ResourceInvokeResponse> observer) {
            answer(observer, () -> {
                var args = ImmutableMap.copyOf(Wire.plain(request.getArgs()));
                var result = run.cloud.callAsync(new Mocks.CallArgs(request.getTok(), args, request.getProvider())).join();
                var returned = Wire.struct(result).toBuilder();
                for (var secret : SECRET_INVOKE_RESULTS.getOrDefault(request.getTok(), Set.of())) {
                    if (returned.containsFields(secret)) {
                        returned.putFields(secret, Wire.secret(returned.getFieldsOrThrow(secret)));
                    }
                }
                return ResourceInvokeResponse.newBuilder().setReturn(returned).build();
            });
        }
    }

    private RegisterResourceResponse register(RegisterResourceRequest request) {
        var current = run;
        var urn = urn(current.stack, current.project, request.getParent(), request.getType(), request.getName());
        if (request.getType().equals(STACK_TYPE) && request.getParent().isEmpty()) {
            current.root = urn;
        }
        current.registrations.add(new Registration(urn, request.getType(), request.getName(), request.getParent(), false,
                provider(request.getCustom(), request.getType(), request.getProvider(), request.getVersion()),
                request.getProtect(), request.getRetainOnDelete(), List.copyOf(request.getIgnoreChangesList()),
                new TreeSet<>(request.getDependenciesList()), secretInputs(request.getObject()),
                current.aliases.of(urn, request.getParent(), request.getType(), request.getName(), request.getAliasesList())));
        var unknown = new TreeSet<String>();
        request.getObject().getFieldsMap().forEach((key, value) -> {
            if (!PreviewValues.isKnown(value)) {
                unknown.add(key);
            }
        });
        current.unknownInputs.put(urn, unknown);
        var response = RegisterResourceResponse.newBuilder().setUrn(urn);
        if (!request.getCustom()) {
            return response.build();
        }
        var inputs = Wire.plain(request.getObject());
        var created = current.cloud.newResourceAsync(new Mocks.ResourceArgs(request.getType(), request.getName(), inputs,
                request.getProvider(), request.getImportId())).join();
        @SuppressWarnings("unchecked")
        var state = Wire.struct((Map<String, Object>) created.state);
        String id = created.id.orElse(request.getImportId());
        if (current.dryRun && request.getImportId().isEmpty()) {
            state = PreviewValues.outputs(request.getObject(), state);
            id = request.getType().startsWith("pulumi:providers:") ? Wire.UNKNOWN : "";
        }
        var secrets = new TreeSet<>(request.getAdditionalSecretOutputsList());
        secrets.addAll(secretInputs(request.getObject()));
        var outputs = state.toBuilder();
        for (var key : secrets) {
            if (outputs.containsFields(key)) {
                outputs.putFields(key, Wire.secret(outputs.getFieldsOrThrow(key)));
            }
        }
        return response.setId(id).setObject(outputs).build();
    }

    /** Stack references: the builtin provider reads the referenced stack's exports from the backend. */
    private ReadResourceResponse read(ReadResourceRequest request) {
        var current = run;
        if (!request.getType().equals(STACK_REFERENCE)) {
            throw new IllegalArgumentException("this engine reads only stack references, not " + request.getType());
        }
        var urn = urn(current.stack, current.project, request.getParent(), request.getType(), request.getName());
        current.registrations.add(new Registration(urn, request.getType(), request.getName(), request.getParent(), true, "",
                false, false, List.of(), new TreeSet<>(request.getDependenciesList()), secretInputs(request.getProperties()), List.of()));
        var name = request.getId();
        var outputs = stackOutputs.get(name.substring(name.lastIndexOf('/') + 1));
        if (outputs == null) {
            throw new IllegalArgumentException("unknown stack \"" + name + "\"");
        }
        var secretNames = new ArrayList<Object>();
        outputs.getFieldsMap().forEach((key, value) -> {
            if (Wire.holdsSecret(value)) {
                secretNames.add(key);
            }
        });
        java.util.Collections.sort(secretNames, java.util.Comparator.comparing(String::valueOf));
        var properties = Struct.newBuilder()
                .putFields("name", Wire.text(name))
                .putFields("outputs", Value.newBuilder().setStructValue(outputs).build())
                .putFields("secretOutputNames", Wire.value(secretNames))
                .build();
        return ReadResourceResponse.newBuilder().setUrn(urn).setProperties(properties).build();
    }

    private static String provider(boolean custom, String type, String reference, String version) {
        if (!custom || type.startsWith("pulumi:")) {
            return "";
        }
        if (!reference.isEmpty()) {
            return Registration.providerUrn(reference);
        }
        var pkg = type.substring(0, type.indexOf(':'));
        return "default_" + pkg + (version.isEmpty() ? "" : "_" + version.replace('.', '_'));
    }

    private static Set<String> secretInputs(Struct inputs) {
        var keys = new TreeSet<String>();
        inputs.getFieldsMap().forEach((key, value) -> {
            if (Wire.holdsSecret(value)) {
                keys.add(key);
            }
        });
        return keys;
    }

    private final class EngineService extends EngineGrpc.EngineImplBase {
        @Override
        public void log(LogRequest request, StreamObserver<Empty> observer) {
            answer(observer, () -> {
                run.logs.add(new Log(request.getSeverity(), request.getMessage()));
                return Empty.getDefaultInstance();
            });
        }

        @Override
        public void getRootResource(GetRootResourceRequest request, StreamObserver<GetRootResourceResponse> observer) {
            answer(observer, () -> GetRootResourceResponse.newBuilder().setUrn(run.root).build());
        }

        @Override
        public void setRootResource(SetRootResourceRequest request, StreamObserver<SetRootResourceResponse> observer) {
            answer(observer, () -> {
                run.root = request.getUrn();
                return SetRootResourceResponse.getDefaultInstance();
            });
        }
    }
}
