-- 002-store: what analysts need on top of 001.
--   character offsets, actor aliases, facts (offices, affiliations),
--   deduplicated events with mentions/articles/sources counts,
--   the user dictionary, full-text search, indexes, and the views
--   triples (extended), edges and actor_degree.
-- Applied once, inside a transaction, by src/store/store.c.  Existing rows
-- are carried over (backfilled), so an old database upgrades in place.

-- Character (Unicode code point) offsets beside 001's byte offsets:
-- start/end index bytes of articles.text (for substr on a BLOB, C code);
-- char_start/char_end index characters (for substr() on the TEXT, and for
-- most programming languages).  end and char_end are exclusive.
ALTER TABLE sentences ADD COLUMN char_start INTEGER;
ALTER TABLE sentences ADD COLUMN char_end INTEGER;
ALTER TABLE mentions ADD COLUMN char_start INTEGER;
ALTER TABLE mentions ADD COLUMN char_end INTEGER;
UPDATE sentences SET
	char_start = (SELECT length(CAST(substr(CAST(a.text AS BLOB), 1, sentences.start) AS TEXT))
		      FROM articles a WHERE a.id = sentences.article_id),
	char_end = (SELECT length(CAST(substr(CAST(a.text AS BLOB), 1, sentences.end) AS TEXT))
		    FROM articles a WHERE a.id = sentences.article_id);
UPDATE mentions SET
	char_start = (SELECT length(CAST(substr(CAST(a.text AS BLOB), 1, mentions.start) AS TEXT))
		      FROM sentences s JOIN articles a ON a.id = s.article_id WHERE s.id = mentions.sentence_id),
	char_end = (SELECT length(CAST(substr(CAST(a.text AS BLOB), 1, mentions.end) AS TEXT))
		    FROM sentences s JOIN articles a ON a.id = s.article_id WHERE s.id = mentions.sentence_id);

CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_ext_id ON articles(ext_id);
CREATE INDEX actors_name_nocase ON actors(name COLLATE NOCASE);
CREATE INDEX actors_code_nocase ON actors(code COLLATE NOCASE);
CREATE INDEX actors_unresolved ON actors(resolved) WHERE resolved = 0;

-- Other names of an actor: the words the articles used for it ("Tehran",
-- "Afghan") and the aliases of user dictionary entries.  Actor arguments
-- of the commands are looked up here too, case-insensitively.
CREATE TABLE actor_aliases (
	alias    TEXT NOT NULL COLLATE NOCASE,
	actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
	PRIMARY KEY (alias, actor_id)
) WITHOUT ROWID;
CREATE INDEX actor_aliases_actor ON actor_aliases(actor_id);
INSERT OR IGNORE INTO actor_aliases (alias, actor_id)
SELECT CAST(substr(CAST(a.text AS BLOB), m.start + 1, m.end - m.start) AS TEXT), m.actor_id
FROM mentions m JOIN sentences s ON s.id = m.sentence_id JOIN articles a ON a.id = s.article_id
JOIN actors ac ON ac.id = m.actor_id
WHERE CAST(substr(CAST(a.text AS BLOB), m.start + 1, m.end - m.start) AS TEXT) <> ac.name;

-- Facts that are not events: "Vahidi holds office Interior Minister".
CREATE TABLE facts (
	id          INTEGER PRIMARY KEY,
	sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
	subject_id  INTEGER NOT NULL REFERENCES actors(id),
	relation    TEXT NOT NULL,        -- office, affiliate_of, member_of
	value       TEXT,                 -- "Interior Minister"
	object_id   INTEGER REFERENCES actors(id)
);
CREATE INDEX facts_subject ON facts(subject_id);
CREATE INDEX facts_object ON facts(object_id);
CREATE INDEX facts_sentence ON facts(sentence_id);

-- One row per distinct event: the same subject, object, CAMEO code and
-- date reported by several sentences or articles is one event, with
-- GDELT-style counts (NumMentions, NumArticles, NumSources).  events keeps
-- one provenance row per mention and points here.  The store maintains
-- the counts as it adds and removes articles (src/store/store.c).
CREATE TABLE unique_events (
	id          INTEGER PRIMARY KEY,
	subject_id  INTEGER NOT NULL REFERENCES actors(id),
	object_id   INTEGER NOT NULL REFERENCES actors(id),
	cameo       TEXT NOT NULL,
	event_date  TEXT NOT NULL DEFAULT '',   -- '' when undated (NULL would defeat UNIQUE)
	predicate   TEXT NOT NULL,              -- as first stated
	quad_class  INTEGER NOT NULL,
	goldstein   REAL NOT NULL,
	mentions    INTEGER NOT NULL DEFAULT 0, -- rows of events
	articles    INTEGER NOT NULL DEFAULT 0, -- distinct articles
	sources     INTEGER NOT NULL DEFAULT 0, -- distinct non-empty articles.source
	UNIQUE (subject_id, object_id, cameo, event_date)
);
CREATE INDEX unique_events_object ON unique_events(object_id, subject_id);
CREATE INDEX unique_events_date ON unique_events(event_date);

-- How many articles of each source report an event (to count sources
-- exactly when articles come and go).
CREATE TABLE unique_event_sources (
	unique_event_id INTEGER NOT NULL REFERENCES unique_events(id) ON DELETE CASCADE,
	source          TEXT NOT NULL,
	articles        INTEGER NOT NULL,
	PRIMARY KEY (unique_event_id, source)
) WITHOUT ROWID;

ALTER TABLE events ADD COLUMN unique_event_id INTEGER REFERENCES unique_events(id);
INSERT INTO unique_events (subject_id, object_id, cameo, event_date, predicate, quad_class,
			   goldstein, mentions, articles, sources)
SELECT e.subject_id, e.object_id, e.cameo, coalesce(e.event_date, ''), min(e.predicate),
       min(e.quad_class), min(e.goldstein), count(*), count(DISTINCT s.article_id),
       count(DISTINCT nullif(a.source, ''))
FROM events e JOIN sentences s ON s.id = e.sentence_id JOIN articles a ON a.id = s.article_id
GROUP BY e.subject_id, e.object_id, e.cameo, coalesce(e.event_date, '');
UPDATE events SET unique_event_id = (
	SELECT u.id FROM unique_events u
	WHERE u.subject_id = events.subject_id AND u.object_id = events.object_id
	  AND u.cameo = events.cameo AND u.event_date = coalesce(events.event_date, ''));
INSERT INTO unique_event_sources (unique_event_id, source, articles)
SELECT e.unique_event_id, a.source, count(DISTINCT a.id)
FROM events e JOIN sentences s ON s.id = e.sentence_id JOIN articles a ON a.id = s.article_id
WHERE a.source <> ''
GROUP BY e.unique_event_id, a.source;
CREATE INDEX events_unique ON events(unique_event_id);

-- Subject -> object per CAMEO root (the first two digits: 03 cooperate,
-- 19 fight ...) over every date: the weighted edges of the graph, kept by
-- the store like unique_events (a view aggregating events took 8 s on a
-- million triples; this table answers at once).  Read it through the
-- view edges.
CREATE TABLE edge_weights (
	id            INTEGER PRIMARY KEY,
	subject_id    INTEGER NOT NULL REFERENCES actors(id),
	object_id     INTEGER NOT NULL REFERENCES actors(id),
	root          TEXT NOT NULL,
	events        INTEGER NOT NULL DEFAULT 0,   -- distinct events (unique_events rows)
	mentions      INTEGER NOT NULL DEFAULT 0,   -- rows of events: the weight
	articles      INTEGER NOT NULL DEFAULT 0,   -- distinct articles
	sources       INTEGER NOT NULL DEFAULT 0,   -- distinct non-empty sources
	goldstein_sum REAL NOT NULL DEFAULT 0,      -- over mentions, for the mean
	actual        INTEGER NOT NULL DEFAULT 0,   -- mentions that are actual and not negated
	first_date    TEXT,                         -- over dated events; NULL: none dated
	last_date     TEXT,
	UNIQUE (subject_id, object_id, root)
);
CREATE INDEX edge_weights_object ON edge_weights(object_id, subject_id);
CREATE TABLE edge_weight_sources (
	edge_id  INTEGER NOT NULL REFERENCES edge_weights(id) ON DELETE CASCADE,
	source   TEXT NOT NULL,
	articles INTEGER NOT NULL,
	PRIMARY KEY (edge_id, source)
) WITHOUT ROWID;
INSERT INTO edge_weights (subject_id, object_id, root, events, mentions, articles, sources,
			  goldstein_sum, actual, first_date, last_date)
SELECT e.subject_id, e.object_id, substr(e.cameo, 1, 2), count(DISTINCT e.unique_event_id), count(*),
       count(DISTINCT s.article_id), count(DISTINCT nullif(a.source, '')), total(e.goldstein),
       sum(e.modality = 'actual' AND NOT e.negated), min(e.event_date), max(e.event_date)
FROM events e JOIN sentences s ON s.id = e.sentence_id JOIN articles a ON a.id = s.article_id
GROUP BY e.subject_id, e.object_id, substr(e.cameo, 1, 2);
INSERT INTO edge_weight_sources (edge_id, source, articles)
SELECT w.id, a.source, count(DISTINCT a.id)
FROM events e JOIN sentences s ON s.id = e.sentence_id JOIN articles a ON a.id = s.article_id
JOIN edge_weights w ON w.subject_id = e.subject_id AND w.object_id = e.object_id
 AND w.root = substr(e.cameo, 1, 2)
WHERE a.source <> ''
GROUP BY w.id, a.source;

-- The user dictionary (kgraph dict add/list/remove): actors the built-in
-- dictionaries lack, added to the lexicon before every ingest and
-- ingest --reextract, so one file carries the graph and its words.
CREATE TABLE dict_entries (
	id       INTEGER PRIMARY KEY,
	name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
	code     TEXT NOT NULL,
	type     TEXT NOT NULL,
	country  TEXT,
	added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE dict_aliases (
	entry_id INTEGER NOT NULL REFERENCES dict_entries(id) ON DELETE CASCADE,
	alias    TEXT NOT NULL COLLATE NOCASE,
	PRIMARY KEY (entry_id, alias)
) WITHOUT ROWID;

-- Full-text search over sentences (external content: the text is stored
-- once, in sentences).  New sentences are indexed by the store in one
-- statement when it commits a batch (src/store/store.c: an insert trigger
-- would make FTS5 write a segment at every per-article savepoint, 10 times
-- slower); the triggers keep deletes and updates in sync, cascaded deletes
-- included.
CREATE VIRTUAL TABLE sentences_fts USING fts5(
	text, content = 'sentences', content_rowid = 'id',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
	INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER sentences_fts_update AFTER UPDATE OF text ON sentences BEGIN
	INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
	INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;

-- The views analysts query.
DROP VIEW triples;
CREATE VIEW triples AS
SELECT e.id            AS id,
       s.article_id    AS article_id,
       e.sentence_id   AS sentence_id,
       s.text          AS sentence,
       sa.name         AS subject,
       sa.code         AS subject_code,
       sa.type         AS subject_type,
       e.predicate     AS predicate,
       e.cameo         AS cameo,
       e.quad_class    AS quad_class,
       e.goldstein     AS goldstein,
       oa.name         AS object,
       oa.code         AS object_code,
       oa.type         AS object_type,
       ga.name         AS against,
       e.modality      AS modality,
       e.negated       AS negated,
       e.reported      AS reported,
       e.event_date    AS event_date,
       e.location      AS location,
       e.attribution   AS attribution,
       e.confidence    AS confidence,
       -- added by 002
       a.ext_id        AS article,
       a.title         AS title,
       a.source        AS source,
       a.url           AS url,
       a.published     AS published,
       s.seq           AS sentence_seq,
       sa.country      AS subject_country,
       oa.country      AS object_country,
       ga.code         AS against_code,
       ga.type         AS against_type,
       substr(e.cameo, 1, 2) AS root,
       e.unique_event_id AS event_id,
       u.mentions      AS mentions,
       u.articles      AS articles,
       u.sources       AS sources
FROM events e
JOIN sentences s ON s.id = e.sentence_id
JOIN articles a ON a.id = s.article_id
JOIN actors sa ON sa.id = e.subject_id
JOIN actors oa ON oa.id = e.object_id
LEFT JOIN actors ga ON ga.id = e.against_id
LEFT JOIN unique_events u ON u.id = e.unique_event_id;

-- The weighted edges, names spelled out (table edge_weights).
CREATE VIEW edges AS
SELECT w.subject_id              AS subject_id,
       sa.name                   AS subject,
       sa.code                   AS subject_code,
       w.object_id               AS object_id,
       oa.name                   AS object,
       oa.code                   AS object_code,
       w.root                    AS root,
       w.events                  AS events,
       w.mentions                AS mentions,
       w.mentions                AS weight,
       w.articles                AS articles,
       w.sources                 AS sources,
       round(w.goldstein_sum / w.mentions, 2) AS goldstein,
       w.actual                  AS actual,
       w.first_date              AS first_date,
       w.last_date               AS last_date
FROM edge_weights w
JOIN actors sa ON sa.id = w.subject_id
JOIN actors oa ON oa.id = w.object_id;

-- How connected each actor is: distinct actors it acts on (out), is acted
-- on by (in), either (degree = out + in - both ways); the mentions of its
-- edges.  Per actor subqueries on edge_weights' two indexes, so that
-- WHERE name = ... answers at once (an aggregate view cannot be filtered
-- before it is computed: 4 s on a million triples).
CREATE VIEW actor_degree AS
SELECT actor_id, name, code, type, out_degree, in_degree,
       out_degree + in_degree - mutual AS degree, mentions
FROM (SELECT a.id AS actor_id, a.name AS name, a.code AS code, a.type AS type,
	     (SELECT count(DISTINCT w.object_id) FROM edge_weights w WHERE w.subject_id = a.id) AS out_degree,
	     (SELECT count(DISTINCT w.subject_id) FROM edge_weights w WHERE w.object_id = a.id) AS in_degree,
	     (SELECT count(DISTINCT w.object_id) FROM edge_weights w WHERE w.subject_id = a.id
	      AND EXISTS (SELECT 1 FROM edge_weights r
			  WHERE r.subject_id = w.object_id AND r.object_id = a.id)) AS mutual,
	     (SELECT coalesce(sum(w.mentions), 0) FROM edge_weights w WHERE w.subject_id = a.id)
	     + (SELECT coalesce(sum(w.mentions), 0) FROM edge_weights w
		WHERE w.object_id = a.id AND w.subject_id <> a.id) AS mentions
      FROM actors a)
WHERE out_degree > 0 OR in_degree > 0;
