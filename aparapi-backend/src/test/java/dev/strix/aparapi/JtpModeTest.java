package dev.strix.aparapi;

import java.util.List;

/** Every layer example and model family on Aparapi's Java thread pool. */
class JtpModeTest extends AparapiTestKit {
    JtpModeTest() {
        super(null, "jtp");
    }

    @Override
    protected List<ModelCase> models() {
        return ModelCases.all();
    }
}
