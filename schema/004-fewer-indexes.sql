-- 004-fewer-indexes: less work for every ingest (docs/benchmarks.md).
-- Four indexes that every article paid for and no question needs
-- (about 20% of the writer's time together):
--   events_subject      events_pair (subject_id, object_id, cameo) begins
--                       with subject_id and serves the same lookups.
--   events_cameo        kgraph filters codes by prefix (substr(cameo, 1, n)),
--                       which no index serves.
--   unique_events_date  timeline sorts the events of one actor, found
--                       through the subject and object indexes; stats reads
--                       min/max through nullif(), which no index serves.
--   mentions_actor      `actors` counts mentions in one pass over the table
--                       (0.35 s instead of 0.09 s on the 100 MB corpus's
--                       1.25 million mentions), `actors --unresolved` joins
--                       the few unresolved actors through an automatic index;
--                       inserts went to about 400 places of it at once.
-- Your own SQL on these columns still works; it reads the table.
-- Applied once by src/store/store.c.

DROP INDEX IF EXISTS events_subject;
DROP INDEX IF EXISTS events_cameo;
DROP INDEX IF EXISTS unique_events_date;
DROP INDEX IF EXISTS mentions_actor;
