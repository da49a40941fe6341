package dev.millwright.component.expressmaintenance;

import javax.sql.DataSource;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import dev.millwright.core.component.SourceConfiguration;

/** The options of the {@code expressmaintenance} component, beside those every system component has. */
@UriParams
public class ExpressMaintenanceConfiguration extends SourceConfiguration {

    public static final String DEFAULT_PROFILE = "classpath:millwright/expressmaintenance/default-profile.yaml";

    @UriParam
    private DataSource dataSource;
    @UriParam(defaultValue = DEFAULT_PROFILE)
    private String profile;
    @UriParam(defaultValue = "0")
    @Metadata(label = "advanced")
    private int fetchSize;

    public DataSource getDataSource() {
        return dataSource;
    }

    /**
     * The CMMS database, e.g. {@code #cmmsDataSource}: a {@code javax.sql.DataSource} of the Camel registry (the
     * application's pool, if it has one; the component opens a connection per page or write and closes it). When
     * omitted, the component's (autowired when the registry holds exactly one DataSource).
     */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getProfile() {
        return profile;
    }

    /**
     * The installation's profile (tables, keys, change columns, field names, write statements):
     * {@code classpath:path}, {@code file:path} or a file path. When omitted, the component's profile, else the
     * built-in default profile.
     */
    public void setProfile(String profile) {
        this.profile = profile;
    }

    public int getFetchSize() {
        return fetchSize;
    }

    /** Rows the driver fetches per round trip (0 = the page size). */
    public void setFetchSize(int fetchSize) {
        this.fetchSize = fetchSize;
    }
}
