package dev.millwright.mapping.engine.converters;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millwright.mapping.Converter;

/**
 * {@code last_path_segment} (read only): the last segment of a URI or path, without query and fragment,
 * e.g. {@code _QkVERk9SRC8xMDAw} of {@code http://host/maximo/oslc/os/mxapiwodetail/_QkVERk9SRC8xMDAw}.
 */
final class LastPathSegmentConverter implements Converter {

    @Override
    public Class<?> valueType() {
        return String.class;
    }

    @Override
    public Object read(JsonNode value) {
        String text = Values.text(value, "a URI");
        int end = text.length();
        int query = text.indexOf('?');
        int fragment = text.indexOf('#');
        if (query >= 0) {
            end = query;
        }
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        while (end > 0 && text.charAt(end - 1) == '/') {
            end--;
        }
        String segment = text.substring(text.lastIndexOf('/', end - 1) + 1, end);
        if (segment.isBlank()) {
            throw new IllegalArgumentException("the URI has no last path segment");
        }
        return segment;
    }

    @Override
    public JsonNode write(Object value) {
        throw new UnsupportedOperationException("last_path_segment only reads");
    }

    @Override
    public boolean writable() {
        return false;
    }
}
