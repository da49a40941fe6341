package dev.millwright.component.prometheusgroup.profile;

import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * One collection of a REST profile: how to read its changes, where its records keep their id, version and change
 * time, how to get, create, update and delete one (each optional: a missing one is refused as not supported), how to
 * find records by a field value, and the source fields it names as custom fields.
 *
 * @param customFields custom field name → source path in the mapping engine's path syntax
 */
public record CollectionProfile(String name, int line, Read read, RecordShape record, Member get, Write create,
        Write update, Write delete, Lookup lookup, Map<String, String> customFields) {

    /**
     * The change read: path, static parameters, where the page holds its records, the change filter, the parameter
     * asking for change order (null when none is sent), whether pages come oldest change first, and the paging.
     */
    public record Read(PathTemplate path, Map<String, PathTemplate> query, JsonPointer records, Changes changes,
            Sort sort, boolean ordered, PagingProfile paging) {
    }

    /** The change filter parameter; {@code inclusive} when it selects records changed at or after its value. */
    public record Changes(String parameter, TimeFormat format, boolean inclusive) {
    }

    /** The parameter that orders a read by change time, oldest first. */
    public record Sort(String parameter, String value) {
    }

    public record RecordShape(JsonPointer id, JsonPointer version, JsonPointer modified, TimeFormat modifiedFormat) {
    }

    /** A single record read; {@code record} points at the record in the answer (null: the answer is the record). */
    public record Member(PathTemplate path, JsonPointer record) {
    }

    /** A write: method, path, where the answer holds the record, and the header carrying the expected version. */
    public record Write(String method, PathTemplate path, JsonPointer record, String versionHeader) {
    }

    /** Finding records by values of one field: {@code ?<parameter>=v1<separator>v2}, at most {@code maxValues}. */
    public record Lookup(String parameter, JsonPointer field, String separator, int maxValues) {
    }
}
