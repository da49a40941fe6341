package dev.millwright.routes.store;

/**
 * Seals secrets a store keeps (webhook signing secrets) so that they are never at rest in clear; the runtime
 * seals with its encryption key.
 */
public interface SecretSealer {

    String seal(String secret);

    /** Opens what {@link #seal} sealed; fails on a value sealed with another key or tampered with. */
    String open(String sealed);
}
