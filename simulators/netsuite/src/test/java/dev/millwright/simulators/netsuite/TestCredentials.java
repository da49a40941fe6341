package dev.millwright.simulators.netsuite;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a NetSuite client signs, written here independently of the simulator's verifier: JWT client assertions
 * (PS256 / ES256) and OAuth 1.0a HMAC-SHA256 Authorization headers.
 */
final class TestCredentials {
    static final String CLIENT_ID = "b6b3a1f0c0de4e1f9a2b3c4d5e6f7081";
    static final String CERTIFICATE_ID = "pG6DlU2vT1S0aXo5y8R4QwK3zM7cN9bE";
    static final String CONSUMER_KEY = "ck-4f3a9d2e";
    static final String CONSUMER_SECRET = "cs-8b1c7e5a";
    static final String TOKEN_ID = "ti-2d6f0a9c";
    static final String TOKEN_SECRET = "ts-5e7b3f1d";
    static final KeyPair RSA = generate("RSA");
    static final KeyPair EC = generate("EC");

    private TestCredentials() {
    }

    private static KeyPair generate(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client assertion; {@code lifetime} seconds between iat and exp. */
    static String assertion(String algorithm, PrivateKey key, String kid, String issuer, String audience, long iat,
                            long lifetime, String scope) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString(("{\"typ\":\"JWT\",\"alg\":\"" + algorithm + "\",\"kid\":\"" + kid + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(("{\"iss\":\"" + issuer + "\",\"scope\":[\"" + scope + "\"],\"aud\":\""
                + audience + "\",\"exp\":" + (iat + lifetime) + ",\"iat\":" + iat + "}").getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer;
            if (algorithm.startsWith("PS")) {
                signer = Signature.getInstance("RSASSA-PSS");
                signer.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            } else {
                signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            }
            signer.initSign(key);
            signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + base64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String tokenForm(String assertion) {
        return "grant_type=client_credentials&client_assertion_type="
                + TestHttp.enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                + "&client_assertion=" + TestHttp.enc(assertion);
    }

    /** A bearer token from the simulator's token endpoint, with a PS256 assertion of the RSA test key. */
    static String bearerAt(NetSuiteSimulator netsuite, long iat) {
        String assertion = assertion("PS256", RSA.getPrivate(), CERTIFICATE_ID, CLIENT_ID, netsuite.tokenUrl(),
                iat, 3600, "rest_webservices");
        TestHttp.Response response = TestHttp.form(netsuite.tokenUrl(), tokenForm(assertion));
        if (response.status() != 200) {
            throw new IllegalStateException("no token: " + response.status() + " " + response.body());
        }
        return "Bearer " + response.json().get("access_token").asText();
    }

    /** An OAuth 1.0a Authorization header for one request. */
    static String tba(String realm, String method, String url, String consumerKey, String consumerSecret,
                      String tokenId, String tokenSecret, String nonce, long timestamp) {
        URI uri = URI.create(url);
        String base = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + uri.getRawPath();
        Map<String, String> oauth = new TreeMap<>();
        oauth.put("oauth_consumer_key", consumerKey);
        oauth.put("oauth_nonce", nonce);
        oauth.put("oauth_signature_method", "HMAC-SHA256");
        oauth.put("oauth_timestamp", Long.toString(timestamp));
        oauth.put("oauth_token", tokenId);
        oauth.put("oauth_version", "1.0");
        List<String> pairs = new ArrayList<>();
        oauth.forEach((k, v) -> pairs.add(percent(k) + "=" + percent(v)));
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                String k = java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String v = kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                pairs.add(percent(k) + "=" + percent(v));
            }
        }
        pairs.sort(null);
        String baseString = method + "&" + percent(base) + "&" + percent(String.join("&", pairs));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((percent(consumerSecret) + "&" + percent(tokenSecret))
                    .getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
            StringBuilder header = new StringBuilder("OAuth realm=\"").append(realm).append('"');
            oauth.forEach((k, v) -> header.append(",").append(k).append("=\"").append(percent(v)).append('"'));
            header.append(",oauth_signature=\"").append(percent(signature)).append('"');
            return header.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String nonce() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String percent(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
