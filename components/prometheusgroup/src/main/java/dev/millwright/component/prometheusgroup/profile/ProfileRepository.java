package dev.millwright.component.prometheusgroup.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads REST profiles from {@code classpath:<resource>}, {@code file:<path>} or a plain file path, and keeps each
 * once read; a profile file that changes on disk is read again the next time it is asked for (an endpoint that
 * starts again picks up the change).
 */
public final class ProfileRepository {

    private record Loaded(RestProfile profile, FileTime modified, long size) {
    }

    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    /**
     * @throws ProfileDefinitionException naming the location when there is nothing there, or naming file, line and
     *                                    field for a profile that would not work
     */
    public RestProfile load(String location, ClassLoader classLoader) {
        if (location.startsWith("classpath:")) {
            return loaded.computeIfAbsent(location, key -> new Loaded(readClasspath(key, classLoader), null, 0))
                    .profile();
        }
        Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(path);
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new ProfileDefinitionException(location, 0, null, "no profile file at " + path.toAbsolutePath());
        } catch (IOException e) {
            throw new ProfileDefinitionException(location, 0, null, "cannot read " + path.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
        Loaded current = loaded.get(location);
        if (current != null && current.modified().equals(modified) && current.size() == size) {
            return current.profile();
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProfileDefinitionException(location, 0, null, "cannot read " + path.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
        RestProfile profile = ProfileReader.read(location, text);
        loaded.put(location, new Loaded(profile, modified, size));
        return profile;
    }

    private static RestProfile readClasspath(String location, ClassLoader classLoader) {
        String resource = location.substring("classpath:".length());
        resource = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ProfileDefinitionException(location, 0, null, "no profile on the class path at " + resource);
            }
            return ProfileReader.read(location, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProfileDefinitionException(location, 0, null, "cannot read the profile: " + e.getMessage(), e);
        }
    }
}
