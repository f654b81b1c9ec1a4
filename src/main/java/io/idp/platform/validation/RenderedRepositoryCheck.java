package io.idp.platform.validation;

import io.idp.platform.gitops.Catalog;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every file of a rendered gitops repository held against what will read it: Helm values against
 * their chart ({@link ValuesCheck}), objects against their CRD or the Kubernetes API
 * ({@link ObjectCheck}), Argo CD's RBAC policy ({@link ArgoCdRbac}), and the Alertmanager
 * configurations and Prometheus rule files collected for the tools' own validators
 * ({@link #runTools}). The chart data is looked up at the catalog's pins.
 */
public final class RenderedRepositoryCheck {
    /** Files under this prefix are the workload templates as written, not rendered: not checked. */
    public static final String TEMPLATE_COPIES = "templates/";

    /** What was found: problems (each naming file and path), notes (what was not checked, and why), counts. */
    public record Report(List<String> problems, List<String> notes, int objects, List<HelmSource> helmSources,
                         List<MonitoringConfigs.ConfigFile> alertmanagerConfigs, List<MonitoringConfigs.ConfigFile> ruleFiles) {
    }

    /** The GitHub teams (org:team) Argo CD's RBAC must map to admin and developer, when known. */
    public record Teams(String admins, String developers) {
    }

    private final Catalog catalog;
    private final ReferenceData data;
    private final ObjectCheck objects;

    private final ReferenceData.ChartPack applicationChart;

    public RenderedRepositoryCheck(Catalog catalog, ReferenceData data) {
        this(catalog, data, null);
    }

    /**
     * @param applicationChart the chart every application is made from (apps/template/chart), against
     *                         which the environments' application homes set their values; null to skip
     */
    public RenderedRepositoryCheck(Catalog catalog, ReferenceData data, ReferenceData.ChartPack applicationChart) {
        this.applicationChart = applicationChart;
        this.catalog = catalog;
        this.data = data;
        var packs = new java.util.ArrayList<>(catalog.tools().values().stream()
                .map(t -> data.chart(t.chart(), t.version())).flatMap(Optional::stream).toList());
        // Last, so the Gateway API's kinds are checked against the standard channel, not the chart's experimental one.
        data.chart(ReferenceData.GATEWAY_API, ReferenceData.GATEWAY_API_VERSION).ifPresent(packs::add);
        this.objects = new ObjectCheck(data.kubernetes(), packs);
    }

    /** Checks rendered files (path to content) and Helm releases the program installs itself. */
    @SuppressWarnings("unchecked")
    public Report check(Map<String, String> files, List<HelmSource> releases, Teams teams) {
        var problems = new ArrayList<String>();
        var notes = new ArrayList<String>();
        var sources = new ArrayList<>(releases);
        var alertmanager = new ArrayList<MonitoringConfigs.ConfigFile>();
        var rules = new ArrayList<MonitoringConfigs.ConfigFile>();
        var templatedSecrets = new java.util.TreeMap<String, MonitoringConfigs.TemplatedSecret>();
        int count = 0;
        for (var entry : files.entrySet()) {
            var file = entry.getKey();
            // GitHub's own files (the repository's workflows) are not Argo CD's to apply.
            if (file.startsWith(TEMPLATE_COPIES) || file.startsWith(".github/") || !(file.endsWith(".yaml") || file.endsWith(".yml"))) {
                continue;
            }
            var directory = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
            if (files.containsKey(directory + "Chart.yaml")) {
                // An application's home: a Helm chart whose values configure the application chart.
                if (file.equals(directory + "values.yaml")) {
                    sources.addAll(applicationHome(file, entry.getValue(), files.get(directory + "Chart.yaml"), problems));
                }
                continue;
            }
            List<Object> documents = new ArrayList<>();
            try {
                new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(entry.getValue()).forEach(documents::add);
            } catch (YAMLException e) {
                problems.add(file + ": not valid YAML: " + e.getMessage());
                continue;
            }
            for (var document : documents) {
                if (document == null) {
                    continue;
                }
                if (!(document instanceof Map<?, ?> map) || map.get("apiVersion") == null || map.get("kind") == null) {
                    problems.add(file + ": a document that is not a Kubernetes object (apiVersion and kind are required)");
                    continue;
                }
                var object = (Map<String, Object>) map;
                count++;
                problems.addAll(objects.check(file, object));
                sources.addAll(HelmSource.of(file, object));
                rules.addAll(MonitoringConfigs.prometheusRule(file, object));
                MonitoringConfigs.TemplatedSecret.of(file, object).ifPresent(e -> {
                    templatedSecrets.put(e.getKey(), e.getValue());
                    MonitoringConfigs.templated(e.getValue()).ifPresent(alertmanager::add);
                });
            }
        }
        for (var source : sources) {
            var pack = applicationChart != null && source.chart().equals(applicationChart.chart()) ? Optional.of(applicationChart)
                    : data.chart(source.chart(), source.version());
            if (pack.isEmpty()) {
                if (ReferenceData.UNAVAILABLE.containsKey(source.chart())) {
                    notes.add(source.describe() + ": values not checked: " + ReferenceData.UNAVAILABLE.get(source.chart()));
                } else {
                    var pinned = catalog.tools().values().stream().filter(t -> t.chart().equals(source.chart()))
                            .map(Catalog.Tool::version).findFirst();
                    problems.add(source.describe() + ": no reference data for chart " + source.chart() + " " + source.version()
                            + pinned.map(v -> " (the catalog pins " + v + ")").orElse(" (the chart is not in the catalog)"));
                }
                continue;
            }
            problems.addAll(ValuesCheck.check(source, pack.get()));
            if (source.chart().equals(MonitoringConfigs.PROMETHEUS_CHART)) {
                alertmanager.addAll(MonitoringConfigs.alertmanager(source, pack.get(), templatedSecrets, problems));
                rules.addAll(MonitoringConfigs.additionalRules(source, pack.get()));
            }
            if (source.chart().equals("argo-cd")) {
                var policy = ArgoCdRbac.parse(source.values());
                var found = teams == null ? policy.problems() : ArgoCdRbac.check(policy, teams.admins(), teams.developers());
                found.forEach(p -> problems.add(source.describe() + ": " + p));
            }
        }
        return new Report(List.copyOf(problems), List.copyOf(notes), count, List.copyOf(sources), List.copyOf(alertmanager), List.copyOf(rules));
    }

    /** Problems with one object the program registers itself (outside the repository), named by where. */
    public List<String> checkObject(String where, Map<String, Object> object) {
        return objects.check(where, object);
    }

    /** The values an application home gives each dependency made from the application chart. */
    @SuppressWarnings("unchecked")
    private List<HelmSource> applicationHome(String file, String values, String chartYaml, List<String> problems) {
        if (applicationChart == null) {
            return List.of();
        }
        try {
            var yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            var chart = yaml.load(chartYaml) instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.<String, Object>of();
            var all = yaml.load(values) instanceof Map<?, ?> v ? (Map<String, Object>) v : Map.<String, Object>of();
            var found = new ArrayList<HelmSource>();
            if (chart.get("dependencies") instanceof List<?> dependencies) {
                for (var dependency : dependencies) {
                    if (dependency instanceof Map<?, ?> d && all.get(String.valueOf(d.get("name"))) instanceof Map<?, ?> mine) {
                        found.add(new HelmSource(file, "dependency " + d.get("name"), applicationChart.chart(), applicationChart.version(),
                                (Map<String, Object>) mine));
                    }
                }
            }
            return found;
        } catch (YAMLException e) {
            problems.add(file + ": not valid YAML: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * Runs amtool check-config on each Alertmanager configuration and promtool check rules on each
     * rule file. A missing tool is a note naming its install command, not a pass.
     */
    public static void runTools(Report report, List<String> problems, List<String> notes) {
        run(ExternalTool.AMTOOL, List.of("check-config"), "alertmanager.yaml", report.alertmanagerConfigs(), problems, notes);
        run(ExternalTool.PROMTOOL, List.of("check", "rules"), "rules.yaml", report.ruleFiles(), problems, notes);
    }

    private static void run(ExternalTool tool, List<String> arguments, String fileName, List<MonitoringConfigs.ConfigFile> configs,
                            List<String> problems, List<String> notes) {
        if (configs.isEmpty()) {
            return;
        }
        if (tool.executable().isEmpty()) {
            notes.add(configs.size() + " file(s) not checked by " + tool.name() + ": " + tool.installHint());
            return;
        }
        for (var config : configs) {
            var result = tool.run(arguments, fileName, config.content());
            if (!result.passed()) {
                problems.add(config.origin() + ": " + tool.name() + " " + String.join(" ", arguments) + " fails: " + result.output());
            }
        }
    }
}
