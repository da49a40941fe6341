package dev.millwright.component.s4hana;

import org.apache.camel.spi.annotations.Component;

import dev.millwright.core.component.SourceComponent;
import dev.millwright.core.component.SourceEndpoint;

/** The {@code s4hana} component: SAP S/4HANA (Cloud and on premise) through its OData V2 APIs. */
@Component("s4hana")
public class S4HanaComponent extends SourceComponent {

    public static final String SCHEME = "s4hana";

    @Override
    public String system() {
        return SCHEME;
    }

    @Override
    protected SourceEndpoint newEndpoint(String uri, String collection) {
        S4HanaConfiguration configuration = new S4HanaConfiguration();
        configuration.setCollection(collection);
        return new S4HanaEndpoint(uri, this, configuration);
    }
}
