package org.overturn.authorization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.overturn.authorization.AuthorizationSource;
import org.overturn.authorization.AuthorizationStatus;
import org.overturn.authorization.AuthorizationTerms;
import org.overturn.authorization.LevelOfCare;
import org.overturn.authorization.UnitType;
import org.overturn.security.SqlCondition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code prior_authorization} table. */
@Repository
public class AuthorizationRows {

    /** A stored row: its terms and its bookkeeping. */
    public record Row(long id, AuthorizationTerms terms, AuthorizationSource source, boolean part2, Instant createdAt,
                      String createdBy, Instant updatedAt, String updatedBy, long practiceId) {
    }

    private static final String COLUMNS = """
            id, payer_id, payer_name, member_id, patient_name, number, level_of_care, services, unit_type,
            units_approved, starts_on, ends_on, rendering_npi, facility_npi, next_review_on, status, source, part2,
            created_at, created_by, updated_at, updated_by, practice_id""";

    private final JdbcTemplate jdbc;

    AuthorizationRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(AuthorizationTerms t, long practiceId, AuthorizationSource source, boolean part2, String user,
                       Instant now) {
        return jdbc.queryForObject("""
                insert into prior_authorization (payer_id, payer_name, member_id, patient_name, number, level_of_care,
                    services, unit_type, units_approved, starts_on, ends_on, rendering_npi, facility_npi,
                    next_review_on, status, source, part2, created_at, created_by, updated_at, updated_by, practice_id)
                values (?, ?, ?, ?, ?, ?, ?::varchar[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, t.payerId(), t.payerName(), t.memberId(), t.patientName(), t.number(),
                t.levelOfCare().name(), array(t.procedures()), t.unitType().name(), t.unitsApproved(), t.from(),
                t.to(), t.renderingNpi(), t.facilityNpi(), t.nextReviewOn(), t.status().name(), source.name(), part2,
                Timestamp.from(now), user, Timestamp.from(now), user, practiceId);
    }

    /** Where a row came from, in words (the denial a retro authorization was approved for). */
    public void noteSource(long id, String note) {
        jdbc.update("update prior_authorization set source_note = ? where id = ?", note, id);
    }

    public Optional<String> sourceNote(long id) {
        return jdbc.queryForList("select source_note from prior_authorization where id = ?", String.class, id)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    public void update(long id, AuthorizationTerms t, long practiceId, AuthorizationSource source, boolean part2,
                       String user, Instant now) {
        jdbc.update("""
                update prior_authorization set payer_id = ?, payer_name = ?, member_id = ?, patient_name = ?, number = ?,
                    level_of_care = ?, services = ?::varchar[], unit_type = ?, units_approved = ?, starts_on = ?,
                    ends_on = ?, rendering_npi = ?, facility_npi = ?, next_review_on = ?, status = ?, source = ?,
                    part2 = ?, updated_at = ?, updated_by = ?, practice_id = ?
                where id = ?
                """, t.payerId(), t.payerName(), t.memberId(), t.patientName(), t.number(), t.levelOfCare().name(),
                array(t.procedures()), t.unitType().name(), t.unitsApproved(), t.from(), t.to(), t.renderingNpi(),
                t.facilityNpi(), t.nextReviewOn(), t.status().name(), source.name(), part2, Timestamp.from(now), user,
                practiceId, id);
    }

    public Optional<Row> find(long id) {
        return jdbc.query("select " + COLUMNS + " from prior_authorization where id = ?", AuthorizationRows::row, id)
                .stream().findFirst();
    }

    public Optional<Row> byNumber(String payerId, String number) {
        return jdbc.query("select " + COLUMNS + " from prior_authorization where payer_id = ? and number = ?",
                AuthorizationRows::row, payerId, number).stream().findFirst();
    }

    /** A member's rows within the practice condition (alias {@code a}), those ending last first. */
    public List<Row> ofMember(String memberId, SqlCondition practices) {
        return jdbc.query("select " + COLUMNS + " from prior_authorization a where member_id = ?" + practices.sql()
                + " order by ends_on desc, id", AuthorizationRows::row, args(List.of(memberId), practices));
    }

    /** The practices whose claims as billed name this member (with this payer, when given). */
    public List<Long> practicesNaming(String memberId, String payerId) {
        return jdbc.queryForList("select distinct practice_id from claim_billed_claim_report where member_id = ?"
                + " and (?::varchar is null or payer_id = ?) order by practice_id", Long.class, memberId, payerId,
                payerId);
    }

    /** The practice of a denial, for the retro authorization recorded on it. */
    public Optional<Long> practiceOfDenial(long denialId) {
        return jdbc.queryForList("select practice_id from denial_report where id = ?", Long.class, denialId).stream()
                .findFirst();
    }

    /**
     * The register as its page lists it: matching the search (member id, number, payer or patient, from the start),
     * those ending last first.
     */
    public List<Row> search(String text, boolean withPart2, SqlCondition practices, int limit) {
        String like = text == null || text.isBlank() ? null : text.strip().replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.query("select " + COLUMNS + " from prior_authorization a where (? or not part2)"
                        + " and (?::varchar is null or member_id ilike ? or number ilike ? or payer_id ilike ?"
                        + " or payer_name ilike ? or patient_name ilike ?)" + practices.sql()
                        + " order by ends_on desc, id desc limit ?", AuthorizationRows::row,
                args(Arrays.asList(withPart2, like, like, like, like, like, like), practices, limit));
    }

    /** The approved (in whole or in part) authorizations in force on the day, those ending first first. */
    public List<Row> active(LocalDate day, boolean withPart2, SqlCondition practices) {
        return jdbc.query("select " + COLUMNS + " from prior_authorization a where status in ('APPROVED', "
                + "'PARTIALLY_APPROVED') and starts_on <= ? and ends_on >= ? and (? or not part2)" + practices.sql()
                + " order by ends_on, id limit 2000", AuthorizationRows::row,
                args(List.of(day, day, withPart2), practices));
    }

    private static Object[] args(List<Object> before, SqlCondition condition, Object... after) {
        List<Object> all = new java.util.ArrayList<>(before);
        all.addAll(condition.args());
        all.addAll(Arrays.asList(after));
        return all.toArray();
    }

    private static String array(List<String> codes) {
        // codes are checked to be [A-Z0-9]{4,5}: nothing in them needs quoting in an array literal
        return "{" + String.join(",", codes) + "}";
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String[] services = (String[]) rs.getArray("services").getArray();
        var terms = new AuthorizationTerms(rs.getString("payer_id"), rs.getString("payer_name"),
                rs.getString("member_id"), rs.getString("patient_name"), rs.getString("number"),
                LevelOfCare.valueOf(rs.getString("level_of_care")), Arrays.asList(services),
                UnitType.valueOf(rs.getString("unit_type")), rs.getBigDecimal("units_approved"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getString("rendering_npi"), rs.getString("facility_npi"),
                rs.getObject("next_review_on", LocalDate.class), AuthorizationStatus.valueOf(rs.getString("status")));
        return new Row(rs.getLong("id"), terms, AuthorizationSource.valueOf(rs.getString("source")),
                rs.getBoolean("part2"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"), rs.getLong("practice_id"));
    }
}
