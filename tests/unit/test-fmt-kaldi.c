/*
 * test-fmt-kaldi.c: Kaldi data directories: the writer against golden
 * directories written by hand, the pronunciation lexicon, refusals,
 * validate() on good and broken directories, and the reader.
 */
#include "unit.h"

#include "check.h"
#include "fmt.h"
#include "store.h"
#include "corpus.h"

static const struct fmt_ops *
kaldi(void)
{
	const struct fmt_ops	*ops = fmt_find("kaldi");

	assert_non_null(ops);
	assert_true(ops->corpus);
	assert_non_null(ops->write);
	assert_non_null(ops->read);
	assert_non_null(ops->validate);
	return ops;
}

static void
write_ok(struct corpus_fx *fx)
{
	char	*cause = NULL;

	if (kaldi()->write(&fx->set, &cause) != 0)
		fail_msg("write: %s", cause);
}

static void
validate_ok(const char *dir)
{
	char	*cause = NULL;

	if (kaldi()->validate(dir, &cause) != 0)
		fail_msg("validate %s: %s", dir, cause);
}

/* Write fails with a message holding each of the strings given. */
static void
write_fails(struct corpus_fx *fx, const char *want1, const char *want2)
{
	char	*cause = NULL, *listing;

	assert_int_equal(kaldi()->write(&fx->set, &cause), -1);
	assert_non_null(cause);
	if (strstr(cause, want1) == NULL || (want2 != NULL &&
	    strstr(cause, want2) == NULL))
		fail_msg("'%s' lacks '%s' / '%s'", cause, want1,
		    want2 != NULL ? want2 : "");
	free(cause);
	/* nothing was written, not even a temporary file */
	listing = corpus_listing(fx->out);
	assert_string_equal(listing, "");
	free(listing);
}

/* What Kaldi's own checks do with sort, under LC_ALL=C. */
static void
sort_checks(const char *dir)
{
	static const char *const files[] = { "wav.scp", "segments", "text",
	    "utt2spk", "spk2utt", "spk2gender", "utt2lang",
	    "reco2file_and_channel" };

	if (!corpus_have("sort") || !corpus_have("awk"))
		return;
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		assert_int_equal(corpus_sh("cd '%s' && { ! test -f %s || "
		    "awk '{print $1}' %s | LC_ALL=C sort -uC; }", dir,
		    files[i], files[i]), 0);
	}
	assert_int_equal(corpus_sh("cd '%s' && LC_ALL=C sort -k2 -C utt2spk",
	    dir), 0);
	/* spk2utt gives utt2spk back, line for line */
	assert_int_equal(corpus_sh("cd '%s' && awk '{for (i = 2; i <= NF; "
	    "i++) print $i, $1}' spk2utt | cmp -s - utt2spk", dir), 0);
	/* the same utterances in text, utt2spk and utt2lang */
	assert_int_equal(corpus_sh("cd '%s' && t=$(mktemp -d) && "
	    "awk '{print $1}' utt2spk > $t/spk && for f in text utt2lang; do "
	    "test -f $f || continue; awk '{print $1}' $f > $t/k; "
	    "cmp -s $t/k $t/spk || exit 1; done; rm -rf $t", dir), 0);
}

/* Zero crossings per second of a mono 16-bit file, and its frames. */
static double
crossings(const char *path, int64_t *frames)
{
	SF_INFO	 info = { 0 };
	SNDFILE	*sf = sf_open(path, SFM_READ, &info);
	short	 buf[4096];
	sf_count_t n;
	int64_t	 z = 0, total = 0;
	short	 prev = 0;

	if (sf == NULL)
		fail_msg("%s: %s", path, sf_strerror(NULL));
	assert_int_equal(info.channels, 1);
	assert_int_equal(info.format & SF_FORMAT_SUBMASK, SF_FORMAT_PCM_16);
	while ((n = sf_readf_short(sf, buf, 4096)) > 0) {
		for (sf_count_t i = 0; i < n; i++) {
			if ((prev < 0) != (buf[i] < 0) && total + i > 0)
				z++;
			prev = buf[i];
		}
		total += n;
	}
	sf_close(sf);
	*frames = total;
	return (double)z / ((double)total / info.samplerate);
}

/* Runs the command of wav.scp's line for meeting through sh. */
static void
run_wav_command(struct corpus_fx *fx)
{
	char	*scp, *content, *line, *end, *wav;
	int64_t	 frames;
	double	 zc;

	if (!corpus_have("sox"))
		return;
	scp = corpus_printf("%s/wav.scp", fx->out);
	content = corpus_slurp(scp);
	line = strstr(content, "\nmeeting ") + 9;
	end = strstr(line, " |\n");
	*end = '\0';
	wav = corpus_printf("%s/meeting.wav", fx->root);
	assert_int_equal(corpus_sh("%s > '%s'", line, wav), 0);
	zc = crossings(wav, &frames);
	assert_int_equal(frames, 573301);
	/* remix 2 is the second channel: 440 Hz, 880 crossings a second */
	if (zc < 870 || zc > 890)
		fail_msg("%g crossings a second", zc);
	free(content);
	free(scp);
	free(wav);
}

static void
test_write_ref(void **state)
{
	struct corpus_fx	*fx = corpus_fx_new(EXPORT_AUDIO_REF,
				    CORPUS_ALL, 1);

	(void)state;
	write_ok(fx);
	corpus_compare(fx, "kaldi/ref", "");
	validate_ok(fx->out);
	sort_checks(fx->out);
	run_wav_command(fx);
	corpus_fx_free(fx);
}

static void
test_write_cut(void **state)
{
	struct corpus_fx	*fx = corpus_fx_new(EXPORT_AUDIO_CUT, 0x19, 0);

	(void)state;
	write_ok(fx);
	corpus_compare(fx, "kaldi/cut", "");
	validate_ok(fx->out);
	sort_checks(fx->out);
	corpus_fx_free(fx);
}

static void
test_write_lexicon(void **state)
{
	struct corpus_fx	*fx = corpus_fx_new(EXPORT_AUDIO_REF,
				    CORPUS_ALL, 1);
	char			*project, *cause = NULL, *bad;
	struct store		*s;
	FILE			*f;

	(void)state;
	project = corpus_printf("%s/p.tingxie", fx->root);
	if ((s = store_create(project, &cause)) == NULL)
		fail_msg("%s", cause);
	fx->set.store = s;
	fx->set.checker = checker_new(s, CORPUS_GOLDEN "/kaldi/lexicons");
	write_ok(fx);
	corpus_compare(fx, "kaldi/ref", "lexicon.txt oov.txt");
	corpus_compare_file(fx, "kaldi/lexicon/lexicon.txt", "lexicon.txt");
	corpus_compare_file(fx, "kaldi/lexicon/oov.txt", "oov.txt");
	validate_ok(fx->out);
	checker_free(fx->set.checker);

	/* a lexicon that cannot be read fails the export, naming its line */
	bad = corpus_printf("%s/badlex", fx->root);
	mkdir(bad, 0777);
	free(project);
	project = corpus_printf("%s/en.tsv", bad);
	f = fopen(project, "w");
	fputs("hello\tHH AH0 L OW1\nworld\tW ER1 L D\tlots\n", f);
	fclose(f);
	unit_rmtree(fx->out);
	mkdir(fx->out, 0777);
	fx->set.checker = checker_new(s, bad);
	write_fails(fx, "en.tsv:2", NULL);
	checker_free(fx->set.checker);
	store_close(s);
	free(project);
	free(bad);
	corpus_fx_free(fx);
}

static void
test_write_refused(void **state)
{
	struct corpus_fx	*fx;
	char			*saved, *path;

	(void)state;
	fx = corpus_fx_new(EXPORT_AUDIO_REF, CORPUS_ALL, 0);
	saved = fx->items[0].text;
	fx->items[0].text = strdup("今天\xe3\x80\x80天气");	/* U+3000 */
	write_fails(fx, "A01-market-000001000-000002501", "U+3000");
	free(fx->items[0].text);
	fx->items[0].text = strdup("<s> 今天");
	write_fails(fx, "A01-market-000001000-000002501", "<s>");
	free(fx->items[0].text);
	fx->items[0].text = strdup("今天\r");
	write_fails(fx, "A01-market-000001000-000002501", "CR");
	free(fx->items[0].text);
	fx->items[0].text = saved;

	/* paths Kaldi cannot take */
	path = fx->recs[1].path;
	fx->recs[1].path = (char *)"~/meeting.flac";
	write_fails(fx, "meeting", "'~'");
	fx->recs[1].path = (char *)"/data/two\nlines.flac";
	write_fails(fx, "meeting", "control character");
	fx->recs[1].path = path;

	/* speakers that sort unlike their utterances */
	fx->spks[1].id = "Z99";
	write_fails(fx, "B02-meeting-000000500-000001250 (speaker Z99)",
	    "C03");
	fx->spks[1].id = "B02";

	/* two utterances, one id */
	free(fx->items[1].id);
	fx->items[1].id = strdup(fx->items[0].id);
	write_fails(fx, "two utterances have the id", fx->items[0].id);
	free(fx->items[1].id);
	fx->items[1].id = strdup(corpus_items[1].id);

	/* under a millisecond: 16000-16007 frames are 1000 ms both */
	fx->items[0].end = 16007;
	write_fails(fx, "shorter than a millisecond", NULL);
	corpus_fx_free(fx);

	/* cut audio, but an item without its file */
	fx = corpus_fx_new(EXPORT_AUDIO_CUT, CORPUS_ALL, 0);
	free(fx->items[2].audio);
	fx->items[2].audio = NULL;
	write_fails(fx, "C03-market-000005000-000007250", "no audio file");
	corpus_fx_free(fx);
}

/* Mixed channels give remix -, and a file Kaldi cannot read a pipe. */
static void
test_write_mix(void **state)
{
	struct corpus_fx	*fx = corpus_fx_new(EXPORT_AUDIO_REF,
				    CORPUS_ALL, 0);
	char			*path, *s, *want;

	(void)state;
	fx->segs[3].channel = -1;
	write_ok(fx);
	path = corpus_printf("%s/wav.scp", fx->out);
	s = corpus_slurp(path);
	/* no market.wav on disk: it is not known to be 16-bit */
	want = corpus_printf("market sox '%s/audio/market.wav' -t wav -b 16 "
	    "-c 1 - |\nmeeting sox '%s/audio/Zoë'\\''s meeting.flac' -t wav "
	    "-b 16 -c 1 - remix - |\n", fx->root, fx->root);
	assert_string_equal(s, want);
	free(s);
	free(path);
	path = corpus_printf("%s/reco2file_and_channel", fx->out);
	s = corpus_slurp(path);
	assert_string_equal(s, "market market A\nmeeting meeting A\n");
	free(s);
	free(path);
	free(want);
	validate_ok(fx->out);
	corpus_fx_free(fx);
}

static void
test_validate_good(void **state)
{
	(void)state;
	validate_ok(CORPUS_GOLDEN "/kaldi/ref");
	validate_ok(CORPUS_GOLDEN "/kaldi/cut");
	validate_ok(CORPUS_GOLDEN "/kaldi/librispeech");
	sort_checks(CORPUS_GOLDEN "/kaldi/librispeech");
}

/* One change to a copy of a golden directory; old NULL removes file. */
struct edit {
	const char	*file;
	const char	*old;
	const char	*new;
};

struct broken {
	const char	*golden;
	struct edit	 edits[3];
	const char	*want;		/* in the message, after the dir */
	const char	*also;
};

static const struct broken validate_cases[] = {
	{ "kaldi/ref", { { "text", "好 的 很好\n", "好 的 很好" } },
	    "/text:5: ", "newline" },
	{ "kaldi/ref", { { "text", "A01-market-000001000-000002501 今天",
	    "ZZZ 今天" } }, "/text:2: ", "sorted in byte order" },
	{ "kaldi/ref", { { "utt2lang", "A01-meeting-000010000-000012346 "
	    "cmn-Hans", "A01-market-000001000-000002501 cmn-Hans" } },
	    "/utt2lang:2: ", "unique" },
	{ "kaldi/ref", { { "text", "Hello world Hello\n",
	    "Hello world Hello\n\n" } }, "/text:4: ", "blank line" },
	{ "kaldi/ref", { { "segments", "market 3.200 4.000", "market 3.200" } },
	    "/segments:5: ", "3 fields" },
	{ "kaldi/ref", { { "segments", "meeting 0.500 1.250",
	    "meeting 1.250 0.500" } }, "/segments:3: ",
	    "end 0.500 is not after the start 1.250" },
	{ "kaldi/ref", { { "segments", "1.000 2.501", "1,000 2.501" } },
	    "/segments:1: ", "seconds" },
	{ "kaldi/ref", { { "text", "Hello world Hello\n",
	    "Hello world Hello\r\n" } }, "/text:3: ", "carriage return" },
	{ "kaldi/ref", { { "text", "今天 天气", "今天\xe3\x80\x80天气" } },
	    "/text:1: ", "U+3000" },
	{ "kaldi/ref", { { "text", "Hello world Hello", "<s> Hello world" } },
	    "/text:3: ", "<s>" },
	{ "kaldi/ref", { { "text", "很好\nA01-meeting", "很好 #0\nA01-meeting" } },
	    "/text:1: ", "#0" },
	{ "kaldi/ref", { { "wav.scp", "market @ROOT@/audio/market.wav",
	    "market ~/market.wav" } }, "/wav.scp:1: ", "'~'" },
	{ "kaldi/ref", { { "utt2spk", "B02-meeting-000000500-000001250 B02",
	    "B02-meeting-000000500-000001250 D04" } }, "/utt2spk:4: ",
	    "sort -k2 -C" },
	{ "kaldi/ref", { { "utt2spk", "C03-market-000005000-000007250 C03\n",
	    "" }, { "spk2utt", "C03 C03-market-000005000-000007250\n", "" },
	    { "segments", "C03-market-000005000-000007250 market 5.000 "
	    "7.250\n", "" } }, "/text:4: ",
	    "C03-market-000005000-000007250 is not in" },
	{ "kaldi/ref", { { "spk2utt", "A01 A01-market-000001000-000002501 "
	    "A01-meeting-000010000-000012346", "A01 A01-meeting-"
	    "000010000-000012346 A01-market-000001000-000002501" } },
	    "/spk2utt:1: ", "utt2spk:1" },
	{ "kaldi/ref", { { "wav.scp", "meeting sox", "zeeting sox" },
	    { "reco2file_and_channel", "meeting meeting", "zeeting meeting" } },
	    "/segments:2: ", "recording meeting is not in" },
	{ "kaldi/ref", { { "reco2file_and_channel", NULL, NULL },
	    { "wav.scp", "remix 2 |\n", "remix 2 |\nzoo /x.wav\n" } },
	    "/wav.scp:3: ", "recording zoo has no segments" },
	{ "kaldi/ref", { { "utt2spk", NULL, NULL } }, "/utt2spk: ",
	    "no such file" },
	{ "kaldi/ref", { { "utt2lang", "B02-meeting-000000500-000001250 en\n",
	    "" } }, "/utt2spk:3: ", "B02-meeting-000000500-000001250 is not "
	    "in" },
	{ "kaldi/ref", { { "reco2file_and_channel", "meeting meeting B",
	    "meeting meeting C" } }, "/reco2file_and_channel:2: ",
	    "A, B or 1" },
	{ "kaldi/cut", { { "spk2gender", "A01 m", "A01 male" } },
	    "/spk2gender:1: ", "m or f" },
	{ "kaldi/cut", { { "spk2gender", "B02 f\n", "" } }, "/spk2utt:2: ",
	    "speaker B02 is not in" },
	/* espnet's data_example: an utterance with no audio */
	{ "kaldi/cut", { { "wav.scp", "B02-meeting-000000500-000001250 "
	    "@ROOT@/out/audio/B02-meeting-000000500-000001250.wav\n", "" } },
	    "/utt2spk:3: ", "is not in" },
	{ "kaldi/librispeech", { { "utt2dur", "7.5", "0" } }, "/utt2dur:3: ",
	    "positive" }
};

/* Makes a broken copy of a golden directory in dir. */
static void
break_copy(struct corpus_fx *fx, const struct broken *b, const char *dir)
{
	char	*path, *s, *at, *t, *old, *new;

	unit_rmtree(dir);
	corpus_copy(fx, b->golden, dir);
	for (int i = 0; i < 3 && b->edits[i].file != NULL; i++) {
		const struct edit *e = &b->edits[i];

		path = corpus_printf("%s/%s", dir, e->file);
		if (e->old == NULL) {
			unlink(path);
			free(path);
			continue;
		}
		s = corpus_slurp(path);
		old = corpus_subst(e->old, fx->root);
		new = corpus_subst(e->new, fx->root);
		if ((at = strstr(s, old)) == NULL)
			fail_msg("%s: no '%s'", path, old);
		*at = '\0';
		t = corpus_printf("%s%s%s", s, new, at + strlen(old));
		free(old);
		free(new);
		corpus_spit(path, t);
		free(t);
		free(s);
		free(path);
	}
}

static void
test_validate_bad(void **state)
{
	struct corpus_fx	*fx = corpus_fx_new(EXPORT_AUDIO_REF, 0, 0);
	char			*dir, *cause, *want;

	(void)state;
	dir = corpus_printf("%s/broken", fx->root);
	for (size_t i = 0; i < sizeof validate_cases /
	    sizeof *validate_cases; i++) {
		const struct broken *b = &validate_cases[i];

		break_copy(fx, b, dir);
		cause = NULL;
		if (kaldi()->validate(dir, &cause) == 0)
			fail_msg("case %zu passed validation", i);
		want = corpus_printf("%s%s", dir, b->want);
		if (strncmp(cause, want, strlen(want)) != 0 ||
		    strstr(cause, b->also) == NULL)
			fail_msg("case %zu: '%s' is not '%s...%s'", i, cause,
			    want, b->also);
		free(want);
		free(cause);
	}
	free(dir);
	corpus_fx_free(fx);
}

/* ---- reading ---- */

static void
assert_seg(const struct import_segment *g, const char *rec,
    const char *start, const char *end, const char *spk, const char *lang,
    const char *text, long line)
{
	if (rec == NULL)
		assert_null(g->recording);
	else
		assert_string_equal(g->recording, rec);
	assert_string_equal(g->start, start);
	if (end == NULL)
		assert_null(g->end);
	else
		assert_string_equal(g->end, end);
	if (spk == NULL)
		assert_null(g->speaker);
	else
		assert_string_equal(g->speaker, spk);
	if (lang == NULL)
		assert_null(g->lang);
	else
		assert_string_equal(g->lang, lang);
	assert_null(g->dialect);
	assert_string_equal(g->text, text);
	assert_int_equal(g->channel, -1);
	assert_int_equal(g->line, line);
}

static void
read_ok(const char *dir, struct import_doc *doc)
{
	char	*cause = NULL;

	memset(doc, 0, sizeof *doc);
	if (kaldi()->read(dir, doc, &cause) != 0)
		fail_msg("read %s: %s", dir, cause);
	assert_int_equal(doc->machine, 0);
	assert_null(doc->media);
}

static void
test_read_golden(void **state)
{
	struct import_doc	doc;

	(void)state;
	read_ok(CORPUS_GOLDEN "/kaldi/ref", &doc);
	assert_int_equal(doc.nsegs, 5);
	assert_seg(&doc.segs[0], "market", "1.000", "2.501", "A01",
	    "cmn-Hans", "今天 天气 很好", 1);
	assert_seg(&doc.segs[1], "meeting", "10.000", "12.346", "A01",
	    "cmn-Hans", "我们 开会 吧", 2);
	assert_seg(&doc.segs[2], "meeting", "0.500", "1.250", "B02", "en",
	    "Hello world Hello", 3);
	assert_seg(&doc.segs[3], "market", "5.000", "7.250", "C03", "en",
	    "it's \"quoted\", <b> & café👍", 4);
	assert_seg(&doc.segs[4], "market", "3.200", "4.000", NULL, NULL,
	    "好 的 很好", 5);
	assert_int_equal(doc.nspks, 3);
	assert_string_equal(doc.spks[0].code, "A01");
	assert_string_equal(doc.spks[1].code, "B02");
	assert_string_equal(doc.spks[2].code, "C03");
	for (int i = 0; i < 3; i++)
		assert_null(doc.spks[i].gender);
	import_doc_free(&doc);

	/* no segments: each utterance is its own recording, to its end */
	read_ok(CORPUS_GOLDEN "/kaldi/cut", &doc);
	assert_int_equal(doc.nsegs, 3);
	assert_seg(&doc.segs[2], "B02-meeting-000000500-000001250", "0", NULL,
	    "B02", "en", "Hello world Hello", 3);
	assert_int_equal(doc.nspks, 2);
	assert_string_equal(doc.spks[0].gender, "m");
	assert_string_equal(doc.spks[1].gender, "f");
	import_doc_free(&doc);

	read_ok(CORPUS_GOLDEN "/kaldi/librispeech", &doc);
	assert_int_equal(doc.nsegs, 3);
	assert_seg(&doc.segs[0], "lbi-1272-135031-0000", "0", "10.885",
	    "lbi-1272-135031", NULL, "BECAUSE YOU WERE SLEEPING INSTEAD OF "
	    "CONQUERING THE LOVELY ROSE PRINCESS", 1);
	assert_seg(&doc.segs[1], "lbi-1272-135031-0001", "0", "5.11",
	    "lbi-1272-135031", NULL, "HE HAD NEVER BEEN FATHER\tLOVER "
	    "HUSBAND FRIEND", 2);
	assert_seg(&doc.segs[2], "lbi-2086-149220-0000", "0.25", "7.5",
	    "lbi-2086-149220", NULL, "THE GARDEN WAS LOVELY", 3);
	assert_int_equal(doc.nspks, 2);
	assert_string_equal(doc.spks[1].code, "lbi-2086-149220");
	assert_string_equal(doc.spks[1].gender, "f");
	import_doc_free(&doc);
}

static const struct broken read_cases[] = {
	{ "kaldi/ref", { { "segments", "market 3.200 4.000", "market 3.200" } },
	    "/segments:5: ", "3 fields where 4 are needed" },
	{ "kaldi/ref", { { "segments", "meeting 0.500 1.250",
	    "meeting 1.250 0.500" } }, "/segments:3: ",
	    "end 0.500 is not after the start 1.250" },
	{ "kaldi/ref", { { "segments", "meeting 0.500 1.250",
	    "meeting 0.500 0.5" } }, "/segments:3: ", "not after" },
	{ "kaldi/ref", { { "segments", "1.000 2.501", "1,000 2.501" } },
	    "/segments:1: ", "start '1,000' is not a number" },
	{ "kaldi/ref", { { "utt2spk", "C03-market-000005000-000007250 C03\n",
	    "" } }, "/text:4: ", "C03-market-000005000-000007250 is not in" },
	{ "kaldi/ref", { { "utt2spk", "C03-market-000005000-000007250 C03",
	    "C03-market-000005000-000007250 C03\nzz-1 C03" } },
	    "/utt2spk:5: ", "zz-1 is not in" },
	{ "kaldi/ref", { { "text", "好 的 很好\n", "好 的 很好\n"
	    "A01-market-000001000-000002501 again\n" } }, "/text:6: ",
	    "there already, on line 1" },
	{ "kaldi/ref", { { "utt2lang", "B02-meeting-000000500-000001250 en",
	    "B02-meeting-000000500-000001250 en fr" } }, "/utt2lang:3: ",
	    "3 fields" },
	{ "kaldi/cut", { { "spk2gender", "A01 m", "A01 x" } },
	    "/spk2gender:1: ", "neither m nor f" },
	{ "kaldi/ref", { { "text", NULL, NULL } }, "/text: ",
	    "no such file" },
	{ "kaldi/librispeech", { { "segments", NULL, NULL },
	    { "utt2dur", "7.5", "7.5s" } }, "/utt2dur:3: ",
	    "duration '7.5s' is not a number" }
};

static void
test_read_bad(void **state)
{
	struct corpus_fx	*fx = corpus_fx_new(EXPORT_AUDIO_REF, 0, 0);
	struct import_doc	 doc;
	char			*dir, *cause, *want;

	(void)state;
	dir = corpus_printf("%s/broken", fx->root);
	for (size_t i = 0; i < sizeof read_cases / sizeof *read_cases; i++) {
		const struct broken *b = &read_cases[i];

		break_copy(fx, b, dir);
		cause = NULL;
		memset(&doc, 0, sizeof doc);
		if (kaldi()->read(dir, &doc, &cause) == 0)
			fail_msg("case %zu was read", i);
		assert_int_equal(doc.nsegs, 0);
		want = corpus_printf("%s%s", dir, b->want);
		if (strncmp(cause, want, strlen(want)) != 0 ||
		    strstr(cause, b->also) == NULL)
			fail_msg("case %zu: '%s' is not '%s...%s'", i, cause,
			    want, b->also);
		free(want);
		free(cause);
	}
	/* a file is not a data directory */
	cause = NULL;
	assert_int_equal(kaldi()->read(CORPUS_GOLDEN "/kaldi/ref/text", &doc,
	    &cause), -1);
	assert_non_null(strstr(cause, "not a directory"));
	free(cause);
	free(dir);
	corpus_fx_free(fx);
}

/* Written, then read: the same segments, at millisecond precision. */
static void
test_round_trip(void **state)
{
	struct corpus_fx	*fx = corpus_fx_new(EXPORT_AUDIO_REF,
				    CORPUS_ALL, 0);
	struct import_doc	 doc;
	char			 s[32], e[32];

	(void)state;
	write_ok(fx);
	read_ok(fx->out, &doc);
	assert_int_equal(doc.nsegs, fx->set.nitems);
	for (size_t i = 0; i < doc.nsegs; i++) {
		const struct import_segment	*g = &doc.segs[i];
		const struct export_item	*it = NULL;

		for (size_t j = 0; j < fx->set.nitems; j++) {
			if (strcmp(fx->items[j].text, g->text) == 0)
				it = &fx->items[j];
		}
		if (it == NULL)
			fail_msg("no item has the text %s", g->text);
		if (it == NULL)
			abort();
		assert_string_equal(g->recording, it->rec->id);
		assert_string_equal(g->start, fmt_seconds(it->start,
		    it->rec->rec->rate, s, sizeof s));
		assert_string_equal(g->end, fmt_seconds(it->end,
		    it->rec->rec->rate, e, sizeof e));
		if (it->spk == NULL)
			assert_null(g->speaker);
		else
			assert_string_equal(g->speaker, it->spk->id);
		if (it->lang == NULL)
			assert_null(g->lang);
		else
			assert_string_equal(g->lang, it->lang);
	}
	import_doc_free(&doc);
	corpus_fx_free(fx);
}

/* Tolerated on reading: CRLF line ends, several blanks, unsorted keys. */
static void
test_read_lenient(void **state)
{
	struct corpus_fx	*fx = corpus_fx_new(EXPORT_AUDIO_REF, 0, 0);
	struct import_doc	 doc;
	char			*dir = corpus_printf("%s/d", fx->root), *p;

	(void)state;
	mkdir(dir, 0777);
	p = corpus_printf("%s/text", dir);
	corpus_spit(p, "u2  second line\r\nu1\tfirst\r\n");
	free(p);
	p = corpus_printf("%s/utt2spk", dir);
	corpus_spit(p, "u1 s1\r\nu2   u2  \r\n");
	free(p);
	p = corpus_printf("%s/segments", dir);
	corpus_spit(p, "u1 r 007.50 8\r\nu2 r .5 1.\r\n");
	free(p);
	read_ok(dir, &doc);
	assert_int_equal(doc.nsegs, 2);
	assert_seg(&doc.segs[0], "r", "0.5", "1", NULL, NULL,
	    "second line", 1);
	assert_seg(&doc.segs[1], "r", "7.50", "8", "s1", NULL, "first", 2);
	import_doc_free(&doc);
	free(dir);
	corpus_fx_free(fx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_ref),
		cmocka_unit_test(test_write_cut),
		cmocka_unit_test(test_write_lexicon),
		cmocka_unit_test(test_write_refused),
		cmocka_unit_test(test_write_mix),
		cmocka_unit_test(test_validate_good),
		cmocka_unit_test(test_validate_bad),
		cmocka_unit_test(test_read_golden),
		cmocka_unit_test(test_read_bad),
		cmocka_unit_test(test_read_lenient),
		cmocka_unit_test(test_round_trip)
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
