package dev.millwright.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import org.apache.camel.impl.DefaultCamelContext;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.component.SourceEndpoint;
import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.core.cursor.RecordIdentity;

/**
 * The floor for systems whose paging protocol is more than a next link: the component's own protocol client reads
 * the same pages (no route, no split, no mapping, no batching EIP, no cursor commit), and a loop inserts each raw
 * record with one JDBC batch per page.
 */
final class ClientFloor {

    private ClientFloor() {
    }

    static long run(BenchSystem system, String baseUrl, int pageSize, DataSource dataSource) throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            StringBuilder uri = new StringBuilder(system.scheme + ":" + system.collection + "?initialHistory=all"
                    + "&pageSize=" + pageSize);
            for (Map.Entry<String, String> option : system.options(baseUrl).entrySet()) {
                uri.append('&').append(option.getKey()).append("=RAW(").append(option.getValue()).append(')');
            }
            SourceEndpoint endpoint = (SourceEndpoint) camel.getEndpoint(uri.toString());
            RecordIdentity identity = endpoint.client().identity();
            long stored = 0;
            try (ChangeStream records = endpoint.openChangeStream(null);
                    Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO mw_record (id, connection_id,"
                            + " entity, remote_id, remote_version, modified_at, deleted, record, stored_at)"
                            + " VALUES (?, 'floor', ?, ?, ?, ?, FALSE, ?, ?)")) {
                connection.setAutoCommit(false);
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                int inBatch = 0;
                while (records.hasNext()) {
                    ObjectNode record = records.next();
                    String remoteId = identity.remoteId(record);
                    Instant modified = identity.modifiedAt(record);
                    insert.setObject(1, UUID.nameUUIDFromBytes(remoteId.getBytes(StandardCharsets.UTF_8)));
                    insert.setString(2, system.entity);
                    insert.setString(3, remoteId);
                    insert.setString(4, identity.version(record));
                    insert.setObject(5, modified == null ? now : modified.atOffset(ZoneOffset.UTC));
                    insert.setString(6, record.toString());
                    insert.setObject(7, now);
                    insert.addBatch();
                    stored++;
                    if (++inBatch == pageSize) {
                        insert.executeBatch();
                        connection.commit();
                        inBatch = 0;
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            return stored;
        }
    }
}
