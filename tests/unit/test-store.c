/* test-store.c: project files: create, open, refuse, recordings, segments. */
#include "unit.h"

#include <pthread.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "audio.h"
#include "peaks.h"
#include "store.h"
/* For the store's connection: the work of its queries is counted. */
#include "store-int.h"
#include "fixture.h"

static void
test_create_refuses_existing(void **state)
{
	struct fixture	*fx = *state;
	char		*cause = NULL;

	assert_null(store_create(fx->project, &cause));
	assert_non_null(strstr(cause, "already exists"));
	free(cause);
}

static void
test_open_errors(void **state)
{
	struct fixture	*fx = *state;
	char		*cause = NULL, *path;
	FILE		*f;
	sqlite3		*db;

	/* missing */
	assert_int_equal(asprintf(&path, "%s/nope.tingxie", fx->dir) > 0, 1);
	assert_null(store_open(path, STORE_READ, &cause));
	assert_non_null(strstr(cause, "no such project"));
	free(cause);
	/* not a project: text, then an empty file, then another database */
	f = fopen(path, "w");
	fputs("hello, this is not a database at all, but long enough\n", f);
	fclose(f);
	assert_null(store_open(path, STORE_WRITE, &cause));
	assert_non_null(strstr(cause, "not a tingxie project"));
	free(cause);
	f = fopen(path, "w");
	fclose(f);
	assert_null(store_open(path, STORE_WRITE, &cause));
	assert_non_null(strstr(cause, "not a tingxie project"));
	free(cause);
	{
		struct stat sb;

		/* Nothing was written to the empty file. */
		assert_int_equal(stat(path, &sb), 0);
		assert_int_equal(sb.st_size, 0);
	}
	unlink(path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_null(store_open(path, STORE_READ, &cause));
	assert_non_null(strstr(cause, "not a tingxie project"));
	free(cause);
	free(path);
}

static void
test_newer_schema_refused(void **state)
{
	struct fixture	*fx = *state;
	char		*cause = NULL;
	sqlite3		*db;

	store_close(fx->s);
	fx->s = NULL;
	assert_int_equal(sqlite3_open(fx->project, &db), SQLITE_OK);
	sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_null(store_open(fx->project, STORE_WRITE, &cause));
	assert_non_null(strstr(cause, "newer tingxie"));
	free(cause);
}

static void
test_read_only_file(void **state)
{
	struct fixture	*fx = *state;
	char		*cause = NULL;
	struct store	*s;

	if (geteuid() == 0)
		skip();	/* root writes anyway */
	chmod(fx->project, 0444);
	assert_null(store_open(fx->project, STORE_WRITE, &cause));
	assert_non_null(strstr(cause, "read-only"));
	free(cause);
	s = store_open(fx->project, STORE_READ, &cause);
	assert_non_null(s);
	store_close(s);
	chmod(fx->project, 0644);
}

static void
test_recording_and_duplicates(void **state)
{
	struct fixture		*fx = *state;
	struct store_recording	*recs, r;
	size_t			 n;
	char			*cause = NULL;
	int64_t			 id;

	id = add_recording(fx, 48000, &cause);
	if (id < 0)
		fail_msg("%s", cause);
	assert_int_equal(store_recording_list(fx->s, &recs, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_string_equal(recs[0].name, "tone");
	assert_string_equal(recs[0].path, "audio/tone.wav");
	assert_int_equal(recs[0].frames, 48000);
	assert_int_equal(recs[0].rate, 16000);
	assert_string_equal(recs[0].format, "WAV");
	assert_int_equal(strncmp(recs[0].checksum, "audio-nhx64:", 12), 0);
	store_recording_list_free(recs, n);
	/* The same file again is refused and names the existing recording. */
	assert_int_equal(add_recording(fx, 48000, &cause), -1);
	assert_non_null(strstr(cause, "already in the project as 'tone'"));
	free(cause);
	assert_int_equal(store_recording_find(fx->s, "tone", &r, &cause), 0);
	assert_int_equal(r.id, id);
	store_recording_clear(&r);
	assert_int_equal(store_recording_find(fx->s, "nope", &r, &cause), -1);
	assert_non_null(strstr(cause, "no recording 'nope'"));
	free(cause);
}

static void
test_segments_and_revisions(void **state)
{
	struct fixture	*fx = *state;
	struct segment	 seg, *list;
	size_t		 n;
	char		*cause = NULL;
	int64_t		 rec;
	sqlite3		*db;
	sqlite3_stmt	*st;

	rec = add_recording(fx, 16000 * 10, &cause);
	assert_true(rec > 0);
	memset(&seg, 0, sizeof seg);
	seg.recording_id = rec;
	seg.start = 16000;
	seg.end = 32000;
	seg.text = strdup("\xe4\xbd\xa0\xe5\xa5\xbd caf\x65\xcc\x81");
	seg.speaker = strdup("spk1");
	seg.lang = strdup("cmn-Hans");
	/* a speaker must exist first */
	assert_int_equal(store_segment_add(fx->s, &seg, &cause), -1);
	assert_non_null(strstr(cause, "no speaker 'spk1'"));
	free(cause);
	add_speaker(fx, "spk1");
	assert_int_equal(store_segment_add(fx->s, &seg, &cause), 0);
	assert_true(seg.id > 0);
	segment_clear(&seg);
	/* end before start, past the end, bad language: refused */
	seg.recording_id = rec;
	seg.start = 32000;
	seg.end = 16000;
	assert_int_equal(store_segment_add(fx->s, &seg, &cause), -1);
	assert_non_null(strstr(cause, "must be after its start"));
	free(cause);
	seg.start = 0;
	seg.end = 16000 * 11;
	assert_int_equal(store_segment_add(fx->s, &seg, &cause), -1);
	assert_non_null(strstr(cause, "past the end"));
	free(cause);
	seg.end = 100;
	seg.lang = strdup("en_GB");
	assert_int_equal(store_segment_add(fx->s, &seg, &cause), -1);
	assert_non_null(strstr(cause, "BCP 47"));
	free(cause);
	segment_clear(&seg);

	assert_int_equal(store_segment_list(fx->s, NULL, &list, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].text, "\xe4\xbd\xa0\xe5\xa5\xbd caf\xc3\xa9");
	assert_string_equal(list[0].speaker, "spk1");
	assert_string_equal(list[0].recording, "tone");
	assert_int_equal(list[0].start, 16000);
	assert_int_equal(list[0].version, 1);
	segment_list_free(list, n);

	/* One revision row, which cannot be changed or removed. */
	assert_int_equal(sqlite3_open(fx->project, &db), SQLITE_OK);
	sqlite3_prepare_v2(db, "SELECT count(*), max(text) FROM revision",
	    -1, &st, NULL);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 1);
	sqlite3_finalize(st);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE revision SET text = 'x'",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM revision",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_check(fx->s, &cause), 0);
}

static void
test_author_is_admin(void **state)
{
	struct fixture	*fx = *state;
	int64_t		 id;
	char		*cause = NULL;

	assert_int_equal(store_author(fx->s, &id, &cause), 0);
	assert_int_equal(id, 1);
}

#define BUSY_ROUNDS	100

/* Another connection changing a segment's text as fast as it can. */
struct busy_writer {
	const char	*project;
	int64_t		 id;
	int		 done;
	int		 failed;
};

static void *
busy_writer_main(void *arg)
{
	struct busy_writer	*w = arg;
	struct segment_edit	 ed = { NULL, NULL, NULL, NULL, -1, -1 };
	struct segment		 seg;
	struct store		*s;
	char			*cause = NULL, text[32];

	if ((s = store_open(w->project, STORE_WRITE, &cause)) == NULL) {
		free(cause);
		w->failed++;
		return NULL;
	}
	for (int i = 0; i < BUSY_ROUNDS; i++) {
		snprintf(text, sizeof text, "theirs %d", i);
		ed.text = text;
		if (store_segment_set(s, w->id, 0, &ed, &seg, &cause) == 0) {
			segment_clear(&seg);
			w->done++;
		} else {
			free(cause);
			cause = NULL;
			w->failed++;
		}
	}
	store_close(s);
	return NULL;
}

/*
 * A change that expects no version (0) applies to the segment as it is
 * when written: while another process keeps changing the same segment,
 * it is never refused as a conflict, and nothing is lost.
 */
static void
test_set_under_contention(void **state)
{
	struct fixture		*fx = *state;
	struct busy_writer	 w = { fx->project, 0, 0, 0 };
	struct segment_edit	 ed = { NULL, NULL, NULL, NULL, -1, -1 };
	struct segment		 seg;
	pthread_t		 t;
	char			*cause = NULL, text[32];
	int64_t			 rec;
	int			 conflicts = 0, failed = 0;

	rec = add_recording(fx, 16000 * 10, &cause);
	assert_true(rec > 0);
	w.id = add_text_segment(fx, rec, 1, 2, NULL, "", STAGE_NEW);
	assert_int_equal(pthread_create(&t, NULL, busy_writer_main, &w), 0);
	for (int i = 0; i < BUSY_ROUNDS; i++) {
		snprintf(text, sizeof text, "mine %d", i);
		ed.text = text;
		switch (store_segment_set(fx->s, w.id, 0, &ed, &seg, &cause)) {
		case 0:
			segment_clear(&seg);
			break;
		case STORE_CONFLICT:
			conflicts++;
			/* FALLTHROUGH */
		default:
			failed++;
			free(cause);
			cause = NULL;
		}
	}
	pthread_join(t, NULL);
	assert_int_equal(conflicts, 0);
	assert_int_equal(failed, 0);
	assert_int_equal(w.failed, 0);
	assert_int_equal(store_segment_get(fx->s, w.id, &seg, &cause), 0);
	assert_int_equal(seg.version, 1 + 2 * BUSY_ROUNDS);
	segment_clear(&seg);
}

#define QUEUE_SEGMENTS	300

/* The virtual machine steps of the last task queue pick. */
static int
pick_steps(struct store *s)
{
	sqlite3_stmt	*st = NULL;

	while ((st = sqlite3_next_stmt(s->db, st)) != NULL) {
		if (strstr(sqlite3_sql(st), "SELECT g.id FROM segment g") != NULL)
			return sqlite3_stmt_status(st, SQLITE_STMTSTATUS_VM_STEP,
			    1);
	}
	fail_msg("no task queue statement");
	return -1;
}

/*
 * The next task is found while the write lock is held, so its cost must
 * not grow with the history: a linguist who has checked every segment
 * (one of their revisions each) costs a bounded number of steps per
 * segment, not a walk over all of their revisions for each.
 */
static void
test_task_queue_cost(void **state)
{
	struct fixture		*fx = *state;
	struct segment_edit	 ed = { NULL, NULL, NULL, "north", -1, -1 };
	struct segment		 seg;
	sqlite3			*db;
	char			*cause = NULL;
	int64_t			 rec;
	int			 steps;

	rec = add_recording(fx, 16000 * 10, &cause);
	assert_true(rec > 0);
	assert_int_equal(store_vocab_add(fx->s, VOCAB_DIALECT, "north", NULL,
	    &cause), 0);
	assert_int_equal(store_transaction_begin(fx->s, &cause), 0);
	for (int i = 0; i < QUEUE_SEGMENTS; i++)
		add_text_segment(fx, rec, i * 0.01, i * 0.01 + 1, NULL, "x",
		    STAGE_TRANSCRIBED);
	assert_int_equal(store_transaction_commit(fx->s, &cause), 0);
	/* The project's creator becomes its linguist, another its admin. */
	assert_int_equal(sqlite3_open(fx->project, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO user (login, role, "
	    "created) VALUES ('boss', 'admin', 0); UPDATE user SET role = "
	    "'linguist' WHERE id = 1", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_transaction_begin(fx->s, &cause), 0);
	for (int64_t id = 1; id <= QUEUE_SEGMENTS; id++) {
		assert_int_equal(store_segment_set(fx->s, id, 0, &ed, &seg,
		    &cause), 0);
		segment_clear(&seg);
	}
	assert_int_equal(store_transaction_commit(fx->s, &cause), 0);
	/* Nothing waits: every segment was checked, and each was looked at. */
	assert_int_equal(store_task_next(fx->s, NULL, &seg, &cause), 1);
	/* About 60 a segment; walking the revisions was about 950. */
	steps = pick_steps(fx->s);
	assert_true(steps > QUEUE_SEGMENTS);
	if (steps > 200 * QUEUE_SEGMENTS)
		fail_msg("%d steps for %d segments", steps, QUEUE_SEGMENTS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create_refuses_existing,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_errors, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_refused,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_only_file, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_recording_and_duplicates,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_segments_and_revisions,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_author_is_admin, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_set_under_contention,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_task_queue_cost, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
