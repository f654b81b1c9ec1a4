package io.idp.platform.validation;

import io.idp.platform.config.Observability;
import io.idp.platform.gitops.ClusterKind;
import io.idp.platform.gitops.GitopsLayout;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Each physical cluster's Karpenter and Velero objects (stacks/physical/) against the CRDs of the charts the
 * catalog pins: the packaged reference data (src/main/resources/reference/charts/karpenter/1.14.1.json.gz and
 * velero/12.1.0.json.gz, generated from the charts' crds/ and held to them by ReferenceDataTest), which is
 * what ./platform validate --rendered reads. Wrong objects fail, naming the field.
 */
class PhysicalClusterObjectsTest {
    static final ObjectCheck CHECK = new ObjectCheck(ReferenceData.packaged().kubernetes(), List.of(
            pack("karpenter"), pack("velero")));

    static ReferenceData.ChartPack pack(String tool) {
        var pinned = Rendered.catalog().tool(tool);
        return ReferenceData.packaged().chart(pinned.chart(), pinned.version())
                .orElseThrow(() -> new AssertionError("no packaged data for " + tool + " " + pinned.version()));
    }

    /** The objects of stacks/physical/ as the management cluster and a physical workload cluster render them, by file. */
    @SuppressWarnings("unchecked")
    static Map<String, List<Map<String, Object>>> objects() {
        var files = new TreeMap<String, String>();
        files.putAll(GitopsLayout.management(Rendered.ROOT, Rendered.catalog(), Rendered.management(Observability.PROMETHEUS)));
        files.putAll(GitopsLayout.workload(Rendered.ROOT, Rendered.catalog(), ClusterKind.WORKLOAD_EKS,
                Rendered.workload("production-east", Observability.PROMETHEUS)));
        var objects = new TreeMap<String, List<Map<String, Object>>>();
        files.forEach((path, text) -> {
            if (path.matches("registry/clusters/[^/]+/(manifests/)?(karpenter|velero)/.*\\.yaml")) {
                var documents = new ArrayList<Map<String, Object>>();
                new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text).forEach(d -> documents.add((Map<String, Object>) d));
                objects.put(path, documents);
            }
        });
        return objects;
    }

    @Test
    void everyNodePoolNodeClassLocationAndScheduleValidatesAgainstItsCrd() {
        var problems = new ArrayList<String>();
        var kinds = new TreeSet<String>();
        int checked = 0;
        for (var entry : objects().entrySet()) {
            for (var object : entry.getValue()) {
                problems.addAll(CHECK.check(entry.getKey(), object));
                kinds.add(object.get("apiVersion") + " " + object.get("kind"));
                checked++;
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(new TreeSet<>(List.of("karpenter.k8s.aws/v1 EC2NodeClass", "karpenter.sh/v1 NodePool", "velero.io/v1 BackupStorageLocation",
                "velero.io/v1 Schedule", "velero.io/v1 VolumeSnapshotLocation")), kinds);
        assertEquals(11, checked, "on each of the two clusters a node class, a pool, a storage and a snapshot location; three schedules");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWrongFieldOfEachKindIsFound() {
        var objects = objects();
        var pool = copy(objects.get("registry/clusters/production-east/karpenter/node-pool.yaml").get(0));
        ((Map<String, Object>) ((Map<String, Object>) pool.get("spec")).get("disruption")).put("consolidationPolicy", "WhenIdle");
        var nodeClass = copy(objects.get("registry/clusters/production-east/karpenter/node-class.yaml").get(0));
        ((Map<String, Object>) ((Map<String, Object>) nodeClass.get("spec")).get("metadataOptions")).put("httpTokens", "sometimes");
        var location = copy(objects.get("registry/clusters/production-east/velero/locations.yaml").get(0));
        ((Map<String, Object>) ((Map<String, Object>) location.get("spec")).get("objectStorage")).remove("bucket");
        var schedule = copy(objects.get("registry/clusters/production-east/velero/schedule-platform.yaml").get(0));
        ((Map<String, Object>) ((Map<String, Object>) schedule.get("spec")).get("template")).put("ttl", List.of("720h"));
        assertTrue(String.join("\n", CHECK.check("p.yaml", pool)).contains("/spec/disruption/consolidationPolicy"));
        assertTrue(String.join("\n", CHECK.check("c.yaml", nodeClass)).contains("/spec/metadataOptions/httpTokens"));
        assertTrue(String.join("\n", CHECK.check("l.yaml", location)).contains("bucket"));
        assertTrue(String.join("\n", CHECK.check("s.yaml", schedule)).contains("/spec/template/ttl"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> copy(Map<String, Object> object) {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(new Yaml().dump(object));
    }
}
