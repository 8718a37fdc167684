/*
 * test-tasks.c: the review queue and the passes as the screen reads them:
 * the ids of a person's queue (store_task_ids) and the latest revision of
 * a pass (store_pass_revision). Several people are played with
 * store_act_as(), which only root may use; otherwise the tests skip.
 */
#include "unit.h"

#include <sys/stat.h>

#include "audio.h"
#include "peaks.h"
#include "store.h"
#include "fixture.h"

/* The project's creator (root, its admin) adds the people. */
static int
setup_people(void **state)
{
	struct fixture	*fx;
	char		*cause = NULL;
	static const struct {
		const char	*login;
		enum role	 role;
	} people[] = {
		{ "alice", ROLE_TRANSCRIBER },
		{ "bob", ROLE_REVIEWER },
		{ "carol", ROLE_REVIEWER },
		{ "lin", ROLE_LINGUIST },
	};

	if (getuid() != 0)
		return 0;
	if (store_act_as("root", &cause) != 0)
		fail_msg("%s", cause);
	if (setup(state) != 0)
		return -1;
	fx = *state;
	for (size_t i = 0; i < sizeof people / sizeof people[0]; i++) {
		if (store_user_add(fx->s, people[i].login, people[i].role,
		    &cause) != 0)
			fail_msg("%s", cause);
	}
	return 0;
}

static int
teardown_people(void **state)
{
	if (getuid() != 0)
		return 0;
	return teardown(state);
}

/* The project as another person sees it. */
static struct store *
open_as(struct fixture *fx, const char *login)
{
	struct store	*s;
	char		*cause = NULL;

	if (store_act_as(login, &cause) != 0 ||
	    (s = store_open(fx->project, STORE_WRITE, &cause)) == NULL)
		fail_msg("%s: %s", login, cause);
	return s;
}

/* A transcribed segment [from, to) seconds with text, by s's person. */
static int64_t
transcribed(struct store *s, int64_t rec, int from, int to, const char *text)
{
	struct segment	 seg = { 0 };
	char		*cause = NULL;
	int64_t		 id;

	seg.recording_id = rec;
	seg.start = (int64_t)from * 16000;
	seg.end = (int64_t)to * 16000;
	seg.text = strdup(text);
	seg.lang = strdup("cmn-Hans");
	seg.stage = STAGE_TRANSCRIBED;
	if (store_segment_create(s, &seg, &cause) != 0)
		fail_msg("%s", cause);
	id = seg.id;
	segment_clear(&seg);
	return id;
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

static void
move(struct store *s, int64_t id, enum store_move m, const char *comment)
{
	struct segment	 out;
	char		*cause = NULL;

	if (store_segment_move(s, id, 0, m, comment, &out, &cause) != 0)
		fail_msg("%s", cause);
	segment_clear(&out);
}

static void
test_queue_ids(void **state)
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
	assert_true(rec > 0);
	alice = open_as(fx, "alice");
	for (int i = 0; i < 3; i++)
		a[i] = transcribed(alice, rec, i, i + 1, "你好");
	bob = open_as(fx, "bob");
	carol = open_as(fx, "carol");
	snprintf(want, sizeof want, "%lld %lld %lld", (long long)a[0],
	    (long long)a[1], (long long)a[2]);
	assert_queue(bob, NULL, want);
	/* Her own queue holds new segments only; these are done. */
	assert_queue(alice, NULL, "");

	/* Carol takes the first: bob's queue leaves it out, his count not. */
	assert_int_equal(store_task_next(carol, NULL, &seg, &cause), 0);
	assert_int_equal(seg.id, a[0]);
	segment_clear(&seg);
	snprintf(want, sizeof want, "%lld %lld", (long long)a[1],
	    (long long)a[2]);
	assert_queue(bob, NULL, want);
	assert_int_equal(store_task_count(bob, NULL, &n, &cause), 0);
	assert_int_equal(n, 3);

	/* Bob's own lease comes first; what he accepted leaves his queue. */
	assert_int_equal(store_task_next(bob, NULL, &seg, &cause), 0);
	assert_int_equal(seg.id, a[1]);
	segment_clear(&seg);
	assert_queue(bob, NULL, want);
	move(bob, a[1], MOVE_ACCEPT, NULL);
	snprintf(want, sizeof want, "%lld", (long long)a[2]);
	assert_queue(bob, NULL, want);
	/* Another reviewer accepts what bob reviewed: it is in her queue. */
	snprintf(want, sizeof want, "%lld %lld %lld", (long long)a[0],
	    (long long)a[2], (long long)a[1]);
	assert_queue(carol, NULL, want);

	/* Filters: a recording, a language and the tags under it. */
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
}

static void
assert_revision(struct store *s, int64_t id, const char *pass,
    int64_t version, const char *author, const char *action,
    const char *text)
{
	struct store_revision	 r;
	char			*cause = NULL;

	if (store_pass_revision(s, id, pass, &r, &cause) != 0)
		fail_msg("%s: %s", pass, cause != NULL ? cause : "none");
	assert_int_equal(r.version, version);
	assert_string_equal(r.author, author);
	assert_string_equal(r.pass, pass);
	assert_string_equal(r.action, action);
	assert_string_equal(r.state.text, text);
	assert_int_equal(r.state.id, id);
	store_revision_clear(&r);
	assert_null(r.author);
}

static void
test_pass_revision(void **state)
{
	struct fixture		*fx = *state;
	struct store		*alice, *bob, *carol;
	struct store_revision	 r;
	struct segment		 out;
	struct segment_edit	 ed = { NULL, NULL, NULL, NULL, -1, -1 };
	char			*cause = NULL;
	int64_t			 rec, id;

	if (getuid() != 0)
		skip();
	rec = add_recording(fx, 16000 * 10, &cause);
	assert_true(rec > 0);
	alice = open_as(fx, "alice");
	bob = open_as(fx, "bob");
	carol = open_as(fx, "carol");
	id = transcribed(alice, rec, 0, 2, "今天天气很好");

	/* The reviewer corrects and accepts: the transcriber's text stays. */
	ed.text = "今天天气真好";
	assert_int_equal(store_segment_set(bob, id, 1, &ed, &out, &cause), 0);
	segment_clear(&out);
	move(bob, id, MOVE_ACCEPT, NULL);
	assert_revision(bob, id, "transcribe", 1, "alice", "create",
	    "今天天气很好");
	assert_revision(bob, id, "review", 3, "bob", "accept", "今天天气真好");
	assert_int_equal(store_pass_revision(bob, id, "linguist", &r, &cause),
	    1);
	assert_null(r.author);
	assert_int_equal(store_pass_revision(bob, 9999, "transcribe", &r,
	    &cause), 1);

	/* Sent back and done again: the latest of the pass counts. */
	move(carol, id, MOVE_REJECT, "真的");
	ed.text = "今天天气真的好";
	assert_int_equal(store_segment_set(alice, id, 0, &ed, &out, &cause),
	    0);
	segment_clear(&out);
	assert_revision(carol, id, "transcribe", 5, "alice", "set",
	    "今天天气真的好");
	assert_revision(carol, id, "review", 4, "carol", "reject",
	    "今天天气真好");
	store_close(alice);
	store_close(bob);
	store_close(carol);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_queue_ids, setup_people,
		    teardown_people),
		cmocka_unit_test_setup_teardown(test_pass_revision,
		    setup_people, teardown_people),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
