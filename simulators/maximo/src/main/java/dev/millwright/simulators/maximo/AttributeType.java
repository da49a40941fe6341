package dev.millwright.simulators.maximo;

/** The Maximo data types the simulator distinguishes; each decides how a value is stored, compared and rendered. */
enum AttributeType {
    /** ALN/UPPER/LONGDESCRIPTION: a JSON string. */
    STRING,
    /** INTEGER/SMALLINT: a JSON number without fraction, stored as {@link Integer}. */
    INTEGER,
    /** DECIMAL/AMOUNT/FLOAT: a JSON number, stored as {@link Double}. */
    DECIMAL,
    /** YORN: a JSON boolean in lean JSON. */
    BOOLEAN,
    /** DATETIME: an ISO-8601 string with offset, stored as epoch seconds in a primitive slot. */
    DATETIME
}
