package dev.millwright.component.maximo;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import dev.millwright.core.component.SourceConfiguration;

/** The options of the {@code maximo} component, beside those every system component has. */
@UriParams
public class MaximoConfiguration extends SourceConfiguration {

    @UriParam
    private String baseUrl;
    @UriParam(label = "security", secret = true)
    private String apiKey;
    @UriParam(label = "security", secret = true)
    private String user;
    @UriParam(label = "security", secret = true)
    private String password;
    @UriParam
    private String objectStructure;
    @UriParam(defaultValue = "oslc", enums = "oslc,api")
    private String apiRoute = "oslc";
    @UriParam(defaultValue = "*")
    private String select = "*";
    @UriParam
    private String where;
    @UriParam(defaultValue = "changedate")
    @Metadata(label = "advanced")
    private String modifiedAttribute = "changedate";
    @UriParam(defaultValue = "true")
    @Metadata(label = "advanced")
    private boolean stablePaging = true;
    @UriParam(defaultValue = "false")
    @Metadata(label = "advanced")
    private boolean relativeUri;

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The Maximo context root, e.g. {@code https://host/maximo}; collections are read under
     * {@code <baseUrl>/oslc/os/<object structure>}.
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    /** The Maximo API key, sent as the {@code apikey} header (the only scheme Maximo Application Suite accepts). */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getUser() {
        return user;
    }

    /** User for the legacy {@code maxauth} header (native Maximo authentication), when no API key is given. */
    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    /** Password for the legacy {@code maxauth} header. */
    public void setPassword(String password) {
        this.password = password;
    }

    public String getObjectStructure() {
        return objectStructure;
    }

    /**
     * The object structure to use instead of the collection's default (MXAPIWODETAIL, MXAPIPO, MXAPIINVENTORY,
     * MXAPIVENDOR, MXAPIASSET); for a custom collection name, that name is the object structure.
     */
    public void setObjectStructure(String objectStructure) {
        this.objectStructure = objectStructure;
    }

    public String getApiRoute() {
        return apiRoute;
    }

    /** Whether to use the {@code /oslc/os} route or the newer {@code /api/os} route. */
    public void setApiRoute(String apiRoute) {
        this.apiRoute = apiRoute;
    }

    public String getSelect() {
        return select;
    }

    /** The {@code oslc.select} clause: attributes to read, e.g. {@code wonum,status,poline{polinenum,itemnum}}. */
    public void setSelect(String select) {
        this.select = select;
    }

    public String getWhere() {
        return where;
    }

    /** An extra {@code oslc.where} filter joined with {@code and} to the change filter, e.g. {@code siteid="BEDFORD"}. */
    public void setWhere(String where) {
        this.where = where;
    }

    public String getModifiedAttribute() {
        return modifiedAttribute;
    }

    /** The attribute holding the change time that incremental reads filter and order on. */
    public void setModifiedAttribute(String modifiedAttribute) {
        this.modifiedAttribute = modifiedAttribute;
    }

    public boolean isStablePaging() {
        return stablePaging;
    }

    /** Ask Maximo for stable paging, so records changed during a read do not shift the pages that follow. */
    public void setStablePaging(boolean stablePaging) {
        this.stablePaging = stablePaging;
    }

    public boolean isRelativeUri() {
        return relativeUri;
    }

    /** Ask Maximo for hrefs relative to the context root ({@code relativeuri=1}); both forms are followed. */
    public void setRelativeUri(boolean relativeUri) {
        this.relativeUri = relativeUri;
    }
}
