package dev.millwright.component.dynamics;

import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.core.error.ErrorContext;

/**
 * Business Central answered 401 to a bearer token: the client fetches a new token once before giving up, since a
 * cached token may have been revoked or expired early.
 */
final class AccessTokenRejectedException extends AuthenticationRequiredException {

    AccessTokenRejectedException(String detail, ErrorContext context) {
        super(detail, context);
    }
}
