package io.idp.platform.config;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.InstanceType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/** The AWS data the configuration is checked against, held to its sources. */
class AwsFactsTest {
    static final Path INSTANCE_TYPES = Path.of("src/main/resources/aws/ec2-instance-types.txt");

    @Test
    void theInstanceTypesAreExactlyTheAwsSdksEnum() throws IOException {
        var sdk = new TreeSet<String>();
        InstanceType.knownValues().forEach(type -> sdk.add(type.toString()));
        if (Boolean.getBoolean("instance-types.write")) {
            var header = Files.readAllLines(INSTANCE_TYPES).stream().filter(l -> l.startsWith("#")).toList();
            var lines = new java.util.ArrayList<>(header);
            lines.addAll(sdk);
            Files.write(INSTANCE_TYPES, lines);
        }
        assertEquals(sdk, AwsFacts.instanceTypes(), "refresh with -Dinstance-types.write=true (see the file's header)");
        assertTrue(sdk.size() > 1000, "the SDK lists " + sdk.size());
    }

    @Test
    void knownTypesAreAcceptedAndInventedOnesAreNot() {
        assertTrue(AwsFacts.isInstanceType("m6i.large"));
        assertTrue(AwsFacts.isInstanceType("m7g.xlarge"));
        assertFalse(AwsFacts.isInstanceType("m6i.huge"));
        assertFalse(AwsFacts.isInstanceType("M6I.LARGE"));
    }

    @Test
    void everyRegionHasItsZoneCountAndNoneHasFewerThanTwo() {
        assertEquals(Validators.AWS_REGIONS, AwsFacts.regions());
        assertEquals(6, AwsFacts.zones("us-east-1"));
        assertEquals(2, AwsFacts.zones("us-west-1"));
        assertEquals(0, AwsFacts.zones("us-gov-west-1"));
        AwsFacts.regions().forEach(region -> assertTrue(AwsFacts.zones(region) >= 2, region));
    }

    @Test
    void theDataFilesNameTheirSourceAndDate() throws IOException {
        for (var file : java.util.List.of(INSTANCE_TYPES, Path.of("src/main/resources/aws/availability-zones.txt"))) {
            var header = String.join("\n", Files.readAllLines(file).stream().filter(l -> l.startsWith("#")).toList());
            assertTrue(header.matches("(?s).*\\b20\\d\\d-\\d\\d-\\d\\d\\b.*"), file + " has no date");
            assertTrue(header.contains("Source") || header.contains("software.amazon.awssdk"), file + " names no source");
        }
    }
}
