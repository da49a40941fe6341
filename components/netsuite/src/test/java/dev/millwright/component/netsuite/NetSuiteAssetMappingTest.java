package dev.millwright.component.netsuite;

import static dev.millwright.component.netsuite.NetSuiteMappings.REGISTRY;
import static dev.millwright.component.netsuite.NetSuiteMappings.fixture;
import static dev.millwright.component.netsuite.NetSuiteMappings.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.mapping.Mapping;
import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.MappingResult;
import dev.millwright.mapping.WriteMappingException;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.Asset;
import dev.millwright.mapping.model.AssetStatus;

/** netsuite/assets.yaml: a Fixed Asset Management asset (customrecord_ncfar_asset), both directions. */
class NetSuiteAssetMappingTest {

    private static final Mapping<Asset> ASSETS = REGISTRY.mapping("netsuite", Asset.class);
    private static final MappingContext CONTEXT = MappingContext.of("acme-netsuite");

    @Test
    void readsTheAsset() {
        Asset asset = ASSETS.read(fixture("netsuite/asset.json"), CONTEXT).record();

        assertThat(asset.remoteId()).isEqualTo("14");
        assertThat(asset.remoteVersion()).isEqualTo("2024-05-31T09:12:45Z");
        assertThat(asset.modifiedAt()).isEqualTo(Instant.parse("2024-05-31T09:12:45Z"));
        assertThat(asset.number()).isEqualTo("FAM00014");
        assertThat(asset.name()).isEqualTo("Centrifugal Pump P-114");
        assertThat(asset.description()).startsWith("Centrifugal Pump, Grundfos");
        assertThat(asset.status()).isEqualTo(AssetStatus.fromValue("operating"));
        assertThat(asset.location()).isEqualTo("Main Warehouse");
        assertThat(asset.site()).isEqualTo("Honeycomb Mfg. US");
        assertThat(asset.parentRemoteId()).isEqualTo("3");
        assertThat(asset.serialNumber()).isEqualTo("GR-203344");
        assertThat(asset.manufacturer()).isEqualTo("Grundfos");
        assertThat(asset.installDate()).isEqualTo(LocalDate.of(2021, 3, 16));
    }

    @ParameterizedTest
    @CsvSource({"1,not_ready", "2,operating", "3,operating", "4,decommissioned", "5,operating"})
    void mapsFamAssetStatuses(String id, String canonical) {
        ObjectNode raw = fixture("netsuite/asset.json");
        ((ObjectNode) raw.get("custrecord_assetstatus")).put("id", id);

        assertThat(ASSETS.read(raw, CONTEXT).record().status()).isEqualTo(AssetStatus.fromValue(canonical));
    }

    @Test
    void anUnknownAssetStatusIsLeftNullWithAWarning() {
        ObjectNode raw = fixture("netsuite/asset.json");
        ((ObjectNode) raw.get("custrecord_assetstatus")).put("id", "6").put("refName", "Splitted");

        MappingResult<Asset> result = ASSETS.read(raw, CONTEXT);

        assertThat(result.record().status()).isNull();
        assertThat(result.warnings()).singleElement()
                .satisfies(warning -> assertThat(warning.sourcePath()).isEqualTo("custrecord_assetstatus.id"));
    }

    @Test
    void theParentIsWrittenAsAReference() {
        ObjectNode patch = ASSETS.write(json("{'parent_remote_id': '7', 'serial_number': 'GR-900001'}"), WriteMode.UPDATE);

        assertThat(patch).hasToString(json("{'custrecord_componentof': {'id': '7'}, 'custrecord_assetserialno':"
                + " 'GR-900001'}").toString());
    }

    @Test
    void theStatusFollowsDepreciationAndIsNotWritten() {
        assertThatThrownBy(() -> ASSETS.write(json("{'status': 'decommissioned'}"), WriteMode.UPDATE))
                .isInstanceOf(WriteMappingException.class)
                .satisfies(e -> assertThat(((WriteMappingException) e).reason())
                        .isEqualTo(WriteMappingException.Reason.FIELD_NOT_UPDATABLE));
    }
}
