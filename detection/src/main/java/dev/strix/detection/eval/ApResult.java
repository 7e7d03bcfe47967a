package dev.strix.detection.eval;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Average precision per class and their mean. Classes without any counted ground truth have no AP (it is
 * undefined) and are left out of the map and the mean, as the COCO API leaves them out.
 *
 * @param perClass AP by class index, sorted
 * @param mean the mean over {@code perClass}; 0 when it is empty
 */
public record ApResult(Map<Integer, Double> perClass, double mean) {
    public ApResult {
        perClass = Collections.unmodifiableMap(new TreeMap<>(perClass));
    }

    static ApResult of(Map<Integer, Double> perClass) {
        double mean = perClass.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new ApResult(perClass, mean);
    }
}
