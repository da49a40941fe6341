package dev.millwright.component.prometheusgroup.profile;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * Reads and checks a REST profile. Every problem is a {@link ProfileDefinitionException} naming the file, the line
 * and the field: unknown fields, unknown paging styles and auth types, missing pointers, malformed pointers, path
 * templates using undeclared variables, writes without the {@code {id}} they need.
 */
public final class ProfileReader {

    private static final Pattern SYSTEM = Pattern.compile("[a-z][a-z0-9]*");
    private static final Pattern CUSTOM_FIELD = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern PLAIN_SEGMENT = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");
    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String ID = "id";

    private final String source;

    private ProfileReader(String source) {
        this.source = source;
    }

    /**
     * @param source where the text comes from, named in every error (e.g. {@code file:/etc/millwright/pg.yaml})
     * @throws ProfileDefinitionException for anything that would not work
     */
    public static RestProfile read(String source, String yaml) {
        return new ProfileReader(source).profile(ProfileNode.parse(source, yaml));
    }

    private RestProfile profile(ProfileNode root) {
        root.allowOnly("system", "title", "description", "variables", "auth", "errors", "collections", "enrichment");
        ProfileNode systemNode = root.required("system");
        String system = systemNode.text();
        if (!SYSTEM.matcher(system).matches()) {
            throw systemNode.error("'" + system + "' is not a system name (lower-case letters and digits)");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        ProfileNode variablesNode = root.get("variables");
        if (variablesNode != null) {
            variablesNode.entries().forEach((name, value) -> {
                if (name.equals(ID) || !PLAIN_SEGMENT.matcher(name).matches()) {
                    throw value.error("'" + name + "' cannot be a variable name" + (name.equals(ID)
                            ? ": {id} is the record id of get, update and delete paths" : ""));
                }
                variables.put(name, value.isNull() ? "" : value.text());
            });
        }
        AuthProfile auth = auth(root.required("auth"));
        ErrorShape errors = root.get("errors") == null ? ErrorShape.NONE : errors(root.get("errors"));
        ProfileNode collectionsNode = root.required("collections");
        Map<String, CollectionProfile> collections = new LinkedHashMap<>();
        collectionsNode.entries().forEach((name, node) ->
                collections.put(name, collection(name, node, variables.keySet())));
        if (collections.isEmpty()) {
            throw collectionsNode.error("names no collection");
        }
        EnrichmentProfile enrichment = root.get("enrichment") == null ? null
                : enrichment(root.get("enrichment"), collections);
        return new RestProfile(source, system, root.text("title", system), Map.copyOf(variables), auth, errors,
                java.util.Collections.unmodifiableMap(collections), enrichment);
    }

    // ---- auth and errors ----

    private AuthProfile auth(ProfileNode node) {
        node.allowOnly("type", "header", "prefix", "token_url", "scope", "client_authentication");
        ProfileNode typeNode = node.required("type");
        AuthProfile.Type type = switch (typeNode.text()) {
            case "none" -> AuthProfile.Type.NONE;
            case "api_key" -> AuthProfile.Type.API_KEY;
            case "basic" -> AuthProfile.Type.BASIC;
            case "oauth2_client_credentials" -> AuthProfile.Type.OAUTH2_CLIENT_CREDENTIALS;
            default -> throw typeNode.error("unknown auth type '" + typeNode.text()
                    + "'; valid types: none, api_key, basic, oauth2_client_credentials");
        };
        onlyFor(node, type == AuthProfile.Type.API_KEY, "api_key", "header", "prefix");
        onlyFor(node, type == AuthProfile.Type.OAUTH2_CLIENT_CREDENTIALS, "oauth2_client_credentials", "token_url",
                "scope", "client_authentication");
        String header = type == AuthProfile.Type.API_KEY ? node.required("header").text() : null;
        String tokenUrl = type == AuthProfile.Type.OAUTH2_CLIENT_CREDENTIALS ? node.required("token_url").text()
                : null;
        AuthProfile.ClientAuthentication clientAuthentication = AuthProfile.ClientAuthentication.BASIC;
        ProfileNode clientNode = node.get("client_authentication");
        if (clientNode != null) {
            clientAuthentication = switch (clientNode.text()) {
                case "basic" -> AuthProfile.ClientAuthentication.BASIC;
                case "body" -> AuthProfile.ClientAuthentication.BODY;
                default -> throw clientNode.error("unknown client authentication '" + clientNode.text()
                        + "'; valid: basic, body");
            };
        }
        return new AuthProfile(type, header, node.text("prefix", ""), tokenUrl, node.text("scope", null),
                clientAuthentication);
    }

    private static void onlyFor(ProfileNode node, boolean applies, String type, String... keys) {
        if (applies) {
            return;
        }
        for (String key : keys) {
            ProfileNode child = node.get(key);
            if (child != null) {
                throw child.error("applies only to auth type " + type);
            }
        }
    }

    private ErrorShape errors(ProfileNode node) {
        node.allowOnly("code", "message", "field_errors");
        ProfileNode fieldErrors = node.get("field_errors");
        if (fieldErrors == null) {
            return new ErrorShape(pointer(node.get("code")), pointer(node.get("message")), null, null, null, null);
        }
        fieldErrors.allowOnly("list", "field", "message", "code");
        return new ErrorShape(pointer(node.get("code")), pointer(node.get("message")),
                pointer(fieldErrors.required("list")), pointer(fieldErrors.required("field")),
                pointer(fieldErrors.get("message")), pointer(fieldErrors.get("code")));
    }

    // ---- collections ----

    private CollectionProfile collection(String name, ProfileNode node, Set<String> variables) {
        node.allowOnly("read", "record", "get", "create", "update", "delete", "lookup", "custom_fields");
        CollectionProfile.Read read = read(node.required("read"), variables);
        CollectionProfile.RecordShape record = recordShape(node.required("record"), read.changes());
        CollectionProfile.Member get = null;
        ProfileNode getNode = node.get("get");
        if (getNode != null) {
            getNode.allowOnly("path", "record");
            get = new CollectionProfile.Member(path(getNode.required("path"), variables, true),
                    pointer(getNode.get("record")));
        }
        CollectionProfile.Lookup lookup = null;
        ProfileNode lookupNode = node.get("lookup");
        if (lookupNode != null) {
            lookupNode.allowOnly("parameter", "field", "separator", "max_values");
            ProfileNode max = lookupNode.get("max_values");
            int maxValues = max == null ? 50 : max.integer();
            if (maxValues < 1) {
                throw max.error("must be 1 or more");
            }
            lookup = new CollectionProfile.Lookup(lookupNode.required("parameter").text(),
                    pointer(lookupNode.required("field")), lookupNode.text("separator", ","), maxValues);
        }
        Map<String, String> customFields = new LinkedHashMap<>();
        ProfileNode customNode = node.get("custom_fields");
        if (customNode != null) {
            customNode.entries().forEach((field, pointerNode) -> {
                if (!CUSTOM_FIELD.matcher(field).matches()) {
                    throw pointerNode.error("'" + field + "' is not a custom field name (lower snake_case)");
                }
                customFields.put(field, mappingPath(pointerNode));
            });
        }
        return new CollectionProfile(name, node.line(), read, record, get,
                write(node.get("create"), variables, false, "POST"),
                write(node.get("update"), variables, true, "PATCH"),
                write(node.get("delete"), variables, true, "DELETE"), lookup, Map.copyOf(customFields));
    }

    private CollectionProfile.Read read(ProfileNode node, Set<String> variables) {
        node.allowOnly("path", "query", "records", "changes", "sort", "ordered", "paging");
        PathTemplate path = path(node.required("path"), variables, false);
        Map<String, PathTemplate> query = new LinkedHashMap<>();
        ProfileNode queryNode = node.get("query");
        if (queryNode != null) {
            queryNode.entries().forEach((parameter, value) -> query.put(parameter, template(value, variables,
                    false)));
        }
        JsonPointer records = pointer(node.required("records"));
        CollectionProfile.Changes changes = null;
        ProfileNode changesNode = node.get("changes");
        if (changesNode != null) {
            changesNode.allowOnly("parameter", "format", "pattern", "zone", "inclusive");
            ProfileNode inclusive = changesNode.get("inclusive");
            changes = new CollectionProfile.Changes(changesNode.required("parameter").text(), timeFormat(changesNode),
                    inclusive == null || inclusive.bool());
        }
        CollectionProfile.Sort sort = null;
        ProfileNode sortNode = node.get("sort");
        if (sortNode != null) {
            sortNode.allowOnly("parameter", "value");
            sort = new CollectionProfile.Sort(sortNode.required("parameter").text(), sortNode.required("value").text());
        }
        ProfileNode orderedNode = node.get("ordered");
        boolean ordered = orderedNode == null ? sort != null : orderedNode.bool();
        if (sort != null && !ordered) {
            throw orderedNode.error("cannot be false when read.sort asks for change order");
        }
        PagingProfile paging = paging(node.required("paging"), changes, ordered);
        return new CollectionProfile.Read(path, Map.copyOf(query), records, changes, sort, ordered, paging);
    }

    private PagingProfile paging(ProfileNode node, CollectionProfile.Changes changes, boolean ordered) {
        ProfileNode styleNode = node.required("style");
        return switch (styleNode.text()) {
            case "next_link" -> {
                node.allowOnly("style", "page_size_parameter", "next");
                yield new PagingProfile.NextLink(node.text("page_size_parameter", null), pointer(node.required("next")));
            }
            case "offset" -> {
                node.allowOnly("style", "offset_parameter", "limit_parameter", "total", "has_more", "reanchor");
                boolean possible = changes != null && changes.inclusive() && ordered;
                ProfileNode reanchorNode = node.get("reanchor");
                boolean reanchor = reanchorNode == null ? possible : reanchorNode.bool();
                if (reanchor && !possible) {
                    throw reanchorNode.error("needs records in change order (read.sort or read.ordered) and an"
                            + " inclusive read.changes filter");
                }
                yield new PagingProfile.Offset(node.required("offset_parameter").text(),
                        node.required("limit_parameter").text(), pointer(node.get("total")),
                        pointer(node.get("has_more")), reanchor);
            }
            case "continuation_token" -> {
                node.allowOnly("style", "page_size_parameter", "token", "token_parameter", "token_header");
                String parameter = node.text("token_parameter", null);
                String header = node.text("token_header", null);
                if ((parameter == null) == (header == null)) {
                    throw node.error("continuation_token paging needs exactly one of token_parameter and"
                            + " token_header");
                }
                yield new PagingProfile.ContinuationToken(node.text("page_size_parameter", null),
                        pointer(node.required("token")), parameter, header);
            }
            default -> throw styleNode.error("unknown paging style '" + styleNode.text()
                    + "'; valid styles: next_link, offset, continuation_token");
        };
    }

    private CollectionProfile.RecordShape recordShape(ProfileNode node, CollectionProfile.Changes changes) {
        node.allowOnly("id", "version", "modified", "modified_format");
        ProfileNode formatNode = node.get("modified_format");
        TimeFormat format;
        if (formatNode == null) {
            format = changes != null ? changes.format() : TimeFormat.iso(ZoneOffset.UTC);
        } else if (formatNode.isMapping()) {
            formatNode.allowOnly("format", "pattern", "zone");
            format = timeFormat(formatNode);
        } else {
            format = timeFormat(formatNode.text(), formatNode, null, null);
        }
        return new CollectionProfile.RecordShape(pointer(node.required("id")), pointer(node.get("version")),
                pointer(node.required("modified")), format);
    }

    private TimeFormat timeFormat(ProfileNode node) {
        ProfileNode formatNode = node.get("format");
        return timeFormat(formatNode == null ? "iso" : formatNode.text(), formatNode == null ? node : formatNode,
                node.get("pattern"), node.get("zone"));
    }

    private static TimeFormat timeFormat(String kind, ProfileNode at, ProfileNode patternNode, ProfileNode zoneNode) {
        ZoneId zone = ZoneOffset.UTC;
        if (zoneNode != null) {
            try {
                zone = ZoneId.of(zoneNode.text());
            } catch (DateTimeException e) {
                throw zoneNode.error("'" + zoneNode.text() + "' is not a time zone");
            }
        }
        return switch (kind) {
            case "iso" -> TimeFormat.iso(zone);
            case "epoch_millis" -> TimeFormat.epochMillis();
            case "epoch_seconds" -> TimeFormat.epochSeconds();
            case "pattern" -> {
                if (patternNode == null) {
                    throw at.error("format pattern needs a pattern, e.g. pattern: \"yyyy-MM-dd HH:mm:ss\"");
                }
                try {
                    yield TimeFormat.pattern(patternNode.text(), zone);
                } catch (IllegalArgumentException e) {
                    throw patternNode.error("not a date-time pattern: " + e.getMessage());
                }
            }
            default -> throw at.error("unknown time format '" + kind
                    + "'; valid formats: iso, epoch_millis, epoch_seconds, pattern");
        };
    }

    private CollectionProfile.Write write(ProfileNode node, Set<String> variables, boolean needsId, String method) {
        if (node == null) {
            return null;
        }
        node.allowOnly("method", "path", "record", "version_header");
        ProfileNode methodNode = node.get("method");
        String chosen = methodNode == null ? method : methodNode.text().toUpperCase(Locale.ROOT);
        if (!WRITE_METHODS.contains(chosen)) {
            throw methodNode.error("'" + methodNode.text() + "' is not a write method; valid: POST, PUT, PATCH,"
                    + " DELETE");
        }
        return new CollectionProfile.Write(chosen, path(node.required("path"), variables, needsId),
                pointer(node.get("record")), node.text("version_header", null));
    }

    // ---- enrichment ----

    private EnrichmentProfile enrichment(ProfileNode node, Map<String, CollectionProfile> collections) {
        node.allowOnly("collection", "target", "fields", "hosts");
        ProfileNode collectionNode = node.required("collection");
        CollectionProfile collection = collections.get(collectionNode.text());
        if (collection == null) {
            throw collectionNode.error("no collection '" + collectionNode.text() + "' in this profile");
        }
        if (collection.lookup() == null) {
            throw collectionNode.error("collection '" + collectionNode.text() + "' has no lookup to find records by"
                    + " number");
        }
        ProfileNode targetNode = node.required("target");
        if (!PLAIN_SEGMENT.matcher(targetNode.text()).matches()) {
            throw targetNode.error("'" + targetNode.text() + "' is not a plain field name");
        }
        Map<String, JsonPointer> fields = new LinkedHashMap<>();
        node.required("fields").entries().forEach((name, pointerNode) -> {
            if (!CUSTOM_FIELD.matcher(name).matches()) {
                throw pointerNode.error("'" + name + "' is not a field name (lower snake_case)");
            }
            fields.put(name, pointer(pointerNode));
        });
        Map<String, JsonPointer> hosts = new LinkedHashMap<>();
        node.required("hosts").entries().forEach((host, hostNode) -> {
            hostNode.allowOnly("number");
            hosts.put(host, pointer(hostNode.required("number")));
        });
        if (fields.isEmpty() || hosts.isEmpty()) {
            throw node.error("needs at least one field and one host");
        }
        return new EnrichmentProfile(collectionNode.text(), targetNode.text(), Map.copyOf(fields), Map.copyOf(hosts));
    }

    // ---- values ----

    private static JsonPointer pointer(ProfileNode node) {
        if (node == null) {
            return null;
        }
        String text = node.text();
        if (!text.isEmpty() && !text.startsWith("/")) {
            throw node.error("'" + text + "' is not a JSON pointer: it starts with '/' (e.g. /data), or is empty for"
                    + " the whole document");
        }
        try {
            return JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            throw node.error("'" + text + "' is not a JSON pointer: " + e.getMessage());
        }
    }

    private static PathTemplate path(ProfileNode node, Set<String> variables, boolean needsId) {
        PathTemplate path = template(node, variables, needsId);
        if (!path.toString().startsWith("/")) {
            throw node.error("'" + path + "' must start with '/' (it is appended to the connection's base URL)");
        }
        if (needsId && !path.variables().contains(ID)) {
            throw node.error("'" + path + "' must hold {id}, the record id");
        }
        return path;
    }

    private static PathTemplate template(ProfileNode node, Set<String> variables, boolean idAllowed) {
        PathTemplate template;
        try {
            template = PathTemplate.parse(node.text());
        } catch (IllegalArgumentException e) {
            throw node.error("bad template: " + e.getMessage());
        }
        for (String variable : template.variables()) {
            if (variable.equals(ID) ? !idAllowed : !variables.contains(variable)) {
                throw node.error("bad path template variable {" + variable + "}: " + (variable.equals(ID)
                        ? "{id} is known only in get, update and delete paths"
                        : "not declared under variables (declared: " + (variables.isEmpty() ? "none"
                                : String.join(", ", variables)) + ")"));
            }
        }
        return template;
    }

    /** A JSON pointer written as the mapping engine's path: {@code /a/b} → {@code a.b}, {@code /lines/0} → {@code lines[0]}. */
    private static String mappingPath(ProfileNode node) {
        JsonPointer pointer = pointer(node);
        if (pointer.matches()) {
            throw node.error("a custom field points at a field, not at the whole record");
        }
        StringBuilder path = new StringBuilder();
        for (JsonPointer at = pointer; !at.matches(); at = at.tail()) {
            String segment = at.getMatchingProperty();
            if (at.mayMatchElement() && path.length() > 0) {
                path.append('[').append(at.getMatchingIndex()).append(']');
            } else if (PLAIN_SEGMENT.matcher(segment).matches()) {
                path.append(path.length() == 0 ? "" : ".").append(segment);
            } else {
                path.append("['").append(segment.replace("'", "\\'")).append("']");
            }
        }
        return path.toString();
    }
}
