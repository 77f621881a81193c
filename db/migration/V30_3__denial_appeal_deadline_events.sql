-- What the appeal-deadline process did for each denial and level: warned (NEAR), escalated to managers
-- (ESCALATED), recorded the deadline as missed (MISSED). One of each kind per denial and level.
create table appeal_deadline_event (
    denial_id  bigint      not null references denial (id),
    level      int         not null,
    kind       varchar(20) not null,
    due_on     date        not null,
    at         timestamptz not null,
    primary key (denial_id, level, kind)
);
