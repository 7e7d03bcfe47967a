package dev.strix.aparapi;

import dev.strix.aparapi.runtime.ModeRequest;
import dev.strix.aparapi.runtime.Transfers;
import dev.strix.api.Strix;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.testkit.BackendTestKit;

/** The shared backend test kit on the Aparapi backend, for one device request and required mode. */
abstract class AparapiTestKit extends BackendTestKit {
    private final String device;
    private final String mode;
    private final Transfers transfers;

    /** {@code device} may be null (the thread pool needs none); {@code mode} is required, so fallbacks fail. */
    AparapiTestKit(String device, String mode) {
        this(device, mode, Transfers.AUTO);
    }

    AparapiTestKit(String device, String mode, Transfers transfers) {
        this.device = device;
        this.mode = mode;
        this.transfers = transfers;
    }

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
        return SessionOptions.defaults().withDevice(device).with(ModeRequest.OPTION, mode)
                .with(Transfers.OPTION, transfers.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    protected String deviceLabel() {
        return "aparapi " + mode + (device == null ? "" : " " + device)
                + (transfers == Transfers.AUTO ? "" : " " + transfers.name().toLowerCase(java.util.Locale.ROOT) + " transfers");
    }
}
