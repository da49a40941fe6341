package dev.millwright.simulators.maximo;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What Maximo does with a request once it is authenticated and parsed: reads pages, creates, updates and
 * deletes records. Shared by the HTTP handler and the Java data access methods of {@link MaximoSimulator}.
 */
final class MaximoService {

    /** One page of a collection read, before rendering. */
    record PageRead(List<MaximoRecord> records, int pageNumber, int pageSize, boolean hasMore, int totalCount,
                    String snapshotId) {
    }

    private final Clock clock;
    private final Map<ObjectStructure, MaximoStore> stores;
    private final RecordEditor editor;
    private final int maxPageSize;
    private final Map<String, ObjectStructure> aliases;
    private final StablePagingSnapshots snapshots = new StablePagingSnapshots(Duration.ofMinutes(10));
    private volatile ChangeNotifier notifier;

    /**
     * @param aliases other names (upper case) under which structures are served, e.g. MXAPICOMPANY
     */
    MaximoService(Clock clock, MaximoDates dates, Map<ObjectStructure, MaximoStore> stores, int maxPageSize,
                  Map<String, ObjectStructure> aliases) {
        this.clock = clock;
        this.aliases = Map.copyOf(aliases);
        this.stores = new LinkedHashMap<>(stores);
        this.editor = new RecordEditor(new ValueConverter(dates));
        this.maxPageSize = maxPageSize;
    }

    /**
     * The structure served under a name or alias, in any case.
     *
     * @throws MaximoException 404 for a structure the simulator does not serve
     */
    ObjectStructure structure(String name) {
        ObjectStructure structure = ObjectStructures.find(name);
        if (structure == null && name != null) {
            structure = aliases.get(name.toUpperCase(Locale.ROOT));
        }
        if (structure == null || !stores.containsKey(structure)) {
            throw MaximoErrors.unknownObjectStructure(name);
        }
        return structure;
    }

    /** Told of every create, update and delete once it is done. */
    void notifier(ChangeNotifier notifier) {
        this.notifier = notifier;
    }

    private MaximoRecord changed(MaximoRecord record, String event) {
        ChangeNotifier current = notifier;
        if (current != null) {
            current.recordChanged(record, event);
        }
        return record;
    }

    MaximoStore store(ObjectStructure structure) {
        return stores.get(structure);
    }

    Map<ObjectStructure, MaximoStore> stores() {
        return stores;
    }

    /** The clock's now in epoch seconds: Maximo keeps whole seconds. */
    long now() {
        return clock.instant().getEpochSecond();
    }

    MaximoRecord get(ObjectStructure structure, String restId) {
        String key = RestIds.decode(restId);
        MaximoRecord record = key == null ? null : store(structure).get(key);
        if (record == null) {
            throw MaximoErrors.recordNotFound(structure, restId);
        }
        return record;
    }

    /**
     * @param systemCaller true for the Java API, which may set changedate itself
     */
    MaximoRecord create(ObjectStructure structure, Map<String, ?> fields, boolean systemCaller) {
        RecordDraft draft = new RecordDraft(structure);
        boolean changedateGiven = editor.apply(draft, fields, RecordEditor.Mode.CREATE, systemCaller);
        return changed(store(structure).insert(draft, now(), changedateGiven), "created");
    }

    MaximoRecord update(ObjectStructure structure, String restId, Map<String, ?> changes, String ifMatch,
                        RecordEditor.Mode mode, boolean systemCaller) {
        String key = RestIds.decode(restId);
        if (key == null) {
            throw MaximoErrors.recordNotFound(structure, restId);
        }
        return changed(store(structure).update(key, ifMatch, now(),
                draft -> editor.apply(draft, changes, mode, systemCaller)), "updated");
    }

    MaximoRecord delete(ObjectStructure structure, String restId, String ifMatch) {
        String key = RestIds.decode(restId);
        if (key == null) {
            throw MaximoErrors.recordNotFound(structure, restId);
        }
        return changed(store(structure).delete(key, ifMatch), "deleted");
    }

    /**
     * Reads one page. Without stable paging the query runs again for every page and the page is the
     * offset slice of the current result, so records changed between pages shift, as in Maximo. With
     * stable paging the first page fixes the ordered set of matching records and every page shows the
     * current version of its slice of that set.
     *
     * @throws MaximoException 410 when the stable paging snapshot named by the request has expired
     */
    PageRead read(CollectionQuery query) {
        MaximoStore store = store(query.structure);
        int pageSize = Math.min(query.pageSize == null ? maxPageSize : query.pageSize, maxPageSize);
        long offset = (long) (query.pageNumber - 1) * pageSize;
        MaximoStore.QuerySpec spec = new MaximoStore.QuerySpec(query.where, query.orderBy, query.cacheKey());
        if (!query.stablePaging) {
            int from = (int) Math.min(offset, Integer.MAX_VALUE);
            MaximoStore.PageResult result = store.page(spec, from, pageSize, query.collectionCount);
            return new PageRead(result.records(), query.pageNumber, pageSize, result.hasMore(), result.totalCount(),
                    null);
        }
        StablePagingSnapshots.Snapshot snapshot;
        if (query.snapshotId != null) {
            snapshot = snapshots.get(query.snapshotId, query.structure);
            if (snapshot == null) {
                throw MaximoErrors.stablePageExpired();
            }
        } else {
            snapshot = snapshots.create(query.structure, store.matchingKeys(spec));
        }
        int size = snapshot.keys.size();
        int from = (int) Math.min(offset, size);
        int to = Math.min(from + pageSize, size);
        List<MaximoRecord> records = store.current(snapshot.keys.subList(from, to));
        return new PageRead(records, query.pageNumber, pageSize, to < size, size, snapshot.id);
    }
}
