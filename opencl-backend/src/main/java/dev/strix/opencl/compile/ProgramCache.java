package dev.strix.opencl.compile;

import dev.strix.opencl.device.ClContext;
import dev.strix.opencl.device.ClStatus;
import dev.strix.opencl.device.Ledger;
import dev.strix.opencl.device.OpenClException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.cl_device_id;
import org.jocl.cl_program;

/**
 * Builds programs and keeps them per (context, device, kernel file, defines, options): the second session that
 * needs a configuration reuses the first build. Thread-safe; a failed build is not cached and raises with the build
 * log. Built with {@code -cl-std=CL1.2}, the language every supported device accepts.
 */
public final class ProgramCache implements AutoCloseable {
    /** Options every build uses. */
    public static final String OPTIONS = "-cl-std=CL1.2";

    private record Key(String file, Defines defines, String options) {}

    private final ClContext context;
    private final Map<Key, ClProgram> programs = new ConcurrentHashMap<>();

    public ProgramCache(ClContext context) {
        this.context = context;
    }

    /** The built-in kernel file {@code group/name} built with {@code defines}, from the cache when possible. */
    public ClProgram get(String file, Defines defines) {
        return get(file, KernelSources.builtIn(file), defines, OPTIONS);
    }

    /**
     * The program for {@code file} (a name for the cache and messages) with source {@code body}, assembled with the
     * define block and the common prelude and built with {@code options}.
     */
    public ClProgram get(String file, String body, Defines defines, String options) {
        Key key = new Key(file, Defines.of().setAll(defines), options);
        return programs.computeIfAbsent(key, k -> build(file, KernelSources.assemble(defines, body), options));
    }

    /** Builds without caching (for the build check); the caller releases the result with {@link #release}. */
    public ClProgram buildUncached(String file, String source, String options) {
        return build(file, source, options);
    }

    /** Releases a program from {@link #buildUncached}. */
    public void release(ClProgram program) {
        program.release();
    }

    /** How many programs the cache holds. */
    public int size() {
        return programs.size();
    }

    private ClProgram build(String file, String source, String options) {
        int[] err = new int[1];
        cl_program p = CL.clCreateProgramWithSource(context.handle(), 1, new String[] {source},
                new long[] {source.getBytes(StandardCharsets.UTF_8).length}, err);
        ClStatus.check(err[0], "clCreateProgramWithSource", file, null);
        context.created(Ledger.Kind.PROGRAM);
        cl_device_id dev = context.device().device();
        int status = CL.clBuildProgram(p, 1, new cl_device_id[] {dev}, options, null, null);
        if (status != CL.CL_SUCCESS) {
            String log = buildLog(p, dev);
            CL.clReleaseProgram(p);
            context.released(Ledger.Kind.PROGRAM);
            throw new OpenClException(status, "clBuildProgram(" + options + ") on " + context.device().label(),
                    file, null, "build log:\n" + log);
        }
        return new ClProgram(p, file, context);
    }

    private static String buildLog(cl_program p, cl_device_id dev) {
        long[] size = new long[1];
        CL.clGetProgramBuildInfo(p, dev, CL.CL_PROGRAM_BUILD_LOG, 0, null, size);
        if (size[0] <= 1) {
            return "(empty)";
        }
        byte[] buf = new byte[(int) size[0]];
        CL.clGetProgramBuildInfo(p, dev, CL.CL_PROGRAM_BUILD_LOG, buf.length, Pointer.to(buf), null);
        return new String(buf, 0, buf.length - 1, StandardCharsets.UTF_8).trim();
    }

    @Override
    public void close() {
        programs.values().forEach(ClProgram::release);
        programs.clear();
    }
}
