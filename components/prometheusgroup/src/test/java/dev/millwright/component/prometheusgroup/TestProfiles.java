package dev.millwright.component.prometheusgroup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Variants of the default profile, the way an installation makes its own: copy the default, change what differs,
 * point the profile option at the copy.
 */
final class TestProfiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private TestProfiles() {
    }

    static ObjectNode defaultProfile() {
        try (InputStream in = TestProfiles.class.getClassLoader()
                .getResourceAsStream("millwright/profiles/prometheusgroup.yaml")) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the default profile with these changes to {@code dir/<name>.yaml} and answers its {@code file:}
     * location.
     *
     * @param changes JSON pointer → the new value as YAML text, or null to remove the field
     */
    static String variant(Path dir, String name, Map<String, String> changes) {
        ObjectNode profile = defaultProfile();
        changes.forEach((pointer, yaml) -> {
            JsonPointer at = JsonPointer.compile(pointer);
            ObjectNode parent = (ObjectNode) profile.at(at.head());
            String field = at.last().getMatchingProperty();
            if (yaml == null) {
                parent.remove(field);
            } else {
                try {
                    parent.set(field, YAML.readTree(yaml));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return write(dir, name, profile);
    }

    static String write(Path dir, String name, JsonNode profile) {
        try {
            Path file = dir.resolve(name + ".yaml");
            YAML.writeValue(file.toFile(), profile);
            return "file:" + file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes profile text as given (for errors whose line numbers matter). */
    static String writeText(Path dir, String name, String yaml) {
        try {
            Path file = dir.resolve(name + ".yaml");
            Files.writeString(file, yaml);
            return "file:" + file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An API-key profile: the same API, the key in X-API-Key. */
    static String apiKey(Path dir) {
        return variant(dir, "api-key", Map.of("/auth", "{type: api_key, header: X-API-Key}"));
    }
}
