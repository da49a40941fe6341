package dev.millwright.component.prometheusgroup.profile;

/**
 * How requests authenticate. The secrets themselves (API key, password, client secret) are never in a profile: they
 * are the connection's options.
 *
 * @param header               {@code api_key}: the header carrying the key
 * @param prefix               {@code api_key}: text before the key in the header (e.g. {@code "Token "}), may be empty
 * @param tokenUrl             {@code oauth2_client_credentials}: the token endpoint, absolute or relative to the base URL
 * @param scope                {@code oauth2_client_credentials}: the scope asked for, or null
 * @param clientAuthentication {@code oauth2_client_credentials}: how the client id and secret are sent
 */
public record AuthProfile(Type type, String header, String prefix, String tokenUrl, String scope,
        ClientAuthentication clientAuthentication) {

    public enum Type { NONE, API_KEY, BASIC, OAUTH2_CLIENT_CREDENTIALS }

    /** RFC 6749 section 2.3.1: HTTP Basic (recommended) or form parameters. */
    public enum ClientAuthentication { BASIC, BODY }
}
