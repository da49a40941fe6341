package dev.millwright.mapping.camel;

import dev.millwright.mapping.WriteMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Maps one record per exchange between a system's JSON and the canonical model: with direction=read the
 * body (a raw source record) becomes the typed canonical record; with direction=write the body (a canonical
 * record or canonical JSON) becomes the source JSON object.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "canonical", title = "Canonical Mapping",
        syntax = "canonical:system/collection", producerOnly = true, category = {Category.TRANSFORMATION},
        headersClass = CanonicalConstants.class, remote = false)
public class CanonicalEndpoint extends DefaultEndpoint {

    static final String READ = "read";
    static final String WRITE = "write";

    @UriPath(description = "The system whose records are mapped, e.g. maximo")
    @Metadata(required = true)
    private String system;
    @UriPath(description = "The collection, e.g. work-orders",
            enums = "purchase-orders,work-orders,inventory-items,vendors,assets")
    @Metadata(required = true)
    private String collection;
    @UriParam(defaultValue = READ, enums = "read,write")
    private String direction = READ;
    @UriParam
    private String connection;
    @UriParam(defaultValue = "true")
    private boolean keepRaw = true;
    @UriParam(defaultValue = "create", enums = "create,update")
    private String writeMode = "create";
    @UriParam
    private String customFields;
    @UriParam(label = "advanced")
    private String mappingDirectory;

    public CanonicalEndpoint(String uri, CanonicalComponent component) {
        super(uri, component);
    }

    @Override
    public CanonicalComponent getComponent() {
        return (CanonicalComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new CanonicalProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The canonical component only maps messages sent to it: use to()");
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (!READ.equals(direction) && !WRITE.equals(direction)) {
            throw new IllegalArgumentException("direction must be read or write, not '" + direction + "'");
        }
        WriteMode.fromValue(writeMode);
        parseCustomFields(customFields);
    }

    boolean isWrite() {
        return WRITE.equals(direction);
    }

    /** The customFields option as a map, canonical name → source path. */
    Map<String, String> customFieldMap() {
        return parseCustomFields(customFields);
    }

    /** {@code cf_criticality:priority,cf_crew:crewid} → {cf_criticality=priority, cf_crew=crewid}. */
    static Map<String, String> parseCustomFields(String declarations) {
        if (declarations == null || declarations.isBlank()) {
            return Map.of();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String declaration : declarations.split(",")) {
            int colon = declaration.indexOf(':');
            if (colon <= 0 || colon == declaration.length() - 1) {
                throw new IllegalArgumentException("A custom field is <name>:<source path>, e.g. cf_crew:crewid, "
                        + "not '" + declaration.trim() + "'");
            }
            fields.put(declaration.substring(0, colon).trim(), declaration.substring(colon + 1).trim());
        }
        return Collections.unmodifiableMap(fields);
    }

    public String getSystem() {
        return system;
    }

    /**
     * The system whose records are mapped, e.g. maximo.
     */
    public void setSystem(String system) {
        this.system = system;
    }

    public String getCollection() {
        return collection;
    }

    /**
     * The collection, e.g. work-orders.
     */
    public void setCollection(String collection) {
        this.collection = collection;
    }

    public String getDirection() {
        return direction;
    }

    /**
     * read: the body is one raw source record (JsonNode, Map or JSON text) and becomes the canonical record.
     * write: the body is a canonical record (or canonical JSON, Map or JSON text) and becomes the source
     * JSON object.
     */
    public void setDirection(String direction) {
        this.direction = direction;
    }

    public String getConnection() {
        return connection;
    }

    /**
     * The connection id the records belong to; when not set, the MillwrightConnectionId header gives it.
     */
    public void setConnection(String connection) {
        this.connection = connection;
    }

    public boolean isKeepRaw() {
        return keepRaw;
    }

    /**
     * Whether canonical records carry the raw source record in remote_data.
     */
    public void setKeepRaw(boolean keepRaw) {
        this.keepRaw = keepRaw;
    }

    public String getWriteMode() {
        return writeMode;
    }

    /**
     * For writes: create (every writable field that is not null) or update (only the fields a canonical
     * patch names). The MillwrightWriteMode header overrides it.
     */
    public void setWriteMode(String writeMode) {
        this.writeMode = writeMode;
    }

    public String getCustomFields() {
        return customFields;
    }

    /**
     * Custom fields to read, as name:sourcePath pairs separated by commas, e.g.
     * cf_criticality:priority,cf_crew:crewid. The MillwrightCustomFields header overrides them; without
     * either, a CustomFieldSource bean gives the connection's custom fields.
     */
    public void setCustomFields(String customFields) {
        this.customFields = customFields;
    }

    public String getMappingDirectory() {
        return mappingDirectory;
    }

    /**
     * A directory of mapping files (system/collection.yaml) that win over those on the class path.
     */
    public void setMappingDirectory(String mappingDirectory) {
        this.mappingDirectory = mappingDirectory;
    }
}
