package dev.strix.opencl.kernel;

/** What one node enqueues on each run: argument setting and launches, no host transfers. */
@FunctionalInterface
public interface Step {
    void enqueue(StepIo io);
}
