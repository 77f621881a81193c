-- 42 CFR Part 2: providers that are federally assisted substance-use disorder programs (every record they
-- make is Part 2, whatever the service), and the patients' written consents to disclose Part 2 records to a
-- payer. A consent is never deleted: a revoked one keeps its row with who revoked it and when.

create table part2_program (
    npi      varchar(10)  primary key,
    name     varchar(200) not null,
    added_by varchar(100) not null,
    added_at timestamptz  not null
);

-- flagging a program marks the denials of the claims it rendered
create index ix_claim_payment_rendering_npi on claim_payment (rendering_provider_npi);

create table patient_consent (
    id                 bigserial    primary key,
    -- the patient as the 835 names them: member id (claim_payment.member_id) when known, else the name
    member_id          varchar(80),
    patient_last_name  varchar(60),
    patient_first_name varchar(35),
    -- the recipient the consent names
    payer_id           varchar(80)  not null,
    purpose            text         not null,
    signed_on          date         not null,
    -- the last day the consent covers; null when it runs until revoked
    expires_on         date,
    revoked_at         timestamptz,
    revoked_by         varchar(100),
    recorded_by        varchar(100) not null,
    recorded_at        timestamptz  not null,
    constraint ck_patient_consent_names_the_patient
        check (member_id is not null or (patient_last_name is not null and patient_first_name is not null)),
    constraint ck_patient_consent_expires_after_signing check (expires_on is null or expires_on > signed_on)
);
-- a denial's consents: by member id (any payer, or its payer), or by name when the claim carries no member id
create index ix_patient_consent_member on patient_consent (member_id, payer_id);
create index ix_patient_consent_name on patient_consent (lower(patient_last_name), lower(patient_first_name), payer_id);
