package dev.strix.opencl.builtin;

import dev.strix.opencl.launch.ClKernel;

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
}
