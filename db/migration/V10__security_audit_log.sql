-- Who looked at or changed what, when, from where: every view and export of PHI, every task completed,
-- every letter sent, every login. Append-only: the database itself refuses updates and deletes.

create table audit_event (
    id             bigserial    primary key,
    occurred_at    timestamptz  not null,
    actor          varchar(100),
    action         varchar(30)  not null,
    record_type    varchar(40),
    record_id      varchar(64),
    detail         varchar(500),
    remote_address varchar(64)
);
create index ix_audit_event_occurred on audit_event (occurred_at);
create index ix_audit_event_actor on audit_event (actor, occurred_at);
create index ix_audit_event_record on audit_event (record_type, record_id);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end
$$;
create trigger audit_event_no_update_or_delete before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
