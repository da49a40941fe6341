package dev.millwright.component.prometheusgroup;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import dev.millwright.core.component.SourceConfiguration;

/** The options of the {@code prometheusgroup} component, beside those every system component has. */
@UriParams
public class PrometheusGroupConfiguration extends SourceConfiguration {

    @UriParam
    private String baseUrl;
    @UriParam
    private String profile;
    @UriParam
    private String pathVariables;
    @UriParam(label = "security", secret = true)
    private String apiKey;
    @UriParam(label = "security", secret = true)
    private String user;
    @UriParam(label = "security", secret = true)
    private String password;
    @UriParam(label = "security", secret = true)
    private String clientId;
    @UriParam(label = "security", secret = true)
    private String clientSecret;
    @UriParam(label = "security")
    private String tokenUrl;
    @UriParam(label = "security")
    private String scope;
    @UriParam(label = "advanced")
    @Metadata(label = "advanced")
    private String hostConnection;
    @UriParam(label = "advanced")
    @Metadata(label = "advanced")
    private String hostSystem;

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The root of the system's API, e.g. {@code https://pg.example.com}; the profile's paths are appended to it.
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getProfile() {
        return profile;
    }

    /**
     * The REST profile describing the API: classpath:RESOURCE, file:PATH or a file path. Default: the component's
     * profile (the built-in classpath:millwright/profiles/prometheusgroup.yaml, an assumption). It is checked when
     * the endpoint starts.
     */
    public void setProfile(String profile) {
        this.profile = profile;
    }

    public String getPathVariables() {
        return pathVariables;
    }

    /**
     * Values of the profile's path variables, overriding the profile's defaults: {@code name:value,name:value}, e.g.
     * {@code apiVersion:v2,site:BEDFORD}.
     */
    public void setPathVariables(String pathVariables) {
        this.pathVariables = pathVariables;
    }

    public String getApiKey() {
        return apiKey;
    }

    /** The API key, for profiles with {@code auth.type: api_key} (sent in the profile's header). */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getUser() {
        return user;
    }

    /** The user, for profiles with {@code auth.type: basic}. */
    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    /** The password, for profiles with {@code auth.type: basic}. */
    public void setPassword(String password) {
        this.password = password;
    }

    public String getClientId() {
        return clientId;
    }

    /** The OAuth2 client id, for profiles with {@code auth.type: oauth2_client_credentials}. */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /** The OAuth2 client secret, for profiles with {@code auth.type: oauth2_client_credentials}. */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    /** The OAuth2 token endpoint, overriding the profile's {@code auth.token_url} (absolute, or relative to baseUrl). */
    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public String getScope() {
        return scope;
    }

    /** The OAuth2 scope asked for, overriding the profile's {@code auth.scope}. */
    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getHostConnection() {
        return hostConnection;
    }

    /**
     * The id of the registered host EAM connection (an {@code s4hana} or {@code maximo} connection) whose work orders
     * a {@link SchedulingEnricher} of this connection enriches with the scheduling fields.
     */
    public void setHostConnection(String hostConnection) {
        this.hostConnection = hostConnection;
    }

    public String getHostSystem() {
        return hostSystem;
    }

    /** The scheme of the host connection's system, e.g. {@code maximo} or {@code s4hana}; one the profile's enrichment names. */
    public void setHostSystem(String hostSystem) {
        this.hostSystem = hostSystem;
    }

    /** {@link #getPathVariables()} as a map. */
    public Map<String, String> pathVariableMap() {
        Map<String, String> values = new LinkedHashMap<>();
        if (pathVariables == null || pathVariables.isBlank()) {
            return values;
        }
        for (String pair : pathVariables.split(",")) {
            int colon = pair.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("pathVariables takes name:value pairs separated by commas, not '"
                        + pair.trim() + "'");
            }
            values.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
        }
        return values;
    }
}
