package io.idp.platform.config;

import java.util.List;
import java.util.Map;

/**
 * The user's extra tags ({@code platform:tags}) against AWS's tag limits, counting the tags the
 * platform adds itself, so a tag set AWS would refuse at {@code pulumi up} is refused here first.
 */
final class Tags {
    /** The platform's own tags (AwsProviderFactory) and the Name tag components set. */
    static final List<String> PLATFORM_KEYS = List.of("platform/stack", "platform/cluster", "platform/role", "managed-by", "Name");
    static final int MAX_USER_TAGS = AwsFacts.MAX_TAGS_PER_RESOURCE - PLATFORM_KEYS.size();
    /** Characters AWS allows in tag keys and values across services: letters, digits, spaces and _ . : / = + - @. */
    private static final String CHARACTERS = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";

    private Tags() {
    }

    static boolean check(Map<String, String> tags, ConfigReader reader) {
        var key = ConfigKeys.TAGS;
        boolean ok = reader.check(key, tags.size() + " tags", tags.size() <= MAX_USER_TAGS,
                "has " + tags.size() + " tags; AWS allows " + AwsFacts.MAX_TAGS_PER_RESOURCE + " per resource and the platform adds "
                        + PLATFORM_KEYS.size() + " of its own (" + String.join(", ", PLATFORM_KEYS) + ")",
                "at most " + MAX_USER_TAGS + " tags", key.exampleLine());
        for (var entry : tags.entrySet()) {
            var name = entry.getKey();
            var value = entry.getValue();
            ok &= reader.check(key, name, !name.isEmpty() && name.length() <= AwsFacts.MAX_TAG_KEY_LENGTH,
                    "has a tag key of " + name.length() + " characters", "tag keys of 1-" + AwsFacts.MAX_TAG_KEY_LENGTH + " characters",
                    key.exampleLine())
                    && reader.check(key, name, !name.toLowerCase().startsWith(AwsFacts.RESERVED_TAG_PREFIX),
                    "has a tag key starting with 'aws:', which AWS reserves for its own tags",
                    "tag keys not starting with aws:", key.exampleLine())
                    && reader.check(key, name, !PLATFORM_KEYS.contains(name),
                    "sets the platform's own tag '" + name + "', which the platform sets on every resource",
                    "tag keys other than " + String.join(", ", PLATFORM_KEYS), key.exampleLine())
                    && reader.check(key, name, name.matches(CHARACTERS) && !name.isBlank(),
                    "has a tag key with characters AWS does not allow",
                    "letters, digits, spaces and _ . : / = + - @", key.exampleLine());
            ok &= reader.check(key, name + ": " + value, value.length() <= AwsFacts.MAX_TAG_VALUE_LENGTH,
                    "has a tag value of " + value.length() + " characters", "tag values of at most "
                            + AwsFacts.MAX_TAG_VALUE_LENGTH + " characters", key.exampleLine())
                    && reader.check(key, name + ": " + value, value.matches(CHARACTERS),
                    "has a tag value with characters AWS does not allow", "letters, digits, spaces and _ . : / = + - @",
                    key.exampleLine());
        }
        return ok;
    }
}
