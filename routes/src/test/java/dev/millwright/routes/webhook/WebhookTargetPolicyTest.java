package dev.millwright.routes.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Where webhooks may go: https only, plain http and inside-the-network addresses only for allow-listed hosts. */
class WebhookTargetPolicyTest {

    private final WebhookTargetPolicy policy = new WebhookTargetPolicy(Set.of("localhost", "127.0.0.1"));
    private final WebhookTargetPolicy strict = new WebhookTargetPolicy(Set.of());

    @Test
    void httpsToAPublicAddressIsAccepted() {
        assertThat(strict.checkUrl("https://93.184.215.14/hooks").getHost()).isEqualTo("93.184.215.14");
        assertThat(strict.checkBeforeSending("https://8.8.8.8:8443/x")).hasToString("https://8.8.8.8:8443/x");
    }

    @Test
    void plainHttpIsRefusedForHostsNotAllowListed() {
        assertThatThrownBy(() -> policy.checkUrl("http://93.184.215.14/hooks"))
                .isInstanceOf(WebhookTargetRefusedException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> strict.checkUrl("http://localhost:8080/hooks"))
                .isInstanceOf(WebhookTargetRefusedException.class);
    }

    @Test
    void plainHttpIsAcceptedForAllowListedHosts() {
        assertThat(policy.checkUrl("http://localhost:8080/hooks").getPort()).isEqualTo(8080);
        assertThat(policy.checkBeforeSending("http://127.0.0.1:9/hooks").getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void addressesInsideTheNetworkAreRefusedUnlessAllowListed() {
        for (String url : new String[] {"https://127.0.0.1/x", "https://localhost/x", "https://10.1.2.3/x",
                "https://172.16.0.9/x", "https://192.168.1.1/x", "https://169.254.169.254/latest/meta-data",
                "https://0.0.0.0/x", "https://100.64.0.1/x", "https://[::1]/x", "https://[fd00::1]/x",
                "https://[fe80::1]/x"}) {
            assertThatThrownBy(() -> strict.checkUrl(url)).as(url).isInstanceOf(WebhookTargetRefusedException.class)
                    .hasMessageContaining("inside the network");
            assertThatThrownBy(() -> strict.checkBeforeSending(url)).as(url)
                    .isInstanceOf(WebhookTargetRefusedException.class);
        }
        assertThat(policy.checkUrl("https://127.0.0.1/x").getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void malformedUrlsCredentialsAndOtherSchemesAreRefused() {
        for (String url : new String[] {"ftp://93.184.215.14/x", "/relative", "not a url", "https:///nohost",
                "https://user:pw@93.184.215.14/x"}) {
            assertThatThrownBy(() -> policy.checkUrl(url)).as(url).isInstanceOf(WebhookTargetRefusedException.class);
        }
    }

    @Test
    void aHostThatDoesNotResolveIsAcceptedAtCreationButRefusedAtSending() {
        String url = "https://no-such-host.invalid/hooks";
        assertThat(strict.checkUrl(url).getHost()).isEqualTo("no-such-host.invalid");
        assertThatThrownBy(() -> strict.checkBeforeSending(url)).isInstanceOf(WebhookTargetRefusedException.class)
                .hasMessageContaining("does not resolve");
    }

    @Test
    void theDispatcherChecksTheTargetBeforeEveryAttemptAndSendsNothingWhenRefused() throws Exception {
        WebhookSettings notLocal = new WebhookSettings(Duration.ofSeconds(2), RetrySchedule.parse("0s,10ms"),
                Duration.ofDays(1), 2, 10, Duration.ofMillis(25), Set.of());
        try (WebhookFixture fixture = new WebhookFixture(notLocal);
                WebhookReceiver receiver = WebhookReceiver.start()) {
            // created while the host was allowed (or resolved outside); now it resolves inside the network
            WebhookSubscription subscription = fixture.subscribe(receiver.url().replace("http:", "https:"),
                    EventTypes.SYSTEM_ERROR);
            fixture.startDispatcher();

            fixture.publish(0);

            await().atMost(Duration.ofSeconds(60)).until(
                    () -> fixture.deliveries.count(subscription.id(), WebhookDelivery.DEAD) == 1);
            WebhookDelivery dead = fixture.deliveries.deliveries(subscription.id(), null, 1).get(0);
            assertThat(dead.attemptLog()).hasSize(2).allMatch(a -> a.statusCode() == null
                    && a.error().startsWith("refused to send") && a.error().contains("inside the network"));
            assertThat(receiver.received()).isEmpty();
        }
    }
}
