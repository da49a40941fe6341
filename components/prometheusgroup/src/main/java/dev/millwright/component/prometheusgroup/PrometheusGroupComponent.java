package dev.millwright.component.prometheusgroup;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

import dev.millwright.component.prometheusgroup.profile.AuthProfile;
import dev.millwright.component.prometheusgroup.profile.ProfileRepository;
import dev.millwright.component.prometheusgroup.profile.RestProfile;
import dev.millwright.core.component.SourceComponent;
import dev.millwright.core.component.SourceEndpoint;
import dev.millwright.core.connection.ConnectionRegistry;
import dev.millwright.core.cursor.WatermarkStore;
import dev.millwright.core.http.HttpSettings;
import dev.millwright.core.http.RateLimiter;
import dev.millwright.core.http.SourceHttpClient;

/**
 * The {@code prometheusgroup} component: Prometheus Group planning and scheduling over HTTP/JSON, as a REST profile
 * describes it. The same component serves any other REST-profile system: bound under another name with a profile
 * whose {@code system} is that name (e.g. {@code camel.beans.fieldcloud = #class:...PrometheusGroupComponent} and
 * {@code camel.component.fieldcloud.profile = file:/etc/millwright/fieldcloud.yaml}), it is that system's component.
 */
@Component("prometheusgroup")
public class PrometheusGroupComponent extends SourceComponent {

    public static final String SCHEME = "prometheusgroup";
    public static final String DEFAULT_PROFILE = "classpath:millwright/profiles/prometheusgroup.yaml";

    @Metadata(defaultValue = DEFAULT_PROFILE, description = "The REST profile of every endpoint that names none:"
            + " classpath:RESOURCE, file:PATH or a file path. Its system name is this component's system")
    private String profile = DEFAULT_PROFILE;

    private final ProfileRepository profiles = new ProfileRepository();
    private final Map<String, ClientCredentialsGrant> grants = new ConcurrentHashMap<>();
    private volatile Clock clock = Clock.systemUTC();

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // bound under another name (another REST-profile system), Camel's autowiring finds no configurer by that
        // name: look the shared beans up the same way
        if (getConnectionRegistry() == null) {
            setConnectionRegistry(getCamelContext().getRegistry().findSingleByType(ConnectionRegistry.class));
        }
        if (getWatermarkStore() == null) {
            setWatermarkStore(getCamelContext().getRegistry().findSingleByType(WatermarkStore.class));
        }
    }

    /** The system this component serves: its profile's {@code system} ({@code prometheusgroup} by default). */
    @Override
    public String system() {
        return profile(null).system();
    }

    @Override
    protected SourceEndpoint newEndpoint(String uri, String collection) {
        PrometheusGroupConfiguration configuration = new PrometheusGroupConfiguration();
        configuration.setCollection(collection);
        return new PrometheusGroupEndpoint(uri, this, configuration);
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    /** The clock access tokens expire by (the system clock unless a test sets one). */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    /** A profile by location (null: this component's); loaded and checked once, read again when its file changes. */
    public RestProfile profile(String location) {
        ClassLoader loader = getCamelContext() != null && getCamelContext().getApplicationContextClassLoader() != null
                ? getCamelContext().getApplicationContextClassLoader() : PrometheusGroupComponent.class.getClassLoader();
        return profiles.load(location == null || location.isBlank() ? profile : location, loader);
    }

    /**
     * The client credentials grant of one client at one token endpoint with one scope, shared by every endpoint that
     * uses them, so that they share its access token.
     */
    ClientCredentialsGrant grant(URI tokenEndpoint, String clientId, String clientSecret, String scope,
            AuthProfile.ClientAuthentication clientAuthentication, HttpSettings settings, RateLimiter rateLimiter) {
        String key = tokenEndpoint + "\n" + clientId + "\n" + scope + "\n" + clientAuthentication + "\n"
                + fingerprint(clientSecret);
        return grants.computeIfAbsent(key, k -> new ClientCredentialsGrant(tokenEndpoint, clientId, clientSecret,
                scope, clientAuthentication, new SourceHttpClient(settings, rateLimiter, new TokenErrorDecoder()),
                clock));
    }

    /** Tells secrets apart without keeping them in a key. */
    private static String fingerprint(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
