package org.recordflow.retrieval;

import java.util.Map;

/**
 * A request's deadline rule, one row of {@code request-deadline.dmn}: days to produce, how they
 * count, what starts the clock, whether a weekend or holiday rolls the deadline (and why), the one
 * extension a provider may take, the follow-up cadence, the firm's target before the deadline,
 * whether lateness is statutory or only firm policy, and the rule's source.
 *
 * @param source the citation, then ": " and what it says (letters quote the citation)
 */
public record DeadlineRule(int dueDays, DayCount dayCount, ClockStart clockStart, boolean rollsToBusinessDay,
                           String rollSource, boolean extensionAllowed, int extensionDays, int followUpDays,
                           int targetDaysBefore, boolean statutory, String source) {

    /** The rule from a decision row's output entries. */
    static DeadlineRule of(Map<String, Object> row) {
        return new DeadlineRule(number(row, "dueDays"), DayCount.valueOf((String) row.get("dayCount")),
                ClockStart.valueOf((String) row.get("clockStart")), Boolean.TRUE.equals(row.get("rollsToBusinessDay")),
                (String) row.get("rollSource"), Boolean.TRUE.equals(row.get("extensionAllowed")), number(row, "extensionDays"),
                number(row, "followUpDays"), number(row, "targetDaysBefore"), Boolean.TRUE.equals(row.get("statutory")),
                (String) row.get("ruleSource"));
    }

    /** The citation a letter may quote: the source up to its first ": ". */
    public String citation() {
        if (source == null) {
            return null;
        }
        int colon = source.indexOf(": ");
        return colon < 0 ? source : source.substring(0, colon);
    }

    /** "15 business days", "30 days": how a letter states the period. */
    public String period() {
        return dueDays + (dayCount == DayCount.BUSINESS ? " business days" : " days");
    }

    private static int number(Map<String, Object> row, String name) {
        Object value = row.get(name);
        return value == null ? 0 : ((Number) value).intValue();
    }
}
