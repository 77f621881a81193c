-- part2: the accounting of disclosures made with consent (42 CFR 2.25(a), 2024 final rule, 89 FR 12625; the content
-- of 45 CFR 164.528(b): date, recipient and address when known, what was disclosed, the purpose). One row a recipient
-- a record went to, with the patient as the record named them then (the accounting is asked for by the patient, not
-- by the plan) and the consent it rests on.
create table part2_disclosure (
    id                 bigserial    primary key,
    denial_id          bigint       not null references denial (id),
    consent_id         bigint       references patient_consent (id),
    patient_last_name  varchar(60),
    patient_first_name varchar(35),
    patient_birth_date date,
    member_id          varchar(80),
    recipient_kind     varchar(30)  not null,
    recipient_id       varchar(200),
    recipient_name     varchar(200),
    address            varchar(320),
    information        text         not null,
    purpose            text,
    disclosed_by       varchar(100) not null,
    disclosed_at       timestamptz  not null
);
create index ix_part2_disclosure_patient on part2_disclosure (lower(patient_last_name), lower(patient_first_name));
create index ix_part2_disclosure_denial on part2_disclosure (denial_id);

-- letters: whom a letter version is addressed to (the payer's appeals desk, a review body at a higher appeal level,
-- the regulator of a parity complaint), which the Part 2 gate checks besides the payer that receives the email.
-- Null for versions rendered before: addressed to the payer.
alter table letter_version
    add column recipient_kind varchar(30),
    add column recipient_id   varchar(200),
    add column recipient_name varchar(200);
