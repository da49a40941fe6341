package dev.millwright.runtime.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.arc.Unremovable;

import dev.millwright.runtime.MillwrightConfig;

/** The connection registry the components resolve through, and the key that seals credentials at rest. */
@ApplicationScoped
public class ConnectionBeans {

    private static final Logger LOG = Logger.getLogger(ConnectionBeans.class);

    @Produces
    @Singleton
    @Unremovable
    StoredConnectionRegistry connectionRegistry() {
        return new StoredConnectionRegistry();
    }

    /**
     * The AES key: {@code millwright.encryption-key} (base64 of 32 bytes, e.g. from the environment) or, for
     * the embedded default, a key generated once into {@code millwright.key-file} (owner-only permissions).
     */
    @Produces
    @Singleton
    SecretBox secretBox(MillwrightConfig config) {
        if (config.encryptionKey().isPresent()) {
            return new SecretBox(Base64.getDecoder().decode(config.encryptionKey().get().trim()));
        }
        Path file = Path.of(config.keyFile());
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(key));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // the file system has no POSIX permissions: keep the default ones
                }
                LOG.warnf("No millwright.encryption-key set: generated one in %s. Keep it (or set"
                        + " MILLWRIGHT_ENCRYPTION_KEY) or stored credentials cannot be read.", file.toAbsolutePath());
            }
            return new SecretBox(Base64.getDecoder().decode(Files.readString(file).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        }
    }

}
