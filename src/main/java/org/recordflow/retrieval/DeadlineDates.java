package org.recordflow.retrieval;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * A request's two dates from its rule: the legal deadline (counted from the clock's start, rolled
 * to the next business day of the holder's state where the rule's law rolls it) and the firm's
 * internal target, earlier, that follow-ups work to. Pure date arithmetic over the holiday calendar.
 */
@Component
public class DeadlineDates {

    private final HolidayCalendar calendar;

    DeadlineDates(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * @param clockStartedOn  the day the clock started; null while it waits for the fee
     * @param legalDueOn      the last day to produce: a statutory deadline, or the firm's requested date
     *                        where the rule is firm policy; null until the clock starts
     * @param targetOn        the firm's internal target, never after the deadline
     */
    public record Schedule(LocalDate clockStartedOn, LocalDate legalDueOn, LocalDate targetOn) {

        public boolean started() {
            return legalDueOn != null;
        }

        /** The day the request becomes overdue and escalates: the day after the deadline. */
        public LocalDate escalatesOn() {
            return legalDueOn == null ? null : legalDueOn.plusDays(1);
        }
    }

    /** Fails before anything is created on a rule whose state has no holiday calendar but needs one. */
    void requireCalendar(DeadlineRule rule, String state) {
        if (rule.rollsToBusinessDay() || rule.dayCount() == DayCount.BUSINESS) {
            calendar.requireCalendar(state);
        }
    }

    /**
     * The schedule of a request the provider received on {@code receivedOn}; {@code paidOn} is when
     * the fee was paid (null: not yet), {@code returnDate} a subpoena's return date.
     */
    public Schedule schedule(DeadlineRule rule, String state, LocalDate receivedOn, LocalDate paidOn, LocalDate returnDate) {
        LocalDate clockStart = switch (rule.clockStart()) {
            case RECEIPT -> receivedOn;
            case RECEIPT_AND_PAYMENT -> paidOn == null ? null : paidOn.isAfter(receivedOn) ? paidOn : receivedOn;
        };
        if (clockStart == null) {
            return new Schedule(null, null, null);
        }
        LocalDate due = switch (rule.dayCount()) {
            case CALENDAR -> clockStart.plusDays(rule.dueDays());
            case BUSINESS -> calendar.plusBusinessDays(state, clockStart, rule.dueDays());
            case RETURN_DATE -> returnDate;
        };
        if (rule.rollsToBusinessDay()) {
            due = calendar.onOrAfter(state, due);
        }
        return new Schedule(clockStart, due, target(rule, state, due, clockStart));
    }

    /**
     * Firm policy: the deadline less the rule's days, moved back to a business day of the holder's
     * state, and never before the clock started.
     */
    public LocalDate target(DeadlineRule rule, String state, LocalDate due, LocalDate clockStart) {
        LocalDate target = due.minusDays(rule.targetDaysBefore());
        while (!calendar.isBusinessDayIfKnown(state, target) && target.isAfter(clockStart)) {
            target = target.minusDays(1);
        }
        if (target.isBefore(clockStart)) {
            target = clockStart;
        }
        return target.isAfter(due) ? due : target;
    }
}
