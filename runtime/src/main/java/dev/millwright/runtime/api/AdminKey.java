package dev.millwright.runtime.api;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.millwright.runtime.MillwrightConfig;
import dev.millwright.runtime.connection.ApiTokens;

/**
 * The admin key: {@code millwright.admin.key} (env {@code MILLWRIGHT_ADMIN_KEY}). Without one, the demo uses
 * {@value #DEMO_KEY}; outside the demo a random key is generated at start and logged once, so the management API
 * is never open.
 */
@ApplicationScoped
public class AdminKey {

    public static final String DEMO_KEY = "demo-admin-key";
    private static final Logger LOG = Logger.getLogger(AdminKey.class);

    @Inject
    MillwrightConfig config;

    private String value;

    @PostConstruct
    void choose() {
        if (config.admin().key().isPresent() && !config.admin().key().get().isBlank()) {
            value = config.admin().key().get();
        } else if (config.demo().enabled()) {
            value = DEMO_KEY;
            LOG.warnf("No millwright.admin.key set: the demo admin key '%s' is in use. Set MILLWRIGHT_ADMIN_KEY"
                    + " before exposing this runtime.", DEMO_KEY);
        } else {
            value = ApiTokens.newToken("admin_");
            LOG.warnf("No millwright.admin.key set: generated admin key for this run: %s", value);
        }
    }

    String value() {
        return value;
    }
}
