package io.idp.platform.components;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Who owns what in the gitops repository, and the check every pull request runs: the platform
 * admins own the registry, the repository's own settings and each environment's generating file;
 * each application's team owns its pins in every environment. Main's ruleset requires a code
 * owner's approval and the check, so a developer's pull request cannot change what generates
 * Applications, and one app's team cannot move another app.
 */
public final class GitopsBoundaries {
    public static final String CODEOWNERS = ".github/CODEOWNERS";
    public static final String VALIDATE_WORKFLOW = ".github/workflows/validate.yaml";
    /** The job of {@link #VALIDATE_WORKFLOW}: main's required status check. */
    public static final List<String> REQUIRED_CHECKS = List.of("validate");

    private GitopsBoundaries() {
    }

    /** The files to commit, the check running on GitHub's hosted runners. */
    public static SortedMap<String, String> files(String owner, String adminsTeam, List<String> applications) {
        return files(owner, adminsTeam, applications, io.idp.platform.config.CiSettings.GITHUB_HOSTED_LABEL);
    }

    /** The files to commit: CODEOWNERS and the validation workflow, whose job runs on {@code runsOn} (platform:ciRunners). */
    public static SortedMap<String, String> files(String owner, String adminsTeam, List<String> applications, String runsOn) {
        var files = new TreeMap<String, String>();
        files.put(CODEOWNERS, codeowners(owner, adminsTeam, applications));
        files.put(VALIDATE_WORKFLOW, validate(runsOn));
        return files;
    }

    /** The validate workflow, its job on the given runners. */
    static String validate(String runsOn) {
        return VALIDATE.replace("runs-on: ubuntu-latest", "runs-on: " + runsOn);
    }

    /** Later lines win: the admins own everything, then each app's team its own pins. */
    static String codeowners(String owner, String adminsTeam, List<String> applications) {
        var admins = "@" + owner + "/" + adminsTeam;
        var text = new StringBuilder("""
                # Written by the platform (GitopsBoundaries). A change needs a code owner's approval.
                # The platform admins own the registry, this repository's settings and what generates
                # each environment's Applications.
                *                                   %1$s
                /registry/                          %1$s
                /.github/                           %1$s
                /environments/*/environment.yaml    %1$s
                # Each application's pins belong to its team.
                """.formatted(admins));
        for (var app : applications) {
            text.append("/environments/*/apps/").append(app).append("/").append(" ".repeat(Math.max(1, 26 - app.length())))
                    .append("@").append(owner).append("/").append(ApplicationDelivery.approversTeam(app)).append('\n');
        }
        return text.toString();
    }

    static final String VALIDATE = """
            # Every pull request to the gitops repository: each YAML file parses. Required by main's ruleset.
            name: validate
            on:
              pull_request:

            permissions:
              contents: read

            jobs:
              validate:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262 # v4.4.0
                  - name: Every YAML file parses
                    run: |
                      pip install --quiet pyyaml==6.0.2
                      python3 - <<'PY'
                      import pathlib, sys, yaml
                      bad = []
                      for path in sorted(pathlib.Path(".").rglob("*.y*ml")):
                          if ".git" in path.parts:
                              continue
                          try:
                              list(yaml.safe_load_all(path.read_text()))
                          except yaml.YAMLError as error:
                              bad.append(f"{path}: {error}")
                      print("\\n".join(bad) or "every YAML file parses")
                      sys.exit(1 if bad else 0)
                      PY
            """;
}
