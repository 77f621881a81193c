-- A concurrent-review or level-of-care denial of a stay still going on (CARC 186, 150 or 198 on an inpatient,
-- residential, withdrawal management, PHP or IOP claim): the peer-to-peer review offered with the payer's window,
-- and the expedited appeal its regime grants with the deciding body's clock (72 hours), filed and decided. Owned by
-- org.overturn.denial; one row per denial.
create table urgent_appeal (
    denial_id                  bigint       primary key references denial (id),
    level_of_care              varchar(30)  not null,
    offered_at                 timestamptz  not null,
    -- null: the payer directory does not know the payer's peer-to-peer window
    peer_to_peer_due_at        timestamptz,
    -- OVERTURNED, UPHELD, NOT_HELD, or WINDOW_CLOSED when the window passed with nothing recorded
    peer_to_peer_outcome       varchar(20),
    peer_to_peer_recorded_at   timestamptz,
    -- null: the regime grants no expedited appeal at this level (the standard appeal only)
    expedited_decision_hours   int check (expedited_decision_hours > 0),
    expedited_source           varchar(1000),
    expedited_filed_at         timestamptz,
    expedited_decision_due_at  timestamptz,
    expedited_decision         varchar(20),
    expedited_decided_at       timestamptz,
    -- the deciding body's clock ran out before a decision was recorded
    expedited_overdue_at       timestamptz
);

-- How many hours after a denial of ongoing care a payer still grants a peer-to-peer review with its reviewer
-- (null: not known). Part of the payer's appeal route (PayerAppealTerms), kept by org.overturn.payer.
alter table payer add column peer_to_peer_hours int check (peer_to_peer_hours > 0);
