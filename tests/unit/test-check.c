/*
 * test-check.c: the checks of a line as it is typed (markup, event tags,
 * languages, unknown words) and of a whole project ('tingxie check').
 */
#include "unit.h"

#include "audio.h"
#include "check.h"
#include "lexicon.h"
#include "peaks.h"
#include "store.h"
#include "fixture.h"

/* A lexicon directory with small cmn-Hans and en files, in fx->dir. */
static char *
lexicons(struct fixture *fx)
{
	char	*dir, *path;
	FILE	*f;

	if (asprintf(&dir, "%s/lex", fx->dir) < 0 || mkdir(dir, 0777) != 0)
		abort();
	if (asprintf(&path, "%s/cmn-Hans.tsv", dir) < 0 ||
	    (f = fopen(path, "w")) == NULL)
		abort();
	fputs("# test\n我们\t\t400\n今天\t\t300\n开\t\t100\n个\t\t100\n吧\t\t50\n"
	    "会\t\t80\n语音\t\t40\n识别\t\t40\n语音识别\t\t30\n", f);
	fclose(f);
	free(path);
	if (asprintf(&path, "%s/en.tsv", dir) < 0 ||
	    (f = fopen(path, "w")) == NULL)
		abort();
	fputs("meeting\t\nthe\nis\ndone\nLondon\n", f);
	fclose(f);
	free(path);
	return dir;
}

static size_t
line(struct checker *c, const char *text, const char *lang,
    struct check_span **spans)
{
	return checker_line(c, text, lang, spans);
}

/* The text of span i. */
static char *
at(const char *text, const struct check_span *sp)
{
	return strndup(text + sp->off, sp->len);
}

static void
test_line(void **state)
{
	struct fixture		*fx = *state;
	struct check_span	*sp;
	struct checker		*c;
	char			*dir = lexicons(fx), *w, *cause = NULL;
	const char		*text;
	size_t			 n;

	c = checker_new(fx->s, dir);
	/* clean: words, markup, digits, an English span */
	text = "我们今天[noise]开个<en>meeting</en>吧，%呃 3 ((语音识别))";
	n = line(c, text, "cmn-Hans", &sp);
	if (n != 0)
		fail_msg("%s", sp[0].message);
	check_spans_free(sp, n);

	/* an unknown run of Han is one word; Latin gets a hint */
	text = "我们研讨 zoom";
	n = line(c, text, "cmn-Hans", &sp);
	assert_int_equal(n, 2);
	assert_int_equal(sp[0].kind, CHECK_OOV);
	w = at(text, &sp[0]);
	assert_string_equal(w, "研讨");
	free(w);
	assert_string_equal(sp[0].lang, "cmn-Hans");
	w = at(text, &sp[1]);
	assert_string_equal(w, "zoom");
	free(w);
	assert_non_null(strstr(sp[1].message, "<en>zoom</en>"));
	check_spans_free(sp, n);

	/* English: case-insensitive; a code-switch span is checked in its
	 * own language */
	text = "The meeting is done in LONDON <cmn-Hans>我们</cmn-Hans>";
	n = line(c, text, "en-GB", &sp);
	assert_int_equal(n, 1);
	w = at(text, &sp[0]);
	assert_string_equal(w, "in");
	free(w);
	check_spans_free(sp, n);

	/* markup errors, an unknown event, a language the project lacks */
	assert_int_equal(store_vocab_add(fx->s, VOCAB_LANGUAGE, "cmn-Hans",
	    NULL, &cause), 0);
	text = "我们 [nosie] <fr>oui</fr> ((今天";
	n = line(c, text, "cmn-Hans", &sp);
	assert_int_equal(n, 3);
	assert_int_equal(sp[0].kind, CHECK_EVENT);
	w = at(text, &sp[0]);
	assert_string_equal(w, "[nosie]");
	free(w);
	assert_non_null(strstr(sp[0].message, "add it with"));
	assert_int_equal(sp[1].kind, CHECK_LANG);
	assert_int_equal(sp[2].kind, CHECK_MARKUP);
	check_spans_free(sp, n);

	/* no lexicon for a language: its words are not checked */
	n = line(c, "唔該晒", "yue-Hant-HK", &sp);
	assert_int_equal(n, 0);
	free(sp);
	assert_null(checker_lexicon(c, "yue-Hant-HK", &cause));
	assert_null(cause);
	checker_free(c);
	unit_rmtree(dir);
	free(dir);
}

static void
test_project_words(void **state)
{
	struct fixture		*fx = *state;
	struct check_span	*sp;
	struct checker		*c;
	struct lexicon		*lex;
	char			*dir = lexicons(fx), *cause = NULL;
	size_t			 n;

	/* words the project adds count, for the tag and the ones under it */
	assert_int_equal(store_word_add(fx->s, "cmn-Hans", "研讨", NULL,
	    &cause), 0);
	assert_int_equal(store_word_add(fx->s, "yue", "唔該", "m4 goi1",
	    &cause), 0);
	c = checker_new(fx->s, dir);
	n = line(c, "我们研讨", "cmn-Hans-CN", &sp);
	assert_int_equal(n, 0);
	free(sp);
	/* yue has no file: a few project words are no lexicon */
	n = line(c, "唔該晒", "yue-Hant-HK", &sp);
	assert_int_equal(n, 0);
	free(sp);
	assert_null(checker_lexicon(c, "yue-Hant-HK", &cause));
	/* tags are case-insensitive */
	lex = checker_lexicon(c, "CMN-hans", &cause);
	assert_non_null(lex);
	assert_true(lexicon_has(lex, "研讨", strlen("研讨")));
	checker_free(c);
	unit_rmtree(dir);
	free(dir);
}

static void
test_bad_lexicon(void **state)
{
	struct fixture		*fx = *state;
	struct check_report	 r;
	struct check_options	 o;
	struct checker		*c;
	struct segment		 seg = { 0 };
	char			*dir = lexicons(fx), *path, *cause = NULL;
	FILE			*f;
	int64_t			 rec;

	if (asprintf(&path, "%s/en.tsv", dir) < 0 ||
	    (f = fopen(path, "w")) == NULL)
		abort();
	fputs("good\nbad\tpron\tmany\n", f);
	fclose(f);
	rec = add_recording(fx, 16000 * 4, &cause);
	seg.recording_id = rec;
	seg.start = 0;
	seg.end = 16000;
	seg.lang = strdup("en");
	seg.text = strdup("good");
	assert_int_equal(store_segment_add(fx->s, &seg, &cause), 0);
	segment_clear(&seg);
	c = checker_new(fx->s, dir);
	assert_null(checker_lexicon(c, "en", &cause));
	assert_non_null(strstr(cause, "en.tsv:2:"));
	free(cause);
	cause = NULL;
	assert_int_equal(check_options_load(fx->s, &o, &cause), 0);
	assert_int_equal(checker_project(c, &o, &r, &cause), -1);
	assert_non_null(strstr(cause, "en.tsv:2:"));
	free(cause);
	checker_free(c);
	free(path);
	unit_rmtree(dir);
	free(dir);
}

static void
test_project(void **state)
{
	struct fixture		*fx = *state;
	struct check_report	 r;
	struct check_options	 o;
	struct checker		*c;
	char			*dir = lexicons(fx), *cause = NULL;
	int64_t			 rec, a, b, d, e;
	struct segment_edit	 ed = { NULL, NULL, NULL, "wu", -1, -1 };
	struct segment		 g;

	rec = add_recording(fx, 16000 * 60, &cause);
	add_speaker(fx, "A");
	add_speaker(fx, "B");
	assert_int_equal(store_vocab_add(fx->s, VOCAB_DIALECT, "wu", NULL,
	    &cause), 0);
	a = add_text_segment(fx, rec, 0, 2, "A", "我们", STAGE_TRANSCRIBED);
	b = add_text_segment(fx, rec, 1, 3, "A", "", STAGE_TRANSCRIBED);
	add_text_segment(fx, rec, 1.5, 2.5, "B", "", STAGE_NEW);	/* fine */
	d = add_text_segment(fx, rec, 5, 50, "B", "今天 研讨", STAGE_TRANSCRIBED);
	e = add_text_segment(fx, rec, 55, 55.05, NULL, "今天", STAGE_TRANSCRIBED);
	assert_int_equal(store_segment_set(fx->s, e, 0, &ed, &g, &cause), 0);
	segment_clear(&g);
	assert_int_equal(store_vocab_retire(fx->s, VOCAB_DIALECT, "wu", 1,
	    &cause), 0);

	assert_int_equal(check_options_load(fx->s, &o, &cause), 0);
	assert_true(o.max_length == 30 && o.min_length > 0.09 && o.words);
	c = checker_new(fx->s, dir);
	assert_int_equal(checker_project(c, &o, &r, &cause), 0);
	assert_int_equal(r.nsegs, 5);
	assert_int_equal(r.n, 6);
	assert_int_equal(r.problems[0].segment_id, b);
	assert_non_null(strstr(r.problems[0].message, "has no text"));
	assert_int_equal(r.problems[1].segment_id, b);
	assert_non_null(strstr(r.problems[1].message, "overlaps segment"));
	assert_non_null(strstr(r.problems[1].message, "same speaker A"));
	assert_int_equal(r.problems[2].segment_id, d);
	assert_non_null(strstr(r.problems[2].message, "longer than"));
	assert_int_equal(r.problems[3].segment_id, d);
	assert_non_null(strstr(r.problems[3].message, "'研讨'"));
	assert_int_equal(r.problems[4].segment_id, e);
	assert_non_null(strstr(r.problems[4].message, "shorter than"));
	assert_int_equal(r.problems[5].segment_id, e);
	assert_non_null(strstr(r.problems[5].message, "retired"));
	(void)a;
	check_report_free(&r);

	/* settings and options change what is reported */
	assert_int_equal(check_setting_valid("check.max-length", "60", &cause),
	    0);
	assert_int_equal(check_setting_valid("check.max-length", "-1",
	    &cause), -1);
	free(cause);
	assert_int_equal(check_setting_valid("check.colour", "1", &cause), -1);
	assert_non_null(strstr(cause, "no setting"));
	free(cause);
	assert_int_equal(store_setting_set(fx->s, "check.max-length", "60",
	    &cause), 0);
	assert_int_equal(check_options_load(fx->s, &o, &cause), 0);
	o.words = 0;
	o.min_length = 0;
	assert_int_equal(checker_project(c, &o, &r, &cause), 0);
	assert_int_equal(r.n, 3);
	check_report_free(&r);
	assert_int_equal(store_setting_set(fx->s, "check.min-length", "x",
	    &cause), 0);
	assert_int_equal(check_options_load(fx->s, &o, &cause), -1);
	assert_non_null(strstr(cause, "check.min-length"));
	free(cause);
	checker_free(c);
	unit_rmtree(dir);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_project_words, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_bad_lexicon, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_project, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
