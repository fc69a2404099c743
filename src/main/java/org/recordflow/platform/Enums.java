package org.recordflow.platform;

import java.util.Arrays;
import java.util.Locale;

public final class Enums {

    private Enums() {
    }

    /** Parses a form value such as "personal injury" or "PERSONAL_INJURY"; null when absent. */
    public static <E extends Enum<E>> E parse(Class<E> type, String value, String label, Problems problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            problems.add(label + " '" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }
}
