-- The monthly client reports' outbox: each email of a practice's report for a month, written before it is sent, so
-- any node may send it and none twice (rows are taken with FOR UPDATE SKIP LOCKED). The schedule's report of a
-- practice and month is one row whichever node queues it first; a report emailed on a user's request is a row of
-- its own. A failed send waits next_attempt_at and is tried again, until it is FAILED.
create table client_report_delivery (
    id              bigserial    primary key,
    practice_id     bigint       not null references practice (id),
    month           date         not null check (extract(day from month) = 1),
    trigger         varchar(10)  not null check (trigger in ('SCHEDULE', 'ON_DEMAND')),
    status          varchar(10)  not null check (status in ('WAITING', 'SENT', 'FAILED')),
    attempts        int          not null,
    next_attempt_at timestamptz  not null,
    last_error      varchar(500),
    sent_to         varchar(200),
    sent_at         timestamptz,
    requested_by    varchar(100) not null,
    created_at      timestamptz  not null
);
create unique index uq_client_report_scheduled on client_report_delivery (practice_id, month) where trigger = 'SCHEDULE';
create index ix_client_report_due on client_report_delivery (next_attempt_at) where status = 'WAITING';
create index ix_client_report_practice on client_report_delivery (practice_id, created_at);

-- The deadline watch's events (denial.AppealDeadlines) as the report reads them: the deadlines missed.
create view report_appeal_deadline_event as select denial_id, level, kind, due_on, at from appeal_deadline_event;
