package dev.millwright.component.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import dev.millwright.core.capability.CapabilityDescriptor;
import dev.millwright.core.capability.CapabilityFile;
import dev.millwright.core.capability.EntityCapabilities;
import dev.millwright.core.capability.Operation;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.FieldNotUpdatableException;
import dev.millwright.core.error.OperationNotSupportedException;
import dev.millwright.mapping.WriteMode;

/** millwright/capabilities/dynamics.yaml: what Business Central allows, checked before a write reaches it. */
class DynamicsCapabilitiesTest {

    private static final CapabilityDescriptor MATRIX = CapabilityFile.forSystem(DynamicsComponent.class, "dynamics");
    private static final ErrorContext CONTEXT = ErrorContext.of("bc-prod", "purchase_order");

    @ParameterizedTest
    @EnumSource(Operation.class)
    void workOrdersSupportNoOperation(Operation operation) {
        assertThatThrownBy(() -> MATRIX.check("work_order", operation, Map.of(), List.of(), CONTEXT))
                .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("dynamics")
                .hasMessageContaining("work_order");
    }

    @ParameterizedTest
    @CsvSource({"pending_approval,purchase-order-in-review-is-locked", "open,released-purchase-order-is-locked",
            "received,released-purchase-order-is-locked"})
    void anOrderThatIsNotADraftCannotBeChangedOrDeleted(String status, String rule) {
        for (Operation operation : List.of(Operation.UPDATE, Operation.DELETE)) {
            assertThatThrownBy(() -> MATRIX.check("purchase_order", operation, Map.of("status", status),
                    List.of("buyer"), CONTEXT))
                    .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining(rule);
        }
    }

    @Test
    void aDraftOrderCanBeChanged() {
        MATRIX.check("purchase_order", Operation.UPDATE, Map.of("status", "draft"), List.of("buyer", "order_date"),
                CONTEXT);
    }

    @Test
    void orderLinesAreNotUpdatableThroughTheOrder() {
        assertThatThrownBy(() -> MATRIX.check("purchase_order", Operation.UPDATE, Map.of("status", "draft"),
                List.of("lines"), CONTEXT)).isInstanceOf(FieldNotUpdatableException.class);
    }

    @Test
    void fixedAssetsAreNotDeleted() {
        assertThatThrownBy(() -> MATRIX.check("asset", Operation.DELETE, Map.of(), List.of(), CONTEXT))
                .isInstanceOf(OperationNotSupportedException.class);
    }

    @Test
    void vendorsAndItemsAreReadCreatedUpdatedAndDeleted() {
        for (String entity : List.of("vendor", "inventory_item")) {
            assertThat(MATRIX.entity(entity).orElseThrow().operations())
                    .containsExactlyInAnyOrder(Operation.READ, Operation.CREATE, Operation.UPDATE, Operation.DELETE);
        }
    }

    @ParameterizedTest
    @CsvSource({"purchase_order,purchase-orders", "vendor,vendors", "inventory_item,inventory-items", "asset,assets"})
    void everyUpdatableFieldIsWritableThroughTheMapping(String entity, String collection) {
        EntityCapabilities capabilities = MATRIX.entity(entity).orElseThrow();

        assertThat(DynamicsMappings.REGISTRY.mapping("dynamics", collection).writableFields(WriteMode.UPDATE))
                .containsAll(capabilities.updatableFields());
    }
}
