package dev.millwright.component.netsuite;

import java.util.HashMap;
import java.util.Map;

/** The same syncs with changes read through the record API (readMode=record) instead of SuiteQL. */
class NetSuiteRecordApiSyncTest extends NetSuiteSyncTest {

    @Override
    protected Map<String, String> readOptions(Map<String, String> credentials) {
        Map<String, String> options = new HashMap<>(credentials);
        options.put("readMode", "record");
        return options;
    }
}
