package dev.millwright.component.prometheusgroup;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.millwright.core.error.ErrorContext;

/** Credentials that are one fixed header: an API key (with its header and prefix) or HTTP Basic. */
final class StaticCredentials implements RequestAuthenticator {

    private final String header;
    private final String value;

    private StaticCredentials(String header, String value) {
        this.header = header;
        this.value = value;
    }

    static StaticCredentials apiKey(String header, String prefix, String key) {
        return new StaticCredentials(header, (prefix == null ? "" : prefix) + key);
    }

    static StaticCredentials basic(String user, String password) {
        return new StaticCredentials("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void authenticate(HttpRequest.Builder request, ErrorContext context) {
        request.setHeader(header, value);
    }

    @Override
    public String toString() {
        return "StaticCredentials[" + header + "]";   // never the value
    }
}
