-- What the trailers closing a payment got wrong (SE01/SE02, GE01/GE02, IEA01/IEA02 counts and control numbers).
-- Such files are accepted, as real payers send them; the warnings are kept beside the balance problems, apart from
-- them: "balanced" still means the money balances.

alter table remittance add column envelope_warnings text[] not null default '{}';
