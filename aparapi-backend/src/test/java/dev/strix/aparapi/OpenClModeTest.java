package dev.strix.aparapi;

import java.util.List;

/**
 * Every layer example and model family through Aparapi's OpenCL translation on PoCL's CPU device, with OpenCL
 * required: a kernel that fell back to the thread pool would fail the test instead of passing unnoticed.
 */
class OpenClModeTest extends AparapiTestKit {
    OpenClModeTest() {
        super("portable", "opencl");
    }

    @Override
    protected List<ModelCase> models() {
        return ModelCases.all();
    }
}
