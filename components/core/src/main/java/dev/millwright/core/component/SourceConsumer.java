package dev.millwright.core.component;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.SynchronizationAdapter;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.core.cursor.CursorKey;
import dev.millwright.core.cursor.CursorTracker;
import dev.millwright.core.cursor.IncrementalCursor;
import dev.millwright.core.cursor.RecordIdentity;

/**
 * Polls the changes since the stored cursor (on the endpoint's schedule; {@code scheduler=quartz} works) and emits
 * one exchange per raw record. The cursor moves only when exchanges complete successfully, over the longest
 * completed prefix: a failed exchange stops the poll and the next poll reads again from before it.
 */
public class SourceConsumer extends ScheduledPollConsumer {

    public SourceConsumer(SourceEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public SourceEndpoint getEndpoint() {
        return (SourceEndpoint) super.getEndpoint();
    }

    @Override
    protected int poll() throws Exception {
        SourceEndpoint endpoint = getEndpoint();
        int limit = endpoint.effectiveConfiguration().getMaxMessagesPerPoll();
        int saveEvery = Math.max(1, endpoint.effectiveConfiguration().getPageSize());
        CursorKey key = endpoint.cursorKey();
        RecordIdentity identity = endpoint.client().identity();
        int emitted = 0;
        try (ChangeStream stream = endpoint.openChangeStream(null)) {
            CursorTracker tracker = stream.tracker();
            CommitOnCompletion commits = new CommitOnCompletion(endpoint, key, tracker, saveEvery);
            while ((limit <= 0 || emitted < limit) && isRunAllowed() && !commits.failed && stream.hasNext()) {
                ObjectNode record = stream.next();
                Exchange exchange = createExchange(false);
                Message message = exchange.getMessage();
                message.setBody(record);
                message.setHeader(SourceHeaders.CONNECTION_ID, endpoint.connectionId());
                message.setHeader(SourceHeaders.SYSTEM, endpoint.system());
                message.setHeader(SourceHeaders.ENTITY, endpoint.entity());
                message.setHeader(SourceHeaders.REMOTE_ID, identity.remoteId(record));
                message.setHeader(SourceHeaders.REMOTE_VERSION, identity.version(record));
                message.setHeader(SourceHeaders.MODIFIED_AT, identity.modifiedAt(record));
                exchange.getExchangeExtension().addOnCompletion(commits.forRecord(emitted));
                emitted++;
                try {
                    getProcessor().process(exchange);
                } catch (Exception e) {
                    exchange.setException(e);
                }
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("failed to process a " + endpoint.entity()
                            + " record of connection '" + endpoint.connectionId() + "'", exchange,
                            exchange.getException());
                }
            }
            commits.save();
        }
        return emitted;
    }

    /** Marks records committed as their exchanges complete and saves the cursor every so often. */
    private static final class CommitOnCompletion {
        private final SourceEndpoint endpoint;
        private final CursorKey key;
        private final CursorTracker tracker;
        private final int saveEvery;
        private IncrementalCursor saved;
        private volatile boolean failed;

        CommitOnCompletion(SourceEndpoint endpoint, CursorKey key, CursorTracker tracker, int saveEvery) {
            this.endpoint = endpoint;
            this.key = key;
            this.tracker = tracker;
            this.saveEvery = saveEvery;
        }

        SynchronizationAdapter forRecord(long sequence) {
            return new SynchronizationAdapter() {
                @Override
                public void onComplete(Exchange exchange) {
                    tracker.markCommitted(sequence);
                    if (tracker.committed() % saveEvery == 0) {
                        save();
                    }
                }

                @Override
                public void onFailure(Exchange exchange) {
                    failed = true;
                }
            };
        }

        synchronized void save() {
            IncrementalCursor cursor = tracker.cursor();
            if (!cursor.equals(saved)) {
                endpoint.watermarkStore().save(key, cursor);
                saved = cursor;
            }
        }
    }
}
