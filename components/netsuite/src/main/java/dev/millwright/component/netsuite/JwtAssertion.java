package dev.millwright.component.netsuite;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The client assertion of NetSuite's OAuth 2.0 client credentials flow: a JWT with header {@code typ} JWT,
 * {@code alg} (PS256/384/512 with an RSA key, ES256/384/512 with an EC key) and {@code kid} (the certificate id),
 * and claims {@code iss} (the client id), {@code scope}, {@code aud} (the token endpoint), {@code iat} and
 * {@code exp} (an hour later at most), signed with the JDK.
 */
final class JwtAssertion {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** NetSuite refuses an assertion valid for more than an hour. */
    static final long LIFETIME_SECONDS = 3600;

    private final String clientId;
    private final String certificateId;
    private final PrivateKey key;
    private final String algorithm;
    private final List<String> scopes;

    JwtAssertion(String clientId, String certificateId, PrivateKey key, String algorithm, List<String> scopes) {
        this.clientId = clientId;
        this.certificateId = certificateId;
        this.key = key;
        this.algorithm = algorithm == null || algorithm.isBlank() ? defaultAlgorithm(key) : algorithm.trim();
        this.scopes = List.copyOf(scopes);
        signer(); // fails now, naming the option, if the key and algorithm do not fit
    }

    String algorithm() {
        return algorithm;
    }

    /** The default algorithm of a key: PS256 for RSA, the ES algorithm of an EC key's curve size. */
    static String defaultAlgorithm(PrivateKey key) {
        if (key instanceof ECPrivateKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits <= 256 ? "ES256" : bits <= 384 ? "ES384" : "ES512";
        }
        return "PS256";
    }

    /** A signed assertion for the token endpoint {@code audience}, issued at {@code now}. */
    String sign(String audience, Instant now) {
        ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", algorithm).put("kid", certificateId);
        ObjectNode claims = JSON.createObjectNode().put("iss", clientId);
        claims.putArray("scope").addAll(scopes.stream().map(JSON.getNodeFactory()::textNode).toList());
        claims.put("aud", audience).put("iat", now.getEpochSecond()).put("exp", now.getEpochSecond() + LIFETIME_SECONDS);
        String signingInput = BASE64URL.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer = signer();
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the client assertion with " + algorithm, e);
        }
    }

    private Signature signer() {
        try {
            Signature signer;
            switch (algorithm) {
                case "PS256", "PS384", "PS512" -> {
                    if (!(key instanceof RSAPrivateKey)) {
                        throw new IllegalArgumentException("signatureAlgorithm " + algorithm + " needs an RSA key");
                    }
                    String hash = "SHA-" + algorithm.substring(2);
                    signer = Signature.getInstance("RSASSA-PSS");
                    signer.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                            Integer.parseInt(algorithm.substring(2)) / 8, 1));
                }
                case "ES256", "ES384", "ES512" -> {
                    if (!(key instanceof ECPrivateKey)) {
                        throw new IllegalArgumentException("signatureAlgorithm " + algorithm + " needs an EC key");
                    }
                    // JWS wants the raw R || S signature, not DER
                    signer = Signature.getInstance("SHA" + algorithm.substring(2) + "withECDSAinP1363Format");
                }
                default -> throw new IllegalArgumentException("signatureAlgorithm '" + algorithm
                        + "' is not one of PS256, PS384, PS512, ES256, ES384, ES512");
            }
            signer.initSign(key);
            return signer;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("signatureAlgorithm " + algorithm + " cannot sign with this key: "
                    + e.getMessage(), e);
        }
    }
}
