package dev.strix.opencl.kernel;

import dev.strix.api.Attributes;
import dev.strix.api.IntTensor;
import dev.strix.api.Shape;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Node;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.device.ClDevice;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.ClBuffer;
import java.util.List;

/**
 * What an {@link OpenClKernel} sees while preparing one node of a session: the node, its parameters (after any
 * compile-time folding, such as batch norm into a convolution), the fused epilogue, the device with its tuning, and
 * ways to build kernels, upload constants and reserve scratch memory — all owned and freed by the session.
 */
public interface KernelContext {

    /** The node being compiled (for a fused group, the producer). */
    Node node();

    default String nodeName() {
        return node().name();
    }

    default Attributes attributes() {
        return node().attributes();
    }

    default Shape inputShape(int i) {
        return node().inputs().get(i).shape();
    }

    default List<Shape> inputShapes() {
        return node().inputShapes();
    }

    /** The shape the node's output {@code i} has (for a fused group, the final output's, which is the same). */
    default Shape outputShape(int i) {
        return node().outputShapes().get(i);
    }

    /** The float parameter with local name {@code name}; fails naming the node if absent. */
    Tensor param(String name);

    /** The float parameter {@code name}, or null (an optional bias). */
    Tensor optionalParam(String name);

    /** The integer buffer {@code name}. */
    IntTensor indexParam(String name);

    /** What to apply after the bias; {@link Epilogue#NONE} unless {@link OpenClKernel#fusesEpilogue()}. */
    Epilogue epilogue();

    /** The device compiled for. */
    ClDevice device();

    /** The tunables chosen for this device. */
    Tuning tuning();

    /**
     * A kernel object for function {@code function} of the built-in file {@code file} ({@code group/name} under
     * {@code dev/strix/opencl/kernels/}), built with {@code defines} after the common prelude. Programs are cached
     * per context; the kernel object is the session's.
     */
    ClKernel kernel(String file, String function, Defines defines);

    /**
     * A kernel from a third-party jar: {@code resourcePath} on {@code loader}'s class path, assembled like the
     * built-in files (defines, common prelude, file).
     */
    ClKernel kernel(ClassLoader loader, String resourcePath, String function, Defines defines);

    /** Uploads {@code data} once; the buffer lives as long as the session. */
    ClBuffer constant(String what, float[] data);

    /**
     * Reserves a scratch buffer of {@code floats} values for this node's run only (planned with the activations,
     * so it shares memory with tensors that are dead by then); returns the index for {@link StepIo#scratch}.
     */
    int scratch(long floats);
}
