package dev.millwright.component.netsuite;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.camel.spi.annotations.Component;

import dev.millwright.core.component.SourceComponent;
import dev.millwright.core.component.SourceEndpoint;

/** The {@code netsuite} component: Oracle NetSuite through its REST web services (record API and SuiteQL). */
@Component("netsuite")
public class NetSuiteComponent extends SourceComponent {

    public static final String SCHEME = "netsuite";

    /** OAuth 2.0 token holders, one per connection and credentials, so that the endpoints of a connection share tokens. */
    private final Map<String, OAuth2ClientCredentials> tokenHolders = new ConcurrentHashMap<>();

    @Override
    public String system() {
        return SCHEME;
    }

    @Override
    protected SourceEndpoint newEndpoint(String uri, String collection) {
        NetSuiteConfiguration configuration = new NetSuiteConfiguration();
        configuration.setCollection(collection);
        return new NetSuiteEndpoint(uri, this, configuration);
    }

    /**
     * The token holder of a connection's credentials; {@code key} identifies them (never their secret text), so
     * that new credentials get a new holder and old tokens are not used for them.
     */
    OAuth2ClientCredentials tokenHolder(String key, Supplier<OAuth2ClientCredentials> create) {
        return tokenHolders.computeIfAbsent(key, k -> create.get());
    }
}
