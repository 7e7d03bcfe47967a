/**
 * The side-by-side benchmark: Strix against ONNX Runtime's CPU provider on the same weights, the same inputs and the
 * same machine, alternating runs so that both see the same load. {@link dev.strix.benchmarks.SideBySide} is the
 * entry point; the ONNX files and weights come from {@code tools/onnx/export.py}. This is a benchmark, not a test:
 * the module's unit tests check the statistics, the alternation and the report, never a speed.
 */
package dev.strix.benchmarks;
