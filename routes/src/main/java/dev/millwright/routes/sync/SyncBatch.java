package dev.millwright.routes.sync;

import java.util.ArrayList;
import java.util.List;

/** The records of one run gathered by the aggregator, written to the sink together. */
public final class SyncBatch {

    private final SyncRun run;
    private final List<SyncItem> items = new ArrayList<>();

    SyncBatch(SyncRun run) {
        this.run = run;
    }

    public SyncRun run() {
        return run;
    }

    public List<SyncItem> items() {
        return items;
    }

    void add(SyncItem item) {
        items.add(item);
    }
}
