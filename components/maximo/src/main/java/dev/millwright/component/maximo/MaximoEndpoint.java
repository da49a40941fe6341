package dev.millwright.component.maximo;

import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

import dev.millwright.core.component.SourceClient;
import dev.millwright.core.component.SourceEndpoint;
import dev.millwright.core.http.SourceHttpClient;

/**
 * Read changes from and write records to IBM Maximo object structures through the OSLC REST JSON API.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = MaximoComponent.SCHEME, title = "IBM Maximo",
             syntax = "maximo:collection", category = {Category.SAAS}, headersClass = MaximoConstants.class)
public class MaximoEndpoint extends SourceEndpoint {

    @UriParam
    private MaximoConfiguration configuration;

    public MaximoEndpoint(String uri, MaximoComponent component, MaximoConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public MaximoConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MaximoConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The object structure this endpoint reads and writes. */
    public String objectStructure() {
        return MaximoObjectStructures.resolve(configuration.getCollection(), configuration.getObjectStructure());
    }

    @Override
    protected String inlineConnectionId() {
        return MaximoComponent.SCHEME + "@" + configuration.getBaseUrl();
    }

    @Override
    protected SourceClient createClient() {
        if (configuration.getBaseUrl() == null || configuration.getBaseUrl().isBlank()) {
            throw new IllegalArgumentException("maximo:" + configuration.getCollection()
                    + " needs a baseUrl (the Maximo context root, e.g. https://host/maximo) or a connection");
        }
        boolean hasKey = configuration.getApiKey() != null && !configuration.getApiKey().isBlank();
        boolean hasUser = configuration.getUser() != null && configuration.getPassword() != null;
        if (!hasKey && !hasUser) {
            throw new IllegalArgumentException("maximo:" + configuration.getCollection()
                    + " needs an apiKey (or user and password) or a connection");
        }
        SourceHttpClient http = new SourceHttpClient(configuration.httpSettings(), rateLimiter(),
                new MaximoErrorDecoder());
        return new MaximoClient(configuration, objectStructure(), http);
    }
}
