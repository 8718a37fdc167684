/*
 * test-roles.c: who may do what. The rules alone, then the store acting as
 * several accounts (which needs root: store_act_as()).
 */
#include "unit.h"

#include <unistd.h>

#include "audio.h"
#include "role.h"
#include "store.h"
#include "fixture.h"

static int
may(enum role_act act, enum role r, enum segment_stage st, int own,
    int reviewed)
{
	struct role_case	 c = { r, st, own, reviewed };
	char			*cause = NULL;
	int			 rc = role_may(act, &c, &cause);

	if (rc != 0) {
		assert_non_null(cause);
		assert_true(*cause != '\0');
	}
	free(cause);
	return rc == 0;
}

#define T ROLE_TRANSCRIBER
#define R ROLE_REVIEWER
#define L ROLE_LINGUIST
#define A ROLE_ADMIN

static void
test_rules(void **state)
{
	(void)state;
	/* Transcribing: not linguists; nobody on accepted segments. */
	assert_true(may(ACT_TRANSCRIBE, T, STAGE_NEW, 0, 0));
	assert_true(may(ACT_TRANSCRIBE, T, STAGE_TRANSCRIBED, 1, 0));
	assert_false(may(ACT_TRANSCRIBE, T, STAGE_REVIEWED, 1, 0));
	assert_true(may(ACT_TRANSCRIBE, R, STAGE_REVIEWED, 0, 0));
	assert_false(may(ACT_TRANSCRIBE, L, STAGE_TRANSCRIBED, 0, 0));
	for (int r = 0; r < ROLE_N; r++)
		assert_false(may(ACT_TRANSCRIBE, (enum role)r, STAGE_ACCEPTED,
		    0, 0));
	/* Tags: linguists and admins even on accepted segments. */
	assert_true(may(ACT_TAG, L, STAGE_ACCEPTED, 0, 0));
	assert_true(may(ACT_TAG, A, STAGE_ACCEPTED, 0, 0));
	assert_false(may(ACT_TAG, R, STAGE_ACCEPTED, 0, 0));
	assert_false(may(ACT_TAG, T, STAGE_REVIEWED, 0, 0));
	/* Submitting. */
	assert_true(may(ACT_SUBMIT, T, STAGE_NEW, 1, 0));
	assert_false(may(ACT_SUBMIT, T, STAGE_REVIEWED, 1, 0));
	assert_false(may(ACT_SUBMIT, L, STAGE_NEW, 0, 0));
	/* Accepting: reviewers and admins, never their own work. */
	assert_false(may(ACT_ACCEPT, T, STAGE_TRANSCRIBED, 0, 0));
	assert_false(may(ACT_ACCEPT, L, STAGE_TRANSCRIBED, 0, 0));
	assert_true(may(ACT_ACCEPT, R, STAGE_TRANSCRIBED, 0, 0));
	assert_false(may(ACT_ACCEPT, R, STAGE_TRANSCRIBED, 1, 0));
	assert_false(may(ACT_ACCEPT, A, STAGE_TRANSCRIBED, 1, 0));
	assert_false(may(ACT_ACCEPT, R, STAGE_NEW, 0, 0));
	assert_true(may(ACT_ACCEPT, R, STAGE_REVIEWED, 0, 0));
	assert_false(may(ACT_ACCEPT, R, STAGE_REVIEWED, 0, 1));
	assert_false(may(ACT_ACCEPT, A, STAGE_ACCEPTED, 0, 0));
	/* Rejecting and reopening. */
	assert_true(may(ACT_REJECT, R, STAGE_REVIEWED, 0, 1));
	assert_false(may(ACT_REJECT, R, STAGE_TRANSCRIBED, 1, 0));
	assert_false(may(ACT_REJECT, R, STAGE_ACCEPTED, 0, 0));
	assert_false(may(ACT_REJECT, T, STAGE_TRANSCRIBED, 0, 0));
	assert_true(may(ACT_REOPEN, R, STAGE_ACCEPTED, 0, 0));
	assert_false(may(ACT_REOPEN, R, STAGE_TRANSCRIBED, 0, 0));
	assert_false(may(ACT_REOPEN, L, STAGE_ACCEPTED, 0, 0));
	/* Confirming tags. */
	assert_true(may(ACT_CONFIRM, L, STAGE_ACCEPTED, 0, 0));
	assert_false(may(ACT_CONFIRM, L, STAGE_NEW, 0, 0));
	assert_false(may(ACT_CONFIRM, R, STAGE_TRANSCRIBED, 0, 0));
	/* The project. */
	assert_true(may(ACT_USERS, A, STAGE_NEW, 0, 0));
	for (int r = 0; r < ROLE_N - 1; r++) {
		assert_false(may(ACT_USERS, (enum role)r, STAGE_NEW, 0, 0));
		assert_false(may(ACT_SETTINGS, (enum role)r, STAGE_NEW, 0, 0));
	}
	assert_true(may(ACT_VOCAB, L, STAGE_NEW, 0, 0));
	assert_false(may(ACT_VOCAB, R, STAGE_NEW, 0, 0));
	assert_true(may(ACT_ASSIGN, R, STAGE_NEW, 0, 0));
	assert_false(may(ACT_ASSIGN, T, STAGE_NEW, 0, 0));
	assert_true(may(ACT_SAMPLE, A, STAGE_NEW, 0, 0));
	assert_false(may(ACT_SAMPLE, L, STAGE_NEW, 0, 0));
	assert_true(may(ACT_SPEAKER_MERGE, L, STAGE_NEW, 0, 0));
	assert_false(may(ACT_SPEAKER_MERGE, T, STAGE_NEW, 0, 0));
}

static void
test_pass(void **state)
{
	struct role_case c = { 0 };

	(void)state;
	c.role = T;
	c.stage = STAGE_TRANSCRIBED;
	assert_string_equal(role_pass(&c), "transcribe");
	c.role = R;
	assert_string_equal(role_pass(&c), "review");
	c.own = 1;
	assert_string_equal(role_pass(&c), "transcribe");
	c.own = 0;
	c.stage = STAGE_NEW;
	assert_string_equal(role_pass(&c), "transcribe");
	c.role = L;
	assert_string_equal(role_pass(&c), "linguist");
	c.role = A;
	c.stage = STAGE_REVIEWED;
	assert_string_equal(role_pass(&c), "review");
	for (int r = 0; r < ROLE_N; r++) {
		enum role back;

		assert_int_equal(role_parse(role_name((enum role)r), &back), 0);
		assert_int_equal(back, r);
	}
	assert_int_equal(role_parse("boss", &c.role), -1);
}

/* ---- the store, acting as several accounts ---- */

static struct store *
as(struct fixture *fx, const char *login)
{
	struct store	*s;
	char		*cause = NULL;

	if (store_act_as(login, &cause) != 0)
		fail_msg("%s", cause);
	if ((s = store_open(fx->project, STORE_WRITE, &cause)) == NULL)
		fail_msg("%s", cause);
	return s;
}

static int
text(struct store *s, int64_t id, const char *t, char **cause)
{
	struct segment_edit	ed = { .text = t, .start = -1, .end = -1 };
	struct segment		seg;
	int			rc;

	free(*cause);
	*cause = NULL;
	rc = store_segment_set(s, id, 0, &ed, &seg, cause);
	segment_clear(&seg);
	return rc;
}

static int
move(struct store *s, int64_t id, enum store_move m, const char *comment,
    enum segment_stage *stage, char **cause)
{
	struct segment	seg;
	int		rc;

	free(*cause);
	*cause = NULL;
	rc = store_segment_move(s, id, 0, m, comment, &seg, cause);
	if (rc == 0 && stage != NULL)
		*stage = seg.stage;
	segment_clear(&seg);
	return rc;
}

static void
people(struct fixture *fx)
{
	static const struct { const char *login; enum role role; } u[] = {
		{ "alice", T }, { "dave", T }, { "bob", R }, { "carol", R },
		{ "lin", L }
	};
	char	*cause = NULL;

	for (size_t i = 0; i < sizeof u / sizeof u[0]; i++) {
		if (store_user_add(fx->s, u[i].login, u[i].role, &cause) != 0)
			fail_msg("%s", cause);
	}
}

static void
test_passes(void **state)
{
	struct fixture		*fx = *state;
	struct store		*alice, *bob, *carol, *lin;
	struct store_revision	*revs;
	enum segment_stage	 st;
	size_t			 n;
	int64_t			 rec, id;
	char			*cause = NULL, *who;

	if (getuid() != 0)
		skip();
	rec = add_recording(fx, 16000 * 10, &cause);
	assert_true(rec > 0);
	people(fx);
	id = add_text_segment(fx, rec, 1, 2, NULL, "", STAGE_NEW);

	/* Accounts that are not users are refused on open. */
	assert_int_equal(store_act_as("ghost", &cause), 0);
	assert_null(store_open(fx->project, STORE_READ, &cause));
	assert_non_null(strstr(cause, "'ghost' is not a user"));
	assert_non_null(strstr(cause, "tingxie users"));
	free(cause);
	cause = NULL;

	alice = as(fx, "alice");
	bob = as(fx, "bob");
	carol = as(fx, "carol");
	lin = as(fx, "lin");
	assert_int_equal(text(alice, id, "我们开个会吧", &cause), 0);
	assert_int_equal(move(alice, id, MOVE_SUBMIT, NULL, &st, &cause), 0);
	assert_int_equal(st, STAGE_TRANSCRIBED);
	who = store_segment_transcriber(bob, id);
	assert_string_equal(who, "alice");
	free(who);
	/* Nobody accepts their own work; transcribers accept nothing. */
	assert_int_equal(move(alice, id, MOVE_ACCEPT, NULL, NULL, &cause), -1);
	assert_non_null(strstr(cause, "transcriber"));
	assert_int_equal(text(lin, id, "x", &cause), -1);
	/* bob corrects and accepts: reviewed; he cannot accept it again. */
	assert_int_equal(text(bob, id, "我们开个会吧。", &cause), 0);
	assert_int_equal(move(bob, id, MOVE_ACCEPT, NULL, &st, &cause), 0);
	assert_int_equal(st, STAGE_REVIEWED);
	assert_int_equal(move(bob, id, MOVE_ACCEPT, NULL, NULL, &cause), -1);
	assert_non_null(strstr(cause, "another reviewer"));
	assert_int_equal(text(alice, id, "改", &cause), -1);
	assert_int_equal(move(carol, id, MOVE_ACCEPT, NULL, &st, &cause), 0);
	assert_int_equal(st, STAGE_ACCEPTED);
	/* Accepted is frozen, but a linguist confirms its tags. */
	assert_int_equal(text(carol, id, "改", &cause), -1);
	assert_non_null(strstr(cause, "reopen"));
	assert_int_equal(move(lin, id, MOVE_CONFIRM, NULL, &st, &cause), 0);
	assert_int_equal(st, STAGE_ACCEPTED);
	assert_int_equal(move(bob, id, MOVE_REOPEN, "again", &st, &cause), 0);
	assert_int_equal(st, STAGE_TRANSCRIBED);
	/* Asking first writes nothing and says what the move would. */
	assert_int_equal(store_segment_may_move(alice, id, MOVE_REJECT,
	    &cause), -1);
	assert_non_null(strstr(cause, "only reviewers and admins reject"));
	free(cause);
	cause = NULL;
	assert_int_equal(store_segment_may_move(carol, id, MOVE_REJECT,
	    &cause), 0);
	assert_int_equal(store_segment_may_move(carol, id, MOVE_CONFIRM,
	    &cause), -1);
	assert_non_null(strstr(cause, "only linguists and admins confirm"));
	free(cause);
	cause = NULL;
	/* A reject needs a comment and goes back to alice. */
	assert_int_equal(move(carol, id, MOVE_REJECT, "", NULL, &cause), -1);
	assert_non_null(strstr(cause, "comment"));
	assert_int_equal(move(carol, id, MOVE_REJECT, "句号不要", &st, &cause),
	    0);
	assert_int_equal(st, STAGE_NEW);

	assert_int_equal(store_history(bob, id, &revs, &n, &cause), 0);
	assert_int_equal(n, 9);
	{
		static const char *const want[][3] = {
			{ "root", "transcribe", "create" },
			{ "alice", "transcribe", "set" },
			{ "alice", "transcribe", "submit" },
			{ "bob", "review", "set" },
			{ "bob", "review", "accept" },
			{ "carol", "review", "accept" },
			{ "lin", "linguist", "confirm" },
			{ "bob", "review", "reopen" },
			{ "carol", "review", "reject" },
		};
		for (size_t i = 0; i < n; i++) {
			assert_int_equal(revs[i].version, (int64_t)i + 1);
			assert_string_equal(revs[i].author, want[i][0]);
			assert_string_equal(revs[i].pass, want[i][1]);
			assert_string_equal(revs[i].action, want[i][2]);
		}
	}
	assert_string_equal(revs[8].comment, "句号不要");
	assert_string_equal(revs[8].assignee, "alice");
	assert_string_equal(revs[8].state.text, "我们开个会吧。");
	store_history_free(revs, n);

	/* A stale version is a conflict and changes nothing. */
	{
		struct segment	seg;

		assert_int_equal(store_segment_move(alice, id, 3, MOVE_SUBMIT,
		    NULL, &seg, &cause), STORE_CONFLICT);
		free(cause);
		cause = NULL;
	}
	/* Users: admins only; the last admin stays. */
	assert_int_equal(store_user_add(bob, "eve", T, &cause), -1);
	assert_non_null(strstr(cause, "only admins"));
	free(cause);
	cause = NULL;
	assert_int_equal(store_user_set_role(fx->s, "root", T, &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(store_user_set_role(fx->s, "bob", ROLE_ADMIN,
	    &cause), 0);
	assert_int_equal(store_user_set_role(fx->s, "alice", L, &cause), 0);
	assert_int_equal(text(alice, id, "再改", &cause), -1);	/* now linguist */
	free(cause);
	store_close(alice);
	store_close(bob);
	store_close(carol);
	store_close(lin);
	assert_int_equal(store_act_as("root", &cause), 0);
}

/*
 * The transcriber is whoever wrote the text: a transcriber who only
 * fixes the times or the language of a reviewer's transcription does not
 * take it over, or the reviewer could then accept what he wrote.
 */
static void
test_own_text(void **state)
{
	struct fixture		*fx = *state;
	struct store		*alice, *bob, *carol;
	struct segment_edit	 ed = { .start = -1, .end = -1 };
	struct segment		 seg;
	enum segment_stage	 st;
	int64_t			 rec, id;
	char			*cause = NULL, *who;

	if (getuid() != 0)
		skip();
	rec = add_recording(fx, 16000 * 10, &cause);
	assert_true(rec > 0);
	people(fx);
	id = add_text_segment(fx, rec, 1, 2, NULL, "", STAGE_NEW);
	alice = as(fx, "alice");
	bob = as(fx, "bob");
	carol = as(fx, "carol");
	assert_int_equal(text(bob, id, "我写的", &cause), 0);
	ed.end = 16000 * 2 + 800;
	ed.lang = "en";
	assert_int_equal(store_segment_set(alice, id, 0, &ed, &seg, &cause), 0);
	segment_clear(&seg);
	who = store_segment_transcriber(carol, id);
	assert_string_equal(who, "bob");
	free(who);
	assert_int_equal(move(bob, id, MOVE_ACCEPT, NULL, NULL, &cause), -1);
	assert_non_null(strstr(cause, "you transcribed this segment"));
	/* Writing the text, or submitting it, does make it hers. */
	assert_int_equal(text(alice, id, "她写的", &cause), 0);
	who = store_segment_transcriber(carol, id);
	assert_string_equal(who, "alice");
	free(who);
	assert_int_equal(move(bob, id, MOVE_ACCEPT, NULL, &st, &cause), 0);
	assert_int_equal(st, STAGE_REVIEWED);
	free(cause);
	store_close(alice);
	store_close(bob);
	store_close(carol);
	assert_int_equal(store_act_as("root", &cause), 0);
}

static void
test_tasks(void **state)
{
	struct fixture	*fx = *state;
	struct store	*alice, *dave, *bob;
	struct segment	 a, d, b;
	int64_t		 rec, ids[4];
	size_t		 n;
	char		*cause = NULL;

	if (getuid() != 0)
		skip();
	rec = add_recording(fx, 16000 * 10, &cause);
	people(fx);
	for (int i = 0; i < 4; i++)
		ids[i] = add_text_segment(fx, rec, i * 2, i * 2 + 1, NULL, "",
		    STAGE_NEW);
	/* Two assigned to dave: alice's queue starts after them. */
	assert_int_equal(store_assign(fx->s, "dave", rec, 2, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_int_equal(store_assign(fx->s, "dave", rec, 0, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_int_equal(store_assign(fx->s, "nobody", rec, 0, &n, &cause),
	    -1);
	free(cause);
	cause = NULL;
	alice = as(fx, "alice");
	dave = as(fx, "dave");
	bob = as(fx, "bob");
	assert_int_equal(store_task_count(alice, NULL, &n, &cause), 0);
	assert_int_equal(n, 0);
	assert_int_equal(store_task_next(alice, NULL, &a, &cause), 1);
	assert_int_equal(store_task_next(dave, NULL, &d, &cause), 0);
	assert_int_equal(d.id, ids[0]);
	/* Taking again gives the same one (leased to him) ... */
	segment_clear(&d);
	assert_int_equal(store_task_next(dave, NULL, &d, &cause), 0);
	assert_int_equal(d.id, ids[0]);
	assert_int_equal(text(dave, d.id, "one", &cause), 0);
	assert_int_equal(move(dave, d.id, MOVE_SUBMIT, NULL, NULL, &cause), 0);
	segment_clear(&d);
	/* ... and after the submit, the next. */
	assert_int_equal(store_task_next(dave, NULL, &d, &cause), 0);
	assert_int_equal(d.id, ids[1]);
	/* The reviewer's queue: the submitted one, not dave's leased one. */
	assert_int_equal(store_task_next(bob, NULL, &b, &cause), 0);
	assert_int_equal(b.id, ids[0]);
	assert_int_equal(b.stage, STAGE_TRANSCRIBED);
	/* Another reviewer is not handed bob's leased segment. */
	{
		struct store	*carol = as(fx, "carol");
		struct segment	 c;

		assert_int_equal(store_task_next(carol, NULL, &c, &cause), 1);
		assert_int_equal(store_task_release(bob, 0, &cause), 0);
		assert_int_equal(store_task_next(carol, NULL, &c, &cause), 0);
		assert_int_equal(c.id, ids[0]);
		segment_clear(&c);
		store_close(carol);
	}
	segment_clear(&d);
	segment_clear(&b);
	store_close(alice);
	store_close(dave);
	store_close(bob);
	assert_int_equal(store_act_as("root", &cause), 0);
}

/* The person's queue as "id id id". */
static char *
queue(struct store *s, const struct task_filter *f)
{
	int64_t	*ids;
	size_t	 n, off = 0;
	char	*cause = NULL, *out;

	if (store_task_ids(s, f, &ids, &n, &cause) != 0)
		fail_msg("%s", cause);
	out = calloc(n + 1, 24);
	for (size_t i = 0; i < n; i++)
		off += (size_t)sprintf(out + off, "%s%lld", i > 0 ? " " : "",
		    (long long)ids[i]);
	free(ids);
	return out;
}

static void
assert_queue(struct store *s, const struct task_filter *f, const char *want)
{
	char	*got = queue(s, f);

	assert_string_equal(got, want);
	free(got);
}

/* The screen's list of tasks: the queue in order, others' leases left out. */
static void
test_task_ids(void **state)
{
	struct fixture		*fx = *state;
	struct store		*alice, *bob, *carol;
	struct task_filter	 f = { 0 };
	struct segment		 seg;
	char			*cause = NULL, want[64];
	int64_t			 rec, a[3];
	size_t			 n;

	if (getuid() != 0)
		skip();
	rec = add_recording(fx, 16000 * 10, &cause);
	people(fx);
	alice = as(fx, "alice");
	for (int i = 0; i < 3; i++) {
		a[i] = add_text_segment(fx, rec, i, i + 1, NULL, "", STAGE_NEW);
		assert_int_equal(text(alice, a[i], "你好", &cause), 0);
	}
	bob = as(fx, "bob");
	carol = as(fx, "carol");
	snprintf(want, sizeof want, "%lld %lld %lld", (long long)a[0],
	    (long long)a[1], (long long)a[2]);
	assert_queue(bob, NULL, want);
	/* Her own queue holds new segments only; these are done. */
	assert_queue(alice, NULL, "");

	/* Carol takes the first: bob's list leaves it out, his count not. */
	assert_int_equal(store_task_next(carol, NULL, &seg, &cause), 0);
	assert_int_equal(seg.id, a[0]);
	segment_clear(&seg);
	snprintf(want, sizeof want, "%lld %lld", (long long)a[1],
	    (long long)a[2]);
	assert_queue(bob, NULL, want);
	assert_int_equal(store_task_count(bob, NULL, &n, &cause), 0);
	assert_int_equal(n, 3);

	/* Bob's own lease comes first; what he accepted leaves his list. */
	assert_int_equal(store_task_next(bob, NULL, &seg, &cause), 0);
	assert_int_equal(seg.id, a[1]);
	segment_clear(&seg);
	assert_queue(bob, NULL, want);
	assert_int_equal(move(bob, a[1], MOVE_ACCEPT, NULL, NULL, &cause), 0);
	snprintf(want, sizeof want, "%lld", (long long)a[2]);
	assert_queue(bob, NULL, want);
	/* Carol may accept what bob reviewed: hers, after the others. */
	snprintf(want, sizeof want, "%lld %lld %lld", (long long)a[0],
	    (long long)a[2], (long long)a[1]);
	assert_queue(carol, NULL, want);

	/* Filters: a language and the tags under it, a recording. */
	f.lang = "yue";
	assert_queue(bob, &f, "");
	f.lang = "cmn";
	snprintf(want, sizeof want, "%lld", (long long)a[2]);
	assert_queue(bob, &f, want);
	f.lang = NULL;
	f.recording_id = rec + 1;
	assert_queue(bob, &f, "");
	store_close(alice);
	store_close(bob);
	store_close(carol);
	assert_int_equal(store_act_as("root", &cause), 0);
}

static void
assert_revision(struct store *s, int64_t id, const char *pass,
    int64_t version, const char *author, const char *action,
    const char *want)
{
	struct store_revision	 r;
	char			*cause = NULL;

	if (store_pass_revision(s, id, pass, &r, &cause) != 0)
		fail_msg("%s: %s", pass, cause != NULL ? cause : "none");
	assert_int_equal(r.version, version);
	assert_string_equal(r.author, author);
	assert_string_equal(r.pass, pass);
	assert_string_equal(r.action, action);
	assert_string_equal(r.state.text, want);
	assert_int_equal(r.state.id, id);
	store_revision_clear(&r);
	assert_null(r.author);
}

/* What a review is compared with: the transcriber's latest text. */
static void
test_pass_revision(void **state)
{
	struct fixture		*fx = *state;
	struct store		*alice, *bob, *carol;
	struct store_revision	 r;
	char			*cause = NULL;
	int64_t			 rec, id;

	if (getuid() != 0)
		skip();
	rec = add_recording(fx, 16000 * 10, &cause);
	people(fx);
	id = add_text_segment(fx, rec, 0, 2, NULL, "", STAGE_NEW);
	alice = as(fx, "alice");
	bob = as(fx, "bob");
	carol = as(fx, "carol");
	assert_int_equal(text(alice, id, "今天天气很好", &cause), 0);

	/* The reviewer corrects and accepts: the transcriber's text stays. */
	assert_int_equal(text(bob, id, "今天天气真好", &cause), 0);
	assert_int_equal(move(bob, id, MOVE_ACCEPT, NULL, NULL, &cause), 0);
	assert_revision(bob, id, "transcribe", 2, "alice", "set",
	    "今天天气很好");
	assert_revision(bob, id, "review", 4, "bob", "accept", "今天天气真好");
	assert_int_equal(store_pass_revision(bob, id, "linguist", &r, &cause),
	    1);
	assert_null(r.author);
	assert_int_equal(store_pass_revision(bob, 9999, "transcribe", &r,
	    &cause), 1);

	/* Sent back and done again: the latest of the pass counts. */
	assert_int_equal(move(carol, id, MOVE_REJECT, "真的", NULL, &cause), 0);
	assert_int_equal(text(alice, id, "今天天气真的好", &cause), 0);
	assert_revision(carol, id, "transcribe", 6, "alice", "set",
	    "今天天气真的好");
	assert_revision(carol, id, "review", 5, "carol", "reject",
	    "今天天气真好");
	store_close(alice);
	store_close(bob);
	store_close(carol);
	assert_int_equal(store_act_as("root", &cause), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_pass),
		cmocka_unit_test_setup_teardown(test_passes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_own_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tasks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_task_ids, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pass_revision, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
