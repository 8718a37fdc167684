/*
 * test-fmt-hf.c: Hugging Face audiofolder metadata.csv against a golden
 * file, read back with Python's csv module, and refused without cut audio.
 */
#include "unit.h"

#include "fmt.h"
#include "store.h"
#include "corpus.h"

/* Python's csv module reads what pandas.read_csv would. */
static const char csv_check[] =
    "import csv, sys\n"
    "rows = list(csv.reader(open(sys.argv[1], newline='', "
    "encoding='utf-8')))\n"
    "assert rows[0] == ['file_name', 'transcription', 'speaker_id', "
    "'language', 'dialect', 'duration'], rows[0]\n"
    "assert len(rows) == 6 and all(len(r) == 6 for r in rows), rows\n"
    "assert rows[3][1] == 'it\\'s \"quoted\", <b> & caf\\u00e9\\U0001f44d', "
    "rows[3]\n"
    "assert rows[2] == ['audio/market-000003200-000004000.wav', "
    "'\\u597d \\u7684 \\u5f88\\u597d', '', '', '', '0.800'], rows[2]\n"
    "assert [r[5] for r in rows[1:]] == ['1.501', '0.800', '2.250', "
    "'0.750', '2.346']\n"
    "assert open(sys.argv[1], 'rb').read().count(b'\\r') == 0\n";

static void
test_write_cut(void **state)
{
	const struct fmt_ops	*hf = fmt_find("hf");
	struct corpus_fx	*fx = corpus_fx_new(EXPORT_AUDIO_CUT,
				    CORPUS_ALL, 0);
	char			*cause = NULL, *script;

	(void)state;
	assert_non_null(hf);
	assert_true(hf->corpus);
	assert_null(hf->read);
	if (hf->write(&fx->set, &cause) != 0)
		fail_msg("%s", cause);
	corpus_compare(fx, "hf/cut", "");
	if (corpus_have("python3")) {
		script = corpus_printf("%s/check.py", fx->root);
		corpus_spit(script, csv_check);
		assert_int_equal(corpus_sh("python3 '%s' '%s/metadata.csv'",
		    script, fx->out), 0);
		free(script);
	}
	corpus_fx_free(fx);
}

static void
test_refused(void **state)
{
	const struct fmt_ops	*hf = fmt_find("hf");
	struct corpus_fx	*fx = corpus_fx_new(EXPORT_AUDIO_REF,
				    CORPUS_ALL, 0);
	char			*cause = NULL, *listing;

	(void)state;
	assert_int_equal(hf->write(&fx->set, &cause), -1);
	assert_non_null(strstr(cause, "A01-market-000001000-000002501"));
	assert_non_null(strstr(cause, "--audio cut"));
	free(cause);
	listing = corpus_listing(fx->out);
	assert_string_equal(listing, "");
	free(listing);
	corpus_fx_free(fx);

	/* a text no CSV line can hold */
	fx = corpus_fx_new(EXPORT_AUDIO_CUT, CORPUS_ALL, 0);
	free(fx->items[1].text);
	fx->items[1].text = strdup("two\nlines");
	cause = NULL;
	assert_int_equal(hf->write(&fx->set, &cause), -1);
	assert_non_null(strstr(cause, "market-000003200-000004000"));
	free(cause);
	corpus_fx_free(fx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_cut),
		cmocka_unit_test(test_refused)
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
