package dev.millwright.routes.store;

/** A store could not read or write its table (the database is down, a constraint failed). */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
