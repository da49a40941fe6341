package dev.millwright.runtime.sync;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Unremovable;

import dev.millwright.routes.sync.SyncRouteTemplates;

/** The route templates of the routes module, added to the runtime's Camel context. */
@ApplicationScoped
@Unremovable
public class MillwrightRouteTemplates extends SyncRouteTemplates {
}
