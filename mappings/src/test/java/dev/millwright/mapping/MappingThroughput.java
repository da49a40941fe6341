package dev.millwright.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millwright.mapping.model.CanonicalJson;
import dev.millwright.mapping.model.WorkOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Prints how many Maximo work orders per second the mapping reads: 1,000,000 reads of lean MXAPIWODETAIL
 * records per scenario, after a warm-up, on one thread. Run:
 * {@code mvn -q -pl mappings exec:java -Dexec.mainClass=dev.millwright.mapping.MappingThroughput
 * -Dexec.classpathScope=test}.
 *
 * <p>Scenarios: records hot in the CPU cache, as in a sync where each record is mapped right after its page
 * was parsed; the same with two custom fields; 10,000 distinct records cycled, so most of each record's
 * tree has left the cache (a pessimistic bound); and parsing the JSON text of each record plus mapping it.
 */
public final class MappingThroughput {

    private static final int READS = 1_000_000;
    private static final int WARM_UP_READS = 1_000_000;
    private static final int CHUNK = 1_000;
    private static final int HOT_RECORDS = 64;
    private static final int COLD_RECORDS = 10_000;
    private static final String[] STATUSES = {"WAPPR", "APPR", "WSCH", "WMATL", "INPRG", "COMP", "CLOSE", "CAN"};

    private MappingThroughput() {
    }

    public static void main(String[] arguments) {
        Mapping<WorkOrder> workOrders = MappingRegistry.of("maximo").mapping("maximo", WorkOrder.class);
        MappingContext context = new MappingContext("maximo-prod", Map.of(), true);
        MappingContext withCustomFields = new MappingContext("maximo-prod",
                Map.of("cf_work_order_id", "workorderid", "cf_class", "woclass"), true);
        ObjectNode[] hot = records(HOT_RECORDS);
        ObjectNode[] cold = records(COLD_RECORDS);
        ObjectMapper mapper = CanonicalJson.mapper();
        byte[][] texts = new byte[COLD_RECORDS][];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = cold[i].toString().getBytes(StandardCharsets.UTF_8);
        }

        Map<String, IntFunction<WorkOrder>> scenarios = new LinkedHashMap<>();
        scenarios.put("hot records", i -> workOrders.read(hot[i % HOT_RECORDS], context).record());
        scenarios.put("hot, 2 custom fields", i -> workOrders.read(hot[i % HOT_RECORDS], withCustomFields).record());
        scenarios.put("cold records (10,000 cycled)", i -> workOrders.read(cold[i % COLD_RECORDS], context).record());
        scenarios.put("JSON text parsed + mapped",
                i -> workOrders.read(parse(mapper, texts[i % COLD_RECORDS]), context).record());

        // the JIT needs more than one scenario's worth of reads before the code settles
        scenarios.values().forEach(read -> run(read, WARM_UP_READS));
        scenarios.forEach(MappingThroughput::measure);
    }

    private static void measure(String label, IntFunction<WorkOrder> read) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startCpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long check = run(read, READS);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - startCpu) / 1e9;
        // CPU time of the mapping thread is steadier than wall time on a machine shared with other work
        System.out.printf("%-29s %,d work orders in %.2f s: %,9.0f records/s (%,9.0f per CPU second) [%d]%n",
                label, READS, seconds, READS / seconds, READS / cpuSeconds, check);
    }

    /** Reads {@code count} records; returns a value depending on every result, so no read can be skipped. */
    private static long run(IntFunction<WorkOrder> read, int count) {
        long check = 0;
        // in chunks, so that the JIT compiles the loop as a method rather than only on stack replacement
        for (int from = 0; from < count; from += CHUNK) {
            check += runChunk(read, from, Math.min(from + CHUNK, count));
        }
        return check;
    }

    private static long runChunk(IntFunction<WorkOrder> read, int from, int to) {
        long check = 0;
        for (int i = from; i < to; i++) {
            WorkOrder workOrder = read.apply(i);
            check += workOrder.id().hashCode() + workOrder.modifiedAt().getNano() + workOrder.status().ordinal();
        }
        return check;
    }

    private static JsonNode parse(ObjectMapper mapper, byte[] text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode[] records(int count) {
        ObjectNode[] records = new ObjectNode[count];
        for (int i = 0; i < count; i++) {
            records[i] = workOrder(i);
        }
        return records;
    }

    /** A lean MXAPIWODETAIL record as the Maximo REST API returns it. */
    static ObjectNode workOrder(int n) {
        Instant reported = Instant.parse("2024-01-01T08:00:00Z").plusSeconds(n * 937L);
        ZoneOffset eastern = ZoneOffset.ofHours(-5);
        String wonum = Integer.toString(1000 + n);
        String key = Base64.getUrlEncoder().encodeToString(("BEDFORD/" + wonum).getBytes());
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("href", "https://maximo.acme.test/maximo/oslc/os/mxapiwodetail/_" + key);
        record.put("_rowstamp", Long.toString(1_800_000L + n));
        record.put("wonum", wonum);
        record.put("siteid", "BEDFORD");
        record.put("orgid", "EAGLENA");
        record.put("workorderid", 5000 + n);
        record.put("description", "Inspect and lubricate pump " + (n % 300));
        record.put("description_longdescription", "Quarterly preventive maintenance, route PM-" + (n % 40));
        String status = STATUSES[n % STATUSES.length];
        record.put("status", status);
        record.put("status_description", status);
        record.put("status_maxvalue", status);
        record.put("wopriority", 1 + n % 5);
        record.put("worktype", n % 3 == 0 ? "PM" : "CM");
        record.put("woclass", "WORKORDER");
        record.put("assetnum", Integer.toString(11000 + n % 700));
        record.put("location", "BR" + (400 + n % 60));
        record.put("lead", "TECH" + (n % 25));
        record.put("targstartdate", text(reported.plusSeconds(86_400), eastern));
        record.put("targcompdate", text(reported.plusSeconds(3 * 86_400), eastern));
        record.put("schedstart", text(reported.plusSeconds(86_400), eastern));
        record.put("schedfinish", text(reported.plusSeconds(86_400 + 8 * 3_600), eastern));
        record.put("actstart", text(reported.plusSeconds(90_000), eastern));
        record.put("actfinish", text(reported.plusSeconds(90_000 + 6 * 3_600 + n % 60), eastern));
        record.put("reportdate", text(reported, eastern));
        record.put("changedate", text(reported.plusSeconds(120_000), eastern));
        record.put("istask", false);
        return record;
    }

    private static String text(Instant instant, ZoneOffset offset) {
        return OffsetDateTime.ofInstant(instant, offset).toString();
    }
}
