-- How many hours after a denial of ongoing care a payer still grants a peer-to-peer review with its reviewer
-- (null: not known). Part of the payer's appeal route (PayerAppealTerms).
alter table payer add column peer_to_peer_hours int check (peer_to_peer_hours > 0);
