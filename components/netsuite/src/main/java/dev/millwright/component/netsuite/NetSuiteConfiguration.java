package dev.millwright.component.netsuite;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import dev.millwright.core.component.SourceConfiguration;

/** The options of the {@code netsuite} component, beside those every system component has. */
@UriParams
public class NetSuiteConfiguration extends SourceConfiguration {

    @UriParam
    private String accountId;
    @UriParam
    private String baseUrl;
    @UriParam(label = "security", defaultValue = "oauth2", enums = "oauth2,tba")
    private String authMethod = "oauth2";
    @UriParam(label = "security")
    private String clientId;
    @UriParam(label = "security")
    private String certificateId;
    @UriParam(label = "security", secret = true)
    private String privateKey;
    @UriParam(label = "security", enums = "PS256,PS384,PS512,ES256,ES384,ES512")
    private String signatureAlgorithm;
    @UriParam(label = "security", defaultValue = "rest_webservices")
    private String scope = "rest_webservices";
    @UriParam(label = "security", secret = true)
    private String consumerKey;
    @UriParam(label = "security", secret = true)
    private String consumerSecret;
    @UriParam(label = "security", secret = true)
    private String tokenId;
    @UriParam(label = "security", secret = true)
    private String tokenSecret;
    @UriParam
    private String recordType;
    @UriParam(defaultValue = "suiteql", enums = "suiteql,record")
    private String readMode = "suiteql";
    @UriParam
    private String where;
    @UriParam
    private String extraColumns;
    @UriParam
    @Metadata(label = "advanced")
    private String modifiedField;
    @UriParam(defaultValue = "UTC")
    private String timeZone = "UTC";
    @UriParam(defaultValue = "M/d/yyyy h:mm a")
    @Metadata(label = "advanced")
    private String queryDateFormat = "M/d/yyyy h:mm a";
    @UriParam(defaultValue = "5")
    private int maxConcurrentRequests = 5;
    @UriParam(defaultValue = "100000")
    @Metadata(label = "advanced")
    private int maxQueryResults = 100_000;

    public String getAccountId() {
        return accountId;
    }

    /**
     * The NetSuite account id, e.g. {@code 1234567} or {@code 1234567_SB1} for a sandbox: the realm of token-based
     * authentication, and the account whose REST domain {@code https://1234567-sb1.suitetalk.api.netsuite.com} is
     * used when no baseUrl is given.
     */
    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The account's REST domain, overriding the one derived from the account id, e.g. a proxy or the simulator;
     * the record API, SuiteQL and the token endpoint are under {@code <baseUrl>/services/rest/}.
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getAuthMethod() {
        return authMethod;
    }

    /**
     * {@code oauth2}: OAuth 2.0 client credentials with a JWT assertion signed by the certificate's private key
     * (clientId, certificateId, privateKey); {@code tba}: token-based authentication, OAuth 1.0a signed with
     * HMAC-SHA256 (consumerKey, consumerSecret, tokenId, tokenSecret).
     */
    public void setAuthMethod(String authMethod) {
        this.authMethod = authMethod;
    }

    public String getClientId() {
        return clientId;
    }

    /** The client id of the integration record (OAuth 2.0): the JWT's issuer. */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getCertificateId() {
        return certificateId;
    }

    /** The certificate id NetSuite assigned to the uploaded certificate (OAuth 2.0 client credentials mapping): the JWT's kid. */
    public void setCertificateId(String certificateId) {
        this.certificateId = certificateId;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    /**
     * The certificate's private key in PEM: PKCS#8 ({@code BEGIN PRIVATE KEY}, RSA or EC) or PKCS#1
     * ({@code BEGIN RSA PRIVATE KEY}), unencrypted.
     */
    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    public String getSignatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** The JWT signature algorithm; by default PS256 for an RSA key, ES256/ES384/ES512 by the curve of an EC key. */
    public void setSignatureAlgorithm(String signatureAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
    }

    public String getScope() {
        return scope;
    }

    /** The scopes asked for in the JWT, comma-separated (rest_webservices is needed). */
    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getConsumerKey() {
        return consumerKey;
    }

    /** The consumer key of the integration record (token-based authentication). */
    public void setConsumerKey(String consumerKey) {
        this.consumerKey = consumerKey;
    }

    public String getConsumerSecret() {
        return consumerSecret;
    }

    /** The consumer secret of the integration record (token-based authentication). */
    public void setConsumerSecret(String consumerSecret) {
        this.consumerSecret = consumerSecret;
    }

    public String getTokenId() {
        return tokenId;
    }

    /** The token id of the access token (token-based authentication). */
    public void setTokenId(String tokenId) {
        this.tokenId = tokenId;
    }

    public String getTokenSecret() {
        return tokenSecret;
    }

    /** The token secret of the access token (token-based authentication). */
    public void setTokenSecret(String tokenSecret) {
        this.tokenSecret = tokenSecret;
    }

    public String getRecordType() {
        return recordType;
    }

    /**
     * The NetSuite record type instead of the collection's default (purchaseOrder, workOrder, inventoryItem,
     * vendor, customrecord_ncfar_asset); for a custom collection name, that name is the record type.
     */
    public void setRecordType(String recordType) {
        this.recordType = recordType;
    }

    public String getReadMode() {
        return readMode;
    }

    /**
     * How changes are read: {@code suiteql} (SuiteQL queries ordered by last modified date, lines and addresses by
     * further queries per page) or {@code record} (the record API's q filter, then one GET per record).
     */
    public void setReadMode(String readMode) {
        this.readMode = readMode;
    }

    public String getWhere() {
        return where;
    }

    /** An extra SuiteQL condition joined with AND to the change filter, e.g. {@code subsidiary = 2} (suiteql mode). */
    public void setWhere(String where) {
        this.where = where;
    }

    public String getExtraColumns() {
        return extraColumns;
    }

    /**
     * Further SuiteQL columns to read, comma-separated, e.g. custom fields {@code custbody_crew,custbody_priority};
     * each lands in the record under its own name, as the record API names custom fields (suiteql mode).
     */
    public void setExtraColumns(String extraColumns) {
        this.extraColumns = extraColumns;
    }

    public String getModifiedField() {
        return modifiedField;
    }

    /**
     * The record API field holding the change time that reads filter and order on: lastModifiedDate, or
     * lastModified for custom records; its SuiteQL column is its lower-case name.
     */
    public void setModifiedField(String modifiedField) {
        this.modifiedField = modifiedField;
    }

    public String getTimeZone() {
        return timeZone;
    }

    /**
     * The time zone of the integration user's preferences: SuiteQL and q filters take and give date-times in it.
     */
    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getQueryDateFormat() {
        return queryDateFormat;
    }

    /** The date-time format of the user's preferences, as a Java pattern, used in the record API's q filter. */
    public void setQueryDateFormat(String queryDateFormat) {
        this.queryDateFormat = queryDateFormat;
    }

    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /**
     * Requests to this connection in flight at once (0 = unlimited), shared by every endpoint of the connection:
     * keep it under the account's concurrency limit (15 and up by service tier) minus other integrations' share.
     */
    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public int getMaxQueryResults() {
        return maxQueryResults;
    }

    /**
     * The most rows NetSuite returns for one SuiteQL query (100,000): a read that reaches it continues with a new
     * query after the last row's modified time and id.
     */
    public void setMaxQueryResults(int maxQueryResults) {
        this.maxQueryResults = maxQueryResults;
    }
}
