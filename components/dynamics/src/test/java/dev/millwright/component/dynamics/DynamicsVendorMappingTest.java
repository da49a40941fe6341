package dev.millwright.component.dynamics;

import static dev.millwright.component.dynamics.DynamicsMappings.VENDORS;
import static dev.millwright.component.dynamics.DynamicsMappings.json;
import static dev.millwright.component.dynamics.DynamicsMappings.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.MappingResult;
import dev.millwright.mapping.WriteMappingException;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.Vendor;
import dev.millwright.mapping.model.VendorStatus;

/** mappings/dynamics/vendors.yaml on vendors records. */
class DynamicsVendorMappingTest {

    private static final MappingContext CONTEXT = MappingContext.of("bc-prod");

    @Test
    void readsAVendor() {
        Vendor vendor = VENDORS.read(resource("dynamics/vendor.json"), CONTEXT).record();

        assertThat(vendor.remoteId()).isEqualTo("a7a2e2f6-44e3-ea11-bb43-000d3a2feca1");
        assertThat(vendor.modifiedAt()).isEqualTo(Instant.parse("2024-02-03T09:12:44.21Z"));
        assertThat(vendor.number()).isEqualTo("V00020");
        assertThat(vendor.name()).isEqualTo("First Up Consultants");
        assertThat(vendor.status()).isEqualTo(VendorStatus.ACTIVE);
        assertThat(vendor.taxId()).isEqualTo("36-5551234");
        assertThat(vendor.currency()).isEqualTo("USD");
        assertThat(vendor.email()).isEqualTo("purchasing@firstupconsultants.com");
        assertThat(vendor.phone()).isEqualTo("+1 312-555-0143");
    }

    @Test
    void readsTheFlatAddress() {
        Vendor vendor = VENDORS.read(resource("dynamics/vendor.json"), CONTEXT).record();

        assertThat(vendor.address().line1()).isEqualTo("100 Day Drive");
        assertThat(vendor.address().line2()).isEqualTo("Suite 210");
        assertThat(vendor.address().city()).isEqualTo("Chicago");
        assertThat(vendor.address().region()).isEqualTo("IL");
        assertThat(vendor.address().postalCode()).isEqualTo("61236");
        assertThat(vendor.address().country()).isEqualTo("US");
    }

    @ParameterizedTest
    @CsvSource(value = {"' ',active", "'',active", "Payment,blocked", "All,blocked"}, quoteCharacter = '\'')
    void mapsEveryBlockedValue(String blocked, String canonical) {
        ObjectNode raw = resource("dynamics/vendor.json");
        raw.put("blocked", blocked);

        MappingResult<Vendor> result = VENDORS.read(raw, CONTEXT);

        assertThat(result.record().status()).isEqualTo(VendorStatus.fromValue(canonical));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void anUnknownBlockedValueIsLeftNullWithAWarning() {
        ObjectNode raw = resource("dynamics/vendor.json");
        raw.put("blocked", "Invoice");

        MappingResult<Vendor> result = VENDORS.read(raw, CONTEXT);

        assertThat(result.record().status()).isNull();
        assertThat(result.warnings()).singleElement().satisfies(w -> assertThat(w.sourcePath()).isEqualTo("blocked"));
    }

    @Test
    void writesACreateRequest() {
        Vendor vendor = VENDORS.read(resource("dynamics/vendor.json"), CONTEXT).record();

        assertThat(VENDORS.write(vendor, WriteMode.CREATE)).hasToString(json("""
                {'number': 'V00020', 'displayName': 'First Up Consultants', 'blocked': ' ',
                 'taxRegistrationNumber': '36-5551234', 'currencyCode': 'USD',
                 'email': 'purchasing@firstupconsultants.com', 'phoneNumber': '+1 312-555-0143',
                 'addressLine1': '100 Day Drive', 'addressLine2': 'Suite 210', 'city': 'Chicago', 'state': 'IL',
                 'postalCode': '61236', 'country': 'US'}""").toString());
    }

    @Test
    void blockingAVendorWritesAll() {
        assertThat(VENDORS.write(json("{'status': 'blocked'}"), WriteMode.UPDATE).get("blocked").asText())
                .isEqualTo("All");
    }

    @Test
    void inactiveHasNoBusinessCentralForm() {
        assertThatThrownBy(() -> VENDORS.write(json("{'status': 'inactive'}"), WriteMode.UPDATE))
                .isInstanceOf(WriteMappingException.class)
                .satisfies(e -> assertThat(((WriteMappingException) e).reason())
                        .isEqualTo(WriteMappingException.Reason.INVALID_VALUE));
    }

    @Test
    void aPartialAddressPatchWritesOnlyItsFields() {
        assertThat(VENDORS.write(json("{'address': {'city': 'Denver', 'region': 'CO'}}"), WriteMode.UPDATE))
                .hasToString(json("{'city': 'Denver', 'state': 'CO'}").toString());
    }
}
