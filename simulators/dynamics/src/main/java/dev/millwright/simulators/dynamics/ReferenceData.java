package dev.millwright.simulators.dynamics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The setup tables the entities refer to by code and id: currencies, units of measure, item categories, tax
 * groups and the like. Ids are derived from the codes, so every code has one stable GUID, as BC's SystemIds are.
 */
final class ReferenceData {
    /** The company's local currency: a blank currencyCode on a document means this one. */
    static final String LOCAL_CURRENCY = "USD";
    static final Map<String, String> CURRENCIES = Map.of("CAD", "Canadian dollar", "EUR", "Euro",
            "GBP", "British pound", "MXN", "Mexican peso");
    /** Sales tax percent per tax group code; codes not listed are not taxed. */
    private static final Map<String, BigDecimal> TAX_PERCENT = Map.of("FURNITURE", new BigDecimal("6"),
            "MATERIALS", new BigDecimal("6"), "SUPPLIES", new BigDecimal("6"), "LABOR", BigDecimal.ZERO,
            "NONTAXABLE", BigDecimal.ZERO);

    /** Ids already computed; setup codes repeat on every record. */
    private static final Map<String, UUID> IDS = new ConcurrentHashMap<>();

    private ReferenceData() {
    }

    /** The id of a setup record of some kind ("currency", "unitOfMeasure", ...) by its code; blank for "". */
    static UUID idOf(String kind, String code) {
        if (code == null || code.isEmpty()) {
            return BcRecord.BLANK_GUID;
        }
        String key = kind + ":" + code.toUpperCase(Locale.ROOT);
        UUID id = IDS.get(key);
        if (id == null) {
            id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
            if (IDS.size() < 10_000) {
                IDS.putIfAbsent(key, id);
            }
        }
        return id;
    }

    static boolean isCurrency(String code) {
        return CURRENCIES.containsKey(code.toUpperCase(Locale.ROOT));
    }

    /** The currency code of a currency id, or null when no currency has it. */
    static String currencyOf(UUID id) {
        for (String code : CURRENCIES.keySet()) {
            if (idOf("currency", code).equals(id)) {
                return code;
            }
        }
        return null;
    }

    static BigDecimal taxPercent(String taxCode) {
        return TAX_PERCENT.getOrDefault(taxCode.toUpperCase(Locale.ROOT), BigDecimal.ZERO);
    }
}
