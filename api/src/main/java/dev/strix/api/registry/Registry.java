package dev.strix.api.registry;

import dev.strix.api.StrixException;
import dev.strix.api.UnknownNameException;
import dev.strix.api.graph.Graph;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.BackendKernel;
import dev.strix.api.spi.LayerType;
import dev.strix.api.spi.LayerTypes;
import dev.strix.api.spi.ModelFamily;
import dev.strix.api.spi.ModelOptions;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the discovered plugins and the caller's modules contribute: layer types, model families (and their
 * variants), backends and backend kernels, each by name. Obtain one with {@link dev.strix.api.Strix#registry()}.
 */
public final class Registry implements LayerTypes {
    private final Map<String, LayerType> layerTypes;
    private final Map<String, ModelFamily> families;
    private final Map<String, Backend> backends;
    private final List<BackendKernel> kernels;
    private final Map<String, ModelFamily> familyByVariant;

    @Inject
    Registry(Map<String, LayerType> layerTypes, Map<String, ModelFamily> families, Map<String, Backend> backends,
            Set<BackendKernel> kernels) {
        this.layerTypes = Collections.unmodifiableMap(new TreeMap<>(layerTypes));
        this.families = Collections.unmodifiableMap(new TreeMap<>(families));
        this.backends = Collections.unmodifiableMap(new TreeMap<>(backends));
        List<BackendKernel> k = new ArrayList<>(kernels);
        k.sort(Comparator.comparing(BackendKernel::backend).thenComparing(BackendKernel::layerType));
        this.kernels = Collections.unmodifiableList(k);
        Map<String, ModelFamily> byVariant = new TreeMap<>();
        for (ModelFamily f : this.families.values()) {
            for (String v : f.variants()) {
                ModelFamily other = byVariant.putIfAbsent(v, f);
                if (other != null) {
                    throw new StrixException("model variant '" + v + "' is offered by two families: '"
                            + other.name() + "' (" + Sources.of(other) + ") and '" + f.name() + "' ("
                            + Sources.of(f) + ")");
                }
            }
        }
        this.familyByVariant = Collections.unmodifiableMap(byVariant);
    }

    @Override
    public LayerType layerType(String name) {
        LayerType t = layerTypes.get(name);
        if (t == null) {
            throw new UnknownNameException("layer type", name, layerTypes.keySet());
        }
        return t;
    }

    @Override
    public Set<String> layerTypeNames() {
        return layerTypes.keySet();
    }

    /** All layer types by name, sorted. */
    public Map<String, LayerType> layerTypes() {
        return layerTypes;
    }

    /** All model families by name, sorted. */
    public Map<String, ModelFamily> modelFamilies() {
        return families;
    }

    /** Every variant name, sorted, with its family. */
    public Map<String, ModelFamily> modelVariants() {
        return familyByVariant;
    }

    /** The family offering {@code variant}; fails listing every known variant. */
    public ModelFamily familyOf(String variant) {
        ModelFamily f = familyByVariant.get(variant);
        if (f == null) {
            throw new UnknownNameException("model", variant, familyByVariant.keySet());
        }
        return f;
    }

    /** Builds the model variant {@code variant} (such as {@code resnet50}) with {@code options}. */
    public Graph model(String variant, ModelOptions options) {
        return familyOf(variant).build(variant, options, this);
    }

    /** All backends by name, sorted. */
    public Map<String, Backend> backends() {
        return backends;
    }

    public Backend backend(String name) {
        Backend b = backends.get(name);
        if (b == null) {
            throw new UnknownNameException("backend", name, backends.keySet());
        }
        return b;
    }

    /** The available backend with the highest priority, if any. */
    public Optional<Backend> bestBackend() {
        return backends.values().stream()
                .filter(b -> b.availability().available())
                .max(Comparator.comparingInt(Backend::priority));
    }

    /** Every backend kernel, sorted by backend and layer type. */
    public List<BackendKernel> backendKernels() {
        return kernels;
    }

    /** The kernels offered for {@code backend}. */
    public <K extends BackendKernel> List<K> backendKernels(String backend, Class<K> type) {
        return kernels.stream().filter(k -> k.backend().equals(backend)).filter(type::isInstance).map(type::cast)
                .toList();
    }
}
