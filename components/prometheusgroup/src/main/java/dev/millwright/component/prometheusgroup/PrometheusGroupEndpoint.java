package dev.millwright.component.prometheusgroup;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

import dev.millwright.component.prometheusgroup.profile.AuthProfile;
import dev.millwright.component.prometheusgroup.profile.CollectionProfile;
import dev.millwright.component.prometheusgroup.profile.ProfileDefinitionException;
import dev.millwright.component.prometheusgroup.profile.RestProfile;
import dev.millwright.core.component.SourceClient;
import dev.millwright.core.component.SourceConfiguration;
import dev.millwright.core.component.SourceEndpoint;
import dev.millwright.core.connection.ConnectionSettings;
import dev.millwright.core.http.SourceHttpClient;

/**
 * Read changes from and write records to Prometheus Group (or another REST-profile system) as its REST profile
 * describes the API. The profile is loaded and checked when the endpoint starts: a profile that would not work stops
 * the route from starting, with an error naming the file, the line and the field.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = PrometheusGroupComponent.SCHEME, title = "Prometheus Group",
             syntax = "prometheusgroup:collection", category = {Category.SAAS},
             headersClass = PrometheusGroupConstants.class)
public class PrometheusGroupEndpoint extends SourceEndpoint {

    @UriParam
    private PrometheusGroupConfiguration configuration;

    public PrometheusGroupEndpoint(String uri, PrometheusGroupComponent component,
            PrometheusGroupConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public PrometheusGroupComponent getComponent() {
        return (PrometheusGroupComponent) super.getComponent();
    }

    @Override
    public PrometheusGroupConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(PrometheusGroupConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected String inlineConnectionId() {
        return getComponent().system() + "@" + configuration.getBaseUrl();
    }

    /** Checks the profile now, so that a broken one fails the start rather than a sync at 3 a.m. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        RestProfile profile = getComponent().profile(profileLocation());
        String system = getComponent().system();
        if (!profile.system().equals(system)) {
            throw new ProfileDefinitionException(profile.source(), 0, "system", "describes system '"
                    + profile.system() + "', but this component serves '" + system + "'; bind the component under '"
                    + profile.system() + "' with that profile instead");
        }
        profile.collection(configuration.getCollection());
        String hostSystem = configuration.getHostSystem() != null ? configuration.getHostSystem()
                : connectionOption("hostSystem");
        if (hostSystem != null && (profile.enrichment() == null
                || !profile.enrichment().hostNumbers().containsKey(hostSystem))) {
            throw new ProfileDefinitionException(profile.source(), 0, "enrichment.hosts", "names no host system '"
                    + hostSystem + "'" + (profile.enrichment() == null ? " (the profile has no enrichment)"
                    : "; hosts: " + String.join(", ", profile.enrichment().hostNumbers().keySet())));
        }
    }

    /** The profile this endpoint uses: its URI's, else its connection's (when registered yet), else the component's. */
    private String profileLocation() {
        return configuration.getProfile() != null ? configuration.getProfile() : connectionOption("profile");
    }

    private String connectionOption(String option) {
        String connection = configuration.getConnection();
        if (connection == null || getComponent().getConnectionRegistry() == null) {
            return null;
        }
        return getComponent().getConnectionRegistry().find(connection).map(ConnectionSettings::options)
                .map(options -> options.get(option)).orElse(null);
    }

    /** The client of this endpoint's effective configuration, with the profile's extra operations (lookups). */
    ProfileClient profileClient() {
        return (ProfileClient) client();
    }

    @Override
    protected SourceClient createClient(SourceConfiguration effective) {
        PrometheusGroupConfiguration settings = (PrometheusGroupConfiguration) effective;
        String where = getComponent().system() + ":" + settings.getCollection();
        RestProfile profile = getComponent().profile(settings.getProfile());
        CollectionProfile collection = profile.collection(settings.getCollection());
        if (settings.getBaseUrl() == null || settings.getBaseUrl().isBlank()) {
            throw new IllegalArgumentException(where + " needs a baseUrl (the root of the " + profile.title()
                    + " API) or a connection");
        }
        Map<String, String> variables = new LinkedHashMap<>(profile.variables());
        variables.putAll(settings.pathVariableMap());
        variables.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(where + " needs a value for the path variable {" + name
                        + "} of " + profile.source() + ": give pathVariables=" + name + ":<value>");
            }
        });
        SourceHttpClient http = new SourceHttpClient(settings.httpSettings(), rateLimiter(settings),
                new ProfileErrorDecoder(profile.title(), profile.errors()));
        return new ProfileClient(profile, collection, settings.getBaseUrl(), variables, http,
                authenticator(profile, settings, where));
    }

    private RequestAuthenticator authenticator(RestProfile profile, PrometheusGroupConfiguration settings,
            String where) {
        AuthProfile auth = profile.auth();
        return switch (auth.type()) {
            case NONE -> RequestAuthenticator.NONE;
            case API_KEY -> StaticCredentials.apiKey(auth.header(), auth.prefix(),
                    required(settings.getApiKey(), "apiKey", where, profile));
            case BASIC -> StaticCredentials.basic(required(settings.getUser(), "user", where, profile),
                    required(settings.getPassword(), "password", where, profile));
            case OAUTH2_CLIENT_CREDENTIALS -> {
                String tokenUrl = settings.getTokenUrl() != null ? settings.getTokenUrl() : auth.tokenUrl();
                URI tokenEndpoint = tokenUrl.startsWith("http://") || tokenUrl.startsWith("https://")
                        ? URI.create(tokenUrl)
                        : URI.create(settings.getBaseUrl().replaceAll("/+$", "") + tokenUrl);
                yield getComponent().grant(tokenEndpoint,
                        required(settings.getClientId(), "clientId", where, profile),
                        required(settings.getClientSecret(), "clientSecret", where, profile),
                        settings.getScope() != null ? settings.getScope() : auth.scope(),
                        auth.clientAuthentication(), settings.httpSettings(), rateLimiter(settings));
            }
        };
    }

    private static String required(String value, String option, String where, RestProfile profile) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where + " needs the option " + option + " (auth type "
                    + profile.auth().type().name().toLowerCase(java.util.Locale.ROOT) + " of " + profile.source()
                    + ") or a connection that has it");
        }
        return value;
    }
}
