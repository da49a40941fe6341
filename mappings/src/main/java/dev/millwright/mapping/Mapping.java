package dev.millwright.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millwright.mapping.model.CanonicalRecord;
import dev.millwright.mapping.model.Entity;
import java.util.Set;

/**
 * The compiled mapping between one system's records of one entity and canonical records, in both
 * directions. Thread-safe; compiled once from a mapping file, used for every record.
 */
public interface Mapping<T extends CanonicalRecord> {

    /** The system, e.g. {@code maximo}. */
    String system();

    Entity entity();

    Class<T> recordType();

    /** Where the mapping file was loaded from. */
    String source();

    /**
     * Reads a raw source record into its canonical record.
     *
     * @throws RecordMappingException when a value cannot be converted or remote_id / modified_at is missing
     */
    MappingResult<T> read(JsonNode raw, MappingContext context);

    /**
     * Writes a canonical record as source JSON: for {@link WriteMode#CREATE} every field writable on create
     * that is not null; for {@link WriteMode#UPDATE} every field writable on update that is not null
     * (fields this system cannot update are skipped: send a patch to have them refused instead).
     *
     * @throws WriteMappingException when a value has no source form
     */
    ObjectNode write(CanonicalRecord record, WriteMode mode);

    /**
     * Writes canonical JSON as source JSON. For {@link WriteMode#CREATE} the JSON is a whole canonical
     * record (missing fields are null); for {@link WriteMode#UPDATE} it is a partial patch, and only the
     * fields it names are written (a JSON null clears the source field).
     *
     * @throws WriteMappingException naming unknown fields, fields that cannot be updated, or invalid values
     */
    ObjectNode write(JsonNode canonical, WriteMode mode);

    /** The top-level canonical fields that a write in {@code mode} can set. */
    Set<String> writableFields(WriteMode mode);
}
