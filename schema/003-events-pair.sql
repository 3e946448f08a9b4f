-- 003-events-pair: find the events of one edge (subject, object, CAMEO code)
-- through an index.  export and render with filters join their selected
-- edges back to the events of each edge: with events_subject alone, every
-- edge scanned all the events of its subject, and a filtered export of a
-- store of a million triples took 185 s; with this index, 3 s
-- (docs/benchmarks.md).  Applied once by src/store/store.c.

CREATE INDEX events_pair ON events(subject_id, object_id, cameo);
