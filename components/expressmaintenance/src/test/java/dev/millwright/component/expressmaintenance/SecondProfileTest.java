package dev.millwright.component.expressmaintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.core.error.ConflictException;
import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.MappingRegistry;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.Asset;
import dev.millwright.mapping.model.AssetStatus;
import dev.millwright.mapping.model.WorkOrder;
import dev.millwright.mapping.model.WorkOrderStatus;

/**
 * The profile engine is general: another CMMS of two tables ("acme-cmms": integer keys, booleans, a TIMESTAMP WITH
 * TIME ZONE column, Berlin local times, no version columns, hard deletes) is read and written through the same
 * component with only a profile file and two mapping files (src/test/resources/acme).
 */
class SecondProfileTest extends CamelTestSupport {

    private static final String PROFILE = "profile=classpath:acme/acme-cmms.yaml";
    private static final LocalDateTime BERLIN_MORNING = LocalDateTime.parse("2024-03-04T09:30:00");

    private JdbcDataSource acme;
    private MappingRegistry mappings;

    @Override
    protected void doPreSetup() throws Exception {
        acme = new JdbcDataSource();
        acme.setURL("jdbc:h2:mem:acme-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("acme/schema.sql");
                Connection connection = acme.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : new String(in.readAllBytes(), StandardCharsets.UTF_8).split(";")) {
                statement.execute(sql);
            }
            statement.execute("INSERT INTO MACHINES VALUES ('M-1', 'Mixer 1', TRUE, TIMESTAMP WITH TIME ZONE"
                    + " '2024-03-01 08:00:00+01:00'), ('M-2', 'Oven 2', FALSE, TIMESTAMP WITH TIME ZONE"
                    + " '2024-03-02 08:00:00+01:00')");
            for (int i = 1; i <= 9; i++) {
                statement.execute("INSERT INTO TICKETS VALUES (" + i + ", 'Ticket " + i + "', '" + "NWD".charAt(i % 3)
                        + "', 'M-" + (1 + i % 2) + "', TIMESTAMP '" + BERLIN_MORNING.plusMinutes(i / 2) + "')");
            }
        }
        mappings = MappingRegistry.builder().system("acmecmms")
                .overrideDirectory(Path.of("src/test/resources/acme/mappings")).build();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("acme", acme);
        return context;
    }

    private static String uri(String collection, String options) {
        return "expressmaintenance:" + collection + "?dataSource=#acme&" + PROFILE + (options.isEmpty() ? "" : "&" + options);
    }

    private List<ObjectNode> readAll(String uri) {
        List<ObjectNode> records = new ArrayList<>();
        try (ChangeStream stream = template.requestBody(uri, null, ChangeStream.class)) {
            stream.forEachRemaining(records::add);
        }
        return records;
    }

    @Test
    void ticketsAreReadIncrementallyInChangeOrderAcrossPages() {
        List<ObjectNode> tickets = readAll(uri("work-orders", "pageSize=2&initialHistory=all"));

        assertThat(tickets).extracting(t -> t.get("id").asInt()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        // 09:30 in Berlin is 08:30 UTC: the stored local time is read with the profile's zone
        assertThat(OffsetDateTime.parse(tickets.get(0).get("changed").asText()).toInstant())
                .isEqualTo(Instant.parse("2024-03-04T08:30:00Z"));
    }

    @Test
    void ticketsMapToCanonicalWorkOrdersThroughTheirOwnMappingFile() {
        ObjectNode ticket = readAll(uri("work-orders", "initialHistory=all")).get(3);

        WorkOrder workOrder = mappings.mapping("acmecmms", WorkOrder.class).read(ticket, MappingContext.of("acme-1"))
                .record();

        assertThat(workOrder.remoteId()).isEqualTo("4");
        assertThat(workOrder.title()).isEqualTo("Ticket 4");
        assertThat(workOrder.status()).isEqualTo(WorkOrderStatus.IN_PROGRESS);
        assertThat(workOrder.assetRemoteId()).isEqualTo("M-1");
    }

    @Test
    void machinesWithATimeZoneColumnAndBooleansMapToAssets() {
        List<ObjectNode> machines = readAll(uri("assets", "initialHistory=all"));

        Asset oven = mappings.mapping("acmecmms", Asset.class).read(machines.get(1), MappingContext.of("acme-1")).record();

        assertThat(machines.get(0).get("in_service").isBoolean()).isTrue();
        assertThat(oven.name()).isEqualTo("Oven 2");
        assertThat(oven.status()).isEqualTo(AssetStatus.INACTIVE);
        assertThat(oven.modifiedAt()).isEqualTo(Instant.parse("2024-03-02T07:00:00Z"));
    }

    @Test
    void aCanonicalWorkOrderIsCreatedAsATicket() throws SQLException {
        WorkOrder draft = mappings.mapping("acmecmms", WorkOrder.class).read(readAll(uri("work-orders",
                "initialHistory=all")).get(0), MappingContext.of("acme-1")).record();
        ObjectNode ticket = mappings.mapping("acmecmms", WorkOrder.class).write(draft, WriteMode.CREATE)
                .put("id", 100).put("subject", "Belt slipping");

        String id = template.requestBody(uri("work-orders", "operation=create"), ticket, ObjectNode.class)
                .get("id").asText();

        assertThat(id).isEqualTo("100");
        try (Connection connection = acme.getConnection(); Statement statement = connection.createStatement();
                var row = statement.executeQuery("SELECT SUBJECT, STATE FROM TICKETS WHERE TICKET_NO = 100")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("Belt slipping");
            assertThat(row.getString(2)).isEqualTo("W");
        }
    }

    @Test
    void anUpdateIsGuardedByTheChangeTimeAsVersion() {
        ObjectNode ticket = template.requestBodyAndHeader(uri("work-orders", "operation=get"), null,
                SourceHeaders.REMOTE_ID, "5", ObjectNode.class);
        String version = ticket.get("changed").asText();

        template.requestBodyAndHeaders(uri("work-orders", "operation=update"), java.util.Map.of("state", "D"),
                java.util.Map.of(SourceHeaders.REMOTE_ID, "5", SourceHeaders.REMOTE_VERSION, version));

        assertThatThrownBy(() -> template.requestBodyAndHeaders(uri("work-orders", "operation=update"),
                java.util.Map.of("state", "W"), java.util.Map.of(SourceHeaders.REMOTE_ID, "5",
                        SourceHeaders.REMOTE_VERSION, version)))
                .cause().isInstanceOf(ConflictException.class);
    }

    @Test
    void aDeleteRemovesTheTicket() throws SQLException {
        template.requestBodyAndHeader(uri("work-orders", "operation=delete"), null, SourceHeaders.REMOTE_ID, "9");

        try (Connection connection = acme.getConnection(); Statement statement = connection.createStatement();
                var row = statement.executeQuery("SELECT COUNT(*) FROM TICKETS WHERE TICKET_NO = 9")) {
            row.next();
            assertThat(row.getInt(1)).isZero();
        }
    }

    @Test
    void aCollectionWithoutWriteStatementsRefusesWrites() {
        assertThatThrownBy(() -> template.requestBody(uri("assets", "operation=create"),
                java.util.Map.of("tag", "M-3", "label", "Press")))
                .cause().hasMessageContaining("OPERATION_NOT_SUPPORTED").hasMessageContaining("no insert statement");
    }

    @Test
    void theComponentRegisteredUnderTheSystemsNameServesItsConnections() {
        ExpressMaintenanceComponent acmeComponent = new ExpressMaintenanceComponent();
        acmeComponent.setSystem("acmecmms");
        acmeComponent.setProfile("classpath:acme/acme-cmms.yaml");
        context.addComponent("acmecmms", acmeComponent);

        List<ObjectNode> machines = readAll("acmecmms:assets?dataSource=#acme&initialHistory=all");

        assertThat(machines).hasSize(2);
        assertThat(context.getEndpoint("acmecmms:assets?dataSource=#acme", ExpressMaintenanceEndpoint.class)
                .system()).isEqualTo("acmecmms");
    }
}
