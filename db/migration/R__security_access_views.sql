-- Declared read models: views other modules may read instead of the owning module's tables.

-- The access gate's facts (security.DenialAccess): each denial with its Part 2 flag and every queue it is or
-- was in: the queue its root cause chose (denial, owned by denial) and each queue one of its tasks was offered
-- to (denial_queue_visit, owned by workflow).
create or replace view denial_access_scope as
select d.id as denial_id, d.part2, d.queue from denial d
union
select v.denial_id, d.part2, v.queue from denial_queue_visit v join denial d on d.id = v.denial_id;
