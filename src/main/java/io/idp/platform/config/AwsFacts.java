package io.idp.platform.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What AWS accepts, from data files with their source and date (src/main/resources/aws): the EC2
 * instance types (the AWS SDK's own enum) and the availability zones of each commercial region.
 */
public final class AwsFacts {
    private static final Set<String> INSTANCE_TYPES = new TreeSet<>(lines("aws/ec2-instance-types.txt"));
    private static final Map<String, Integer> ZONES = zones();

    /** AWS's tag limits (docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html, read 2026-11-30). */
    public static final int MAX_TAGS_PER_RESOURCE = 50;
    public static final int MAX_TAG_KEY_LENGTH = 128;
    public static final int MAX_TAG_VALUE_LENGTH = 256;
    public static final String RESERVED_TAG_PREFIX = "aws:";

    private AwsFacts() {
    }

    public static boolean isInstanceType(String type) {
        return INSTANCE_TYPES.contains(type);
    }

    public static Set<String> instanceTypes() {
        return INSTANCE_TYPES;
    }

    /** The commercial regions, in the data file's order. */
    public static List<String> regions() {
        return List.copyOf(ZONES.keySet());
    }

    /** How many availability zones a new account can use in the region; 0 for an unknown region. */
    public static int zones(String region) {
        return ZONES.getOrDefault(region, 0);
    }

    private static Map<String, Integer> zones() {
        var zones = new LinkedHashMap<String, Integer>();
        for (var line : lines("aws/availability-zones.txt")) {
            var parts = line.split("\\s+");
            zones.put(parts[0], Integer.parseInt(parts[1]));
        }
        return zones;
    }

    private static List<String> lines(String resource) {
        var stream = AwsFacts.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("the data file " + resource + " is missing from the build");
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            var lines = new ArrayList<String>();
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
