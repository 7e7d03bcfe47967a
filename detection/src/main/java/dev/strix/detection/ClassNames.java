package dev.strix.detection;

import java.util.List;

/** Class names by index; an index without a name is called {@code class <index>}. */
public record ClassNames(List<String> names) {
    public ClassNames {
        names = List.copyOf(names);
    }

    public static ClassNames none() {
        return new ClassNames(List.of());
    }

    public String of(int index) {
        return index >= 0 && index < names.size() ? names.get(index) : "class " + index;
    }

    public int size() {
        return names.size();
    }
}
