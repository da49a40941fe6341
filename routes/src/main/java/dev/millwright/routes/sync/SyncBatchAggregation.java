package dev.millwright.routes.sync;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/** Gathers the {@link SyncItem}s of one run into a {@link SyncBatch}. */
public final class SyncBatchAggregation implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange batchExchange, Exchange itemExchange) {
        SyncItem item = itemExchange.getMessage().getBody(SyncItem.class);
        if (batchExchange == null) {
            SyncBatch batch = new SyncBatch(itemExchange.getProperty(SyncRun.PROPERTY, SyncRun.class));
            batch.add(item);
            itemExchange.getMessage().setBody(batch);
            return itemExchange;
        }
        batchExchange.getMessage().getBody(SyncBatch.class).add(item);
        return batchExchange;
    }
}
