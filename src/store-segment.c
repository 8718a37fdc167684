/* store-segment.c: segments and their append-only revisions. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lang.h"
#include "store-int.h"
#include "text.h"
#include "timecode.h"
#include "xmalloc.h"

static const char *const stage_names[] = {
	"new", "transcribed", "reviewed", "accepted"
};

const char *
segment_stage_name(enum segment_stage st)
{
	return stage_names[st];
}

int
segment_stage_parse(const char *s, enum segment_stage *out)
{
	for (size_t i = 0; i < sizeof stage_names / sizeof stage_names[0]; i++) {
		if (strcmp(s, stage_names[i]) == 0) {
			*out = (enum segment_stage)i;
			return 0;
		}
	}
	return -1;
}

void
segment_clear(struct segment *seg)
{
	free(seg->speaker);
	free(seg->lang);
	free(seg->dialect);
	free(seg->text);
	free(seg->recording);
	memset(seg, 0, sizeof *seg);
}

void
segment_list_free(struct segment *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		segment_clear(&list[i]);
	free(list);
}

/* Checks a segment against its recording; normalises its text in place. */
static int
segment_validate(struct store *s, struct segment *seg, char **cause)
{
	struct store_recording	rec;
	char			a[TIMECODE_BUFSIZE], b[TIMECODE_BUFSIZE];
	char			*nfc;
	int			rc = -1;

	if (store_recording_get(s, seg->recording_id, &rec, cause) != 0)
		return -1;
	if (seg->start < 0 || seg->end <= seg->start) {
		*cause = xprintf(_("segment end (%s) must be after its start "
		    "(%s)"), timecode_sec(seg->end, rec.rate, a),
		    timecode_sec(seg->start, rec.rate, b));
		goto out;
	}
	if (seg->end > rec.frames) {
		*cause = xprintf(_("segment end %s is past the end of '%s' "
		    "(%s)"), timecode_sec(seg->end, rec.rate, a), rec.name,
		    timecode_sec(rec.frames, rec.rate, b));
		goto out;
	}
	if (seg->channel < -1 || seg->channel >= rec.channels) {
		*cause = xprintf(_("channel %d does not exist: '%s' has %d"),
		    seg->channel + 1, rec.name, rec.channels);
		goto out;
	}
	if (seg->lang != NULL && lang_check(seg->lang, cause) != 0)
		goto out;
	if ((nfc = text_normalize(seg->text != NULL ? seg->text : "",
	    cause)) == NULL)
		goto out;
	free(seg->text);
	seg->text = nfc;
	rc = 0;
out:
	store_recording_clear(&rec);
	return rc;
}

/* Appends the segment's current state as revision seg->version. */
static int
store_revision_add(struct store *s, const struct segment *seg, int64_t author,
    const char *pass, const char *action, const char *comment, char **cause)
{
	static const char sql[] =
	    "INSERT INTO revision (segment_id, version, author, time, pass, "
	    "action, recording_id, channel, start, \"end\", speaker_id, lang, "
	    "dialect, stage, text, deleted, comment) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)";
	sqlite3_stmt	*st;

	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, seg->id);
	sqlite3_bind_int64(st, 2, seg->version);
	sqlite3_bind_int64(st, 3, author);
	sqlite3_bind_int64(st, 4, store_now_ms());
	store_bind_text(st, 5, pass);
	store_bind_text(st, 6, action);
	sqlite3_bind_int64(st, 7, seg->recording_id);
	sqlite3_bind_int(st, 8, seg->channel);
	sqlite3_bind_int64(st, 9, seg->start);
	sqlite3_bind_int64(st, 10, seg->end);
	if (seg->speaker_id != 0)
		sqlite3_bind_int64(st, 11, seg->speaker_id);
	store_bind_text(st, 12, seg->lang);
	store_bind_text(st, 13, seg->dialect);
	store_bind_text(st, 14, segment_stage_name(seg->stage));
	store_bind_text(st, 15, seg->text);
	store_bind_text(st, 16, comment);
	return store_step_done(s, st, _("saving the revision"), cause);
}

int
store_segment_add(struct store *s, struct segment *seg, char **cause)
{
	static const char sql[] =
	    "INSERT INTO segment (recording_id, channel, start, \"end\", "
	    "speaker_id, lang, dialect, stage, text, version) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
	sqlite3_stmt	*st;
	int64_t		 author;

	if (segment_validate(s, seg, cause) != 0)
		return -1;
	if (store_author(s, &author, cause) != 0)
		return -1;
	if (store_begin(s, cause) != 0)
		return -1;
	if (seg->speaker != NULL && seg->speaker_id == 0 &&
	    store_speaker_ensure(s, seg->speaker, 1, &seg->speaker_id,
	    cause) != 0)
		goto fail;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, seg->recording_id);
	sqlite3_bind_int(st, 2, seg->channel);
	sqlite3_bind_int64(st, 3, seg->start);
	sqlite3_bind_int64(st, 4, seg->end);
	if (seg->speaker_id != 0)
		sqlite3_bind_int64(st, 5, seg->speaker_id);
	store_bind_text(st, 6, seg->lang);
	store_bind_text(st, 7, seg->dialect);
	store_bind_text(st, 8, segment_stage_name(seg->stage));
	store_bind_text(st, 9, seg->text);
	if (store_step_done(s, st, _("adding the segment"), cause) != 0)
		goto fail;
	seg->id = sqlite3_last_insert_rowid(s->db);
	seg->version = 1;
	if (store_revision_add(s, seg, author, "transcribe", "create", NULL,
	    cause) != 0)
		goto fail;
	return store_commit(s, cause);
fail:
	store_rollback(s);
	return -1;
}

int
store_segment_list(struct store *s, const struct segment_filter *f,
    struct segment **out, size_t *n, char **cause)
{
	static const char sql[] =
	    "SELECT g.id, g.recording_id, g.channel, g.start, g.\"end\", "
	    "g.speaker_id, p.code, g.lang, g.dialect, g.stage, g.text, "
	    "g.version, r.name, r.rate "
	    "FROM segment g JOIN recording r ON r.id = g.recording_id "
	    "LEFT JOIN speaker p ON p.id = g.speaker_id "
	    "WHERE g.deleted = 0 AND (?1 = 0 OR g.recording_id = ?1) "
	    "ORDER BY r.name, g.start, g.\"end\", g.id";
	sqlite3_stmt	*st;
	size_t		 cap = 0;
	int		 rc;
	char		*stage;

	*out = NULL;
	*n = 0;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, f != NULL ? f->recording_id : 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct segment	*g;

		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		g = &(*out)[(*n)++];
		memset(g, 0, sizeof *g);
		g->id = sqlite3_column_int64(st, 0);
		g->recording_id = sqlite3_column_int64(st, 1);
		g->channel = sqlite3_column_int(st, 2);
		g->start = sqlite3_column_int64(st, 3);
		g->end = sqlite3_column_int64(st, 4);
		g->speaker_id = sqlite3_column_int64(st, 5);
		g->speaker = store_column_text(st, 6);
		g->lang = store_column_text(st, 7);
		g->dialect = store_column_text(st, 8);
		stage = (char *)sqlite3_column_text(st, 9);
		if (stage == NULL || segment_stage_parse(stage, &g->stage) != 0)
			g->stage = STAGE_NEW;
		g->text = store_column_text(st, 10);
		g->version = sqlite3_column_int64(st, 11);
		g->recording = store_column_text(st, 12);
		g->rate = sqlite3_column_int(st, 13);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		*cause = store_error(s, _("reading segments"));
		segment_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}
