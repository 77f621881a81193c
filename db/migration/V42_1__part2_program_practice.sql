-- A Part 2 program belongs to the practice that runs it, when someone says which; recognition stays by NPI alone.
alter table part2_program add column practice_id bigint references practice (id);
create index ix_part2_program_practice on part2_program (practice_id);
