package dev.millwright.core.component;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

import dev.millwright.core.http.HttpSettings;

/**
 * The options every system component has. System configurations extend it with their own (base URL,
 * credentials, object names). Descriptions are given in the annotations because tooling reads this class from
 * its jar, without its sources.
 */
@UriParams
public class SourceConfiguration implements Cloneable {

    @UriPath(description = "The collection: purchase-orders, work-orders, inventory-items, vendors, assets, or the"
            + " name of a custom object of the system")
    @Metadata(required = true)
    private String collection;
    @UriParam(description = "Id of a registered connection whose settings (base URL, credentials) apply; options"
            + " given in the URI override them")
    private String connection;
    @UriParam(label = "producer", defaultValue = "readChanges",
              description = "The producer operation (header MillwrightOperation overrides it)")
    private SourceOperation operation = SourceOperation.readChanges;
    @UriParam(defaultValue = "100", description = "Records per page requested from the source")
    private int pageSize = 100;
    @UriParam(defaultValue = "P30D", description = "How far back the first read goes when no watermark is stored:"
            + " an ISO-8601 period or duration (P30D, P90D, PT12H) or 'all'")
    private String initialHistory = "P30D";
    @UriParam(description = "Read the records modified at or after this ISO-8601 instant, ignoring the stored"
            + " watermark (header MillwrightModifiedAfter overrides it)")
    private String modifiedAfter;
    @UriParam(defaultValue = "PT0S", description = "Lookback window (ISO-8601 duration): each read starts this much"
            + " before the watermark, to catch changes committed late or stamped by a clock behind ours")
    private String lookback = "PT0S";
    @UriParam(label = "consumer", defaultValue = "0", description = "Most records one poll emits (0 = all changes)")
    private int maxMessagesPerPoll;
    @UriParam(label = "advanced", defaultValue = "10000", description = "Connect timeout in milliseconds")
    private int connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "60000", description = "Read timeout in milliseconds")
    private int readTimeout = 60_000;
    @UriParam(label = "advanced", defaultValue = "4", description = "Attempts per request, the first included, on"
            + " network errors and 429/502/503/504 answers")
    private int maxAttempts = 4;
    @UriParam(label = "advanced", defaultValue = "500", description = "First retry delay in milliseconds, doubling"
            + " per retry")
    private int retryDelay = 500;
    @UriParam(label = "advanced", defaultValue = "30000", description = "Longest retry delay in milliseconds")
    private int maxRetryDelay = 30_000;
    @UriParam(label = "advanced", defaultValue = "120", description = "Longest Retry-After (seconds) waited inside"
            + " one call; a longer one fails the call as RATE_LIMITED")
    private int maxRetryAfter = 120;
    @UriParam(label = "advanced", defaultValue = "0", description = "Requests per second allowed to this connection"
            + " (0 = unlimited); shared by every endpoint of the connection")
    private double rateLimit;

    public String getCollection() {
        return collection;
    }

    public void setCollection(String collection) {
        this.collection = collection;
    }

    public String getConnection() {
        return connection;
    }

    public void setConnection(String connection) {
        this.connection = connection;
    }

    public SourceOperation getOperation() {
        return operation;
    }

    public void setOperation(SourceOperation operation) {
        this.operation = operation;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public String getInitialHistory() {
        return initialHistory;
    }

    public void setInitialHistory(String initialHistory) {
        this.initialHistory = initialHistory;
    }

    public String getModifiedAfter() {
        return modifiedAfter;
    }

    public void setModifiedAfter(String modifiedAfter) {
        this.modifiedAfter = modifiedAfter;
    }

    public String getLookback() {
        return lookback;
    }

    public void setLookback(String lookback) {
        this.lookback = lookback;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(int readTimeout) {
        this.readTimeout = readTimeout;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public int getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(int retryDelay) {
        this.retryDelay = retryDelay;
    }

    public int getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(int maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public int getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(int maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public double getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(double rateLimit) {
        this.rateLimit = rateLimit;
    }

    /** The HTTP behaviour these options describe. */
    public HttpSettings httpSettings() {
        return new HttpSettings(Duration.ofMillis(connectTimeout), Duration.ofMillis(readTimeout), maxAttempts,
                Duration.ofMillis(retryDelay), Duration.ofMillis(maxRetryDelay), Duration.ofSeconds(maxRetryAfter),
                rateLimit);
    }

    /** Where a first read starts: {@code now} minus the initial history, or the epoch for {@code all}. */
    public Instant initialHistoryStart(Instant now) {
        String text = initialHistory == null ? "P30D" : initialHistory.trim();
        if (text.equalsIgnoreCase("all")) {
            return Instant.EPOCH;
        }
        try {
            return text.contains("T") ? now.minus(Duration.parse(text)) : now.minus(Period.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("initialHistory '" + initialHistory
                    + "' is neither an ISO-8601 period (P30D), a duration (PT12H) nor 'all'", e);
        }
    }

    public Duration lookbackDuration() {
        try {
            return lookback == null || lookback.isBlank() ? Duration.ZERO : Duration.parse(lookback.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("lookback '" + lookback + "' is not an ISO-8601 duration (PT5M)", e);
        }
    }

    public SourceConfiguration copy() {
        try {
            return (SourceConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
