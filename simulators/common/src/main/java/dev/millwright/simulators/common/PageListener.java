package dev.millwright.simulators.common;

/**
 * Told about every collection page the simulator renders, after rendering and before the page is
 * written to the client, so that a test can change data in the middle of a client's paged read.
 */
@FunctionalInterface
public interface PageListener {
    /**
     * @param objectStructure the upper-case object structure name, e.g. {@code MXAPIWODETAIL}
     * @param pageNumber      the page just rendered, starting at 1
     */
    void pageServed(String objectStructure, int pageNumber);
}
