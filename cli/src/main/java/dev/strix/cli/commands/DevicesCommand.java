package dev.strix.cli.commands;

import dev.strix.api.spi.Availability;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.DeviceInfo;
import dev.strix.cli.output.Json;
import dev.strix.cli.output.Table;
import dev.strix.cli.output.Units;
import dev.strix.cli.options.FormatArg;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code strix devices}: every backend and the devices it sees; an unavailable one with the reason. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List every backend and device found; an unavailable one with the reason.")
public final class DevicesCommand extends Subcommand {
    @Mixin
    private FormatArg format;

    /** One backend as the json form shows it. */
    record BackendReport(String name, int priority, boolean available, String reason, List<DeviceReport> devices) {}

    /** One device as the json form shows it. */
    record DeviceReport(String id, String name, String vendor, String type, String version, int computeUnits,
            long memoryBytes, boolean available, String reason, Map<String, String> details) {}

    /** What {@code strix devices --format json} prints. */
    record Report(List<BackendReport> backends, String best) {}

    @Override
    public Integer call() {
        List<BackendReport> backends = new ArrayList<>();
        for (Backend b : root.registry().backends().values()) {
            backends.add(describe(b));
        }
        String best = root.registry().bestBackend().map(Backend::name).orElse(null);
        PrintWriter out = root.out();
        if (format.json()) {
            Json.print(out, new Report(backends, best));
            return 0;
        }
        Table t = new Table().left("BACKEND").left("DEVICE").left("NAME").left("TYPE").right("UNITS").right("MEMORY")
                .left("VERSION").left("STATUS");
        for (BackendReport b : backends) {
            if (b.devices().isEmpty()) {
                t.row(b.name(), "-", "-", "-", "-", "-", "-", status(b.available(), b.reason()));
            }
            for (DeviceReport d : b.devices()) {
                boolean usable = b.available() && d.available();
                String reason = b.available() ? d.reason() : b.reason();
                t.row(b.name(), d.id(), d.name(), d.type(), d.computeUnits(),
                        d.memoryBytes() > 0 ? Units.bytes(d.memoryBytes()) : "?", d.version(), status(usable, reason));
            }
        }
        t.print(out);
        out.println(best == null ? "No backend is available." : "Best available backend: " + best);
        out.flush();
        return 0;
    }

    /**
     * A backend's report. Discovery touches native drivers, so any failure there (a missing OpenCL loader is an
     * UnsatisfiedLinkError) makes the backend unavailable with that reason instead of failing the command.
     */
    private static BackendReport describe(Backend b) {
        Availability a;
        try {
            a = b.availability();
        } catch (RuntimeException | LinkageError e) {
            a = Availability.no(e.toString());
        }
        List<DeviceReport> devices = new ArrayList<>();
        try {
            for (DeviceInfo d : b.devices()) {
                devices.add(new DeviceReport(d.id(), d.name(), d.vendor(), d.type(), d.version(), d.computeUnits(),
                        d.memoryBytes(), d.availability().available(), d.availability().reason(), d.details()));
            }
        } catch (RuntimeException | LinkageError e) {
            if (a.available()) {
                a = Availability.no("device discovery failed: " + e);
            }
        }
        return new BackendReport(b.name(), b.priority(), a.available(), a.reason(), devices);
    }

    private static String status(boolean available, String reason) {
        return available ? "available" : "unavailable: " + reason;
    }
}
