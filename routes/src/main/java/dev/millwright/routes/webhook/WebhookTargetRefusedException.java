package dev.millwright.routes.webhook;

/** A webhook URL Millwright will not send to: not https, or an address inside the network (SSRF), or malformed. */
public class WebhookTargetRefusedException extends RuntimeException {

    public WebhookTargetRefusedException(String message) {
        super(message);
    }
}
