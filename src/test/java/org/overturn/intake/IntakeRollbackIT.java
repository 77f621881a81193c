package org.overturn.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.overturn.OverturnIntegrationTest;
import org.overturn.Samples;
import org.overturn.denial.DenialDetector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** A failure in the middle of a file leaves nothing of it behind: one transaction per file. */
@OverturnIntegrationTest
class IntakeRollbackIT {

    @Autowired
    RemittanceIntake intake;
    @Autowired
    JdbcTemplate jdbc;
    @MockitoSpyBean
    DenialDetector detector;

    @Test
    void databaseErrorHalfwayLeavesNothingBehind() {
        long files = count("remittance_file");
        long remittances = count("remittance");
        long claims = count("claim_payment");
        long lines = count("service_line");
        long adjustments = count("adjustment");
        long denialRows = count("denial");
        // the Nebraska file has 56 claims: fail on the third claim's denial check, after every claim is written
        doCallRealMethod().doCallRealMethod()
                .doThrow(new DataAccessResourceFailureException("connection lost (injected)"))
                .when(detector).assess(any());

        assertThatThrownBy(() -> intake.ingest("nebraska.835",
                Samples.real("oopfactory__deidentified-nebraska-medicaid-3-interchanges.835"), "UPLOAD", "tester"))
                .isInstanceOf(DataAccessResourceFailureException.class);

        assertThat(count("remittance_file")).isEqualTo(files);
        assertThat(count("remittance")).isEqualTo(remittances);
        assertThat(count("claim_payment")).isEqualTo(claims);
        assertThat(count("service_line")).isEqualTo(lines);
        assertThat(count("adjustment")).isEqualTo(adjustments);
        assertThat(count("denial")).isEqualTo(denialRows);
        assertThat(count("quarantined_file where file_name = 'nebraska.835'")).isZero();
    }

    @Test
    void fileIsStoredOnceWhenAProcessItAnswersWasMovedOnMeanwhile() {
        long claims = count("claim_payment");
        long denialRows = count("denial");
        // as when the job executor moves a denial's process on while this file's claims correlate to it
        doThrow(new OptimisticLockingException("process moved on meanwhile (injected)")).doCallRealMethod()
                .when(detector).assess(any());

        var result = intake.ingest("profee.835", Samples.retraced("tastypackets__profee.835", "-R3"),
                "UPLOAD", "tester");

        assertThat(result.outcome()).isEqualTo(IntakeResult.Outcome.STORED);
        assertThat(count("claim_payment")).isEqualTo(claims + 3);
        assertThat(count("denial")).isEqualTo(denialRows + result.denials());
    }

    @Test
    void fileCanBeIngestedAfterTheFailureIsGone() {
        doCallRealMethod().when(detector).assess(any());

        var result = intake.ingest("profee.835", Samples.retraced("tastypackets__profee.835", "-R2"),
                "UPLOAD", "tester");

        assertThat(result.outcome()).isEqualTo(IntakeResult.Outcome.STORED);
        assertThat(result.claims()).isEqualTo(3);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
