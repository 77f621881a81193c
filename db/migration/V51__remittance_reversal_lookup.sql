-- The payments a later payment reverses (claim status 22): asked when an exact duplicate (OA-18) is matched to
-- its paid original, which must not have been reversed since (Denials.paidOriginalOf). Without an index the planner
-- read every claim payment into a hash table for that one question. Only the few reversals hold an entry, so the
-- claims' COPY adds nothing to it (issue 20).
create index ix_claim_payment_reverses on claim_payment (reverses_id) where reverses_id is not null;
