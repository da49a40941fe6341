package dev.millwright.mapping;

import dev.millwright.mapping.model.CanonicalRecord;
import java.util.List;

/**
 * A source record read into its canonical record, with the warnings about values left out.
 *
 * @param record the canonical record
 * @param warnings values that could not be mapped; empty when all could
 */
public record MappingResult<T extends CanonicalRecord>(T record, List<MappingWarning> warnings) {

    public MappingResult {
        warnings = List.copyOf(warnings);
    }

    public boolean hasWarnings() {
        return !warnings.isEmpty();
    }
}
