-- 004-fewer-indexes: three indexes that every ingest paid for and that no
-- query of kgraph uses (docs/benchmarks.md: 7-10% of the writer's time).
--   events_subject      events_pair (subject_id, object_id, cameo) begins
--                       with subject_id and serves the same lookups.
--   events_cameo        kgraph filters codes by prefix (substr(cameo, 1, n)),
--                       which no index serves.
--   unique_events_date  timeline sorts the events of one actor, found
--                       through the subject and object indexes; stats reads
--                       min/max through nullif(), which no index serves.
-- Your own SQL on these columns still works; it reads the table.  Applied
-- once by src/store/store.c.

DROP INDEX IF EXISTS events_subject;
DROP INDEX IF EXISTS events_cameo;
DROP INDEX IF EXISTS unique_events_date;
