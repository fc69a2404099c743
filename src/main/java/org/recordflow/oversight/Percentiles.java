package org.recordflow.oversight;

import java.util.Collection;
import java.util.List;

/**
 * Medians and 90th percentiles computed in Java from fetched values, so that H2 and PostgreSQL give
 * the same answer. Continuous percentile with linear interpolation between the closest ranks (what
 * PostgreSQL's {@code percentile_cont} and spreadsheets' {@code PERCENTILE.INC} compute): the median
 * of 10 and 20 is 15.
 */
final class Percentiles {

    private Percentiles() {
    }

    static Double median(Collection<? extends Number> values) {
        return percentile(values, 0.5);
    }

    static Double p90(Collection<? extends Number> values) {
        return percentile(values, 0.9);
    }

    /** The percentile {@code fraction} (0..1) of the values, or null when there are none. */
    static Double percentile(Collection<? extends Number> values, double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be between 0 and 1: " + fraction);
        }
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
        double position = fraction * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        double lower = sorted.get(below);
        return lower + (sorted.get(above) - lower) * (position - below);
    }
}
