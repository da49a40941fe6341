package dev.millwright.component.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.millwright.core.capability.CapabilityDescriptor;
import dev.millwright.core.capability.CapabilityFile;
import dev.millwright.core.capability.EntityCapabilities;
import dev.millwright.core.capability.Operation;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.OperationNotSupportedException;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.Entity;

/** millwright/capabilities/netsuite.yaml: NetSuite's rules, and fields the mappings can really write. */
class NetSuiteCapabilitiesTest {

    private static final CapabilityDescriptor MATRIX = CapabilityFile.forSystem(NetSuiteComponent.class, "netsuite");
    private static final ErrorContext CONTEXT = ErrorContext.of("acme-netsuite", "purchase_order").withRemoteId("5002");

    @ParameterizedTest
    @CsvSource({"purchase_order", "work_order", "inventory_item", "vendor", "asset"})
    void everyUpdatableFieldIsOneTheMappingWrites(String entity) {
        EntityCapabilities capabilities = MATRIX.entity(entity).orElseThrow();

        assertThat(NetSuiteMappings.REGISTRY.mapping("netsuite", Entity.fromEntityName(entity).collection())
                .writableFields(WriteMode.UPDATE)).containsAll(capabilities.updatableFields());
    }

    @Test
    void aFullyBilledPurchaseOrderCannotBeModified() {
        assertThatThrownBy(() -> MATRIX.check("purchase_order", Operation.UPDATE, Map.of("status", "closed"),
                List.of("lines"), CONTEXT)).isInstanceOf(OperationNotSupportedException.class)
                .hasMessageContaining("billed-or-closed-purchase-order-is-final");
    }

    @Test
    void aReceivedPurchaseOrderCanBeChangedButNotDeleted() {
        MATRIX.check("purchase_order", Operation.UPDATE, Map.of("status", "partially_received"), List.of("lines"), CONTEXT);

        assertThatThrownBy(() -> MATRIX.check("purchase_order", Operation.DELETE, Map.of("status", "partially_received"),
                List.of(), CONTEXT)).hasMessageContaining("received-purchase-order-is-not-deleted");
    }

    @Test
    void vendorsAreDeletedOutright() {
        assertThat(MATRIX.entity("vendor").orElseThrow().deleteBehaviour()).isEqualTo("hard");
    }

    @Test
    void assetsAreNotDeletedThroughTheApi() {
        assertThatThrownBy(() -> MATRIX.check("asset", Operation.DELETE, Map.of(), List.of(), CONTEXT))
                .isInstanceOf(OperationNotSupportedException.class);
    }
}
