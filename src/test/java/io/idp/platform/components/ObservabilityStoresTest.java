package io.idp.platform.components;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The log and trace stores' AWS side, without the engine: the role's permissions and the arguments' checks. */
class ObservabilityStoresTest {
    static final String BUCKET = "arn:aws:s3:::mgmt-logs-us-east-1";
    static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @Test
    void aStoreMayUseItsOwnBucketAndKeyAndNothingElse() {
        var statements = JsonParser.parseString(ObservabilityStores.policy(BUCKET, KEY)).getAsJsonObject().getAsJsonArray("Statement");
        var resources = new ArrayList<String>();
        var actions = new ArrayList<String>();
        statements.forEach(s -> {
            var statement = s.getAsJsonObject();
            assertEquals("Allow", statement.get("Effect").getAsString());
            statement.getAsJsonArray("Resource").forEach(r -> resources.add(r.getAsString()));
            statement.getAsJsonArray("Action").forEach(a -> actions.add(a.getAsString()));
        });
        assertEquals(List.of(BUCKET + "/*", BUCKET, KEY), resources);
        assertFalse(actions.stream().anyMatch(a -> a.endsWith("*")), actions.toString());
        assertFalse(actions.contains("s3:DeleteBucket") || actions.contains("s3:PutBucketPolicy") || actions.contains("kms:ScheduleKeyDeletion"),
                actions.toString());
    }

    @Test
    void theBucketsExpireADayAfterTheStoresOwnRetention() {
        assertEquals(31, ObservabilityStores.expiryDays(30));
        assertEquals(2, ObservabilityStores.expiryDays(1));
    }

    @Test
    void theArgumentsNameWhatIsMissing() {
        var missing = assertThrows(IllegalArgumentException.class, () -> ObservabilityStoresArgs.builder().region("us-east-1").build());
        assertEquals("ObservabilityStoresArgs is missing the required argument cluster; set it with ObservabilityStoresArgs.builder().cluster(...)",
                missing.getMessage());
    }
}
