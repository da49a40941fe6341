package dev.millwright.component.dynamics;

import static dev.millwright.component.dynamics.DynamicsMappings.ITEMS;
import static dev.millwright.component.dynamics.DynamicsMappings.json;
import static dev.millwright.component.dynamics.DynamicsMappings.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.WriteMappingException;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.InventoryItem;

/** mappings/dynamics/inventory-items.yaml on items records. */
class DynamicsInventoryItemMappingTest {

    private static final MappingContext CONTEXT = new MappingContext("bc-prod", java.util.Map.of("cf_category",
            "itemCategoryCode"), false);

    @Test
    void readsAnItem() {
        InventoryItem item = ITEMS.read(resource("dynamics/item.json"), CONTEXT).record();

        assertThat(item.remoteId()).isEqualTo("0ea6738a-44e3-ea11-bb43-000d3a2feca1");
        assertThat(item.modifiedAt()).isEqualTo(Instant.parse("2024-03-14T16:02:11.7Z"));
        assertThat(item.itemNumber()).isEqualTo("1896-S");
        assertThat(item.description()).isEqualTo("ATHENS Desk");
        assertThat(item.quantityOnHand()).isEqualByComparingTo("4");
        assertThat(item.unit()).isEqualTo("PCS");
        assertThat(item.unitCost()).isEqualByComparingTo("506.6");
        assertThat(item.site()).isNull();
        assertThat(item.quantityAvailable()).isNull();
        assertThat(item.reorderPoint()).isNull();
    }

    @Test
    void unmappedFieldsAreReachableAsCustomFields() {
        InventoryItem item = ITEMS.read(resource("dynamics/item.json"), CONTEXT).record();

        assertThat(item.customFields()).containsEntry("cf_category", "DESK");
    }

    @Test
    void writesACreateRequestWithoutTheInventory() {
        InventoryItem item = ITEMS.read(resource("dynamics/item.json"), CONTEXT).record();

        assertThat(ITEMS.write(item, WriteMode.CREATE)).hasToString(json("""
                {'number': '1896-S', 'displayName': 'ATHENS Desk', 'baseUnitOfMeasureCode': 'PCS',
                 'unitCost': 506.6}""").toString());
    }

    @Test
    void theInventoryIsNotWritable() {
        assertThatThrownBy(() -> ITEMS.write(json("{'quantity_on_hand': 3}"), WriteMode.UPDATE))
                .isInstanceOf(WriteMappingException.class)
                .satisfies(e -> assertThat(((WriteMappingException) e).fields()).containsExactly("quantity_on_hand"));
    }
}
