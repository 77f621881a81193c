-- The denial lifecycle: one process per denial (the primary key guarantees it), payers with their appeal
-- limits, corrected claims, appeals per level, and SLA breaches.

create table payer (
    id                varchar(80)  primary key,
    name              varchar(60),
    plan_type         varchar(20)  not null,
    appeal_limit_days int          not null,
    -- created from an 835 with default terms: someone should confirm them
    needs_review      boolean      not null,
    created_at        timestamptz  not null
);

alter table denial
    add column plan_type            varchar(20),
    add column appeal_due_date      date,
    add column priority             int           not null default 0,
    add column appeal_level         int           not null default 0,
    add column recovered_amount     numeric(14, 2),
    add column closed_at            timestamptz,
    -- a later 835 for a claim whose denial was waiting for the payer: that denial's process carries it
    add column follows_denial_id    bigint references denial (id);
create index ix_denial_status_priority on denial (status, priority desc);
create index ix_denial_appeal_due on denial (appeal_due_date);

create table denial_process (
    denial_id           bigint       primary key references denial (id),
    process_instance_id varchar(64)  not null,
    started_at          timestamptz  not null
);
-- a follow-up denial (a later 835 answering a waiting one) is carried by the earlier denial's process
create index ix_denial_process_instance on denial_process (process_instance_id);

create table corrected_claim (
    id            bigserial    primary key,
    denial_id     bigint       not null references denial (id),
    what_changed  varchar(500) not null,
    reason        varchar(1000) not null,
    corrected_by  varchar(100),
    corrected_at  timestamptz  not null,
    submitted_at  timestamptz
);
create index ix_corrected_claim_denial on corrected_claim (denial_id);

create table appeal (
    id           bigserial    primary key,
    denial_id    bigint       not null references denial (id),
    level        int          not null,
    argument     text,
    prepared_by  varchar(100),
    approved_by  varchar(100),
    sent_at      timestamptz  not null,
    outcome      varchar(12),
    decided_at   timestamptz,
    constraint uq_appeal_denial_level unique (denial_id, level)
);

create table sla_breach (
    id                  bigserial    primary key,
    denial_id           bigint       not null references denial (id),
    task_definition_key varchar(64)  not null,
    task_id             varchar(64),
    queue               varchar(30),
    breached_at         timestamptz  not null
);
create index ix_sla_breach_denial on sla_breach (denial_id);
