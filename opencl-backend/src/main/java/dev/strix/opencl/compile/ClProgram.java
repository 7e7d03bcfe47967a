package dev.strix.opencl.compile;

import dev.strix.opencl.device.ClContext;
import dev.strix.opencl.device.ClStatus;
import dev.strix.opencl.device.Ledger;
import dev.strix.opencl.launch.ClKernel;
import org.jocl.CL;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

/** A built program; owned by the {@link ProgramCache}, which releases it when the context closes. */
public final class ClProgram {
    private final cl_program program;
    private final String file;
    private final ClContext context;

    ClProgram(cl_program program, String file, ClContext context) {
        this.program = program;
        this.file = file;
        this.context = context;
    }

    public cl_program handle() {
        return program;
    }

    /** The kernel file this program was built from. */
    public String file() {
        return file;
    }

    /** A new kernel object for {@code name}; the caller owns and closes it. {@code node} is named in errors. */
    public ClKernel kernel(String name, String node) {
        int[] err = new int[1];
        cl_kernel k = CL.clCreateKernel(program, name, err);
        ClStatus.check(err[0], "clCreateKernel", file + ":" + name, node);
        context.created(Ledger.Kind.KERNEL);
        return new ClKernel(k, file + ":" + name, node, context);
    }

    void release() {
        CL.clReleaseProgram(program);
        context.released(Ledger.Kind.PROGRAM);
    }
}
