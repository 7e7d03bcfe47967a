package dev.strix.cli;

import dev.strix.api.DeviceException;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.reference.ReferenceBackend;
import dev.strix.api.spi.Availability;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.DeviceInfo;
import dev.strix.api.spi.Plugin;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.weights.Weights;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Backends for the command's tests: {@code fake} (priority 10) runs the reference executor but reports a device
 * "Fake Device" with a stated peak of 100 GFLOP/s; {@code absent} (priority 50) is unavailable ("no driver");
 * {@code broken} (priority 5) throws while discovering devices.
 */
final class FakeBackends implements Plugin {
    static final double PEAK = 100;

    @Override
    public String name() {
        return "cli-test-backends";
    }

    @Override
    public Collection<Backend> backends() {
        return List.of(new Fake(), new Absent(), new Broken());
    }

    static final class Fake implements Backend {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public int priority() {
            return 10;
        }

        @Override
        public Availability availability() {
            return Availability.yes();
        }

        @Override
        public List<DeviceInfo> devices() {
            return List.of(new DeviceInfo("f0", "Fake Device", "Strix tests", "CPU", "1.0", 4, 1L << 30,
                    Availability.yes(), Map.of("peak_gflops", String.valueOf(PEAK))));
        }

        @Override
        public Session compile(Graph graph, Weights weights, SessionOptions options) {
            if (options.device() != null && !options.device().equals("f0")) {
                throw new DeviceException("fake backend has no device '" + options.device() + "'");
            }
            Session inner = new ReferenceBackend().compile(graph, weights, options);
            return new Session() {
                @Override
                public Graph graph() {
                    return inner.graph();
                }

                @Override
                public String backend() {
                    return "fake";
                }

                @Override
                public String device() {
                    return "Fake Device";
                }

                @Override
                public List<Tensor> run(List<Tensor> inputs) {
                    return inner.run(inputs);
                }

                @Override
                public void close() {
                    inner.close();
                }
            };
        }
    }

    static final class Absent implements Backend {
        @Override
        public String name() {
            return "absent";
        }

        @Override
        public int priority() {
            return 50;
        }

        @Override
        public Availability availability() {
            return Availability.no("no driver");
        }

        @Override
        public List<DeviceInfo> devices() {
            return List.of();
        }

        @Override
        public Session compile(Graph graph, Weights weights, SessionOptions options) {
            throw new DeviceException("absent backend cannot compile");
        }
    }

    static final class Broken implements Backend {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public int priority() {
            return 5;
        }

        @Override
        public Availability availability() {
            return Availability.yes();
        }

        @Override
        public List<DeviceInfo> devices() {
            throw new UnsatisfiedLinkError("libOpenCL.so.1: cannot open shared object file");
        }

        @Override
        public Session compile(Graph graph, Weights weights, SessionOptions options) {
            throw new DeviceException("broken backend cannot compile");
        }
    }
}
