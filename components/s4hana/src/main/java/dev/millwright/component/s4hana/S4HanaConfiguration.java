package dev.millwright.component.s4hana;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import dev.millwright.core.component.SourceConfiguration;

/** The options of the {@code s4hana} component, beside those every system component has. */
@UriParams
public class S4HanaConfiguration extends SourceConfiguration {

    @UriParam
    private String baseUrl;
    @UriParam(label = "security", secret = true)
    private String user;
    @UriParam(label = "security", secret = true)
    private String password;
    @UriParam(label = "security")
    private String tokenUrl;
    @UriParam(label = "security", secret = true)
    private String clientId;
    @UriParam(label = "security", secret = true)
    private String clientSecret;
    @UriParam(label = "security")
    private String scope;
    @UriParam(label = "security", defaultValue = "60")
    private int tokenExpiryMargin = 60;
    @UriParam
    private String service;
    @UriParam
    private String entitySet;
    @UriParam
    @Metadata(label = "advanced")
    private String keyFields;
    @UriParam
    private String modifiedField;
    @UriParam(defaultValue = "DateTimeOffset", enums = "DateTimeOffset,DateTime")
    @Metadata(label = "advanced")
    private String modifiedFieldType = "DateTimeOffset";
    @UriParam
    private String select;
    @UriParam
    private String expand;
    @UriParam
    private String filter;
    @UriParam
    @Metadata(label = "advanced")
    private String sapClient;
    @UriParam(defaultValue = "PATCH", enums = "PATCH,MERGE")
    @Metadata(label = "advanced")
    private String updateMethod = "PATCH";

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The S/4HANA host root, e.g. {@code https://my-s4.example.com}; services are read under
     * {@code <baseUrl>/sap/opu/odata/sap/<SERVICE>/<EntitySet>}.
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getUser() {
        return user;
    }

    /** User for Basic authentication (on premise; a communication user in the cloud). */
    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    /** Password for Basic authentication. */
    public void setPassword(String password) {
        this.password = password;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    /**
     * The OAuth 2.0 token endpoint for the client credentials grant, e.g.
     * {@code https://my-s4.example.com/sap/bc/sec/oauth2/token}; with clientId and clientSecret it replaces Basic.
     */
    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public String getClientId() {
        return clientId;
    }

    /** The OAuth 2.0 client id (communication arrangement). */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /** The OAuth 2.0 client secret. */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getScope() {
        return scope;
    }

    /** The OAuth 2.0 scope to ask for, if the token endpoint wants one. */
    public void setScope(String scope) {
        this.scope = scope;
    }

    public int getTokenExpiryMargin() {
        return tokenExpiryMargin;
    }

    /** Seconds before its expiry at which a cached access token is replaced by a new one. */
    public void setTokenExpiryMargin(int tokenExpiryMargin) {
        this.tokenExpiryMargin = tokenExpiryMargin;
    }

    public String getService() {
        return service;
    }

    /**
     * The OData service to use instead of the collection's default (API_PURCHASEORDER_PROCESS_SRV,
     * API_MAINTENANCEORDER, API_MATERIAL_STOCK_SRV, API_BUSINESS_PARTNER, API_EQUIPMENT); required for a custom
     * collection.
     */
    public void setService(String service) {
        this.service = service;
    }

    public String getEntitySet() {
        return entitySet;
    }

    /**
     * The entity set to use instead of the collection's default (A_PurchaseOrder, MaintenanceOrder,
     * A_MatlStkInAcctMod, A_Supplier, Equipment); for a custom collection, defaults to the collection name.
     */
    public void setEntitySet(String entitySet) {
        this.entitySet = entitySet;
    }

    public String getKeyFields() {
        return keyFields;
    }

    /**
     * The key properties of the entity set, comma separated, for custom collections: one key makes its value the
     * remote id; with several (or none given) the entity path of {@code __metadata.uri} is the remote id.
     */
    public void setKeyFields(String keyFields) {
        this.keyFields = keyFields;
    }

    public String getModifiedField() {
        return modifiedField;
    }

    /**
     * The property holding the change time that incremental reads filter and order on (LastChangeDateTime for
     * purchase orders, maintenance orders and equipment); {@code none} reads the whole set every time, stamping
     * each record with its read time (the default for stock and suppliers, which have no change time).
     */
    public void setModifiedField(String modifiedField) {
        this.modifiedField = modifiedField;
    }

    public String getModifiedFieldType() {
        return modifiedFieldType;
    }

    /** The EDM type of the modified field, which decides the filter literal: datetimeoffset'..' or datetime'..'. */
    public void setModifiedFieldType(String modifiedFieldType) {
        this.modifiedFieldType = modifiedFieldType;
    }

    public String getSelect() {
        return select;
    }

    /** The {@code $select} of reads, e.g. {@code PurchaseOrder,Supplier,LastChangeDateTime}; all properties when empty. */
    public void setSelect(String select) {
        this.select = select;
    }

    public String getExpand() {
        return expand;
    }

    /**
     * The {@code $expand} of reads, replacing the collection's default ({@code to_PurchaseOrderItem/to_ScheduleLine}
     * for purchase orders, {@code to_SupplierPurchasingOrg} for suppliers); {@code none} expands nothing.
     */
    public void setExpand(String expand) {
        this.expand = expand;
    }

    public String getFilter() {
        return filter;
    }

    /** An extra {@code $filter} joined with {@code and} to the change filter, e.g. {@code CompanyCode eq '1010'}. */
    public void setFilter(String filter) {
        this.filter = filter;
    }

    public String getSapClient() {
        return sapClient;
    }

    /** The SAP client (mandant) sent as {@code sap-client} on every request, e.g. 100; the system default if empty. */
    public void setSapClient(String sapClient) {
        this.sapClient = sapClient;
    }

    public String getUpdateMethod() {
        return updateMethod;
    }

    /** How updates are sent: PATCH, or MERGE (OData V2's own verb, for older Gateway releases). */
    public void setUpdateMethod(String updateMethod) {
        this.updateMethod = updateMethod;
    }
}
