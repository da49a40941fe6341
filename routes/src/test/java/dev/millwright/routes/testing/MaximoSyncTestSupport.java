package dev.millwright.routes.testing;

import java.util.Map;

import dev.millwright.simulators.maximo.MaximoSimulator;

/** {@link SyncTestSupport} against a Maximo simulator of the subclass's size, reached with the API key {@link #KEY}. */
public abstract class MaximoSyncTestSupport extends SyncTestSupport {

    protected static final String KEY = "sync-key";

    protected MaximoSimulator maximo;

    /** The simulator to start: its data (seed, sizes, history); the API key is set here. */
    protected abstract MaximoSimulator.Builder simulator();

    @Override
    protected void startSystem() {
        maximo = simulator().apiKey(KEY).build().start();
    }

    @Override
    protected void stopSystem() {
        maximo.close();
    }

    @Override
    protected String system() {
        return "maximo";
    }

    @Override
    protected Map<String, String> connectionOptions() {
        return Map.of("baseUrl", maximo.baseUrl(), "apiKey", KEY, "retryDelay", "10", "maxRetryDelay", "50");
    }
}
