package dev.strix.aparapi;

import dev.strix.aparapi.runtime.ModeRequest;
import dev.strix.api.Strix;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.BackendTestKit;
import java.util.List;

/** Every layer example on Aparapi's Java thread pool. */
class JtpModeTest extends BackendTestKit {
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
        return SessionOptions.defaults().with(ModeRequest.OPTION, "jtp");
    }

    @Override
    protected List<ModelCase> models() {
        return ModelCases.all();
    }

    @Override
    protected String deviceLabel() {
        return "aparapi jtp";
    }
}
