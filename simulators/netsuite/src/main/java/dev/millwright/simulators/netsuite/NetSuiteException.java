package dev.millwright.simulators.netsuite;

import java.util.List;

/** An error answer in NetSuite's REST dialect: an HTTP status and one or more error details. */
public final class NetSuiteException extends RuntimeException {

    /** One entry of {@code o:errorDetails}. */
    public record Detail(String detail, String errorCode, String errorPath) {
    }

    private final int status;
    private final List<Detail> details;

    NetSuiteException(int status, List<Detail> details) {
        super(status + " " + details);
        this.status = status;
        this.details = List.copyOf(details);
    }

    NetSuiteException(int status, String errorCode, String detail, String errorPath) {
        this(status, List.of(new Detail(detail, errorCode, errorPath)));
    }

    public int status() {
        return status;
    }

    public List<Detail> details() {
        return details;
    }
}
