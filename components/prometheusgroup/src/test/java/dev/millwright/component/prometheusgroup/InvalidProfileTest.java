package dev.millwright.component.prometheusgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.millwright.component.prometheusgroup.profile.ProfileDefinitionException;
import dev.millwright.core.connection.ConnectionSettings;
import dev.millwright.core.connection.InMemoryConnectionRegistry;

/**
 * A profile that cannot work stops its endpoint from starting, with an error naming the file, the line and the
 * field: found when the route starts, never in the middle of a sync.
 */
class InvalidProfileTest extends CamelTestSupport {

    /** A small valid profile; each test breaks one line of it. */
    private static final String VALID = """
            system: prometheusgroup
            auth:
              type: api_key
              header: X-API-Key
            collections:
              work-orders:
                read:
                  path: /api/{apiVersion}/workorders
                  records: /data
                  paging:
                    style: next_link
                    next: /links/next
                record:
                  id: /id
                  modified: /lastModified
            variables:
              apiVersion: v1
            """;

    private static final AtomicInteger ROUTES = new AtomicInteger();

    @TempDir
    Path profiles;

    /** Writes the profile and starts a route using it; answers the profile error it failed with. */
    private ProfileDefinitionException startFailure(String yaml, String collection) {
        String location = TestProfiles.writeText(profiles, "profile-" + ROUTES.incrementAndGet(), yaml);
        Throwable thrown = catchThrowable(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start-" + ROUTES.get()).to("prometheusgroup:" + collection + "?baseUrl=http://127.0.0.1:9"
                        + "&apiKey=k&profile=" + location);
            }
        }));
        assertThat(thrown).as("starting a route on a broken profile").isNotNull();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProfileDefinitionException profile) {
                assertThat(profile.source()).isEqualTo(location);
                assertThat(profile.getMessage()).startsWith(location);
                return profile;
            }
        }
        throw new AssertionError("not a profile error", thrown);
    }

    private ProfileDefinitionException startFailure(String yaml) {
        return startFailure(yaml, "work-orders");
    }

    @Test
    void theValidProfileStarts() throws Exception {
        String location = TestProfiles.writeText(profiles, "valid", VALID);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:valid").routeId("valid")
                        .to("prometheusgroup:work-orders?baseUrl=http://127.0.0.1:9&apiKey=k&profile=" + location);
            }
        });

        assertThat(context.getRouteController().getRouteStatus("valid").isStarted()).isTrue();
    }

    @Test
    void anUnknownPagingStyleNamesItsLineAndTheValidStyles() {
        ProfileDefinitionException error = startFailure(VALID.replace("style: next_link", "style: cursor"));

        assertThat(error.line()).isEqualTo(11);
        assertThat(error.field()).isEqualTo("collections.work-orders.read.paging.style");
        assertThat(error.getMessage()).contains("unknown paging style 'cursor'")
                .contains("next_link, offset, continuation_token");
    }

    @Test
    void aMissingRecordsPointerNamesTheField() {
        ProfileDefinitionException error = startFailure(VALID.replace("      records: /data\n", ""));

        assertThat(error.line()).isEqualTo(7);
        assertThat(error.field()).isEqualTo("collections.work-orders.read.records");
        assertThat(error.getMessage()).endsWith("is required");
    }

    @Test
    void aMissingModifiedPointerNamesTheField() {
        ProfileDefinitionException error = startFailure(VALID.replace("      modified: /lastModified\n", ""));

        assertThat(error.line()).isEqualTo(13);
        assertThat(error.field()).isEqualTo("collections.work-orders.record.modified");
    }

    @Test
    void somethingThatIsNotAJsonPointerIsRefused() {
        ProfileDefinitionException error = startFailure(VALID.replace("records: /data", "records: data"));

        assertThat(error.line()).isEqualTo(9);
        assertThat(error.getMessage()).contains("'data' is not a JSON pointer");
    }

    @Test
    void aPathTemplateVariableThatIsNotDeclaredIsRefused() {
        ProfileDefinitionException error = startFailure(VALID.replace("/api/{apiVersion}/", "/api/{version}/"));

        assertThat(error.line()).isEqualTo(8);
        assertThat(error.field()).isEqualTo("collections.work-orders.read.path");
        assertThat(error.getMessage()).contains("bad path template variable {version}")
                .contains("declared: apiVersion");
    }

    @Test
    void anUnclosedPathTemplateIsRefused() {
        ProfileDefinitionException error = startFailure(VALID.replace("/api/{apiVersion}/", "/api/{apiVersion/"));

        assertThat(error.line()).isEqualTo(8);
        assertThat(error.getMessage()).contains("bad template").contains("'{' without '}'");
    }

    @Test
    void anUnknownAuthTypeNamesTheValidTypes() {
        ProfileDefinitionException error = startFailure(VALID.replace("type: api_key", "type: kerberos")
                .replace("  header: X-API-Key\n", ""));

        assertThat(error.line()).isEqualTo(3);
        assertThat(error.field()).isEqualTo("auth.type");
        assertThat(error.getMessage()).contains("unknown auth type 'kerberos'")
                .contains("none, api_key, basic, oauth2_client_credentials");
    }

    @Test
    void aMisspeltFieldIsNotSilentlyIgnored() {
        ProfileDefinitionException error = startFailure(VALID.replace("next: /links/next", "nxt: /links/next"));

        assertThat(error.line()).isEqualTo(12);
        assertThat(error.field()).isEqualTo("collections.work-orders.read.paging.nxt");
        assertThat(error.getMessage()).contains("unknown field");
    }

    @Test
    void anUpdatePathWithoutTheRecordIdIsRefused() {
        ProfileDefinitionException error = startFailure(VALID.replace("    record:\n",
                "    update: { path: /api/items }\n    record:\n"));

        assertThat(error.line()).isEqualTo(13);
        assertThat(error.field()).isEqualTo("collections.work-orders.update.path");
        assertThat(error.getMessage()).contains("must hold {id}");
    }

    @Test
    void reanchoringNeedsAnOrderedChangeFilter() {
        ProfileDefinitionException error = startFailure(VALID.replace(
                "        style: next_link\n        next: /links/next\n",
                "        style: offset\n        offset_parameter: offset\n        limit_parameter: limit\n"
                        + "        reanchor: true\n"));

        assertThat(error.line()).isEqualTo(14);
        assertThat(error.getMessage()).contains("needs records in change order").contains("inclusive read.changes filter");
    }

    @Test
    void malformedYamlNamesTheLine() {
        ProfileDefinitionException error = startFailure(VALID.replace("header: X-API-Key", "header: [X-API-Key"));

        assertThat(error.line()).isPositive();
        assertThat(error.getMessage()).contains("malformed YAML");
    }

    @Test
    void aCollectionTheProfileDoesNotHaveIsRefusedListingTheOthers() {
        ProfileDefinitionException error = startFailure(VALID, "vendors");

        assertThat(error.getMessage()).contains("has no collection 'vendors'").contains("collections: work-orders");
    }

    @Test
    void aProfileOfAnotherSystemIsRefused() {
        ProfileDefinitionException error = startFailure(VALID.replace("system: prometheusgroup", "system: upkeep"));

        assertThat(error.field()).isEqualTo("system");
        assertThat(error.getMessage()).contains("describes system 'upkeep'");
    }

    @Test
    void aBrokenProfileNamedByTheConnectionFailsTheStartToo() {
        String location = TestProfiles.writeText(profiles, "connection-profile",
                VALID.replace("records: /data", "records: data"));
        context.getRegistry().bind("connections", new InMemoryConnectionRegistry().register(new ConnectionSettings(
                "pg-9", "prometheusgroup", Map.of("baseUrl", "http://127.0.0.1:9", "apiKey", "k", "profile", location))));

        Throwable thrown = catchThrowable(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:connection").to("prometheusgroup:work-orders?connection=pg-9");
            }
        }));

        assertThat(thrown).hasRootCauseInstanceOf(ProfileDefinitionException.class)
                .rootCause().hasMessageStartingWith(location + ":9: collections.work-orders.read.records");
    }

    @Test
    void aMissingProfileFileIsNamed() {
        Throwable thrown = catchThrowable(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:missing").to("prometheusgroup:work-orders?baseUrl=http://127.0.0.1:9&apiKey=k"
                        + "&profile=file:/nonexistent/pg.yaml");
            }
        }));

        assertThat(thrown).hasRootCauseInstanceOf(ProfileDefinitionException.class)
                .rootCause().hasMessageContaining("file:/nonexistent/pg.yaml").hasMessageContaining("no profile file");
    }
}
