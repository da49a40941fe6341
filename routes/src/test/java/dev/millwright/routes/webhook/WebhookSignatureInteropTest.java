package dev.millwright.routes.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpResponse;
import com.openai.errors.InvalidWebhookSignatureException;
import com.openai.models.webhooks.WebhookVerificationParams;
import com.openai.services.blocking.WebhookService;
import com.openai.services.blocking.WebhookServiceImpl;

/**
 * What the dispatcher sends verifies with an independent Standard Webhooks implementation (the OpenAI Java SDK's
 * webhook verifier), not with our own {@link WebhookSignature}.
 */
class WebhookSignatureInteropTest {

    private WebhookFixture fixture;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        fixture = new WebhookFixture(WebhookFixture.FAST);
        receiver = WebhookReceiver.start();
        fixture.startDispatcher();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
        receiver.close();
    }

    @Test
    void aDeliveryVerifiesWithAnIndependentStandardWebhooksVerifier() {
        WebhookSubscription subscription = fixture.subscribe(receiver.url(), EventTypes.SYSTEM_ERROR);
        String secret = subscription.secrets().get(0).secret();

        fixture.publish(1);

        WebhookReceiver.Received request = await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.delivered().stream().findFirst().orElse(null), r -> r != null);
        assertThat(secret).startsWith("whsec_");
        verify(request, secret);
        assertThat(request.signature()).startsWith("v1,").doesNotContain(" ");
        assertThat(request.text()).contains("\"type\":\"system.error\"", "\"id\":\"" + request.id() + "\"",
                "\"connection_id\":\"plant-7\"", "\"data\":{\"n\":1}");
    }

    @Test
    void aTamperedBodyOrAnotherSecretDoesNotVerify() {
        WebhookSubscription subscription = fixture.subscribe(receiver.url(), EventTypes.SYSTEM_ERROR);
        fixture.publish(1);
        WebhookReceiver.Received request = await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.delivered().stream().findFirst().orElse(null), r -> r != null);

        WebhookReceiver.Received tampered = new WebhookReceiver.Received(request.id(), request.timestamp(),
                request.signature(), request.text().replace("\"n\":1", "\"n\":2").getBytes(), 204);
        assertThatThrownBy(() -> verify(tampered, subscription.secrets().get(0).secret()))
                .isInstanceOf(InvalidWebhookSignatureException.class);
        assertThatThrownBy(() -> verify(request, WebhookSecrets.generate()))
                .isInstanceOf(InvalidWebhookSignatureException.class);
    }

    @Test
    void duringARotationEachSecretAloneVerifies() {
        WebhookSubscription subscription = fixture.subscribe(receiver.url(), EventTypes.SYSTEM_ERROR);
        String previous = subscription.secrets().get(0).secret();
        WebhookSubscription rotated = fixture.subscriptions.rotateSecret(subscription.id(), Duration.ofHours(1))
                .orElseThrow();
        String current = rotated.secrets().get(0).secret();
        assertThat(current).isNotEqualTo(previous).startsWith("whsec_");

        fixture.publish(1);

        WebhookReceiver.Received request = await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.delivered().stream().findFirst().orElse(null), r -> r != null);
        assertThat(request.signature().split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        verify(request, previous);
        verify(request, current);
    }

    @Test
    void afterTheOverlapOnlyTheNewSecretSigns() {
        WebhookSubscription subscription = fixture.subscribe(receiver.url(), EventTypes.SYSTEM_ERROR);
        String previous = subscription.secrets().get(0).secret();
        String current = fixture.subscriptions.rotateSecret(subscription.id(), Duration.ZERO).orElseThrow()
                .secrets().get(0).secret();

        fixture.publish(1);

        WebhookReceiver.Received request = await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.delivered().stream().findFirst().orElse(null), r -> r != null);
        assertThat(request.signature().split(" ")).hasSize(1);
        verify(request, current);
        assertThatThrownBy(() -> verify(request, previous)).isInstanceOf(InvalidWebhookSignatureException.class);
    }

    /** Verifies with the OpenAI SDK's Standard Webhooks verifier; throws when the signature does not verify. */
    private static void verify(WebhookReceiver.Received request, String secret) {
        WebhookVerificationParams params = WebhookVerificationParams.builder()
                .payload(request.body())
                .headers(Headers.builder()
                        .put("webhook-id", request.id())
                        .put("webhook-timestamp", request.timestamp())
                        .put("webhook-signature", request.signature())
                        .build())
                .secret(secret)
                .tolerance(Duration.ofMinutes(5))
                .build();
        verifier().verifySignature(params);
    }

    private static WebhookService verifier() {
        ClientOptions options = ClientOptions.builder()
                .httpClient(new NoHttp())
                .apiKey("unused")
                .checkJacksonVersionCompatibility(false)
                .build();
        return new WebhookServiceImpl(options);
    }

    /** The verifier makes no requests; its client options still want an HTTP client. */
    private static final class NoHttp implements HttpClient {
        @Override
        public HttpResponse execute(HttpRequest request, RequestOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
