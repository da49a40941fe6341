package dev.millwright.mapping.maximo;

import static dev.millwright.mapping.MaximoMappings.VENDORS;
import static dev.millwright.mapping.TestJson.json;
import static dev.millwright.mapping.TestJson.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.Address;
import dev.millwright.mapping.model.Vendor;
import dev.millwright.mapping.model.VendorStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MaximoVendorMappingTest {

    private static final MappingContext CONTEXT = MappingContext.of("maximo-prod");

    @Test
    void readsAnMxapivendorRecordWithItsAddress() {
        Vendor vendor = VENDORS.read(resource("maximo/vendor.json"), CONTEXT).record();

        assertThat(vendor.remoteId()).isEqualTo("_R1JBSU5HRVIvRUFHTEVOQQ--");
        assertThat(vendor.modifiedAt()).isEqualTo(Instant.parse("2023-11-02T16:00:00Z"));
        assertThat(vendor.number()).isEqualTo("GRAINGER");
        assertThat(vendor.name()).isEqualTo("W.W. Grainger, Inc.");
        assertThat(vendor.status()).isEqualTo(VendorStatus.ACTIVE);
        assertThat(vendor.taxId()).isEqualTo("36-1150280");
        assertThat(vendor.currency()).isEqualTo("USD");
        assertThat(vendor.email()).isEqualTo("orders@grainger.test");
        assertThat(vendor.phone()).isEqualTo("+1 847 535 1000");
        assertThat(vendor.address()).isEqualTo(
                new Address("100 Grainger Parkway", "Dock 4", "Lake Forest", "IL", "60045", "US"));
    }

    @Test
    void disabledVendorIsInactive() {
        ObjectNode raw = resource("maximo/vendor.json");
        raw.put("disabled", true);

        assertThat(VENDORS.read(raw, CONTEXT).record().status()).isEqualTo(VendorStatus.INACTIVE);
    }

    @Test
    void vendorWithoutAnyAddressFieldHasNoAddress() {
        Vendor vendor = VENDORS.read(json("""
                {'href': 'oslc/os/mxapivendor/_QUNNRQ--', 'company': 'ACME', 'disabled': false,
                 'changedate': '2024-01-15T10:30:00-05:00'}"""), CONTEXT).record();

        assertThat(vendor.address()).isNull();
    }

    @Test
    void writesACreateRequestWithTheFlatAddressFields() {
        Vendor vendor = VENDORS.read(resource("maximo/vendor.json"), CONTEXT).record();

        assertThat(VENDORS.write(vendor, WriteMode.CREATE)).hasToString(json("""
                {'company': 'GRAINGER', 'name': 'W.W. Grainger, Inc.', 'disabled': false, 'fedtaxid': '36-1150280',
                 'currencycode': 'USD', 'email': 'orders@grainger.test', 'phone': '+1 847 535 1000',
                 'address1': '100 Grainger Parkway', 'address2': 'Dock 4', 'city': 'Lake Forest',
                 'stateprovince': 'IL', 'zip': '60045', 'country': 'US'}""").toString());
    }

    @Test
    void inactiveIsWrittenAsDisabled() {
        assertThat(VENDORS.write(json("{'status': 'inactive'}"), WriteMode.UPDATE)).hasToString("{\"disabled\":true}");
    }
}
