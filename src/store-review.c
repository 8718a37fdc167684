/*
 * store-review.c: review passes. Moves between stages, who transcribed
 * and reviewed a segment, handing work out (assignment) and to one person
 * at a time (leases), and a segment's history.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "names.h"
#include "store-int.h"
#include "text.h"
#include "xmalloc.h"

#define LEASE_MINUTES	30

static const char *const move_names[] = {
	"submit", "accept", "reject", "reopen", "confirm", "qa-accept",
	"qa-return"
};

const char *
store_move_name(enum store_move m)
{
	return move_names[m];
}

int
store_move_parse(const char *s, enum store_move *out)
{
	int	i = names_find(move_names, sizeof move_names /
	    sizeof move_names[0], s);

	if (i >= 0) {
		*out = (enum store_move)i;
		return 0;
	}
	return -1;
}

void
store_set_work_ms(struct store *s, int64_t ms)
{
	s->work_ms = ms > 0 ? ms : 0;
}

/* The author of a segment's latest revision that sql names, or 0. */
static int
store_segment_who(struct store *s, const char *sql, int64_t id,
    int64_t *author, char **cause)
{
	sqlite3_stmt	*st;
	int		 rc;

	*author = 0;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*author = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = store_error(s, _("reading revisions"));
		return -1;
	}
	return 0;
}

/* SQL: who reviewed segment g (the latest accept that made it reviewed). */
#define REVIEWER_OF(g) \
	"COALESCE((SELECT r.author FROM revision r WHERE r.segment_id = " g \
	".id AND r.action = 'accept' AND r.stage = 'reviewed' " \
	"ORDER BY r.version DESC LIMIT 1), 0)"

/* Who transcribed and who reviewed one segment: 0 for nobody. */
static const char transcriber_sql[] =
    "SELECT " TRANSCRIBER_OF("g") " FROM segment g WHERE g.id = ?";
static const char reviewer_sql[] =
    "SELECT " REVIEWER_OF("g") " FROM segment g WHERE g.id = ?";

int
store_segment_case(struct store *s, const struct segment *old,
    struct role_case *c, char **cause)
{
	int64_t	me, who;

	memset(c, 0, sizeof *c);
	c->stage = old->stage;
	if (store_author(s, &me, cause) != 0 ||
	    store_role(s, &c->role, cause) != 0)
		return -1;
	if (store_segment_who(s, transcriber_sql, old->id, &who, cause) != 0)
		return -1;
	c->own = who == me;
	if (store_segment_who(s, reviewer_sql, old->id, &who, cause) != 0)
		return -1;
	c->reviewed = who == me;
	return 0;
}

char *
store_segment_transcriber(struct store *s, int64_t id)
{
	static const char sql[] = "SELECT login FROM user WHERE id = ?";
	sqlite3_stmt	*st;
	char		*ignored = NULL, *who = NULL;
	int64_t		 author;

	if (store_segment_who(s, transcriber_sql, id, &author, &ignored) == 0 &&
	    author != 0 && (st = store_stmt(s, sql, &ignored)) != NULL) {
		sqlite3_bind_int64(st, 1, author);
		if (sqlite3_step(st) == SQLITE_ROW)
			who = store_column_text(st, 0);
		sqlite3_reset(st);
	}
	free(ignored);
	return who;
}

static int
store_lease_end(struct store *s, int64_t id, char **cause)
{
	static const char one[] =
	    "DELETE FROM lease WHERE segment_id = ? AND user_id = ?";
	static const char all[] = "DELETE FROM lease WHERE user_id = ?";
	sqlite3_stmt	*st;
	int64_t		 me;

	if (store_author(s, &me, cause) != 0 ||
	    (st = store_stmt(s, id != 0 ? one : all, cause)) == NULL)
		return -1;
	if (id != 0) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, me);
	} else
		sqlite3_bind_int64(st, 1, me);
	return store_step_done(s, st, _("ending a lease"), cause);
}

/* Checks a move of seg (as read) and gives its new state, pass and act. */
static int
store_move_plan(struct store *s, struct segment *seg, enum store_move m,
    const char *comment, const char **pass, char **cause)
{
	struct role_case	c;
	enum role_act		act = ACT_SUBMIT;
	int64_t			who;

	if (seg->deleted) {
		*cause = xprintf(_("segment %lld is deleted"),
		    (long long)seg->id);
		return -1;
	}
	if (store_segment_case(s, seg, &c, cause) != 0)
		return -1;
	*pass = "review";
	switch (m) {
	case MOVE_SUBMIT:
		act = ACT_SUBMIT;
		*pass = "transcribe";
		break;
	case MOVE_ACCEPT:
	case MOVE_QA_ACCEPT:
		act = ACT_ACCEPT;
		break;
	case MOVE_REJECT:
	case MOVE_QA_RETURN:
		act = ACT_REJECT;
		break;
	case MOVE_REOPEN:
		act = ACT_REOPEN;
		break;
	case MOVE_CONFIRM:
		act = ACT_CONFIRM;
		*pass = "linguist";
		break;
	}
	if (m == MOVE_QA_ACCEPT || m == MOVE_QA_RETURN) {
		*pass = "qa";
		c.reviewed = 0;
		if (store_may(s, ACT_SAMPLE, cause) != 0)
			return -1;
	}
	if (role_may(act, &c, cause) != 0)
		return -1;
	if ((act == ACT_REJECT) && (comment == NULL || *comment == '\0')) {
		*cause = xstrdup(_("say why with a comment (--comment TEXT): "
		    "the transcriber reads it"));
		return -1;
	}
	switch (m) {
	case MOVE_SUBMIT:
		if (seg->text == NULL || *seg->text == '\0') {
			*cause = xprintf(_("segment %lld has no text; type what "
			    "is said (or an event tag such as [noise])"),
			    (long long)seg->id);
			return -1;
		}
		seg->stage = STAGE_TRANSCRIBED;
		break;
	case MOVE_ACCEPT:
		seg->stage = seg->stage == STAGE_TRANSCRIBED ? STAGE_REVIEWED :
		    STAGE_ACCEPTED;
		break;
	case MOVE_QA_ACCEPT:
		seg->stage = STAGE_ACCEPTED;
		break;
	case MOVE_REJECT:
	case MOVE_QA_RETURN:
		seg->stage = STAGE_NEW;
		if (store_segment_who(s, transcriber_sql, seg->id, &who,
		    cause) != 0)
			return -1;
		if (who != 0)
			seg->assignee = who;
		break;
	case MOVE_REOPEN:
		seg->stage = STAGE_TRANSCRIBED;
		break;
	case MOVE_CONFIRM:
		break;
	}
	return 0;
}

int
store_segment_may_move(struct store *s, int64_t id, enum store_move m,
    char **cause)
{
	struct segment	 seg;
	const char	*pass;
	int		 rc;

	if (store_segment_get(s, id, &seg, cause) != 0)
		return -1;
	/* Any comment will do: whether one is given is the caller's part. */
	rc = store_move_plan(s, &seg, m, "-", &pass, cause);
	segment_clear(&seg);
	return rc;
}

int
store_segment_move(struct store *s, int64_t id, int64_t expect,
    enum store_move m, const char *comment, struct segment *out,
    char **cause)
{
	struct store_write	 w = { .action = move_names[m], .checked = 1 };
	struct segment		 seg;
	int64_t			 author, version;
	char			*text = NULL, *why;
	int			 rc;

	memset(out, 0, sizeof *out);
	/* A comment is stored text: a tab or line break would break lists. */
	if (comment != NULL && (text = text_normalize(comment, cause)) == NULL) {
		why = *cause;
		*cause = xprintf(_("the comment: %s"), why);
		free(why);
		return -1;
	}
	comment = text;
	if (store_author(s, &author, cause) != 0 || store_begin(s, cause) != 0) {
		free(text);
		return -1;
	}
	if (store_segment_get(s, id, &seg, cause) != 0) {
		store_rollback(s);
		free(text);
		return -1;
	}
	version = seg.version;
	if (expect != 0 && version != expect) {
		*cause = xprintf(_("segment %lld was changed since you read it "
		    "(version %lld, not %lld); look again with 'tingxie history'"),
		    (long long)id, (long long)version, (long long)expect);
		rc = STORE_CONFLICT;
		goto fail;
	}
	w.comment = comment != NULL && *comment != '\0' ? comment : NULL;
	if ((rc = store_move_plan(s, &seg, m, comment, &w.pass, cause)) != 0 ||
	    (rc = store_segment_write(s, &seg, version, author, &w,
	    cause)) != 0 || (rc = store_lease_end(s, id, cause)) != 0 ||
	    (rc = store_commit(s, cause)) != 0)
		goto fail;
	free(text);
	*out = seg;
	return 0;
fail:
	store_rollback(s);
	segment_clear(&seg);
	free(text);
	return rc;
}

/* ---- assignment ---- */

/* Assigned to nobody, or to a transcriber whose part is done. */
#define FREE_FOR_REVIEW(g) \
	"(" g ".assignee IS NULL OR " g ".assignee IN " \
	"(SELECT id FROM user WHERE role = 'transcriber'))"

int
store_assign(struct store *s, const char *login, int64_t rec, size_t count,
    size_t *assigned, char **cause)
{
	static const char sql[] =
	    "SELECT g.id FROM segment g WHERE g.deleted = 0 "
	    "AND (?1 = 0 OR g.recording_id = ?1) AND CASE ?2 "
	    "WHEN 'transcriber' THEN g.stage = 'new' AND g.assignee IS NULL "
	    "WHEN 'linguist' THEN g.stage <> 'new' AND " FREE_FOR_REVIEW("g")
	    " ELSE g.stage = 'transcribed' AND " FREE_FOR_REVIEW("g")
	    " AND " TRANSCRIBER_OF("g") " <> ?3 END "
	    "ORDER BY g.recording_id, g.start, g.id LIMIT ?4";
	struct store_write	 w = { .action = "assign", .pass = "manage",
				     .checked = 1 };
	struct segment		*segs;
	sqlite3_stmt		*st;
	size_t			 n;
	int64_t			 author, to;
	enum role		 role;
	int			 rc = 0;

	*assigned = 0;
	if (store_author(s, &author, cause) != 0 || store_begin(s, cause) != 0)
		return -1;
	/* The role, like all else, as it is under the write lock. */
	if (store_may(s, ACT_ASSIGN, cause) != 0 ||
	    store_user_id(s, login, &to, &role, cause) != 0 ||
	    (st = store_stmt(s, sql, cause)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, rec);
	sqlite3_bind_text(st, 2, role_name(role), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, to);
	sqlite3_bind_int64(st, 4, count == 0 ? -1 : (int64_t)count);
	if (store_segment_select(s, st, &segs, &n, _("reading segments"),
	    cause) != 0)
		goto fail;
	for (size_t i = 0; i < n && rc == 0; i++) {
		segs[i].assignee = to;
		rc = store_segment_write(s, &segs[i], segs[i].version, author,
		    &w, cause);
	}
	segment_list_free(segs, n);
	if (rc != 0)
		goto fail;
	*assigned = n;
	return store_commit(s, cause);
fail:
	store_rollback(s);
	return -1;
}

/* ---- the next task, and leases ---- */

/*
 * The segments waiting for the person (?4, role ?6), with the filters
 * (?1 recording, ?2 language, ?3 dialect). The unary '+' keeps a
 * segment's revisions looked up by segment: by the index on author and
 * pass, each segment would walk all of the person's revisions, which
 * grows with the square of the project while the write lock is held.
 */
#define TASK_QUEUE \
	"FROM segment g WHERE g.deleted = 0 " \
	"AND (?1 = 0 OR g.recording_id = ?1) " \
	"AND (?2 IS NULL OR g.lang = ?2 OR g.lang LIKE ?2 || '-%') " \
	"AND (?3 IS NULL OR g.dialect = ?3) AND CASE ?6 " \
	"WHEN 'transcriber' THEN g.stage = 'new' " \
	"  AND (g.assignee IS NULL OR g.assignee = ?4) " \
	"WHEN 'linguist' THEN g.stage <> 'new' " \
	"  AND (g.assignee IS NULL OR g.assignee = ?4 OR " \
	"  g.assignee NOT IN (SELECT id FROM user WHERE role = 'linguist')) " \
	"  AND NOT EXISTS (SELECT 1 FROM revision r WHERE " \
	"  r.segment_id = g.id AND +r.pass = 'linguist' AND +r.author = ?4) " \
	"ELSE (g.stage = 'transcribed' OR (g.stage = 'reviewed' AND " \
	  REVIEWER_OF("g") " <> ?4)) AND " TRANSCRIBER_OF("g") " <> ?4 " \
	"  AND (g.assignee = ?4 OR " FREE_FOR_REVIEW("g") ") END "

/* Not leased to somebody else of the queue (?4 the person, ?5 now). */
#define TASK_FREE \
	"AND NOT EXISTS (SELECT 1 FROM lease l WHERE l.segment_id = g.id " \
	"AND l.queue = ?6 AND l.user_id <> ?4 AND l.expires > ?5) "
/*
 * The person's own lease first, then what is assigned to them, sent back
 * or sampled, then reviewed segments waiting for a second reviewer last.
 */
#define TASK_ORDER \
	"ORDER BY EXISTS (SELECT 1 FROM lease l WHERE l.segment_id = g.id " \
	"AND l.user_id = ?4) DESC, g.assignee IS ?4 DESC, " \
	"EXISTS (SELECT 1 FROM revision r WHERE r.segment_id = g.id AND " \
	"r.version = g.version AND r.action IN ('reject', 'qa-return')) " \
	"DESC, EXISTS (SELECT 1 FROM qa_item q WHERE q.segment_id = g.id) " \
	"DESC, g.stage = 'reviewed', g.recording_id, g.start, g.id"

/* The queue a role works from: admins review. */
static const char *
store_task_queue(enum role role)
{
	return role_name(role == ROLE_ADMIN ? ROLE_REVIEWER : role);
}

/* Binds a queue's parameters: the filter, the person, now, their queue. */
static void
store_task_bind(sqlite3_stmt *st, const struct task_filter *f, int64_t me,
    int64_t now, enum role role)
{
	sqlite3_bind_int64(st, 1, f != NULL ? f->recording_id : 0);
	store_bind_text(st, 2, f != NULL ? f->lang : NULL);
	store_bind_text(st, 3, f != NULL ? f->dialect : NULL);
	sqlite3_bind_int64(st, 4, me);
	sqlite3_bind_int64(st, 5, now);
	sqlite3_bind_text(st, 6, store_task_queue(role), -1, SQLITE_STATIC);
}

int
store_task_next(struct store *s, const struct task_filter *f,
    struct segment *out, char **cause)
{
	static const char pick[] = "SELECT g.id " TASK_QUEUE TASK_FREE
	    TASK_ORDER " LIMIT 1";
	static const char take[] =
	    "INSERT INTO lease (segment_id, queue, user_id, expires) "
	    "VALUES (?, ?, ?, ?) ON CONFLICT (segment_id, queue) "
	    "DO UPDATE SET user_id = excluded.user_id, "
	    "expires = excluded.expires";
	sqlite3_stmt	*st;
	char		*minutes = NULL;
	int64_t		 me, id = 0, now = store_now_ms(), lease;
	enum role	 role;
	int		 rc;

	if (store_author(s, &me, cause) != 0 ||
	    store_setting_get(s, "lease.minutes", &minutes, cause) != 0)
		return -1;
	lease = minutes != NULL ? strtoll(minutes, NULL, 10) : LEASE_MINUTES;
	free(minutes);
	if (lease <= 0)
		lease = LEASE_MINUTES;
	if (store_begin(s, cause) != 0)
		return -1;
	/* The role decides the queue: read it under the write lock. */
	if (store_role(s, &role, cause) != 0 ||
	    (st = store_stmt(s, pick, cause)) == NULL)
		goto fail;
	store_task_bind(st, f, me, now, role);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = store_error(s, _("finding the next task"));
		goto fail;
	}
	/* Taking a task ends the person's other leases. */
	if (store_lease_end(s, 0, cause) != 0)
		goto fail;
	if (id == 0) {
		if (store_commit(s, cause) != 0)
			return -1;
		return 1;
	}
	if ((st = store_stmt(s, take, cause)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, store_task_queue(role), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, me);
	sqlite3_bind_int64(st, 4, now + lease * 60 * 1000);
	if (store_step_done(s, st, _("leasing the task"), cause) != 0 ||
	    store_segment_get(s, id, out, cause) != 0)
		goto fail;
	if (store_commit(s, cause) != 0) {
		segment_clear(out);
		return -1;
	}
	return 0;
fail:
	store_rollback(s);
	return -1;
}

int
store_task_count(struct store *s, const struct task_filter *f, size_t *n,
    char **cause)
{
	static const char sql[] = "SELECT count(*) " TASK_QUEUE;
	sqlite3_stmt	*st;
	int64_t		 me;
	enum role	 role;
	int		 rc;

	*n = 0;
	if (store_author(s, &me, cause) != 0 ||
	    store_role(s, &role, cause) != 0 ||
	    (st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	store_task_bind(st, f, me, store_now_ms(), role);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*n = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW) {
		*cause = store_error(s, _("counting tasks"));
		return -1;
	}
	return 0;
}

int
store_task_ids(struct store *s, const struct task_filter *f, int64_t **ids,
    size_t *n, char **cause)
{
	static const char sql[] = "SELECT g.id " TASK_QUEUE TASK_FREE
	    TASK_ORDER;
	sqlite3_stmt	*st;
	int64_t		 me;
	enum role	 role;

	*ids = NULL;
	*n = 0;
	if (store_author(s, &me, cause) != 0 ||
	    store_role(s, &role, cause) != 0 ||
	    (st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	store_task_bind(st, f, me, store_now_ms(), role);
	return store_collect_ids(s, st, ids, n, _("reading your queue"), cause);
}

int
store_task_release(struct store *s, int64_t id, char **cause)
{
	if (store_begin(s, cause) != 0)
		return -1;
	if (store_lease_end(s, id, cause) != 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, cause);
}

/* ---- history ---- */

/* Revisions as store_history_row() reads them. */
#define HISTORY_SELECT \
	"SELECT r.version, r.time, u.login, r.pass, r.action, r.origin, " \
	"r.comment, a.login, r.work_ms, r.recording_id, r.channel, " \
	"r.start, r.\"end\", r.speaker_id, p.code, r.lang, r.dialect, " \
	"r.stage, r.text, r.deleted, c.name, c.rate, r.segment_id " \
	"FROM revision r JOIN user u ON u.id = r.author " \
	"LEFT JOIN user a ON a.id = r.assignee " \
	"LEFT JOIN speaker p ON p.id = r.speaker_id " \
	"JOIN recording c ON c.id = r.recording_id "

static void
store_history_row(sqlite3_stmt *st, void *dst)
{
	struct store_revision	*r = dst;
	struct segment		*g = &r->state;
	const char		*stage;

	memset(r, 0, sizeof *r);
	r->version = sqlite3_column_int64(st, 0);
	r->time = sqlite3_column_int64(st, 1);
	r->author = store_column_text(st, 2);
	r->pass = store_column_text(st, 3);
	r->action = store_column_text(st, 4);
	r->origin = store_column_text(st, 5);
	r->comment = store_column_text(st, 6);
	r->assignee = store_column_text(st, 7);
	r->work_ms = sqlite3_column_int64(st, 8);
	g->recording_id = sqlite3_column_int64(st, 9);
	g->channel = sqlite3_column_int(st, 10);
	g->start = sqlite3_column_int64(st, 11);
	g->end = sqlite3_column_int64(st, 12);
	g->speaker_id = sqlite3_column_int64(st, 13);
	g->speaker = store_column_text(st, 14);
	g->lang = store_column_text(st, 15);
	g->dialect = store_column_text(st, 16);
	stage = (const char *)sqlite3_column_text(st, 17);
	if (stage == NULL || segment_stage_parse(stage, &g->stage) != 0)
		g->stage = STAGE_NEW;
	g->text = store_column_text(st, 18);
	g->deleted = sqlite3_column_int(st, 19);
	g->recording = store_column_text(st, 20);
	g->rate = sqlite3_column_int(st, 21);
	g->id = sqlite3_column_int64(st, 22);
	g->version = r->version;
}

static void
store_history_release(void *list, size_t n)
{
	store_history_free(list, n);
}

int
store_history(struct store *s, int64_t id, struct store_revision **out,
    size_t *n, char **cause)
{
	static const char sql[] = HISTORY_SELECT
	    "WHERE r.segment_id = ? ORDER BY r.version";
	struct segment	 seg;
	sqlite3_stmt	*st;
	void		*rows;
	int		 rc;

	*out = NULL;
	*n = 0;
	if (store_segment_get(s, id, &seg, cause) != 0)
		return -1;
	segment_clear(&seg);
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = store_collect(s, st, sizeof **out, store_history_row,
	    store_history_release, &rows, n, _("reading the history"), cause);
	*out = rows;
	return rc;
}

int
store_pass_revision(struct store *s, int64_t id, const char *pass,
    struct store_revision *out, char **cause)
{
	static const char sql[] = HISTORY_SELECT
	    "WHERE r.segment_id = ? AND r.pass = ? "
	    "ORDER BY r.version DESC LIMIT 1";
	sqlite3_stmt	*st;
	int		 rc;

	memset(out, 0, sizeof *out);
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, pass, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		store_history_row(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	*cause = store_error(s, _("reading the history"));
	return -1;
}

void
store_revision_clear(struct store_revision *r)
{
	free(r->author);
	free(r->pass);
	free(r->action);
	free(r->origin);
	free(r->comment);
	free(r->assignee);
	segment_clear(&r->state);
	memset(r, 0, sizeof *r);
}

void
store_history_free(struct store_revision *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		store_revision_clear(&list[i]);
	free(list);
}
