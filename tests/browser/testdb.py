#!/usr/bin/env python3
"""testdb.py DB: add a small, known graph to a kgraph database.

The export tests need a graph whose shape they know, whatever the coder
extracts from the sample today, so this writes actors, articles, sentences
and events straight into a database that `kgraph ingest` created (the
schema is kgraph's own).  One sentence and one article title carry HTML
that must never run in the viewer, and one URL is a javascript: link.

The graph (subject -[CAMEO, QuadClass, modality]-> object):
  Iran -190/4-> ISKP (3 events, 2 articles)     ISKP -180/4-> Iran
  Iran -036/1 intended-> Taliban                 Taliban -173/4-> ISKP (the <script> sentence)
  Taliban -042/1-> Pakistan                      United States -112/3-> Taliban
  Russia -057/1-> China                          United Nations -070/2-> Afghanistan
  Pakistan -190/4-> ISKP, negated: never an edge
(ISKP is stored as the dictionary names it: Islamic State Khorasan Province,
AFGIMGISK.)  So the ego network of ISKP at depth 1 is Iran, Taliban and ISKP with 4
edges; at depth 2 it adds Pakistan and the United States (6 edges); the
whole graph has 8 edges and 9 actors.

testdb.py DB --random NODES EDGES [SEED] instead adds a random graph of
synthetic actors ("Actor 17") and EDGES events between distinct random pairs
(for the render timings in docs/formats.md and the bounds on -K dot).
"""
import sqlite3
import sys

# The name and code of kgraph's dictionary (data/dict/actors.tsv), which
# knows "ISKP" and "IS-K" as aliases.
ISKP = "Islamic State Khorasan Province"
XSS = ('Taliban fighters arrested ISKP members in Herat, a statement said '
       '<script>window.kgPwned="script"</script><img src=x onerror="window.kgPwned=\'img\'">.')

import random

db = sqlite3.connect(sys.argv[1])
c = db.cursor()

if len(sys.argv) >= 5 and sys.argv[2] == "--random":
    nodes, edges = int(sys.argv[3]), int(sys.argv[4])
    rnd = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 1)
    types = ["state", "government", "armed_group", "igo", "person"]
    codes = [("190", 4, -10.0), ("036", 1, 4.0), ("057", 1, 8.0), ("070", 2, 7.0), ("112", 3, -2.0)]
    mods = ["actual", "actual", "actual", "intended", "considered", "possible"]
    ids = []
    for i in range(nodes):
        c.execute("INSERT INTO actors (name, code, type) VALUES (?, ?, ?)",
                  ("Actor %d" % i, "X%05d" % i, types[i % len(types)]))
        ids.append(c.lastrowid)
    c.execute("INSERT INTO articles (ext_id, title, url, published, hash, text)"
              " VALUES ('random', 'Random graph', 'https://example.org/r', '2024-05-01', 'random', 'r')")
    art = c.lastrowid
    pairs = set()
    while len(pairs) < edges:
        a, b = rnd.sample(ids, 2)
        pairs.add((a, b))
    for n, (a, b) in enumerate(sorted(pairs)):
        code, quad, gold = codes[n % len(codes)]
        c.execute("INSERT INTO sentences (article_id, seq, start, end, text) VALUES (?, ?, 0, 1, ?)",
                  (art, n + 1, "Sentence %d." % n))
        c.execute("INSERT INTO events (sentence_id, subject_id, object_id, predicate, cameo, quad_class,"
                  " goldstein, modality) VALUES (?, ?, ?, 'acts on', ?, ?, ?, ?)",
                  (c.lastrowid, a, b, code, quad, gold, mods[n % len(mods)]))
    db.commit()
    sys.exit(0)
actors = {}
for name, code, typ, country in [
        ("Iran", "IRN", "state", "IRN"), ("Islamic State Khorasan Province", "AFGIMGISK", "armed_group", "AFG"),
        ("Taliban", "AFGTAL", "armed_group", "AFG"), ("Pakistan", "PAK", "state", "PAK"),
        ("United States", "USA", "state", "USA"), ("Russia", "RUS", "state", "RUS"),
        ("China", "CHN", "state", "CHN"), ("United Nations", "IGOUNO", "igo", None),
        ("Afghanistan", "AFG", "state", "AFG")]:
    row = c.execute("SELECT id FROM actors WHERE name = ? AND code = ?", (name, code)).fetchone()
    if row is None:
        c.execute("INSERT INTO actors (name, code, type, country) VALUES (?, ?, ?, ?)",
                  (name, code, typ, country))
        row = (c.lastrowid,)
    actors[name] = row[0]

arts = {}
for ext, title, url, date in [
        ("t-1", "Kerman attack aftermath", "https://example.org/news/1?a=1&b=2", "2024-01-05"),
        ("t-2", "Regional security <img src=x onerror=\"window.kgPwned='title'\">",
         "javascript:window.kgPwned='url'", "2024-02-10"),
        ("t-3", "Great powers", "https://example.org/news/3", "2024-03-01")]:
    c.execute("INSERT INTO articles (ext_id, title, source, url, published, hash, text)"
              " VALUES (?, ?, 'Test Wire', ?, ?, ?, ?)", (ext, title, url, date, "test:" + ext, title))
    arts[ext] = c.lastrowid

seq = {}
def event(art, text, subj, obj, pred, cameo, quad, gold, modality="actual", negated=0, date=None):
    seq[art] = seq.get(art, 0) + 1
    c.execute("INSERT INTO sentences (article_id, seq, start, end, text) VALUES (?, ?, 0, ?, ?)",
              (arts[art], seq[art], len(text), text))
    sid = c.lastrowid
    c.execute("INSERT INTO events (sentence_id, subject_id, object_id, predicate, cameo, quad_class,"
              " goldstein, modality, negated, event_date, location) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
              (sid, actors[subj], actors[obj], pred, cameo, quad, gold, modality, negated, date,
               "Herat" if "Herat" in text else None))

event("t-1", "Iran attacked ISKP positions.", "Iran", ISKP, "attacked", "190", 4, -10.0)
event("t-1", "Iran struck ISKP again near the border.", "Iran", ISKP, "attacked", "190", 4, -10.0)
event("t-1", "ISKP assaulted Iran in Kerman.", ISKP, "Iran", "assaulted", "180", 4, -9.0)
event("t-2", "Iran attacked ISKP in the east.", "Iran", ISKP, "attacked", "190", 4, -10.0)
event("t-2", "Iran plans to cooperate with the Taliban.", "Iran", "Taliban", "intends to cooperate with",
      "036", 1, 4.0, modality="intended")
event("t-2", XSS, "Taliban", ISKP, "arrested", "173", 4, -5.0)
event("t-2", "The Taliban consulted Pakistan.", "Taliban", "Pakistan", "consulted", "042", 1, 1.9)
event("t-2", "The United States criticised the Taliban.", "United States", "Taliban", "criticised",
      "112", 3, -2.0, date="2024-02-09")
event("t-2", "Pakistan did not attack ISKP.", "Pakistan", ISKP, "attacked", "190", 4, -10.0, negated=1)
event("t-3", "Russia signed an agreement with China.", "Russia", "China", "signed an agreement with",
      "057", 1, 8.0)
event("t-3", "The United Nations gave aid to Afghanistan.", "United Nations", "Afghanistan",
      "gave aid to", "070", 2, 7.0)
db.commit()
