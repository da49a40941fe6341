package dev.millwright.component.netsuite;

import static dev.millwright.component.netsuite.NetSuiteMappings.REGISTRY;
import static dev.millwright.component.netsuite.NetSuiteMappings.fixture;
import static dev.millwright.component.netsuite.NetSuiteMappings.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.mapping.Mapping;
import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.WriteMappingException;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.Vendor;
import dev.millwright.mapping.model.VendorStatus;

/** netsuite/vendors.yaml: a vendor of the record API with its address book, both directions. */
class NetSuiteVendorMappingTest {

    private static final Mapping<Vendor> VENDORS = REGISTRY.mapping("netsuite", Vendor.class);
    private static final MappingContext CONTEXT = MappingContext.of("acme-netsuite");

    @Test
    void readsTheVendorAndItsDefaultAddress() {
        Vendor vendor = VENDORS.read(fixture("netsuite/vendor.json"), CONTEXT).record();

        assertThat(vendor.remoteId()).isEqualTo("2002");
        assertThat(vendor.modifiedAt()).isEqualTo(Instant.parse("2024-04-13T05:20:31Z"));
        assertThat(vendor.createdAt()).isEqualTo(Instant.parse("2024-04-11T18:38:35Z"));
        assertThat(vendor.number()).isEqualTo("V1002");
        assertThat(vendor.name()).isEqualTo("Apex Controls");
        assertThat(vendor.status()).isEqualTo(VendorStatus.fromValue("active"));
        assertThat(vendor.taxId()).isEqualTo("77-0375774");
        assertThat(vendor.currency()).isEqualTo("USD");
        assertThat(vendor.email()).isEqualTo("orders@apex.example.com");
        assertThat(vendor.phone()).isEqualTo("(703) 893-2345");
        assertThat(vendor.address().line1()).isEqualTo("8173 Harbor Rd");
        assertThat(vendor.address().line2()).isEqualTo("Suite 210");
        assertThat(vendor.address().city()).isEqualTo("Denver");
        assertThat(vendor.address().region()).isEqualTo("CO");
        assertThat(vendor.address().postalCode()).isEqualTo("80202");
        assertThat(vendor.address().country()).isEqualTo("US");
    }

    @Test
    void anInactiveVendorIsInactive() {
        ObjectNode raw = fixture("netsuite/vendor.json").put("isInactive", true);

        assertThat(VENDORS.read(raw, CONTEXT).record().status()).isEqualTo(VendorStatus.fromValue("inactive"));
    }

    @Test
    void aVendorWithoutAddressBookHasNoAddress() {
        ObjectNode raw = fixture("netsuite/vendor.json");
        raw.remove("addressBook");

        assertThat(VENDORS.read(raw, CONTEXT).record().address()).isNull();
    }

    @Test
    void anAddressPatchWritesTheFirstAddressBookEntry() {
        ObjectNode patch = VENDORS.write(json("{'address': {'city': 'Aurora', 'country': 'US'}, 'status': 'inactive'}"),
                WriteMode.UPDATE);

        assertThat(patch).hasToString(json("{'addressBook': {'items': [{'addressBookAddress': {'city': 'Aurora',"
                + " 'country': {'id': 'US'}}}]}, 'isInactive': true}").toString());
    }

    @Test
    void blockedHasNoNetSuiteForm() {
        assertThatThrownBy(() -> VENDORS.write(json("{'status': 'blocked'}"), WriteMode.UPDATE))
                .isInstanceOf(WriteMappingException.class)
                .satisfies(e -> assertThat(((WriteMappingException) e).reason())
                        .isEqualTo(WriteMappingException.Reason.INVALID_VALUE));
    }
}
