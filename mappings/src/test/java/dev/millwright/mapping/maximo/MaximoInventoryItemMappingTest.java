package dev.millwright.mapping.maximo;

import static dev.millwright.mapping.MaximoMappings.INVENTORY;
import static dev.millwright.mapping.TestJson.json;
import static dev.millwright.mapping.TestJson.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.WriteMappingException;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.InventoryItem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MaximoInventoryItemMappingTest {

    private static final MappingContext CONTEXT = MappingContext.of("maximo-prod");

    @Test
    void readsAnMxapiinventoryRecord() {
        InventoryItem item = INVENTORY.read(resource("maximo/inventory-item.json"), CONTEXT).record();

        assertThat(item.remoteId()).isEqualTo("_MC0xMDEwL0NFTlRSQUwvQkVERk9SRA--");
        assertThat(item.remoteVersion()).isEqualTo("555120");
        assertThat(item.modifiedAt()).isEqualTo(Instant.parse("2024-01-14T21:45:00Z"));
        assertThat(item.createdAt()).isNull();
        assertThat(item.itemNumber()).isEqualTo("0-1010");
        assertThat(item.description()).isEqualTo("Mechanical seal 40 mm");
        assertThat(item.site()).isEqualTo("BEDFORD");
        assertThat(item.location()).isEqualTo("CENTRAL");
        assertThat(item.bin()).isEqualTo("A-12-3");
        assertThat(item.quantityOnHand()).isEqualByComparingTo("14");
        assertThat(item.quantityAvailable()).isEqualByComparingTo("11.5");
        assertThat(item.unit()).isEqualTo("EACH");
        assertThat(item.unitCost()).isEqualByComparingTo("243.1875");
        assertThat(item.reorderPoint()).isEqualByComparingTo("6");
    }

    @Test
    void inventoryStatusStaysInTheRawRecord() {
        InventoryItem item = INVENTORY.read(resource("maximo/inventory-item.json"), CONTEXT.withKeepRaw(true)).record();

        assertThat(item.remoteData().get("status").textValue()).isEqualTo("ACTIVE");
    }

    @Test
    void writesACreateRequestWithoutBalances() {
        InventoryItem item = INVENTORY.read(resource("maximo/inventory-item.json"), CONTEXT).record();

        assertThat(INVENTORY.write(item, WriteMode.CREATE)).hasToString(json("""
                {'itemnum': '0-1010', 'siteid': 'BEDFORD', 'location': 'CENTRAL', 'binnum': 'A-12-3',
                 'issueunit': 'EACH', 'minlevel': 6}""").toString());
    }

    @Test
    void balancesCannotBeUpdated() {
        assertThatThrownBy(() -> INVENTORY.write(json("{'quantity_on_hand': 20, 'bin': 'B-1'}"), WriteMode.UPDATE))
                .isInstanceOfSatisfying(WriteMappingException.class,
                        e -> assertThat(e.fields()).containsExactly("quantity_on_hand"));
    }
}
