-- A claim payment's service lines, adjustments and remarks come tens of thousands to a file, by COPY
-- (remittance.internal.ClaimRowWriter). As foreign keys, their references were checked row by row: a look-up and a
-- lock of the parent row for each row, 55% of the COPY's time for a 50,000-claim file (BENCHMARKS.md, issue 20).
-- The same rules are now checked once per statement, over the distinct claims and lines the new rows name:
--   - a line's claim, an adjustment's or remark's claim and line must be stored (and the line be of that claim);
--   - a row keeps the claim and line it was written for;
--   - a claim or line that rows refer to cannot be deleted, and no id changes.
-- Nothing deletes these rows (remittances are financial records, README "Retention"), so the lock a foreign key
-- takes against a concurrent delete has nothing to guard against: the parents are written in the same transaction.
-- The error is the one a foreign key raises (SQLSTATE 23503), so callers see the same DataIntegrityViolation.

alter table service_line drop constraint service_line_claim_payment_id_fkey;
alter table adjustment drop constraint adjustment_claim_payment_id_fkey;
alter table adjustment drop constraint adjustment_service_line_id_fkey;
alter table remark drop constraint remark_claim_payment_id_fkey;
alter table remark drop constraint remark_service_line_id_fkey;

-- One function for the three tables: every row names a stored claim, and an adjustment's or remark's line is of
-- that claim. Hash and merge joins are off inside it (and the delete check below): a statement's rows name a few
-- thousand parents, which an index probe each finds at once, where a hash join would read every claim or line ever
-- stored.
create function remittance_rows_have_parents() returns trigger
    language plpgsql set enable_hashjoin = off set enable_mergejoin = off as
$$
declare
    missing bigint;
begin
    select a.claim_payment_id into missing
      from (select distinct claim_payment_id from added) a
     where not exists (select 1 from claim_payment c where c.id = a.claim_payment_id)
     limit 1;
    if found then
        raise exception using errcode = 'foreign_key_violation',
            message = format('insert or update on table "%s" refers to claim_payment %s, which is not stored',
                             TG_TABLE_NAME, missing);
    end if;
    if TG_TABLE_NAME = 'service_line' then
        return null;
    end if;
    select a.service_line_id into missing
      from (select distinct claim_payment_id, service_line_id from added where service_line_id is not null) a
     where not exists (select 1 from service_line s
                        where s.id = a.service_line_id and s.claim_payment_id = a.claim_payment_id)
     limit 1;
    if found then
        raise exception using errcode = 'foreign_key_violation',
            message = format('insert or update on table "%s" refers to service_line %s, which is not stored '
                             'under the same claim_payment', TG_TABLE_NAME, missing);
    end if;
    return null;
end
$$;

create trigger service_line_has_claim after insert on service_line
    referencing new table as added for each statement execute function remittance_rows_have_parents();
create trigger adjustment_has_claim_and_line after insert on adjustment
    referencing new table as added for each statement execute function remittance_rows_have_parents();
create trigger remark_has_claim_and_line after insert on remark
    referencing new table as added for each statement execute function remittance_rows_have_parents();

-- what a row refers to is written once: changing it would need the check above again
create function remittance_reference_is_fixed() returns trigger language plpgsql as
$$
begin
    raise exception using errcode = 'foreign_key_violation',
        message = format('the claim_payment or service_line of a stored %s row does not change (row %s)',
                         TG_TABLE_NAME, old.id);
end
$$;

create trigger service_line_keeps_claim before update of id, claim_payment_id on service_line
    for each row when (old.id is distinct from new.id or old.claim_payment_id is distinct from new.claim_payment_id)
    execute function remittance_reference_is_fixed();
create trigger adjustment_keeps_claim_and_line before update of claim_payment_id, service_line_id on adjustment
    for each row when (old.claim_payment_id is distinct from new.claim_payment_id
                       or old.service_line_id is distinct from new.service_line_id)
    execute function remittance_reference_is_fixed();
create trigger remark_keeps_claim_and_line before update of claim_payment_id, service_line_id on remark
    for each row when (old.claim_payment_id is distinct from new.claim_payment_id
                       or old.service_line_id is distinct from new.service_line_id)
    execute function remittance_reference_is_fixed();
create trigger claim_payment_keeps_id before update of id on claim_payment
    for each row when (old.id is distinct from new.id) execute function remittance_reference_is_fixed();

-- a claim or line that rows still refer to stays, as a foreign key without ON DELETE keeps it
create function remittance_parent_still_referred_to() returns trigger
    language plpgsql set enable_hashjoin = off set enable_mergejoin = off as
$$
declare
    referred bigint;
begin
    if TG_TABLE_NAME = 'claim_payment' then
        select g.id into referred from gone g
         where exists (select 1 from service_line s where s.claim_payment_id = g.id)
            or exists (select 1 from adjustment a where a.claim_payment_id = g.id)
            or exists (select 1 from remark r where r.claim_payment_id = g.id)
         limit 1;
    else
        select g.id into referred from gone g
         where exists (select 1 from adjustment a where a.claim_payment_id = g.claim_payment_id
                                                     and a.service_line_id = g.id)
            or exists (select 1 from remark r where r.claim_payment_id = g.claim_payment_id
                                                 and r.service_line_id = g.id)
         limit 1;
    end if;
    if found then
        raise exception using errcode = 'foreign_key_violation',
            message = format('delete on table "%s": row %s is still referred to by its lines, adjustments or '
                             'remarks', TG_TABLE_NAME, referred);
    end if;
    return null;
end
$$;

create trigger claim_payment_keeps_referred after delete on claim_payment
    referencing old table as gone for each statement execute function remittance_parent_still_referred_to();
create trigger service_line_keeps_referred after delete on service_line
    referencing old table as gone for each statement execute function remittance_parent_still_referred_to();

create function remittance_rows_not_truncated() returns trigger language plpgsql as
$$
begin
    raise exception using errcode = 'foreign_key_violation',
        message = format('table "%s" holds remittance rows that other rows refer to: it is not truncated',
                         TG_TABLE_NAME);
end
$$;

create trigger claim_payment_not_truncated before truncate on claim_payment
    for each statement execute function remittance_rows_not_truncated();
create trigger service_line_not_truncated before truncate on service_line
    for each statement execute function remittance_rows_not_truncated();
