package dev.millwright.component.prometheusgroup;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import dev.millwright.component.prometheusgroup.profile.CollectionProfile;
import dev.millwright.core.cursor.RecordIdentity;

/** A record's id, version and change time, where the profile's record shape points (numbers read as their text). */
final class ProfileRecordIdentity implements RecordIdentity {

    private final CollectionProfile.RecordShape shape;

    ProfileRecordIdentity(CollectionProfile.RecordShape shape) {
        this.shape = shape;
    }

    @Override
    public String remoteId(JsonNode record) {
        return text(record, shape.id());
    }

    @Override
    public String version(JsonNode record) {
        return text(record, shape.version());
    }

    @Override
    public Instant modifiedAt(JsonNode record) {
        return shape.modifiedFormat().parse(record.at(shape.modified()));
    }

    static String text(JsonNode record, JsonPointer pointer) {
        if (pointer == null || record == null) {
            return null;
        }
        JsonNode value = record.at(pointer);
        return value.isMissingNode() || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
