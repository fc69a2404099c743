package org.recordflow.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recordflow.support.IntakeForms.holder;
import static org.recordflow.support.IntakeForms.intake;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recordflow.casefile.CaseLifecycleProcess.Phases;
import org.recordflow.support.CaseDriver;
import org.recordflow.support.RecordflowApiClient;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

@RecordflowSpringTest
class IntakeCreatesRoutedRequestsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    RecordflowApiClient paula;
    CaseDriver cases;

    @BeforeEach
    void login() {
        paula = new RecordflowApiClient(http, "paula", "demo");
        cases = new CaseDriver(paula);
    }

    @Test
    void oneRequestPerHolderAndRecordTypeRoutedToItsDepartmentWithItsDeadlineRule() {
        String reference = cases.open(intake("TX", List.of(
                holder("Memorial Hermann Hospital", "HOSPITAL", "FAX", "713-555-0101", "MEDICAL_RECORDS", "BILLS"),
                withReleaseRoute(holder("Houston Orthopedic Group", "PHYSICIAN_GROUP", "EMAIL", "roi@vendor.example"),
                        "ROI_VENDOR"))));
        cases.confirmHolders(reference);

        List<Map<String, Object>> requests = jdbc.sql("""
                select h.name, r.record_type, r.department, r.due_days, r.day_count, r.follow_up_days
                from record_request r join record_holder h on h.id = r.holder_id join case_file c on c.id = r.case_id
                where c.reference = ? order by h.position, r.record_type
                """).param(reference).query().listOfRows();

        assertThat(requests).map(RowValues::of).containsExactly(
                List.of("Memorial Hermann Hospital", "BILLS", "Patient Financial Services (billing office)", 30, "CALENDAR", 10),
                List.of("Memorial Hermann Hospital", "MEDICAL_RECORDS", "Health Information Management (medical records)", 15, "CALENDAR", 10),
                List.of("Houston Orthopedic Group", "MEDICAL_RECORDS", "Release-of-information vendor", 15, "BUSINESS", 10));
    }

    @Test
    void theCasePageListsHoldersRequestsAndAuthorizations() {
        String reference = cases.open(intake("TX", List.of(
                holder("Memorial Hermann Hospital", "HOSPITAL", "FAX", "713-555-0101", "MEDICAL_RECORDS", "BILLS"))));
        cases.confirmHolders(reference);
        long caseId = jdbc.sql("select id from case_file where reference = ?").param(reference).query(Long.class).single();

        String page = http.withBasicAuth("paula", "demo").getForObject("/cases/" + caseId, String.class);

        assertThat(page).contains("Memorial Hermann Hospital").contains("713-555-0101").contains("<td>TX</td>")
                .contains("no action filed")
                .contains("Patient Financial Services (billing office)").contains("Health Information Management")
                .contains("not signed yet").contains("/authorizations/");
        assertThat(http.withBasicAuth("paula", "demo").getForObject("/cases", String.class))
                .contains(reference).contains("/cases/" + caseId);
    }

    @Test
    void eachHolderGetsTheDeadlineRuleOfItsOwnStateNotTheCases() {
        Map<String, Object> texasHospital = holder("Memorial Hermann Hospital", "HOSPITAL", "FAX", "713-555-0101");
        texasHospital.put("state", "tx");
        String reference = cases.open(intake("CA", List.of(texasHospital,
                holder("Sutter Medical Group", "PHYSICIAN_GROUP", "FAX", "916-555-0123"))));
        cases.confirmHolders(reference);

        List<Map<String, Object>> requests = jdbc.sql("""
                select h.name, h.state_code, r.holder_state, r.due_days, r.clock_start, r.statutory, r.rule_source
                from record_request r join record_holder h on h.id = r.holder_id join case_file c on c.id = r.case_id
                where c.reference = ? order by h.position
                """).param(reference).query().listOfRows();

        assertThat(requests).map(RowValues::of).map(row -> row.subList(0, 6)).containsExactly(
                List.of("Memorial Hermann Hospital", "TX", "TX", 15, "RECEIPT_AND_PAYMENT", true),
                List.of("Sutter Medical Group", "CA", "CA", 5, "RECEIPT", true));
        assertThat(requests).map(RowValues::of).map(row -> (String) row.get(6))
                .satisfiesExactly(source -> assertThat(source).startsWith("Tex. Health & Safety Code 241.154"),
                        source -> assertThat(source).startsWith("Cal. Evid. Code 1158"));
    }

    @Test
    void aStateWithoutDeadlineRulesStopsIntakeWithAClearMessageAndCreatesNoRequest() {
        Map<String, Object> seattleHolder = holder("Harborview Medical Center", "HOSPITAL", "MAIL", "325 9th Ave, Seattle WA");
        seattleHolder.put("state", "WA");
        String reference = cases.open(intake("CA", List.of(seattleHolder)));

        var tasks = paula.tasks(Phases.CONFIRM_RECORD_HOLDERS, reference);
        var response = paula.submitTaskForm((String) tasks.get(0).get("id"), Map.of("holdersConfirmed", true));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("message"))
                .contains("Record holder 'Harborview Medical Center': No deadline rule for a AUTHORIZATION request in WA to a "
                        + "HOSPITAL (medical records): an analyst must add a row to request-deadline.dmn");
        assertThat(paula.tasks(Phases.CONFIRM_RECORD_HOLDERS, reference)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from record_request r join case_file c on c.id = r.case_id where c.reference = ?")
                .param(reference).query(Integer.class).single()).isZero();
    }

    private static Map<String, Object> withReleaseRoute(Map<String, Object> holder, String route) {
        holder.put("releasedVia", route);
        return holder;
    }

    /** Column values in select order, whatever case the database gives the column names. */
    static final class RowValues {
        static List<Object> of(Map<String, Object> row) {
            return row.values().stream().map(v -> v instanceof Number n ? (Object) n.intValue() : v).toList();
        }
    }
}
