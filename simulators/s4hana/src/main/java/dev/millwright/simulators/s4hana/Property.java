package dev.millwright.simulators.s4hana;

/** One property of an entity type: its name, EDM type, decimal scale and maximum length (0 = any). */
record Property(String name, EdmType type, int scale, int maxLength) {

    static Property string(String name, int maxLength) {
        return new Property(name, EdmType.STRING, 0, maxLength);
    }

    static Property decimal(String name, int scale) {
        return new Property(name, EdmType.DECIMAL, scale, 0);
    }

    static Property of(String name, EdmType type) {
        return new Property(name, type, 0, 0);
    }
}
