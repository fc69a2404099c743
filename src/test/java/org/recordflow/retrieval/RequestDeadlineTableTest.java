package org.recordflow.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.recordflow.casefile.HolderType;
import org.recordflow.casefile.LegalBasis;
import org.recordflow.casefile.RecordType;
import org.recordflow.support.ProcessEngineTests;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shipped request-deadline.dmn, evaluated by the engine for each request of
 * {@code retrieval/request-deadlines.csv}, and the shipped holiday calendars: the rule each row
 * cites, whether lateness is statutory, the extension allowed, the legal deadline, the firm's
 * target and the day the request escalates, all worked out by hand in the file.
 */
@Deployment(resources = "processes/request-deadline.dmn")
class RequestDeadlineTableTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineTests.extension();

    ProcessEngine processEngine;
    RequestRules rules;
    DeadlineDates dates;

    @BeforeEach
    void rules() {
        rules = new RequestRules(processEngine.getDecisionService());
        dates = new DeadlineDates(new HolidayCalendar(new ObjectMapper().findAndRegisterModules()));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} received {6}: {15}")
    @CsvFileSource(resources = "/retrieval/request-deadlines.csv", numLinesToSkip = 1)
    void eachRequestGetsTheDeadlinesOfTheRuleItCites(LegalBasis basis, String holderState, HolderType holderType,
                                                     RecordType records, boolean actionFiled, boolean defendantAppeared,
                                                     LocalDate receivedOn, LocalDate paidOn, LocalDate returnDate,
                                                     LocalDate legalDue, LocalDate target, LocalDate escalatesOn,
                                                     String extension, boolean statutory, String rule, String why) {
        DeadlineRule applied = rules.deadline(new DeadlineFacts(basis, holderState, holderType, records, actionFiled,
                defendantAppeared));

        assertThat(applied.source()).as("source of the rule").contains(rule);
        assertThat(applied.statutory()).as("lateness is statutory").isEqualTo(statutory);
        assertThat(applied.extensionAllowed() ? String.valueOf(applied.extensionDays()) : "none").as("extension").isEqualTo(extension);
        assertThat(applied.rollSource()).as("why it rolls or not").isNotBlank();
        var schedule = dates.schedule(applied, holderState, receivedOn, paidOn, returnDate);
        assertThat(schedule.legalDueOn()).as("legal deadline").isEqualTo(legalDue);
        assertThat(schedule.targetOn()).as("firm's target").isEqualTo(target);
        assertThat(schedule.escalatesOn()).as("escalates on").isEqualTo(escalatesOn);
        if (schedule.started()) {
            assertThat(schedule.targetOn()).as("the target comes first").isBeforeOrEqualTo(schedule.legalDueOn());
        }
    }
}
