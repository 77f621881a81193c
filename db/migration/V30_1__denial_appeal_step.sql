-- The appeal step a denial is at: its regime, the level being worked (appeal_level, V4, is the last level sent),
-- the date that level's clock started and who receives the request; appeal_due_date (V4) is its due date.
alter table denial
    add column appeal_regime       varchar(30),
    add column appeal_step         int,
    add column appeal_clock_start  date,
    add column appeal_recipient    varchar(300);

-- each appeal as sent remembers the due date it had, so deadlines met can be counted
alter table appeal add column due_on date;
