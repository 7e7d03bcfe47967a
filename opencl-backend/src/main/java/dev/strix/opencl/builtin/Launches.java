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
     * The groups for kernels whose work-items each do much serial work (a register block of a GEMM, rows of a
     * depthwise convolution) on devices whose tuning sets {@code ITEM_GROUPS} (CPUs), else null to let the driver
     * choose. Left to itself PoCL makes one group of up to 4,096 work-items, and a group runs on one core; single
     * work-items per group cost PoCL a fixed overhead each, which dominates when each does little (a GEMM with a
     * short K). So the groups are as large as possible while there are still {@code ITEM_GROUPS} of them per
     * compute unit: dimensions of {@code global}, the last first, are divided by their smallest prime factors
     * until there are.
     */
    public static long[] itemGroups(KernelContext ctx, long[] global) {
        return groupsFor(global, groupTarget(ctx), ctx.device().maxWorkGroupSize());
    }

    /**
     * How many groups {@link #itemGroups} aims for on this device ({@code ITEM_GROUPS} per compute unit), or 0 where
     * the driver chooses; kernels also take a positive target as the sign of a CPU-like device that wants much
     * serial work per work-item.
     */
    public static long groupTarget(KernelContext ctx) {
        int perUnit = ctx.tuning().get("ITEM_GROUPS");
        return perUnit <= 0 ? 0 : (long) perUnit * Math.max(1, ctx.device().computeUnits());
    }

    /**
     * Local sizes dividing {@code global} that give at least {@code wanted} groups (single items at most) of at most
     * {@code maxItems} work-items each (the device's CL_DEVICE_MAX_WORK_GROUP_SIZE), or null when {@code wanted} is
     * 0.
     */
    public static long[] groupsFor(long[] global, long wanted, long maxItems) {
        if (wanted <= 0) {
            return null;
        }
        long[] local = global.clone();
        // The last dimension is split first, the first last: a CPU runtime runs a group's work-items with the
        // first dimension innermost, so neighbours along it share data (a GEMM's B panel) while it stays whole.
        for (int d = local.length - 1; d >= 0 && (groups(global, local) < wanted || items(local) > maxItems); d--) {
            while (local[d] > 1 && (groups(global, local) < wanted || items(local) > maxItems)) {
                local[d] /= smallestFactor(local[d]);
            }
        }
        return local;
    }

    private static long items(long[] local) {
        long n = 1;
        for (long l : local) {
            n *= l;
        }
        return n;
    }

    private static long groups(long[] global, long[] local) {
        long g = 1;
        for (int d = 0; d < global.length; d++) {
            g *= global[d] / local[d];
        }
        return g;
    }

    private static long smallestFactor(long n) {
        for (long f = 2; f * f <= n; f++) {
            if (n % f == 0) {
                return f;
            }
        }
        return n;
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
