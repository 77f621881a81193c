-- part2: a consent holds the elements 42 CFR 2.31(a) requires (2024 final rule, 89 FR 12472; compliance from
-- 2026-02-16; https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2/subpart-C/section-2.31):
-- the patient, who may disclose (the program), what information, to whom (a named recipient of a kind, or the
-- general designation for treatment, payment and health care operations), the purpose, when it expires (a date or
-- an event), who signed and when, and its revocation. The patient is named by name and date of birth: a member id
-- changes with the plan and is kept only as it was on the form.

alter table patient_consent rename column payer_id to recipient_id;
alter table patient_consent alter column recipient_id drop not null;
alter table patient_consent
    add column patient_birth_date  date,
    -- PAYER, REGULATOR, REVIEW_BODY (IRO, state fair hearing office, external review) or AUTHORIZED_REPRESENTATIVE
    add column recipient_kind      varchar(30),
    add column recipient_name      varchar(200),
    -- "my treating providers, health plans, third-party payers, and people helping to operate this program"
    add column general_designation boolean not null default false,
    add column discloser           varchar(300),
    add column information         text,
    add column expiry_event        varchar(300),
    add column signed_by           varchar(200),
    -- the 2.31 elements a consent recorded before this migration does not hold; empty for a complete consent
    add column missing_elements    varchar(300) not null default '';

-- Consents recorded before: each named one payer. Fill the patient's name and date of birth from the claims of
-- its member id when they agree on one; what the old record never held is listed as missing, and such a consent
-- lets nothing go until it is recorded again with its elements (PatientConsents refuses it as deficient, 2.31(c)).
update patient_consent set recipient_kind = 'PAYER';
update patient_consent c set patient_last_name = n.last, patient_first_name = n.first
  from (select member_id, min(patient_last_name) as last, min(patient_first_name) as first
          from claim_payment where member_id is not null and patient_last_name is not null
         group by member_id
        having count(distinct (lower(patient_last_name), lower(coalesce(patient_first_name, '')))) = 1) n
 where c.member_id = n.member_id and c.patient_last_name is null;
update patient_consent c set patient_birth_date = b.birth
  from (select member_id, min(patient_birth_date) as birth from billed_claim
         where member_id is not null and patient_birth_date is not null
         group by member_id having count(distinct patient_birth_date) = 1) b
 where c.member_id = b.member_id and c.patient_birth_date is null;
update patient_consent set missing_elements = concat_ws(',',
        case when patient_last_name is null or patient_first_name is null then 'patient name' end,
        'who may disclose', 'information to disclose',
        case when expires_on is null then 'expiry' end,
        'signature');

alter table patient_consent alter column recipient_kind set not null;
alter table patient_consent drop constraint ck_patient_consent_names_the_patient;
alter table patient_consent add constraint ck_patient_consent_recipient
    check (general_designation or recipient_id is not null or recipient_name is not null);
alter table patient_consent add constraint ck_patient_consent_complete
    check (missing_elements <> '' or (patient_last_name is not null and patient_first_name is not null
        and patient_birth_date is not null and discloser is not null and information is not null
        and signed_by is not null and (expires_on is not null or expiry_event is not null)));

drop index ix_patient_consent_member;
drop index ix_patient_consent_name;
create index ix_patient_consent_patient on patient_consent (lower(patient_last_name), lower(patient_first_name));
create index ix_patient_consent_member on patient_consent (member_id);
