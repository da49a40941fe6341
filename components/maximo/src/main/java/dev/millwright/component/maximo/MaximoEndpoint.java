package dev.millwright.component.maximo;

import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

import dev.millwright.core.component.SourceClient;
import dev.millwright.core.component.SourceConfiguration;
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

    @Override
    protected String inlineConnectionId() {
        return MaximoComponent.SCHEME + "@" + configuration.getBaseUrl();
    }

    @Override
    protected SourceClient createClient(SourceConfiguration effective) {
        MaximoConfiguration settings = (MaximoConfiguration) effective;
        String where = "maximo:" + settings.getCollection();
        if (settings.getBaseUrl() == null || settings.getBaseUrl().isBlank()) {
            throw new IllegalArgumentException(where
                    + " needs a baseUrl (the Maximo context root, e.g. https://host/maximo) or a connection");
        }
        boolean hasKey = settings.getApiKey() != null && !settings.getApiKey().isBlank();
        boolean hasUser = settings.getUser() != null && settings.getPassword() != null;
        if (!hasKey && !hasUser) {
            throw new IllegalArgumentException(where + " needs an apiKey (or user and password) or a connection");
        }
        SourceHttpClient http = new SourceHttpClient(settings.httpSettings(), rateLimiter(settings),
                new MaximoErrorDecoder());
        String objectStructure = MaximoObjectStructures.resolve(settings.getCollection(), settings.getObjectStructure());
        return new MaximoClient(settings, objectStructure, http);
    }
}
