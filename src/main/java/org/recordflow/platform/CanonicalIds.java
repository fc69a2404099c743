package org.recordflow.platform;

import java.util.OptionalLong;
import java.util.regex.Pattern;

import org.springframework.util.NumberUtils;

/**
 * Ids in our URLs and parameters are plain decimal numbers, spelled exactly as {@link Long#toString}
 * writes them: digits 0-9, no sign, no leading zero, no spaces, no hex. Spring's own number binding
 * is lenient ({@code +42}, {@code 042}, {@code 0x2A}, {@code #2A} and {@code " 42"} all read as 42),
 * so access checks must never look at the text of an id, only at the value it stands for, and
 * anything not spelled this way is refused before a handler runs.
 */
public final class CanonicalIds {

    /** Ids are positive and stay far below 10^18. ASCII digits only: {@code [0-9]} excludes other scripts' digits. */
    private static final Pattern CANONICAL = Pattern.compile("[1-9][0-9]{0,17}");

    private CanonicalIds() {
    }

    /** The id's value when {@code text} is its canonical spelling; empty for anything else. */
    public static OptionalLong parse(String text) {
        return text != null && CANONICAL.matcher(text).matches() ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
    }

    /** The value Spring's lenient binding would have read from {@code text} (for the audit of a refusal); empty when none. */
    public static OptionalLong asSpringWouldRead(String text) {
        try {
            return text == null || text.isBlank() ? OptionalLong.empty() : OptionalLong.of(NumberUtils.parseNumber(text, Long.class));
        } catch (IllegalArgumentException notANumber) {
            return OptionalLong.empty();
        }
    }

    /** What a user is told when {@code name} was not spelled canonically. */
    public static String problem(String name) {
        return name + " must be a plain decimal number: digits only, without sign, leading zeros, spaces or hex";
    }
}
