package dev.strix.opencl.bench;

import dev.strix.api.Strix;

/** Prints every model variant with its family (a helper for choosing benchmark and test cases). */
public final class ListModels {
    private ListModels() {}

    public static void main(String[] args) {
        Strix.registry().modelVariants().forEach((v, f) -> System.out.println(f.name() + " " + v));
    }
}
