package dev.millwright.mapping.camel;

import static dev.millwright.mapping.TestJson.json;
import static dev.millwright.mapping.TestJson.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millwright.mapping.CanonicalSamples;
import dev.millwright.mapping.CustomFieldSource;
import dev.millwright.mapping.MappingWarning;
import dev.millwright.mapping.WriteMappingException;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.CanonicalIds;
import dev.millwright.mapping.model.CanonicalJson;
import dev.millwright.mapping.model.Entity;
import dev.millwright.mapping.model.PurchaseOrder;
import dev.millwright.mapping.model.Vendor;
import dev.millwright.mapping.model.WorkOrder;
import dev.millwright.mapping.model.WorkOrderStatus;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

class CanonicalComponentTest extends CamelTestSupport {

    /** Custom fields as the runtime keeps them per connection. */
    private static final CustomFieldSource CONNECTION_SETTINGS = (connectionId, entity) ->
            connectionId.equals("plant-north") && entity == Entity.WORK_ORDER
                    ? Map.of("cf_work_order_id", "workorderid", "cf_class", "woclass") : Map.of();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("connectionSettings", CustomFieldSource.class, CONNECTION_SETTINGS);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:read-work-orders").to("canonical:maximo/work-orders");
                from("direct:read-work-orders-lean").to("canonical:maximo/work-orders?connection=plant-south"
                        + "&keepRaw=false&customFields=cf_crew:crewid,cf_class:woclass");
                from("direct:read-purchase-orders").to("canonical:maximo/purchase-orders?connection=plant-south");
                from("direct:write-work-orders").to("canonical:maximo/work-orders?direction=write");
                from("direct:update-vendors").to("canonical:maximo/vendors?direction=write&writeMode=update");
            }
        };
    }

    @Test
    void readsARawRecordIntoItsCanonicalRecord() {
        Exchange exchange = template.request("direct:read-work-orders", e -> {
            e.getMessage().setBody(resource("maximo/work-order.json"));
            e.getMessage().setHeader(CanonicalConstants.CONNECTION_ID, "plant-south");
        });

        WorkOrder workOrder = exchange.getMessage().getBody(WorkOrder.class);
        assertThat(workOrder.id()).isEqualTo(CanonicalIds.stableId("plant-south", "work_order", "_QkVERk9SRC8xMDAw"));
        assertThat(workOrder.connectionId()).isEqualTo("plant-south");
        assertThat(workOrder.status()).isEqualTo(WorkOrderStatus.IN_PROGRESS);
        assertThat(workOrder.remoteData()).isEqualTo(resource("maximo/work-order.json"));
        assertThat(exchange.getMessage().getHeader(CanonicalConstants.MAPPING_WARNINGS, List.class)).isEmpty();
    }

    @Test
    void readsJsonTextAndMapsToo() {
        WorkOrder fromText = template.requestBodyAndHeader("direct:read-work-orders",
                resource("maximo/work-order.json").toString(), CanonicalConstants.CONNECTION_ID, "plant-south",
                WorkOrder.class);
        Map<?, ?> map = CanonicalJson.mapper().convertValue(resource("maximo/work-order.json"), Map.class);
        WorkOrder fromMap = template.requestBodyAndHeader("direct:read-work-orders", map,
                CanonicalConstants.CONNECTION_ID, "plant-south", WorkOrder.class);

        assertThat(fromText.number()).isEqualTo("1000");
        assertThat(fromMap.id()).isEqualTo(fromText.id());
    }

    @Test
    void unmappedStatusIsReportedInTheWarningsHeader() {
        ObjectNode raw = resource("maximo/work-order.json");
        raw.put("status_maxvalue", "WAITPARTS");

        Exchange exchange = template.request("direct:read-work-orders", e -> {
            e.getMessage().setBody(raw);
            e.getMessage().setHeader(CanonicalConstants.CONNECTION_ID, "plant-south");
        });

        List<?> warnings = exchange.getMessage().getHeader(CanonicalConstants.MAPPING_WARNINGS, List.class);
        assertThat(warnings).singleElement().isInstanceOfSatisfying(MappingWarning.class,
                warning -> assertThat(warning.field()).isEqualTo("status"));
        assertThat(exchange.getMessage().getBody(WorkOrder.class).status()).isNull();
    }

    @Test
    void readWithoutConnectionIdFails() {
        assertThatThrownBy(() -> template.requestBody("direct:read-work-orders", resource("maximo/work-order.json")))
                .isInstanceOf(CamelExecutionException.class)
                .hasRootCauseMessage("No connection id for canonical://maximo/work-orders: set the connection option "
                        + "or the MillwrightConnectionId header");
    }

    @Test
    void optionsGiveConnectionCustomFieldsAndDropTheRawRecord() {
        ObjectNode raw = resource("maximo/work-order.json");
        raw.put("crewid", "MECH-2");

        WorkOrder workOrder = template.requestBody("direct:read-work-orders-lean", raw, WorkOrder.class);

        assertThat(workOrder.connectionId()).isEqualTo("plant-south");
        assertThat(workOrder.remoteData()).isNull();
        assertThat(workOrder.customFields()).containsExactly(Map.entry("cf_crew", "MECH-2"),
                Map.entry("cf_class", "WORKORDER"));
    }

    @Test
    void customFieldsHeaderOverridesTheOption() {
        WorkOrder workOrder = template.requestBodyAndHeader("direct:read-work-orders-lean",
                resource("maximo/work-order.json"), CanonicalConstants.CUSTOM_FIELDS, Map.of("cf_org", "orgid"),
                WorkOrder.class);

        assertThat(workOrder.customFields()).containsExactly(Map.entry("cf_org", "EAGLENA"));
    }

    @Test
    void customFieldSourceBeanGivesTheConnectionsCustomFields() {
        WorkOrder workOrder = template.requestBodyAndHeader("direct:read-work-orders",
                resource("maximo/work-order.json"), CanonicalConstants.CONNECTION_ID, "plant-north", WorkOrder.class);

        assertThat(workOrder.customFields()).containsOnly(Map.entry("cf_work_order_id", 1234),
                Map.entry("cf_class", "WORKORDER"));
    }

    @Test
    void readsPurchaseOrdersWithLines() {
        PurchaseOrder order = template.requestBody("direct:read-purchase-orders",
                resource("maximo/purchase-order.json"), PurchaseOrder.class);

        assertThat(order.lines()).extracting(line -> line.itemNumber()).containsExactly("0-1010", "0-2040");
    }

    @Test
    void writesACanonicalRecordAsSourceJson() {
        JsonNode source = template.requestBody("direct:write-work-orders", CanonicalSamples.workOrder(),
                JsonNode.class);

        assertThat(source.get("wonum").textValue()).isEqualTo("1000");
        assertThat(source.get("status").textValue()).isEqualTo("INPRG");
        assertThat(source.get("wopriority").intValue()).isEqualTo(2);
    }

    @Test
    void writeModeHeaderTurnsAWriteIntoAnUpdatePatch() {
        JsonNode source = template.requestBodyAndHeader("direct:write-work-orders",
                "{\"status\": \"completed\"}", CanonicalConstants.WRITE_MODE, "update", JsonNode.class);

        assertThat(source).isEqualTo(json("{'status': 'COMP'}"));
    }

    @Test
    void updateOfAFieldThatCannotBeUpdatedFailsNamingIt() {
        assertThatThrownBy(() -> template.requestBody("direct:update-vendors", Map.of("number", "GRAINGER2")))
                .isInstanceOf(CamelExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(WriteMappingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WriteMappingException.Reason.FIELD_NOT_UPDATABLE);
                    assertThat(e.fields()).containsExactly("number");
                });
    }

    @Test
    void writeModeHeaderTakesTheEnumToo() {
        Vendor vendor = CanonicalSamples.vendor();

        JsonNode source = template.requestBodyAndHeader("direct:update-vendors", vendor, CanonicalConstants.WRITE_MODE,
                WriteMode.CREATE, JsonNode.class);

        assertThat(source.get("company").textValue()).isEqualTo("GRAINGER");
    }

    @Test
    void endpointUriMustNameSystemAndCollection() {
        assertThatThrownBy(() -> context.getEndpoint("canonical:maximo"))
                .hasRootCauseMessage("A canonical endpoint is canonical:<system>/<collection>, e.g. "
                        + "canonical:maximo/work-orders, not canonical:maximo");
        assertThatThrownBy(() -> context.getEndpoint("canonical:maximo/workorders"))
                .rootCause().hasMessageContaining("Unknown collection 'workorders'");
    }

    @Test
    void endpointOptionsAreValidated() {
        assertThatThrownBy(() -> context.getEndpoint("canonical:maximo/assets?direction=sideways").start())
                .rootCause().hasMessageContaining("direction must be read or write");
    }
}
