package org.recordflow.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.recordflow.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The days courts and state offices are closed, per state, from {@code retrieval/holidays.json}:
 * data an analyst edits, one line per holiday. A business day is a weekday that is not a holiday of
 * the state. A year the file does not cover is refused, never guessed: a missed holiday would make
 * a rolled deadline too early and claim lateness that is not there.
 */
@Component
public class HolidayCalendar {

    static final String RESOURCE = "retrieval/holidays.json";

    private final Set<Integer> years;
    private final Map<String, Set<LocalDate>> holidays = new HashMap<>();
    private final Map<String, String> sources = new HashMap<>();

    @Autowired
    HolidayCalendar(ObjectMapper json) {
        this(json, open());
    }

    HolidayCalendar(ObjectMapper json, InputStream calendar) {
        try (calendar) {
            CalendarFile file = json.readValue(calendar, CalendarFile.class);
            years = Set.copyOf(file.years());
            file.calendars().forEach((state, entry) -> {
                Set<LocalDate> days = new HashSet<>();
                entry.holidays().forEach(holiday -> days.add(holiday.date()));
                holidays.put(state, days);
                sources.put(state, entry.source());
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    record CalendarFile(String description, List<Integer> years, Map<String, Calendar> calendars) {
    }

    record Calendar(String source, List<Holiday> holidays) {
    }

    record Holiday(LocalDate date, String name) {
    }

    public boolean hasCalendar(String state) {
        return holidays.containsKey(state);
    }

    /** The law listing the state's holidays, as the file cites it. */
    public String source(String state) {
        return sources.get(state);
    }

    /** Stops a rule that needs the state's calendar before anything is created on it. */
    public void requireCalendar(String state) {
        if (!hasCalendar(state)) {
            throw new InvalidInputException("No holiday calendar for " + state + " in " + RESOURCE
                    + ": its deadline rule counts business days or rolls over holidays; an analyst must add the state's holidays");
        }
    }

    /** A weekday that is not a holiday of the state; the state's calendar must cover the year. */
    public boolean isBusinessDay(String state, LocalDate day) {
        requireCalendar(state);
        if (!years.contains(day.getYear())) {
            throw new InvalidInputException("The holiday calendar " + RESOURCE + " does not cover " + day.getYear()
                    + " (needed for a deadline in " + state + " around " + day + "): an analyst must add that year's holidays");
        }
        return isWeekday(day) && !holidays.get(state).contains(day);
    }

    /** Like {@link #isBusinessDay}, but weekends only where the calendar is missing or does not cover the year. */
    boolean isBusinessDayIfKnown(String state, LocalDate day) {
        return hasCalendar(state) && years.contains(day.getYear()) ? isBusinessDay(state, day) : isWeekday(day);
    }

    /** The day itself when it is a business day, else the next one. */
    public LocalDate onOrAfter(String state, LocalDate day) {
        LocalDate date = day;
        while (!isBusinessDay(state, date)) {
            date = date.plusDays(1);
        }
        return date;
    }

    /** The day {@code days} business days after {@code start} (the start day itself not counted). */
    public LocalDate plusBusinessDays(String state, LocalDate start, int days) {
        LocalDate date = start;
        for (int added = 0; added < days; ) {
            date = date.plusDays(1);
            if (isBusinessDay(state, date)) {
                added++;
            }
        }
        return date;
    }

    private static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static InputStream open() {
        try {
            return new ClassPathResource(RESOURCE).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
