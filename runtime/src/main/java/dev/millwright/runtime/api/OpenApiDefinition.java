package dev.millwright.runtime.api;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import dev.millwright.mapping.model.Asset;
import dev.millwright.mapping.model.InventoryItem;
import dev.millwright.mapping.model.PurchaseOrder;
import dev.millwright.mapping.model.Vendor;
import dev.millwright.mapping.model.WorkOrder;

/** The OpenAPI document's header: what the API is and its two bearer credentials. */
@OpenAPIDefinition(
        info = @Info(title = "Millwright", version = "0.1.0",
                     description = "One API over industrial systems' purchase orders, work orders, inventory items,"
                             + " vendors and assets. Data endpoints take a connection's token; management endpoints"
                             + " the admin key. Errors are RFC 9457 problems with a stable code.",
                     license = @License(name = "Apache 2.0")),
        components = @Components(
                securitySchemes = {
                    @SecurityScheme(securitySchemeName = "adminKey", type = SecuritySchemeType.HTTP,
                                    scheme = "bearer", description = "The admin key (millwright.admin.key)"),
                    @SecurityScheme(securitySchemeName = "connectionToken", type = SecuritySchemeType.HTTP,
                                    scheme = "bearer", description = "A connection's API token")
                },
                schemas = @Schema(name = "CanonicalRecord", description = "A record of the canonical model",
                                  oneOf = {PurchaseOrder.class, WorkOrder.class, InventoryItem.class, Vendor.class,
                                           Asset.class})))
public class OpenApiDefinition extends Application {
}
