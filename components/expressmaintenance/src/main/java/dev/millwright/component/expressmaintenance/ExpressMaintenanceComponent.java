package dev.millwright.component.expressmaintenance;

import javax.sql.DataSource;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

import dev.millwright.core.component.SourceComponent;
import dev.millwright.core.component.SourceEndpoint;

/**
 * The {@code expressmaintenance} component: the Express Maintenance CMMS through its SQL database, as the
 * installation's profile describes it. Registered under another name with its own {@code system} and
 * {@code profile}, the same component serves any other database-backed system without code.
 */
@Component("expressmaintenance")
public class ExpressMaintenanceComponent extends SourceComponent {

    public static final String SCHEME = "expressmaintenance";

    @Metadata(autowired = true, description = "The CMMS database when an endpoint names none")
    private DataSource dataSource;
    @Metadata(description = "The profile of endpoints that name none (default: the built-in default profile)")
    private String profile;
    @Metadata(label = "advanced", defaultValue = SCHEME, description = "The system this component speaks for: its"
            + " connections' system, the mapping files' folder (another database-backed system reuses the component"
            + " under its own name)")
    private String system = SCHEME;

    @Override
    public String system() {
        return system;
    }

    @Override
    protected SourceEndpoint newEndpoint(String uri, String collection) {
        ExpressMaintenanceConfiguration configuration = new ExpressMaintenanceConfiguration();
        configuration.setCollection(collection);
        return new ExpressMaintenanceEndpoint(uri, this, configuration);
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public String getSystem() {
        return system;
    }

    public void setSystem(String system) {
        this.system = system;
    }
}
