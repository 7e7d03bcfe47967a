package dev.strix.aparapi;

import dev.strix.aparapi.runtime.ModeRequest;
import dev.strix.api.Strix;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.BackendTestKit;
import java.util.List;

/**
 * Every layer example through Aparapi's OpenCL translation on PoCL's CPU device, with OpenCL required: a kernel that
 * fell back to the thread pool would fail the test instead of passing unnoticed.
 */
class OpenClModeTest extends BackendTestKit {
    @Override
    protected Registry registry() {
        return Strix.registry();
    }

    @Override
    protected Backend backend() {
        return registry().backend(AparapiBackend.NAME);
    }

    @Override
    protected SessionOptions sessionOptions() {
        return SessionOptions.defaults().withDevice("portable").with(ModeRequest.OPTION, "opencl");
    }

    @Override
    protected List<ModelCase> models() {
        return ModelCases.all();
    }

    @Override
    protected String deviceLabel() {
        return "aparapi opencl pocl";
    }
}
