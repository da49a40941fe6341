package dev.millwright.simulators.s4hana;

import java.util.List;
import java.util.Map;

/**
 * An error the simulator answers with. {@code plainText} errors (logon, CSRF) are sent as text, as SAP's ICF
 * layer sends them; all others as the OData V2 JSON error body with SAP's code, message and error details.
 */
final class SapException extends RuntimeException {

    /** One entry of {@code innererror.errordetails}. */
    record Detail(String code, String message, String propertyref, String severity) {
    }

    final int status;
    final String code;
    final List<Detail> details;
    final Map<String, String> headers;
    final boolean plainText;

    SapException(int status, String code, String message, List<Detail> details, Map<String, String> headers,
                 boolean plainText) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
        this.headers = Map.copyOf(headers);
        this.plainText = plainText;
    }

    SapException(int status, String code, String message) {
        this(status, code, message, List.of(), Map.of(), false);
    }
}
