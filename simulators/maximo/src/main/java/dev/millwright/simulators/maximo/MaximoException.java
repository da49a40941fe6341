package dev.millwright.simulators.maximo;

/**
 * A Maximo error: the HTTP status and the BMXAA reason code the simulator answers with. The data access
 * methods of {@link MaximoSimulator} throw it for the same validation failures the HTTP API reports.
 */
public final class MaximoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reasonCode;

    /**
     * @param status     the HTTP status, e.g. 400
     * @param reasonCode the Maximo message id, e.g. {@code BMXAA4129E}
     * @param text       the message text without the reason code
     */
    public MaximoException(int status, String reasonCode, String text) {
        super(reasonCode + " - " + text);
        this.status = status;
        this.reasonCode = reasonCode;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The Maximo reason code, e.g. {@code BMXAA8229W}. */
    public String reasonCode() {
        return reasonCode;
    }
}
