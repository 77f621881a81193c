-- A claim's first service line (the procedure the dashboard attributes it to) in index order, its procedure
-- code read from the index alone; it serves every other look-up by claim, so it replaces the index on the
-- claim alone rather than adding a second one to maintain on every ingested line.
create index ix_service_line_claim_position on service_line (claim_payment_id, position) include (procedure_code);
drop index ix_service_line_claim;
