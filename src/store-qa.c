/*
 * store-qa.c: quality inspection. Samples of transcribed segments drawn
 * for review, reproducibly, and the verdict on each batch (one
 * transcriber's segments of one recording) from the accuracy of its
 * inspected sample.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "checksum.h"
#include "i18n.h"
#include "names.h"
#include "report.h"
#include "store-int.h"
#include "xmalloc.h"

static const char *const per_names[] = { "all", "transcriber", "recording" };

const char *
qa_per_name(enum qa_per per)
{
	return (unsigned)per < 3 ? per_names[per] : "?";
}

int
qa_per_parse(const char *s, enum qa_per *out)
{
	int	i = names_find(per_names, 3, s);

	if (i >= 0) {
		*out = (enum qa_per)i;
		return 0;
	}
	return -1;
}

/*
 * SQL: whether somebody inspected sampled segment g (of a sample drawn at
 * time drawn): it is reviewed or accepted after a review revision, or has
 * a review revision since.
 */
#define INSPECTED(g, drawn) \
	"EXISTS (SELECT 1 FROM revision v WHERE v.segment_id = " g ".id AND " \
	"v.pass = 'review' AND (" g ".stage IN ('reviewed', 'accepted') OR " \
	"v.time >= " drawn "))"

/* A segment drawn from, or drawn: its batch. */
struct qa_row {
	int64_t		 id;
	int64_t		 who;		/* transcriber's user id, 0: none */
	char		*login;
	int64_t		 rec;
	char		*recording;
	int		 inspected;	/* verdicts only */
};

static void
qa_row_read(sqlite3_stmt *st, void *dst)
{
	struct qa_row	*r = dst;

	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->who = sqlite3_column_int64(st, 1);
	r->login = store_column_text(st, 2);
	r->rec = sqlite3_column_int64(st, 3);
	r->recording = store_column_text(st, 4);
	r->inspected = sqlite3_column_int(st, 5);
}

static void
qa_rows_free(void *list, size_t n)
{
	struct qa_row	*r = list;

	for (size_t i = 0; i < n; i++) {
		free(r[i].login);
		free(r[i].recording);
	}
	free(list);
}

/* Whether two rows are of one batch (or, per recording, one recording). */
static int
qa_same(const struct qa_row *a, const struct qa_row *b, enum qa_per per)
{
	switch (per) {
	case QA_PER_ALL:
		return 1;
	case QA_PER_RECORDING:
		return a->rec == b->rec;
	case QA_PER_TRANSCRIBER:
		break;
	}
	return a->rec == b->rec && a->who == b->who;
}

static int
qa_id_cmp(const void *a, const void *b)
{
	int64_t	x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* Draws from each group of rows (as per says); *drawn sorted by id. */
static size_t
qa_draw(const struct qa_row *rows, size_t n, const struct qa_request *rq,
    uint64_t seed, int64_t **drawn)
{
	int64_t	*ids;
	size_t	 from, to, k = 0;

	ids = xcalloc(n + 1, sizeof *ids);
	*drawn = xcalloc(n + 1, sizeof **drawn);
	for (from = 0; from < n; from = to) {
		for (to = from; to < n && qa_same(&rows[from], &rows[to],
		    rq->per); to++)
			ids[to - from] = rows[to].id;
		k += review_sample(ids, to - from, (double)rq->rate / 1e6, seed,
		    *drawn + k);
	}
	free(ids);
	qsort(*drawn, k, sizeof **drawn, qa_id_cmp);
	return k;
}

/* The batches of rows (in batch order), with what was drawn of each. */
static struct qa_batch *
qa_batches(const struct qa_row *rows, size_t n, const int64_t *drawn,
    size_t ndrawn, size_t *nb)
{
	struct qa_batch	*b = xcalloc(n + 1, sizeof *b), *cur = NULL;

	*nb = 0;
	for (size_t i = 0; i < n; i++) {
		if (cur == NULL || !qa_same(&rows[i - 1], &rows[i],
		    QA_PER_TRANSCRIBER)) {
			cur = &b[(*nb)++];
			cur->transcriber = rows[i].login != NULL ?
			    xstrdup(rows[i].login) : NULL;
			cur->recording = xstrdup(rows[i].recording);
			cur->ids = xcalloc(1, sizeof *cur->ids);
		}
		cur->segments++;
		if (ndrawn > 0 && bsearch(&rows[i].id, drawn, ndrawn,
		    sizeof *drawn, qa_id_cmp) != NULL) {
			cur->ids = xreallocarray(cur->ids, cur->nids + 1,
			    sizeof *cur->ids);
			cur->ids[cur->nids++] = rows[i].id;
		}
	}
	return b;
}

void
qa_batch_list_free(struct qa_batch *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].transcriber);
		free(list[i].recording);
		free(list[i].ids);
	}
	free(list);
}

void
qa_sample_clear(struct qa_sample *q)
{
	free(q->drawn_by);
	memset(q, 0, sizeof *q);
}

void
qa_sample_list_free(struct qa_sample *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		qa_sample_clear(&list[i]);
	free(list);
}

/* A seed for a sample nobody gave one for: short enough to type again. */
static int64_t
qa_seed(void)
{
	struct timespec	ts;
	uint64_t	x;

	clock_gettime(CLOCK_REALTIME, &ts);
	x = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	x ^= (uint64_t)getpid() << 40;
	return (int64_t)(splitmix64(&x) % 1000000);
}

/* Writes the sample's rows and the change; inside a transaction. */
static int
qa_keep(struct store *s, struct qa_sample *q, size_t population,
    const int64_t *drawn, size_t ndrawn, char **cause)
{
	static const char sample_sql[] =
	    "INSERT INTO qa_sample (drawn, drawn_by, rate, seed, per) "
	    "VALUES (?, ?, ?, ?, ?)";
	static const char item_sql[] =
	    "INSERT INTO qa_item (sample_id, segment_id) VALUES (?, ?)";
	sqlite3_stmt	*st;
	int64_t		 me;
	char		 rate[REPORT_BUFSIZE], *key, *detail;
	int		 rc;

	if (store_author(s, &me, cause) != 0 ||
	    (st = store_stmt(s, sample_sql, cause)) == NULL)
		return -1;
	q->drawn = store_now_ms();
	sqlite3_bind_int64(st, 1, q->drawn);
	sqlite3_bind_int64(st, 2, me);
	sqlite3_bind_double(st, 3, (double)q->rate / 1e6);
	sqlite3_bind_int64(st, 4, q->seed);
	store_bind_text(st, 5, q->per == QA_PER_ALL ? NULL :
	    qa_per_name(q->per));
	if (store_step_done(s, st, _("keeping the sample"), cause) != 0)
		return -1;
	q->id = sqlite3_last_insert_rowid(s->db);
	for (size_t i = 0; i < ndrawn; i++) {
		if ((st = store_stmt(s, item_sql, cause)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, q->id);
		sqlite3_bind_int64(st, 2, drawn[i]);
		if (store_step_done(s, st, _("keeping the sample"), cause) != 0)
			return -1;
	}
	key = xprintf("sample %lld", (long long)q->id);
	detail = xprintf("rate=%s per=%s seed=%lld drawn=%zu of %zu",
	    report_ppm_text(q->rate, rate), qa_per_name(q->per),
	    (long long)q->seed, ndrawn, population);
	rc = store_change(s, "qa", key, "draw", detail, cause);
	free(key);
	free(detail);
	return rc;
}

int
store_qa_sample(struct store *s, const struct qa_request *rq,
    struct qa_sample *out, struct qa_batch **batches, size_t *nb,
    char **cause)
{
	static const char sql[] =
	    "SELECT x.id, x.who, u.login, x.recording_id, c.name, 0 FROM "
	    "(SELECT g.id, g.recording_id, " TRANSCRIBER_OF("g") " AS who "
	    "FROM segment g WHERE g.deleted = 0 AND g.stage <> 'new' "
	    "AND (?1 = 0 OR g.recording_id = ?1)) x "
	    "JOIN recording c ON c.id = x.recording_id "
	    "LEFT JOIN user u ON u.id = x.who "
	    "ORDER BY c.name, u.login IS NULL, u.login, x.id";
	struct qa_row	*rows = NULL;
	sqlite3_stmt	*st;
	int64_t		*drawn = NULL;
	size_t		 n = 0, ndrawn;
	void		*list;

	memset(out, 0, sizeof *out);
	*batches = NULL;
	*nb = 0;
	if (rq->rate <= 0 || rq->rate > 1000000) {
		*cause = xstrdup(_("a sample's rate is more than 0% and at "
		    "most 100%"));
		return -1;
	}
	if (rq->seeded && rq->seed < 0) {
		*cause = xstrdup(_("a seed is a whole number, 0 or more"));
		return -1;
	}
	if (store_may(s, ACT_SAMPLE, cause) != 0 || store_begin(s, cause) != 0)
		return -1;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, rq->recording_id);
	if (store_collect(s, st, sizeof *rows, qa_row_read, qa_rows_free, &list,
	    &n, _("reading segments"), cause) != 0)
		goto fail;
	rows = list;
	if (n == 0) {
		*cause = xstrdup(rq->recording_id != 0 ?
		    _("no segment of the recording is transcribed yet: there "
		    "is nothing to sample") : _("no segment is transcribed "
		    "yet: there is nothing to sample"));
		goto fail;
	}
	out->rate = rq->rate;
	out->per = rq->per;
	out->seed = rq->seeded ? rq->seed : qa_seed();
	ndrawn = qa_draw(rows, n, rq, (uint64_t)out->seed, &drawn);
	if (qa_keep(s, out, n, drawn, ndrawn, cause) != 0 ||
	    store_commit(s, cause) != 0)
		goto fail;
	out->segments = ndrawn;
	out->drawn_by = xstrdup(store_login(s));
	*batches = qa_batches(rows, n, drawn, ndrawn, nb);
	free(drawn);
	qa_rows_free(rows, n);
	return 0;
fail:
	store_rollback(s);
	free(drawn);
	qa_rows_free(rows, n);
	memset(out, 0, sizeof *out);
	return -1;
}

/* ---- listing ---- */

static void
qa_sample_row(sqlite3_stmt *st, void *dst)
{
	struct qa_sample	*q = dst;
	const char		*per;

	memset(q, 0, sizeof *q);
	q->id = sqlite3_column_int64(st, 0);
	q->drawn = sqlite3_column_int64(st, 1);
	q->drawn_by = store_column_text(st, 2);
	q->rate = llround(sqlite3_column_double(st, 3) * 1e6);
	q->seed = sqlite3_column_int64(st, 4);
	per = (const char *)sqlite3_column_text(st, 5);
	if (per == NULL || qa_per_parse(per, &q->per) != 0)
		q->per = QA_PER_ALL;
	q->segments = (size_t)sqlite3_column_int64(st, 6);
	q->inspected = (size_t)sqlite3_column_int64(st, 7);
}

static void
qa_sample_release(void *list, size_t n)
{
	qa_sample_list_free(list, n);
}

#define QA_SAMPLE_SELECT \
	"SELECT q.id, q.drawn, u.login, q.rate, q.seed, q.per, " \
	"(SELECT count(*) FROM qa_item i WHERE i.sample_id = q.id), " \
	"(SELECT count(*) FROM qa_item i JOIN segment g ON " \
	"g.id = i.segment_id WHERE i.sample_id = q.id AND g.deleted = 0 " \
	"AND " INSPECTED("g", "q.drawn") ") " \
	"FROM qa_sample q JOIN user u ON u.id = q.drawn_by "

int
store_qa_list(struct store *s, struct qa_sample **out, size_t *n,
    char **cause)
{
	static const char sql[] = QA_SAMPLE_SELECT "ORDER BY q.id";
	sqlite3_stmt	*st;
	void		*rows;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	rc = store_collect(s, st, sizeof **out, qa_sample_row,
	    qa_sample_release, &rows, n, _("reading QA samples"), cause);
	*out = rows;
	return rc;
}

/* ---- verdicts ---- */

/* Reads sample id (0: the latest). */
static int
qa_sample_get(struct store *s, int64_t id, struct qa_sample *out,
    char **cause)
{
	static const char sql[] = QA_SAMPLE_SELECT
	    "WHERE ?1 = 0 OR q.id = ?1 ORDER BY q.id DESC LIMIT 1";
	sqlite3_stmt	*st;
	int		 rc;

	memset(out, 0, sizeof *out);
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		qa_sample_row(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		*cause = store_error(s, _("reading QA samples"));
	else if (id != 0)
		*cause = xprintf(_("there is no QA sample %lld (see 'tingxie "
		    "qa %s list')"), (long long)id, store_path(s));
	else
		*cause = xprintf(_("no QA sample has been drawn yet; draw one "
		    "with 'tingxie qa %s sample --rate 10%%'"), store_path(s));
	return -1;
}

static int
qa_pair_cmp(const void *a, const void *b)
{
	const struct store_pair	*x = a, *y = b;

	return x->segment_id < y->segment_id ? -1 :
	    x->segment_id > y->segment_id;
}

/* The batches of a sample and the measure of what was inspected. */
static int
qa_measure(struct store *s, const struct qa_sample *q, struct qa_row **rows,
    size_t *nrows, struct qa_result **out, size_t *n, char **cause)
{
	static const char sql[] =
	    "SELECT x.id, x.who, u.login, x.recording_id, c.name, x.seen FROM "
	    "(SELECT g.id, g.recording_id, " TRANSCRIBER_OF("g") " AS who, "
	    INSPECTED("g", "?2") " AS seen FROM qa_item i "
	    "JOIN segment g ON g.id = i.segment_id "
	    "WHERE i.sample_id = ?1 AND g.deleted = 0) x "
	    "JOIN recording c ON c.id = x.recording_id "
	    "LEFT JOIN user u ON u.id = x.who "
	    "ORDER BY c.name, u.login IS NULL, u.login, x.id";
	struct review_errors	 e;
	struct store_pair	*pairs, *p;
	struct qa_result	*r = NULL;
	struct qa_row		*w;
	sqlite3_stmt		*st;
	size_t			 npairs;
	void			*list;

	*out = NULL;
	*n = 0;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, q->id);
	sqlite3_bind_int64(st, 2, q->drawn);
	if (store_collect(s, st, sizeof **rows, qa_row_read, qa_rows_free,
	    &list, nrows, _("reading the sample"), cause) != 0)
		return -1;
	*rows = list;
	if (store_report_pairs(s, 0, q->id, &pairs, &npairs, cause) != 0) {
		qa_rows_free(*rows, *nrows);
		return -1;
	}
	if (npairs > 0)
		qsort(pairs, npairs, sizeof *pairs, qa_pair_cmp);
	*out = xcalloc(*nrows + 1, sizeof **out);
	memset(&e, 0, sizeof e);
	for (size_t i = 0; i < *nrows; i++) {
		w = &(*rows)[i];
		if (r == NULL || !qa_same(&w[-1], w, QA_PER_TRANSCRIBER)) {
			memset(&e, 0, sizeof e);
			r = &(*out)[(*n)++];
			r->transcriber = w->login != NULL ? xstrdup(w->login) :
			    NULL;
			r->recording = xstrdup(w->recording);
		}
		r->sampled++;
		p = npairs == 0 ? NULL : bsearch(&(struct store_pair){
		    .segment_id = w->id }, pairs, npairs, sizeof *pairs,
		    qa_pair_cmp);
		/* Character accuracy, whatever the script. */
		if (w->inspected && p != NULL) {
			r->inspected++;
			review_distance(p->ref, p->hyp, REVIEW_CHARS, &e);
			r->tokens = e.ref;
			r->errors = e.sub + e.del + e.ins;
		}
	}
	store_pair_list_free(pairs, npairs);
	return 0;
}

/* The ids of a batch's segments a verdict moves. */
static int
qa_movable(struct store *s, const struct qa_sample *q, const struct qa_row *w,
    int64_t **ids, size_t *n, char **cause)
{
	static const char sql[] =
	    "SELECT g.id FROM segment g WHERE g.deleted = 0 AND "
	    "g.recording_id = ?1 AND " TRANSCRIBER_OF("g") " = ?2 AND "
	    "g.stage IN ('transcribed', 'reviewed') AND EXISTS (SELECT 1 "
	    "FROM revision r WHERE r.segment_id = g.id AND r.stage <> 'new' "
	    "AND r.time <= ?3) ORDER BY g.start, g.id";
	sqlite3_stmt	*st;
	size_t		 cap = 16;
	int		 rc;

	*n = 0;
	*ids = xcalloc(cap, sizeof **ids);
	if ((st = store_stmt(s, sql, cause)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, w->rec);
	sqlite3_bind_int64(st, 2, w->who);
	sqlite3_bind_int64(st, 3, q->drawn);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap)
			*ids = xreallocarray(*ids, cap *= 2, sizeof **ids);
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	*cause = store_error(s, _("reading the batch"));
fail:
	free(*ids);
	*ids = NULL;
	return -1;
}

/* Whether a verdict was given on the batch since the sample was drawn. */
static int
qa_judged(struct store *s, const struct qa_sample *q, const struct qa_row *w,
    int *judged, char **cause)
{
	static const char sql[] =
	    "SELECT EXISTS (SELECT 1 FROM segment g JOIN revision r ON "
	    "r.segment_id = g.id WHERE g.recording_id = ?1 AND "
	    TRANSCRIBER_OF("g") " = ?2 AND r.pass = 'qa' AND r.time >= ?3)";
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, w->rec);
	sqlite3_bind_int64(st, 2, w->who);
	sqlite3_bind_int64(st, 3, q->drawn);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*judged = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW) {
		*cause = store_error(s, _("reading the batch"));
		return -1;
	}
	return 0;
}

/* Moves a batch's segments as its verdict says: one transaction. */
static int
qa_move(struct store *s, const struct qa_sample *q, const struct qa_row *w,
    struct qa_result *r, int dry_run, const char *comment, char **cause)
{
	struct segment	 seg;
	enum store_move	 m = r->verdict == QA_ACCEPT ? MOVE_QA_ACCEPT :
			    MOVE_QA_RETURN;
	int64_t		*ids;
	size_t		 n;
	char		*key, *detail;

	if (!dry_run && store_begin(s, cause) != 0)
		return -1;
	if (qa_movable(s, q, w, &ids, &n, cause) != 0)
		goto fail;
	r->moved = n;
	for (size_t i = 0; i < n && !dry_run; i++) {
		if (store_segment_move(s, ids[i], 0, m, comment, &seg,
		    cause) != 0) {
			char	*why = *cause;

			*cause = xprintf(_("segment %lld: %s"),
			    (long long)ids[i], why);
			free(why);
			free(ids);
			goto fail;
		}
		segment_clear(&seg);
	}
	free(ids);
	if (dry_run)
		return 0;
	key = xprintf("sample %lld", (long long)q->id);
	detail = xprintf("%s/%s %s: %s, %zu moved", r->transcriber != NULL ?
	    r->transcriber : "-", r->recording, store_move_name(m), comment,
	    n);
	if (store_change(s, "qa", key, "verdict", detail, cause) != 0) {
		free(key);
		free(detail);
		goto fail;
	}
	free(key);
	free(detail);
	return store_commit(s, cause);
fail:
	r->moved = 0;
	if (!dry_run)
		store_rollback(s);
	return -1;
}

/* Gives one measured batch its verdict, and carries it out. */
static int
qa_judge(struct store *s, const struct qa_sample *q, const struct qa_row *w,
    struct qa_result *r, int64_t threshold, int dry_run, char **cause)
{
	char	 acc[REPORT_BUFSIZE], thr[REPORT_BUFSIZE], *comment, *why = NULL;
	int64_t	 me;
	int	 judged = 0;

	if (qa_judged(s, q, w, &judged, cause) != 0)
		return -1;
	if (judged) {
		r->verdict = QA_DONE;
		return 0;
	}
	if (r->inspected < r->sampled) {
		r->verdict = QA_WAIT;
		return 0;
	}
	if (store_author(s, &me, cause) != 0)
		return -1;
	r->verdict = report_meets(r->tokens, r->errors, threshold) ?
	    QA_ACCEPT : QA_RETURN;
	report_accuracy_text(r->tokens, r->errors, acc);
	report_ppm_text(threshold, thr);
	if (w->who == me) {
		r->verdict = QA_REFUSED;
		r->why = xstrdup(_("you transcribed this batch; another "
		    "reviewer gives its verdict"));
		return 0;
	}
	comment = r->verdict == QA_ACCEPT ?
	    xprintf(_("batch passed QA: %s >= %s on %zu sampled segments"),
	    acc, thr, r->inspected) :
	    xprintf(_("batch failed QA: %s < %s on %zu sampled segments"),
	    acc, thr, r->inspected);
	if (qa_move(s, q, w, r, dry_run, comment, &why) != 0) {
		r->verdict = QA_REFUSED;
		r->why = why;
	}
	free(comment);
	return 0;
}

int
store_qa_verdict(struct store *s, int64_t sample, int64_t threshold,
    int dry_run, struct qa_sample *q, struct qa_result **out, size_t *n,
    char **cause)
{
	struct qa_row	*rows = NULL;
	size_t		 nrows = 0, b = 0;

	*out = NULL;
	*n = 0;
	memset(q, 0, sizeof *q);
	if (threshold < 0 || threshold > 1000000) {
		*cause = xstrdup(_("a threshold is from 0% to 100%"));
		return -1;
	}
	if (store_may(s, ACT_SAMPLE, cause) != 0)
		return -1;
	/*
	 * Measured, checked and carried out under the write lock, so two
	 * verdicts at once cannot both judge a batch or judge stale figures;
	 * each batch is a savepoint of its own.
	 */
	if (!dry_run && store_begin(s, cause) != 0)
		return -1;
	if (qa_sample_get(s, sample, q, cause) != 0)
		goto fail;
	if (qa_measure(s, q, &rows, &nrows, out, n, cause) != 0)
		goto fail;
	for (size_t i = 0; i < nrows; i++) {
		if (i > 0 && qa_same(&rows[i - 1], &rows[i],
		    QA_PER_TRANSCRIBER))
			continue;
		if (qa_judge(s, q, &rows[i], &(*out)[b++], threshold, dry_run,
		    cause) != 0)
			goto fail;
	}
	if (!dry_run && store_commit(s, cause) != 0) {
		dry_run = 1;	/* the failed commit rolled back */
		goto fail;
	}
	qa_rows_free(rows, nrows);
	return 0;
fail:
	if (!dry_run)
		store_rollback(s);
	qa_rows_free(rows, nrows);
	qa_result_list_free(*out, *n);
	*out = NULL;
	*n = 0;
	qa_sample_clear(q);
	return -1;
}

void
qa_result_list_free(struct qa_result *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].transcriber);
		free(list[i].recording);
		free(list[i].why);
	}
	free(list);
}
