package dev.millwright.simulators.dynamics;

/**
 * The types of Business Central API properties and how the simulator stores them: text, GUIDs, booleans and
 * option values as objects; decimals (scaled by {@link #DECIMAL_SCALE}), integers and dates (epoch days) as
 * primitive longs, so that a large data set does not cost a boxed number per value.
 */
enum PropertyType {
    TEXT("Edm.String", false),
    GUID("Edm.Guid", false),
    BOOLEAN("Edm.Boolean", false),
    /** An AL enum or option, served as its caption text (" ", "Payment", "All"). */
    OPTION("Edm.String", false),
    DECIMAL("Edm.Decimal", true),
    INTEGER("Edm.Int32", true),
    DATE("Edm.Date", true),
    DATETIME("Edm.DateTimeOffset", true);

    /** Decimals keep five places, as BC's decimal fields do. */
    static final int DECIMAL_SCALE = 5;

    private final String edmName;
    private final boolean primitive;

    PropertyType(String edmName, boolean primitive) {
        this.edmName = edmName;
        this.primitive = primitive;
    }

    String edmName() {
        return edmName;
    }

    /** Whether values live in the record's long array rather than its object array. */
    boolean primitive() {
        return primitive;
    }
}
