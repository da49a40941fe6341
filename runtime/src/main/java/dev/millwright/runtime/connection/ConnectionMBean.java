package dev.millwright.runtime.connection;

/**
 * A connection as operators see it through JMX ({@code dev.millwright:type=Connection,name=<id>}), beside Camel's
 * own route MBeans.
 */
public interface ConnectionMBean {

    String getId();

    String getSystem();

    String getName();

    /** online, offline, auth_required or disconnected. */
    String getStatus();

    boolean isSuspended();

    /** Stops the connection's scheduled syncs until {@link #resume()}. */
    void suspend();

    void resume();

    /** Runs an incremental sync of the entity (e.g. work_order) now. */
    void syncNow(String entity);

    /** Runs a full resync of the entity now: re-reads the initial history and marks what the source lost. */
    void fullResync(String entity);
}
