/*
 * store-report.c: what the measures of the review work are computed from
 * (report.h): reviewed segments with the text of each pass, audio by
 * stage, each person's work, and linguists' judgments of dialects.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store-int.h"
#include "xmalloc.h"

/* ---- reviewed segments ---- */

/*
 * f: each segment's first revision of the review pass. The transcription
 * is the last revision of the transcription pass before it, its
 * transcriber the author of the last one that wrote it (WROTE_TEXT). QA
 * verdicts (pass qa) do not count: they move a batch without anybody
 * reading the segment.
 */
#define BEFORE_REVIEW(what, human) \
	"(SELECT " what " FROM revision t WHERE t.segment_id = g.id AND " \
	"t.pass = 'transcribe' " human "AND t.version < f.first " \
	"ORDER BY t.version DESC LIMIT 1)"

static void
store_pair_row(sqlite3_stmt *st, void *dst)
{
	struct store_pair	*p = dst;
	const char		*stage;

	memset(p, 0, sizeof *p);
	p->segment_id = sqlite3_column_int64(st, 0);
	p->transcriber = store_column_text(st, 1);
	p->recording = store_column_text(st, 2);
	p->lang = store_column_text(st, 3);
	p->dialect = store_column_text(st, 4);
	p->ms = sqlite3_column_int64(st, 5);
	stage = (const char *)sqlite3_column_text(st, 6);
	if (stage == NULL || segment_stage_parse(stage, &p->stage) != 0)
		p->stage = STAGE_NEW;
	p->hyp = store_column_text(st, 7);
	p->ref = store_column_text(st, 8);
	if (p->hyp == NULL)
		p->hyp = xstrdup("");
	if (p->ref == NULL)
		p->ref = xstrdup("");
}

static void
store_pair_release(void *list, size_t n)
{
	store_pair_list_free(list, n);
}

int
store_report_pairs(struct store *s, int64_t rec, int64_t sample,
    struct store_pair **out, size_t *n, char **cause)
{
	static const char sql[] =
	    "SELECT g.id, u.login, c.name, g.lang, "
	    "COALESCE(g.dialect, p.dialect), " DURATION_MS("g", "c") ", "
	    "g.stage, " BEFORE_REVIEW("t.text", "") ", "
	    "CASE WHEN g.stage IN ('reviewed', 'accepted') THEN g.text ELSE "
	    "(SELECT t.text FROM revision t WHERE t.segment_id = g.id AND "
	    "t.pass = 'review' ORDER BY t.version DESC LIMIT 1) END "
	    "FROM (SELECT segment_id, min(version) AS first FROM revision "
	    "WHERE pass = 'review' GROUP BY segment_id) f "
	    "JOIN segment g ON g.id = f.segment_id "
	    "JOIN recording c ON c.id = g.recording_id "
	    "LEFT JOIN speaker p ON p.id = g.speaker_id "
	    "LEFT JOIN user u ON u.id = "
	    BEFORE_REVIEW("t.author", "AND " WROTE_TEXT("t") " ") " "
	    "WHERE g.deleted = 0 AND (?1 = 0 OR g.recording_id = ?1) "
	    "AND (?2 = 0 OR g.id IN (SELECT segment_id FROM qa_item "
	    "WHERE sample_id = ?2)) ORDER BY g.recording_id, g.start, g.id";
	sqlite3_stmt	*st;
	void		*rows;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, rec);
	sqlite3_bind_int64(st, 2, sample);
	rc = store_collect(s, st, sizeof **out, store_pair_row,
	    store_pair_release, &rows, n, _("reading reviewed segments"),
	    cause);
	*out = rows;
	return rc;
}

void
store_pair_list_free(struct store_pair *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].transcriber);
		free(list[i].recording);
		free(list[i].lang);
		free(list[i].dialect);
		free(list[i].hyp);
		free(list[i].ref);
	}
	free(list);
}

/* ---- throughput ---- */

int
store_report_stages(struct store *s, int64_t rec,
    struct store_stage_total totals[4], char **cause)
{
	static const char sql[] =
	    "SELECT g.stage, count(*), sum(" DURATION_MS("g", "c") ") "
	    "FROM segment g JOIN recording c ON c.id = g.recording_id "
	    "WHERE g.deleted = 0 AND (?1 = 0 OR g.recording_id = ?1) "
	    "GROUP BY g.stage";
	sqlite3_stmt		*st;
	enum segment_stage	 stage;
	int			 rc;

	memset(totals, 0, 4 * sizeof *totals);
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, rec);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (segment_stage_parse((const char *)sqlite3_column_text(st, 0),
		    &stage) != 0)
			continue;
		totals[stage].segments = (size_t)sqlite3_column_int64(st, 1);
		totals[stage].ms = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		*cause = store_error(s, _("counting segments"));
		return -1;
	}
	return 0;
}

/* A user as the work listing reads it: the id to match rows against. */
struct store_work_user {
	int64_t			id;
	struct store_work	work;
};

static void
store_work_row(sqlite3_stmt *st, void *dst)
{
	struct store_work_user	*u = dst;

	memset(u, 0, sizeof *u);
	u->id = sqlite3_column_int64(st, 0);
	u->work.login = store_column_text(st, 1);
	if (role_parse((const char *)sqlite3_column_text(st, 2),
	    &u->work.role) != 0)
		u->work.role = ROLE_TRANSCRIBER;
}

static void
store_work_release(void *list, size_t n)
{
	struct store_work_user	*u = list;

	for (size_t i = 0; i < n; i++)
		free(u[i].work.login);
	free(list);
}

static struct store_work *
store_work_find(struct store_work_user *users, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++) {
		if (users[i].id == id)
			return &users[i].work;
	}
	return NULL;
}

/* Adds the rows of a statement (author, pass, segments, ms, work ...). */
static int
store_work_add(struct store *s, sqlite3_stmt *st,
    struct store_work_user *users, size_t nusers, char **cause)
{
	static const char *const passes[PASS_N] = {
		"transcribe", "review", "linguist"
	};
	struct store_pass_work	*w;
	struct store_work	*u;
	const char		*pass;
	int			 rc, p;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		u = store_work_find(users, nusers, sqlite3_column_int64(st, 0));
		pass = (const char *)sqlite3_column_text(st, 1);
		for (p = 0; p < PASS_N && u != NULL; p++) {
			if (strcmp(pass, passes[p]) == 0)
				break;
		}
		if (u == NULL || p == PASS_N)
			continue;
		w = &u->pass[p];
		if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
			w->segments = (size_t)sqlite3_column_int64(st, 2);
			w->ms = sqlite3_column_int64(st, 3);
		}
		if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
			w->work_ms = sqlite3_column_int64(st, 4);
			w->worked_ms = sqlite3_column_int64(st, 5);
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		*cause = store_error(s, _("reading the work done"));
		return -1;
	}
	return 0;
}

int
store_report_work(struct store *s, int64_t rec, struct store_work **out,
    size_t *n, char **cause)
{
	static const char users_sql[] =
	    "SELECT id, login, role FROM user ORDER BY login";
	/* Transcribed: as the segment's transcriber, past stage new. */
	static const char transcribed_sql[] =
	    "SELECT " TRANSCRIBER_OF("g") " AS who, 'transcribe', count(*), "
	    "sum(" DURATION_MS("g", "c") "), NULL, NULL "
	    "FROM segment g JOIN recording c ON c.id = g.recording_id "
	    "WHERE g.deleted = 0 AND g.stage <> 'new' "
	    "AND (?1 = 0 OR g.recording_id = ?1) GROUP BY who";
	/*
	 * Reviewed and checked: segments with a revision of the pass by the
	 * person. Time spent: of the pass's revisions, over the audio of
	 * the segments it was measured on.
	 */
	static const char passes_sql[] =
	    "SELECT x.author, x.pass, CASE WHEN x.pass = 'transcribe' THEN "
	    "NULL ELSE count(*) END, sum(" DURATION_MS("g", "c") "), "
	    "sum(x.work), sum(CASE WHEN x.work IS NOT NULL THEN "
	    DURATION_MS("g", "c") " ELSE 0 END) "
	    "FROM (SELECT author, pass, segment_id, sum(work_ms) AS work "
	    "FROM revision WHERE pass IN ('transcribe', 'review', 'linguist') "
	    "GROUP BY author, pass, segment_id) x "
	    "JOIN segment g ON g.id = x.segment_id "
	    "JOIN recording c ON c.id = g.recording_id "
	    "WHERE g.deleted = 0 AND (?1 = 0 OR g.recording_id = ?1) "
	    "GROUP BY x.author, x.pass";
	struct store_work_user	*users;
	sqlite3_stmt		*st;
	void			*rows;
	size_t			 nusers;

	*out = NULL;
	*n = 0;
	if ((st = store_stmt(s, users_sql, cause)) == NULL ||
	    store_collect(s, st, sizeof *users, store_work_row,
	    store_work_release, &rows, &nusers, _("reading users"),
	    cause) != 0)
		return -1;
	users = rows;
	if ((st = store_stmt(s, transcribed_sql, cause)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, rec);
	if (store_work_add(s, st, users, nusers, cause) != 0 ||
	    (st = store_stmt(s, passes_sql, cause)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, rec);
	if (store_work_add(s, st, users, nusers, cause) != 0)
		goto fail;
	*out = xcalloc(nusers + 1, sizeof **out);
	for (size_t i = 0; i < nusers; i++)
		(*out)[i] = users[i].work;
	*n = nusers;
	free(users);
	return 0;
fail:
	store_work_release(users, nusers);
	return -1;
}

void
store_work_list_free(struct store_work *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i].login);
	free(list);
}

/* ---- linguists' judgments ---- */

static void
store_judgment_row(sqlite3_stmt *st, void *dst)
{
	struct store_judgment	*j = dst;

	memset(j, 0, sizeof *j);
	j->segment_id = sqlite3_column_int64(st, 0);
	j->rater = store_column_text(st, 1);
	j->label = store_column_text(st, 2);
	if (j->label == NULL)
		j->label = xstrdup("");
}

static void
store_judgment_release(void *list, size_t n)
{
	store_judgment_list_free(list, n);
}

int
store_report_judgments(struct store *s, int64_t rec,
    struct store_judgment **out, size_t *n, char **cause)
{
	static const char sql[] =
	    "SELECT r.segment_id, u.login, r.dialect FROM revision r "
	    "JOIN user u ON u.id = r.author "
	    "JOIN segment g ON g.id = r.segment_id "
	    "WHERE g.deleted = 0 AND (?1 = 0 OR g.recording_id = ?1) "
	    "AND r.pass = 'linguist' AND r.version = (SELECT max(l.version) "
	    "FROM revision l WHERE l.segment_id = r.segment_id AND "
	    "l.author = r.author AND l.pass = 'linguist') "
	    "ORDER BY r.segment_id, u.login";
	sqlite3_stmt	*st;
	void		*rows;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, rec);
	rc = store_collect(s, st, sizeof **out, store_judgment_row,
	    store_judgment_release, &rows, n, _("reading linguists' tags"),
	    cause);
	*out = rows;
	return rc;
}

void
store_judgment_list_free(struct store_judgment *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].rater);
		free(list[i].label);
	}
	free(list);
}
