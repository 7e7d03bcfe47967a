package dev.strix.models;

import dev.strix.api.spi.ModelFamily;
import dev.strix.api.spi.Plugin;
import dev.strix.models.lenet.LeNet5;
import java.util.Collection;
import java.util.List;

/** Contributes every built-in model family. One line per family. */
public final class ModelsPlugin implements Plugin {
    @Override
    public String name() {
        return "strix-models";
    }

    @Override
    public Collection<ModelFamily> modelFamilies() {
        return List.of(
                new LeNet5());
    }
}
