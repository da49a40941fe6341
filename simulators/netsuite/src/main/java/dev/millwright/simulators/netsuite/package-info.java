/**
 * A simulator of Oracle NetSuite's REST web services (record API, SuiteQL, OAuth 2.0 client credentials and
 * token-based authentication) for tests, the demo and benchmarks. Start one with
 * {@link dev.millwright.simulators.netsuite.NetSuiteSimulator#builder()}.
 */
package dev.millwright.simulators.netsuite;
