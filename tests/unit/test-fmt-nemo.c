/*
 * test-fmt-nemo.c: NeMo manifests written (golden files, jq) and read
 * (golden transcription output, malformed lines), and Whisper's JSON read.
 */
#include "unit.h"

#include <locale.h>

#include "fmt.h"
#include "store.h"
#include "corpus.h"

static const struct fmt_ops *
ops(const char *name)
{
	const struct fmt_ops	*o = fmt_find(name);

	assert_non_null(o);
	assert_non_null(o->read);
	return o;
}

static void
write_ok(struct corpus_fx *fx)
{
	char	*cause = NULL;

	assert_true(ops("nemo")->corpus);
	if (ops("nemo")->write(&fx->set, &cause) != 0)
		fail_msg("write: %s", cause);
}

/* jq reads every line, and every line has what NeMo needs. */
static void
jq_checks(const struct corpus_fx *fx, int cut)
{
	if (!corpus_have("jq"))
		return;
	assert_int_equal(corpus_sh("jq -c . '%s/manifest.json' >/dev/null",
	    fx->out), 0);
	assert_int_equal(corpus_sh("jq -e -s 'length == %zu and all(.[]; "
	    "(.audio_filepath | type == \"string\" and startswith(\"/\")) and "
	    "(.duration | type == \"number\" and . > 0) and (.text | type == "
	    "\"string\") and (has(\"offset\") == %s))' '%s/manifest.json' "
	    ">/dev/null", fx->set.nitems, cut ? "false" : "true", fx->out), 0);
	/* the hostile text comes back whole */
	assert_int_equal(corpus_sh("test \"$(jq -r 'select(.speaker == "
	    "\"C03\") | .text' '%s/manifest.json')\" = 'it'\\''s \"quoted\", "
	    "<b> & café👍'", fx->out), 0);
}

static void
test_write_ref(void **state)
{
	struct corpus_fx	*fx = corpus_fx_new(EXPORT_AUDIO_REF,
				    CORPUS_ALL, 0);

	(void)state;
	write_ok(fx);
	corpus_compare(fx, "nemo/ref", "");
	jq_checks(fx, 0);
	corpus_fx_free(fx);
}

static void
test_write_cut(void **state)
{
	struct corpus_fx	*fx = corpus_fx_new(EXPORT_AUDIO_CUT,
				    CORPUS_ALL, 0);
	char			*cause = NULL, *listing;

	(void)state;
	write_ok(fx);
	corpus_compare(fx, "nemo/cut", "");
	jq_checks(fx, 1);
	corpus_fx_free(fx);

	fx = corpus_fx_new(EXPORT_AUDIO_CUT, CORPUS_ALL, 0);
	free(fx->items[4].audio);
	fx->items[4].audio = NULL;
	assert_int_equal(ops("nemo")->write(&fx->set, &cause), -1);
	assert_non_null(strstr(cause, "A01-meeting-000010000-000012346"));
	free(cause);
	listing = corpus_listing(fx->out);
	assert_string_equal(listing, "");
	free(listing);
	corpus_fx_free(fx);
}

static void
assert_str(const char *have, const char *want)
{
	if (want == NULL)
		assert_null(have);
	else
		assert_string_equal(have, want);
}

static void
assert_seg(const struct import_segment *g, const char *start,
    const char *end, const char *spk, const char *lang, const char *dialect,
    const char *text, long line)
{
	assert_string_equal(g->start, start);
	assert_string_equal(g->end, end);
	assert_str(g->speaker, spk);
	assert_str(g->lang, lang);
	assert_str(g->dialect, dialect);
	assert_string_equal(g->text, text);
	assert_int_equal(g->line, line);
	assert_int_equal(g->channel, -1);
}

/* Written, then read: the same segments, at millisecond precision. */
static void
test_round_trip(void **state)
{
	struct corpus_fx	*fx = corpus_fx_new(EXPORT_AUDIO_REF,
				    CORPUS_ALL, 0);
	struct import_doc	 doc = { 0 };
	char			*path, *cause = NULL, s[32], e[32];

	(void)state;
	write_ok(fx);
	path = corpus_printf("%s/manifest.json", fx->out);
	if (ops("nemo")->read(path, &doc, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(doc.machine, 1);
	assert_null(doc.media);		/* two files */
	assert_int_equal(doc.nsegs, fx->set.nitems);
	for (size_t i = 0; i < doc.nsegs; i++) {
		const struct export_item *it = &fx->items[i];

		assert_string_equal(doc.segs[i].recording, it->rec->path);
		assert_seg(&doc.segs[i], fmt_seconds(it->start,
		    it->rec->rec->rate, s, sizeof s), fmt_seconds(it->end,
		    it->rec->rec->rate, e, sizeof e), it->spk != NULL ?
		    it->spk->id : NULL, it->lang, it->dialect, it->text,
		    (long)i + 1);
	}
	import_doc_free(&doc);
	free(path);
	corpus_fx_free(fx);
}

static void
test_read_golden(void **state)
{
	struct import_doc	 doc = { 0 };
	char			*cause = NULL;

	(void)state;
	if (ops("nemo")->read(CORPUS_GOLDEN "/nemo/transcribed.json", &doc,
	    &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(doc.machine, 1);
	assert_string_equal(doc.media, "/data/calls/call-0042.wav");
	assert_int_equal(doc.nsegs, 3);
	assert_null(doc.segs[0].recording);
	/* 3.5600000000000001 is 3.56; pred_text wins over text */
	assert_seg(&doc.segs[0], "0.000", "3.560", NULL, NULL, NULL,
	    "你好 请问 有 什么 可以 帮 您", 1);
	/*
	 * 4.0005 is 4000.5 ms, rounded away from zero (4.0005 * 1000 is
	 * 4000.4999999999995 in doubles); a numeric speaker
	 */
	assert_seg(&doc.segs[1], "3.560", "7.561", "2", "cmn-Hans", NULL,
	    "我 想 查 一下 账单", 2);
	/* a blank line is skipped; null is no value */
	assert_seg(&doc.segs[2], "6.000", "7.250", "agent", "en", NULL,
	    "okay thank you", 4);
	assert_int_equal(doc.nspks, 0);
	import_doc_free(&doc);
}

struct bad {
	const char	*content;
	const char	*want;		/* after "PATH:" */
};

static const struct bad nemo_bad[] = {
	{ "{\"audio_filepath\": \"/a.wav\", \"duration\": 1}\n"
	  "{\"audio_filepath\": \"/a.wav\", \"duration\": 1}\n"
	  "{\"audio_filepath\": \"/a.wav\", \"duration\": 1,}\n",
	  "3: not valid JSON" },
	{ "{\"audio_filepath\": \"/a.wav\", \"text\": \"x\"}\n",
	  "1: no \"duration\"" },
	{ "{\"audio_filepath\": \"/a.wav\", \"duration\": \"1.5\"}\n",
	  "1: \"duration\" is a string, not a number" },
	{ "{\"audio_filepath\": \"/a.wav\", \"duration\": 1.5, \"text\": 7}\n",
	  "1: \"text\" is a number, not a string" },
	{ "\n{\"audio_filepath\": \"/a.wav\", \"duration\": 1, \"offset\": "
	  "-2}\n", "2: \"offset\" is negative" },
	{ "{\"audio_filepath\": \"/a.wav\", \"duration\": 0}\n",
	  "1: \"duration\" is 0" },
	{ "{\"duration\": 1}\n", "1: no \"audio_filepath\"" },
	{ "[{\"audio_filepath\": \"/a.wav\", \"duration\": 1}]\n",
	  "1: not a JSON object" },
	{ "{\"audio_filepath\": \"/a.wav\", \"duration\": 1, \"speaker\": "
	  "[1]}\n", "1: \"speaker\" is an array" },
	{ "{\"audio_filepath\": \"/a.wav\", \"duration\": 1, \"duration\": "
	  "2}\n", "1: not valid JSON" },
	{ "{\"audio_filepath\": \"/a.wav\", \"duration\": 1e300}\n",
	  "1: \"duration\" is negative or too large" }
};

static const struct bad whisper_bad[] = {
	{ "{\"segments\": [\n  {\"start\": 0, \"end\": 1, \"text\": \"a\"}\n"
	  "  {\"start\": 1}]}\n", "3: not valid JSON" },
	{ "{\"text\": \"a\", \"language\": \"en\"}\n", " no \"segments\"" },
	{ "[1, 2]\n", " no \"segments\"" },
	{ "{\"segments\": [{\"start\": 0, \"end\": 1, \"text\": \"a\"}, "
	  "{\"start\": \"1\", \"end\": 2, \"text\": \"b\"}]}\n",
	  " segments[1]: \"start\" is a string" },
	{ "{\"segments\": [{\"start\": 2.5, \"end\": 2.5, \"text\": \"a\"}]}",
	  " segments[0]: the end 2.500 is not after the start 2.500" },
	{ "{\"segments\": [{\"start\": 0, \"text\": \"a\"}]}",
	  " segments[0]: no \"end\"" },
	{ "{\"segments\": [{\"start\": 0, \"end\": 1, \"text\": null}, 3]}",
	  " segments[1]: a number, not an object" },
	{ "{\"segments\": [], \"language\": 5}", " \"language\" is a number" }
};

static void
read_bad(const char *format, const struct bad *cases, size_t n)
{
	struct corpus_fx	*fx = corpus_fx_new(EXPORT_AUDIO_REF, 0, 0);
	struct import_doc	 doc;
	char			*path, *cause, *want;

	path = corpus_printf("%s/%s.json", fx->root, format);
	for (size_t i = 0; i < n; i++) {
		corpus_spit(path, cases[i].content);
		memset(&doc, 0, sizeof doc);
		cause = NULL;
		if (ops(format)->read(path, &doc, &cause) == 0)
			fail_msg("%s case %zu was read", format, i);
		assert_int_equal(doc.nsegs, 0);
		want = corpus_printf("%s:%s", path, cases[i].want);
		if (strncmp(cause, want, strlen(want)) != 0)
			fail_msg("%s case %zu: '%s' is not '%s...'", format, i,
			    cause, want);
		free(want);
		free(cause);
	}
	free(path);
	corpus_fx_free(fx);
}

static void
test_read_bad(void **state)
{
	char	*cause = NULL;
	struct import_doc doc = { 0 };

	(void)state;
	read_bad("nemo", nemo_bad, sizeof nemo_bad / sizeof *nemo_bad);
	read_bad("whisper", whisper_bad, sizeof whisper_bad /
	    sizeof *whisper_bad);
	assert_int_equal(ops("nemo")->read("/nonexistent/m.json", &doc,
	    &cause), -1);
	assert_non_null(strstr(cause, "/nonexistent/m.json: "));
	free(cause);
	cause = NULL;
	assert_int_equal(ops("whisper")->read("/nonexistent/w.json", &doc,
	    &cause), -1);
	assert_non_null(strstr(cause, "/nonexistent/w.json: "));
	free(cause);
}

static void
test_whisper_golden(void **state)
{
	const struct fmt_ops	*w = ops("whisper");
	struct import_doc	 doc = { 0 };
	char			*cause = NULL;

	(void)state;
	assert_false(w->corpus);
	assert_null(w->write);
	if (w->read(CORPUS_GOLDEN "/nemo/whisper.json", &doc, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(doc.machine, 1);
	assert_null(doc.media);
	assert_int_equal(doc.nsegs, 3);
	assert_seg(&doc.segs[0], "0.000", "3.560", NULL, "zh", NULL,
	    "今天天气很好。", 1);
	assert_seg(&doc.segs[1], "3.560", "7.000", NULL, "zh", NULL,
	    "我们去公园吧。", 2);
	/* 8.0025 * 1000 is 8002.499999999999 in doubles; 8.0025 is not */
	assert_seg(&doc.segs[2], "7.000", "8.003", NULL, "zh", NULL,
	    "OK, bye.", 3);
	for (size_t i = 0; i < doc.nsegs; i++)
		assert_null(doc.segs[i].recording);
	import_doc_free(&doc);
}

/* A locale with a decimal comma, made with localedef if need be. */
static int
comma_locale(const struct corpus_fx *fx)
{
	struct lconv	*lc;

	if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL) {
		if (!corpus_have("localedef") || corpus_sh("localedef -i "
		    "de_DE -f UTF-8 '%s/de_DE.UTF-8' >/dev/null 2>&1",
		    fx->root) > 1)
			return 0;
		setenv("LOCPATH", fx->root, 1);
		if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL)
			return 0;
	}
	lc = localeconv();
	return strcmp(lc->decimal_point, ",") == 0;
}

/* Times come out alike under a locale with a decimal comma. */
static void
test_locale(void **state)
{
	struct corpus_fx	*fx = corpus_fx_new(EXPORT_AUDIO_REF,
				    CORPUS_ALL, 0);
	struct import_doc	 doc = { 0 };
	char			*cause = NULL;
	int			 rc;

	(void)state;
	if (!comma_locale(fx)) {
		print_message("no locale with a decimal comma: skipped\n");
		setlocale(LC_ALL, "C");
		corpus_fx_free(fx);
		return;
	}
	rc = ops("whisper")->read(CORPUS_GOLDEN "/nemo/whisper.json", &doc,
	    &cause);
	write_ok(fx);
	setlocale(LC_ALL, "C");
	unsetenv("LOCPATH");
	if (rc != 0)
		fail_msg("%s", cause);
	assert_string_equal(doc.segs[0].end, "3.560");
	assert_string_equal(doc.segs[2].end, "8.003");
	import_doc_free(&doc);
	corpus_compare(fx, "nemo/ref", "");
	corpus_fx_free(fx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_ref),
		cmocka_unit_test(test_write_cut),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_read_golden),
		cmocka_unit_test(test_read_bad),
		cmocka_unit_test(test_whisper_golden),
		cmocka_unit_test(test_locale)
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
