package org.recordflow.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CaseFileRepository {

    private static final String CASE_COLUMNS = """
            c.id, c.reference, cl.full_name, cl.date_of_birth, c.case_type, c.state_code, c.incident_date,
            c.paralegal_group, c.phase, c.legal_basis, c.subpoena_return_date, c.records_from, c.psychotherapy_notes,
            c.substance_use_records, c.opened_by, c.opened_at, c.process_instance_id, c.action_filed, c.defendant_appeared,
            c.subpoena_assurance
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseFileRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long insertClient(String fullName, LocalDate dateOfBirth) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into client (full_name, date_of_birth, created_at) values (?, ?, ?)")
                .params(fullName, dateOfBirth, OffsetDateTime.now(clock))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    long insertCase(long clientId, CaseOpening opening, String openedBy, String processInstanceId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into case_file (client_id, case_type, state_code, incident_date, paralegal_group, phase,
                                       legal_basis, subpoena_return_date, records_from, psychotherapy_notes,
                                       substance_use_records, opened_by, opened_at, process_instance_id, action_filed,
                                       defendant_appeared, subpoena_assurance)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(clientId, opening.caseType().name(), opening.stateCode(), opening.incidentDate(),
                        opening.paralegalGroup(), CasePhase.INTAKE.name(), opening.legalBasis().name(),
                        opening.subpoenaReturnDate(), opening.recordsFrom(), opening.psychotherapyNotes(),
                        opening.substanceUseRecords(), openedBy, OffsetDateTime.now(clock), processInstanceId,
                        opening.actionFiled(), opening.defendantAppeared(),
                        opening.subpoenaAssurance() == null ? null : opening.subpoenaAssurance().name())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void assignReference(long caseId, String reference) {
        jdbc.sql("update case_file set reference = ? where id = ?").params(reference, caseId).update();
    }

    void insertHolder(long caseId, int position, CaseOpening.HolderEntry holder) {
        jdbc.sql("""
                insert into record_holder (case_id, position, name, holder_type, released_via, channel, record_types,
                                           department, email, fax, address, state_code)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(caseId, position, holder.name().strip(), holder.holderType().name(), holder.releasedVia().name(),
                        holder.channel().name(), RecordTypes.format(holder.recordTypes()), holder.department(),
                        holder.email(), holder.fax(), holder.address(), holder.stateCode())
                .update();
    }

    int updatePhase(long caseId, CasePhase phase) {
        return jdbc.sql("update case_file set phase = ? where id = ?").params(phase.name(), caseId).update();
    }

    Optional<CaseFile> find(long caseId) {
        return jdbc.sql("select " + CASE_COLUMNS + " from case_file c join client cl on cl.id = c.client_id where c.id = ?")
                .param(caseId)
                .query(CaseFileRepository::mapCase)
                .optional();
    }

    List<CaseFile> findAll() {
        return jdbc.sql("select " + CASE_COLUMNS + " from case_file c join client cl on cl.id = c.client_id order by c.id")
                .query(CaseFileRepository::mapCase)
                .list();
    }

    List<RecordHolder> holders(long caseId) {
        return jdbc.sql("""
                select h.id, h.case_id, h.position, h.name, h.holder_type, h.released_via, h.channel, h.record_types,
                       h.department, h.email, h.fax, h.address, coalesce(h.state_code, c.state_code) as state_code
                from record_holder h join case_file c on c.id = h.case_id where h.case_id = ? order by h.position
                """)
                .param(caseId)
                .query((rs, n) -> new RecordHolder(rs.getLong("id"), rs.getLong("case_id"), rs.getInt("position"),
                        rs.getString("name"), HolderType.valueOf(rs.getString("holder_type")),
                        ReleaseRoute.valueOf(rs.getString("released_via")), SendChannel.valueOf(rs.getString("channel")),
                        RecordTypes.parse(rs.getString("record_types")), rs.getString("department"),
                        rs.getString("email"), rs.getString("fax"), rs.getString("address"), rs.getString("state_code")))
                .list();
    }

    private static CaseFile mapCase(ResultSet rs, int rowNum) throws SQLException {
        return new CaseFile(rs.getLong("id"), rs.getString("reference"), rs.getString("full_name"),
                rs.getObject("date_of_birth", LocalDate.class), CaseType.valueOf(rs.getString("case_type")),
                rs.getString("state_code"), rs.getObject("incident_date", LocalDate.class),
                rs.getString("paralegal_group"), CasePhase.valueOf(rs.getString("phase")),
                LegalBasis.valueOf(rs.getString("legal_basis")), rs.getObject("subpoena_return_date", LocalDate.class),
                rs.getObject("records_from", LocalDate.class), rs.getBoolean("psychotherapy_notes"),
                rs.getBoolean("substance_use_records"), rs.getString("opened_by"),
                rs.getObject("opened_at", OffsetDateTime.class), rs.getString("process_instance_id"),
                rs.getBoolean("action_filed"), rs.getBoolean("defendant_appeared"),
                rs.getString("subpoena_assurance") == null ? null : SubpoenaAssurance.valueOf(rs.getString("subpoena_assurance")));
    }
}
