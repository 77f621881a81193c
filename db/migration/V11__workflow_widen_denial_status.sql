-- PATIENT_RESPONSIBILITY (22 characters) did not fit: closing a denial as the patient's failed.
alter table denial alter column status type varchar(30);
