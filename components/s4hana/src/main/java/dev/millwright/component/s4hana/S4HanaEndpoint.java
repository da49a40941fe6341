package dev.millwright.component.s4hana;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.http.HttpClient;
import java.time.Clock;

import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

import dev.millwright.core.component.SourceClient;
import dev.millwright.core.component.SourceConfiguration;
import dev.millwright.core.component.SourceEndpoint;
import dev.millwright.core.http.Sleeper;
import dev.millwright.core.http.SourceHttpClient;

/**
 * Read changes from and write records to SAP S/4HANA entity sets through its OData V2 APIs.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = S4HanaComponent.SCHEME, title = "SAP S/4HANA",
             syntax = "s4hana:collection", category = {Category.SAAS}, headersClass = S4HanaConstants.class)
public class S4HanaEndpoint extends SourceEndpoint {

    @UriParam
    private S4HanaConfiguration configuration;

    private Clock clock = Clock.systemUTC();

    public S4HanaEndpoint(String uri, S4HanaComponent component, S4HanaConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public S4HanaConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(S4HanaConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Also the clock that stamps the read time of records without a change time (stock, suppliers). */
    @Override
    public void setClock(Clock clock) {
        super.setClock(clock);
        this.clock = clock;
    }

    @Override
    protected String inlineConnectionId() {
        return S4HanaComponent.SCHEME + "@" + configuration.getBaseUrl();
    }

    @Override
    protected SourceClient createClient(SourceConfiguration effective) {
        S4HanaConfiguration settings = (S4HanaConfiguration) effective;
        String where = "s4hana:" + settings.getCollection();
        if (settings.getBaseUrl() == null || settings.getBaseUrl().isBlank()) {
            throw new IllegalArgumentException(where
                    + " needs a baseUrl (the S/4HANA host root, e.g. https://my-s4.example.com) or a connection");
        }
        S4HanaAuthentication authentication = S4HanaAuthentication.of(settings, where);
        S4HanaCollection collection = S4HanaCollection.resolve(settings);
        // one cookie jar per client: SAP binds the CSRF token to the session cookie it sets
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.httpSettings().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .build();
        SourceHttpClient client = new SourceHttpClient(http, settings.httpSettings(), rateLimiter(settings),
                new S4HanaErrorDecoder(), Sleeper.SYSTEM, Clock.systemUTC());
        authentication.bind(client, clock);
        return new S4HanaClient(settings, collection, client, authentication, clock);
    }
}
