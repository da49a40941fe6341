package dev.millwright.routes.store;

import dev.millwright.mapping.model.CanonicalRecord;

/** A record the store created, updated or marked deleted; the source of data-change events. */
public record StoreChange(Kind kind, CanonicalRecord record) {

    public enum Kind {
        CREATED("created"), UPDATED("updated"), DELETED("deleted");

        private final String action;

        Kind(String action) {
            this.action = action;
        }

        /** The action of the event type, as in {@code work_order.updated}. */
        public String action() {
            return action;
        }
    }
}
