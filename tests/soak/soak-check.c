/*
 * soak-check.c: the soak's checks (see soak.h), against the log of every
 * command the users ran; they read the project with SQLite directly,
 * independently of the code under test. Then the figures: throughput,
 * latency, and the waits estimated against an uncontended run.
 */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "soak-int.h"
#include "xmalloc.h"

#define SHOW		5	/* examples shown per failed check */

sqlite3 *
soak_db_open(const struct soak *k)
{
	sqlite3	*db;

	if (sqlite3_open_v2(k->project, &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		fprintf(k->out, "soak: %s: %s\n", k->project,
		    sqlite3_errmsg(db));
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, 10000);
	return db;
}

static int
contains(const char *s, const char *what)
{
	return s != NULL && strstr(s, what) != NULL;
}

static enum outcome
classify(const struct cmd *c)
{
	static const char *const role[] = {
		"you are a ", "the segment is", "the segment has been",
		"you transcribed", "you reviewed", "only reviewed or accepted",
		"past transcription", "has no text"
	};

	if (c->status == 0)
		return O_DONE;
	if (c->status != 1)
		return O_CRASH;
	if (contains(c->err, "busy") || contains(c->err, "locked"))
		return O_LOCK;
	if (contains(c->err, "nothing waits"))
		return O_EMPTY;
	if (contains(c->err, "changed"))
		return O_CONFLICT;
	for (size_t i = 0; i < sizeof role / sizeof role[0]; i++) {
		if (contains(c->err, role[i]))
			return O_ROLE;
	}
	return O_OTHER;
}

static int
cmp_start(const void *a, const void *b)
{
	const struct cmd	*x = *(struct cmd *const *)a,
				*y = *(struct cmd *const *)b;

	return (x->t0 > y->t0) - (x->t0 < y->t0);
}

/* The first line of s, for logs and messages. */
static int
line_len(const char *s)
{
	return s == NULL ? 0 : (int)strcspn(s, "\n");
}

static void
describe(const struct cmd *c, char *buf, size_t len)
{
	snprintf(buf, len, "%s by %s (segment %" PRId64 ", %.1f ms)",
	    soak_kind_names[c->kind], soak_users[c->user].login, c->seg,
	    (c->t1 - c->t0) * 1000);
}

/* All commands in order of start, with a TSV log of them. */
void
soak_collect(struct soak *k)
{
	char	*path = xprintf("%s/%s.log", k->o.dir, k->o.name);
	FILE	*f = fopen(path, "w");
	size_t	 n = 0;

	for (int u = 0; u < SOAK_USERS; u++)
		n += k->workers[u].ncmds;
	k->all = xreallocarray(NULL, n + 1, sizeof *k->all);
	for (int u = 0; u < SOAK_USERS; u++) {
		for (size_t i = 0; i < k->workers[u].ncmds; i++) {
			k->all[k->nall] = &k->workers[u].cmds[i];
			k->all[k->nall]->outcome = classify(k->all[k->nall]);
			k->nall++;
		}
	}
	qsort(k->all, k->nall, sizeof *k->all, cmp_start);
	if (f != NULL) {
		fprintf(f, "start\tend\tuser\tcommand\trace\tsegment\texpect\t"
		    "exit\tversion\tstage\tgiven\tstdout\tstderr\n");
		for (size_t i = 0; i < k->nall; i++) {
			const struct cmd *c = k->all[i];

			fprintf(f, "%.6f\t%.6f\t%s\t%s\t%d\t%" PRId64 "\t%"
			    PRId64 "\t%d\t%" PRId64 "\t%s\t%s\t%.*s\t%.*s\n",
			    c->t0, c->t1, soak_users[c->user].login,
			    soak_kind_names[c->kind], c->race, c->seg, c->expect,
			    c->status, c->version, c->stage,
			    c->given != NULL ? c->given : "",
			    line_len(c->out), c->out, line_len(c->err),
			    c->err);
		}
		fclose(f);
	}
	free(path);
}

/* ---- checks ---- */

/* Prints a check's result; each failure counts. */
static void
check(struct soak *k, int ok, const char *fmt, ...)
{
	va_list	ap;

	fprintf(k->out, "%s - %s: ", ok ? "ok" : "not ok", k->o.name);
	va_start(ap, fmt);
	vfprintf(k->out, fmt, ap);
	va_end(ap);
	fputc('\n', k->out);
	if (!ok)
		k->r.failures++;
}

/* Shows a command that broke a check (at most SHOW per check). */
static void
show(struct soak *k, size_t *shown, const struct cmd *c, const char *why)
{
	if ((*shown)++ >= SHOW)
		return;
	fprintf(k->out, "  %s: %s by %s, segment %" PRId64 " --expect %"
	    PRId64 ": exit %d, out '%.*s', err '%.*s'\n", why,
	    soak_kind_names[c->kind], soak_users[c->user].login, c->seg, c->expect,
	    c->status, line_len(c->out), c->out, line_len(c->err), c->err);
}

/* A revision as stored, and whether an acknowledged change claimed it. */
struct rev {
	int64_t	 seg;
	int64_t	 version;
	char	*author;
	char	*action;
	char	*text;
	char	*stage;
	char	*comment;
	char	*dialect;
	char	*assignee;
	int	 claimed;
};

static char *
col(sqlite3_stmt *st, int i)
{
	const unsigned char	*t = sqlite3_column_text(st, i);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

static struct rev *
revs_load(sqlite3 *db, size_t *n)
{
	static const char sql[] =
	    "SELECT r.segment_id, r.version, u.login, r.action, r.text, "
	    "r.stage, r.comment, r.dialect, a.login FROM revision r "
	    "JOIN user u ON u.id = r.author "
	    "LEFT JOIN user a ON a.id = r.assignee "
	    "ORDER BY r.segment_id, r.version";
	sqlite3_stmt	*st;
	struct rev	*v = NULL;
	size_t		 cap = 0;

	*n = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 1024;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[*n] = (struct rev){ sqlite3_column_int64(st, 0),
		    sqlite3_column_int64(st, 1), col(st, 2), col(st, 3),
		    col(st, 4), col(st, 5), col(st, 6), col(st, 7),
		    col(st, 8), 0 };
		(*n)++;
	}
	sqlite3_finalize(st);
	return v;
}

static void
revs_free(struct rev *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].author);
		free(v[i].action);
		free(v[i].text);
		free(v[i].stage);
		free(v[i].comment);
		free(v[i].dialect);
		free(v[i].assignee);
	}
	free(v);
}

static struct rev *
revs_find(struct rev *v, size_t n, int64_t seg, int64_t version)
{
	size_t	lo = 0, hi = n;

	while (lo < hi) {
		size_t	mid = lo + (hi - lo) / 2;

		if (v[mid].seg < seg || (v[mid].seg == seg &&
		    v[mid].version < version))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].seg == seg && v[lo].version == version ?
	    &v[lo] : NULL;
}

static int
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* Whether revision r is exactly what acknowledged command c said. */
static const char *
ack_mismatch(const struct cmd *c, const struct rev *r)
{
	if (!same(r->author, soak_users[c->user].login))
		return "another author";
	if (!same(r->action, soak_kind_actions[c->kind]))
		return "another action";
	if (c->expect != 0 && c->version != c->expect + 1)
		return "not the version after the one expected";
	switch (c->kind) {
	case K_SET:
		return same(r->text, c->given) ? NULL : "another text";
	case K_DIALECT:
		return same(r->dialect, c->given) ? NULL : "another dialect";
	case K_REJECT:
		if (!same(r->comment, c->given))
			return "another comment";
		/* FALLTHROUGH */
	default:
		return same(r->stage, c->stage) ? NULL : "another stage";
	}
}

/* The assignments acknowledged, per assignee; each counts as a change. */
static void
count_assigned(struct soak *k, int64_t assigned[SOAK_USERS])
{
	for (size_t i = 0; i < k->nall; i++) {
		const struct cmd	*c = k->all[i];

		if (c->kind != K_ASSIGN || c->status != 0 || c->version <= 0)
			continue;
		for (int u = 0; u < SOAK_USERS; u++) {
			if (same(c->given, soak_users[u].login))
				assigned[u] += c->version;
		}
		k->r.changes += (size_t)c->version;
	}
}

/*
 * Every acknowledged change (but assignments, which do not say which
 * segments) is its revision exactly, and no two claim the same one.
 */
static void
check_acks(struct soak *k, struct rev *v, size_t nv)
{
	size_t		 shown = 0, bad = 0, acks = 0;
	const char	*why;

	for (size_t i = 0; i < k->nall; i++) {
		struct cmd	*c = k->all[i];
		struct rev	*r;

		if (c->status != 0 || soak_kind_actions[c->kind] == NULL ||
		    c->kind == K_ASSIGN)
			continue;
		acks++;
		k->r.changes++;
		r = c->version > 0 ? revs_find(v, nv, c->seg, c->version) :
		    NULL;
		why = r == NULL ? "no such revision" : r->claimed ?
		    "claimed twice" : ack_mismatch(c, r);
		if (why != NULL) {
			bad++;
			show(k, &shown, c, why);
		} else
			r->claimed = 1;
	}
	check(k, bad == 0, "%zu acknowledged changes are in the history "
	    "exactly (author, action, text, stage, comment)", acks);
}

/*
 * The revisions written during the run that no change claimed must be
 * the admin's assignments, as many per assignee as were acknowledged:
 * nothing refused was written.
 */
static void
check_unclaimed(struct soak *k, const struct rev *v, size_t nv)
{
	int64_t	assigned[SOAK_USERS] = { 0 }, found[SOAK_USERS] = { 0 };
	size_t	phantom = 0, bad = 0;
	int	u;

	count_assigned(k, assigned);
	for (size_t i = 0; i < nv; i++) {
		const struct rev	*r = &v[i];

		if (r->claimed || (r->seg <= k->maxid &&
		    r->version <= k->start_version[r->seg]))
			continue;
		for (u = 0; u < SOAK_USERS; u++) {
			if (same(r->assignee, soak_users[u].login))
				break;
		}
		if (same(r->action, "assign") && same(r->author, "adm1") &&
		    u < SOAK_USERS)
			found[u]++;
		else if (phantom++ < SHOW)
			fprintf(k->out, "  unacknowledged: segment %" PRId64
			    " version %" PRId64 " %s by %s\n", r->seg,
			    r->version, r->action, r->author);
	}
	check(k, phantom == 0, "no revision without an acknowledged change "
	    "(%zu found)", phantom);
	for (u = 0; u < SOAK_USERS; u++) {
		if (assigned[u] != found[u]) {
			fprintf(k->out, "  %s: %" PRId64 " assigned, %" PRId64
			    " assign revisions\n", soak_users[u].login,
			    assigned[u], found[u]);
			bad++;
		}
	}
	check(k, bad == 0, "assignments acknowledged = assign revisions, for "
	    "each user");
}

static int64_t
sql_count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt	*st;
	int64_t		 n = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Versions 1..N without gaps; each segment row is its latest revision. */
static void
check_history(struct soak *k, sqlite3 *db)
{
	int64_t	gaps, rows, orphans;

	gaps = sql_count(db, "SELECT count(*) FROM segment g WHERE "
	    "g.version <> (SELECT count(*) FROM revision r WHERE "
	    "r.segment_id = g.id) OR g.version <> (SELECT max(version) FROM "
	    "revision r WHERE r.segment_id = g.id) OR 1 <> (SELECT "
	    "min(version) FROM revision r WHERE r.segment_id = g.id)");
	check(k, gaps == 0, "versions run 1..N without gaps, N the "
	    "segment's version (%" PRId64 " segments otherwise)", gaps);
	rows = sql_count(db, "SELECT count(*) FROM segment g LEFT JOIN "
	    "revision r ON r.segment_id = g.id AND r.version = g.version "
	    "WHERE r.id IS NULL OR g.recording_id IS NOT r.recording_id OR "
	    "g.channel IS NOT r.channel OR g.start IS NOT r.start OR "
	    "g.\"end\" IS NOT r.\"end\" OR g.speaker_id IS NOT r.speaker_id OR "
	    "g.lang IS NOT r.lang OR g.dialect IS NOT r.dialect OR "
	    "g.stage IS NOT r.stage OR g.text IS NOT r.text OR "
	    "g.deleted IS NOT r.deleted OR g.assignee IS NOT r.assignee");
	check(k, rows == 0, "each segment row equals its latest revision "
	    "(%" PRId64 " differ)", rows);
	orphans = sql_count(db, "SELECT count(*) FROM revision r WHERE NOT "
	    "EXISTS (SELECT 1 FROM segment g WHERE g.id = r.segment_id)");
	check(k, orphans == 0, "no revision without its segment");
}

static void
check_integrity(struct soak *k, sqlite3 *db)
{
	sqlite3_stmt	*st;
	char		*r = NULL;

	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st,
	    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		r = col(st, 0);
	sqlite3_finalize(st);
	check(k, same(r, "ok"), "PRAGMA integrity_check: %s",
	    r != NULL ? r : sqlite3_errmsg(db));
	free(r);
}

/*
 * Refusals: none for a locked database, none unexplained, no crash, and
 * no conflict for a change that expected no version.
 */
static void
check_outcomes(struct soak *k)
{
	size_t	shown[4] = { 0 }, n[4] = { 0 }, roles = 0;

	for (size_t i = 0; i < k->nall; i++) {
		const struct cmd	*c = k->all[i];

		switch (c->outcome) {
		case O_LOCK:
			k->r.lock_failures++;
			n[0]++;
			show(k, &shown[0], c, "locked");
			break;
		case O_OTHER:
		case O_CRASH:
			n[1]++;
			show(k, &shown[1], c, "unexplained");
			break;
		case O_CONFLICT:
			k->r.conflicts++;
			if (c->expect == 0) {
				n[2]++;
				show(k, &shown[2], c, "spurious conflict");
			}
			break;
		case O_ROLE:
			k->r.roles++;
			if (roles++ < SHOW)
				fprintf(k->out, "  # refused: %s by %s, segment "
				    "%" PRId64 ": %.*s\n", soak_kind_names[c->kind],
				    soak_users[c->user].login, c->seg,
				    line_len(c->err), c->err);
			break;
		case O_EMPTY:
			k->r.empty++;
			break;
		case O_DONE:
			if (soak_kind_actions[c->kind] != NULL)
				k->r.writes++;
			if (c->kind == K_NEXT) {
				k->r.writes++;
				k->r.handouts++;
			}
			break;
		}
	}
	check(k, n[0] == 0, "no command failed on a locked database (%zu did)",
	    n[0]);
	check(k, n[1] == 0, "every failure is a refusal that says why (%zu "
	    "are not)", n[1]);
	check(k, n[2] == 0, "no conflict for a change given no --expect (%zu)",
	    n[2]);
}

/* Each race round: exactly one winner, everybody else told "changed". */
static void
check_races(struct soak *k)
{
	size_t	shown = 0, rounds = k->o.race_every > 0 ?
		    (size_t)(k->o.ops / k->o.race_every) : 0;

	for (size_t round = 1; round <= rounds; round++) {
		size_t	wins = 0, told = 0, racers = 0;

		for (size_t i = 0; i < k->nall; i++) {
			const struct cmd *c = k->all[i];

			if (c->race != (int)round || c->kind == K_HISTORY)
				continue;
			racers++;
			wins += c->status == 0;
			told += c->outcome == O_CONFLICT;
		}
		k->r.races++;
		if (racers == SOAK_USERS && wins == 1 && told == racers - 1)
			k->r.race_ok++;
		else if (shown++ < SHOW)
			fprintf(k->out, "  race %zu: %zu racers, %zu won, %zu "
			    "told it changed\n", round, racers, wins, told);
	}
	check(k, k->r.race_ok == k->r.races, "%zu races of %d on one segment "
	    "and version: exactly one won each, the others were told",
	    k->r.races, SOAK_USERS);
}

/*
 * A lease: taken by a task next, ended by the holder's next task next
 * or a move of the segment. Each end is known to within a command's
 * start and end.
 */
struct hold {
	int64_t	seg;
	int	user;
	double	take0, take1;	/* the task next that took it */
	double	end0, end1;	/* the command that ended it (or the end) */
};

static int
cmp_hold(const void *a, const void *b)
{
	const struct hold	*x = a, *y = b;

	if (x->seg != y->seg)
		return (x->seg > y->seg) - (x->seg < y->seg);
	return (x->take0 > y->take0) - (x->take0 < y->take0);
}

/* Whether c ends its user's lease on seg. */
static int
ends_lease(const struct cmd *c, int64_t seg)
{
	if (c->kind == K_NEXT)
		return c->outcome == O_DONE || c->outcome == O_EMPTY;
	return c->status == 0 && c->seg == seg && c->kind >= K_SUBMIT &&
	    c->kind <= K_CONFIRM;
}

static struct hold *
holds_find(const struct soak *k, size_t *n)
{
	struct hold	*h = xreallocarray(NULL, k->nall + 1, sizeof *h);

	*n = 0;
	for (int u = 0; u < SOAK_USERS; u++) {
		const struct worker	*w = &k->workers[u];

		for (size_t i = 0; i < w->ncmds; i++) {
			const struct cmd	*c = &w->cmds[i];
			struct hold		*x = &h[*n];
			size_t			 j;

			if (c->kind != K_NEXT || c->status != 0)
				continue;
			*x = (struct hold){ c->seg, u, c->t0, c->t1, INFINITY,
			    INFINITY };
			for (j = i + 1; j < w->ncmds; j++) {
				if (ends_lease(&w->cmds[j], c->seg))
					break;
			}
			if (j < w->ncmds) {
				x->end0 = w->cmds[j].t0;
				x->end1 = w->cmds[j].t1;
			}
			(*n)++;
		}
	}
	qsort(h, *n, sizeof *h, cmp_hold);
	return h;
}

/* The queue a user takes tasks from: admins take reviewers'. */
static enum who
queue_of(int user)
{
	enum who	w = soak_users[user].who;

	return w == ADMIN ? REVIEWER : w;
}

/*
 * No segment was leased to two people of one queue at once (a linguist
 * and a reviewer may both hold it: leases are per queue): two holds
 * overlap for certain when each was taken before the other ended; when
 * the timing cannot order them, the pair is counted as unsure.
 */
static void
check_leases(struct soak *k)
{
	struct hold	*h;
	size_t		 n, bad = 0;

	h = holds_find(k, &n);
	for (size_t i = 0; i < n; i++) {
		for (size_t j = i + 1; j < n && h[j].seg == h[i].seg; j++) {
			const struct hold *a = &h[i], *b = &h[j];

			if (a->user == b->user ||
			    queue_of(a->user) != queue_of(b->user))
				continue;
			if (a->take1 < b->end0 && b->take1 < a->end0) {
				if (bad++ < SHOW)
					fprintf(k->out, "  segment %" PRId64
					    " leased to %s (%.3f s) and to %s "
					    "(%.3f s) at once\n", a->seg,
					    soak_users[a->user].login, a->take1,
					    soak_users[b->user].login, b->take1);
			} else if (!(a->end1 < b->take0 || b->end1 < a->take0))
				k->r.lease_unsure++;
		}
	}
	check(k, bad == 0, "%zu tasks handed out, none leased to two people "
	    "of a queue at once (%zu pairs too close to order)", n,
	    k->r.lease_unsure);
	free(h);
}

void
soak_verify(struct soak *k)
{
	sqlite3		*db = soak_db_open(k);
	struct rev	*v;
	size_t		 nv;

	check_outcomes(k);
	check_races(k);
	check_leases(k);
	if (db == NULL) {
		check(k, 0, "the project opens");
		return;
	}
	check_integrity(k, db);
	check_history(k, db);
	v = revs_load(db, &nv);
	check_acks(k, v, nv);
	check_unclaimed(k, v, nv);
	revs_free(v, nv);
	sqlite3_close(db);
}

/* ---- figures ---- */

static int
cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

void
soak_figures(struct soak *k)
{
	struct soak_report	*r = &k->r;
	double			*lat, first = INFINITY, last = 0;
	size_t			 worst = 0;

	r->commands = k->nall;
	if (k->nall == 0)
		return;
	lat = xreallocarray(NULL, k->nall, sizeof *lat);
	for (size_t i = 0; i < k->nall; i++) {
		const struct cmd	*c = k->all[i];

		lat[i] = c->t1 - c->t0;
		if (lat[i] > lat[worst])
			worst = i;
		first = fmin(first, c->t0);
		last = fmax(last, c->t1);
	}
	r->worst = lat[worst];
	describe(k->all[worst], r->worst_cmd, sizeof r->worst_cmd);
	qsort(lat, k->nall, sizeof *lat, cmp_double);
	r->p50 = lat[k->nall / 2];
	r->p99 = lat[(k->nall * 99) / 100];
	r->wall = last - first;
	free(lat);
}

const struct soak_report *
soak_report(const struct soak *k)
{
	return &k->r;
}

/* The median latency of each kind of command. */
static void
medians(const struct soak *k, double med[K_N])
{
	double	*lat = xreallocarray(NULL, k->nall + 1, sizeof *lat);

	for (int kind = 0; kind < K_N; kind++) {
		size_t	n = 0;

		for (size_t i = 0; i < k->nall; i++) {
			if ((int)k->all[i]->kind == kind)
				lat[n++] = k->all[i]->t1 - k->all[i]->t0;
		}
		qsort(lat, n, sizeof *lat, cmp_double);
		med[kind] = n > 0 ? lat[n / 2] : 0;
	}
	free(lat);
}

void
soak_wait(struct soak *run, const struct soak *base)
{
	double	med[K_N];
	size_t	worst = 0;

	if (run->nall == 0)
		return;
	medians(base, med);
	run->r.wait = -INFINITY;
	for (size_t i = 0; i < run->nall; i++) {
		const struct cmd	*c = run->all[i];
		double			 wait = c->t1 - c->t0 - med[c->kind];

		if (wait > run->r.wait) {
			run->r.wait = wait;
			worst = i;
		}
	}
	describe(run->all[worst], run->r.wait_cmd, sizeof run->r.wait_cmd);
}

void
soak_print(const struct soak *k, FILE *f)
{
	const struct soak_report	*r = &k->r;
	double				 wall = r->wall > 0 ? r->wall : 1;

	fprintf(f, "# %s: %zu commands in %.2f s (%.0f/s); %zu changes "
	    "acknowledged: %.1f/s; %zu write transactions: %.1f/s\n",
	    k->o.name, r->commands, r->wall, r->commands / wall, r->changes,
	    r->changes / wall, r->writes, r->writes / wall);
	fprintf(f, "# %s: refused: %zu conflicts, %zu by role, %zu with "
	    "nothing to do; %zu locked; %zu of %zu races won once\n",
	    k->o.name, r->conflicts, r->roles, r->empty, r->lock_failures,
	    r->race_ok, r->races);
	fprintf(f, "# %s: latency p50 %.1f ms, p99 %.1f ms, worst %.1f ms: "
	    "%s\n", k->o.name, r->p50 * 1000, r->p99 * 1000, r->worst * 1000,
	    r->worst_cmd);
	if (r->wait_cmd[0] != '\0')
		fprintf(f, "# %s: worst wait (latency beyond the uncontended "
		    "median of its kind) %.1f ms: %s\n", k->o.name,
		    r->wait * 1000, r->wait_cmd);
}
