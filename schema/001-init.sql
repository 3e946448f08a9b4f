-- 001-init: articles, sentences, actors, mentions and coded events.
-- Applied once, inside a transaction, by src/store/store.c; never edit an
-- applied migration: add the next numbered file instead.

CREATE TABLE articles (
	id          INTEGER PRIMARY KEY,
	ext_id      TEXT,                 -- id given by the input, or the file path
	title       TEXT,
	source      TEXT,
	url         TEXT,
	published   TEXT,                 -- YYYY-MM-DD
	hash        TEXT NOT NULL UNIQUE, -- content hash: the same article is stored once
	text        TEXT NOT NULL,
	ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE sentences (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,      -- 1-based position in the article
	start      INTEGER NOT NULL,      -- byte offsets into articles.text
	end        INTEGER NOT NULL,
	text       TEXT NOT NULL,
	UNIQUE (article_id, seq)
);

CREATE TABLE actors (
	id       INTEGER PRIMARY KEY,
	name     TEXT NOT NULL,
	code     TEXT NOT NULL DEFAULT '',   -- CAMEO code; '' when unresolved
	type     TEXT NOT NULL DEFAULT 'unknown',
	country  TEXT,
	resolved INTEGER NOT NULL DEFAULT 1,
	UNIQUE (name, code)
);

CREATE TABLE mentions (
	id          INTEGER PRIMARY KEY,
	sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
	actor_id    INTEGER NOT NULL REFERENCES actors(id),
	start       INTEGER NOT NULL,
	end         INTEGER NOT NULL
);
CREATE INDEX mentions_actor ON mentions(actor_id);
CREATE INDEX mentions_sentence ON mentions(sentence_id);

-- One row per coded event mention, with its provenance (the sentence).
CREATE TABLE events (
	id          INTEGER PRIMARY KEY,
	sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
	subject_id  INTEGER NOT NULL REFERENCES actors(id),
	object_id   INTEGER NOT NULL REFERENCES actors(id),
	against_id  INTEGER REFERENCES actors(id),
	predicate   TEXT NOT NULL,
	cameo       TEXT NOT NULL,
	quad_class  INTEGER NOT NULL,
	goldstein   REAL NOT NULL,
	modality    TEXT NOT NULL CHECK (modality IN ('actual', 'intended', 'considered', 'possible')),
	negated     INTEGER NOT NULL DEFAULT 0,
	reported    INTEGER NOT NULL DEFAULT 0,
	event_date  TEXT,
	location    TEXT,
	attribution TEXT,
	confidence  REAL NOT NULL DEFAULT 0.5
);
CREATE INDEX events_subject ON events(subject_id);
CREATE INDEX events_object ON events(object_id);
CREATE INDEX events_sentence ON events(sentence_id);
CREATE INDEX events_cameo ON events(cameo);

-- The view analysts query: one row per triple, names spelled out.
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
       e.confidence    AS confidence
FROM events e
JOIN sentences s ON s.id = e.sentence_id
JOIN actors sa ON sa.id = e.subject_id
JOIN actors oa ON oa.id = e.object_id
LEFT JOIN actors ga ON ga.id = e.against_id;
