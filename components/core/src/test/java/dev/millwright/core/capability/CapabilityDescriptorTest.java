package dev.millwright.core.capability;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.FieldNotUpdatableException;
import dev.millwright.core.error.OperationNotSupportedException;

class CapabilityDescriptorTest {

    private static final String YAML = """
            system: demo
            entities:
              purchase_order:
                operations: [read, create, update]
                updatable_fields: [status, buyer]
                delete_behaviour: status:cancelled
                rules:
                  - id: approved-purchase-order-is-final
                    description: An approved purchase order cannot be modified
                    when: { field: status, in: [approved, closed] }
                    forbids: [update]
            """;

    private final CapabilityDescriptor descriptor = CapabilityFile.read(
            new ByteArrayInputStream(YAML.getBytes(StandardCharsets.UTF_8)), "demo.yaml");
    private final ErrorContext context = ErrorContext.of("c1", "purchase_order");

    @Test
    void anOperationTheSystemLacksIsRefused() {
        assertThatThrownBy(() -> descriptor.check("purchase_order", Operation.DELETE, Map.of(), List.of(), context))
                .isInstanceOf(OperationNotSupportedException.class)
                .hasMessageContaining("demo does not support delete of purchase_order")
                .hasMessageContaining("connection 'c1'");
    }

    @Test
    void anUnknownEntityIsRefused() {
        assertThatThrownBy(() -> descriptor.check("work_order", Operation.READ, Map.of(), List.of(), context))
                .isInstanceOf(OperationNotSupportedException.class);
    }

    @Test
    void updatingAFieldThatIsNotUpdatableNamesTheField() {
        assertThatThrownBy(() -> descriptor.check("purchase_order", Operation.UPDATE, Map.of("status", "draft"),
                List.of("buyer", "currency", "company"), context))
                .isInstanceOf(FieldNotUpdatableException.class)
                .hasMessageContaining("company, currency");
    }

    @Test
    void aRuleRefusesTheOperationAndIsNamed() {
        assertThatThrownBy(() -> descriptor.check("purchase_order", Operation.UPDATE, Map.of("status", "approved"),
                List.of("buyer"), context))
                .isInstanceOf(OperationNotSupportedException.class)
                .hasMessageContaining("approved-purchase-order-is-final")
                .hasMessageContaining("An approved purchase order cannot be modified");
    }

    @Test
    void anAllowedUpdatePasses() {
        assertThatCode(() -> descriptor.check("purchase_order", Operation.UPDATE, Map.of("status", "draft"),
                List.of("buyer"), context)).doesNotThrowAnyException();
    }

    @Test
    void anInvalidFileNamesWhereItIsWrong() {
        String bad = "system: x\nentities:\n  vendor:\n    operations: [read, fly]\n";
        assertThatThrownBy(() -> CapabilityFile.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)),
                "x.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x.yaml: entities.vendor.operations")
                .hasMessageContaining("fly");
    }
}
