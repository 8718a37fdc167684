/* store-segment.c: segments and their append-only revisions. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "names.h"
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
	int	i = names_find(stage_names, sizeof stage_names /
	    sizeof stage_names[0], s);

	if (i >= 0) {
		*out = (enum segment_stage)i;
		return 0;
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
	if (seg->lang != NULL) {
		if (lang_check(seg->lang, cause) != 0)
			goto out;
		nfc = lang_canonical(seg->lang);
		free(seg->lang);
		seg->lang = nfc;
	}
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

/*
 * Binds a segment's recording, channel, start, end, speaker, language,
 * dialect, stage and text to columns first .. first + 8 (the order every
 * statement here lists them in). A speaker given by code only is looked up.
 */
static int
store_bind_segment(struct store *s, sqlite3_stmt *st, int first,
    struct segment *seg, char **cause)
{
	if (seg->speaker != NULL && seg->speaker_id == 0 &&
	    store_speaker_ensure(s, seg->speaker, &seg->speaker_id,
	    cause) != 0)
		return -1;
	sqlite3_bind_int64(st, first, seg->recording_id);
	sqlite3_bind_int(st, first + 1, seg->channel);
	sqlite3_bind_int64(st, first + 2, seg->start);
	sqlite3_bind_int64(st, first + 3, seg->end);
	if (seg->speaker_id != 0)
		sqlite3_bind_int64(st, first + 4, seg->speaker_id);
	else
		sqlite3_bind_null(st, first + 4);
	store_bind_text(st, first + 5, seg->lang);
	store_bind_text(st, first + 6, seg->dialect);
	store_bind_text(st, first + 7, segment_stage_name(seg->stage));
	store_bind_text(st, first + 8, seg->text);
	return 0;
}

/* Appends the segment's current state as revision seg->version. */
static int
store_revision_add(struct store *s, struct segment *seg, int64_t author,
    const char *pass, const char *action, const char *comment, char **cause)
{
	static const char sql[] =
	    "INSERT INTO revision (segment_id, version, author, time, pass, "
	    "action, recording_id, channel, start, \"end\", speaker_id, lang, "
	    "dialect, stage, text, deleted, comment, origin, assignee, work_ms) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt	*st;

	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, seg->id);
	sqlite3_bind_int64(st, 2, seg->version);
	sqlite3_bind_int64(st, 3, author);
	sqlite3_bind_int64(st, 4, store_now_ms());
	store_bind_text(st, 5, pass);
	store_bind_text(st, 6, action);
	if (store_bind_segment(s, st, 7, seg, cause) != 0)
		return -1;
	sqlite3_bind_int(st, 16, seg->deleted != 0);
	store_bind_text(st, 17, comment);
	store_bind_text(st, 18, s->origin != NULL ? s->origin : "human");
	store_bind_id(st, 19, seg->assignee);
	store_bind_id(st, 20, s->work_ms);
	s->work_ms = 0;		/* one change's */
	return store_step_done(s, st, _("saving the revision"), cause);
}

/* Inserts a validated segment and its first revision; inside a transaction. */
static int
store_segment_insert(struct store *s, struct segment *seg, int64_t author,
    const char *action, char **cause)
{
	static const char sql[] =
	    "INSERT INTO segment (recording_id, channel, start, \"end\", "
	    "speaker_id, lang, dialect, stage, text, assignee, version) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
	sqlite3_stmt	*st;
	struct role_case c = { .stage = STAGE_NEW };

	if (store_role(s, &c.role, cause) != 0 ||
	    role_may(ACT_TRANSCRIBE, &c, cause) != 0)
		return -1;
	if ((st = store_stmt(s, sql, cause)) == NULL ||
	    store_bind_segment(s, st, 1, seg, cause) != 0)
		return -1;
	store_bind_id(st, 10, seg->assignee);
	if (store_step_done(s, st, _("adding the segment"), cause) != 0)
		return -1;
	seg->id = sqlite3_last_insert_rowid(s->db);
	seg->version = 1;
	seg->deleted = 0;
	return store_revision_add(s, seg, author, "transcribe", action, NULL,
	    cause);
}

int
store_segment_add(struct store *s, struct segment *seg, char **cause)
{
	int64_t	author;

	if (segment_validate(s, seg, cause) != 0)
		return -1;
	if (store_author(s, &author, cause) != 0)
		return -1;
	if (store_begin(s, cause) != 0)
		return -1;
	if (store_segment_insert(s, seg, author, "create", cause) != 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, cause);
}

char *
store_segment_author(struct store *s, int64_t id)
{
	static const char sql[] =
	    "SELECT u.login FROM revision r JOIN user u ON u.id = r.author "
	    "WHERE r.segment_id = ? ORDER BY r.version DESC LIMIT 1";
	sqlite3_stmt	*st;
	char		*ignored = NULL, *who = NULL;

	if ((st = store_stmt(s, sql, &ignored)) != NULL) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			who = store_column_text(st, 0);
		sqlite3_reset(st);
	}
	free(ignored);
	return who != NULL ? who : xstrdup(_("someone else"));
}

/* Says who last changed a segment, for a conflict message. */
static char *
store_segment_conflict(struct store *s, const struct segment *seg)
{
	char	*who = store_segment_author(s, seg->id), *msg;

	msg = xprintf(_("segment %lld was changed by %s since you opened it; "
	    "nothing was overwritten"), (long long)seg->id, who);
	free(who);
	return msg;
}

/*
 * Whether an edit may take a segment from stage old to stage seg: new to
 * transcribed with the first text, and back when that is undone.
 */
static int
store_segment_edit_stage(enum segment_stage old, enum segment_stage seg,
    const char *action)
{
	if (seg == old || (old == STAGE_NEW && seg == STAGE_TRANSCRIBED))
		return 1;
	return old == STAGE_TRANSCRIBED && seg == STAGE_NEW &&
	    strcmp(action, "undo") == 0;
}

/*
 * Whether the person may edit old into seg, as their role allows each
 * field that changes; *pass is the pass the edit belongs to.
 */
static int
store_segment_edit_allowed(struct store *s, const struct segment *old,
    const struct segment *seg, const char *action, const char **pass,
    char **cause)
{
	struct role_case	c;
	int			speaker;

	if (store_segment_case(s, old, &c, cause) != 0)
		return -1;
	if (text_differs(old->text, seg->text) || old->start != seg->start ||
	    old->end != seg->end || old->channel != seg->channel ||
	    old->recording_id != seg->recording_id ||
	    old->deleted != seg->deleted) {
		if (role_may(ACT_TRANSCRIBE, &c, cause) != 0)
			return -1;
	}
	speaker = seg->speaker_id != 0 || seg->speaker == NULL ?
	    seg->speaker_id != old->speaker_id :
	    text_differs(seg->speaker, old->speaker);
	if (speaker || text_differs(old->lang, seg->lang) ||
	    text_differs(old->dialect, seg->dialect)) {
		if (role_may(ACT_TAG, &c, cause) != 0)
			return -1;
	}
	if (!store_segment_edit_stage(old->stage, seg->stage, action)) {
		*cause = xstrdup(_("stages change by review moves ('tingxie "
		    "review PROJECT submit|accept|reject|reopen ID')"));
		return -1;
	}
	if (seg->assignee != old->assignee) {
		*cause = xstrdup(_("work is handed out with 'tingxie assign'"));
		return -1;
	}
	*pass = role_pass(&c);
	return 0;
}

/* Writes one state if the segment is still at version expect. */
int
store_segment_write(struct store *s, struct segment *seg, int64_t expect,
    int64_t author, const struct store_write *w, char **cause)
{
	static const char sql[] =
	    "UPDATE segment SET recording_id = ?, channel = ?, start = ?, "
	    "\"end\" = ?, speaker_id = ?, lang = ?, dialect = ?, stage = ?, "
	    "text = ?, deleted = ?, assignee = ?, version = version + 1 "
	    "WHERE id = ? AND version = ?";
	sqlite3_stmt	*st;
	struct segment	 old;
	const char	*pass = w->pass;
	int		 rc;

	if (!w->checked) {
		if (store_segment_get(s, seg->id, &old, cause) != 0)
			return -1;
		if (old.version != expect) {
			segment_clear(&old);
			*cause = store_segment_conflict(s, seg);
			return STORE_CONFLICT;
		}
		rc = store_segment_edit_allowed(s, &old, seg, w->action, &pass,
		    cause);
		segment_clear(&old);
		if (rc != 0)
			return -1;
	}
	if ((st = store_stmt(s, sql, cause)) == NULL ||
	    store_bind_segment(s, st, 1, seg, cause) != 0)
		return -1;
	sqlite3_bind_int(st, 10, seg->deleted != 0);
	store_bind_id(st, 11, seg->assignee);
	sqlite3_bind_int64(st, 12, seg->id);
	sqlite3_bind_int64(st, 13, expect);
	if (store_step_done(s, st, _("saving the segment"), cause) != 0)
		return -1;
	if (sqlite3_changes(s->db) != 1) {
		*cause = store_segment_conflict(s, seg);
		return STORE_CONFLICT;
	}
	seg->version = expect + 1;
	return store_revision_add(s, seg, author, pass, w->action, w->comment,
	    cause);
}

int
store_segment_apply(struct store *s, struct segment *states,
    const int64_t *expect, size_t n, const char *action, char **cause)
{
	int64_t	author, *old;
	int	rc = 0;

	for (size_t i = 0; i < n; i++) {
		if (segment_validate(s, &states[i], cause) != 0)
			return -1;
	}
	if (store_author(s, &author, cause) != 0 || store_begin(s, cause) != 0)
		return -1;
	old = xcalloc(n + 1, sizeof *old);
	for (size_t i = 0; i < n && rc == 0; i++) {
		old[i] = states[i].version;
		struct store_write	w = { .action = action };

		rc = store_segment_write(s, &states[i], expect[i], author, &w,
		    cause);
	}
	if (rc == 0)
		rc = store_commit(s, cause);
	else
		store_rollback(s);
	if (rc != 0) {
		for (size_t i = 0; i < n; i++)
			states[i].version = old[i];
	}
	free(old);
	return rc;
}

int
store_segment_update(struct store *s, struct segment *seg, const char *action,
    char **cause)
{
	int64_t	expect = seg->version;

	return store_segment_apply(s, seg, &expect, 1, action, cause);
}

int
store_segment_split(struct store *s, struct segment *seg, int64_t at,
    const char *left_text, const char *right_text, struct segment *right,
    char **cause)
{
	struct segment	left;
	int64_t		author, expect = seg->version;
	int		rc;

	if (at <= seg->start || at >= seg->end) {
		*cause = xstrdup(_("split point must be inside the segment"));
		return -1;
	}
	segment_copy(&left, seg);
	segment_copy(right, seg);
	left.end = at;
	right->start = at;
	free(left.text);
	left.text = xstrdup(left_text);
	free(right->text);
	right->text = xstrdup(right_text);
	if (segment_validate(s, &left, cause) != 0 ||
	    segment_validate(s, right, cause) != 0 ||
	    store_author(s, &author, cause) != 0 || store_begin(s, cause) != 0)
		goto fail;
	rc = store_segment_write(s, &left, expect, author,
	    &(struct store_write){ .action = "split" }, cause);
	if (rc == 0)
		rc = store_segment_insert(s, right, author, "split", cause);
	if (rc == 0)
		rc = store_commit(s, cause);
	else
		store_rollback(s);
	if (rc != 0) {
		segment_clear(&left);
		segment_clear(right);
		return rc;
	}
	segment_clear(seg);
	*seg = left;
	return 0;
fail:
	segment_clear(&left);
	segment_clear(right);
	return -1;
}

int
store_segment_merge(struct store *s, struct segment *first,
    struct segment *second, char **cause)
{
	struct segment	states[2];
	int64_t		expect[2] = { first->version, second->version };
	int		rc;

	if (first->recording_id != second->recording_id) {
		*cause = xstrdup(_("only segments of one recording can be "
		    "merged"));
		return -1;
	}
	segment_copy(&states[0], first);
	segment_copy(&states[1], second);
	if (second->end > states[0].end)
		states[0].end = second->end;
	free(states[0].text);
	states[0].text = text_join(first->text, second->text);
	states[1].deleted = 1;
	rc = store_segment_apply(s, states, expect, 2, "merge", cause);
	if (rc != 0) {
		segment_clear(&states[0]);
		segment_clear(&states[1]);
		return rc;
	}
	segment_clear(first);
	segment_clear(second);
	*first = states[0];
	*second = states[1];
	return 0;
}

int
store_segment_delete(struct store *s, struct segment *seg, char **cause)
{
	int	rc;

	seg->deleted = 1;
	if ((rc = store_segment_update(s, seg, "delete", cause)) != 0)
		seg->deleted = 0;
	return rc;
}

void
segment_copy(struct segment *dst, const struct segment *src)
{
	*dst = *src;
	dst->speaker = src->speaker != NULL ? xstrdup(src->speaker) : NULL;
	dst->lang = src->lang != NULL ? xstrdup(src->lang) : NULL;
	dst->dialect = src->dialect != NULL ? xstrdup(src->dialect) : NULL;
	dst->text = src->text != NULL ? xstrdup(src->text) : NULL;
	dst->recording = src->recording != NULL ? xstrdup(src->recording) :
	    NULL;
}

#define SEGMENT_SELECT \
	"SELECT g.id, g.recording_id, g.channel, g.start, g.\"end\", " \
	"g.speaker_id, p.code, g.lang, g.dialect, g.stage, g.text, " \
	"g.version, r.name, r.rate, g.deleted, g.assignee " \
	"FROM segment g JOIN recording r ON r.id = g.recording_id " \
	"LEFT JOIN speaker p ON p.id = g.speaker_id "

static void
store_segment_row(sqlite3_stmt *st, void *dst)
{
	struct segment	*g = dst;
	const char	*stage;

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
	stage = (const char *)sqlite3_column_text(st, 9);
	if (stage == NULL || segment_stage_parse(stage, &g->stage) != 0)
		g->stage = STAGE_NEW;
	g->text = store_column_text(st, 10);
	g->version = sqlite3_column_int64(st, 11);
	g->recording = store_column_text(st, 12);
	g->rate = sqlite3_column_int(st, 13);
	g->deleted = sqlite3_column_int(st, 14);
	g->assignee = sqlite3_column_int64(st, 15);
}

int
store_segment_get(struct store *s, int64_t id, struct segment *out,
    char **cause)
{
	static const char sql[] = SEGMENT_SELECT "WHERE g.id = ?";
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		store_segment_row(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	*cause = rc == SQLITE_DONE ? xprintf(_("no segment %lld"),
	    (long long)id) : store_error(s, _("reading segments"));
	return -1;
}

static void
store_segment_release(void *list, size_t n)
{
	segment_list_free(list, n);
}

int
store_segment_list(struct store *s, const struct segment_filter *f,
    struct segment **out, size_t *n, char **cause)
{
	static const char sql[] = SEGMENT_SELECT
	    "WHERE g.deleted = 0 AND (?1 = 0 OR g.recording_id = ?1) "
	    "ORDER BY r.name, g.start, g.\"end\", g.id";
	sqlite3_stmt	*st;
	void		*rows;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, f != NULL ? f->recording_id : 0);
	rc = store_collect(s, st, sizeof **out, store_segment_row,
	    store_segment_release, &rows, n, _("reading segments"), cause);
	*out = rows;
	return rc;
}

int64_t
store_data_version(struct store *s)
{
	static const char sql[] = "PRAGMA data_version";
	sqlite3_stmt	*st;
	char		*ignored = NULL;
	int64_t		 v = -1;

	if ((st = store_stmt(s, sql, &ignored)) == NULL) {
		free(ignored);
		return -1;
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return v;
}

int
store_draft_save(struct store *s, int64_t segment_id, int64_t base_version,
    const char *text, char **cause)
{
	static const char sql[] =
	    "INSERT OR REPLACE INTO draft (user_id, segment_id, base_version, "
	    "text, saved) VALUES (?, ?, ?, ?, ?)";
	sqlite3_stmt	*st;
	int64_t		 author;

	if (store_author(s, &author, cause) != 0)
		return -1;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, author);
	sqlite3_bind_int64(st, 2, segment_id);
	sqlite3_bind_int64(st, 3, base_version);
	store_bind_text(st, 4, text);
	sqlite3_bind_int64(st, 5, store_now_ms());
	return store_step_done(s, st, _("saving the draft"), cause);
}

int
store_draft_clear(struct store *s, int64_t segment_id, char **cause)
{
	static const char sql[] =
	    "DELETE FROM draft WHERE user_id = ? AND segment_id = ?";
	sqlite3_stmt	*st;
	int64_t		 author;

	if (store_author(s, &author, cause) != 0)
		return -1;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, author);
	sqlite3_bind_int64(st, 2, segment_id);
	return store_step_done(s, st, _("clearing the draft"), cause);
}

static void
store_draft_row(sqlite3_stmt *st, void *dst)
{
	struct store_draft	*d = dst;

	d->segment_id = sqlite3_column_int64(st, 0);
	d->base_version = sqlite3_column_int64(st, 1);
	d->text = store_column_text(st, 2);
	d->saved = sqlite3_column_int64(st, 3);
}

static void
store_draft_release(void *list, size_t n)
{
	store_draft_list_free(list, n);
}

int
store_draft_list(struct store *s, struct store_draft **out, size_t *n,
    char **cause)
{
	static const char sql[] =
	    "SELECT d.segment_id, d.base_version, d.text, d.saved FROM draft d "
	    "JOIN user u ON u.id = d.user_id WHERE u.login = ? "
	    "ORDER BY d.saved DESC";
	sqlite3_stmt	*st;
	void		*rows;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, store_login(s), -1, SQLITE_STATIC);
	rc = store_collect(s, st, sizeof **out, store_draft_row,
	    store_draft_release, &rows, n, _("reading drafts"), cause);
	*out = rows;
	return rc;
}

void
store_draft_list_free(struct store_draft *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i].text);
	free(list);
}

static void
store_id_row(sqlite3_stmt *st, void *dst)
{
	*(int64_t *)dst = sqlite3_column_int64(st, 0);
}

static void
store_id_release(void *ids, size_t n)
{
	(void)n;
	free(ids);
}

int
store_collect_ids(struct store *s, sqlite3_stmt *st, int64_t **ids,
    size_t *n, const char *what, char **cause)
{
	void	*rows;
	int	 rc;

	rc = store_collect(s, st, sizeof **ids, store_id_row, store_id_release,
	    &rows, n, what, cause);
	*ids = rows;
	return rc;
}

int
store_segment_select(struct store *s, sqlite3_stmt *st, struct segment **out,
    size_t *n, const char *what, char **cause)
{
	int64_t	*ids;
	size_t	 nids;

	*out = NULL;
	*n = 0;
	if (store_collect_ids(s, st, &ids, &nids, what, cause) != 0)
		return -1;
	*out = xcalloc(nids + 1, sizeof **out);
	for (size_t i = 0; i < nids; i++) {
		if (store_segment_get(s, ids[i], &(*out)[i], cause) != 0) {
			segment_list_free(*out, i);
			free(ids);
			*out = NULL;
			return -1;
		}
	}
	*n = nids;
	free(ids);
	return 0;
}
