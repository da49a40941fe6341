/**
 * A simulator of IBM Maximo's REST/OSLC JSON API for tests, the demo and benchmarks.
 *
 * <p>The public API: {@link dev.millwright.simulators.maximo.MaximoSimulator} (built with
 * {@code MaximoSimulator.builder()}, then {@code start()}), its live
 * {@link dev.millwright.simulators.common.SimulatorFaults}, the
 * {@link dev.millwright.simulators.common.RecordedRequest}s of its request log, the
 * {@link dev.millwright.simulators.common.PageListener} told of every collection page, the
 * {@link dev.millwright.simulators.maximo.MaximoException} its data access methods throw, and
 * {@link dev.millwright.simulators.maximo.MaximoSimulatorMain} to run it standalone. Everything else is
 * package-private.
 */
package dev.millwright.simulators.maximo;
