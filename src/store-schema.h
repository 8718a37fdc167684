/*
 * store-schema.h: the project schema and its migrations.
 *
 * store_migrations[i] takes a project from schema version i to i + 1; the
 * first creates it. Never edit a released step: add a new one.
 */
#ifndef TX_STORE_SCHEMA_H
#define TX_STORE_SCHEMA_H

static const char *const store_migrations[] = {
	/* 0 -> 1: the first schema */
	"CREATE TABLE meta ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL);"
	"CREATE TABLE user ("
	"  id INTEGER PRIMARY KEY,"
	"  login TEXT NOT NULL UNIQUE,"
	"  uid INTEGER,"
	"  role TEXT NOT NULL CHECK (role IN"
	"    ('transcriber', 'reviewer', 'linguist', 'admin')),"
	"  created INTEGER NOT NULL);"
	"CREATE TABLE recording ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  path TEXT NOT NULL UNIQUE,"
	"  checksum TEXT NOT NULL,"
	"  size INTEGER NOT NULL,"
	"  mtime INTEGER NOT NULL,"
	"  format TEXT NOT NULL,"
	"  rate INTEGER NOT NULL CHECK (rate > 0),"
	"  channels INTEGER NOT NULL CHECK (channels > 0),"
	"  frames INTEGER NOT NULL CHECK (frames > 0),"
	"  lang TEXT,"
	"  added INTEGER NOT NULL,"
	"  added_by INTEGER NOT NULL REFERENCES user(id));"
	"CREATE INDEX recording_checksum ON recording(checksum);"
	"CREATE TABLE peak_level ("
	"  recording_id INTEGER NOT NULL REFERENCES recording(id)"
	"    ON DELETE CASCADE,"
	"  level INTEGER NOT NULL,"
	"  frames_per_bin INTEGER NOT NULL CHECK (frames_per_bin > 0),"
	"  bins INTEGER NOT NULL,"
	"  chunk_bins INTEGER NOT NULL CHECK (chunk_bins > 0),"
	"  PRIMARY KEY (recording_id, level));"
	"CREATE TABLE peak_chunk ("
	"  recording_id INTEGER NOT NULL,"
	"  level INTEGER NOT NULL,"
	"  chunk INTEGER NOT NULL,"
	"  data BLOB NOT NULL,"
	"  PRIMARY KEY (recording_id, level, chunk),"
	"  FOREIGN KEY (recording_id, level)"
	"    REFERENCES peak_level(recording_id, level) ON DELETE CASCADE);"
	"CREATE TABLE speaker ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  name TEXT,"
	"  gender TEXT,"
	"  native_lang TEXT,"
	"  dialect TEXT,"
	"  notes TEXT);"
	"CREATE TABLE vocabulary ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL,"
	"  code TEXT NOT NULL,"
	"  label TEXT,"
	"  retired INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE (kind, code));"
	"CREATE TABLE segment ("
	"  id INTEGER PRIMARY KEY,"
	"  recording_id INTEGER NOT NULL REFERENCES recording(id),"
	"  channel INTEGER NOT NULL DEFAULT 0,"
	"  start INTEGER NOT NULL CHECK (start >= 0),"
	"  \"end\" INTEGER NOT NULL,"
	"  speaker_id INTEGER REFERENCES speaker(id),"
	"  lang TEXT,"
	"  dialect TEXT,"
	"  stage TEXT NOT NULL DEFAULT 'new' CHECK (stage IN"
	"    ('new', 'transcribed', 'reviewed', 'accepted')),"
	"  assignee INTEGER REFERENCES user(id),"
	"  text TEXT NOT NULL DEFAULT '',"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  deleted INTEGER NOT NULL DEFAULT 0,"
	"  CHECK (\"end\" > start));"
	"CREATE INDEX segment_recording ON segment(recording_id, start);"
	"CREATE TABLE revision ("
	"  id INTEGER PRIMARY KEY,"
	"  segment_id INTEGER NOT NULL REFERENCES segment(id),"
	"  version INTEGER NOT NULL,"
	"  author INTEGER NOT NULL REFERENCES user(id),"
	"  time INTEGER NOT NULL,"
	"  pass TEXT NOT NULL,"
	"  action TEXT NOT NULL,"
	"  origin TEXT NOT NULL DEFAULT 'human',"
	"  recording_id INTEGER NOT NULL,"
	"  channel INTEGER NOT NULL,"
	"  start INTEGER NOT NULL,"
	"  \"end\" INTEGER NOT NULL,"
	"  speaker_id INTEGER,"
	"  lang TEXT,"
	"  dialect TEXT,"
	"  stage TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  deleted INTEGER NOT NULL,"
	"  comment TEXT,"
	"  UNIQUE (segment_id, version));"
	"CREATE TRIGGER revision_append_only_u BEFORE UPDATE ON revision"
	"  BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;"
	"CREATE TRIGGER revision_append_only_d BEFORE DELETE ON revision"
	"  BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;"
	"CREATE TABLE lexicon_entry ("
	"  id INTEGER PRIMARY KEY,"
	"  lang TEXT NOT NULL,"
	"  word TEXT NOT NULL,"
	"  pron TEXT,"
	"  freq INTEGER,"
	"  added_by INTEGER REFERENCES user(id),"
	"  added INTEGER NOT NULL,"
	"  UNIQUE (lang, word, pron));",

	/* 1 -> 2: drafts of text being typed, per user and segment */
	"CREATE TABLE draft ("
	"  user_id INTEGER NOT NULL REFERENCES user(id),"
	"  segment_id INTEGER NOT NULL REFERENCES segment(id),"
	"  base_version INTEGER NOT NULL,"
	"  text TEXT NOT NULL,"
	"  saved INTEGER NOT NULL,"
	"  PRIMARY KEY (user_id, segment_id));",

	/*
	 * 2 -> 3: speakers can be merged into another (the row stays so that
	 * old revisions keep their code); an append-only log of changes to
	 * everything that is not a segment (speakers, vocabularies, lexicon
	 * words, settings); the default event tags.
	 */
	"ALTER TABLE speaker ADD COLUMN merged_into INTEGER"
	"  REFERENCES speaker(id);"
	"CREATE TABLE change ("
	"  id INTEGER PRIMARY KEY,"
	"  time INTEGER NOT NULL,"
	"  author INTEGER NOT NULL REFERENCES user(id),"
	"  kind TEXT NOT NULL,"
	"  key TEXT NOT NULL,"
	"  action TEXT NOT NULL,"
	"  detail TEXT);"
	"CREATE TRIGGER change_append_only_u BEFORE UPDATE ON change"
	"  BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;"
	"CREATE TRIGGER change_append_only_d BEFORE DELETE ON change"
	"  BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;"
	"CREATE INDEX segment_speaker ON segment(speaker_id);"
	"INSERT OR IGNORE INTO vocabulary (kind, code, label) VALUES"
	"  ('event', 'breath', 'breath'), ('event', 'cough', 'cough'),"
	"  ('event', 'laugh', 'laughter'), ('event', 'lipsmack', 'lip smack'),"
	"  ('event', 'music', 'music'), ('event', 'noise', 'noise'),"
	"  ('event', 'overlap', 'overlapping speech'),"
	"  ('event', 'silence', 'silence');",

	/*
	 * 3 -> 4: review passes. Revisions record the assignee and the time
	 * a person spent on the change (the screen measures it); leases hand
	 * one segment to one person of a queue (transcriber, reviewer,
	 * linguist) at a time; QA samples remember which
	 * segments were drawn for inspection.
	 */
	"ALTER TABLE revision ADD COLUMN assignee INTEGER REFERENCES user(id);"
	"ALTER TABLE revision ADD COLUMN work_ms INTEGER;"
	"CREATE INDEX revision_author ON revision(author, pass);"
	"CREATE INDEX segment_stage ON segment(stage, assignee);"
	"CREATE TABLE lease ("
	"  segment_id INTEGER NOT NULL REFERENCES segment(id),"
	"  queue TEXT NOT NULL,"
	"  user_id INTEGER NOT NULL REFERENCES user(id),"
	"  expires INTEGER NOT NULL,"
	"  PRIMARY KEY (segment_id, queue));"
	"CREATE TABLE qa_sample ("
	"  id INTEGER PRIMARY KEY,"
	"  drawn INTEGER NOT NULL,"
	"  drawn_by INTEGER NOT NULL REFERENCES user(id),"
	"  rate REAL NOT NULL,"
	"  seed INTEGER NOT NULL,"
	"  per TEXT);"
	"CREATE TABLE qa_item ("
	"  sample_id INTEGER NOT NULL REFERENCES qa_sample(id),"
	"  segment_id INTEGER NOT NULL REFERENCES segment(id),"
	"  PRIMARY KEY (sample_id, segment_id));"
	"CREATE INDEX qa_item_segment ON qa_item(segment_id);",
};

#define STORE_NMIGRATIONS \
	((int)(sizeof store_migrations / sizeof store_migrations[0]))

#endif
