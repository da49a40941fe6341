package dev.millwright.mapping.maximo;

import static dev.millwright.mapping.MaximoMappings.ASSETS;
import static dev.millwright.mapping.TestJson.json;
import static dev.millwright.mapping.TestJson.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.Asset;
import dev.millwright.mapping.model.AssetStatus;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaximoAssetMappingTest {

    private static final MappingContext CONTEXT = MappingContext.of("maximo-prod");

    @Test
    void readsAnMxapiassetRecord() {
        Asset asset = ASSETS.read(resource("maximo/asset.json"), CONTEXT).record();

        assertThat(asset.remoteId()).isEqualTo("_MTE0MzAvQkVERk9SRA--");
        assertThat(asset.remoteVersion()).isEqualTo("781204");
        assertThat(asset.modifiedAt()).isEqualTo(Instant.parse("2024-01-09T12:12:00Z"));
        assertThat(asset.number()).isEqualTo("11430");
        assertThat(asset.name()).isEqualTo("Centrifugal pump 100 GPM");
        assertThat(asset.description()).isEqualTo("Primary feed pump of cooling loop 2.");
        assertThat(asset.status()).isEqualTo(AssetStatus.OPERATING);
        assertThat(asset.location()).isEqualTo("BR430");
        assertThat(asset.site()).isEqualTo("BEDFORD");
        assertThat(asset.parentRemoteId()).isEqualTo("11400");
        assertThat(asset.serialNumber()).isEqualTo("CP-2291-A");
        assertThat(asset.manufacturer()).isEqualTo("GOULDS");
        assertThat(asset.model()).isNull();
        assertThat(asset.installDate()).isEqualTo(LocalDate.of(2019, 6, 3));
        assertThat(asset.criticality()).isEqualTo("3");
    }

    @ParameterizedTest
    @CsvSource({"OPERATING,operating", "NOT READY,not_ready", "BROKEN,not_ready", "INACTIVE,inactive",
            "DECOMMISSIONED,decommissioned"})
    void mapsEveryMaximoStatus(String maximo, String canonical) {
        ObjectNode raw = resource("maximo/asset.json");
        raw.put("status_maxvalue", maximo);

        assertThat(ASSETS.read(raw, CONTEXT).record().status()).isEqualTo(AssetStatus.fromValue(canonical));
    }

    @Test
    void writesACreateRequest() {
        Asset asset = ASSETS.read(resource("maximo/asset.json"), CONTEXT).record();

        assertThat(ASSETS.write(asset, WriteMode.CREATE)).hasToString(json("""
                {'assetnum': '11430', 'description': 'Centrifugal pump 100 GPM',
                 'description_longdescription': 'Primary feed pump of cooling loop 2.', 'status': 'OPERATING',
                 'location': 'BR430', 'siteid': 'BEDFORD', 'parent': '11400', 'serialnum': 'CP-2291-A',
                 'manufacturer': 'GOULDS', 'installdate': '2019-06-03T00:00:00', 'priority': 3}""").toString());
    }

    @Test
    void notReadyIsWrittenAsNotReadyNotBroken() {
        assertThat(ASSETS.write(json("{'status': 'not_ready'}"), WriteMode.UPDATE).get("status").textValue())
                .isEqualTo("NOT READY");
    }
}
