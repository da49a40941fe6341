package dev.millwright.routes.sync;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.millwright.core.component.SourceHeaders;
import dev.millwright.mapping.model.CanonicalRecord;
import dev.millwright.routes.store.DeadLetter;
import dev.millwright.routes.store.JdbcCanonicalStore;
import dev.millwright.routes.store.JdbcDeadLetterStore;

/**
 * Replays the pending dead letters of a connection and entity: each original payload is mapped again and
 * written to the sink; a success marks the letter replayed, a failure keeps it pending with its new error.
 */
public final class DeadLetterReplayer {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplayer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CamelContext context;
    private final JdbcDeadLetterStore deadLetters;

    public DeadLetterReplayer(CamelContext context, JdbcDeadLetterStore deadLetters) {
        this.context = context;
        this.deadLetters = deadLetters;
    }

    /** What a replay did. */
    public record Outcome(int replayed, int stillFailing) {
    }

    public Outcome replay(String connectionId, String entity, String sinkUri, int limit) {
        List<DeadLetter> letters = deadLetters.pending(connectionId, entity, limit);
        int replayed = 0;
        int failing = 0;
        ProducerTemplate producer = context.createProducerTemplate();
        try {
            for (DeadLetter letter : letters) {
                try {
                    Object mapped = producer.requestBodyAndHeader("canonical:" + letter.system() + "/"
                            + letter.collection(), JSON.readTree(letter.payload()), SourceHeaders.CONNECTION_ID,
                            connectionId);
                    Exchange reply = producer.request(sinkUri, exchange -> {
                        exchange.getMessage().setBody(List.of((CanonicalRecord) mapped));
                        exchange.getMessage().setHeader(JdbcCanonicalStore.SEEN_IN_RUN, null);
                    });
                    if (reply.getException() != null) {
                        throw reply.getException();
                    }
                    deadLetters.markReplayed(letter.id());
                    replayed++;
                } catch (Exception e) {
                    Throwable cause = e.getCause() != null && e instanceof org.apache.camel.CamelExecutionException
                            ? e.getCause() : e;
                    deadLetters.markAttemptFailed(letter.id(), SyncSteps.errorCode(cause), cause.getMessage());
                    LOG.warn("Dead letter {} (connection '{}', entity '{}', record '{}') still fails: {}",
                            letter.id(), connectionId, entity, letter.remoteId(), cause.getMessage());
                    failing++;
                }
            }
        } finally {
            try {
                producer.stop();
            } catch (Exception e) {
                LOG.debug("stopping the replay producer failed", e);
            }
        }
        return new Outcome(replayed, failing);
    }
}
