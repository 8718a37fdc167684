/* store-speaker.c: the project's speakers. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lang.h"
#include "store-int.h"
#include "text.h"
#include "xmalloc.h"

#define SPEAKER_COLUMNS \
	"s.id, s.code, s.name, s.gender, s.native_lang, s.dialect, s.notes, " \
	"(SELECT code FROM speaker m WHERE m.id = s.merged_into)"

void
speaker_clear(struct speaker *sp)
{
	free(sp->code);
	free(sp->name);
	free(sp->gender);
	free(sp->native_lang);
	free(sp->dialect);
	free(sp->notes);
	free(sp->merged_into);
	memset(sp, 0, sizeof *sp);
}

void
speaker_list_free(struct speaker *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		speaker_clear(&list[i]);
	free(list);
}

static void
speaker_row(sqlite3_stmt *st, void *p)
{
	struct speaker	*sp = p;

	memset(sp, 0, sizeof *sp);
	sp->id = sqlite3_column_int64(st, 0);
	sp->code = store_column_text(st, 1);
	sp->name = store_column_text(st, 2);
	sp->gender = store_column_text(st, 3);
	sp->native_lang = store_column_text(st, 4);
	sp->dialect = store_column_text(st, 5);
	sp->notes = store_column_text(st, 6);
	sp->merged_into = store_column_text(st, 7);
	if (sqlite3_column_count(st) > 8) {
		sp->nsegments = sqlite3_column_int64(st, 8);
		sp->seconds = sqlite3_column_double(st, 9);
	}
}

static void
speaker_release(void *p, size_t n)
{
	speaker_list_free(p, n);
}

int
store_speaker_ensure(struct store *s, const char *code, int64_t *id,
    char **cause)
{
	struct speaker	sp;

	if (store_speaker_get(s, code, &sp, cause) != 0)
		return -1;
	if (sp.merged_into != NULL) {
		*cause = xprintf(_("speaker '%s' was merged into '%s'; use "
		    "'%s'"), code, sp.merged_into, sp.merged_into);
		speaker_clear(&sp);
		return -1;
	}
	*id = sp.id;
	speaker_clear(&sp);
	return 0;
}

int
store_speaker_get(struct store *s, const char *code, struct speaker *out,
    char **cause)
{
	static const char sql[] =
	    "SELECT " SPEAKER_COLUMNS " FROM speaker s WHERE s.code = ?";
	sqlite3_stmt	*st;
	int		 rc;

	memset(out, 0, sizeof *out);
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	store_bind_text(st, 1, code);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		speaker_row(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		*cause = store_error(s, _("looking up the speaker"));
	else
		*cause = xprintf(_("no speaker '%s' in the project; add it with "
		    "'tingxie speakers PROJECT add %s'"), code, code);
	return -1;
}

/* Speaker codes: 1 to 64 bytes of NFC text with no white space. */
static int
speaker_code_check(const char *code, char **cause)
{
	char	*nfc;
	int	 ok;

	if (*code == '\0' || strlen(code) > 64) {
		*cause = xprintf(_("speaker code '%s' must be 1 to 64 bytes"),
		    code);
		return -1;
	}
	if ((nfc = text_normalize(code, cause)) == NULL)
		return -1;
	ok = strcmp(nfc, code) == 0 && strpbrk(code, " \t") == NULL &&
	    strstr(code, "\u3000") == NULL && strstr(code, "\u00a0") == NULL;
	free(nfc);
	if (!ok) {
		*cause = xprintf(_("speaker code '%s' must have no spaces (use "
		    "'-' or '_'; put the full name in --name)"), code);
		return -1;
	}
	return 0;
}

/* Normalises a free-text field in place (NULL stays NULL). */
static int
speaker_text(char **field, char **cause)
{
	char	*nfc;

	if (*field == NULL)
		return 0;
	if ((nfc = text_normalize(*field, cause)) == NULL)
		return -1;
	free(*field);
	*field = nfc;
	return 0;
}

/* Whether a field is as it was (then it is not checked again). */
static int
speaker_same(const char *now, const char *was)
{
	return now != NULL && was != NULL && strcmp(now, was) == 0;
}

/* Checks a speaker's fields; those unchanged from old (if any) pass. */
static int
speaker_check(struct store *s, const struct speaker *sp,
    const struct speaker *old, char **cause)
{
	if (speaker_code_check(sp->code, cause) != 0)
		return -1;
	if (sp->gender != NULL && strcmp(sp->gender, "f") != 0 &&
	    strcmp(sp->gender, "m") != 0 && strcmp(sp->gender, "o") != 0) {
		*cause = xprintf(_("gender '%s' is not one of f, m, o (or "
		    "female, male, other)"), sp->gender);
		return -1;
	}
	if (sp->native_lang != NULL && (old == NULL ||
	    !speaker_same(sp->native_lang, old->native_lang)) &&
	    store_vocab_check(s, VOCAB_LANGUAGE, sp->native_lang, cause) != 0)
		return -1;
	if (sp->dialect != NULL && (old == NULL ||
	    !speaker_same(sp->dialect, old->dialect)) &&
	    store_vocab_check(s, VOCAB_DIALECT, sp->dialect, cause) != 0)
		return -1;
	return 0;
}

/* One line saying what a speaker is now, for the change log. */
static char *
speaker_detail(const struct speaker *sp, int recoded)
{
	return xprintf("%s%s%sname=%s gender=%s lang=%s dialect=%s notes=%s",
	    recoded ? "code=" : "", recoded ? sp->code : "", recoded ? " " : "",
	    sp->name != NULL ? sp->name : "",
	    sp->gender != NULL ? sp->gender : "",
	    sp->native_lang != NULL ? sp->native_lang : "",
	    sp->dialect != NULL ? sp->dialect : "",
	    sp->notes != NULL ? sp->notes : "");
}

/* Binds code, name, gender, native_lang, dialect, notes to columns 1-6. */
static void
speaker_bind(sqlite3_stmt *st, const struct speaker *sp)
{
	store_bind_text(st, 1, sp->code);
	store_bind_text(st, 2, sp->name);
	store_bind_text(st, 3, sp->gender);
	store_bind_text(st, 4, sp->native_lang);
	store_bind_text(st, 5, sp->dialect);
	store_bind_text(st, 6, sp->notes);
}

/* Runs an insert or update of a speaker with its change row. */
static int
speaker_write(struct store *s, struct speaker *sp, const struct speaker *old,
    const char *sql, const char *action, const char *key, char **cause)
{
	struct speaker	 there;
	sqlite3_stmt	*st;
	char		*detail, *ignored = NULL;
	int		 rc;

	if (speaker_text(&sp->name, cause) != 0 ||
	    speaker_text(&sp->notes, cause) != 0 ||
	    speaker_check(s, sp, old, cause) != 0)
		return -1;
	if (sp->native_lang != NULL) {
		char	*tag = lang_canonical(sp->native_lang);

		free(sp->native_lang);
		sp->native_lang = tag;
	}
	if (store_begin(s, cause) != 0)
		return -1;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		goto fail;
	speaker_bind(st, sp);
	if (sp->id != 0)
		sqlite3_bind_int64(st, 7, sp->id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		if (store_speaker_get(s, sp->code, &there, &ignored) == 0 &&
		    there.merged_into != NULL)
			*cause = xprintf(_("speaker '%s' was merged into '%s'; "
			    "choose another code"), sp->code, there.merged_into);
		else
			*cause = xprintf(_("speaker '%s' already exists"),
			    sp->code);
		speaker_clear(&there);
		free(ignored);
		goto fail;
	}
	if (rc != SQLITE_DONE) {
		*cause = store_error(s, _("saving the speaker"));
		goto fail;
	}
	if (sp->id == 0)
		sp->id = sqlite3_last_insert_rowid(s->db);
	detail = speaker_detail(sp, strcmp(key, sp->code) != 0);
	rc = store_change(s, "speaker", key, action, detail, cause);
	free(detail);
	if (rc != 0)
		goto fail;
	return store_commit(s, cause);
fail:
	store_rollback(s);
	return -1;
}

int
store_speaker_add(struct store *s, struct speaker *sp, char **cause)
{
	static const char sql[] =
	    "INSERT INTO speaker (code, name, gender, native_lang, dialect, "
	    "notes) VALUES (?, ?, ?, ?, ?, ?)";

	sp->id = 0;
	return speaker_write(s, sp, NULL, sql, "add", sp->code, cause);
}

int
store_speaker_update(struct store *s, struct speaker *sp, const char *old_code,
    char **cause)
{
	static const char sql[] =
	    "UPDATE speaker SET code = ?, name = ?, gender = ?, "
	    "native_lang = ?, dialect = ?, notes = ? WHERE id = ?";
	struct speaker	old;
	int		rc;

	if (sp->merged_into != NULL) {
		*cause = xprintf(_("speaker '%s' was merged into '%s'; change "
		    "'%s' instead"), old_code, sp->merged_into,
		    sp->merged_into);
		return -1;
	}
	if (store_speaker_get(s, old_code, &old, cause) != 0)
		return -1;
	rc = speaker_write(s, sp, &old, sql, "set", old_code, cause);
	speaker_clear(&old);
	return rc;
}

/* The segments of one speaker, for a merge: inside its transaction. */
static int
speaker_segments(struct store *s, int64_t speaker_id, struct segment **out,
    size_t *n, char **cause)
{
	static const char sql[] =
	    "SELECT id FROM segment WHERE speaker_id = ? ORDER BY id";
	sqlite3_stmt	*st;

	*out = NULL;
	*n = 0;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, speaker_id);
	return store_segment_select(s, st, out, n,
	    _("reading the speaker's segments"), cause);
}

int
store_speaker_merge(struct store *s, const char *from, const char *into,
    size_t *moved, char **cause)
{
	static const char mark[] =
	    "UPDATE speaker SET merged_into = ? WHERE id = ?";
	struct segment	*segs = NULL;
	sqlite3_stmt	*st;
	int64_t		 from_id, into_id, author;
	size_t		 n = 0;
	int		 rc;

	*moved = 0;
	if (strcmp(from, into) == 0) {
		*cause = xprintf(_("cannot merge speaker '%s' into itself"),
		    from);
		return -1;
	}
	if (store_author(s, &author, cause) != 0 || store_begin(s, cause) != 0)
		return -1;
	if (store_speaker_ensure(s, from, &from_id, cause) != 0 ||
	    store_speaker_ensure(s, into, &into_id, cause) != 0 ||
	    speaker_segments(s, from_id, &segs, &n, cause) != 0)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		if (store_segment_speaker(s, &segs[i], into, 0, cause) != 0)
			goto fail;
		rc = store_segment_write(s, &segs[i], segs[i].version, author,
		    &(struct store_write){ .action = "speaker-merge", .pass = "manage",
		    .checked = 1 }, cause);
		if (rc != 0)
			goto fail;
	}
	if ((st = store_stmt(s, mark, cause)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, into_id);
	sqlite3_bind_int64(st, 2, from_id);
	if (store_step_done(s, st, _("merging the speakers"), cause) != 0 ||
	    store_change(s, "speaker", from, "merge", into, cause) != 0 ||
	    store_commit(s, cause) != 0)
		goto fail;
	segment_list_free(segs, n);
	*moved = n;
	return 0;
fail:
	store_rollback(s);
	segment_list_free(segs, n);
	return -1;
}

int
store_speaker_list(struct store *s, int64_t recording_id,
    struct speaker **out, size_t *n, char **cause)
{
	static const char all[] =
	    "SELECT " SPEAKER_COLUMNS ", "
	    "(SELECT count(*) FROM segment g WHERE g.speaker_id = s.id "
	    "  AND NOT g.deleted), "
	    "(SELECT coalesce(sum(CAST(g.\"end\" - g.start AS REAL) / r.rate), 0)"
	    "  FROM segment g JOIN recording r ON r.id = g.recording_id "
	    "  WHERE g.speaker_id = s.id AND NOT g.deleted) "
	    "FROM speaker s WHERE s.merged_into IS NULL ORDER BY s.code";
	static const char rec[] =
	    "SELECT " SPEAKER_COLUMNS ", "
	    "(SELECT count(*) FROM segment g WHERE g.speaker_id = s.id "
	    "  AND g.recording_id = ?1 AND NOT g.deleted), "
	    "(SELECT coalesce(sum(CAST(g.\"end\" - g.start AS REAL) / r.rate), 0)"
	    "  FROM segment g JOIN recording r ON r.id = g.recording_id "
	    "  WHERE g.speaker_id = s.id AND g.recording_id = ?1 "
	    "  AND NOT g.deleted) "
	    "FROM speaker s LEFT JOIN (SELECT speaker_id, min(start) AS first "
	    "  FROM segment WHERE recording_id = ?1 AND NOT deleted "
	    "  GROUP BY speaker_id) f ON f.speaker_id = s.id "
	    "WHERE s.merged_into IS NULL "
	    "ORDER BY f.first IS NULL, f.first, s.code";
	sqlite3_stmt	*st;

	if ((st = store_stmt(s, recording_id != 0 ? rec : all, cause)) == NULL)
		return -1;
	if (recording_id != 0)
		sqlite3_bind_int64(st, 1, recording_id);
	return store_collect(s, st, sizeof **out, speaker_row, speaker_release,
	    (void **)out, n, _("listing the speakers"), cause);
}
