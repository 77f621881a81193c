-- An authorization can enter the register from a retro-authorization decision recorded on a denial
-- (source RETRO); source_note says which denial it was recorded for, so the register shows where the row came from.
alter table prior_authorization add column source_note varchar(200);
