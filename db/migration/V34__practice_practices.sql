-- The practices (clients) a billing office serves, one per billing provider, and which users work which practices.
-- A practice is recognised from the 835 payee (N1*PE NPI, REF*TJ tax id) and the 837 billing provider; one that
-- nobody recognises is created PENDING and waits for an administrator to confirm it.
create table practice (
    id              bigserial primary key,
    name            varchar(120) not null,
    tax_id          varchar(20),
    group_npi       varchar(10),
    rendering_npis  varchar(10)[] not null default '{}',
    status          varchar(10)  not null check (status in ('ACTIVE', 'PENDING')),
    -- the letterhead: letters fall back to configuration only for what a practice leaves empty
    address_lines   text[]       not null default '{}',
    phone           varchar(40),
    fax             varchar(40),
    signer_name     varchar(120),
    signer_title    varchar(120),
    logo_data_uri   text,
    contact_email   varchar(200),
    -- how it came to be: CREATED (an administrator), MIGRATED, PAYEE_835 or BILLING_PROVIDER_837
    recognised_from varchar(30)  not null,
    created_at      timestamptz  not null default now()
);
create unique index uq_practice_group_npi on practice (group_npi) where group_npi is not null;
create index ix_practice_tax_id on practice (tax_id);

-- A user works the practices listed here; a row without a practice means every practice, those added later too.
-- A user with no row sees no practice's records (administrators see all without one).
create table practice_assignment (
    id          bigserial primary key,
    user_id     varchar(64) not null,
    practice_id bigint references practice (id),
    constraint uq_practice_assignment unique nulls not distinct (user_id, practice_id)
);
create index ix_practice_assignment_user on practice_assignment (user_id);

-- A database that already holds remittances or claims served one practice: it becomes that practice, named and
-- identified by the payee most of its remittances named, and every user already there keeps seeing everything.
insert into practice (name, group_npi, tax_id, status, recognised_from)
select coalesce((select payee_name from remittance where payee_name is not null
                  group by payee_name order by count(*) desc, payee_name limit 1), 'Existing practice'),
       (select payee_id from remittance where payee_id_qualifier = 'XX' and payee_id ~ '^[0-9]{10}$'
         group by payee_id order by count(*) desc, payee_id limit 1),
       (select payee_id from remittance where payee_id_qualifier = 'FI'
         group by payee_id order by count(*) desc, payee_id limit 1),
       'ACTIVE', 'MIGRATED'
 where exists (select 1 from remittance) or exists (select 1 from billed_claim);

do $$
begin
    -- the engine's tables exist only on a database the engine already ran on
    if to_regclass('act_id_user') is not null and exists (select 1 from practice) then
        execute 'insert into practice_assignment (user_id, practice_id) select id_, null from act_id_user';
    end if;
end $$;
