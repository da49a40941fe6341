package dev.millwright.component.netsuite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

import dev.millwright.core.component.SourceClient;
import dev.millwright.core.component.SourceConfiguration;
import dev.millwright.core.component.SourceEndpoint;
import dev.millwright.core.http.ConcurrencyLimit;
import dev.millwright.core.http.ErrorDecoder;
import dev.millwright.core.http.RateLimiter;
import dev.millwright.core.http.SourceHttpClient;

/**
 * Read changes from and write records to Oracle NetSuite through its REST web services: SuiteQL and the record API.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = NetSuiteComponent.SCHEME, title = "Oracle NetSuite",
             syntax = "netsuite:collection", category = {Category.SAAS}, headersClass = NetSuiteConstants.class)
public class NetSuiteEndpoint extends SourceEndpoint {

    @UriParam
    private NetSuiteConfiguration configuration;

    public NetSuiteEndpoint(String uri, NetSuiteComponent component, NetSuiteConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public NetSuiteConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(NetSuiteConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public NetSuiteComponent getComponent() {
        return (NetSuiteComponent) super.getComponent();
    }

    @Override
    protected String inlineConnectionId() {
        String account = configuration.getAccountId() != null ? configuration.getAccountId() : configuration.getBaseUrl();
        return NetSuiteComponent.SCHEME + "@" + account;
    }

    @Override
    protected SourceClient createClient(SourceConfiguration effective) {
        NetSuiteConfiguration settings = (NetSuiteConfiguration) effective;
        String where = "netsuite:" + settings.getCollection();
        boolean hasAccount = !blank(settings.getAccountId());
        if (!hasAccount && blank(settings.getBaseUrl())) {
            throw new IllegalArgumentException(where + " needs an accountId (e.g. 1234567 or 1234567_SB1), a baseUrl,"
                    + " or a connection");
        }
        String readMode = settings.getReadMode() == null ? "suiteql" : settings.getReadMode().trim().toLowerCase(Locale.ROOT);
        if (!readMode.equals("suiteql") && !readMode.equals("record")) {
            throw new IllegalArgumentException(where + ": readMode '" + settings.getReadMode()
                    + "' is neither suiteql nor record");
        }
        if (settings.getMaxQueryResults() < 1) {
            throw new IllegalArgumentException(where + ": maxQueryResults must be positive");
        }
        NetSuiteResources resources = new NetSuiteResources(blank(settings.getBaseUrl())
                ? NetSuiteResources.domainOf(settings.getAccountId()) : settings.getBaseUrl().trim());
        NetSuiteDates dates;
        try {
            dates = NetSuiteDates.of(settings.getTimeZone(), settings.getQueryDateFormat());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        RateLimiter rateLimiter = rateLimiter(settings);
        ConcurrencyLimit concurrency = concurrencyLimit(settings.getMaxConcurrentRequests());
        NetSuiteErrorDecoder errors = new NetSuiteErrorDecoder();
        NetSuiteAuthorizer authorizer = authorizer(settings, where, resources, rateLimiter, concurrency, errors);
        NetSuiteHttp http = new NetSuiteHttp(new SourceHttpClient(settings.httpSettings(), rateLimiter, concurrency,
                errors), authorizer);
        String recordType = NetSuiteRecordTypes.resolve(settings.getCollection(), settings.getRecordType());
        String modifiedField = NetSuiteRecordTypes.modifiedField(recordType, settings.getModifiedField());
        SuiteQlReader suiteQl = null;
        if (readMode.equals("suiteql")) {
            SuiteQlProjection projection = SuiteQlProjection.of(recordType, modifiedField,
                    columns(settings.getExtraColumns()));
            suiteQl = new SuiteQlReader(http, resources, projection, dates, settings.getWhere(),
                    settings.getMaxQueryResults());
        }
        return new NetSuiteClient(http, resources, recordType, modifiedField, dates, suiteQl);
    }

    private NetSuiteAuthorizer authorizer(NetSuiteConfiguration settings, String where, NetSuiteResources resources,
                                          RateLimiter rateLimiter, ConcurrencyLimit concurrency,
                                          NetSuiteErrorDecoder errors) {
        String method = settings.getAuthMethod() == null ? "oauth2" : settings.getAuthMethod().trim().toLowerCase(Locale.ROOT);
        switch (method) {
            case "tba" -> {
                require(where, "accountId (the realm of token-based authentication)", settings.getAccountId());
                require(where, "consumerKey", settings.getConsumerKey());
                require(where, "consumerSecret", settings.getConsumerSecret());
                require(where, "tokenId", settings.getTokenId());
                require(where, "tokenSecret", settings.getTokenSecret());
                return new TokenBasedAuthentication(settings.getAccountId(), settings.getConsumerKey(),
                        settings.getConsumerSecret(), settings.getTokenId(), settings.getTokenSecret(),
                        Clock.systemUTC());
            }
            case "oauth2" -> {
                require(where, "clientId", settings.getClientId());
                require(where, "certificateId", settings.getCertificateId());
                require(where, "privateKey", settings.getPrivateKey());
                PrivateKey key;
                JwtAssertion assertion;
                try {
                    key = PrivateKeys.fromPem(settings.getPrivateKey());
                    assertion = new JwtAssertion(settings.getClientId(), settings.getCertificateId(), key,
                            settings.getSignatureAlgorithm(), columns(settings.getScope()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
                ErrorDecoder tokenErrors = (response, context) -> response.status() == 400 || response.status() == 401
                        ? OAuth2ClientCredentials.refusal(response, context) : errors.decode(response, context);
                String holder = connectionId() + "|" + resources.tokenUrl() + "|" + settings.getClientId() + "|"
                        + settings.getCertificateId() + "|" + assertion.algorithm() + "|" + settings.getScope() + "|"
                        + fingerprint(settings.getPrivateKey());
                return getComponent().tokenHolder(holder, () -> new OAuth2ClientCredentials(resources.tokenUrl(),
                        assertion, new SourceHttpClient(settings.httpSettings(), rateLimiter, concurrency, tokenErrors),
                        Clock.systemUTC()));
            }
            default -> throw new IllegalArgumentException(where + ": authMethod '" + settings.getAuthMethod()
                    + "' is neither oauth2 nor tba");
        }
    }

    private static List<String> columns(String list) {
        List<String> columns = new ArrayList<>();
        if (list != null) {
            for (String column : list.split(",")) {
                if (!column.isBlank()) {
                    columns.add(column.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    /** Tells credentials apart without keeping their text. */
    private static String fingerprint(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void require(String where, String option, String value) {
        if (blank(value)) {
            throw new IllegalArgumentException(where + " needs " + option + " (or a connection that has it)");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
