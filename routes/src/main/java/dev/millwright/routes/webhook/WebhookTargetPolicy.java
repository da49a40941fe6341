package dev.millwright.routes.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where webhooks may go: https only, plain http only to allow-listed hosts, and never to an address inside the
 * network (loopback, private, link-local such as cloud metadata, unique-local, wildcard, multicast) unless the host
 * is allow-listed, so a subscription cannot make the runtime call its own neighbours (server-side request forgery).
 * Checked when a subscription is created and again before every attempt, since DNS answers change.
 */
public final class WebhookTargetPolicy {

    private final Set<String> allowedHosts;

    /** @param allowedHosts host names or addresses that may be plain http and inside the network */
    public WebhookTargetPolicy(Set<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(host -> host.trim().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The URL, checked when a subscription is created: a host name that does not resolve yet is accepted (each
     * attempt checks again).
     *
     * @throws WebhookTargetRefusedException naming why the URL is refused
     */
    public URI checkUrl(String url) {
        URI uri = parse(url);
        try {
            checkAddresses(uri, InetAddress.getAllByName(host(uri)));
        } catch (UnknownHostException notYetResolvable) {
            // resolved again before every attempt
        }
        return uri;
    }

    /** The URL before an attempt: its host must resolve, and only to addresses it may reach. */
    public URI checkBeforeSending(String url) {
        URI uri = parse(url);
        try {
            checkAddresses(uri, InetAddress.getAllByName(host(uri)));
        } catch (UnknownHostException e) {
            throw new WebhookTargetRefusedException("the host " + host(uri) + " does not resolve");
        }
        return uri;
    }

    private URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new WebhookTargetRefusedException("not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new WebhookTargetRefusedException("the URL must be absolute https://host/...: " + url);
        }
        if (uri.getRawUserInfo() != null) {
            throw new WebhookTargetRefusedException("the URL must not carry credentials");
        }
        if (scheme.equals("http") && !allowed(uri)) {
            throw new WebhookTargetRefusedException("plain http is allowed only to the allow-listed hosts "
                    + allowedHosts + "; use https");
        }
        return uri;
    }

    private void checkAddresses(URI uri, InetAddress[] addresses) {
        if (allowed(uri)) {
            return;
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                throw new WebhookTargetRefusedException("the host " + host(uri) + " is inside the network ("
                        + address.getHostAddress() + "); only allow-listed hosts may be");
            }
        }
    }

    private boolean allowed(URI uri) {
        return allowedHosts.contains(host(uri).toLowerCase(Locale.ROOT));
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local addresses
            return (bytes[0] & 0xfe) == 0xfc;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        // 100.64.0.0/10 shared address space and 0.0.0.0/8 are not routable to the outside either
        return (first == 100 && second >= 64 && second < 128) || first == 0;
    }
}
