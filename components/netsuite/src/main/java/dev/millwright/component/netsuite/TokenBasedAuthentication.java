package dev.millwright.component.netsuite;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.millwright.core.error.ErrorContext;

/**
 * Token-based authentication: every request attempt carries its own OAuth 1.0a Authorization header with
 * {@code realm} = the account id, a fresh timestamp and nonce, and an HMAC-SHA256 signature (RFC 5849) over the
 * method, the URL without its query, and the OAuth and query parameters, keyed with the consumer and token secrets.
 */
final class TokenBasedAuthentication implements NetSuiteAuthorizer {

    private final String realm;
    private final String consumerKey;
    private final String consumerSecret;
    private final String tokenId;
    private final String tokenSecret;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TokenBasedAuthentication(String accountId, String consumerKey, String consumerSecret, String tokenId,
                             String tokenSecret, Clock clock) {
        this.realm = accountId.toUpperCase(Locale.ROOT);
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.tokenId = tokenId;
        this.tokenSecret = tokenSecret;
        this.clock = clock;
    }

    @Override
    public String authorization(String method, URI uri, ErrorContext context) {
        byte[] nonceBytes = new byte[16];
        random.nextBytes(nonceBytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        List<String[]> oauth = List.of(
                new String[] {"oauth_consumer_key", consumerKey},
                new String[] {"oauth_nonce", nonce},
                new String[] {"oauth_signature_method", "HMAC-SHA256"},
                new String[] {"oauth_timestamp", timestamp},
                new String[] {"oauth_token", tokenId},
                new String[] {"oauth_version", "1.0"});
        String signature = signature(method, uri, oauth);
        StringBuilder header = new StringBuilder("OAuth realm=\"").append(realm).append('"');
        for (String[] parameter : oauth) {
            header.append(", ").append(parameter[0]).append("=\"").append(encode(parameter[1])).append('"');
        }
        return header.append(", oauth_signature=\"").append(encode(signature)).append('"').toString();
    }

    private String signature(String method, URI uri, List<String[]> oauth) {
        List<String> pairs = new ArrayList<>();
        for (String[] parameter : oauth) {
            pairs.add(encode(parameter[0]) + "=" + encode(parameter[1]));
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                pairs.add(encode(name) + "=" + encode(value));
            }
        }
        pairs.sort(null);
        String base = method.toUpperCase(Locale.ROOT) + "&" + encode(baseUri(uri)) + "&" + encode(String.join("&", pairs));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((encode(consumerSecret) + "&" + encode(tokenSecret))
                    .getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The URL without query or fragment, scheme and host in lower case, default ports left out. */
    static String baseUri(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port < 0 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
                + uri.getRawPath();
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
