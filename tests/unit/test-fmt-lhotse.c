/*
 * test-fmt-lhotse.c: Lhotse recordings and supervisions against golden
 * files, checked with jq and with Lhotse's own validation rules in
 * Python; padding of cut files and segments on all channels.
 */
#include "unit.h"

#include "fmt.h"
#include "store.h"
#include "corpus.h"

/* lhotse.qa: validate_recording, validate_supervision and the bounds. */
static const char lhotse_check[] =
    "import json, math, sys\n"
    "d = sys.argv[1]\n"
    "recs = {}\n"
    "for line in open(d + '/recordings.jsonl', encoding='utf-8'):\n"
    "    r = json.loads(line)\n"
    "    assert r['id'] not in recs\n"
    "    assert r['duration'] > 0\n"
    "    assert math.isclose(r['num_samples'] / r['sampling_rate'], "
    "r['duration']), r\n"
    "    assert isinstance(r['num_samples'], int)\n"
    "    assert [s['type'] for s in r['sources']] == ['file']\n"
    "    assert r['sources'][0]['source'].startswith('/')\n"
    "    recs[r['id']] = r\n"
    "ids = set()\n"
    "for line in open(d + '/supervisions.jsonl', encoding='utf-8'):\n"
    "    s = json.loads(line)\n"
    "    assert s['id'] not in ids\n"
    "    ids.add(s['id'])\n"
    "    r = recs[s['recording_id']]\n"
    "    assert s['duration'] > 0\n"
    "    end = round(s['start'] + s['duration'], 8)\n"
    "    assert -1e-3 <= s['start'] <= end <= r['duration'] + 1e-3, s\n"
    "    chans = r['sources'][0]['channels']\n"
    "    c = s['channel'] if isinstance(s['channel'], list) else "
    "[s['channel']]\n"
    "    assert all(x in chans for x in c), s\n"
    "    assert None not in s.values()\n"
    "    assert set(s) <= {'id', 'recording_id', 'start', 'duration', "
    "'channel', 'text', 'language', 'speaker', 'gender', 'custom'}\n"
    "assert len(ids) == int(sys.argv[2])\n";

static void
write_ok(struct corpus_fx *fx)
{
	const struct fmt_ops	*lh = fmt_find("lhotse");
	char			*cause = NULL;

	assert_non_null(lh);
	assert_true(lh->corpus);
	assert_null(lh->read);
	if (lh->write(&fx->set, &cause) != 0)
		fail_msg("%s", cause);
}

static void
tool_checks(const struct corpus_fx *fx)
{
	char	*script;

	if (corpus_have("jq")) {
		assert_int_equal(corpus_sh("jq -c . '%s/recordings.jsonl' "
		    "'%s/supervisions.jsonl' >/dev/null", fx->out, fx->out),
		    0);
	}
	if (corpus_have("python3")) {
		script = corpus_printf("%s/check.py", fx->root);
		corpus_spit(script, lhotse_check);
		assert_int_equal(corpus_sh("python3 '%s' '%s' %zu", script,
		    fx->out, fx->set.nitems), 0);
		free(script);
	}
}

static void
test_write_ref(void **state)
{
	struct corpus_fx	*fx = corpus_fx_new(EXPORT_AUDIO_REF,
				    CORPUS_ALL, 0);

	(void)state;
	write_ok(fx);
	corpus_compare(fx, "lhotse/ref", "");
	tool_checks(fx);
	corpus_fx_free(fx);
}

static void
test_write_cut(void **state)
{
	struct corpus_fx	*fx = corpus_fx_new(EXPORT_AUDIO_CUT,
				    CORPUS_ALL, 0);

	(void)state;
	write_ok(fx);
	corpus_compare(fx, "lhotse/cut", "");
	tool_checks(fx);
	corpus_fx_free(fx);
}

/* The line of a file that holds needle. */
static char *
line_with(const struct corpus_fx *fx, const char *name, const char *needle)
{
	char	*path = corpus_printf("%s/%s", fx->out, name);
	char	*s = corpus_slurp(path), *at, *start, *end, *line;

	if ((at = strstr(s, needle)) == NULL)
		fail_msg("%s: no %s", path, needle);
	for (start = at; start > s && start[-1] != '\n'; start--)
		;
	end = strchr(at, '\n');
	line = strndup(start, (size_t)(end - start));
	free(s);
	free(path);
	return line;
}

static void
test_pad_and_channels(void **state)
{
	struct corpus_fx	*fx;
	char			*line;

	(void)state;
	/* 0.25 s each side: 4000 frames, within the recording */
	fx = corpus_fx_new(EXPORT_AUDIO_CUT, 0x01, 0);
	fx->opt.pad = 0.25;
	fx->opt.rate = 8000;
	write_ok(fx);
	line = line_with(fx, "recordings.jsonl", "\"id\"");
	assert_non_null(strstr(line, "\"sampling_rate\": 8000, "
	    "\"num_samples\": 16004, \"duration\": 2.0005}"));
	free(line);
	line = line_with(fx, "supervisions.jsonl", "\"id\"");
	assert_non_null(strstr(line, "\"start\": 0.250, \"duration\": 1.501"));
	free(line);
	tool_checks(fx);
	corpus_fx_free(fx);

	/* a segment on no channel in particular names them all */
	fx = corpus_fx_new(EXPORT_AUDIO_REF, CORPUS_ALL, 0);
	fx->segs[3].channel = -1;
	write_ok(fx);
	line = line_with(fx, "supervisions.jsonl", "B02-meeting");
	assert_non_null(strstr(line, "\"channel\": [0, 1], "));
	free(line);
	tool_checks(fx);
	corpus_fx_free(fx);
}

static void
test_refused(void **state)
{
	const struct fmt_ops	*lh = fmt_find("lhotse");
	struct corpus_fx	*fx = corpus_fx_new(EXPORT_AUDIO_REF,
				    CORPUS_ALL, 0);
	char			*cause = NULL, *listing;

	(void)state;
	fx->srec[1].frames = 0;
	assert_int_equal(lh->write(&fx->set, &cause), -1);
	assert_non_null(strstr(cause, "meeting"));
	free(cause);
	listing = corpus_listing(fx->out);
	assert_string_equal(listing, "");
	free(listing);
	corpus_fx_free(fx);
}

/* An empty set gives empty files (Kaldi's validation says so). */
static void
test_empty(void **state)
{
	static const char *const names[] = { "hf", "kaldi", "lhotse",
	    "nemo" };
	struct corpus_fx	*fx;
	char			*cause, *s, *path;

	(void)state;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		fx = corpus_fx_new(EXPORT_AUDIO_CUT, 0, 0);
		cause = NULL;
		if (fmt_find(names[i])->write(&fx->set, &cause) != 0)
			fail_msg("%s: %s", names[i], cause);
		corpus_fx_free(fx);
	}
	fx = corpus_fx_new(EXPORT_AUDIO_REF, 0, 0);
	assert_int_equal(fmt_find("kaldi")->write(&fx->set, &cause), 0);
	assert_int_equal(fmt_find("kaldi")->validate(fx->out, &cause), -1);
	assert_non_null(strstr(cause, "/utt2spk: empty"));
	free(cause);
	path = corpus_printf("%s/wav.scp", fx->out);
	s = corpus_slurp(path);
	assert_string_equal(s, "");
	free(s);
	free(path);
	corpus_fx_free(fx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_ref),
		cmocka_unit_test(test_write_cut),
		cmocka_unit_test(test_pad_and_channels),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_empty)
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
