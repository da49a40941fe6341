package dev.millwright.component.dynamics;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import dev.millwright.core.component.SourceConfiguration;

/** The options of the {@code dynamics} component, beside those every system component has. */
@UriParams
public class DynamicsConfiguration extends SourceConfiguration {

    /** The host of Business Central online. */
    public static final String DEFAULT_BASE_URL = "https://api.businesscentral.dynamics.com";
    /** Microsoft Entra ID's token endpoint; {tenantId} is replaced by the tenant. */
    public static final String DEFAULT_TOKEN_URL = "https://login.microsoftonline.com/{tenantId}/oauth2/v2.0/token";
    public static final String DEFAULT_SCOPE = "https://api.businesscentral.dynamics.com/.default";
    public static final String LAST_MODIFIED = "lastModifiedDateTime";

    @UriParam(defaultValue = DEFAULT_BASE_URL)
    private String baseUrl = DEFAULT_BASE_URL;
    @UriParam
    private String tenantId;
    @UriParam(defaultValue = "production")
    private String environment = "production";
    @UriParam
    private String companyId;
    @UriParam
    private String companyName;
    @UriParam
    private String entitySet;
    @UriParam(defaultValue = "v2.0")
    @Metadata(label = "advanced")
    private String apiPath = "v2.0";
    @UriParam
    private String filter;
    @UriParam(defaultValue = "true")
    @Metadata(label = "advanced")
    private boolean expandLines = true;
    @UriParam(defaultValue = "true")
    @Metadata(label = "advanced")
    private boolean orderByModifiedTime = true;
    @UriParam(defaultValue = LAST_MODIFIED)
    @Metadata(label = "advanced")
    private String modifiedProperty = LAST_MODIFIED;
    @UriParam
    private String localCurrency;
    @UriParam(label = "security", defaultValue = DEFAULT_TOKEN_URL)
    private String tokenUrl = DEFAULT_TOKEN_URL;
    @UriParam(label = "security")
    private String clientId;
    @UriParam(label = "security", secret = true)
    private String clientSecret;
    @UriParam(label = "security", defaultValue = DEFAULT_SCOPE)
    private String scope = DEFAULT_SCOPE;
    @UriParam(label = "security,advanced", defaultValue = "300")
    private int tokenRefreshMargin = 300;

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The Business Central API host, {@code https://api.businesscentral.dynamics.com} for BC online; the API lives
     * under {@code <baseUrl>/v2.0/<tenantId>/<environment>/api/v2.0}.
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getTenantId() {
        return tenantId;
    }

    /** The Microsoft Entra tenant (directory) id of the customer, a GUID (or its primary domain name). */
    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public String getEnvironment() {
        return environment;
    }

    /** The Business Central environment name, e.g. {@code production} or {@code sandbox}. */
    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getCompanyId() {
        return companyId;
    }

    /** The id (GUID) of the company to read and write; or give companyName. */
    public void setCompanyId(String companyId) {
        this.companyId = companyId;
    }

    public String getCompanyName() {
        return companyName;
    }

    /**
     * The name of the company, e.g. {@code CRONUS USA, Inc.}, looked up once in the environment's companies and
     * cached; ignored when companyId is given.
     */
    public void setCompanyName(String companyName) {
        this.companyName = companyName;
    }

    public String getEntitySet() {
        return entitySet;
    }

    /**
     * The API entity set to use instead of the collection's default (purchaseOrders, vendors, items, fixedAssets);
     * a custom collection name is used as the entity set itself.
     */
    public void setEntitySet(String entitySet) {
        this.entitySet = entitySet;
    }

    public String getApiPath() {
        return apiPath;
    }

    /**
     * The API route after {@code /api/}: {@code v2.0} for the standard API, or {@code publisher/group/version} of
     * a custom API page (e.g. {@code contoso/maintenance/v1.0}).
     */
    public void setApiPath(String apiPath) {
        this.apiPath = apiPath;
    }

    public String getFilter() {
        return filter;
    }

    /**
     * An extra OData {@code $filter} joined with {@code and} to the change filter, e.g.
     * {@code blocked eq ' '} or {@code status eq 'Open'}.
     */
    public void setFilter(String filter) {
        this.filter = filter;
    }

    public boolean isExpandLines() {
        return expandLines;
    }

    /** Read purchase orders with their lines ({@code $expand=purchaseOrderLines}) in the same request. */
    public void setExpandLines(boolean expandLines) {
        this.expandLines = expandLines;
    }

    public boolean isOrderByModifiedTime() {
        return orderByModifiedTime;
    }

    /**
     * Ask Business Central to order incremental reads by the modified time ({@code $orderby}), so that the
     * watermark advances page by page; when false the cursor advances only once a whole read is committed.
     */
    public void setOrderByModifiedTime(boolean orderByModifiedTime) {
        this.orderByModifiedTime = orderByModifiedTime;
    }

    public String getModifiedProperty() {
        return modifiedProperty;
    }

    /** The property holding the last modification time, {@code lastModifiedDateTime} in every API v2.0 entity. */
    public void setModifiedProperty(String modifiedProperty) {
        this.modifiedProperty = modifiedProperty;
    }

    public String getLocalCurrency() {
        return localCurrency;
    }

    /**
     * The company's local currency code (e.g. {@code USD}), which BC writes as an empty currencyCode; when not
     * given it is read once from the company's companyInformation.
     */
    public void setLocalCurrency(String localCurrency) {
        this.localCurrency = localCurrency;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    /** The OAuth 2.0 token endpoint; {@code {tenantId}} is replaced by the tenant id. */
    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public String getClientId() {
        return clientId;
    }

    /** The application (client) id of the Entra app registration that Business Central grants API access to. */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /** A client secret of the app registration (its value, not its id), for the client credentials grant. */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getScope() {
        return scope;
    }

    /** The scope asked for in the client credentials grant. */
    public void setScope(String scope) {
        this.scope = scope;
    }

    public int getTokenRefreshMargin() {
        return tokenRefreshMargin;
    }

    /**
     * Seconds before its expiry that an access token is replaced by a new one (never less than half of its
     * lifetime is used).
     */
    public void setTokenRefreshMargin(int tokenRefreshMargin) {
        this.tokenRefreshMargin = tokenRefreshMargin;
    }

    /** The token endpoint of this configuration's tenant. */
    public String resolvedTokenUrl() {
        return tokenUrl.replace("{tenantId}", tenantId == null ? "" : tenantId);
    }
}
