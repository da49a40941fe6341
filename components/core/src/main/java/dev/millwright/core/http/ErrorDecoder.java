package dev.millwright.core.http;

import dev.millwright.core.error.ConnectorException;
import dev.millwright.core.error.ErrorContext;

/** Turns a source's error answer (4xx/5xx) into the typed error it means, in the system's own error dialect. */
@FunctionalInterface
public interface ErrorDecoder {

    ConnectorException decode(SourceResponse response, ErrorContext context);
}
