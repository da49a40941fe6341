package dev.millwright.component.netsuite;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads the private key of an OAuth 2.0 client credentials certificate from PEM, with the JDK only. */
final class PrivateKeys {

    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PrivateKeys() {
    }

    /**
     * A PKCS#8 key ({@code BEGIN PRIVATE KEY}, RSA or EC) or a PKCS#1 RSA key ({@code BEGIN RSA PRIVATE KEY}).
     *
     * @throws IllegalArgumentException saying what is wrong, never quoting the key
     */
    static PrivateKey fromPem(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("privateKey is empty");
        }
        String text = pem.trim();
        if (text.contains("ENCRYPTED PRIVATE KEY")) {
            throw new IllegalArgumentException("privateKey is encrypted; give it unencrypted (openssl pkcs8 -topk8"
                    + " -nocrypt)");
        }
        if (text.contains("BEGIN EC PRIVATE KEY")) {
            throw new IllegalArgumentException("privateKey is a SEC1 EC key; convert it to PKCS#8 (openssl pkcs8"
                    + " -topk8 -nocrypt)");
        }
        boolean pkcs1 = text.contains("BEGIN RSA PRIVATE KEY");
        if (!pkcs1 && !text.contains("BEGIN PRIVATE KEY")) {
            throw new IllegalArgumentException("privateKey is not a PEM private key (BEGIN PRIVATE KEY or BEGIN RSA"
                    + " PRIVATE KEY)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("privateKey is not valid base64 PEM");
        }
        if (pkcs1) {
            der = pkcs8OfRsa(der);
        }
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisAlgorithm) {
                // try the next one
            }
        }
        throw new IllegalArgumentException("privateKey is neither an RSA nor an EC key");
    }

    /** Wraps a PKCS#1 RSAPrivateKey into a PKCS#8 PrivateKeyInfo. */
    private static byte[] pkcs8OfRsa(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.write(0x04);
        writeLength(body, pkcs1.length);
        body.writeBytes(pkcs1);
        ByteArrayOutputStream sequence = new ByteArrayOutputStream();
        sequence.write(0x30);
        writeLength(sequence, body.size());
        sequence.writeBytes(body.toByteArray());
        return sequence.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write((length >> 8) & 0xff);
            out.write(length & 0xff);
        }
    }
}
