package dev.strix.api.spi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this JVM runs with the JDK's signal-chaining library, libjsig, which backends that load OpenCL drivers
 * built on LLVM need.
 *
 * <p>PoCL and Mesa (rusticl, llvmpipe) compile kernels with LLVM, and LLVM installs its own SIGSEGV handler while it
 * compiles, on whichever thread the driver compiles. The JVM raises SIGSEGV on purpose many times a second
 * (safepoint polls, implicit null checks); one that reaches LLVM's handler instead of the JVM's kills the process
 * with "Segmentation fault" and no hs_err file. Preloading libjsig keeps the JVM's handler first and chains LLVM's
 * behind it: {@code LD_PRELOAD=$JAVA_HOME/lib/libjsig.so java ...}. The {@code strix} launcher and the build's tests
 * do this; an application that embeds Strix has to do it in its own start script.
 */
public final class SignalChaining {
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private SignalChaining() {}

    /**
     * Whether libjsig is loaded, judged from {@code /proc/self/maps}. Off Linux the question does not arise in the
     * same form and the answer is true.
     */
    public static boolean active() {
        Path maps = Path.of("/proc/self/maps");
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")
                || !Files.isReadable(maps)) {
            return true;
        }
        try (var lines = Files.lines(maps)) {
            return lines.anyMatch(line -> line.contains("/libjsig."));
        } catch (IOException | java.io.UncheckedIOException e) {
            return true;
        }
    }

    /** The command line change that turns signal chaining on for this JVM. */
    public static String advice() {
        return "start the JVM with LD_PRELOAD=" + Path.of(System.getProperty("java.home"), "lib", "libjsig.so");
    }

    /**
     * Logs one warning per JVM, naming the caller's reason, when libjsig is not loaded. Backends call this before
     * they load an OpenCL driver.
     *
     * @param backend the backend about to load native drivers, for the message
     */
    public static void warnIfInactive(String backend) {
        if (!active() && WARNED.compareAndSet(false, true)) {
            System.getLogger(SignalChaining.class.getName()).log(System.Logger.Level.WARNING, backend
                    + ": the JVM runs without libjsig; OpenCL drivers built on LLVM (PoCL, Mesa) can then crash it "
                    + "with a segmentation fault while they compile kernels; " + advice());
        }
    }
}
