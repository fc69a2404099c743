package org.recordflow.casefile;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A holder's requested record types as stored: a comma-separated list in a fixed order. */
final class RecordTypes {

    private RecordTypes() {
    }

    static String format(Set<RecordType> types) {
        return EnumSet.copyOf(types).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<RecordType> parse(String stored) {
        return Arrays.stream(stored.split(",")).map(String::strip).map(RecordType::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RecordType.class)));
    }
}
