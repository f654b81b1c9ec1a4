package io.idp.platform.stacks;

import io.idp.platform.TestProject;
import io.idp.platform.local.OfflineEngine;
import io.idp.platform.local.Plan;
import io.idp.platform.local.PlannedResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Karpenter and Velero as the stacks deliver them: the charts' values and each physical cluster's own
 * objects carry the roles, queue, bucket and key the same plan created and the settings of the stack
 * file, on the management cluster (its own Applications) and on a physical workload cluster (the fleet's
 * ApplicationSets, filled from the cluster Secret's annotations, and its registry directory). A second
 * project with other settings shows they are read, not written in.
 */
class KarpenterAndVeleroDeliveryTest {
    @TempDir
    static Path shipped;
    @TempDir
    static Path changed;
    static Plan mgmt;
    static Plan east;
    static Plan mgmtChanged;
    static Plan eastChanged;

    @BeforeAll
    static void plan() {
        TestProject.copyOfRepository(shipped);
        var engine = new OfflineEngine(shipped);
        mgmt = engine.plan("mgmt").plan();
        engine.plans().write(mgmt);
        east = engine.plan("production-east").plan();

        TestProject.copyOfRepository(changed)
                .set("mgmt", "platform:karpenterCpuLimit", 64).set("mgmt", "platform:karpenterMemoryLimitGiB", 256)
                .set("mgmt", "platform:karpenterCapacityTypes", List.of("on-demand"))
                .set("mgmt", "platform:backupRetentionDays", 7).set("mgmt", "platform:backupSchedule", "30 1 * * *")
                .set("production-east", "platform:karpenterCpuLimit", 48).set("production-east", "platform:karpenterMemoryLimitGiB", 192)
                .set("production-east", "platform:karpenterCapacityTypes", List.of("spot", "on-demand"))
                .set("production-east", "platform:backupRetentionDays", 14).set("production-east", "platform:backupSchedule", "15 2 * * 1-5");
        var other = new OfflineEngine(changed);
        mgmtChanged = other.plan("mgmt").plan();
        other.plans().write(mgmtChanged);
        eastChanged = other.plan("production-east").plan();
    }

    /** The gitops repository's files a plan commits, by path. */
    static Map<String, String> files(Plan plan) {
        var files = new TreeMap<String, String>();
        for (var file : plan.ofType("github:index/repositoryFile:RepositoryFile")) {
            if ("gitops".equals(file.inputs().get("repository"))) {
                files.put(String.valueOf(file.inputs().get("file")), String.valueOf(file.inputs().get("content")));
            }
        }
        return files;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Plan plan, String path, String kind, String name) {
        var text = files(plan).get(path);
        assertNotNull(text, plan.stack() + " commits no " + path);
        for (var document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            if (document instanceof Map<?, ?> map && kind.equals(map.get("kind"))
                    && name.equals(((Map<String, Object>) map.get("metadata")).get("name"))) {
                return (Map<String, Object>) map;
            }
        }
        throw new AssertionError("no " + kind + " " + name + " in " + path);
    }

    @SuppressWarnings("unchecked")
    static Object at(Object node, String... path) {
        for (var key : path) {
            if (node instanceof List<?> list) {
                node = list.get(Integer.parseInt(key));
            } else {
                node = ((Map<String, Object>) node).get(key);
            }
        }
        return node;
    }

    static PlannedResource named(Plan plan, String type, String name) {
        return WorkloadStackTest.named(plan, type, name);
    }

    static Object output(Plan plan, String type, String name, String output) {
        return named(plan, type, name).outputs().get(output);
    }

    /** The management cluster's Application of a tool: its Helm values. */
    static Object values(Plan plan, String tool, String... path) {
        var application = object(plan, "registry/clusters/" + plan.stack() + "/" + tool + ".yaml", "Application", tool);
        var keys = new ArrayList<>(List.of("spec", "source", "helm", "valuesObject"));
        keys.addAll(List.of(path));
        return at(application, keys.toArray(String[]::new));
    }

    @Test
    void theManagementClusterChartsReadTheRolesAndQueueThisPlanCreated() {
        assertEquals(output(mgmt, "aws:iam/role:Role", "mgmt-karpenter-controller", "arn"),
                values(mgmt, "karpenter", "serviceAccount", "annotations", "eks.amazonaws.com/role-arn"));
        assertEquals("arn:aws:iam::111122223333:role/mgmt-karpenter",
                values(mgmt, "karpenter", "serviceAccount", "annotations", "eks.amazonaws.com/role-arn"));
        assertEquals(output(mgmt, "aws:sqs/queue:Queue", "mgmt-karpenter-interruptions", "name"),
                values(mgmt, "karpenter", "settings", "interruptionQueue"));
        assertEquals("mgmt", values(mgmt, "karpenter", "settings", "clusterName"));
        assertEquals(output(mgmt, "aws:iam/role:Role", "mgmt-backups-velero", "arn"),
                values(mgmt, "velero", "serviceAccount", "server", "annotations", "eks.amazonaws.com/role-arn"));
        assertEquals("velero/velero-plugin-for-aws:v1.14.4", values(mgmt, "velero", "initContainers", "0", "image"));
        assertEquals(false, values(mgmt, "velero", "deployNodeAgent"));
        var karpenter = object(mgmt, "registry/clusters/mgmt/karpenter.yaml", "Application", "karpenter");
        assertEquals("public.ecr.aws/karpenter", at(karpenter, "spec", "source", "repoURL"), "an OCI chart as Argo CD reads one");
        assertEquals("kube-system", at(karpenter, "spec", "destination", "namespace"));
    }

    @Test
    void theKarpenterControllerRunsOnTheManagedNodeGroupOnly() {
        @SuppressWarnings("unchecked")
        var terms = (List<Map<String, Object>>) values(mgmt, "karpenter", "affinity", "nodeAffinity",
                "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms", "0", "matchExpressions");
        assertTrue(terms.contains(Map.of("key", "platform/node-group", "operator", "In", "values", List.of("default"))), terms.toString());
        assertTrue(terms.contains(Map.of("key", "karpenter.sh/nodepool", "operator", "DoesNotExist")), terms.toString());
    }

    @Test
    void theManagementClustersNodePoolAndNodeClassFollowItsConfigurationAndResources() {
        var pool = object(mgmt, "registry/clusters/mgmt/manifests/karpenter/node-pool.yaml", "NodePool", "default");
        assertEquals(Map.of("cpu", "100", "memory", "400Gi"), at(pool, "spec", "limits"), "the configuration's defaults");
        assertEquals(List.of("on-demand", "spot"), capacityTypes(pool));
        assertEquals(List.of("on-demand"), capacityTypes(object(mgmtChanged, "registry/clusters/mgmt/manifests/karpenter/node-pool.yaml", "NodePool", "default")));
        assertEquals("WhenEmptyOrUnderutilized", at(pool, "spec", "disruption", "consolidationPolicy"));
        var changedPool = object(mgmtChanged, "registry/clusters/mgmt/manifests/karpenter/node-pool.yaml", "NodePool", "default");
        assertEquals(Map.of("cpu", "64", "memory", "256Gi"), at(changedPool, "spec", "limits"));

        var nodeClass = object(mgmt, "registry/clusters/mgmt/manifests/karpenter/node-class.yaml", "EC2NodeClass", "default");
        assertEquals(output(mgmt, "aws:iam/role:Role", "mgmt-karpenter-nodes", "name"), at(nodeClass, "spec", "role"));
        assertEquals(Map.of("karpenter.sh/discovery", "mgmt"), at(nodeClass, "spec", "subnetSelectorTerms", "0", "tags"));
        assertEquals(Map.of("karpenter.sh/discovery", "mgmt"), at(nodeClass, "spec", "securityGroupSelectorTerms", "0", "tags"));
        assertEquals("required", at(nodeClass, "spec", "metadataOptions", "httpTokens"));
        assertEquals(1, at(nodeClass, "spec", "metadataOptions", "httpPutResponseHopLimit"));
        var ebs = at(nodeClass, "spec", "blockDeviceMappings", "0", "ebs");
        assertEquals(true, at(ebs, "encrypted"));
        assertEquals("gp3", at(ebs, "volumeType"));
        var launchTemplate = String.valueOf(named(mgmt, "aws:ec2/launchTemplate:LaunchTemplate", "mgmt-nodes").inputs());
        assertTrue(launchTemplate.contains("volumeSize=" + ((String) at(ebs, "volumeSize")).replace("Gi", "")),
                "the node group's disk: " + launchTemplate);

        var application = object(mgmt, "registry/clusters/mgmt/karpenter.yaml", "Application", "karpenter-nodes");
        assertEquals("registry/clusters/mgmt/manifests/karpenter", at(application, "spec", "source", "path"));
        assertTrue(((List<?>) at(application, "spec", "syncPolicy", "syncOptions")).contains("SkipDryRunOnMissingResource=true"));
        assertTrue(wave(application) > wave(object(mgmt, "registry/clusters/mgmt/karpenter.yaml", "Application", "karpenter")),
                "after Karpenter's CRDs");
    }

    @Test
    void theManagementClustersBackupsGoToItsBucketWithItsKeyOnItsSchedule() {
        var location = object(mgmt, "registry/clusters/mgmt/manifests/velero/locations.yaml", "BackupStorageLocation", "default");
        assertEquals(output(mgmt, "aws:s3/bucketV2:BucketV2", "mgmt-backups-bucket", "bucket"), at(location, "spec", "objectStorage", "bucket"));
        assertEquals("mgmt-backups-us-east-1", at(location, "spec", "objectStorage", "bucket"));
        assertEquals(output(mgmt, "aws:kms/key:Key", "mgmt-backups-key", "arn"), at(location, "spec", "config", "kmsKeyId"));
        assertEquals("us-east-1", at(location, "spec", "config", "region"));
        var snapshots = object(mgmt, "registry/clusters/mgmt/manifests/velero/locations.yaml", "VolumeSnapshotLocation", "default");
        assertEquals("aws", at(snapshots, "spec", "provider"));
        var schedule = object(mgmt, "registry/clusters/mgmt/manifests/velero/schedule-platform.yaml", "Schedule", "platform");
        assertEquals("0 3 * * *", at(schedule, "spec", "schedule"), "the configuration's default");
        assertEquals("720h0m0s", at(schedule, "spec", "template", "ttl"));
        @SuppressWarnings("unchecked")
        var namespaces = (List<String>) at(schedule, "spec", "template", "includedNamespaces");
        assertTrue(namespaces.containsAll(List.of("argocd", "cert-manager", "external-secrets", "velero")), namespaces.toString());
        assertFalse(namespaces.contains("kube-system"));
        var changedSchedule = object(mgmtChanged, "registry/clusters/mgmt/manifests/velero/schedule-platform.yaml", "Schedule", "platform");
        assertEquals("30 1 * * *", at(changedSchedule, "spec", "schedule"));
        assertEquals("168h0m0s", at(changedSchedule, "spec", "template", "ttl"));
        assertFalse(files(mgmt).containsKey("registry/clusters/mgmt/manifests/velero/schedule-environments.yaml"),
                "no applications run on the management cluster: an empty include list would back up every namespace");
    }

    @Test
    void theFleetReadsEveryFactFromAnAnnotationTheClusterSecretCarries() {
        var secret = named(east, "kubernetes:core/v1:Secret", "cluster-production-east");
        @SuppressWarnings("unchecked")
        var annotations = (Map<String, Object>) ((Map<String, Object>) secret.inputs().get("metadata")).get("annotations");
        @SuppressWarnings("unchecked")
        var labels = (Map<String, Object>) ((Map<String, Object>) secret.inputs().get("metadata")).get("labels");
        assertEquals("true", labels.get("enable_karpenter"));
        assertEquals("true", labels.get("enable_velero"));
        assertEquals(output(east, "aws:iam/role:Role", "production-east-karpenter-controller", "arn"), annotations.get("karpenter_role_arn"));
        assertEquals(output(east, "aws:sqs/queue:Queue", "production-east-karpenter-interruptions", "name"),
                annotations.get("karpenter_interruption_queue"));
        assertEquals(output(east, "aws:iam/role:Role", "production-east-backups-velero", "arn"), annotations.get("velero_role_arn"));
        var fleet = files(mgmt).get("registry/clusters/mgmt/fleet-addons.yaml");
        var read = new ArrayList<String>();
        var matcher = Pattern.compile("index \\.metadata\\.annotations \\\\?\"([a-z_]+)\\\\?\"").matcher(fleet);
        while (matcher.find()) {
            read.add(matcher.group(1));
        }
        assertTrue(read.containsAll(List.of("karpenter_role_arn", "karpenter_interruption_queue", "velero_role_arn")), read.toString());
        for (var annotation : read) {
            assertTrue(annotations.containsKey(annotation), "the fleet reads " + annotation + ", which the cluster Secret lacks");
        }
    }

    @Test
    void aPhysicalWorkloadClustersOwnObjectsCarryItsResourcesAndSettings() {
        var directory = "registry/clusters/production-east/";
        var pool = object(east, directory + "karpenter/node-pool.yaml", "NodePool", "default");
        assertEquals(Map.of("cpu", "200", "memory", "800Gi"), at(pool, "spec", "limits"));
        assertEquals(List.of("on-demand", "spot"), capacityTypes(pool));
        var changedPool = object(eastChanged, directory + "karpenter/node-pool.yaml", "NodePool", "default");
        assertEquals(Map.of("cpu", "48", "memory", "192Gi"), at(changedPool, "spec", "limits"));
        assertEquals(List.of("spot", "on-demand"), capacityTypes(changedPool));
        var nodeClass = object(east, directory + "karpenter/node-class.yaml", "EC2NodeClass", "default");
        assertEquals(output(east, "aws:iam/role:Role", "production-east-karpenter-nodes", "name"), at(nodeClass, "spec", "role"));
        assertEquals(Map.of("karpenter.sh/discovery", "production-east"), at(nodeClass, "spec", "subnetSelectorTerms", "0", "tags"));

        var location = object(east, directory + "velero/locations.yaml", "BackupStorageLocation", "default");
        assertEquals(output(east, "aws:s3/bucketV2:BucketV2", "production-east-backups-bucket", "bucket"),
                at(location, "spec", "objectStorage", "bucket"));
        assertEquals(output(east, "aws:kms/key:Key", "production-east-backups-key", "arn"), at(location, "spec", "config", "kmsKeyId"));
        for (var name : List.of("platform", "environments")) {
            var schedule = object(east, directory + "velero/schedule-" + name + ".yaml", "Schedule", name);
            assertEquals("0 3 * * *", at(schedule, "spec", "schedule"));
            assertEquals("720h0m0s", at(schedule, "spec", "template", "ttl"));
            var changedSchedule = object(eastChanged, directory + "velero/schedule-" + name + ".yaml", "Schedule", name);
            assertEquals("15 2 * * 1-5", at(changedSchedule, "spec", "schedule"));
            assertEquals("336h0m0s", at(changedSchedule, "spec", "template", "ttl"));
        }
        var environments = object(east, directory + "velero/schedule-environments.yaml", "Schedule", "environments");
        assertEquals(List.of("hello-production"), at(environments, "spec", "template", "includedNamespaces"),
                "the application of the management stack, in this cluster's environment");
    }

    @Test
    void kubeSystemGetsNoDefaultDenyAndVeleroItsOwnPolicies() {
        var mgmtFiles = files(mgmt);
        assertFalse(mgmtFiles.containsKey("registry/clusters/mgmt/manifests/network-policies/kube-system.yaml"));
        assertFalse(mgmtFiles.containsKey("registry/fleet/network-policies/workload-eks/kube-system.yaml"));
        for (var plan : List.of(mgmt, east)) {
            files(plan).forEach((path, text) -> {
                if (!path.endsWith(".yaml")) {
                    return;
                }
                for (var document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
                    assertFalse(document instanceof Map<?, ?> object && "NetworkPolicy".equals(object.get("kind"))
                            && "kube-system".equals(at(object, "metadata", "namespace")), "a NetworkPolicy in kube-system: " + path);
                }
            });
        }
        var velero = mgmtFiles.get("registry/clusters/mgmt/manifests/network-policies/velero.yaml");
        assertTrue(velero.contains("name: default-deny") && velero.contains("name: allow-egress-to-external-services")
                && velero.contains("port: 443"), velero);
    }

    @SuppressWarnings("unchecked")
    static List<String> capacityTypes(Map<String, Object> pool) {
        for (var requirement : (List<Map<String, Object>>) at(pool, "spec", "template", "spec", "requirements")) {
            if ("karpenter.sh/capacity-type".equals(requirement.get("key"))) {
                return (List<String>) requirement.get("values");
            }
        }
        throw new AssertionError("no capacity-type requirement");
    }

    static int wave(Map<String, Object> object) {
        return Integer.parseInt(String.valueOf(at(object, "metadata", "annotations", "argocd.argoproj.io/sync-wave")));
    }
}
