package dev.strix.opencl.builtin;

import dev.strix.opencl.kernel.KernelContext;
import dev.strix.opencl.kernel.Step;
import dev.strix.opencl.kernel.StepIo;
import dev.strix.opencl.launch.ClKernel;
import java.util.function.Consumer;

/** Launch-size arithmetic shared by the built-in kernels. */
public final class Launches {
    private Launches() {}

    /** {@code n} rounded up to a multiple of {@code m} (OpenCL 1.2 wants global sizes divisible by the group). */
    public static long roundUp(long n, long m) {
        return (n + m - 1) / m * m;
    }

    /**
     * The work-group size for {@code kernel}: the tuned {@code wanted}, lowered to the largest power of two the
     * kernel allows on its device (CL_KERNEL_WORK_GROUP_SIZE; rusticl's llvmpipe allows 32).
     */
    public static int group(ClKernel kernel, int wanted) {
        long limit = Math.min(wanted, kernel.maxGroupSize());
        int g = 1;
        while (g * 2L <= limit) {
            g *= 2;
        }
        return g;
    }

    /**
     * Fails, naming the node, when one work-item would run more loop iterations than the device's budget (the
     * tuning's {@code LOOP_BUDGET}; llvmpipe silently ends loops beyond it), rather than returning wrong values.
     */
    public static void requireLoops(KernelContext ctx, long iterations, String what) {
        int budget = ctx.tuning().get("LOOP_BUDGET");
        if (budget > 0 && iterations >= budget) {
            throw new dev.strix.api.DeviceException("node '" + ctx.nodeName() + "': " + what + " needs " + iterations
                    + " loop iterations per work-item; " + ctx.device().label() + " ends loops after " + budget);
        }
    }

    /**
     * The group for kernels whose work-items each do much serial work (a register block of a GEMM, rows of a
     * depthwise convolution): single work-items where the tuning's {@code ITEM_GROUPS} asks for it (PoCL, which
     * would otherwise put up to 4,096 work-items in one group on one core), else null to let the driver choose.
     */
    public static long[] itemGroups(KernelContext ctx, int dims) {
        if (ctx.tuning().get("ITEM_GROUPS") != 1) {
            return null;
        }
        long[] ones = new long[dims];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    /** The work-group for {@code kernel} from the session's tuning. */
    public static int group(ClKernel kernel, KernelContext ctx) {
        return group(kernel, ctx.tuning().workGroup());
    }

    /** A step that sets arguments with {@code args}, then launches {@code kernel} over {@code n} work-items. */
    public static Step elementwise(ClKernel kernel, KernelContext ctx, long n, Consumer<StepIo> args) {
        int wg = group(kernel, ctx);
        long[] global = {roundUp(Math.max(1, n), wg)};
        long[] local = {wg};
        return io -> {
            args.accept(io);
            io.launch(kernel, global, local);
        };
    }

    /** A step over (n rounded up, planes) work-items for kernels that take one plane per row. */
    public static Step planes(ClKernel kernel, KernelContext ctx, long n, long planes, Consumer<StepIo> args) {
        int wg = group(kernel, ctx);
        long[] global = {roundUp(Math.max(1, n), wg), planes};
        long[] local = {wg, 1};
        return io -> {
            args.accept(io);
            io.launch(kernel, global, local);
        };
    }
}
