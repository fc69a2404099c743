package org.recordflow.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class PacketRepository {

    private static final String SELECT_PACKET = """
            select id, case_id, request_id, sha256, stamped_sha256, original_file_name, size_bytes, page_count,
                   pages_needing_ocr, first_bates, last_bates, received_on, received_from, channel, logged_by, logged_at
            from packet
            """;
    private static final String SELECT_ENCOUNTER = """
            select e.id, e.packet_id, e.request_id, e.provider, e.category, e.service_date, e.first_page, e.last_page,
                   e.first_bates, e.last_bates
            from encounter e
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    PacketRepository(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    Optional<Packet> findByContent(long caseId, String sha256) {
        return jdbc.sql(SELECT_PACKET + " where case_id = ? and sha256 = ?").params(caseId, sha256)
                .query(PacketRepository::packet).optional();
    }

    Optional<Packet> find(long packetId) {
        return jdbc.sql(SELECT_PACKET + " where id = ?").param(packetId).query(PacketRepository::packet).optional();
    }

    List<Packet> forRequest(long requestId) {
        return jdbc.sql(SELECT_PACKET + " where request_id = ? order by id").param(requestId)
                .query(PacketRepository::packet).list();
    }

    List<Packet> forCase(long caseId) {
        return jdbc.sql(SELECT_PACKET + " where case_id = ? order by id").param(caseId)
                .query(PacketRepository::packet).list();
    }

    long insertPacket(Packet p) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into packet (case_id, request_id, sha256, stamped_sha256, original_file_name, size_bytes, page_count,
                                    pages_needing_ocr, first_bates, last_bates, received_on, received_from, channel,
                                    logged_by, logged_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(p.caseId(), p.requestId(), p.sha256(), p.stampedSha256(), p.originalFileName(), p.sizeBytes(),
                        p.pageCount(), p.pagesNeedingOcr(), p.firstBates(), p.lastBates(), p.receivedOn(),
                        p.receivedFrom(), p.channel().name(), p.loggedBy(), p.loggedAt())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    record PageRow(int pageNumber, long batesNumber, String category, String matchedRule, LocalDate serviceDate,
                   boolean encounterStart, boolean needsOcr, int textChars) {
    }

    void insertPages(long packetId, long caseId, List<PageRow> pages) {
        batch.batchUpdate("""
                insert into packet_page (packet_id, case_id, page_number, bates_number, category, matched_rule,
                                         service_date, encounter_start, needs_ocr, text_chars)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, pages, 500, (ps, page) -> {
            ps.setLong(1, packetId);
            ps.setLong(2, caseId);
            ps.setInt(3, page.pageNumber());
            ps.setLong(4, page.batesNumber());
            ps.setString(5, page.category());
            ps.setString(6, page.matchedRule());
            ps.setObject(7, page.serviceDate());
            ps.setBoolean(8, page.encounterStart());
            ps.setBoolean(9, page.needsOcr());
            ps.setInt(10, page.textChars());
        });
    }

    List<PageRow> pages(long packetId) {
        return jdbc.sql("""
                select page_number, bates_number, category, matched_rule, service_date, encounter_start, needs_ocr, text_chars
                from packet_page where packet_id = ? order by page_number
                """).param(packetId)
                .query((rs, n) -> new PageRow(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getBoolean(6), rs.getBoolean(7), rs.getInt(8)))
                .list();
    }

    void insertEncounters(long packetId, long caseId, long requestId, List<Encounter> encounters) {
        batch.batchUpdate("""
                insert into encounter (packet_id, case_id, request_id, provider, category, service_date, first_page,
                                       last_page, first_bates, last_bates)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, encounters, 500, (ps, e) -> {
            ps.setLong(1, packetId);
            ps.setLong(2, caseId);
            ps.setLong(3, requestId);
            ps.setString(4, e.provider());
            ps.setString(5, e.category());
            ps.setObject(6, e.serviceDate());
            ps.setInt(7, e.firstPage());
            ps.setInt(8, e.lastPage());
            ps.setLong(9, e.firstBates());
            ps.setLong(10, e.lastBates());
        });
    }

    /** The case's encounters in chronological order (undated last), then in Bates order. */
    List<Encounter> encountersOfCase(long caseId) {
        return jdbc.sql(SELECT_ENCOUNTER + """
                 where e.case_id = ?
                order by case when e.service_date is null then 1 else 0 end, e.service_date, e.first_bates
                """).param(caseId).query(PacketRepository::encounter).list();
    }

    List<Encounter> encountersOfPacket(long packetId) {
        return jdbc.sql(SELECT_ENCOUNTER + " where e.packet_id = ? order by e.first_bates").param(packetId)
                .query(PacketRepository::encounter).list();
    }

    List<Encounter> encountersOfRequest(long requestId) {
        return jdbc.sql(SELECT_ENCOUNTER + " where e.request_id = ? order by e.first_bates").param(requestId)
                .query(PacketRepository::encounter).list();
    }

    /** Clinical dates of service from one record holder, whatever request they came on. */
    List<LocalDate> clinicalDatesOfHolder(long holderId) {
        return jdbc.sql("""
                select distinct e.service_date from encounter e join record_request r on r.id = e.request_id
                where r.holder_id = ? and e.service_date is not null and e.category not in (?, ?)
                """).params(holderId, PageRules.BILLING, PageRules.CORRESPONDENCE).query(LocalDate.class).list();
    }

    void insertBilledDates(long packetId, long caseId, long holderId, List<BilledDate> dates) {
        batch.batchUpdate("""
                insert into billed_service_date (packet_id, case_id, holder_id, service_date, bates_number)
                values (?, ?, ?, ?, ?)
                """, dates, 500, (ps, d) -> {
            ps.setLong(1, packetId);
            ps.setLong(2, caseId);
            ps.setLong(3, holderId);
            ps.setObject(4, d.serviceDate());
            ps.setLong(5, d.batesNumber());
        });
    }

    record BilledDate(LocalDate serviceDate, long batesNumber) {
    }

    List<LocalDate> billedDatesOfHolder(long holderId) {
        return jdbc.sql("select distinct service_date from billed_service_date where holder_id = ? order by service_date")
                .param(holderId).query(LocalDate.class).list();
    }

    void logEvent(long caseId, Long requestId, Long packetId, String type, String detail, String actor) {
        jdbc.sql("""
                insert into custody_event (case_id, request_id, packet_id, event_type, detail, actor, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(caseId, requestId, packetId, type, detail, actor, OffsetDateTime.now(clock)).update();
    }

    record CustodyEvent(Long requestId, Long packetId, String eventType, String detail, String actor,
                        OffsetDateTime occurredAt) {
    }

    List<CustodyEvent> events(long caseId) {
        return jdbc.sql("""
                select request_id, packet_id, event_type, detail, actor, occurred_at from custody_event
                where case_id = ? order by id
                """).param(caseId)
                .query((rs, n) -> new CustodyEvent((Long) rs.getObject(1, Long.class), rs.getObject(2, Long.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    private static Packet packet(ResultSet rs, int row) throws SQLException {
        return new Packet(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("request_id"), rs.getString("sha256"),
                rs.getString("stamped_sha256"), rs.getString("original_file_name"), rs.getLong("size_bytes"),
                rs.getInt("page_count"), rs.getInt("pages_needing_ocr"), rs.getLong("first_bates"),
                rs.getLong("last_bates"), rs.getObject("received_on", LocalDate.class), rs.getString("received_from"),
                ReceiptChannel.valueOf(rs.getString("channel")), rs.getString("logged_by"),
                rs.getObject("logged_at", OffsetDateTime.class));
    }

    private static Encounter encounter(ResultSet rs, int row) throws SQLException {
        return new Encounter(rs.getLong("packet_id"), rs.getLong("request_id"), rs.getString("provider"),
                rs.getString("category"), rs.getObject("service_date", LocalDate.class), rs.getInt("first_page"),
                rs.getInt("last_page"), rs.getLong("first_bates"), rs.getLong("last_bates"));
    }
}
