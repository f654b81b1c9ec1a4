package io.idp.platform.local.cloud;

import java.util.Base64;

/**
 * What the tls provider returns for a private key. The material is derived, shaped like real keys
 * and marked secret by the binding; it is not a usable key.
 */
final class TlsModels {
    private TlsModels() {
    }

    static void register(ResourceModels m, Ids ids) {
        m.model("tls:index/privateKey:PrivateKey", c -> {
            c.id = c.hex(40);
            var algorithm = String.valueOf(c.state.getOrDefault("algorithm", "RSA"));
            var material = Base64.getEncoder().encodeToString(ids.hex(64, c.type, c.name, "private").getBytes());
            var publicMaterial = Base64.getEncoder().encodeToString(ids.hex(48, c.type, c.name, "public").getBytes());
            c.put("privateKeyPem", "-----BEGIN PRIVATE KEY-----\n" + material + "\n-----END PRIVATE KEY-----\n");
            c.put("privateKeyPemPkcs8", "-----BEGIN PRIVATE KEY-----\n" + material + "\n-----END PRIVATE KEY-----\n");
            c.put("privateKeyOpenssh", "-----BEGIN OPENSSH PRIVATE KEY-----\n" + material + "\n-----END OPENSSH PRIVATE KEY-----\n");
            var sshType = switch (algorithm) {
                case "ED25519" -> "ssh-ed25519";
                case "ECDSA" -> "ecdsa-sha2-nistp256";
                default -> "ssh-rsa";
            };
            c.put("publicKeyOpenssh", sshType + " " + publicMaterial + "\n");
            c.put("publicKeyPem", "-----BEGIN PUBLIC KEY-----\n" + publicMaterial + "\n-----END PUBLIC KEY-----\n");
            c.put("publicKeyFingerprintSha256", "SHA256:" + publicMaterial.substring(0, 43));
            c.put("publicKeyFingerprintMd5", ids.hex(32, c.type, c.name, "md5").replaceAll("(..)(?!$)", "$1:"));
            c.state.putIfAbsent("ecdsaCurve", "P224");
            c.state.putIfAbsent("rsaBits", 2048);
        });
    }
}
