package dev.millwright.simulators.prometheusgroup;

import static dev.millwright.simulators.prometheusgroup.TestHttp.getWith;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/** 200,000 work orders in the module's test heap (-Xmx512m), served page by page. */
class ScaleTest {

    private static final Logger LOG = LoggerFactory.getLogger(ScaleTest.class);

    @Test
    void twoHundredThousandWorkOrdersAreServedFromTheChangeIndex() {
        long started = System.nanoTime();
        try (PrometheusGroupSimulator pg = PrometheusGroupSimulator.builder().workOrders(200_000).assets(1_000)
                .build().start()) {
            LOG.info("200,000 work orders generated and served after {} ms", (System.nanoTime() - started) / 1_000_000);
            String url = pg.baseUrl() + "/api/v1/workorders?sort=lastModified&limit=1000";
            int pages = 0;
            int records = 0;
            while (url != null && pages < 5) {
                JsonNode page = getWith(url).json();
                records += page.get("data").size();
                url = page.at("/links/next").isMissingNode() ? null : page.at("/links/next").asText();
                pages++;
            }

            assertThat(pg.count(PrometheusGroupSimulator.WORK_ORDERS)).isEqualTo(200_000);
            assertThat(records).isEqualTo(5_000);
        }
    }
}
