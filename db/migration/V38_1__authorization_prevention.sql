-- Prevention before the denial. The payer directory's rule of which services a payer authorizes in advance
-- (procedure or revenue codes, or a level of care by name such as PARTIAL_HOSPITALIZATION; empty: none known), kept by
-- org.overturn.payer.
alter table payer add column authorization_required varchar(48)[] not null default '{}';

-- What the register's daily watch found (org.overturn.authorization): an authorization running out, a claim on file
-- with no authorization its payer requires, claims billed beyond the units approved. Each finding once (kind and
-- subject: an extension or a new span makes a new subject), worked as a task of the authorizations queue by its
-- process (authorization-watch). Holds PHI (member id, claim number).
create table authorization_prevention (
    id                     bigserial    primary key,
    kind                   varchar(20)  not null,
    subject                varchar(200) not null,
    authorization_id       bigint       references prior_authorization (id),
    payer_id               varchar(80)  not null,
    payer_name             varchar(60),
    member_id              varchar(80),
    patient_control_number varchar(38),
    reason                 varchar(400) not null,
    -- when acting is too late: the authorization's end or its concurrent review; null when nothing ends
    due_at                 timestamptz,
    part2                  boolean      not null default false,
    found_at               timestamptz  not null,
    process_instance_id    varchar(64),
    outcome                varchar(20),
    resolved_at            timestamptz,
    resolved_by            varchar(100),
    constraint uq_authorization_prevention unique (kind, subject)
);
create index ix_authorization_prevention_process on authorization_prevention (process_instance_id);

-- A prevention task has no denial: the queues count it with its finding instead
alter table queue_task alter column denial_id drop not null,
    add column prevention_id bigint references authorization_prevention (id);

-- ... and visits no denial (the access gate's queue visits are denials')
create or replace function record_denial_queue_visit() returns trigger language plpgsql as $$
begin
    if new.denial_id is not null then
        insert into denial_queue_visit (denial_id, queue) values (new.denial_id, new.queue) on conflict do nothing;
    end if;
    return new;
end $$;
