package dev.millwright.mapping;

import static dev.millwright.mapping.TestJson.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.millwright.mapping.model.Entity;
import dev.millwright.mapping.model.WorkOrder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingRegistryTest {

    @TempDir
    Path overrides;

    @Test
    void loadsEveryMaximoCollection() {
        assertThat(MaximoMappings.REGISTRY.systems()).containsExactly("maximo");
        assertThat(MaximoMappings.REGISTRY.collections("maximo"))
                .containsExactlyInAnyOrder("work-orders", "purchase-orders", "inventory-items", "vendors", "assets");
    }

    @Test
    void mappingsAreFoundByCollectionEntityOrRecordType() {
        Mapping<?> byCollection = MaximoMappings.REGISTRY.mapping("maximo", "work-orders");

        assertThat(byCollection.entity()).isEqualTo(Entity.WORK_ORDER);
        assertThat(byCollection.system()).isEqualTo("maximo");
        assertThat(byCollection.source()).isEqualTo("classpath:mappings/maximo/work-orders.yaml");
        assertThat(MaximoMappings.REGISTRY.mapping("maximo", Entity.WORK_ORDER)).isSameAs(byCollection);
        assertThat(MaximoMappings.REGISTRY.mapping("maximo", WorkOrder.class)).isSameAs(byCollection);
    }

    @Test
    void unknownSystemIsRejectedListingWhatExists() {
        assertThatThrownBy(() -> MaximoMappings.REGISTRY.mapping("sap", "work-orders"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sap'")
                .hasMessageContaining("maximo (assets, inventory-items, purchase-orders, vendors, work-orders)");
    }

    @Test
    void unknownCollectionIsRejectedListingWhatExists() {
        assertThatThrownBy(() -> MaximoMappings.REGISTRY.mapping("maximo", "meters"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'meters'")
                .hasMessageContaining("assets, inventory-items, purchase-orders, vendors, work-orders");
    }

    @Test
    void registryWithoutSystemsLoadsTheKnownSystemsThatHaveFiles() {
        assertThat(MappingRegistry.builder().build().systems()).contains("maximo");
        assertThat(MappingRegistry.KNOWN_SYSTEMS).contains("maximo", "s4hana", "netsuite", "dynamics",
                "expressmaintenance", "prometheusgroup");
    }

    @Test
    void systemWithoutFilesIsRejectedWhenAskedFor() {
        assertThatThrownBy(() -> MappingRegistry.of("maximo", "fiix"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No mapping files for system 'fiix'");
    }

    @Test
    void fileInTheOverrideDirectoryWinsOverTheClassPath() throws IOException {
        String changed = classpathFile("maximo/work-orders.yaml").replace("  title: description\n",
                "  title: { path: wonum, write: false }\n");
        write("maximo/work-orders.yaml", changed);

        MappingRegistry registry = MappingRegistry.builder().system("maximo").overrideDirectory(overrides).build();

        Mapping<WorkOrder> workOrders = registry.mapping("maximo", WorkOrder.class);
        assertThat(workOrders.source()).isEqualTo(overrides.resolve("maximo/work-orders.yaml").toString());
        assertThat(workOrders.read(resource("maximo/work-order.json"), MappingContext.of("c")).record().title())
                .isEqualTo("1000");
        assertThat(registry.mapping("maximo", "assets").source()).startsWith("classpath:");
    }

    @Test
    void overrideDirectoryCanAddASystem() throws IOException {
        write("fiix/work-orders.yaml", """
                entity: work_order
                identity:
                  remote_id: id
                  modified_at: { path: dtmDateLastModified, convert: epoch_millis }
                fields:
                  number: strCode
                """);

        MappingRegistry registry = MappingRegistry.load(overrides);

        assertThat(registry.systems()).contains("maximo", "fiix");
        assertThat(registry.collections("fiix")).containsExactly("work-orders");
    }

    @Test
    void invalidOverrideFileFailsTheRegistryNamingFileAndLine() throws IOException {
        String assets = classpathFile("maximo/assets.yaml");
        write("maximo/assets.yaml", assets.replace("  BROKEN: not_ready\n", "  BROKEN: broken\n"));

        assertThatThrownBy(() -> MappingRegistry.builder().system("maximo").overrideDirectory(overrides).build())
                .isInstanceOfSatisfying(MappingDefinitionException.class, e -> {
                    assertThat(e.source()).isEqualTo(overrides.resolve("maximo/assets.yaml").toString());
                    assertThat(e.line()).isEqualTo(lineOf(assets, "BROKEN:"));
                    assertThat(e.field()).isEqualTo("enums.asset_status.BROKEN");
                });
    }

    @Test
    void overrideFileNamedForNoCollectionIsRejected() throws IOException {
        write("maximo/workorders.yaml", classpathFile("maximo/work-orders.yaml"));

        assertThatThrownBy(() -> MappingRegistry.builder().system("maximo").overrideDirectory(overrides).build())
                .isInstanceOf(MappingDefinitionException.class)
                .hasMessageContaining("workorders.yaml")
                .hasMessageContaining("<collection>.yaml");
    }

    @Test
    void missingOverrideDirectoryIsRejected() {
        assertThatThrownBy(() -> MappingRegistry.builder().overrideDirectory(overrides.resolve("absent")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist");
    }

    private void write(String relative, String text) throws IOException {
        Path file = overrides.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String classpathFile(String relative) throws IOException {
        try (InputStream in = MappingRegistryTest.class.getClassLoader().getResourceAsStream("mappings/" + relative)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int lineOf(String text, String start) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().startsWith(start)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(start + " not found");
    }
}
