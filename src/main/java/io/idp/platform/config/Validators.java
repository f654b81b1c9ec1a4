package io.idp.platform.config;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Facts about the outside world that configuration is checked against, and the did-you-mean helper. */
public final class Validators {
    /** AWS commercial regions (partition aws), from the availability zone data. GovCloud and China need other partitions. */
    public static final List<String> AWS_REGIONS = AwsFacts.regions();

    /** The Kubernetes versions of the EKS support calendar (eks-kubernetes-support.yaml); the newest is the default. */
    public static final List<String> SUPPORTED_KUBERNETES_VERSIONS = KubernetesSupport.versions();

    public static final Pattern CLUSTER_NAME = Pattern.compile("[a-z][a-z0-9-]{1,30}[a-z0-9]");
    public static final Pattern DOMAIN = Pattern.compile(
            "(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    public static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}");
    public static final Pattern GITHUB_OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");
    /** A GitHub user's login: as an organisation's name, 1-39 letters, digits and single hyphens, not at either end. */
    public static final Pattern GITHUB_LOGIN = GITHUB_OWNER;
    public static final Pattern GITHUB_TEAM = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");
    public static final Pattern GITHUB_REPO = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    public static final Pattern ENVIRONMENT = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    public static final Pattern STACK_REFERENCE = Pattern.compile("([A-Za-z0-9_.-]+/){0,2}[A-Za-z0-9_.-]+");
    public static final Pattern IAM_ROLE_ARN = Pattern.compile("arn:aws:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    /** Pulumi's rule for project and stack names (sdk/go/common/tokens: ValidateProjectName, ValidateStackName). */
    public static final Pattern PULUMI_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    public static final Pattern S3_BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private Validators() {
    }

    /**
     * The closest candidate for a "did you mean" hint: the fewest edits (a swap of neighbours counts as
     * one), compared without case and, when both have one, without the shared namespace; only a near
     * miss is offered (one edit for short names, up to three for long ones), never an unrelated key.
     */
    public static Optional<String> closest(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        var wanted = given.toLowerCase();
        for (var candidate : candidates) {
            // A shared namespace adds no edits, so whole names compare as their parts after the namespace would.
            int distance = editDistance(wanted, candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int length = given.length() - given.indexOf(':') - 1;
        int tolerance = length <= 5 ? 1 : length <= 12 ? 2 : 3;
        return bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int editDistance(String a, String b) {
        var d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
