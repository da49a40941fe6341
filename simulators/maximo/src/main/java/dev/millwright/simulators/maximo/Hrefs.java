package dev.millwright.simulators.maximo;

/**
 * Builds the hrefs of one response. With {@code relativeuri=1} they are relative to the context root
 * ({@code oslc/os/mxapiwodetail/_QkVERk9SRC8xMDAw}); otherwise absolute
 * ({@code http://host:port/maximo/oslc/os/...}). The route is {@code oslc} or {@code api}, and the object
 * structure name the one requested (an alias stays an alias), in lower case as Maximo writes it.
 *
 * @param contextRoot     the prefix of every href: {@code http://host:port/maximo/}, or empty for relative hrefs
 * @param route           {@code oslc} or {@code api}
 * @param objectStructure the object structure name in hrefs, e.g. {@code mxapiwodetail}
 */
record Hrefs(String contextRoot, String route, String objectStructure) {

    /** These hrefs made relative when {@code relative} is true ({@code relativeuri=1}). */
    Hrefs relativeIf(boolean relative) {
        return relative ? new Hrefs("", route, objectStructure) : this;
    }

    String collection() {
        return contextRoot + route + "/os/" + objectStructure;
    }

    String member(MaximoRecord record) {
        return collection() + "/" + record.restId();
    }
}
