package org.overturn.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.overturn.denial.DenialDetector;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.RemittanceFile;
import org.overturn.remittance.RemittanceParser;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What "nothing lost, nothing twice" means in the database after a server was killed: read straight from the
 * tables (Overturn's and the engine's), not through the server under test.
 */
final class ExactlyOnce {

    private final JdbcTemplate jdbc;

    ExactlyOnce(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Asynchronous continuations waiting or running (timers, due in days, are not counted). */
    long pendingJobs() {
        return count("select count(*) from act_ru_job where type_ = 'message'");
    }

    /** Waits until the job executors have carried every process as far as it goes on its own. */
    void awaitJobsDone(Duration timeout) {
        try {
            RunningJar.await("every job done", timeout, () -> pendingJobs() == 0);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; jobs left: " + pendingJobs() + ", e.g. " + jdbc.queryForList("""
                    select id_, retries_, lock_owner_, lock_exp_time_, duedate_, exception_msg_ from act_ru_job
                     where type_ = 'message' order by exception_msg_ nulls last limit 5"""), e);
        }
    }

    /**
     * Every denial has its lifecycle process, the engine has it too, and no denial has a second one: none missing,
     * none twice, none without its denial.
     */
    void assertEveryDenialHasOneLifecycle() {
        assertThat(count("""
                select count(*) from denial d
                 where not exists (select 1 from denial_process p where p.denial_id = d.id and p.kind = 'LIFECYCLE')
                """)).as("denials without a lifecycle process").isZero();
        assertThat(count("""
                select count(*) from denial_process p
                 where not exists (select 1 from act_hi_procinst h where h.id_ = p.process_instance_id)
                """)).as("recorded processes the engine does not know").isZero();
        assertThat(count("""
                select count(*) from act_hi_procinst h
                 where not exists (select 1 from denial_process p where p.process_instance_id = h.id_)
                """)).as("engine processes without their denial").isZero();
        assertThat(count("""
                select count(*) from (select proc_def_key_, business_key_ from act_hi_procinst
                                       group by proc_def_key_, business_key_ having count(*) > 1) doubled
                """)).as("denials with a second process of the same kind").isZero();
        assertThat(count("""
                select count(*) from (select proc_def_id_, business_key_ from act_ru_execution where parent_id_ is null
                                       group by proc_def_id_, business_key_ having count(*) > 1) doubled
                """)).as("denials with a second running process of the same kind").isZero();
    }

    /**
     * No step ran twice: each activity once per process in the history (the paths these tests drive have no loops),
     * each user task once, and every running process waits in exactly one task or at its event gateway.
     */
    void assertNoStepTwice() {
        assertThat(jdbc.queryForList("""
                select proc_inst_id_, act_id_, count(*) from act_hi_actinst
                 group by proc_inst_id_, act_id_ having count(*) > 1 limit 5
                """)).as("activities run twice").isEmpty();
        assertThat(jdbc.queryForList("""
                select proc_inst_id_, task_def_key_, count(*) from act_hi_taskinst
                 group by proc_inst_id_, task_def_key_ having count(*) > 1 limit 5
                """)).as("tasks created twice").isEmpty();
        assertThat(count("""
                select count(*) from act_ru_execution e
                 where e.parent_id_ is null
                   and (select count(*) from act_ru_task t where t.proc_inst_id_ = e.id_) > 1
                """)).as("processes with more than one open task").isZero();
    }

    /** Every running process of {@code processKey} waits in exactly one user task. */
    void assertEveryProcessWaitsInOneTask(String processKey) {
        assertThat(count("""
                select count(*) from act_ru_execution e
                 where e.parent_id_ is null and e.proc_def_id_ like ?
                   and (select count(*) from act_ru_task t where t.proc_inst_id_ = e.id_) <> 1
                """, processKey + ":%")).as("%s processes not waiting in exactly one task", processKey).isZero();
    }

    void assertNoIncidents() {
        assertThat(jdbc.queryForList("select incident_type_, activity_id_, incident_msg_ from act_ru_incident limit 5"))
                .as("incidents").isEmpty();
        assertThat(count("select count(*) from act_ru_job where retries_ = 0")).as("jobs out of retries").isZero();
    }

    /** What an 835 holds, read by the test itself: what the database must have once the file is stored. */
    record FileFacts(String sha256, int transactions, int claims, int lines, int denials) {

        static FileFacts of(byte[] content) {
            RemittanceFile file;
            try {
                file = RemittanceParser.standard().parse(content);
            } catch (MalformedX12Exception e) {
                throw new IllegalArgumentException("the test's own file does not parse", e);
            }
            var detector = new DenialDetector();
            int claims = 0;
            int lines = 0;
            int denials = 0;
            for (var advice : file.transactions()) {
                for (var claim : advice.claims()) {
                    claims++;
                    lines += claim.lines().size();
                    denials += detector.assess(claim).isPresent() ? 1 : 0;
                }
            }
            return new FileFacts(sha256(content), file.transactions().size(), claims, lines, denials);
        }

        private static String sha256(byte[] content) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The file is on file once, whole: every transaction, claim, line and denial it carries, nothing more. */
    void assertStoredOnce(FileFacts file) {
        assertThat(jdbc.queryForList("select transaction_count, claim_count from remittance_file where sha256 = ?",
                file.sha256())).as("the file's rows").singleElement().satisfies(row -> {
                    assertThat(((Number) row.get("transaction_count")).intValue()).isEqualTo(file.transactions());
                    assertThat(((Number) row.get("claim_count")).intValue()).isEqualTo(file.claims());
                });
        String ofFile = " from remittance_file f join remittance r on r.file_id = f.id"
                + " join claim_payment c on c.remittance_id = r.id";
        assertThat(count("select count(distinct r.id)" + ofFile + " where f.sha256 = ?", file.sha256()))
                .as("transactions").isEqualTo(file.transactions());
        assertThat(count("select count(*)" + ofFile + " where f.sha256 = ?", file.sha256())).as("claims")
                .isEqualTo(file.claims());
        assertThat(count("select count(*)" + ofFile + " join service_line l on l.claim_payment_id = c.id"
                + " where f.sha256 = ?", file.sha256())).as("service lines").isEqualTo(file.lines());
        assertThat(count("select count(*)" + ofFile + " join denial d on d.claim_payment_id = c.id"
                + " where f.sha256 = ?", file.sha256())).as("denials").isEqualTo(file.denials());
    }

    long count(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }
}
