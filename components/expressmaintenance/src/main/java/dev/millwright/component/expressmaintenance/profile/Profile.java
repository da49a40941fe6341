package dev.millwright.component.expressmaintenance.profile;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * An installation's profile: how the collections of one CMMS database are stored (tables, keys, change columns,
 * source field names, write statements). Read by {@link ProfileParser}; checked against the database by
 * {@link ProfileSchema#check}.
 *
 * @param source   where it was read from ({@code classpath:...}, {@code file:...})
 * @param name     its name
 * @param timeZone the zone whose local date-times TIMESTAMP columns hold
 */
public record Profile(String source, String name, ZoneId timeZone, Map<String, CollectionProfile> collections) {

    public Optional<CollectionProfile> collection(String name) {
        return Optional.ofNullable(collections.get(name));
    }
}
