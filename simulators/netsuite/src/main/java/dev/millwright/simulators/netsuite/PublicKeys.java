package dev.millwright.simulators.netsuite;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads the public part of an OAuth 2.0 client credentials certificate: a PEM certificate or public key. */
final class PublicKeys {

    private PublicKeys() {
    }

    static PublicKey fromPem(String pem) {
        try {
            if (pem.contains("-----BEGIN CERTIFICATE-----")) {
                return CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                        .getPublicKey();
            }
            if (!pem.contains("-----BEGIN PUBLIC KEY-----")) {
                throw new IllegalArgumentException("expected a PEM certificate or public key");
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
            for (String algorithm : new String[] {"RSA", "EC"}) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                } catch (GeneralSecurityException notThisAlgorithm) {
                    // try the next
                }
            }
            throw new IllegalArgumentException("the public key is neither RSA nor EC");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the certificate: " + e.getMessage(), e);
        }
    }
}
