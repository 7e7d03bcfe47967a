package dev.strix.aparapi.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;
import com.aparapi.internal.kernel.KernelManager;
import dev.strix.aparapi.device.AparapiDevices;
import dev.strix.aparapi.device.Target;
import java.util.Collection;
import org.junit.jupiter.api.Test;

/**
 * A launch pinned to PoCL executes there, and one pinned to the thread pool executes on Java threads, as Aparapi's
 * own per-class execution profile records (the probe kernel class is used by nothing else).
 */
class LaunchTest {
    private static ProbeKernel probe(float[] x, float[] y) {
        ProbeKernel k = new ProbeKernel();
        k.x = x;
        k.y = y;
        k.n = x.length;
        return k;
    }

    private static Collection<Device> devicesThatRanTheProbe() {
        return KernelManager.instance().getProfile(ProbeKernel.class).getDevices();
    }

    @Test
    void openClThenThreadPool() {
        Target pocl = AparapiDevices.get().select("portable");
        float[] x = {-1f, 2f, -3f, 4f, 5f};
        float[] y = new float[5];
        try (Launch l = new Launch("probe", probe(x, y), 5).reads(x).writes(y)) {
            l.prepare(pocl, ModeRequest.OPENCL);
            l.run();
            assertThat(l.ranIn()).isEqualTo(Mode.OPENCL);
            assertThat(l.fallbackReason()).isEmpty();
        }
        assertThat(y).containsExactly(-2f, 4f, -6f, 8f, 10f);
        assertThat(devicesThatRanTheProbe()).containsExactly(pocl.device());

        float[] z = new float[5];
        try (Launch l = new Launch("probe", probe(x, z), 5).reads(x).writes(z)) {
            l.prepare(Target.threadPool(), ModeRequest.JTP);
            l.run();
            assertThat(l.ranIn()).isEqualTo(Mode.JTP);
        }
        assertThat(z).containsExactly(-2f, 4f, -6f, 8f, 10f);
        assertThat(devicesThatRanTheProbe()).containsExactlyInAnyOrder(pocl.device(), JavaDevice.THREAD_POOL);
    }

    /**
     * Both ways of moving arrays see a new input on every run and deliver every output: implicit (PoCL's default:
     * the buffers are the arrays) and explicit (a GPU's: put before, fetched after), which puts constants once.
     */
    @Test
    void everyRunSeesItsInputBothWays() {
        Target pocl = AparapiDevices.get().select("portable");
        assertThat(pocl.sharesHostMemory()).isTrue();
        for (Target t : new Target[] {pocl, pocl.withExplicitTransfers()}) {
            float[] x = {1f, 2f, 3f};
            float[] y = new float[3];
            try (Launch l = new Launch("probe", probe(x, y), 3).reads(x).writes(y)) {
                l.prepare(t, ModeRequest.OPENCL);
                l.run();
                assertThat(y).as("first run, shared memory %s", t.sharesHostMemory()).containsExactly(2f, 4f, 6f);
                x[1] = -5f;
                l.run();
                assertThat(y).as("second run, shared memory %s", t.sharesHostMemory()).containsExactly(2f, -10f, 6f);
            }
        }
    }
}
