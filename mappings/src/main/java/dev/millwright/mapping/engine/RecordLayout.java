package dev.millwright.mapping.engine;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

/**
 * The components of a record class, resolved once: snake_case names (as in canonical JSON), types, and
 * method handles for the canonical constructor and the accessors, so that mapping a record needs no
 * reflection.
 */
final class RecordLayout {

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private static final ClassValue<RecordLayout> LAYOUTS = new ClassValue<>() {
        @Override
        protected RecordLayout computeValue(Class<?> type) {
            return new RecordLayout(type);
        }
    };

    private final Class<?> type;
    private final String[] names;
    private final Class<?>[] types;
    private final Type[] genericTypes;
    private final MethodHandle[] accessors;
    /** (Object[]) → Object: the canonical constructor, spread over an argument array. */
    private final MethodHandle constructor;

    private RecordLayout(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        names = new String[components.length];
        types = new Class<?>[components.length];
        genericTypes = new Type[components.length];
        accessors = new MethodHandle[components.length];
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            for (int i = 0; i < components.length; i++) {
                names[i] = SNAKE_CASE.translate(components[i].getName());
                types[i] = components[i].getType();
                genericTypes[i] = components[i].getGenericType();
                accessors[i] = lookup.unreflect(components[i].getAccessor())
                        .asType(MethodType.methodType(Object.class, Object.class));
            }
            constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types))
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot resolve the components of " + type, e);
        }
    }

    static RecordLayout of(Class<?> type) {
        return LAYOUTS.get(type);
    }

    Class<?> type() {
        return type;
    }

    int size() {
        return names.length;
    }

    /** The index of the component with this snake_case name, or -1. */
    int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    List<String> names() {
        return Arrays.asList(names);
    }

    Class<?> type(int index) {
        return types[index];
    }

    Type genericType(int index) {
        return genericTypes[index];
    }

    /** The element class of a {@code List<X>} component. */
    Class<?> elementType(int index) {
        if (genericTypes[index] instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        throw new IllegalStateException(names[index] + " of " + type + " is not a List of a class");
    }

    Object construct(Object[] arguments) {
        try {
            return (Object) constructor.invokeExact(arguments);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot construct " + type.getSimpleName(), e);
        }
    }

    Object get(Object record, int index) {
        try {
            return (Object) accessors[index].invokeExact(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot read " + names[index] + " of " + type.getSimpleName(), e);
        }
    }
}
