package io.idp.platform.support;

import com.pulumi.github.inputs.RepositorySecurityAndAnalysisArgs;
import com.pulumi.github.inputs.RepositorySecurityAndAnalysisSecretScanningArgs;
import com.pulumi.github.inputs.RepositorySecurityAndAnalysisSecretScanningPushProtectionArgs;

/** Secret scanning with push protection, on for every repository the platform creates. */
public final class RepositorySecurity {
    private RepositorySecurity() {
    }

    public static RepositorySecurityAndAnalysisArgs secretScanning() {
        return RepositorySecurityAndAnalysisArgs.builder()
                .secretScanning(RepositorySecurityAndAnalysisSecretScanningArgs.builder().status("enabled").build())
                .secretScanningPushProtection(RepositorySecurityAndAnalysisSecretScanningPushProtectionArgs.builder()
                        .status("enabled").build())
                .build();
    }
}
