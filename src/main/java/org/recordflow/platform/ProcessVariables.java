package org.recordflow.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Reads process variables as Tasklist's Camunda Forms submit them (dates as ISO strings, numbers as
 * longs or strings) and turns a wrong value into a message that names the field.
 */
public final class ProcessVariables {

    private ProcessVariables() {
    }

    /**
     * A variable's value without deserializing it: a Json or Object variable that is not already
     * deserialized comes back as its serialized text, so that reading it never instantiates a class
     * the sender named nor fails on content the sender malformed.
     */
    public static Object undeserialized(VariableScope scope, String name) {
        TypedValue typed = scope.getVariableTyped(name, false);
        if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
            return serializable.getValueSerialized();
        }
        return typed == null ? null : typed.getValue();
    }

    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    public static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    public static Long id(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is missing");
        }
        return value instanceof Number n ? n.longValue() : Long.valueOf(value.toString());
    }

    /** Parses a money amount as forms submit it ("1,250.00", "$80"); null when absent. */
    public static BigDecimal amount(VariableScope scope, String name, String label) {
        String text = text(scope, name);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", "").replace("$", "").strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(label + " '" + text + "' is not an amount");
        }
    }

    /** Parses an ISO date (2024-03-14, or a date-time whose date part is used); null when absent. */
    public static LocalDate date(VariableScope scope, String name, String label, Problems problems) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        }
        String text = value.toString().strip();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            problems.add(label + " '" + text + "' is not a date (expected YYYY-MM-DD)");
            return null;
        }
    }
}
