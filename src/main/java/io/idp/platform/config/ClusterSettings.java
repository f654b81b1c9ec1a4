package io.idp.platform.config;

import java.util.List;

/** The EKS cluster's version and its managed node group. */
public record ClusterSettings(String kubernetesVersion, List<String> nodeInstanceTypes, int nodeMinSize,
                              int nodeDesiredSize, int nodeMaxSize) {
}
