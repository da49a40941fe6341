package dev.millwright.mapping.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EntityTest {

    @Test
    void entitiesHaveTheirProductNames() {
        assertThat(Entity.PURCHASE_ORDER.entityName()).isEqualTo("purchase_order");
        assertThat(Entity.INVENTORY_ITEM.collection()).isEqualTo("inventory-items");
        assertThat(Entity.VENDOR.recordType()).isEqualTo(Vendor.class);
    }

    @Test
    void entitiesAreFoundByEitherName() {
        assertThat(Entity.fromEntityName("work_order")).isEqualTo(Entity.WORK_ORDER);
        assertThat(Entity.fromCollection("work-orders")).isEqualTo(Entity.WORK_ORDER);
    }

    @Test
    void unknownEntityNameIsRejectedNamingTheValidOnes() {
        assertThatThrownBy(() -> Entity.fromEntityName("work-orders"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("purchase_order, work_order, inventory_item, vendor, asset");
    }

    @Test
    void unknownCollectionIsRejectedNamingTheValidOnes() {
        assertThatThrownBy(() -> Entity.fromCollection("workorders"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("purchase-orders, work-orders, inventory-items, vendors, assets");
    }

    @Test
    void eventTypesStartWithTheEntityName() {
        assertThat(Entity.WORK_ORDER.eventType("updated")).isEqualTo("work_order.updated");
    }

    @Test
    void entityOfARecordIsItsType() {
        assertThat(Entity.of(new Asset(null, null, null, null, null, null, null, false, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null))).isEqualTo(Entity.ASSET);
    }

    @Test
    void statusValuesAreTheProductValues() {
        assertThat(PurchaseOrderStatus.PARTIALLY_RECEIVED.value()).isEqualTo("partially_received");
        assertThat(WorkOrderStatus.fromValue("on_hold")).isEqualTo(WorkOrderStatus.ON_HOLD);
        assertThat(AssetStatus.fromValue("not_ready")).isEqualTo(AssetStatus.NOT_READY);
        assertThat(VendorStatus.values()).extracting(VendorStatus::value)
                .containsExactly("active", "inactive", "blocked");
    }

    @Test
    void unknownStatusValueIsRejectedNamingTheValidOnes() {
        assertThatThrownBy(() -> VendorStatus.fromValue("ACTIVE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ACTIVE'")
                .hasMessageContaining("active, inactive, blocked");
    }
}
