package org.overturn.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.overturn.workflow.LifecycleProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Inside: index scans and plans for the actual parameters; afterwards, the transaction's settings as they were. */
@LifecycleProcessTest
class IndexScansIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void queriesRunWithIndexScansAndCustomPlansAndTheSettingsComeBack() {
        transactions.executeWithoutResult(status -> {
            List<String> inside = IndexScans.forced(jdbc, () -> settings());

            assertThat(inside).containsExactly("off", "force_custom_plan", "on", "on");
            assertThat(settings()).containsExactly("on", "auto", "on", "on");
        });
    }

    @Test
    void keyByKeyQueriesRunWithoutHashOrMergeJoinsAndTheSettingsComeBack() {
        transactions.executeWithoutResult(status -> {
            List<String> inside = IndexScans.perKey(jdbc, () -> settings());

            assertThat(inside).containsExactly("off", "force_custom_plan", "off", "off");
            assertThat(settings()).containsExactly("on", "auto", "on", "on");
        });
    }

    @Test
    void theOpenDenialsOfAFilesControlNumbersAreReadKeyByKeyWhateverTheStatisticsSay() {
        // the planner's statistics from before the file (denials thought few), and thousands of open denials
        String plan = transactions.execute(status -> {
            status.setRollbackOnly();
            return IndexScans.perKey(jdbc, () -> String.join("\n", jdbc.queryForList("""
                    explain select open.id
                      from unnest(?::text[]) as claim (patient_control_number)
                     cross join lateral (
                           select d.id from denial d
                            where d.patient_control_number = claim.patient_control_number
                              and d.status in ('OPEN', 'CORRECTION_SUBMITTED', 'APPEALED')
                              and d.follows_denial_id is null
                           offset 0) open
                    """, String.class, (Object) java.util.stream.IntStream.range(0, 2_500)
                    .mapToObj(n -> "PCN" + n).toArray(String[]::new))));
        });

        assertThat(plan).contains("Function Scan on unnest").contains("ix_denial_open_by_control_number")
                .doesNotContain("Hash").doesNotContain("Seq Scan");
    }

    @Test
    void theSettingsComeBackWhenAQueryFails() {
        transactions.executeWithoutResult(status -> {
            assertThatThrownBy(() -> IndexScans.forced(jdbc, () -> {
                throw new IllegalStateException("query failed");
            })).hasMessage("query failed");

            assertThat(settings()).containsExactly("on", "auto", "on", "on");
        });
    }

    @Test
    void aFailedStatementIsReportedAsItselfThoughItAbortedTheTransaction() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> IndexScans.forced(jdbc,
                () -> jdbc.queryForObject("select 1 / 0", Integer.class))))
                .hasMessageContaining("division by zero");
    }

    private List<String> settings() {
        return jdbc.queryForObject("""
                select current_setting('enable_seqscan'), current_setting('plan_cache_mode'),
                       current_setting('enable_hashjoin'), current_setting('enable_mergejoin')""",
                (rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }
}
