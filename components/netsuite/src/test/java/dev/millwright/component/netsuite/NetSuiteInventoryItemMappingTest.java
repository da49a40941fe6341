package dev.millwright.component.netsuite;

import static dev.millwright.component.netsuite.NetSuiteMappings.REGISTRY;
import static dev.millwright.component.netsuite.NetSuiteMappings.fixture;
import static dev.millwright.component.netsuite.NetSuiteMappings.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.mapping.Mapping;
import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.WriteMappingException;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.InventoryItem;

/** netsuite/inventory-items.yaml: an inventoryItem of the record API, both directions. */
class NetSuiteInventoryItemMappingTest {

    private static final Mapping<InventoryItem> ITEMS = REGISTRY.mapping("netsuite", InventoryItem.class);
    private static final MappingContext CONTEXT = MappingContext.of("acme-netsuite");

    @Test
    void readsTheItemAndItsQuantities() {
        InventoryItem item = ITEMS.read(fixture("netsuite/inventory-item.json"), CONTEXT).record();

        assertThat(item.remoteId()).isEqualTo("102");
        assertThat(item.itemNumber()).isEqualTo("BLT-A42");
        assertThat(item.description()).isEqualTo("V-Belt, A-42");
        assertThat(item.site()).isEqualTo("Honeycomb Mfg. US");
        assertThat(item.location()).isEqualTo("Maintenance Stores");
        assertThat(item.bin()).isNull();
        assertThat(item.quantityOnHand()).isEqualByComparingTo("148");
        assertThat(item.quantityAvailable()).isEqualByComparingTo("131");
        assertThat(item.unit()).isEqualTo("Each");
        assertThat(item.unitCost()).isEqualByComparingTo("12.75");
        assertThat(item.reorderPoint()).isEqualByComparingTo("25");
    }

    @Test
    void theDescriptionFallsBackToThePurchaseDescription() {
        ObjectNode raw = fixture("netsuite/inventory-item.json");
        raw.remove("displayName");

        assertThat(ITEMS.read(raw, CONTEXT).record().description()).isEqualTo("V-Belt, A-42, classical section");
    }

    @Test
    void costAndReorderPointAreWritten() {
        ObjectNode patch = ITEMS.write(json("{'unit_cost': 13.10, 'reorder_point': 30}"), WriteMode.UPDATE);

        assertThat(patch).hasToString(json("{'cost': 13.10, 'reorderPoint': 30}").toString());
    }

    @Test
    void quantitiesAreComputedByNetSuiteAndNotWritten() {
        assertThatThrownBy(() -> ITEMS.write(json("{'quantity_on_hand': 5}"), WriteMode.UPDATE))
                .isInstanceOf(WriteMappingException.class).hasMessageContaining("quantity_on_hand");
    }
}
