package dev.millwright.component.dynamics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.annotations.Component;

import dev.millwright.core.component.SourceComponent;
import dev.millwright.core.component.SourceEndpoint;
import dev.millwright.core.http.HttpSettings;

/**
 * The {@code dynamics} component: Microsoft Dynamics 365 Business Central through its API v2.0 (OData v4), with
 * Microsoft Entra ID client credentials. Endpoints of the same app registration share one access token.
 */
@Component("dynamics")
public class DynamicsComponent extends SourceComponent {

    public static final String SCHEME = "dynamics";

    /** Who a token is for; the secret only as a digest, so that a new secret means a new token. */
    private record TokenOwner(String tokenUrl, String clientId, String scope, String secretDigest) {
    }

    private final Map<TokenOwner, EntraTokenProvider> tokenProviders = new ConcurrentHashMap<>();

    @Override
    public String system() {
        return SCHEME;
    }

    @Override
    protected SourceEndpoint newEndpoint(String uri, String collection) {
        DynamicsConfiguration configuration = new DynamicsConfiguration();
        configuration.setCollection(collection);
        return new DynamicsEndpoint(uri, this, configuration);
    }

    /** The token provider of an app registration, shared by every endpoint using it. */
    EntraTokenProvider tokenProvider(DynamicsConfiguration configuration, HttpSettings http) {
        TokenOwner owner = new TokenOwner(configuration.resolvedTokenUrl(), configuration.getClientId(),
                configuration.getScope(), digest(configuration.getClientSecret()));
        return tokenProviders.computeIfAbsent(owner, key -> new EntraTokenProvider(key.tokenUrl(), key.clientId(),
                configuration.getClientSecret(), key.scope(), configuration.getTokenRefreshMargin(), http));
    }

    private static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
