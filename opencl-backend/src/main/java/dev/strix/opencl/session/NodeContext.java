package dev.strix.opencl.session;

import dev.strix.api.IntTensor;
import dev.strix.api.Tensor;
import dev.strix.api.WeightsException;
import dev.strix.api.graph.Node;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.compile.KernelSources;
import dev.strix.opencl.compile.ProgramCache;
import dev.strix.opencl.device.ClContext;
import dev.strix.opencl.device.ClDevice;
import dev.strix.opencl.kernel.Epilogue;
import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.Tuning;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.Allocator;
import dev.strix.opencl.memory.ClBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link KernelContext} of one planned node: what the kernel builds or uploads is recorded in the session's
 * {@link Resources}, so closing the session frees it; scratch requests are collected for the memory plan.
 */
final class NodeContext implements KernelContext {
    private final PlannedNode planned;
    private final ClContext context;
    private final Allocator allocator;
    private final Tuning tuning;
    private final Resources resources;
    private final List<Long> scratch = new ArrayList<>();

    NodeContext(PlannedNode planned, ClContext context, Allocator allocator, Tuning tuning, Resources resources) {
        this.planned = planned;
        this.context = context;
        this.allocator = allocator;
        this.tuning = tuning;
        this.resources = resources;
    }

    @Override
    public Node node() {
        return planned.node();
    }

    @Override
    public Tensor param(String name) {
        Tensor t = planned.params().get(name);
        if (t == null) {
            throw new WeightsException("node '" + nodeName() + "' has no parameter '" + name + "'; it has "
                    + planned.params().keySet());
        }
        return t;
    }

    @Override
    public Tensor optionalParam(String name) {
        return planned.params().get(name);
    }

    @Override
    public IntTensor indexParam(String name) {
        IntTensor t = planned.indexParams().get(name);
        if (t == null) {
            throw new WeightsException("node '" + nodeName() + "' has no index buffer '" + name + "'");
        }
        return t;
    }

    @Override
    public Epilogue epilogue() {
        return planned.epilogue();
    }

    @Override
    public ClDevice device() {
        return context.device();
    }

    @Override
    public Tuning tuning() {
        return tuning;
    }

    @Override
    public ClKernel kernel(String file, String function, Defines defines) {
        return resources.own(context.programs().get(file, defines).kernel(function, nodeName()));
    }

    @Override
    public ClKernel kernel(ClassLoader loader, String resourcePath, String function, Defines defines) {
        String body = KernelSources.resource(loader, resourcePath);
        return resources.own(context.programs().get(resourcePath, body, defines, ProgramCache.OPTIONS)
                .kernel(function, nodeName()));
    }

    @Override
    public ClBuffer constant(String what, float[] data) {
        return resources.own(allocator.upload(data, nodeName() + "/" + what));
    }

    @Override
    public int scratch(long floats) {
        scratch.add(Math.max(1, floats) * Float.BYTES);
        return scratch.size() - 1;
    }

    /** Bytes of each scratch buffer requested, in order. */
    List<Long> scratchBytes() {
        return scratch;
    }
}
