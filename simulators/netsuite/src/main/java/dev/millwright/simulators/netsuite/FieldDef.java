package dev.millwright.simulators.netsuite;

/**
 * One field of a record type: its name in the record API (camelCase, or the script id of a custom field), its
 * SuiteQL column (lower case), its kind, and for references and statuses the list it refers to.
 *
 * @param rest      the record API name, e.g. {@code tranId}
 * @param column    the SuiteQL column, e.g. {@code tranid}
 * @param kind      the value kind
 * @param refList   for REF the referenced list or record type (e.g. {@code vendor}), for STATUS the status list
 * @param placement where the field lives: on the record, on the transaction's main line, or in its address
 * @param access    whether a client may set it
 */
record FieldDef(String rest, String column, FieldKind kind, String refList, Placement placement, Access access) {

    /** Where a field's SuiteQL column is found. */
    enum Placement {
        /** A column of the record's own table. */
        BODY,
        /** A column of the transaction's main line in {@code transactionline} (mainline = 'T'). */
        MAINLINE,
        /** A column of the entity's default address in {@code entityaddress}; rendered in {@code addressBook}. */
        ADDRESS
    }

    /** Who may set the field. */
    enum Access {
        WRITABLE,
        /** Computed or stamped by NetSuite; a client that sends it is refused. */
        READ_ONLY
    }

    static FieldDef body(String rest, FieldKind kind) {
        return new FieldDef(rest, rest.toLowerCase(java.util.Locale.ROOT), kind, null, Placement.BODY, Access.WRITABLE);
    }

    static FieldDef body(String rest, String column, FieldKind kind) {
        return new FieldDef(rest, column, kind, null, Placement.BODY, Access.WRITABLE);
    }

    static FieldDef ref(String rest, String column, String refList) {
        return new FieldDef(rest, column, FieldKind.REF, refList, Placement.BODY, Access.WRITABLE);
    }

    FieldDef readOnly() {
        return new FieldDef(rest, column, kind, refList, placement, Access.READ_ONLY);
    }

    FieldDef onMainline() {
        return new FieldDef(rest, column, kind, refList, Placement.MAINLINE, access);
    }

    FieldDef inAddress() {
        return new FieldDef(rest, column, kind, refList, Placement.ADDRESS, access);
    }

    boolean writable() {
        return access == Access.WRITABLE;
    }
}
