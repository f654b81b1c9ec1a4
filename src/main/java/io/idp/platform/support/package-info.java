/**
 * What the components use but are not: JSON rendering, IAM trust and policy documents, kubeconfigs,
 * the stack's AWS provider, repository security settings, the contract error between stacks, and the
 * rule that keeps moved resources' state (aliases).
 */
package io.idp.platform.support;
