package io.idp.platform.gitops;

import io.idp.platform.config.Observability;
import io.idp.platform.validation.ObjectCheck;
import io.idp.platform.validation.ReferenceData;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The CI services' custom resources against the CRDs of the pinned charts (the packaged reference data,
 * src/main/resources/reference, generated from the charts' full CRDs without their descriptions):
 * the AutoscalingRunnerSet the scale set's chart makes from its values, and the WorkflowTemplates
 * committed to the gitops repository. Each check is shown to fail on a broken object.
 */
class CiObjectsSchemaTest {
    static ObjectCheck check() {
        var catalog = Fixtures.catalog();
        var data = ReferenceData.packaged();
        var packs = catalog.tools().values().stream().map(t -> data.chart(t.chart(), t.version())).flatMap(Optional::stream).toList();
        return new ObjectCheck(data.kubernetes(), packs);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    static List<Map<String, Object>> documents(String text) {
        var documents = new ArrayList<Map<String, Object>>();
        for (var document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    /**
     * The AutoscalingRunnerSet templates/autoscalingrunnerset.yaml of gha-runner-scale-set 0.14.2 renders
     * from these values: the GitHub URL, the secret's name, the scale set's name and bounds, the pod template.
     */
    static Map<String, Object> runnerSet(Map<String, Object> values) {
        var spec = new LinkedHashMap<String, Object>();
        spec.put("githubConfigUrl", values.get("githubConfigUrl"));
        spec.put("githubConfigSecret", values.get("githubConfigSecret"));
        spec.put("runnerScaleSetName", values.get("runnerScaleSetName"));
        spec.put("minRunners", values.get("minRunners"));
        spec.put("maxRunners", values.get("maxRunners"));
        spec.put("template", values.get("template"));
        return new LinkedHashMap<>(Map.of("apiVersion", "actions.github.com/v1alpha1", "kind", "AutoscalingRunnerSet",
                "metadata", Map.of("name", "platform", "namespace", "arc-runners"), "spec", spec));
    }

    static Map<String, Object> scaleSetValues() {
        var files = Fixtures.managementFiles();
        var application = documents(files.get("registry/clusters/mgmt/gha-runner-scale-set.yaml")).get(0);
        return map(map(map(map(application.get("spec")).get("source")).get("helm")).get("valuesObject"));
    }

    @Test
    void theScaleSetsValuesMakeAValidAutoscalingRunnerSet() {
        var check = check();
        var values = scaleSetValues();
        assertEquals(List.of(), check.check("gha-runner-scale-set values", runnerSet(values)));
        // The pod template is checked field by field: a misspelt field of the runner container fails.
        var broken = runnerSet(values);
        var container = map(((List<?>) map(map(map(broken.get("spec")).get("template")).get("spec")).get("containers")).get(0));
        container.put("securityContex", Map.of("privileged", false));
        var problems = check.check("broken", broken);
        assertEquals(1, problems.size(), String.valueOf(problems));
        assertTrue(problems.get(0).contains("securityContex"), problems.get(0));
    }

    @Test
    void theWorkflowTemplatesMatchTheWorkflowTemplateCrd() {
        var check = check();
        var files = GitopsLayout.management(Fixtures.ROOT, Fixtures.catalog(), Fixtures.management(Observability.PROMETHEUS), Fixtures.TENANCY);
        var names = new ArrayList<String>();
        for (var entry : files.entrySet()) {
            if (!entry.getKey().startsWith("registry/clusters/mgmt/manifests/ci/workflow-template-")) {
                continue;
            }
            for (var document : documents(entry.getValue())) {
                assertEquals("WorkflowTemplate", document.get("kind"));
                assertEquals(List.of(), check.check(entry.getKey(), document));
                names.add(String.valueOf(map(document.get("metadata")).get("name")));
                // An unknown field in a template fails, as the API server's schema would refuse it.
                var spec = map(document.get("spec"));
                spec.put("entryPoint", spec.get("entrypoint"));
                assertFalse(check.check(entry.getKey(), document).isEmpty(), "a misspelt field passes in " + entry.getKey());
            }
        }
        assertEquals(List.of("buildah-build", "helm-publish"), names);
    }

    @Test
    void theBuildTemplateBuildsRootlessAndPushesToTheApplicationsRegistry() {
        var files = Fixtures.managementFiles();
        var template = documents(files.get("registry/clusters/mgmt/manifests/ci/workflow-template-buildah-build.yaml")).get(0);
        var spec = map(template.get("spec"));
        var pod = map(spec.get("securityContext"));
        assertEquals(true, pod.get("runAsNonRoot"));
        assertNotEquals(0, pod.get("runAsUser"));
        var build = map(((List<?>) spec.get("templates")).get(0));
        var container = map(build.get("container"));
        var security = map(container.get("securityContext"));
        assertEquals(false, security.get("privileged"));
        assertEquals(false, security.get("allowPrivilegeEscalation"));
        var env = ((List<?>) container.get("env")).stream().map(CiObjectsSchemaTest::map)
                .collect(java.util.stream.Collectors.toMap(e -> String.valueOf(e.get("name")), e -> String.valueOf(e.get("value"))));
        assertEquals("chroot", env.get("BUILDAH_ISOLATION"));
        assertEquals("vfs", env.get("STORAGE_DRIVER"));
        var script = String.valueOf(((List<?>) container.get("args")).get(0));
        // The app template's registry: the account's ECR in the cluster's region, as ApplicationDelivery's repositories.
        assertTrue(script.contains("buildah push") && script.contains("111122223333.dkr.ecr.us-east-1.amazonaws.com/{{workflow.parameters.image}}"), script);
        assertEquals("argo-workflow", spec.get("serviceAccountName"));
    }
}
