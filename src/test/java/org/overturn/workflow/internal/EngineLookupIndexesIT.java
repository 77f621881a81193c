package org.overturn.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.overturn.workflow.LifecycleProcessTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The engine's look-ups of subtasks and of a process's event subscriptions read an index, not the whole table. */
@LifecycleProcessTest
class EngineLookupIndexesIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theEnginesLookUpsBySubtaskParentAndProcessInstanceReadTheirIndexes() {
        assertThat(jdbc.queryForList("select indexdef from pg_indexes where indexname = 'ix_overturn_task_parent'",
                String.class)).singleElement().asString().containsIgnoringCase("(parent_task_id_)")
                .containsIgnoringCase("where (parent_task_id_ is not null)");
        assertThat(jdbc.queryForList(
                "select indexdef from pg_indexes where indexname = 'ix_overturn_event_subscr_process'", String.class))
                .singleElement().asString().containsIgnoringCase("(proc_inst_id_)");

        // 20,000 open tasks, each with the event subscription of its process, as after a few large files; rolled back,
        // statistics included. The engine's statements are prepared, so they are planned here without the value
        // (a generic plan), as the driver's server-side statements are after their fifth use
        String plans = transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.update("""
                    insert into act_ru_task (id_, rev_, name_, priority_, create_time_, suspension_state_)
                    select 'lookup-test-' || n, 1, 'Prepare appeal', 50, now(), 1 from generate_series(1, 20000) n
                    """);
            jdbc.update("""
                    insert into act_ru_event_subscr (id_, rev_, event_type_, event_name_, proc_inst_id_, created_)
                    select 'lookup-test-' || n, 1, 'message', 'payerAnswer', 'lookup-test-process-' || n, now()
                      from generate_series(1, 20000) n
                    """);
            jdbc.execute("analyze act_ru_task");
            jdbc.execute("analyze act_ru_event_subscr");
            jdbc.execute("set local plan_cache_mode = force_generic_plan");
            jdbc.execute("prepare subtasks (text) as select * from ACT_RU_TASK where PARENT_TASK_ID_ = $1");
            jdbc.execute("""
                    prepare subscriptions (text) as select count(distinct RES.ID_) from ACT_RU_EVENT_SUBSCR RES
                     where RES.PROC_INST_ID_ = $1 and RES.EVENT_TYPE_ = 'message'""");
            String plan = String.join("\n", jdbc.queryForList("explain execute subtasks('lookup-test-1')", String.class))
                    + "\n" + String.join("\n",
                    jdbc.queryForList("explain execute subscriptions('lookup-test-process-1')", String.class));
            jdbc.execute("deallocate subtasks");
            jdbc.execute("deallocate subscriptions");
            return plan;
        });

        assertThat(plans).contains("using ix_overturn_task_parent").contains("using ix_overturn_event_subscr_process")
                .doesNotContain("Seq Scan");
    }

    @Test
    void aMissingIndexIsCreatedAgainAtTheNextStartAndAPresentOneIsLeftAsItIs() throws Exception {
        assertThat(EngineLookupIndexes.create(dataSource)).isZero();

        jdbc.execute("drop index ix_overturn_event_subscr_process");
        try {
            assertThat(EngineLookupIndexes.create(dataSource)).isEqualTo(1);
        } finally {
            jdbc.execute("create index if not exists ix_overturn_event_subscr_process on act_ru_event_subscr (proc_inst_id_)");
        }
        assertThat(jdbc.queryForObject("""
                select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid
                 where c.relname = 'ix_overturn_event_subscr_process'""", Boolean.class)).isTrue();
    }
}
