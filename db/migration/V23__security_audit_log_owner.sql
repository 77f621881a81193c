-- The audit log stays append-only against the application's own database role, not only against its code: the
-- table, its sequence and its guard function belong to a role nobody signs in as (overturn_audit_owner), so the
-- application's role can add events and read them but can neither change nor remove them, nor drop or disable the
-- triggers that refuse it (only a table's owner or a superuser can). The application role keeps INSERT and SELECT.
--
-- Creating the owner role needs CREATEROLE (or a superuser) once; where the migrating role has neither, a DBA
-- creates it first (README, Running in production). A superuser can always do anything: production must not run
-- the application as one. The embedded database of the local run does, so there this protects nothing.

do $$
declare
    app text := current_user;
begin
    if not exists (select 1 from pg_roles where rolname = 'overturn_audit_owner') then
        begin
            create role overturn_audit_owner nologin;
        exception when insufficient_privilege then
            raise notice 'overturn_audit_owner not created (no CREATEROLE): the audit log keeps its triggers only';
            return;
        end;
    end if;
    -- to hand the table over the application role must be able to act as the new owner, for this moment only
    execute format('grant overturn_audit_owner to %I', app);
    alter table audit_event owner to overturn_audit_owner;
    alter sequence audit_event_id_seq owner to overturn_audit_owner;
    alter function audit_event_is_append_only() owner to overturn_audit_owner;
    execute format('grant select, insert on audit_event to %I', app);
    execute format('grant usage, select on sequence audit_event_id_seq to %I', app);
    execute format('revoke overturn_audit_owner from %I', app);
end $$;
