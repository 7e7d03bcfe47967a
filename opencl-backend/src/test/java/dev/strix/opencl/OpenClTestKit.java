package dev.strix.opencl;

import dev.strix.api.Strix;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.BackendTestKit;
import dev.strix.opencl.device.ClDevice;
import dev.strix.opencl.device.DeviceSelector;
import dev.strix.opencl.session.OpenClBackend;
import dev.strix.api.Shape;
import dev.strix.api.spi.ModelOptions;
import java.util.List;
import java.util.Optional;

/**
 * The shared backend test kit on one OpenCL device, chosen by a name fragment; the device's name is in every test's
 * display name so a failure says where it happened.
 */
abstract class OpenClTestKit extends BackendTestKit {
    /** What {@link #deviceRequest()} selects, or empty when this machine lacks the device. */
    static Optional<ClDevice> find(String request) {
        OpenClBackend backend = (OpenClBackend) Strix.registry().backend(OpenClBackend.NAME);
        return backend.clDevices().stream().filter(d -> {
            try {
                return DeviceSelector.select(java.util.List.of(d), Optional.of(request)) != null;
            } catch (RuntimeException e) {
                return false;
            }
        }).findFirst();
    }

    /** The name fragment that selects this kit's device. */
    abstract String deviceRequest();

    @Override
    protected Registry registry() {
        return Strix.registry();
    }

    @Override
    protected Backend backend() {
        return registry().backend(OpenClBackend.NAME);
    }

    @Override
    protected SessionOptions sessionOptions() {
        return SessionOptions.defaults().withDevice(deviceRequest());
    }

    /**
     * One variant of every model family at a small input (10 classes), so the whole test kit stays in minutes:
     * the families' own tests compare them with PyTorch at full size.
     */
    static final List<ModelCase> MODELS = List.of(
            small("lenet5", 1, 32), small("alexnet", 3, 64), small("zfnet", 3, 64), small("vgg11_bn", 3, 32),
            small("nin", 3, 32), small("googlenet", 3, 64), small("inception_v3", 3, 75),
            small("inception_resnet_v2", 3, 75), small("xception", 3, 71), small("resnet18", 3, 32),
            small("resnext50_32x4d", 3, 32), small("se_resnet50", 3, 32), small("densenet121", 3, 32),
            small("mobilenet_v1", 3, 32), small("mobilenet_v2", 3, 32), small("nasnet_a_mobile", 3, 32),
            small("convnext_tiny", 3, 32), small("vit_ti_16", 3, 32), small("swin_t", 3, 64));

    static ModelCase small(String variant, int channels, int size) {
        return new ModelCase(variant, ModelOptions.defaults().withClasses(10).withInput(Shape.of(channels, size,
                size)));
    }

    @Override
    protected List<ModelCase> models() {
        return MODELS;
    }

    @Override
    protected String deviceLabel() {
        return find(deviceRequest()).map(ClDevice::label).orElse(deviceRequest() + " (not found)");
    }
}
