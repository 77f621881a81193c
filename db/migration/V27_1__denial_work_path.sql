-- What a denial's lifecycle does first (denial.WorkPath: CORRECT, APPEAL, TIMELY_FILING_PROOF, REOPENING,
-- MATCH_ORIGINAL, AWAIT_STATUS, REDUCTION, DECIDE_WRITE_OFF), as the root-cause table decided it (issue 17). Null for
-- denials registered before: their processes decide by root cause and flags as before.
alter table denial add column path varchar(20)
    constraint ck_denial_path check (path in ('CORRECT', 'APPEAL', 'TIMELY_FILING_PROOF', 'REOPENING', 'MATCH_ORIGINAL',
                                              'AWAIT_STATUS', 'REDUCTION', 'DECIDE_WRITE_OFF'));
