package dev.millwright.component.dynamics;

import java.util.UUID;

import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

import dev.millwright.core.component.SourceClient;
import dev.millwright.core.component.SourceConfiguration;
import dev.millwright.core.component.SourceEndpoint;
import dev.millwright.core.error.OperationNotSupportedException;
import dev.millwright.core.http.SourceHttpClient;

/**
 * Read changes from and write records to Microsoft Dynamics 365 Business Central through its API v2.0 (OData v4),
 * authenticated with Microsoft Entra ID client credentials.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = DynamicsComponent.SCHEME,
             title = "Microsoft Dynamics 365 Business Central", syntax = "dynamics:collection",
             category = {Category.SAAS}, headersClass = DynamicsConstants.class)
public class DynamicsEndpoint extends SourceEndpoint {

    @UriParam
    private DynamicsConfiguration configuration;

    public DynamicsEndpoint(String uri, DynamicsComponent component, DynamicsConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public DynamicsConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(DynamicsConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public DynamicsComponent getComponent() {
        return (DynamicsComponent) super.getComponent();
    }

    @Override
    protected String inlineConnectionId() {
        return DynamicsComponent.SCHEME + "@" + configuration.getTenantId() + "/" + configuration.getEnvironment();
    }

    @Override
    protected SourceClient createClient(SourceConfiguration effective) {
        DynamicsConfiguration settings = (DynamicsConfiguration) effective;
        String collection = settings.getCollection();
        if (!DynamicsEntitySets.exists(collection, settings.getEntitySet())) {
            throw new OperationNotSupportedException("Microsoft Dynamics 365 Business Central (dynamics) has no work"
                    + " orders: its API v2.0 has no work-order entity, so no operation on work_order is supported"
                    + " (see the capability matrix); point entitySet at a custom API page to read one", errorContext());
        }
        String where = "dynamics:" + collection;
        require(settings.getBaseUrl(), where, "a baseUrl (https://api.businesscentral.dynamics.com)");
        require(settings.getTenantId(), where, "a tenantId (the Entra directory id of the customer)");
        require(settings.getEnvironment(), where, "an environment (e.g. production)");
        require(settings.getClientId(), where, "a clientId (the Entra app registration)");
        require(settings.getClientSecret(), where, "a clientSecret");
        boolean hasCompanyId = settings.getCompanyId() != null && !settings.getCompanyId().isBlank();
        if (!hasCompanyId && (settings.getCompanyName() == null || settings.getCompanyName().isBlank())) {
            throw new IllegalArgumentException(where + " needs a companyId or a companyName, or a connection");
        }
        if (hasCompanyId) {
            try {
                UUID.fromString(settings.getCompanyId().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": companyId '" + settings.getCompanyId()
                        + "' is not a GUID", e);
            }
        }
        SourceHttpClient http = new SourceHttpClient(settings.httpSettings(), rateLimiter(settings),
                new DynamicsErrorDecoder());
        EntraTokenProvider tokens = getComponent().tokenProvider(settings, settings.httpSettings());
        String entitySet = DynamicsEntitySets.resolve(collection, settings.getEntitySet());
        return new DynamicsClient(settings, entitySet, http, tokens);
    }

    private static void require(String value, String where, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where + " needs " + what + " or a connection");
        }
    }
}
