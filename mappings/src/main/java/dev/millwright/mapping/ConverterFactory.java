package dev.millwright.mapping;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Makes {@link Converter}s of one name ({@code datetime}, {@code date_pattern}, ...) from the arguments
 * a field gives it ({@code { convert: date_pattern, pattern: "dd.MM.yyyy" }}). Register more through
 * {@link ConverterRegistry#with} or {@link java.util.ServiceLoader} ({@code META-INF/services}).
 */
public interface ConverterFactory {

    /** The name a mapping file uses in {@code convert:}. */
    String name();

    /** The argument keys this converter accepts; any other key on the field is a definition error. */
    Set<String> arguments();

    /**
     * A converter for these arguments (only keys of {@link #arguments()}).
     *
     * @throws IllegalArgumentException when an argument is missing or invalid
     */
    Converter create(Map<String, String> arguments);

    /** A factory from a name, its argument keys and a function of the arguments. */
    static ConverterFactory of(String name, Set<String> arguments, Function<Map<String, String>, Converter> create) {
        return new ConverterFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<String> arguments() {
                return arguments;
            }

            @Override
            public Converter create(Map<String, String> given) {
                return create.apply(given);
            }

            @Override
            public String toString() {
                return "converter " + name;
            }
        };
    }
}
