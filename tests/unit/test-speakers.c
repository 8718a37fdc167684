/*
 * test-speakers.c: speakers, controlled vocabularies, a person's segment
 * edits, project words and settings, and the change log behind them.
 */
#include "unit.h"

#include <sqlite3.h>

#include "audio.h"
#include "peaks.h"
#include "store.h"
#include "fixture.h"

/* Counts rows of a query run on the project by a second connection. */
static int
count(struct fixture *fx, const char *sql)
{
	sqlite3		*db;
	sqlite3_stmt	*st;
	int		 n = -1;

	assert_int_equal(sqlite3_open(fx->project, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* Expects call to have failed with a cause containing what. */
#define refused(call, what) do {					\
	char *cause_ = NULL;						\
	char **cause = &cause_;						\
	assert_int_not_equal((call), 0);				\
	if (strstr(cause_, (what)) == NULL)				\
		fail_msg("'%s' does not say '%s'", cause_, (what));	\
	free(cause_);							\
} while (0)

#define ok(call) do {							\
	char *cause_ = NULL;						\
	char **cause = &cause_;						\
	if ((call) != 0)						\
		fail_msg("%s", cause_);					\
} while (0)

static int64_t
add_segment(struct fixture *fx, int64_t rec, int64_t start, int64_t end,
    const char *speaker, const char *dialect)
{
	struct segment	 seg = { 0 };
	int64_t		 id;

	seg.recording_id = rec;
	seg.start = start;
	seg.end = end;
	seg.speaker = speaker != NULL ? strdup(speaker) : NULL;
	seg.dialect = dialect != NULL ? strdup(dialect) : NULL;
	ok(store_segment_create(fx->s, &seg, cause));
	id = seg.id;
	segment_clear(&seg);
	return id;
}

static void
test_speaker_fields(void **state)
{
	struct fixture	*fx = *state;
	struct speaker	 sp = { 0 }, got;

	sp.code = strdup("li wei");
	refused(store_speaker_add(fx->s, &sp, cause), "no spaces");
	free(sp.code);
	sp.code = strdup("");
	refused(store_speaker_add(fx->s, &sp, cause), "1 to 64 bytes");
	free(sp.code);
	sp.code = strdup("李伟");
	sp.gender = strdup("x");
	refused(store_speaker_add(fx->s, &sp, cause), "not one of f, m, o");
	free(sp.gender);
	sp.gender = strdup("m");
	sp.native_lang = strdup("zh_CN");
	refused(store_speaker_add(fx->s, &sp, cause), "BCP 47");
	free(sp.native_lang);
	sp.native_lang = strdup("cmn-Hans-CN");
	sp.dialect = strdup("beijing");
	refused(store_speaker_add(fx->s, &sp, cause), "dialect 'beijing' is "
	    "not in the project's vocabulary");
	ok(store_vocab_add(fx->s, VOCAB_DIALECT, "beijing", "Beijing", cause));
	/* decomposed é in the name is stored composed */
	sp.name = strdup("Li We\x65\xcc\x81i");
	ok(store_speaker_add(fx->s, &sp, cause));
	assert_true(sp.id > 0);
	refused(store_speaker_add(fx->s, &sp, cause), "already exists");
	speaker_clear(&sp);

	ok(store_speaker_get(fx->s, "李伟", &got, cause));
	assert_string_equal(got.name, "Li We\xc3\xa9i");
	assert_string_equal(got.dialect, "beijing");
	assert_null(got.notes);
	/* a new code and a cleared dialect */
	free(got.code);
	got.code = strdup("LW");
	free(got.dialect);
	got.dialect = NULL;
	ok(store_speaker_update(fx->s, &got, "李伟", cause));
	speaker_clear(&got);
	refused(store_speaker_get(fx->s, "李伟", &got, cause), "no speaker");
	ok(store_speaker_get(fx->s, "LW", &got, cause));
	assert_null(got.dialect);
	speaker_clear(&got);
	assert_int_equal(count(fx, "SELECT count(*) FROM change WHERE "
	    "kind = 'speaker'"), 2);
	assert_int_equal(count(fx, "SELECT count(*) FROM change WHERE "
	    "kind = 'speaker' AND detail LIKE 'code=LW %'"), 1);
}

static void
test_speaker_order_and_merge(void **state)
{
	struct fixture	*fx = *state;
	struct speaker	*list, got;
	struct segment	 seg;
	size_t		 n, moved;
	int64_t		 rec, a;

	rec = add_recording(fx, 16000 * 10, &(char *){ NULL });
	assert_true(rec > 0);
	add_speaker(fx, "A");
	add_speaker(fx, "B");
	add_speaker(fx, "C");
	/* C speaks first, then A; B not at all */
	a = add_segment(fx, rec, 32000, 48000, "A", NULL);
	add_segment(fx, rec, 0, 16000, "C", NULL);
	add_segment(fx, rec, 64000, 80000, "A", NULL);
	ok(store_speaker_list(fx->s, rec, &list, &n, cause));
	assert_int_equal(n, 3);
	assert_string_equal(list[0].code, "C");
	assert_string_equal(list[1].code, "A");
	assert_int_equal(list[1].nsegments, 2);
	assert_true(list[1].seconds > 1.99 && list[1].seconds < 2.01);
	assert_string_equal(list[2].code, "B");
	speaker_list_free(list, n);

	refused(store_speaker_merge(fx->s, "A", "A", &moved, cause),
	    "into itself");
	refused(store_speaker_merge(fx->s, "A", "Z", &moved, cause),
	    "no speaker 'Z'");
	ok(store_speaker_merge(fx->s, "A", "B", &moved, cause));
	assert_int_equal(moved, 2);
	ok(store_segment_get(fx->s, a, &seg, cause));
	assert_string_equal(seg.speaker, "B");
	assert_int_equal(seg.version, 2);
	segment_clear(&seg);
	assert_int_equal(count(fx, "SELECT count(*) FROM revision WHERE "
	    "action = 'speaker-merge'"), 2);
	/* A is kept, merged, and no longer offered or accepted */
	ok(store_speaker_get(fx->s, "A", &got, cause));
	assert_string_equal(got.merged_into, "B");
	refused(store_speaker_update(fx->s, &got, "A", cause), "merged into");
	speaker_clear(&got);
	ok(store_speaker_list(fx->s, 0, &list, &n, cause));
	assert_int_equal(n, 2);
	speaker_list_free(list, n);
	refused(store_speaker_merge(fx->s, "A", "C", &moved, cause),
	    "was merged into 'B'");
	memset(&seg, 0, sizeof seg);
	seg.recording_id = rec;
	seg.start = 0;
	seg.end = 100;
	seg.speaker = strdup("A");
	refused(store_segment_create(fx->s, &seg, cause), "use 'B'");
	segment_clear(&seg);
	assert_int_equal(store_check(fx->s, &(char *){ NULL }), 0);
}

static void
test_vocabularies(void **state)
{
	struct fixture		*fx = *state;
	struct vocab_item	*items;
	size_t			 n;
	enum vocab_kind		 k;

	assert_int_equal(vocab_kind_parse("lang", &k), 0);
	assert_int_equal(k, VOCAB_LANGUAGE);
	assert_int_equal(vocab_kind_parse("accent", &k), -1);
	/* a new project has the default event tags */
	ok(store_vocab_list(fx->s, VOCAB_EVENT, 0, &items, &n, cause));
	assert_int_equal(n, 8);
	assert_string_equal(items[0].code, "breath");
	vocab_list_free(items, n);
	ok(store_vocab_check(fx->s, VOCAB_EVENT, "noise", cause));
	refused(store_vocab_check(fx->s, VOCAB_EVENT, "applause", cause),
	    "add it with 'tingxie vocab PROJECT add event applause");
	refused(store_vocab_add(fx->s, VOCAB_EVENT, "Applause", NULL, cause),
	    "lower-case");
	refused(store_vocab_add(fx->s, VOCAB_EVENT, "noise", NULL, cause),
	    "already in the vocabulary");
	refused(store_vocab_add(fx->s, VOCAB_DIALECT, "台湾", NULL, cause),
	    "ASCII");
	refused(store_vocab_add(fx->s, VOCAB_LANGUAGE, "en_GB", NULL, cause),
	    "BCP 47");

	/* languages: any well-formed tag until the project lists some */
	ok(store_vocab_check(fx->s, VOCAB_LANGUAGE, "fr", cause));
	ok(store_vocab_add(fx->s, VOCAB_LANGUAGE, "yue-Hant-HK", "粵語",
	    cause));
	refused(store_vocab_check(fx->s, VOCAB_LANGUAGE, "fr", cause),
	    "not in the project's vocabulary");
	ok(store_vocab_check(fx->s, VOCAB_LANGUAGE, "yue-Hant-HK", cause));

	ok(store_vocab_add(fx->s, VOCAB_DIALECT, "guangzhou", NULL, cause));
	ok(store_vocab_label(fx->s, VOCAB_DIALECT, "guangzhou", "廣州話",
	    cause));
	refused(store_vocab_label(fx->s, VOCAB_DIALECT, "taishan", "x",
	    cause), "not in the vocabulary");
	ok(store_vocab_retire(fx->s, VOCAB_DIALECT, "guangzhou", 1, cause));
	refused(store_vocab_check(fx->s, VOCAB_DIALECT, "guangzhou", cause),
	    "retired");
	ok(store_vocab_list(fx->s, VOCAB_DIALECT, 0, &items, &n, cause));
	assert_int_equal(n, 0);
	vocab_list_free(items, n);
	ok(store_vocab_list(fx->s, VOCAB_DIALECT, 1, &items, &n, cause));
	assert_int_equal(n, 1);
	assert_string_equal(items[0].label, "廣州話");
	assert_int_equal(items[0].retired, 1);
	vocab_list_free(items, n);
	ok(store_vocab_retire(fx->s, VOCAB_DIALECT, "guangzhou", 0, cause));
	ok(store_vocab_check(fx->s, VOCAB_DIALECT, "guangzhou", cause));
	assert_int_equal(count(fx, "SELECT count(*) FROM change WHERE "
	    "kind = 'vocabulary'"), 5);
}

static void
test_rename_rewrites_uses(void **state)
{
	struct fixture	*fx = *state;
	struct segment	 seg;
	struct speaker	 sp;
	struct segment_edit ed = { NULL, NULL, NULL, NULL, -1, -1 };
	size_t		 n;
	int64_t		 rec, id;

	rec = add_recording(fx, 16000 * 10, &(char *){ NULL });
	ok(store_vocab_add(fx->s, VOCAB_DIALECT, "hk", NULL, cause));
	ok(store_vocab_add(fx->s, VOCAB_LANGUAGE, "yue", NULL, cause));
	ok(store_vocab_add(fx->s, VOCAB_LANGUAGE, "en", NULL, cause));
	memset(&sp, 0, sizeof sp);
	sp.code = strdup("S");
	sp.dialect = strdup("hk");
	ok(store_speaker_add(fx->s, &sp, cause));
	speaker_clear(&sp);
	id = add_segment(fx, rec, 0, 16000, "S", NULL);
	ed.text = "[noise] 我哋去 <en>shopping</en> 啦 [noise]";
	ed.lang = "yue";
	ok(store_segment_set(fx->s, id, 0, &ed, &seg, cause));
	segment_clear(&seg);

	ok(store_vocab_rename(fx->s, VOCAB_DIALECT, "hk", "hongkong", &n,
	    cause));
	assert_int_equal(n, 1);
	ok(store_vocab_rename(fx->s, VOCAB_EVENT, "noise", "bg-noise", &n,
	    cause));
	assert_int_equal(n, 1);
	ok(store_vocab_rename(fx->s, VOCAB_LANGUAGE, "en", "en-HK", &n,
	    cause));
	assert_int_equal(n, 1);
	ok(store_vocab_rename(fx->s, VOCAB_LANGUAGE, "yue", "yue-Hant-HK", &n,
	    cause));
	refused(store_vocab_rename(fx->s, VOCAB_LANGUAGE, "en-HK", "yue-Hant-HK",
	    &n, cause), "already in the vocabulary");
	refused(store_vocab_rename(fx->s, VOCAB_EVENT, "laugh", "Laugh", &n,
	    cause), "lower-case");
	ok(store_segment_get(fx->s, id, &seg, cause));
	assert_string_equal(seg.text, "[bg-noise] 我哋去 <en-HK>shopping</en-HK> "
	    "啦 [bg-noise]");
	assert_string_equal(seg.dialect, "hongkong");
	assert_string_equal(seg.lang, "yue-Hant-HK");
	assert_int_equal(seg.version, 6);
	segment_clear(&seg);
	ok(store_speaker_get(fx->s, "S", &sp, cause));
	assert_string_equal(sp.dialect, "hongkong");
	speaker_clear(&sp);
}

static void
test_segment_set(void **state)
{
	struct fixture	*fx = *state;
	struct segment	 seg;
	struct speaker	 sp;
	int64_t		 rec, id;
	char		*err = NULL;

	rec = add_recording(fx, 16000 * 10, &err);
	ok(store_vocab_add(fx->s, VOCAB_DIALECT, "beijing", NULL, cause));
	ok(store_vocab_add(fx->s, VOCAB_DIALECT, "taiwan", NULL, cause));
	memset(&sp, 0, sizeof sp);
	sp.code = strdup("BJ");
	sp.dialect = strdup("beijing");
	ok(store_speaker_add(fx->s, &sp, cause));
	speaker_clear(&sp);
	sp.code = strdup("TW");
	sp.dialect = strdup("taiwan");
	ok(store_speaker_add(fx->s, &sp, cause));
	speaker_clear(&sp);
	add_speaker(fx, "X");

	/* a new segment takes its speaker's dialect */
	id = add_segment(fx, rec, 0, 16000, "BJ", NULL);
	ok(store_segment_get(fx->s, id, &seg, cause));
	assert_string_equal(seg.dialect, "beijing");
	assert_int_equal(seg.stage, STAGE_NEW);
	segment_clear(&seg);

	/* the new speaker's dialect follows when it was the old default */
	struct segment_edit ed = { NULL, "TW", NULL, NULL, -1, -1 };
	ok(store_segment_set(fx->s, id, 0, &ed, &seg, cause));
	assert_string_equal(seg.speaker, "TW");
	assert_string_equal(seg.dialect, "taiwan");
	segment_clear(&seg);
	/* but not over a dialect given on purpose */
	ed.speaker = "BJ";
	ed.dialect = "taiwan";
	ok(store_segment_set(fx->s, id, 0, &ed, &seg, cause));
	assert_string_equal(seg.dialect, "taiwan");
	segment_clear(&seg);
	ed.dialect = NULL;
	ed.speaker = "X";
	ok(store_segment_set(fx->s, id, 0, &ed, &seg, cause));
	assert_string_equal(seg.dialect, "taiwan");
	segment_clear(&seg);

	/* refusals change nothing */
	ed = (struct segment_edit){ NULL, "nobody", NULL, NULL, -1, -1 };
	refused(store_segment_set(fx->s, id, 0, &ed, &seg, cause),
	    "no speaker 'nobody'");
	ed = (struct segment_edit){ NULL, NULL, "cmn_Hans", NULL, -1, -1 };
	refused(store_segment_set(fx->s, id, 0, &ed, &seg, cause), "BCP 47");
	ed = (struct segment_edit){ NULL, NULL, NULL, "shanghai", -1, -1 };
	refused(store_segment_set(fx->s, id, 0, &ed, &seg, cause),
	    "dialect 'shanghai'");
	ed = (struct segment_edit){ NULL, NULL, NULL, NULL, 16000, 8000 };
	refused(store_segment_set(fx->s, id, 0, &ed, &seg, cause),
	    "must be after its start");
	ed = (struct segment_edit){ "好", NULL, NULL, NULL, -1, -1 };
	assert_int_equal(store_segment_set(fx->s, id, 2, &ed, &seg, &err),
	    STORE_CONFLICT);
	free(err);
	ok(store_segment_get(fx->s, id, &seg, cause));
	assert_int_equal(seg.version, 4);
	assert_string_equal(seg.text, "");
	segment_clear(&seg);

	/* text makes a new segment transcribed; "" clears fields */
	ed = (struct segment_edit){ "你好", "", "cmn-Hans", "", 8000, 24000 };
	ok(store_segment_set(fx->s, id, 4, &ed, &seg, cause));
	assert_int_equal(seg.stage, STAGE_TRANSCRIBED);
	assert_null(seg.speaker);
	assert_null(seg.dialect);
	assert_string_equal(seg.lang, "cmn-Hans");
	assert_int_equal(seg.start, 8000);
	assert_int_equal(seg.end, 24000);
	assert_int_equal(seg.version, 5);
	segment_clear(&seg);
	assert_int_equal(count(fx, "SELECT count(*) FROM revision WHERE "
	    "action = 'set'"), 4);
}

static void
test_words_and_settings(void **state)
{
	struct fixture		*fx = *state;
	struct store_word	*w;
	size_t			 n;
	char			*v;

	refused(store_word_add(fx->s, "yue", "唔 該", NULL, cause),
	    "not one word");
	refused(store_word_add(fx->s, "yue_HK", "唔該", NULL, cause), "BCP 47");
	refused(store_word_add(fx->s, "yue", "唔該", "m4  goi1", cause),
	    "single spaces");
	assert_int_equal(store_word_add(fx->s, "yue", "唔該", "m4 goi1",
	    &(char *){ NULL }), 0);
	assert_int_equal(store_word_add(fx->s, "yue", "唔該", "m4 goi1",
	    &(char *){ NULL }), 1);
	assert_int_equal(store_word_add(fx->s, "en", "tingxie", NULL,
	    &(char *){ NULL }), 0);
	assert_int_equal(store_word_add(fx->s, "en", "tingxie", NULL,
	    &(char *){ NULL }), 1);
	ok(store_word_list(fx->s, NULL, &w, &n, cause));
	assert_int_equal(n, 2);
	assert_string_equal(w[0].lang, "en");
	assert_null(w[0].pron);
	assert_string_equal(w[1].pron, "m4 goi1");
	store_word_list_free(w, n);
	ok(store_word_list(fx->s, "yue", &w, &n, cause));
	assert_int_equal(n, 1);
	store_word_list_free(w, n);
	assert_int_equal(count(fx, "SELECT count(*) FROM change WHERE "
	    "kind = 'lexicon'"), 2);

	ok(store_setting_get(fx->s, "check.max-length", &v, cause));
	assert_null(v);
	ok(store_setting_set(fx->s, "check.max-length", "20", cause));
	ok(store_setting_get(fx->s, "check.max-length", &v, cause));
	assert_string_equal(v, "20");
	free(v);
	/* the change log cannot be rewritten */
	assert_int_equal(count(fx, "SELECT count(*) FROM change"), 3);
}

static void
test_change_log_append_only(void **state)
{
	struct fixture	*fx = *state;
	sqlite3		*db;

	ok(store_vocab_add(fx->s, VOCAB_DIALECT, "wu", NULL, cause));
	assert_int_equal(sqlite3_open(fx->project, &db), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE change SET key = 'x'",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM change", NULL, NULL,
	    NULL), SQLITE_OK);
	sqlite3_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_speaker_fields, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_speaker_order_and_merge,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_vocabularies, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_rename_rewrites_uses,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_segment_set, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_words_and_settings, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_change_log_append_only,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
