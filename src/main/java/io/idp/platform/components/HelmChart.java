package io.idp.platform.components;

/**
 * A Helm chart at a pinned version, as a component installs it. The stacks take it from the catalog
 * ({@code stacks/catalog.yaml}); components need only these three facts, not the catalog.
 *
 * @param repository the chart repository's URL
 * @param chart      the chart's name in it
 * @param version    the chart's version
 */
public record HelmChart(String repository, String chart, String version) {
}
