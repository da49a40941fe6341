package dev.millwright.mapping.camel;

import static dev.millwright.mapping.TestJson.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.millwright.mapping.MappingRegistry;
import dev.millwright.mapping.model.WorkOrder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the component takes its mappings from: a bound registry, a mapping directory, or the class path. */
class CanonicalComponentRegistryTest extends CamelTestSupport {

    @TempDir
    static Path overrides;

    /** An override of the Maximo work orders whose title is the work order number. */
    private static Path titleIsNumber() {
        try (InputStream in = CanonicalComponentRegistryTest.class.getClassLoader()
                .getResourceAsStream("mappings/maximo/work-orders.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("  title: description\n", "  title: { path: wonum, write: false }\n");
            Path file = overrides.resolve("maximo/work-orders.yaml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
            return overrides;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WorkOrder read(String uri) {
        return template.requestBody(uri, resource("maximo/work-order.json"), WorkOrder.class);
    }

    @Test
    void withoutRegistryBeanTheClassPathMappingsAreUsed() {
        assertThat(read("canonical:maximo/work-orders?connection=c").title()).isEqualTo("Replace pump seal");
    }

    @Test
    void registryBeanIsUsedWhenBound() {
        context.getRegistry().bind("mappings", MappingRegistry.builder().system("maximo")
                .overrideDirectory(titleIsNumber()).build());

        assertThat(read("canonical:maximo/work-orders?connection=c").title()).isEqualTo("1000");
    }

    @Test
    void mappingDirectoryOptionOverridesTheClassPath() {
        String uri = "canonical:maximo/work-orders?connection=c&mappingDirectory=" + titleIsNumber();

        assertThat(read(uri).title()).isEqualTo("1000");
        assertThat(read("canonical:maximo/work-orders?connection=c").title()).isEqualTo("Replace pump seal");
    }

    @Test
    void componentBuildsTheClassPathRegistryOnce() {
        CanonicalComponent component = context.getComponent("canonical", CanonicalComponent.class);

        assertThat(component.registryFor(null)).isSameAs(component.registryFor(null));
        assertThat(component.registryFor(null).systems()).contains("maximo");
    }
}
