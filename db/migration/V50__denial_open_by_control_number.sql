-- The open denials of a claim, found by its patient control number when a later 835 for the claim arrives
-- (PayerAnswers, a file's thousands of claims looked up one by one). Only the denials still being worked: the
-- closed ones, most of the table in time, hold no entry, and no plan has to choose between the control number's
-- index and the status's (issue 20).
create index ix_denial_open_by_control_number on denial (patient_control_number)
 where status in ('OPEN', 'CORRECTION_SUBMITTED', 'APPEALED') and follows_denial_id is null;
