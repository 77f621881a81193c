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

            assertThat(inside).containsExactly("off", "force_custom_plan");
            assertThat(settings()).containsExactly("on", "auto");
        });
    }

    @Test
    void theSettingsComeBackWhenAQueryFails() {
        transactions.executeWithoutResult(status -> {
            assertThatThrownBy(() -> IndexScans.forced(jdbc, () -> {
                throw new IllegalStateException("query failed");
            })).hasMessage("query failed");

            assertThat(settings()).containsExactly("on", "auto");
        });
    }

    @Test
    void aFailedStatementIsReportedAsItselfThoughItAbortedTheTransaction() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> IndexScans.forced(jdbc,
                () -> jdbc.queryForObject("select 1 / 0", Integer.class))))
                .hasMessageContaining("division by zero");
    }

    private List<String> settings() {
        return jdbc.queryForObject("select current_setting('enable_seqscan'), current_setting('plan_cache_mode')",
                (rs, i) -> List.of(rs.getString(1), rs.getString(2)));
    }
}
