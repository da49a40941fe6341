package dev.millwright.mapping.camel;

import org.apache.camel.spi.Metadata;

/** The message headers of the {@code canonical} component. */
public final class CanonicalConstants {

    @Metadata(description = "The connection the record belongs to; used when the endpoint has no connection "
            + "option. Required for reads: it makes the stable canonical id.", javaType = "String")
    public static final String CONNECTION_ID = "MillwrightConnectionId";

    @Metadata(description = "After a read: the values that could not be mapped and were left null, for example "
            + "a status code missing from the enum table. Empty when all values mapped.",
            javaType = "java.util.List<dev.millwright.mapping.MappingWarning>")
    public static final String MAPPING_WARNINGS = "MillwrightMappingWarnings";

    @Metadata(description = "For writes: create or update (a dev.millwright.mapping.WriteMode or its name); "
            + "overrides the writeMode option.", javaType = "String", enums = "create,update")
    public static final String WRITE_MODE = "MillwrightWriteMode";

    @Metadata(description = "For reads: the custom fields to fill, canonical name to source path; overrides the "
            + "customFields option and any CustomFieldSource bean.", javaType = "java.util.Map<String, String>")
    public static final String CUSTOM_FIELDS = "MillwrightCustomFields";

    private CanonicalConstants() {
    }
}
