package dev.millwright.core.component;

/** Message header names shared by every system component (each component documents them in its Constants). */
public final class SourceHeaders {

    public static final String OPERATION = "MillwrightOperation";
    public static final String CONNECTION_ID = "MillwrightConnectionId";
    public static final String SYSTEM = "MillwrightSystem";
    public static final String ENTITY = "MillwrightEntity";
    public static final String REMOTE_ID = "MillwrightRemoteId";
    public static final String REMOTE_VERSION = "MillwrightRemoteVersion";
    public static final String MODIFIED_AT = "MillwrightModifiedAt";
    public static final String MODIFIED_AFTER = "MillwrightModifiedAfter";
    public static final String FULL_RESYNC = "MillwrightFullResync";
    public static final String CURSOR = "MillwrightCursor";
    public static final String CURSOR_KEY = "MillwrightCursorKey";
    public static final String CURSOR_TRACKER = "MillwrightCursorTracker";

    private SourceHeaders() {
    }
}
