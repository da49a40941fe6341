package dev.millwright.component.s4hana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.millwright.core.capability.CapabilityDescriptor;
import dev.millwright.core.capability.CapabilityFile;
import dev.millwright.core.capability.Operation;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.FieldNotUpdatableException;
import dev.millwright.core.error.OperationNotSupportedException;
import dev.millwright.mapping.MappingRegistry;
import dev.millwright.mapping.WriteMode;

/** The capability matrix of millwright/capabilities/s4hana.yaml, and its agreement with the mapping files. */
class S4HanaCapabilitiesTest {

    private static final CapabilityDescriptor MATRIX = CapabilityFile.forSystem(S4HanaComponent.class, "s4hana");
    private static final ErrorContext CONTEXT = ErrorContext.of("s4-prod", "purchase_order").withRemoteId("4500000012");

    @Test
    void aReleasedPurchaseOrderCannotBeUpdated() {
        assertThatThrownBy(() -> MATRIX.check("purchase_order", Operation.UPDATE, Map.of("status", "approved"),
                List.of("buyer"), CONTEXT))
                .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("released-purchase-order-is-final");
    }

    @Test
    void anOpenPurchaseOrderCanBeUpdated() {
        MATRIX.check("purchase_order", Operation.UPDATE, Map.of("status", "open", "deleted", "false"), List.of("buyer"),
                CONTEXT);
    }

    @Test
    void aDeletedPurchaseOrderCannotBeDeletedAgain() {
        assertThatThrownBy(() -> MATRIX.check("purchase_order", Operation.DELETE, Map.of("status", "open",
                "deleted", "true"), List.of(), CONTEXT)).hasMessageContaining("deleted-purchase-order-is-final");
    }

    @ParameterizedTest
    @CsvSource({"inventory_item,UPDATE", "vendor,DELETE", "vendor,CREATE", "work_order,DELETE", "asset,DELETE"})
    void operationsSapDoesNotOfferAreRefused(String entity, Operation operation) {
        assertThatThrownBy(() -> MATRIX.check(entity, operation, Map.of(), List.of(), CONTEXT))
                .isInstanceOf(OperationNotSupportedException.class);
    }

    @Test
    void aPurchaseOrderStatusIsNotUpdatable() {
        assertThatThrownBy(() -> MATRIX.check("purchase_order", Operation.UPDATE, Map.of("status", "open"),
                List.of("status"), CONTEXT)).isInstanceOf(FieldNotUpdatableException.class);
    }

    @ParameterizedTest
    @CsvSource({"purchase_order,purchase-orders", "work_order,work-orders", "vendor,vendors", "asset,assets"})
    void everyUpdatableFieldIsWritableByTheMapping(String entity, String collection) {
        MappingRegistry registry = MappingRegistry.builder().system("s4hana")
                .overrideDirectory(Path.of("../../mappings/src/main/resources/mappings")).build();

        assertThat(registry.mapping("s4hana", collection).writableFields(WriteMode.UPDATE))
                .containsAll(MATRIX.entity(entity).orElseThrow().updatableFields());
    }
}
