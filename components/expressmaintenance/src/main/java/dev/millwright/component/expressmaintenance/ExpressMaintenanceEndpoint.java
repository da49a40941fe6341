package dev.millwright.component.expressmaintenance;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

import javax.sql.DataSource;

import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.millwright.component.expressmaintenance.profile.Profile;
import dev.millwright.component.expressmaintenance.profile.ProfileParser;
import dev.millwright.component.expressmaintenance.profile.ProfileSchema;
import dev.millwright.core.component.SourceClient;
import dev.millwright.core.component.SourceConfiguration;
import dev.millwright.core.component.SourceEndpoint;
import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.core.error.SourceUnavailableException;

/**
 * Read changes from and write records to the Express Maintenance CMMS database, driven by the installation's
 * profile. The profile is checked against the database when the endpoint starts: a profile naming an unknown table
 * or column, or a statement that does not prepare, fails the start (with its file, line and entry).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = ExpressMaintenanceComponent.SCHEME, title = "Express Maintenance",
             syntax = "expressmaintenance:collection", category = {Category.DATABASE},
             headersClass = ExpressMaintenanceConstants.class)
public class ExpressMaintenanceEndpoint extends SourceEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(ExpressMaintenanceEndpoint.class);

    @UriParam
    private ExpressMaintenanceConfiguration configuration;
    private volatile String databaseName;

    public ExpressMaintenanceEndpoint(String uri, ExpressMaintenanceComponent component,
            ExpressMaintenanceConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public ExpressMaintenanceComponent getComponent() {
        return (ExpressMaintenanceComponent) super.getComponent();
    }

    @Override
    public ExpressMaintenanceConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ExpressMaintenanceConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        String connection = configuration.getConnection();
        boolean resolvable = connection == null || getComponent().getConnectionRegistry() != null
                && getComponent().getConnectionRegistry().find(connection).isPresent();
        if (!resolvable) {
            return; // a connection registered later is checked when first used
        }
        try {
            client();
        } catch (SourceUnavailableException | AuthenticationRequiredException e) {
            // the database being down is no reason not to start: the profile is checked before the first read
            LOG.warn("{}: the profile cannot be checked against the database now, it will be before the first use: {}",
                    getEndpointUri().replaceAll("\\?.*", ""), e.getMessage());
        }
    }

    @Override
    protected String inlineConnectionId() {
        String name = databaseName;
        return getComponent().system() + "@" + (name != null ? name : profileLocation(configuration));
    }

    private String profileLocation(ExpressMaintenanceConfiguration settings) {
        if (settings.getProfile() != null) {
            return settings.getProfile();
        }
        return getComponent().getProfile() != null ? getComponent().getProfile()
                : ExpressMaintenanceConfiguration.DEFAULT_PROFILE;
    }

    @Override
    protected SourceClient createClient(SourceConfiguration effective) {
        ExpressMaintenanceConfiguration settings = (ExpressMaintenanceConfiguration) effective;
        String where = getComponent().system() + ":" + settings.getCollection();
        DataSource dataSource = settings.getDataSource() != null ? settings.getDataSource()
                : getComponent().getDataSource();
        if (dataSource == null) {
            throw new IllegalArgumentException(where + " needs a dataSource (e.g. dataSource=#cmmsDataSource), a"
                    + " component dataSource, or a connection");
        }
        Profile profile = ProfileParser.load(profileLocation(settings));
        if (profile.collection(settings.getCollection()).isEmpty()) {
            throw new IllegalArgumentException(where + ": the profile " + profile.source() + " has no collection '"
                    + settings.getCollection() + "'; its collections: " + profile.collections().keySet());
        }
        ProfileSchema schema;
        try (Connection connection = dataSource.getConnection()) {
            if (settings.getConnection() == null) {
                databaseName = withoutSecrets(connection.getMetaData().getURL());
            }
            schema = ProfileSchema.check(profile, connection);
        } catch (SQLException e) {
            throw new ExpressMaintenanceErrorDecoder(null).decode(e, errorContext());
        }
        return new ExpressMaintenanceClient(dataSource, schema, settings.getCollection(), settings.httpSettings(),
                rateLimiter(settings), settings.getFetchSize(), Clock.systemUTC());
    }

    /** A JDBC URL without the passwords some drivers accept in it. */
    static String withoutSecrets(String url) {
        return url == null ? "database" : url.replaceAll("(?i)([;?&])[a-z_]*password=[^;&]*", "$1");
    }
}
