package dev.millwright.component.dynamics;

import static dev.millwright.component.dynamics.DynamicsMappings.ASSETS;
import static dev.millwright.component.dynamics.DynamicsMappings.json;
import static dev.millwright.component.dynamics.DynamicsMappings.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.MappingResult;
import dev.millwright.mapping.WriteMappingException;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.Asset;
import dev.millwright.mapping.model.AssetStatus;

/** mappings/dynamics/assets.yaml on fixedAssets records as the component reads them. */
class DynamicsAssetMappingTest {

    private static final MappingContext CONTEXT = MappingContext.of("bc-prod");

    @Test
    void readsAFixedAsset() {
        Asset asset = ASSETS.read(resource("dynamics/fixed-asset.json"), CONTEXT).record();

        assertThat(asset.remoteId()).isEqualTo("e2a5738a-44e3-ea11-bb43-000d3a2feca1");
        assertThat(asset.number()).isEqualTo("FA000010");
        assertThat(asset.name()).isEqualTo("Forklift Toyota 8FGU25 #3");
        assertThat(asset.status()).isEqualTo(AssetStatus.NOT_READY);
        assertThat(asset.location()).isEqualTo("WAREHOUSE");
        assertThat(asset.serialNumber()).isEqualTo("1FMCU0F74M");
        assertThat(asset.installDate()).isEqualTo(LocalDate.of(2021, 4, 15));
        assertThat(asset.description()).isNull();
        assertThat(asset.parentRemoteId()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"Active,operating", "Under Maintenance,not_ready", "Blocked,inactive", "Inactive,inactive"})
    void mapsEveryStateTheComponentAnnotates(String state, String canonical) {
        ObjectNode raw = resource("dynamics/fixed-asset.json");
        raw.put("@millwright.status", state);

        MappingResult<Asset> result = ASSETS.read(raw, CONTEXT);

        assertThat(result.record().status()).isEqualTo(AssetStatus.fromValue(canonical));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void writesACreateRequest() {
        Asset asset = ASSETS.read(resource("dynamics/fixed-asset.json"), CONTEXT).record();

        assertThat(ASSETS.write(asset, WriteMode.CREATE)).hasToString(json("""
                {'number': 'FA000010', 'displayName': 'Forklift Toyota 8FGU25 #3',
                 'fixedAssetLocationCode': 'WAREHOUSE', 'serialNumber': '1FMCU0F74M'}""").toString());
    }

    @Test
    void theStatusIsNotWrittenThroughTheMapping() {
        assertThatThrownBy(() -> ASSETS.write(json("{'status': 'not_ready'}"), WriteMode.UPDATE))
                .isInstanceOf(WriteMappingException.class)
                .satisfies(e -> assertThat(((WriteMappingException) e).reason())
                        .isEqualTo(WriteMappingException.Reason.FIELD_NOT_UPDATABLE));
    }
}
