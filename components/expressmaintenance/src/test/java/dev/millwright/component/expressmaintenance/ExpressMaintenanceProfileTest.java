package dev.millwright.component.expressmaintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.millwright.component.expressmaintenance.profile.ProfileDefinitionException;
import dev.millwright.simulators.expressmaintenance.ExpressMaintenanceSimulator;

/**
 * Profiles that do not fit the database fail when the endpoint starts, naming the profile file, the line and the
 * entry, never in the middle of a sync.
 */
class ExpressMaintenanceProfileTest extends CamelTestSupport {

    @TempDir
    Path folder;
    private ExpressMaintenanceSimulator cmms;

    @Override
    protected void doPreSetup() {
        cmms = ExpressMaintenanceSimulator.builder().workOrders(5).purchaseOrders(2).inventoryItems(2).vendors(2)
                .assets(3).build().start();
    }

    @AfterEach
    void stopSimulator() {
        cmms.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("cmms", cmms.dataSource());
        return context;
    }

    private static String defaultProfile() throws IOException {
        try (InputStream in = ExpressMaintenanceProfileTest.class.getClassLoader()
                .getResourceAsStream("millwright/expressmaintenance/default-profile.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The default profile with one change, written to a file; answers its path. */
    private Path profileWith(String original, String replacement) throws IOException {
        String text = defaultProfile();
        assertThat(text).contains(original);
        Path file = folder.resolve("plant-7.yaml");
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(original),
                java.util.regex.Matcher.quoteReplacement(replacement)));
        return file;
    }

    /** The 1-based line of the first occurrence of {@code text} in the file. */
    private static int lineOf(Path file, String text) throws IOException {
        String content = Files.readString(file);
        return (int) content.substring(0, content.indexOf(text)).chars().filter(c -> c == '\n').count() + 1;
    }

    private ProfileDefinitionException startFails(String collection, Path profile) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> context.getEndpoint(
                "expressmaintenance:" + collection + "?dataSource=#cmms&profile=file:" + profile));
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProfileDefinitionException definition) {
                return definition;
            }
        }
        throw new AssertionError("expected a ProfileDefinitionException, got " + thrown, thrown);
    }

    @Test
    void theDefaultProfileFitsTheSimulatorsSchema() {
        for (String collection : new String[] {"work-orders", "assets", "inventory-items", "vendors", "purchase-orders"}) {
            assertThat(context.getEndpoint("expressmaintenance:" + collection + "?dataSource=#cmms",
                    ExpressMaintenanceEndpoint.class).client()).isNotNull();
        }
    }

    @Test
    void anUnknownColumnFailsTheStartNamingFileLineAndField() throws IOException {
        Path profile = profileWith("      ASSIGNED_TO: assigned_to", "      ASSIGNED: assigned_to");

        ProfileDefinitionException error = startFails("work-orders", profile);

        assertThat(error.source()).isEqualTo("file:" + profile);
        assertThat(error.line()).isEqualTo(lineOf(profile, "ASSIGNED: assigned_to"));
        assertThat(error.field()).isEqualTo("collections.work-orders.fields.ASSIGNED");
        assertThat(error.getMessage()).startsWith("file:" + profile + ":" + error.line()
                + ": collections.work-orders.fields.ASSIGNED: no column ASSIGNED in WORK_ORDERS");
    }

    @Test
    void anUnknownColumnOfAnotherCollectionFailsTheStartToo() throws IOException {
        Path profile = profileWith("      SERIAL_NO: serial_no", "      SERIAL_NUMBER: serial_no");

        ProfileDefinitionException error = startFails("work-orders", profile);

        assertThat(error.field()).isEqualTo("collections.assets.fields.SERIAL_NUMBER");
        assertThat(error.line()).isEqualTo(lineOf(profile, "SERIAL_NUMBER"));
    }

    @Test
    void aMissingKeyFailsNamingTheCollection() throws IOException {
        Path profile = profileWith("    key: VENDOR_ID\n", "");

        ProfileDefinitionException error = startFails("vendors", profile);

        assertThat(error.field()).isEqualTo("collections.vendors.key");
        assertThat(error.line()).isEqualTo(lineOf(profile, "  vendors:"));
        assertThat(error.problem()).contains("'key' is required");
    }

    @Test
    void aStatementParameterThatIsNoSourceFieldFailsNamingTheStatement() throws IOException {
        Path profile = profileWith("SET TITLE = :title,", "SET TITLE = :titel,");

        ProfileDefinitionException error = startFails("work-orders", profile);

        assertThat(error.field()).isEqualTo("collections.work-orders.update");
        assertThat(error.line()).isEqualTo(lineOf(profile, "    update: |"));
        assertThat(error.problem()).contains("unknown parameter :titel");
    }

    @Test
    void aStatementTheDatabaseCannotPrepareFailsNamingTheStatement() throws IOException {
        Path profile = profileWith("SET TITLE = :title,", "SET TITEL = :title,");

        ProfileDefinitionException error = startFails("work-orders", profile);

        assertThat(error.field()).isEqualTo("collections.work-orders.update");
        assertThat(error.problem()).contains("does not prepare").containsIgnoringCase("TITEL");
    }

    @Test
    void anUnknownTableFailsNamingTheTableEntry() throws IOException {
        Path profile = profileWith("    table: EQUIPMENT", "    table: ASSETS");

        ProfileDefinitionException error = startFails("assets", profile);

        assertThat(error.field()).isEqualTo("collections.assets.table");
        assertThat(error.line()).isEqualTo(lineOf(profile, "    table: ASSETS"));
    }

    @Test
    void aChangeColumnThatHoldsNoTimeIsRefused() throws IOException {
        Path profile = profileWith(
                "    modified: LAST_MODIFIED         # no version column: the last-modified time is the version",
                "    modified: QTY_ON_HAND");

        ProfileDefinitionException error = startFails("inventory-items", profile);

        assertThat(error.field()).isEqualTo("collections.inventory-items.modified");
        assertThat(error.problem()).contains("must hold dates or times");
    }

    @Test
    void anUnknownProfileKeyIsRefused() throws IOException {
        Path profile = profileWith("    version: ROW_VERSION\n    fields:\n      WO_ID", "    versoin: ROW_VERSION\n    fields:\n      WO_ID");

        ProfileDefinitionException error = startFails("work-orders", profile);

        assertThat(error.field()).isEqualTo("collections.work-orders.versoin");
        assertThat(error.problem()).contains("unknown key");
    }

    @Test
    void malformedYamlFailsWithItsLine() throws IOException {
        Path profile = profileWith("    table: WORK_ORDERS", "    table: [WORK_ORDERS");

        ProfileDefinitionException error = startFails("work-orders", profile);

        assertThat(error.problem()).startsWith("malformed YAML");
        assertThat(error.line()).isGreaterThan(0);
    }

    @Test
    void aCollectionTheProfileDoesNotDefineIsRefused() {
        assertThatThrownBy(() -> context.getEndpoint("expressmaintenance:meters?dataSource=#cmms"))
                .rootCause().hasMessageContaining("has no collection 'meters'")
                .hasMessageContaining("default-profile.yaml");
    }

    @Test
    void aRouteWithAnInvalidProfileDoesNotStart() throws Exception {
        Path profile = profileWith("      STATUS: status                # REQUESTED", "      STATE: status  # REQUESTED");
        RouteBuilder route = new RouteBuilder() {
            @Override
            public void configure() {
                from("expressmaintenance:work-orders?dataSource=#cmms&profile=file:" + profile)
                        .routeId("invalid").to("mock:records");
            }
        };

        assertThatThrownBy(() -> context.addRoutes(route))
                .hasStackTraceContaining("plant-7.yaml:" + lineOf(profile, "STATE: status"))
                .hasStackTraceContaining("collections.work-orders.fields.STATE");
    }

    @Test
    void aDatabaseDownAtStartDefersTheCheckToTheFirstUse() {
        cmms.revokeUser();

        ExpressMaintenanceEndpoint endpoint = context.getEndpoint("expressmaintenance:vendors?dataSource=#cmms",
                ExpressMaintenanceEndpoint.class);
        cmms.restoreUser();

        assertThat(endpoint.client()).isNotNull();
    }
}
