package io.idp.platform.local;

import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The offline engine relies on internals of the Pulumi Java SDK (com.pulumi.test.internal). This
 * pins them: an SDK upgrade that moves or changes one fails here, by name, rather than somewhere
 * in a plan.
 */
class SdkContractTest {

    @Test
    void sdkVersionIsThePinnedOne() throws Exception {
        var pom = new String(MockMonitor.class.getResourceAsStream("/META-INF/maven/com.pulumi/pulumi/pom.properties") != null
                ? MockMonitor.class.getResourceAsStream("/META-INF/maven/com.pulumi/pulumi/pom.properties").readAllBytes()
                : new byte[0]);
        var jar = MockMonitor.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertTrue(pom.contains("version=1.36.1") || jar.contains("pulumi-1.36.1"), "expected com.pulumi:pulumi 1.36.1, found " + jar);
    }

    @Test
    void builderTakesConfigMocksOptionsLoggerAndAMonitorDecorator() throws Exception {
        var builder = PulumiTestInternal.Builder.class;
        assertNotNull(builder.getMethod("config", java.util.Map.class, java.util.Set.class));
        assertNotNull(builder.getMethod("mocks", Mocks.class));
        assertNotNull(builder.getMethod("options", com.pulumi.test.TestOptions.class));
        assertNotNull(builder.getMethod("standardLogger", java.util.logging.Logger.class));
        assertNotNull(builder.getMethod("monitorDecorator", Function.class));
        assertNotNull(PulumiTestInternal.class.getMethod("cleanup"));
        assertNotNull(PulumiTestInternal.class.getMethod("mockLog", java.util.logging.Logger.class));
    }

    @Test
    void mockMonitorCanBeExtendedWhereTheEngineRecords() throws Exception {
        assertNotNull(MockMonitor.class.getConstructor(Mocks.class, com.pulumi.Log.class));
        assertNotNull(MockMonitor.class.getMethod("registerResourceAsync", Resource.class, pulumirpc.Resource.RegisterResourceRequest.class));
        assertNotNull(MockMonitor.class.getMethod("readResourceAsync", Resource.class, pulumirpc.Resource.ReadResourceRequest.class));
        assertNotNull(MockMonitor.class.getMethod("registerResourceOutputsAsync", pulumirpc.Resource.RegisterResourceOutputsRequest.class));
    }

    @Test
    void registrationRequestsCarryEveryFieldThePlanRecords() throws Exception {
        var request = pulumirpc.Resource.RegisterResourceRequest.class;
        for (var getter : new String[]{"getType", "getName", "getParent", "getCustom", "getObject", "getProtect",
                "getDependenciesList", "getPropertyDependenciesMap", "getProvider", "getVersion", "getIgnoreChangesList",
                "getRetainOnDelete", "getReplaceOnChangesList", "getDeleteBeforeReplace", "getAdditionalSecretOutputsList"}) {
            assertNotNull(request.getMethod(getter), getter);
        }
    }

    @Test
    void mockResultsKeepTheirShape() throws Exception {
        assertNotNull(Mocks.ResourceResult.class.getMethod("of", java.util.Optional.class, Object.class));
        assertEquals(String.class, Mocks.ResourceArgs.class.getField("type").getType());
        assertEquals(java.util.Map.class, Mocks.ResourceArgs.class.getField("inputs").getType());
    }
}
