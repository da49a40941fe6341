package dev.millwright.simulators.maximo;

/**
 * The query parameters of a collection GET, parsed and validated: {@code oslc.where}, {@code oslc.select},
 * {@code oslc.orderBy}, {@code oslc.pageSize}, {@code pageno}, {@code collectioncount},
 * {@code relativeuri}, {@code stablepaging}, {@code _dropnulls}, and the simulator's own
 * {@code _snapshot} token of a stable read. {@code lean} is accepted and ignored: responses are always lean.
 */
final class CollectionQuery {
    static final String SNAPSHOT_PARAM = "_snapshot";

    final ObjectStructure structure;
    final MaximoWhereClause where;
    final MaximoOrderBy orderBy;
    final String orderByText;
    final MaximoSelection selection;
    /** The requested page size, or null for "everything" (capped by the simulator's maximum). */
    final Integer pageSize;
    final int pageNumber;
    final boolean collectionCount;
    final boolean relativeUri;
    final boolean stablePaging;
    final String snapshotId;
    final boolean dropNulls;

    private CollectionQuery(ObjectStructure structure, QueryParams params, MaximoDates dates) {
        this.structure = structure;
        this.where = MaximoWhereClause.parse(params.get("oslc.where"), structure, dates);
        this.orderByText = params.get("oslc.orderBy") == null ? "" : params.get("oslc.orderBy");
        this.orderBy = MaximoOrderBy.parse(orderByText, structure);
        String select = params.get("oslc.select");
        this.selection = select == null || select.isBlank()
                ? MaximoSelection.hrefOnly() : MaximoSelection.parse(select, structure);
        this.pageSize = positive(params, "oslc.pageSize");
        Integer page = positive(params, "pageno");
        this.pageNumber = page == null ? 1 : page;
        this.collectionCount = params.flag("collectioncount");
        this.relativeUri = params.flag("relativeuri");
        this.stablePaging = params.flag("stablepaging");
        this.snapshotId = params.get(SNAPSHOT_PARAM);
        this.dropNulls = !"0".equals(params.get("_dropnulls"));
    }

    /**
     * @throws MaximoException 400 when a parameter is not valid
     */
    static CollectionQuery parse(ObjectStructure structure, QueryParams params, MaximoDates dates) {
        return new CollectionQuery(structure, params, dates);
    }

    /** Identifies the result set (filter and order) for the store's page caches. */
    String cacheKey() {
        return structure.name() + '\n' + where.text() + '\n' + orderByText;
    }

    private static Integer positive(QueryParams params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw MaximoErrors.invalidQuery(name, "'" + value + "' is not a positive number");
    }
}
