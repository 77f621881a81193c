-- A claim payment's remittance is checked once per statement, as its lines' claims are since V48: the COPY of a
-- transaction set's 2,500 claims names one remittance, which the foreign key looked up and locked 2,500 times.
-- A claim keeps its remittance, and a remittance that claims refer to is neither deleted nor truncated.
-- (reverses_id keeps its foreign key: COPY leaves it empty, and it is set afterwards for a file's few reversals.)

alter table claim_payment drop constraint claim_payment_remittance_id_fkey;

create function remittance_claims_have_remittances() returns trigger
    language plpgsql set enable_hashjoin = off set enable_mergejoin = off as
$$
declare
    missing bigint;
begin
    select a.remittance_id into missing
      from (select distinct remittance_id from added) a
     where not exists (select 1 from remittance r where r.id = a.remittance_id)
     limit 1;
    if found then
        raise exception using errcode = 'foreign_key_violation',
            message = format('insert or update on table "%s" refers to remittance %s, which is not stored',
                             TG_TABLE_NAME, missing);
    end if;
    return null;
end
$$;

create trigger claim_payment_has_remittance after insert on claim_payment
    referencing new table as added for each statement execute function remittance_claims_have_remittances();

-- the message of V48's function named only claims and lines; it now guards a claim's remittance too
create or replace function remittance_reference_is_fixed() returns trigger language plpgsql as
$$
begin
    raise exception using errcode = 'foreign_key_violation',
        message = format('what a stored %s row refers to does not change (row %s)', TG_TABLE_NAME, old.id);
end
$$;

create trigger claim_payment_keeps_remittance before update of remittance_id on claim_payment
    for each row when (old.remittance_id is distinct from new.remittance_id)
    execute function remittance_reference_is_fixed();

create function remittance_still_referred_to() returns trigger
    language plpgsql set enable_hashjoin = off set enable_mergejoin = off as
$$
declare
    referred bigint;
begin
    select g.id into referred from gone g
     where exists (select 1 from claim_payment c where c.remittance_id = g.id)
     limit 1;
    if found then
        raise exception using errcode = 'foreign_key_violation',
            message = format('delete on table "remittance": row %s is still referred to by its claims', referred);
    end if;
    return null;
end
$$;

create trigger remittance_keeps_referred after delete on remittance
    referencing old table as gone for each statement execute function remittance_still_referred_to();
create trigger remittance_not_truncated before truncate on remittance
    for each statement execute function remittance_rows_not_truncated();
