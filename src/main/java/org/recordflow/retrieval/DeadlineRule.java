package org.recordflow.retrieval;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * A request's deadline rule from {@code request-deadline.dmn}: days to produce, how they count,
 * whether one extension is allowed, and how often to follow up.
 */
public record DeadlineRule(int dueDays, DayCount dayCount, boolean extensionAllowed, int extensionDays,
                           int followUpDays, String source) {

    /** The legal due date for a request the provider received on {@code receivedOn}. */
    public LocalDate dueDate(LocalDate receivedOn, LocalDate returnDate) {
        return switch (dayCount) {
            case CALENDAR -> receivedOn.plusDays(dueDays);
            case BUSINESS -> plusBusinessDays(receivedOn, dueDays);
            case RETURN_DATE -> returnDate;
        };
    }

    static LocalDate plusBusinessDays(LocalDate start, int days) {
        LocalDate date = start;
        int added = 0;
        while (added < days) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return date;
    }
}
