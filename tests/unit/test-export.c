/*
 * test-export.c: the export and import core with formats made for the
 * test: selection, ids, splits, text, the output directory, and imports
 * as one transaction.
 */
#include "unit.h"

#include <sqlite3.h>

#include "audio.h"
#include "export.h"
#include "import.h"
#include "peaks.h"
#include "store.h"
#include "fixture.h"

/* A format that writes one line per item: id, split, text. */
static int	fail_write;

static int
list_write(const struct export_set *set, char **cause)
{
	FILE	*f;

	if (fail_write) {
		*cause = strdup("the test format failed on purpose");
		return -1;
	}
	if ((f = fmt_create(set, "list.txt", cause)) == NULL)
		return -1;
	for (size_t i = 0; i < set->nitems; i++)
		fprintf(f, "%s|%s|%s|%s\n", set->items[i].id,
		    set->split != NULL ? set->split : "-",
		    set->items[i].text, set->items[i].dialect != NULL ?
		    set->items[i].dialect : "-");
	return fmt_commit(set, f, "list.txt", cause);
}

static const struct fmt_ops list_corpus = {
	"list", "test", 1, list_write, NULL, NULL
};
static const struct fmt_ops list_files = {
	"listfiles", "test", 0, list_write, NULL, NULL
};

static void
options(struct export_options *o, const char *out)
{
	memset(o, 0, sizeof *o);
	o->format = "list";
	o->out = out;
	o->stage = -1;
	o->rate = 16000;
}

static char *
slurp(const char *path)
{
	FILE	*f = fopen(path, "r");
	char	*buf = calloc(1, 65536);

	if (f == NULL)
		return buf;
	if (fread(buf, 1, 65535, f) == 0)
		buf[0] = '\0';
	fclose(f);
	return buf;
}

static void
test_ids(void **state)
{
	char	*a, *b, *c, *d;

	(void)state;
	a = export_id("SPK1");
	assert_string_equal(a, "SPK1");
	b = export_id("阿芳");
	c = export_id("阿明");
	assert_true(strncmp(b, "x_", 2) == 0);
	assert_string_not_equal(b, c);
	d = export_id("../etc passwd");
	assert_null(strchr(d, '/'));
	assert_null(strchr(d, ' '));
	assert_true(d[0] != '.');
	assert_null(strchr(d, '-'));
	free(a);
	free(b);
	free(c);
	free(d);
	a = export_id("..");
	assert_true(a[0] != '.');
	free(a);
	a = export_id("a-b");
	assert_null(strchr(a, '-'));
	free(a);
}

static void
test_splits_parse(void **state)
{
	struct export_options	 o;
	char			*cause = NULL;

	(void)state;
	memset(&o, 0, sizeof o);
	assert_int_equal(export_parse_splits(&o, "train=80,dev=10,test=10",
	    &cause), 0);
	assert_int_equal(o.nsplits, 3);
	assert_string_equal(o.splits[2].name, "test");
	assert_int_equal(o.splits[0].percent, 80);
	const char *bad[] = { "train=80,dev=10", "train=80,train=20",
	    "Train=100", "train", "=100", "a=50,b=x", "a/b=100", "" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (export_parse_splits(&o, bad[i], &cause) == 0)
			fail_msg("'%s' accepted", bad[i]);
		free(cause);
		cause = NULL;
	}
}

static void
test_select_and_write(void **state)
{
	struct fixture		*fx = *state;
	struct export_options	 o;
	struct export_summary	 sum;
	char			*out, *cause = NULL, *list, *path;
	int64_t			 rec;

	rec = add_recording(fx, 16000 * 20, &cause);
	add_speaker(fx, "A");
	add_speaker(fx, "李");
	add_text_segment(fx, rec, 0, 1, "A", "[noise] 你好 ((世界)) comm-", STAGE_TRANSCRIBED);
	add_text_segment(fx, rec, 1, 2, "李", "再见", STAGE_TRANSCRIBED);
	add_text_segment(fx, rec, 2, 3, NULL, "没有人", STAGE_TRANSCRIBED);
	add_text_segment(fx, rec, 3, 4, "A", "", STAGE_NEW);
	add_text_segment(fx, rec, 4, 5, "A", "((坏", STAGE_TRANSCRIBED);
	add_text_segment(fx, rec, 5, 6, "A", "还没转写", STAGE_NEW);
	if (asprintf(&out, "%s/out", fx->dir) < 0)
		abort();
	options(&o, out);
	o.text = EXPORT_TEXT_ASR;
	o.norm.events = MARKUP_NORM_DROP;
	o.norm.truncated = MARKUP_NORM_DROP;
	if (export_run(fx->s, &list_corpus, &o, NULL, NULL, &sum,
	    &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(sum.stage, STAGE_TRANSCRIBED);
	assert_int_equal(sum.nsegs, 3);
	if (asprintf(&path, "%s/list.txt", out) < 0)
		abort();
	list = slurp(path);
	/* id order (C bytes), ASR text, the markup gone */
	assert_true(strncmp(list,
	    "A-tone-000000000-000001000|-|你好 世界|-\n"
	    "tone-000002000-000003000|-|没有人|-\n"
	    "x_", strlen("A-tone-000000000-000001000|-|你好 世界|-\n"
	    "tone-000002000-000003000|-|没有人|-\nx_")) == 0);
	assert_non_null(strstr(list, "-tone-000001000-000002000|-|再见|-\n"));
	free(list);
	/* what was left out, and why */
	assert_int_equal(sum.skipped.n, 2);
	assert_non_null(strstr(sum.skipped.v[0].key, "stage"));
	assert_int_equal(sum.skipped.v[0].n, 2);
	assert_non_null(strstr(sum.skipped.v[1].key, "markup errors"));
	assert_int_equal(sum.langs.n, 1);
	assert_int_equal(sum.langs.v[0].n, 3);
	export_summary_free(&sum);

	/* a non-empty directory needs --force; nothing else changes */
	assert_int_equal(export_run(fx->s, &list_corpus, &o, NULL, NULL, &sum,
	    &cause), -1);
	assert_non_null(strstr(cause, "not empty"));
	free(cause);
	cause = NULL;
	o.force = 1;
	assert_int_equal(export_run(fx->s, &list_corpus, &o, NULL, NULL, &sum,
	    &cause), 0);
	export_summary_free(&sum);
	free(path);
	free(out);
}

/* Several speakers in two recordings, for splits. */
static void
test_splits(void **state)
{
	struct fixture		*fx = *state;
	struct export_options	 o;
	struct export_summary	 sum;
	char			*out, *cause = NULL, *a, *b, *path, code[8];
	int64_t			 rec;

	rec = add_recording(fx, 16000 * 60, &cause);
	for (int i = 0; i < 10; i++) {
		snprintf(code, sizeof code, "S%d", i);
		add_speaker(fx, code);
		add_text_segment(fx, rec, i * 5, i * 5 + 2, code, "一", STAGE_TRANSCRIBED);
		add_text_segment(fx, rec, i * 5 + 2, i * 5 + 4, code, "二",
		    STAGE_TRANSCRIBED);
	}
	for (int round = 0; round < 2; round++) {
		if (asprintf(&out, "%s/split%d", fx->dir, round) < 0)
			abort();
		options(&o, out);
		o.seed = 7;
		assert_int_equal(export_parse_splits(&o, "train=80,dev=10,"
		    "test=10", &cause), 0);
		if (export_run(fx->s, &list_corpus, &o, NULL, NULL, &sum,
		    &cause) != 0)
			fail_msg("%s", cause);
		assert_int_equal(sum.splits.n, 3);
		assert_int_equal(sum.nsegs, 20);
		export_summary_free(&sum);
		free(out);
	}
	/* the same seed, the same splits; no speaker in two */
	for (int k = 0; k < 3; k++) {
		const char *names[] = { "train", "dev", "test" };

		if (asprintf(&path, "%s/split0/%s/list.txt", fx->dir,
		    names[k]) < 0)
			abort();
		a = slurp(path);
		free(path);
		if (asprintf(&path, "%s/split1/%s/list.txt", fx->dir,
		    names[k]) < 0)
			abort();
		b = slurp(path);
		free(path);
		assert_string_equal(a, b);
		assert_true(*a != '\0');
		free(a);
		free(b);
	}
	if (asprintf(&path, "%s/split0/train/list.txt", fx->dir) < 0)
		abort();
	a = slurp(path);
	free(path);
	if (asprintf(&path, "%s/split0/dev/list.txt", fx->dir) < 0)
		abort();
	b = slurp(path);
	free(path);
	/* 8 speakers (16 lines) train, one (2 lines) each other */
	{
		int	lines = 0;

		for (char *p = a; *p != '\0'; p++)
			lines += *p == '\n';
		assert_int_equal(lines, 16);
		lines = 0;
		for (char *p = b; *p != '\0'; p++)
			lines += *p == '\n';
		assert_int_equal(lines, 2);
		/* dev's speaker is nowhere in train */
		b[strcspn(b, "-")] = '\0';
		strcat(b, "-");
		assert_null(strstr(a, b));
	}
	free(a);
	free(b);
}

static void
test_nothing_half_written(void **state)
{
	struct fixture		*fx = *state;
	struct export_options	 o;
	struct export_summary	 sum;
	struct stat		 sb;
	char			*out, *cause = NULL;
	int64_t			 rec;

	rec = add_recording(fx, 16000 * 10, &cause);
	add_speaker(fx, "A");
	add_text_segment(fx, rec, 0, 1, "A", "好", STAGE_TRANSCRIBED);
	if (asprintf(&out, "%s/failed", fx->dir) < 0)
		abort();
	options(&o, out);
	fail_write = 1;
	assert_int_equal(export_run(fx->s, &list_corpus, &o, NULL, NULL, &sum,
	    &cause), -1);
	fail_write = 0;
	assert_string_equal(cause, "the test format failed on purpose");
	free(cause);
	cause = NULL;
	assert_int_not_equal(stat(out, &sb), 0);
	/* interchange formats take no splits and no cut audio */
	o.format = "listfiles";
	assert_int_equal(export_parse_splits(&o, "a=50,b=50", &cause), 0);
	assert_int_equal(export_run(fx->s, &list_files, &o, NULL, NULL, &sum,
	    &cause), -1);
	assert_non_null(strstr(cause, "--split is for corpus formats"));
	free(cause);
	o.nsplits = 0;
	o.audio = EXPORT_AUDIO_CUT;
	assert_int_equal(export_run(fx->s, &list_files, &o, NULL, NULL, &sum,
	    &cause), -1);
	assert_non_null(strstr(cause, "--audio cut is for corpus formats"));
	free(cause);
	/* a filter that matches nothing says so */
	o.audio = EXPORT_AUDIO_REF;
	o.lang = "fr";
	assert_int_equal(export_run(fx->s, &list_files, &o, NULL, NULL, &sum,
	    &cause), -1);
	assert_non_null(strstr(cause, "no segment to export"));
	free(cause);
	assert_int_not_equal(stat(out, &sb), 0);
	free(out);
}

/* ---- import, through a reader made for the test ---- */

static int	reader_bad_second;
static int	reader_machine;

static int
doc_read(const char *path, struct import_doc *doc, char **cause)
{
	struct import_segment	*g;
	struct import_speaker	*sp;

	(void)path;
	(void)cause;
	doc->media = strdup("/somewhere/tone.wav");
	doc->machine = reader_machine;
	sp = import_doc_speaker(doc);
	sp->code = strdup("Speaker 1");
	sp->gender = strdup("f");
	g = import_doc_segment(doc);
	g->start = strdup("1.5");
	g->end = strdup("2.25");
	g->speaker = strdup("Speaker 1");
	g->text = strdup("cafe\xcc\x81 ok");
	g->lang = strdup("zz");
	g->line = 3;
	g = import_doc_segment(doc);
	g->start = strdup(reader_bad_second ? "5" : "3");
	g->end = strdup("4");
	g->text = strdup("第二");
	g->line = 7;
	return 0;
}

static const struct fmt_ops doc_format = {
	"doc", "test", 0, NULL, doc_read, NULL
};

static void
test_import(void **state)
{
	struct fixture		*fx = *state;
	struct import_report	 r;
	struct segment		*list;
	size_t			 n;
	char			*cause = NULL;
	sqlite3			*db;
	sqlite3_stmt		*st;
	int64_t			 rec;

	rec = add_recording(fx, 16000 * 10, &cause);
	(void)rec;
	assert_int_equal(store_vocab_add(fx->s, VOCAB_LANGUAGE, "cmn-Hans",
	    NULL, &cause), 0);
	/* a bad segment refuses the whole file, with its line */
	reader_bad_second = 1;
	assert_int_equal(import_file(fx->s, &doc_format, "in.doc", NULL, &r,
	    &cause), -1);
	assert_non_null(strstr(cause, "in.doc:7:"));
	free(cause);
	cause = NULL;
	assert_int_equal(store_segment_list(fx->s, NULL, &list, &n, &cause),
	    0);
	assert_int_equal(n, 0);
	segment_list_free(list, n);
	{
		struct speaker	sp;

		assert_int_equal(store_speaker_get(fx->s, "Speaker_1", &sp,
		    &cause), -1);
		free(cause);
		cause = NULL;
	}
	/* the good file: recording from its media, a speaker added */
	reader_bad_second = 0;
	reader_machine = 1;
	if (import_file(fx->s, &doc_format, "in.doc", NULL, &r, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(r.added, 2);
	assert_int_equal(r.speakers, 1);
	assert_int_equal(r.nnotes, 1);
	assert_non_null(strstr(r.notes[0], "language the project does not "
	    "list"));
	import_report_free(&r);
	assert_int_equal(store_segment_list(fx->s, NULL, &list, &n, &cause),
	    0);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].speaker, "Speaker_1");
	assert_int_equal(list[0].start, 24000);
	assert_int_equal(list[0].end, 36000);
	assert_string_equal(list[0].text, "caf\xc3\xa9 ok");
	assert_int_equal(list[0].stage, STAGE_NEW);
	assert_null(list[0].lang);
	segment_list_free(list, n);
	/* again: nothing twice */
	if (import_file(fx->s, &doc_format, "in.doc", NULL, &r, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.already, 2);
	import_report_free(&r);
	/* machine-made revisions are marked */
	assert_int_equal(sqlite3_open(fx->project, &db), SQLITE_OK);
	sqlite3_prepare_v2(db, "SELECT count(*) FROM revision WHERE origin = "
	    "'machine'", -1, &st, NULL);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 2);
	sqlite3_finalize(st);
	sqlite3_close(db);
	/* a recording that is not there */
	assert_int_equal(import_file(fx->s, &doc_format, "in.doc", "nope", &r,
	    &cause), -1);
	assert_non_null(strstr(cause, "no recording 'nope'"));
	free(cause);
	reader_machine = 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_splits_parse),
		cmocka_unit_test_setup_teardown(test_select_and_write, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_splits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nothing_half_written,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_import, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
