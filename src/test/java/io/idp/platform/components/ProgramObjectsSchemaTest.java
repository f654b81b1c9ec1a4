package io.idp.platform.components;

import io.idp.platform.gitops.Catalog;
import io.idp.platform.validation.ObjectCheck;
import io.idp.platform.validation.ReferenceData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** The Argo CD and External Secrets objects the program creates itself, against the CRDs of the pinned charts. */
class ProgramObjectsSchemaTest {
    static final String REPO = "git@github.com:acme-platform/gitops.git";

    static ObjectCheck check() {
        var catalog = Catalog.load(Path.of("."));
        var data = ReferenceData.packaged();
        var packs = catalog.tools().values().stream().map(t -> data.chart(t.chart(), t.version())).flatMap(Optional::stream).toList();
        return new ObjectCheck(data.kubernetes(), packs);
    }

    static Map<String, Object> object(String apiVersion, String kind, String name, String namespace, Map<String, Object> spec) {
        var metadata = new HashMap<String, Object>(Map.of("name", name));
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        return Map.of("apiVersion", apiVersion, "kind", kind, "metadata", metadata, "spec", spec);
    }

    @Test
    void theRootsProjectAndApplicationMatchArgoCdsCrds() {
        var check = check();
        assertEquals(List.of(), check.check("ArgoCd", object("argoproj.io/v1alpha1", "AppProject", ArgoCd.ROOT_PROJECT,
                ArgoCd.NAMESPACE, ArgoCd.rootProjectSpec(REPO))));
        assertEquals(List.of(), check.check("ArgoCd", object("argoproj.io/v1alpha1", "Application", ArgoCd.ROOT_APPLICATION,
                ArgoCd.NAMESPACE, ArgoCd.rootApplicationSpec(REPO, "mgmt"))));
    }

    @Test
    void aRootProjectWithAFieldTheCrdDoesNotKnowFails() {
        var spec = new HashMap<>(ArgoCd.rootProjectSpec(REPO));
        spec.put("destinationz", spec.remove("destinations"));
        var problems = check().check("ArgoCd", object("argoproj.io/v1alpha1", "AppProject", ArgoCd.ROOT_PROJECT, ArgoCd.NAMESPACE, spec));
        assertEquals(1, problems.stream().filter(p -> p.contains("AppProject/registry") && p.contains("destinationz")).count(),
                String.join("\n", problems));
    }
}
