package io.idp.platform.support;

/** A kubeconfig for an EKS cluster that gets short-lived tokens from the AWS CLI; no static credential. */
public final class Kubeconfig {
    private Kubeconfig() {
    }

    public static String render(String clusterName, String endpoint, String certificateAuthority, String region) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: %1$s
                    cluster:
                      server: %2$s
                      certificate-authority-data: %3$s
                contexts:
                  - name: %1$s
                    context:
                      cluster: %1$s
                      user: %1$s
                current-context: %1$s
                users:
                  - name: %1$s
                    user:
                      exec:
                        apiVersion: client.authentication.k8s.io/v1beta1
                        command: aws
                        args: [eks, get-token, --cluster-name, %1$s, --region, %4$s, --output, json]
                """.formatted(clusterName, endpoint, certificateAuthority, region);
    }
}
