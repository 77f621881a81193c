package org.overturn.worklist;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The values each queue's filters offer, kept for a few seconds. Reading them joins every open task of the
 * queue to its denial, which at 100,000 tasks costs more than the rest of the queue page; the task rows and
 * counts are always read afresh. Any task event (created, claimed, completed, deleted) drops every kept list
 * once its transaction ends, so the lists lag only changes that touch no task, such as denials marked Part 2
 * when a program is flagged, and those by {@link #MAX_AGE} at most. Lists with and without Part 2 denials'
 * values are kept apart, and so are the lists of each set of practices (null: every practice).
 */
@Component
class RecentFacets {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private record Key(String queue, boolean part2, java.util.Set<Long> practices) {
    }

    /** Lists read at {@code nanoTime} while no task had changed since {@code generation}. */
    private record Kept(WorkItems.QueueFacets facets, long nanoTime, long generation) {
    }

    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();
    /** Moves on when a transaction that changed a task ends: lists kept before it are no longer used. */
    private final AtomicLong generation = new AtomicLong();
    private final JdbcTemplate jdbc;

    RecentFacets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    WorkItems.QueueFacets of(String queue, boolean seesPart2, java.util.Set<Long> practices) {
        Key key = new Key(queue, seesPart2, practices == null ? null : java.util.Set.copyOf(practices));
        long now = System.nanoTime();
        Kept recent = kept.get(key);
        if (recent != null && recent.generation() == generation.get()
                && now - recent.nanoTime() < MAX_AGE.toNanos()) {
            return recent.facets();
        }
        long before = generation.get();
        WorkItems.QueueFacets facets = read(queue, seesPart2, key.practices());
        kept.put(key, new Kept(facets, now, before));
        return facets;
    }

    @EventListener
    public void on(DelegateTask task) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            generation.incrementAndGet();
        } else if (!TransactionSynchronizationManager.hasResource(this)) {
            // once per transaction, however many tasks it touches
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(RecentFacets.this);
                    generation.incrementAndGet();
                }
            });
        }
    }

    /**
     * One pass over the queue's open tasks for all four lists: the tasks and their denials are read once into
     * {@code open_task}, then grouped three ways, and its claims' service lines give the procedures.
     */
    private WorkItems.QueueFacets read(String queue, boolean seesPart2, java.util.Set<Long> practices) {
        Map<String, List<String>> facets = new HashMap<>();
        for (String facet : List.of("payer", "rootCause", "procedure", "assignee")) {
            facets.put(facet, new ArrayList<>());
        }
        jdbc.query("""
                with open_task as (
                  select coalesce(d.payer_name, d.payer_id) as payer, d.root_cause, t.assignee_ as assignee,
                         d.claim_payment_id
                    from act_ru_task t
                    join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ = ?
                    join workflow_denial_process dp on dp.process_instance_id = t.proc_inst_id_
                    join denial_report d on d.id = dp.denial_id and d.follows_denial_id is null %s
                )
                select facet, value from (
                  select case when grouping(payer) = 0 then 'payer' when grouping(root_cause) = 0 then 'rootCause'
                              else 'assignee' end as facet,
                         coalesce(payer, root_cause, assignee) as value
                    from open_task
                   group by grouping sets ((payer), (root_cause), (assignee))
                  union all
                  select distinct 'procedure', s.procedure_code
                    from remittance_line_report s
                   where s.claim_payment_id in (select claim_payment_id from open_task)
                ) facets
                 where value is not null
                 order by facet, value
                """.formatted((seesPart2 ? "" : "and not d.part2")
                        + (practices == null ? "" : " and d.practice_id = any(?)")),
                row -> {
                    facets.get(row.getString(1)).add(row.getString(2));
                }, practices == null ? new Object[] {queue} : new Object[] {queue, practices.toArray(Long[]::new)});
        return new WorkItems.QueueFacets(facets.get("payer"), facets.get("rootCause"), facets.get("procedure"),
                facets.get("assignee"));
    }
}
