package dev.strix.opencl.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Where a session keeps its activations and scratch space: each tensor is assigned a slot (one device buffer), and
 * tensors whose lifetimes do not overlap share a slot. The peak is the sum of the slots; weights are separate.
 *
 * @param slots bytes of each slot
 * @param tensors every planned tensor with its slot and lifetime
 * @param unsharedBytes what the tensors would take with one buffer each (for comparison)
 */
public record MemoryPlan(List<Long> slots, List<Assignment> tensors, long unsharedBytes) {

    /**
     * One tensor's placement.
     *
     * @param name the value ("node:output") or scratch ("node#scratch0") it holds
     * @param bytes its size
     * @param first the step that writes it (0 for graph inputs; step i is position i + 1)
     * @param last the last step that reads it ({@link Integer#MAX_VALUE} for graph outputs)
     * @param slot the slot it lives in
     */
    public record Assignment(String name, long bytes, int first, int last, int slot) {}

    public MemoryPlan {
        slots = List.copyOf(slots);
        tensors = List.copyOf(tensors);
    }

    /** Device memory for activations and scratch at once: the sum of the slots. */
    public long peakBytes() {
        return slots.stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Plans slots for tensors given as (name, bytes, first, last) in any order: each takes the smallest free slot
     * that holds it (one whose last reader ran before it is written), else grows the largest free slot, else opens
     * a new slot.
     */
    public static MemoryPlan plan(List<Assignment> requests) {
        List<Assignment> sorted = new ArrayList<>(requests);
        sorted.sort(Comparator.comparingInt(Assignment::first).thenComparing(Comparator.comparingLong(
                Assignment::bytes).reversed()));
        List<Long> sizes = new ArrayList<>();
        List<Integer> busyUntil = new ArrayList<>();
        List<Assignment> placed = new ArrayList<>();
        long unshared = 0;
        for (Assignment t : sorted) {
            unshared += t.bytes();
            int best = -1;
            for (int s = 0; s < sizes.size(); s++) {
                if (busyUntil.get(s) >= t.first()) {
                    continue;
                }
                if (best < 0) {
                    best = s;
                    continue;
                }
                boolean fits = sizes.get(s) >= t.bytes();
                boolean bestFits = sizes.get(best) >= t.bytes();
                if (fits && (!bestFits || sizes.get(s) < sizes.get(best))
                        || !fits && !bestFits && sizes.get(s) > sizes.get(best)) {
                    best = s;
                }
            }
            if (best < 0) {
                best = sizes.size();
                sizes.add(t.bytes());
                busyUntil.add(t.last());
            } else {
                sizes.set(best, Math.max(sizes.get(best), t.bytes()));
                busyUntil.set(best, t.last());
            }
            placed.add(new Assignment(t.name(), t.bytes(), t.first(), t.last(), best));
        }
        return new MemoryPlan(sizes, placed, unshared);
    }

    /** A table for {@code strix summary}: slots, then each tensor with its slot and lifetime. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "memory plan: %d tensors in %d slots, peak %s (%s without reuse)%n",
                tensors.size(), slots.size(), mib(peakBytes()), mib(unsharedBytes)));
        for (Assignment a : tensors) {
            b.append(String.format(Locale.ROOT, "  slot %3d  %10s  steps %4d..%-4s  %s%n", a.slot(), mib(a.bytes()),
                    a.first(), a.last() == Integer.MAX_VALUE ? "out" : String.valueOf(a.last()), a.name()));
        }
        return b.toString();
    }

    static String mib(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.2f MiB", bytes / (1024.0 * 1024.0));
    }
}
