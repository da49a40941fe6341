package dev.millwright.component.prometheusgroup.profile;

import java.util.Map;

/**
 * A REST profile: everything about one system's HTTP/JSON API that Millwright needs, read from a YAML file so that
 * an installation adapts it without a rebuild. See the component's README for the grammar and
 * {@code classpath:millwright/profiles/prometheusgroup.yaml} for the default.
 *
 * @param source    where it was loaded from
 * @param system    the system name: the component scheme and the folder of its mapping files
 * @param variables values of the path variables, by name (an empty value must be given by the connection)
 * @param enrichment null when the profile describes none
 */
public record RestProfile(String source, String system, String title, Map<String, String> variables,
        AuthProfile auth, ErrorShape errors, Map<String, CollectionProfile> collections,
        EnrichmentProfile enrichment) {

    /** The collection, or a {@link ProfileDefinitionException} listing the ones the profile has. */
    public CollectionProfile collection(String name) {
        CollectionProfile collection = collections.get(name);
        if (collection == null) {
            throw new ProfileDefinitionException(source, 0, "collections", "has no collection '" + name
                    + "'; collections: " + String.join(", ", collections.keySet()));
        }
        return collection;
    }
}
