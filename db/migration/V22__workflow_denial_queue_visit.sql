-- Every queue a denial's tasks were ever offered to, kept for the access gate (security.DenialAccess): a
-- denial is readable by the members of a queue it is or was in, so a biller who worked it can still open it
-- after it moved on, and nobody else. Rows are only ever added, by a trigger on queue_task (the open tasks by
-- queue, kept by the engine's task events), so every path that gives a task a queue records the visit.

create table denial_queue_visit (
    denial_id bigint      not null references denial (id),
    queue     varchar(64) not null,
    primary key (denial_id, queue)
);

create function record_denial_queue_visit() returns trigger language plpgsql as $$
begin
    insert into denial_queue_visit (denial_id, queue) values (new.denial_id, new.queue) on conflict do nothing;
    return new;
end $$;

create trigger queue_task_visits after insert on queue_task
    for each row execute function record_denial_queue_visit();

-- the queues of today's open tasks; earlier tasks' queues are not in the engine's history at level activity
insert into denial_queue_visit (denial_id, queue)
select distinct denial_id, queue from queue_task
on conflict do nothing;
