-- One stored 42 CFR Part 2 flag per claim payment, decided when the claim is stored from every fact the 835
-- gives (remittance.Part2Records): a substance-use procedure or revenue code on a line, or a rendering provider
-- flagged as a Part 2 program at claim level (NM1*82) or line level (REF*HPI). Every view, export, list,
-- filter and count reads this flag (through the denial's copy of it) instead of deciding again. Flagging a
-- program later marks the claims it rendered, at either level, so the line's rendering provider is kept too.

alter table claim_payment add column part2 boolean not null default false;
alter table service_line add column rendering_provider_npi varchar(80);
create index ix_service_line_rendering_npi on service_line (rendering_provider_npi)
    where rendering_provider_npi is not null;

-- claims stored before this flag: what the rows still tell (line-level providers were not kept before)
update claim_payment cp set part2 = true
 where cp.rendering_provider_npi in (select npi from part2_program)
    or exists (select 1 from denial d where d.claim_payment_id = cp.id and d.part2)
    or exists (select 1 from service_line s
                where s.claim_payment_id = cp.id
                  and (s.procedure_code in ('H0001', 'H0002', 'H0003', 'H0004', 'H0005', 'H0006', 'H0007', 'H0008',
                                            'H0009', 'H0010', 'H0011', 'H0012', 'H0013', 'H0014', 'H0015', 'H0016',
                                            'H0017', 'H0018', 'H0019', 'H0020', 'H0022', 'H0047', 'H0050',
                                            'G2067', 'G2068', 'G2069', 'G2070', 'G2071', 'G2072', 'G2073', 'G2074',
                                            'G2075', 'G2076', 'G2077', 'G2078', 'G2079', 'G2080', '99408', '99409')
                    or s.original_procedure in ('H0001', 'H0002', 'H0003', 'H0004', 'H0005', 'H0006', 'H0007',
                                            'H0008', 'H0009', 'H0010', 'H0011', 'H0012', 'H0013', 'H0014', 'H0015',
                                            'H0016', 'H0017', 'H0018', 'H0019', 'H0020', 'H0022', 'H0047', 'H0050',
                                            'G2067', 'G2068', 'G2069', 'G2070', 'G2071', 'G2072', 'G2073', 'G2074',
                                            'G2075', 'G2076', 'G2077', 'G2078', 'G2079', 'G2080', '99408', '99409')
                    or s.revenue_code in ('0116', '0126', '0136', '0146', '0156', '0906', '0944', '0945', '1002')
                    or (s.procedure_qualifier = 'NU'
                        and s.procedure_code in ('0116', '0126', '0136', '0146', '0156', '0906', '0944', '0945',
                                                 '1002'))));

-- and the denials of those claims
update denial d set part2 = true from claim_payment cp
 where cp.id = d.claim_payment_id and cp.part2 and not d.part2;
