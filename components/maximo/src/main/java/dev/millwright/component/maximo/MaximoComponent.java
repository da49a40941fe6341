package dev.millwright.component.maximo;

import org.apache.camel.spi.annotations.Component;

import dev.millwright.core.component.SourceComponent;
import dev.millwright.core.component.SourceEndpoint;

/** The {@code maximo} component: IBM Maximo and Maximo Application Suite Manage through the OSLC REST JSON API. */
@Component("maximo")
public class MaximoComponent extends SourceComponent {

    public static final String SCHEME = "maximo";

    @Override
    public String system() {
        return SCHEME;
    }

    @Override
    protected SourceEndpoint newEndpoint(String uri, String collection) {
        MaximoConfiguration configuration = new MaximoConfiguration();
        configuration.setCollection(collection);
        return new MaximoEndpoint(uri, this, configuration);
    }
}
