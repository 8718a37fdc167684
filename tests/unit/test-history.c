/*
 * test-history.c: versioned segment writes, split, merge, delete, drafts,
 * data_version, and undo/redo through the revision table.
 */
#include "unit.h"

#include <sqlite3.h>

#include "audio.h"
#include "history.h"
#include "store.h"

struct fixture {
	char		*dir;
	char		*project;
	struct store	*s;
	int64_t		 rec;
};

static int
setup(void **state)
{
	struct fixture		*fx = calloc(1, sizeof *fx);
	struct store_recording	 rec = { 0 };
	char			*cause = NULL, *wav;
	int64_t			 existing;

	fx->dir = unit_tmpdir();
	if (asprintf(&fx->project, "%s/p.tingxie", fx->dir) < 0 ||
	    asprintf(&wav, "%s/a.wav", fx->dir) < 0)
		return -1;
	unit_write_tone(wav, SF_FORMAT_WAV, 16000, 1, 16000 * 10, 440);
	if ((fx->s = store_create(fx->project, &cause)) == NULL)
		fail_msg("%s", cause);
	rec.name = (char *)"a";
	rec.path = (char *)"a.wav";
	rec.checksum = (char *)"x";
	rec.format = (char *)"WAV";
	rec.rate = 16000;
	rec.channels = 1;
	rec.frames = 16000 * 10;
	if (store_recording_add(fx->s, &rec, NULL, &existing, &cause) != 0)
		fail_msg("%s", cause);
	fx->rec = rec.id;
	free(wav);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	store_close(fx->s);
	unit_rmtree(fx->dir);
	free(fx->dir);
	free(fx->project);
	free(fx);
	return 0;
}

static void
add(struct fixture *fx, struct segment *g, int64_t start, int64_t end,
    const char *text)
{
	char	*cause = NULL;

	memset(g, 0, sizeof *g);
	g->recording_id = fx->rec;
	g->start = start;
	g->end = end;
	g->text = strdup(text);
	if (store_segment_add(fx->s, g, &cause) != 0)
		fail_msg("%s", cause);
}

static int
revisions(struct fixture *fx, int64_t id)
{
	sqlite3		*db;
	sqlite3_stmt	*st;
	int		 n;

	assert_int_equal(sqlite3_open(fx->project, &db), SQLITE_OK);
	sqlite3_prepare_v2(db, "SELECT count(*) FROM revision WHERE "
	    "segment_id = ?", -1, &st, NULL);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_step(st);
	n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

static void
test_update_and_conflict(void **state)
{
	struct fixture	*fx = *state;
	struct segment	 g, stale, other;
	struct store	*s2;
	char		*cause = NULL;

	add(fx, &g, 0, 16000, "one");
	segment_copy(&stale, &g);
	free(g.text);
	g.text = strdup("one, edited");
	assert_int_equal(store_segment_update(fx->s, &g, "edit", &cause), 0);
	assert_int_equal(g.version, 2);
	assert_int_equal(revisions(fx, g.id), 2);
	/* A writer holding version 1 is refused and nothing is lost. */
	free(stale.text);
	stale.text = strdup("stale");
	assert_int_equal(store_segment_update(fx->s, &stale, "edit", &cause),
	    STORE_CONFLICT);
	assert_non_null(strstr(cause, "was changed by"));
	free(cause);
	assert_int_equal(stale.version, 1);
	assert_int_equal(store_segment_get(fx->s, g.id, &other, &cause), 0);
	assert_string_equal(other.text, "one, edited");
	segment_clear(&other);
	/* Another connection sees data_version move when this one commits. */
	s2 = store_open(fx->project, STORE_READ, &cause);
	assert_non_null(s2);
	{
		int64_t v = store_data_version(s2);

		free(g.text);
		g.text = strdup("third");
		assert_int_equal(store_segment_update(fx->s, &g, "edit",
		    &cause), 0);
		assert_true(store_data_version(s2) != v);
	}
	store_close(s2);
	segment_clear(&g);
	segment_clear(&stale);
}

static void
test_split_merge_delete(void **state)
{
	struct fixture	*fx = *state;
	struct segment	 g, right, *list;
	size_t		 n;
	char		*cause = NULL;

	add(fx, &g, 16000, 48000, "\xe4\xbd\xa0\xe5\xa5\xbd world");
	assert_int_equal(store_segment_split(fx->s, &g, 8000, "x", "y", &right,
	    &cause), -1);
	free(cause);
	assert_int_equal(store_segment_split(fx->s, &g, 32000,
	    "\xe4\xbd\xa0\xe5\xa5\xbd", "world", &right, &cause), 0);
	assert_int_equal(g.end, 32000);
	assert_int_equal(right.start, 32000);
	assert_int_equal(right.end, 48000);
	assert_string_equal(right.text, "world");
	assert_int_equal(store_segment_list(fx->s, NULL, &list, &n, &cause), 0);
	assert_int_equal(n, 2);
	segment_list_free(list, n);
	/* Merging CJK with Latin at the seam: no space; Latin with Latin: one. */
	assert_int_equal(store_segment_merge(fx->s, &g, &right, &cause), 0);
	assert_string_equal(g.text, "\xe4\xbd\xa0\xe5\xa5\xbdworld");
	assert_int_equal(g.end, 48000);
	assert_true(right.deleted);
	assert_int_equal(store_segment_list(fx->s, NULL, &list, &n, &cause), 0);
	assert_int_equal(n, 1);
	segment_list_free(list, n);
	assert_int_equal(store_segment_delete(fx->s, &g, &cause), 0);
	assert_int_equal(store_segment_list(fx->s, NULL, &list, &n, &cause), 0);
	assert_int_equal(n, 0);
	free(list);
	/* create, edit, split, merge, delete: all in the history */
	assert_int_equal(revisions(fx, g.id), 4);
	assert_int_equal(revisions(fx, right.id), 2);
	assert_int_equal(store_check(fx->s, &cause), 0);
	segment_clear(&g);
	segment_clear(&right);
}

static void
test_undo_redo(void **state)
{
	struct fixture	*fx = *state;
	struct history	 h;
	struct segment	 g, before, created, *list;
	size_t		 n;
	int64_t		 changed;
	char		*cause = NULL;

	history_init(&h);
	assert_int_equal(history_undo(&h, fx->s, NULL, &cause), 1);
	/* Step 1: a new segment (before = the same, deleted). */
	add(fx, &g, 0, 16000, "first");
	segment_copy(&created, &g);
	created.deleted = 1;
	history_record(&h, &created, &g, 1);
	segment_clear(&created);
	/* Step 2: an edit. */
	segment_copy(&before, &g);
	free(g.text);
	g.text = strdup("second");
	assert_int_equal(store_segment_update(fx->s, &g, "edit", &cause), 0);
	history_record(&h, &before, &g, 1);
	segment_clear(&before);

	if (history_undo(&h, fx->s, &changed, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(changed, g.id);
	assert_int_equal(store_segment_get(fx->s, g.id, &before, &cause), 0);
	assert_string_equal(before.text, "first");
	segment_clear(&before);
	assert_int_equal(history_undo(&h, fx->s, NULL, &cause), 0);
	assert_int_equal(store_segment_list(fx->s, NULL, &list, &n, &cause), 0);
	assert_int_equal(n, 0);
	free(list);
	assert_int_equal(history_undo(&h, fx->s, NULL, &cause), 1);
	assert_int_equal(history_redo(&h, fx->s, NULL, &cause), 0);
	assert_int_equal(history_redo(&h, fx->s, NULL, &cause), 0);
	assert_int_equal(history_redo(&h, fx->s, NULL, &cause), 1);
	assert_int_equal(store_segment_get(fx->s, g.id, &before, &cause), 0);
	assert_string_equal(before.text, "second");
	assert_false(before.deleted);
	/* create, edit, undo, undo, redo, redo: six revisions */
	assert_int_equal(revisions(fx, g.id), 6);
	/* Someone else changes it: undo is refused, not forced. */
	free(before.text);
	before.text = strdup("theirs");
	assert_int_equal(store_segment_update(fx->s, &before, "edit", &cause), 0);
	assert_int_equal(history_undo(&h, fx->s, NULL, &cause), STORE_CONFLICT);
	free(cause);
	segment_clear(&before);
	segment_clear(&g);
	history_free(&h);
}

/*
 * Typing the first text of a new segment makes it transcribed (as the
 * screen's edit does); undoing that gives the segment back as it was,
 * new and empty, and redo transcribes it again.
 */
static void
test_undo_first_text(void **state)
{
	struct fixture	*fx = *state;
	struct history	 h;
	struct segment	 g, before, now;
	char		*cause = NULL;

	history_init(&h);
	add(fx, &g, 0, 16000, "");
	assert_int_equal(g.stage, STAGE_NEW);
	segment_copy(&before, &g);
	free(g.text);
	g.text = strdup("first words");
	g.stage = STAGE_TRANSCRIBED;
	if (store_segment_update(fx->s, &g, "edit", &cause) != 0)
		fail_msg("%s", cause);
	history_record(&h, &before, &g, 1);
	segment_clear(&before);
	if (history_undo(&h, fx->s, NULL, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(store_segment_get(fx->s, g.id, &now, &cause), 0);
	assert_string_equal(now.text, "");
	assert_int_equal(now.stage, STAGE_NEW);
	segment_clear(&now);
	if (history_redo(&h, fx->s, NULL, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(store_segment_get(fx->s, g.id, &now, &cause), 0);
	assert_string_equal(now.text, "first words");
	assert_int_equal(now.stage, STAGE_TRANSCRIBED);
	segment_clear(&now);
	segment_clear(&g);
	history_free(&h);
}

static void
test_drafts(void **state)
{
	struct fixture		*fx = *state;
	struct store_draft	*d;
	struct segment		 g;
	size_t			 n;
	char			*cause = NULL;

	add(fx, &g, 0, 16000, "");
	assert_int_equal(store_draft_save(fx->s, g.id, g.version, "typ", &cause),
	    0);
	assert_int_equal(store_draft_save(fx->s, g.id, g.version,
	    "typing \xe4\xb8\xad", &cause), 0);
	assert_int_equal(store_draft_list(fx->s, &d, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_string_equal(d[0].text, "typing \xe4\xb8\xad");
	assert_int_equal(d[0].segment_id, g.id);
	store_draft_list_free(d, n);
	assert_int_equal(store_draft_clear(fx->s, g.id, &cause), 0);
	assert_int_equal(store_draft_list(fx->s, &d, &n, &cause), 0);
	assert_int_equal(n, 0);
	free(d);
	segment_clear(&g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_update_and_conflict, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_split_merge_delete, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_undo_redo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_undo_first_text, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_drafts, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
