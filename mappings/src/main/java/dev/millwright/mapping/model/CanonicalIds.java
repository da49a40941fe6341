package dev.millwright.mapping.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;

/**
 * Stable canonical ids: a name-based UUID (version 5, SHA-1) of connection id, entity name and remote id.
 * The same three inputs give the same id on every node and in every release, so this algorithm, the
 * namespace and the name encoding must never change.
 */
public final class CanonicalIds {

    /** The fixed namespace of Millwright's canonical ids. */
    public static final UUID NAMESPACE = UUID.fromString("7d3c1f0e-5b8a-4c2e-9a6d-1e4f8b2c0a91");

    private static final byte[] NAMESPACE_BYTES = ByteBuffer.allocate(16)
            .putLong(NAMESPACE.getMostSignificantBits())
            .putLong(NAMESPACE.getLeastSignificantBits())
            .array();

    // MessageDigest is not thread-safe and costly to look up; ids are made on the mapping hot path
    private static final ThreadLocal<IdHasher> HASHERS = ThreadLocal.withInitial(IdHasher::new);

    private CanonicalIds() {
    }

    /**
     * The stable id of a record as UUID text.
     *
     * <p>The name hashed is each part as {@code <UTF-16 length>:<text>}, concatenated, so that no two
     * different triples (for example {@code ("a:b", "c")} and {@code ("a", "b:c")}) share a name.
     */
    public static String stableId(String connectionId, String entityName, String remoteId) {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(entityName, "entityName");
        Objects.requireNonNull(remoteId, "remoteId");
        byte[] hash = HASHERS.get().hash(connectionId, entityName, remoteId);
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong()).toString();
    }

    /** A thread's SHA-1 digest, with the hashed name prefix of the connection and entity it saw last. */
    private static final class IdHasher {

        private final MessageDigest sha1;
        private String connectionId;
        private String entityName;
        private byte[] prefix;

        IdHasher() {
            try {
                sha1 = MessageDigest.getInstance("SHA-1");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
            }
        }

        byte[] hash(String connectionId, String entityName, String remoteId) {
            if (!connectionId.equals(this.connectionId) || !entityName.equals(this.entityName)) {
                this.prefix = (connectionId.length() + ":" + connectionId + entityName.length() + ":" + entityName)
                        .getBytes(StandardCharsets.UTF_8);
                this.connectionId = connectionId;
                this.entityName = entityName;
            }
            sha1.update(NAMESPACE_BYTES);
            sha1.update(prefix);
            // digest() also resets the digest for the next id
            return sha1.digest((remoteId.length() + ":" + remoteId).getBytes(StandardCharsets.UTF_8));
        }
    }
}
