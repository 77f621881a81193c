-- Parity (issue 18): the provider's standing and what came of each request and complaint.

-- The patient's authorization of the practice as authorized representative for a denial's parity request and
-- complaint: who signed, when, what it covers and where the signed document is. Without one the practice writes
-- in its own name.
create table parity_authorization (
    id             bigserial    primary key,
    denial_id      bigint       not null references denial (id),
    signed_by      varchar(200) not null,
    signed_on      date         not null,
    -- REQUEST (comparative analysis and criteria) or REQUEST_AND_COMPLAINT
    scope          varchar(30)  not null,
    document       varchar(300) not null,
    expires_on     date,
    recorded_by    varchar(100) not null,
    recorded_at    timestamptz  not null,
    revoked_at     timestamptz
);
create index ix_parity_authorization_denial on parity_authorization (denial_id);

-- Outcomes per case: the specialist's assessment of the plan's analysis (ADEQUATE or DEFICIENT) and the day the
-- plan corrected the limitation (reprocessed or changed its rule), besides the complaint's outcome.
alter table parity_case add column analysis_assessment varchar(10);
alter table parity_case add column corrected_on date;
alter table parity_case add column correction_note varchar(1000);
