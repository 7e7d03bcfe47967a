package dev.strix.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strix.api.DeviceException;
import dev.strix.opencl.compile.Defines;
import dev.strix.opencl.compile.ProgramCache;
import dev.strix.opencl.device.ClContext;
import dev.strix.opencl.device.ClDevice;
import dev.strix.opencl.device.ClStatus;
import dev.strix.opencl.device.OpenClException;
import dev.strix.opencl.launch.ClKernel;
import dev.strix.opencl.memory.Allocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Errors name the CL_* status, the call, the kernel and the node, with numbers where limits are exceeded. */
class ErrorsTest {
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> devices() {
        return Devices.arguments();
    }

    @Test
    void statusCodesHaveTheirNames() {
        assertThat(ClStatus.name(-5)).isEqualTo("CL_OUT_OF_RESOURCES");
        assertThat(ClStatus.name(-4)).isEqualTo("CL_MEM_OBJECT_ALLOCATION_FAILURE");
        assertThat(ClStatus.name(-11)).isEqualTo("CL_BUILD_PROGRAM_FAILURE");
        assertThat(ClStatus.name(-54)).isEqualTo("CL_INVALID_WORK_GROUP_SIZE");
        assertThat(ClStatus.name(-9999)).isEqualTo("CL_UNKNOWN_ERROR(-9999)");
        assertThatThrownBy(() -> ClStatus.check(-4, "clEnqueueNDRangeKernel", "conv/im2col:im2col", "layer1.0.conv1"))
                .isInstanceOf(OpenClException.class)
                .hasMessage("clEnqueueNDRangeKernel failed with CL_MEM_OBJECT_ALLOCATION_FAILURE "
                        + "(kernel conv/im2col:im2col) at node 'layer1.0.conv1'");
    }

    @ParameterizedTest
    @MethodSource("devices")
    void aBuildFailureCarriesTheBuildLog(ClDevice device) {
        ClContext ctx = Devices.backend().context(device);
        assertThatThrownBy(() -> ctx.programs().get("test/broken", "__kernel void broken(__global float* x) {"
                + " x[0] = undefined_name; }", Defines.of(), ProgramCache.OPTIONS))
                .isInstanceOf(OpenClException.class)
                .hasMessageContaining("CL_BUILD_PROGRAM_FAILURE")
                .hasMessageContaining("test/broken")
                .hasMessageContaining("build log")
                .hasMessageContaining("undefined_name");
    }

    @ParameterizedTest
    @MethodSource("devices")
    void launchSizesAreCheckedAgainstTheDevice(ClDevice device) {
        ClContext ctx = Devices.backend().context(device);
        try (ClKernel k = ctx.programs().get("activation/activation", Defines.of()).kernel("activation", "fc1");
                var q = ctx.newQueue()) {
            long tooMany = device.maxWorkGroupSize() * 2;
            assertThatThrownBy(() -> k.launch(q, new long[] {tooMany}, new long[] {tooMany}))
                    .isInstanceOf(DeviceException.class)
                    .hasMessageContaining("activation/activation:activation")
                    .hasMessageContaining("node 'fc1'")
                    .hasMessageContaining(String.valueOf(tooMany))
                    .hasMessageContaining(device.name());
            assertThatThrownBy(() -> k.launch(q, new long[] {10}, new long[] {4}))
                    .hasMessageContaining("not a multiple");
        }
    }

    @ParameterizedTest
    @MethodSource("devices")
    void anAllocationAboveTheDeviceLimitNamesBothSizes(ClDevice device) {
        Allocator a = new Allocator(Devices.backend().context(device));
        long floats = device.maxAllocBytes() / Float.BYTES + 1;
        assertThatThrownBy(() -> a.allocate(floats, "layer4 activations"))
                .isInstanceOf(DeviceException.class)
                .hasMessageContaining("layer4 activations")
                .hasMessageContaining(String.valueOf(device.maxAllocBytes()))
                .hasMessageContaining("CL_DEVICE_MAX_MEM_ALLOC_SIZE");
    }
}
