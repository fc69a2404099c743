package org.recordflow.retrieval;

import org.recordflow.casefile.LegalBasis;
import org.recordflow.casefile.RecordType;
import org.recordflow.casefile.SendChannel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RecordRequestRepository {

    private static final String SELECT = """
            select r.id, r.case_id, r.holder_id, h.name as holder_name, r.record_type, r.legal_basis, r.status,
                   r.channel, r.sent_on, r.provider_received_on, r.produced_on, r.production_outcome,
                   r.process_instance_id
            from record_request r join record_holder h on h.id = r.holder_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    RecordRequestRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates the request unless one exists for this holder and record type; true when created. */
    boolean insertIfAbsent(long caseId, long holderId, RecordType type, LegalBasis basis) {
        int existing = jdbc.sql("select count(*) from record_request where holder_id = ? and record_type = ?")
                .params(holderId, type.name()).query(Integer.class).single();
        if (existing > 0) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into record_request (case_id, holder_id, record_type, legal_basis, status, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(caseId, holderId, type.name(), basis.name(), RequestStatus.TO_SEND.name(), now, now)
                .update();
        return true;
    }

    List<Long> idsForCase(long caseId) {
        return jdbc.sql("""
                select r.id from record_request r join record_holder h on h.id = r.holder_id
                where r.case_id = ? order by h.position, r.record_type
                """).param(caseId).query(Long.class).list();
    }

    List<RecordRequest> forCase(long caseId) {
        return jdbc.sql(SELECT + " where r.case_id = ? order by h.position, r.record_type")
                .param(caseId).query(RecordRequestRepository::map).list();
    }

    Optional<RecordRequest> find(long requestId) {
        return jdbc.sql(SELECT + " where r.id = ?").param(requestId).query(RecordRequestRepository::map).optional();
    }

    void linkProcessInstance(long requestId, String processInstanceId) {
        jdbc.sql("update record_request set process_instance_id = ?, updated_at = ? where id = ?")
                .params(processInstanceId, OffsetDateTime.now(clock), requestId).update();
    }

    void markSent(long requestId, SendChannel channel, LocalDate sentOn, LocalDate providerReceivedOn) {
        jdbc.sql("""
                update record_request set status = ?, channel = ?, sent_on = ?, provider_received_on = ?, updated_at = ?
                where id = ?
                """)
                .params(RequestStatus.SENT.name(), channel.name(), sentOn, providerReceivedOn,
                        OffsetDateTime.now(clock), requestId)
                .update();
    }

    void markProduced(long requestId, ProductionOutcome outcome, LocalDate producedOn) {
        jdbc.sql("""
                update record_request set status = ?, production_outcome = ?, produced_on = ?, updated_at = ?
                where id = ?
                """)
                .params(outcome.status().name(), outcome.name(), producedOn, OffsetDateTime.now(clock), requestId)
                .update();
    }

    private static RecordRequest map(ResultSet rs, int rowNum) throws SQLException {
        String channel = rs.getString("channel");
        String outcome = rs.getString("production_outcome");
        return new RecordRequest(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("holder_id"),
                rs.getString("holder_name"), RecordType.valueOf(rs.getString("record_type")),
                LegalBasis.valueOf(rs.getString("legal_basis")), RequestStatus.valueOf(rs.getString("status")),
                channel == null ? null : SendChannel.valueOf(channel), rs.getObject("sent_on", LocalDate.class),
                rs.getObject("provider_received_on", LocalDate.class), rs.getObject("produced_on", LocalDate.class),
                outcome == null ? null : ProductionOutcome.valueOf(outcome), rs.getString("process_instance_id"));
    }
}
