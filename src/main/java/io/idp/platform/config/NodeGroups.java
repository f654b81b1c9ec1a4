package io.idp.platform.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code platform:nodeGroups}: a map of group names to their settings. Every bad setting of
 * every group is reported, each under its own key ({@code platform:nodeGroups.<group>.<setting>}).
 */
final class NodeGroups {
    static final List<String> SETTINGS = List.of("instanceTypes", "capacityType", "minSize", "desiredSize", "maxSize",
            "diskGiB", "amiType", "labels", "taints");
    static final List<String> AMI_TYPES = List.of("AL2023_x86_64_STANDARD", "AL2023_ARM_64_STANDARD", "AL2023_x86_64_NVIDIA",
            "AL2023_x86_64_NEURON", "BOTTLEROCKET_x86_64", "BOTTLEROCKET_ARM_64", "BOTTLEROCKET_x86_64_NVIDIA",
            "BOTTLEROCKET_ARM_64_NVIDIA");
    static final List<String> TAINT_EFFECTS = List.of("NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE");
    /** The label the platform sets on every node: which group it belongs to. */
    static final String GROUP_LABEL = "platform/node-group";
    static final String DEFAULT_GROUP = "default";
    static final int DEFAULT_MIN = 1;
    static final int DEFAULT_MAX = 3;
    static final int DEFAULT_DISK_GIB = 50;
    static final int MAX_TAINTS = 50;
    /** With the cluster's name (at most 32) and a '-', within EKS's 63 characters of a node group name. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,28}[a-z0-9])?");
    /** Kubernetes label keys: an optional DNS prefix and a name of at most 63 characters. */
    private static final Pattern LABEL_KEY = Pattern.compile(
            "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
    private static final String EXAMPLE = "platform:nodeGroups: {spot: {instanceTypes: [m6i.large, m6a.large], capacityType: SPOT, "
            + "maxSize: 10, taints: [{key: spot, value: \"true\", effect: NO_SCHEDULE}]}}";

    private final ConfigReader reader;
    private final ClusterSettings.AmiFamily family;

    private NodeGroups(ConfigReader reader, ClusterSettings.AmiFamily family) {
        this.reader = reader;
        this.family = family;
    }

    /** The groups, or empty when any setting is bad (each reported); the family is the default group's. */
    static Optional<List<NodeGroupSettings>> read(ConfigReader reader, Optional<ClusterSettings.AmiFamily> family) {
        var key = ConfigKeys.NODE_GROUPS;
        // Never empty: the key is optional and defaults to {}.
        var text = reader.text(key).orElse("{}");
        JsonElement json;
        try {
            json = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            reader.error(key, text, "is not a YAML map");
            return Optional.empty();
        }
        if (!json.isJsonObject()) {
            reader.error(key, text, "is not a map of node group names to their settings");
            return Optional.empty();
        }
        var groups = new NodeGroups(reader, family.orElse(ClusterSettings.AmiFamily.AL2023));
        var result = new ArrayList<NodeGroupSettings>();
        for (var entry : json.getAsJsonObject().entrySet()) {
            groups.group(entry.getKey(), entry.getValue()).ifPresent(result::add);
        }
        // A group with any bad setting is left out (its errors reported), and then so is the whole map.
        return result.size() == json.getAsJsonObject().size() && family.isPresent() ? Optional.of(List.copyOf(result)) : Optional.empty();
    }

    private Optional<NodeGroupSettings> group(String name, JsonElement value) {
        var key = ConfigKeys.NODE_GROUPS.name();
        if (name.equals(DEFAULT_GROUP)) {
            fail(key, name, "names the default node group, which platform:nodeInstanceTypes, platform:nodeMinSize, "
                    + "platform:nodeDesiredSize, platform:nodeMaxSize and platform:nodeAmiFamily set", "a group name other than default");
            return Optional.empty();
        }
        if (!NAME.matcher(name).matches()) {
            fail(key, name, "is not a node group name",
                    "1-30 lowercase letters, digits and '-', not starting or ending with '-'");
            return Optional.empty();
        }
        var at = key + "." + name;
        if (!value.isJsonObject()) {
            fail(at, value.toString(), "is not a map of node group settings", "a map of " + String.join(", ", SETTINGS));
            return Optional.empty();
        }
        var settings = value.getAsJsonObject();
        var known = SETTINGS.containsAll(settings.keySet());
        for (var setting : settings.keySet()) {
            if (!SETTINGS.contains(setting)) {
                var given = settings.get(setting);
                fail(at + "." + setting, given.isJsonPrimitive() ? given.getAsString() : given.toString(), "is not a node group setting"
                        + Validators.closest(setting, SETTINGS).map(c -> "; did you mean " + c + "?").orElse(""),
                        String.join(", ", SETTINGS));
            }
        }
        var instanceTypes = instanceTypes(at, settings);
        var capacity = choice(at, settings, "capacityType", "ON_DEMAND", Arrays.stream(NodeGroupSettings.CapacityType.values())
                .map(Enum::name).toList()).map(NodeGroupSettings.CapacityType::valueOf);
        var min = number(at, settings, "minSize", DEFAULT_MIN, 0, 100);
        var max = number(at, settings, "maxSize", Math.max(DEFAULT_MAX, min.orElse(0)), 1, 100);
        var desired = number(at, settings, "desiredSize", min.orElse(DEFAULT_MIN), 0, 100);
        var disk = number(at, settings, "diskGiB", DEFAULT_DISK_GIB, 20, 16384);
        var arm = instanceTypes.map(types -> ClusterSettings.isArm(types.get(0)));
        var ami = choice(at, settings, "amiType", defaultAmiType(arm.orElse(false)), AMI_TYPES)
                .filter(type -> arm.isEmpty() || check(at + ".amiType", type, type.contains("_ARM_") == arm.get(),
                        "runs " + (type.contains("_ARM_") ? "arm64" : "x86_64") + " but the instance types are "
                                + (arm.get() ? "arm64 (Graviton)" : "x86_64"), "an AMI type of the instance types' architecture"));
        if (min.isPresent() && desired.isPresent() && max.isPresent() && !(min.get() <= desired.get() && desired.get() <= max.get())) {
            fail(at + ".desiredSize", String.valueOf(desired.get()), "contradicts the group's bounds: min " + min.get()
                    + ", desired " + desired.get() + ", max " + max.get(), "minSize <= desiredSize <= maxSize");
            return Optional.empty();
        }
        var labels = labels(at, settings);
        var taints = taints(at, settings);
        if (!known || instanceTypes.isEmpty() || capacity.isEmpty() || min.isEmpty() || max.isEmpty() || desired.isEmpty()
                || disk.isEmpty() || ami.isEmpty() || labels.isEmpty() || taints.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NodeGroupSettings(name, instanceTypes.get(), capacity.get(), min.get(), desired.get(), max.get(),
                disk.get(), ami.get(), labels.get(), taints.get()));
    }

    private String defaultAmiType(boolean arm) {
        return switch (family) {
            case AL2023 -> arm ? "AL2023_ARM_64_STANDARD" : "AL2023_x86_64_STANDARD";
            case BOTTLEROCKET -> arm ? "BOTTLEROCKET_ARM_64" : "BOTTLEROCKET_x86_64";
        };
    }

    private Optional<List<String>> instanceTypes(String at, JsonObject settings) {
        var key = at + ".instanceTypes";
        var value = settings.get("instanceTypes");
        if (value == null || !value.isJsonArray() || value.getAsJsonArray().isEmpty()) {
            fail(key, value == null ? null : value.toString(), value == null ? "is required" : "is not a list of instance types",
                    "a list of EC2 instance types of one architecture, such as [m6i.large, m6a.large]");
            return Optional.empty();
        }
        var types = new ArrayList<String>();
        boolean good = true;
        for (var item : value.getAsJsonArray()) {
            var type = item.isJsonPrimitive() ? item.getAsString() : item.toString();
            good &= check(key, type, AwsFacts.isInstanceType(type), "is not an EC2 instance type"
                    + Validators.closest(type, AwsFacts.instanceTypes()).map(c -> "; did you mean " + c + "?").orElse(""),
                    "EC2 instance types as the AWS SDK lists them, such as m6i.large, g5.xlarge");
            types.add(type);
        }
        good = good && check(key, types.toString(), types.stream().distinct().count() == types.size(), "names an instance type twice",
                "each instance type once")
                && check(key, types.toString(), types.stream().map(ClusterSettings::isArm).distinct().count() == 1,
                "mixes arm64 (Graviton) and x86_64 instance types; one node group runs one architecture",
                "instance types of one architecture");
        return good ? Optional.of(List.copyOf(types)) : Optional.empty();
    }

    private Optional<String> choice(String at, JsonObject settings, String name, String defaultValue, List<String> allowed) {
        var value = settings.get(name);
        if (value == null) {
            return Optional.of(defaultValue);
        }
        var text = value.isJsonPrimitive() ? value.getAsString() : value.toString();
        return check(at + "." + name, text, allowed.contains(text), "is not one of the allowed values", "one of " + String.join(", ", allowed))
                ? Optional.of(text) : Optional.empty();
    }

    private Optional<Integer> number(String at, JsonObject settings, String name, int defaultValue, int min, int max) {
        var value = settings.get(name);
        if (value == null) {
            return Optional.of(defaultValue);
        }
        var text = value.isJsonPrimitive() ? value.getAsString() : value.toString();
        var allowed = "a whole number from " + min + " to " + max;
        try {
            int number = Integer.parseInt(text.trim());
            return check(at + "." + name, text, number >= min && number <= max, "is out of range", allowed)
                    ? Optional.of(number) : Optional.empty();
        } catch (NumberFormatException e) {
            fail(at + "." + name, text, "is not a whole number", allowed);
            return Optional.empty();
        }
    }

    private Optional<Map<String, String>> labels(String at, JsonObject settings) {
        var key = at + ".labels";
        var value = settings.get("labels");
        if (value == null) {
            return Optional.of(Map.of());
        }
        if (!value.isJsonObject()) {
            fail(key, value.toString(), "is not a map of label names to values", "a map such as {workload: gpu}");
            return Optional.empty();
        }
        var labels = new LinkedHashMap<String, String>();
        boolean good = true;
        for (var entry : value.getAsJsonObject().entrySet()) {
            var label = entry.getKey();
            var text = entry.getValue().isJsonPrimitive() ? entry.getValue().getAsString() : entry.getValue().toString();
            good &= check(key, label, !label.equals(GROUP_LABEL), "is the label the platform sets to the group's name",
                    "label names other than " + GROUP_LABEL)
                    && check(key, label, LABEL_KEY.matcher(label).matches(), "is not a Kubernetes label name",
                    "an optional DNS prefix and '/', then 1-63 letters, digits, '-', '_' and '.'");
            good &= check(key + "." + label, text, LABEL_VALUE.matcher(text).matches(), "is not a Kubernetes label value",
                    "at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
            labels.put(label, text);
        }
        return good ? Optional.of(labels) : Optional.empty();
    }

    private Optional<List<NodeGroupSettings.Taint>> taints(String at, JsonObject settings) {
        var key = at + ".taints";
        var value = settings.get("taints");
        if (value == null) {
            return Optional.of(List.of());
        }
        var allowed = "a list of at most " + MAX_TAINTS + " maps {key, value, effect}, effect one of " + String.join(", ", TAINT_EFFECTS);
        if (!value.isJsonArray()) {
            fail(key, value.toString(), "is not a list of taints", allowed);
            return Optional.empty();
        }
        if (!check(key, value.getAsJsonArray().size() + " taints", value.getAsJsonArray().size() <= MAX_TAINTS,
                "has more taints than EKS allows on a node group", allowed)) {
            return Optional.empty();
        }
        var taints = new ArrayList<NodeGroupSettings.Taint>();
        boolean good = true;
        for (var item : value.getAsJsonArray()) {
            if (!item.isJsonObject()) {
                good = false;
                fail(key, item.toString(), "is not a taint", allowed);
                continue;
            }
            var taint = item.getAsJsonObject();
            var name = text(taint, "key");
            var taintValue = text(taint, "value");
            var effect = text(taint, "effect");
            good &= check(key, taint.toString(), taint.keySet().stream().allMatch(List.of("key", "value", "effect")::contains),
                    "has a setting other than key, value and effect", allowed)
                    & check(key + ".key", name, name != null && LABEL_KEY.matcher(name).matches(), "is not a taint key",
                    "an optional DNS prefix and '/', then 1-63 letters, digits, '-', '_' and '.'")
                    & check(key + ".value", taintValue, taintValue == null || LABEL_VALUE.matcher(taintValue).matches(),
                    "is not a taint value", "at most 63 letters, digits, '-', '_' and '.'")
                    & check(key + ".effect", effect, effect != null && TAINT_EFFECTS.contains(effect),
                    "is not a taint effect", "one of " + String.join(", ", TAINT_EFFECTS));
            taints.add(new NodeGroupSettings.Taint(name, taintValue, effect));
        }
        return good ? Optional.of(taints) : Optional.empty();
    }

    private static String text(JsonObject object, String name) {
        var value = object.get(name);
        return value == null || value.isJsonNull() ? null : value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }

    private boolean check(String key, String value, boolean good, String problem, String allowed) {
        if (!good) {
            fail(key, value, problem, allowed);
        }
        return good;
    }

    private void fail(String key, String value, String problem, String allowed) {
        reader.error(new ConfigError(key, value, problem, allowed, EXAMPLE));
    }
}
