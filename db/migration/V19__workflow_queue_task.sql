-- Every open user task of a denial's process, once per queue it is offered to (its candidate groups, managers
-- too once it is escalated), with the denial facts the queue counts and the dashboard filter by. Counting the
-- open work of each queue from the engine's tables joins four of them, which took 0.3-0.4 s at 150,000 open
-- tasks on every home page and dashboard; this table is kept by the engine's task events, in the transaction
-- that changes the task (workflow.internal.QueueTaskIndex). The denial facts copied here never change after
-- the denial is detected.

create table queue_task (
    task_id         varchar(64)    not null,
    queue           varchar(64)    not null,
    denial_id       bigint         not null references denial (id),
    due_date        timestamp,  -- as the engine keeps it: local time without zone
    amount_at_risk  numeric(14, 2) not null,
    payer_id        varchar(80),
    payer_name      varchar(60),
    remittance_date date,
    primary key (task_id, queue)
);
create index ix_queue_task_queue_due on queue_task (queue, due_date);
create index ix_queue_task_denial on queue_task (denial_id);

-- an installation that already has tasks: the engine's tables are there from its earlier runs (on a new
-- database the engine creates them after this migration, with no tasks in them)
do $$
begin
    if to_regclass('act_ru_task') is not null then
        insert into queue_task (task_id, queue, denial_id, due_date, amount_at_risk, payer_id, payer_name,
                                remittance_date)
        select t.id_, l.group_id_, d.id, t.due_date_, d.amount_at_risk, d.payer_id, d.payer_name, d.remittance_date
          from act_ru_task t
          join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null
          join denial_process dp on dp.process_instance_id = t.proc_inst_id_
          join denial d on d.id = dp.denial_id and d.follows_denial_id is null
        on conflict do nothing;
    end if;
end $$;
