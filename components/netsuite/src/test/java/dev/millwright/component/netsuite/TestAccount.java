package dev.millwright.component.netsuite;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.millwright.core.connection.ConnectionSettings;
import dev.millwright.core.connection.InMemoryConnectionRegistry;

import dev.millwright.simulators.netsuite.NetSuiteSimulator;

/**
 * The credentials of the tests' NetSuite account: an OAuth 2.0 client credentials mapping (an RSA certificate, and
 * an EC one) and a token-based authentication token, registered in the simulator and given to the component.
 */
final class TestAccount {

    static final String ACCOUNT = "1234567_SB1";
    static final String CLIENT_ID = "7f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final String CERTIFICATE_ID = "Qm9uZ0NlcnRpZmljYXRlMDAx";
    static final String EC_CERTIFICATE_ID = "RUNDZXJ0aWZpY2F0ZTAwMg";
    static final String CONSUMER_KEY = "c0nsumer-key-4b1d";
    static final String CONSUMER_SECRET = "c0nsumer-secret-9e2a";
    static final String TOKEN_ID = "t0ken-id-77c3";
    static final String TOKEN_SECRET = "t0ken-secret-18f0";
    static final String OAUTH2 = "acme-netsuite";
    static final String OAUTH2_EC = "acme-netsuite-ec";
    static final String TBA = "acme-netsuite-tba";
    static final KeyPair RSA = generate("RSA");
    static final KeyPair EC = generate("EC");
    static final String RSA_PEM = pem(RSA);
    static final String EC_PEM = pem(EC);

    private TestAccount() {
    }

    /** A simulator of the test account that knows every test credential. */
    static NetSuiteSimulator.Builder simulator() {
        return NetSuiteSimulator.builder().accountId(ACCOUNT)
                .oauth2Client(CLIENT_ID, CERTIFICATE_ID, RSA.getPublic())
                .oauth2Client(CLIENT_ID, EC_CERTIFICATE_ID, EC.getPublic())
                .tbaToken(CONSUMER_KEY, CONSUMER_SECRET, TOKEN_ID, TOKEN_SECRET);
    }

    /** Connection {@value #OAUTH2} (RSA key), {@value #OAUTH2_EC} (EC key) and {@value #TBA} on the simulator. */
    static InMemoryConnectionRegistry connections(NetSuiteSimulator netsuite) {
        Map<String, String> common = Map.of("accountId", ACCOUNT, "baseUrl", netsuite.baseUrl(), "retryDelay", "10",
                "maxRetryDelay", "50");
        return new InMemoryConnectionRegistry()
                .register(new ConnectionSettings(OAUTH2, "netsuite", with(common, "clientId", CLIENT_ID,
                        "certificateId", CERTIFICATE_ID, "privateKey", RSA_PEM)))
                .register(new ConnectionSettings(OAUTH2_EC, "netsuite", with(common, "clientId", CLIENT_ID,
                        "certificateId", EC_CERTIFICATE_ID, "privateKey", EC_PEM)))
                .register(new ConnectionSettings(TBA, "netsuite", with(common, "authMethod", "tba",
                        "consumerKey", CONSUMER_KEY, "consumerSecret", CONSUMER_SECRET, "tokenId", TOKEN_ID,
                        "tokenSecret", TOKEN_SECRET)));
    }

    /** The options of an OAuth 2.0 (RSA key) connection to a simulator. */
    static Map<String, String> oauth2Options(NetSuiteSimulator netsuite) {
        return with(Map.of("accountId", ACCOUNT, "baseUrl", netsuite.baseUrl(), "retryDelay", "10", "maxRetryDelay",
                "50"), "clientId", CLIENT_ID, "certificateId", CERTIFICATE_ID, "privateKey", RSA_PEM);
    }

    /** URI options of token-based authentication on a simulator (no PEM to carry in a URI). */
    static String tbaOptions(NetSuiteSimulator netsuite) {
        return "accountId=" + ACCOUNT + "&baseUrl=" + netsuite.baseUrl() + "&authMethod=tba&consumerKey=" + CONSUMER_KEY
                + "&consumerSecret=" + CONSUMER_SECRET + "&tokenId=" + TOKEN_ID + "&tokenSecret=" + TOKEN_SECRET
                + "&retryDelay=10&maxRetryDelay=50";
    }

    private static Map<String, String> with(Map<String, String> common, String... pairs) {
        Map<String, String> options = new LinkedHashMap<>(common);
        for (int i = 0; i < pairs.length; i += 2) {
            options.put(pairs[i], pairs[i + 1]);
        }
        return options;
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

    /** The private key as PKCS#8 PEM, as openssl writes it. */
    static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
