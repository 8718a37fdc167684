/*
 * test-audio-cut.c: cutting pieces out of recordings: bit-exact copies,
 * channels and the mix, resampling (length and pitch), FLAC, seeking, and
 * the refusals.
 */
#include "unit.h"

#include <sys/stat.h>

#include <dirent.h>

#include "audio-cut.h"

struct fixture {
	char	*dir;
};

struct sound {
	int		 rate;
	int		 channels;
	int		 format;
	int64_t		 frames;
	int16_t		*s;	/* interleaved */
};

static int
setup(void **state)
{
	struct fixture	*fx = calloc(1, sizeof *fx);

	fx->dir = unit_tmpdir();
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	unit_rmtree(fx->dir);
	free(fx->dir);
	free(fx);
	return 0;
}

static char *
in_dir(const struct fixture *fx, const char *name)
{
	char	*p;

	if (asprintf(&p, "%s/%s", fx->dir, name) < 0)
		abort();
	return p;
}

/* Reads a whole file's samples as 16-bit integers. */
static void
load(const char *path, struct sound *snd)
{
	SF_INFO	 info = { 0 };
	SNDFILE	*sf;

	if ((sf = sf_open(path, SFM_READ, &info)) == NULL)
		fail_msg("%s: %s", path, sf_strerror(NULL));
	snd->rate = info.samplerate;
	snd->channels = info.channels;
	snd->format = info.format;
	snd->frames = info.frames;
	snd->s = calloc((size_t)info.frames + 1, sizeof *snd->s *
	    (size_t)info.channels);
	assert_int_equal(sf_readf_short(sf, snd->s, info.frames), info.frames);
	sf_close(sf);
}

/* Writes frames of interleaved samples as 16-bit PCM. */
static void
save(const char *path, int format, int rate, int channels,
    const int16_t *s, int64_t frames)
{
	SF_INFO	 info = { 0 };
	SNDFILE	*sf;

	info.samplerate = rate;
	info.channels = channels;
	info.format = format | SF_FORMAT_PCM_16;
	if ((sf = sf_open(path, SFM_WRITE, &info)) == NULL)
		fail_msg("%s: %s", path, sf_strerror(NULL));
	assert_int_equal(sf_writef_short(sf, s, frames), frames);
	sf_close(sf);
}

static struct audio_cutter *
cutter(const char *path, int rate, int flac)
{
	struct audio_cutter	*c;
	char			*cause = NULL;

	if ((c = audio_cutter_new(path, rate, flac, &cause)) == NULL)
		fail_msg("%s", cause);
	return c;
}

static void
cut(struct audio_cutter *c, int64_t from, int64_t to, int ch,
    const char *path)
{
	char	*cause = NULL;

	if (audio_cut(c, from, to, ch, path, &cause) != 0)
		fail_msg("%s", cause);
}

/* Asserts that piece holds channel ch of src from frame from on. */
static void
assert_piece(const char *piece, const struct sound *src, int64_t from,
    int64_t to, int ch)
{
	struct sound	got;

	load(piece, &got);
	assert_int_equal(got.channels, 1);
	assert_int_equal(got.rate, src->rate);
	assert_int_equal(got.frames, to - from);
	for (int64_t i = 0; i < got.frames; i++) {
		if (got.s[i] != src->s[(from + i) * src->channels + ch])
			fail_msg("%s: frame %lld is %d, not %d", piece,
			    (long long)i, got.s[i],
			    src->s[(from + i) * src->channels + ch]);
	}
	free(got.s);
}

static void
assert_same_file(const char *a, const char *b)
{
	struct sound	x, y;

	load(a, &x);
	load(b, &y);
	assert_int_equal(x.frames, y.frames);
	assert_int_equal(x.rate, y.rate);
	assert_memory_equal(x.s, y.s, (size_t)x.frames * sizeof *x.s);
	free(x.s);
	free(y.s);
}

static int
count_entries(const char *dir)
{
	DIR		*d = opendir(dir);
	struct dirent	*de;
	int		 n = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		n += strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
	closedir(d);
	return n;
}

static void
expect_error(char *cause, const char *name, const char *what)
{
	assert_non_null(cause);
	if (strstr(cause, name) == NULL || strstr(cause, what) == NULL)
		fail_msg("expected '%s' naming %s, got: %s", what, name, cause);
	free(cause);
}

/* ---- copies ---- */

static void
test_copy(void **state)
{
	struct fixture		*fx = *state;
	struct audio_cutter	*c;
	struct sound		 src;
	char			*in = in_dir(fx, "in.wav"), *a = in_dir(fx, "a.wav");
	char			*b = in_dir(fx, "b.wav");

	/* Three chunks and more, so that a piece spans chunks. */
	unit_write_tone(in, SF_FORMAT_WAV, 16000, 1, 200000, 440);
	load(in, &src);
	c = cutter(in, 16000, 0);
	cut(c, 1000, 150001, -1, a);
	assert_piece(a, &src, 1000, 150001, 0);
	cut(c, 0, 1, 0, b);
	assert_piece(b, &src, 0, 1, 0);
	cut(c, 199999, 200000, 0, b);
	assert_piece(b, &src, 199999, 200000, 0);
	audio_cutter_free(c);
	/* Nothing but the pieces: no temporary file left. */
	assert_int_equal(count_entries(fx->dir), 3);
	free(src.s);
	free(in);
	free(a);
	free(b);
}

static void
test_channel(void **state)
{
	struct fixture		*fx = *state;
	struct audio_cutter	*c;
	struct sound		 src;
	char			*in = in_dir(fx, "st.wav"), *a = in_dir(fx, "a.wav");

	/* 440 Hz left, 880 Hz right. */
	unit_write_tone(in, SF_FORMAT_WAV, 16000, 2, 100000, 440);
	load(in, &src);
	c = cutter(in, 16000, 0);
	cut(c, 2000, 90000, 1, a);
	assert_piece(a, &src, 2000, 90000, 1);
	cut(c, 2000, 90000, 0, a);
	assert_piece(a, &src, 2000, 90000, 0);
	audio_cutter_free(c);
	free(src.s);
	free(in);
	free(a);
}

static void
test_mix(void **state)
{
	struct fixture		*fx = *state;
	struct audio_cutter	*c;
	struct sound		 got;
	/* Pairs whose mean is odd (half away from zero), and the extremes. */
	static const int16_t	 st[] = { 0, 0, 1, 2, -1, -2, 3, 0, -3, 0,
	    32767, 32767, -32768, -32768, 32767, -32768, -32768, 32767,
	    32767, 32766, 100, -101 };
	static const int16_t	 mixed[] = { 0, 2, -2, 2, -2, 32767, -32768,
	    -1, -1, 32767, -1 };
	static const int16_t	 tri[] = { 1, 1, 1, 1, 1, 0, -1, -1, 0,
	    32767, 32767, 32767, -32768, -32768, -32767 };
	static const int16_t	 trimixed[] = { 1, 1, -1, 32767, -32768 };
	char			*in = in_dir(fx, "mix.wav"), *a = in_dir(fx, "a.wav");

	save(in, SF_FORMAT_WAV, 8000, 2, st, 11);
	c = cutter(in, 8000, 0);
	cut(c, 0, 11, -1, a);
	audio_cutter_free(c);
	load(a, &got);
	assert_int_equal(got.frames, 11);
	assert_memory_equal(got.s, mixed, sizeof mixed);
	free(got.s);

	/* Three channels: 2/3 rounds to 1, -2/3 to -1. */
	save(in, SF_FORMAT_WAV, 8000, 3, tri, 5);
	c = cutter(in, 8000, 0);
	cut(c, 0, 5, -1, a);
	audio_cutter_free(c);
	load(a, &got);
	assert_int_equal(got.frames, 5);
	assert_memory_equal(got.s, trimixed, sizeof trimixed);
	free(got.s);

	/* A mono file's mix is itself. */
	unit_write_tone(in, SF_FORMAT_WAV, 8000, 1, 8000, 300);
	load(in, &got);
	c = cutter(in, 8000, 0);
	cut(c, 10, 7000, -1, a);
	audio_cutter_free(c);
	assert_piece(a, &got, 10, 7000, 0);
	free(got.s);
	free(in);
	free(a);
}

/* ---- resampling ---- */

/* Frequency from the rising zero crossings of the middle of a piece. */
static double
frequency(const struct sound *snd, int16_t *peak)
{
	int64_t	from = snd->frames / 4, to = snd->frames * 3 / 4;
	int64_t	first = -1, last = -1, n = 0;

	*peak = 0;
	for (int64_t i = from; i < to; i++) {
		if (abs(snd->s[i]) > *peak)
			*peak = (int16_t)abs(snd->s[i]);
		if (snd->s[i - 1] < 0 && snd->s[i] >= 0) {
			if (first < 0)
				first = i;
			else
				n++;
			last = i;
		}
	}
	assert_true(n > 10);
	return (double)n * snd->rate / (double)(last - first);
}

static void
test_resample(void **state)
{
	struct fixture		*fx = *state;
	struct audio_cutter	*c;
	struct sound		 got;
	static const int64_t	 lengths[] = { 1, 2, 3, 7, 441, 12345, 44100,
	    65536, 65537, 150001 };
	char			*in = in_dir(fx, "in.wav"), *a = in_dir(fx, "a.wav");
	int64_t			 want;
	double			 hz;
	int16_t			 peak;

	unit_write_tone(in, SF_FORMAT_WAV, 44100, 2, 44100 * 5, 440);
	c = cutter(in, 16000, 0);
	for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
		cut(c, 1000, 1000 + lengths[i], 0, a);
		load(a, &got);
		want = (lengths[i] * 16000 * 2 + 44100) / (2 * 44100);
		if (got.frames != want)
			fail_msg("%lld frames at 44100 Hz gave %lld at 16000 Hz, "
			    "not %lld", (long long)lengths[i],
			    (long long)got.frames, (long long)want);
		assert_int_equal(got.rate, 16000);
		assert_int_equal(got.channels, 1);
		free(got.s);
	}
	/* The left channel's 440 Hz stays 440 Hz, at the same level. */
	cut(c, 0, 44100 * 4, 0, a);
	load(a, &got);
	assert_int_equal(got.frames, 64000);
	hz = frequency(&got, &peak);
	if (hz < 439.5 || hz > 440.5)
		fail_msg("a 440 Hz tone came out at %.2f Hz", hz);
	assert_in_range(peak, 16383 - 200, 16383 + 200);
	free(got.s);
	/* The mix: 440 and 880 Hz at half the level each. */
	cut(c, 0, 44100 * 4, -1, a);
	load(a, &got);
	hz = frequency(&got, &peak);
	assert_true(peak > 8000 && peak < 16383 + 200);
	free(got.s);
	audio_cutter_free(c);

	/* Upwards, more output than a chunk of input. */
	unit_write_tone(in, SF_FORMAT_WAV, 16000, 1, 16000 * 12, 440);
	c = cutter(in, 48000, 0);
	cut(c, 5, 16000 * 11 + 3, -1, a);
	load(a, &got);
	assert_int_equal(got.frames, (16000 * 11 - 2) * 3);
	hz = frequency(&got, &peak);
	if (hz < 439.5 || hz > 440.5)
		fail_msg("a 440 Hz tone came out at %.2f Hz", hz);
	free(got.s);
	audio_cutter_free(c);
	free(in);
	free(a);
}

static void
test_flac(void **state)
{
	struct fixture		*fx = *state;
	struct audio_cutter	*c;
	struct sound		 src, got;
	char			*in = in_dir(fx, "in.flac");
	char			*a = in_dir(fx, "a.flac"), *cmd, line[64];
	FILE			*p;

	unit_write_tone(in, SF_FORMAT_FLAC, 16000, 2, 100000, 440);
	load(in, &src);
	c = cutter(in, 16000, 1);
	cut(c, 3000, 83000, 1, a);
	audio_cutter_free(c);
	load(a, &got);
	assert_int_equal(got.format, SF_FORMAT_FLAC | SF_FORMAT_PCM_16);
	free(got.s);
	assert_piece(a, &src, 3000, 83000, 1);
	free(src.s);

	/* What sox makes of it, where sox is installed. */
	if (system("sox --version >/dev/null 2>&1") == 0) {
		assert_int_equal(asprintf(&cmd, "sox --i -s '%s'; sox --i -r "
		    "'%s'; sox --i -c '%s'; sox --i -b '%s'; sox --i -t '%s'",
		    a, a, a, a, a) > 0, 1);
		p = popen(cmd, "r");
		assert_non_null(p);
		assert_non_null(fgets(line, sizeof line, p));
		assert_string_equal(line, "80000\n");
		assert_non_null(fgets(line, sizeof line, p));
		assert_string_equal(line, "16000\n");
		assert_non_null(fgets(line, sizeof line, p));
		assert_string_equal(line, "1\n");
		assert_non_null(fgets(line, sizeof line, p));
		assert_string_equal(line, "16\n");
		assert_non_null(fgets(line, sizeof line, p));
		assert_string_equal(line, "flac\n");
		assert_int_equal(pclose(p), 0);
		free(cmd);
	} else
		fprintf(stderr, "test_flac: sox not installed, not checked\n");
	/* And flac's own decoder, which checks the stream's MD5. */
	if (system("flac --version >/dev/null 2>&1") == 0) {
		assert_int_equal(asprintf(&cmd, "flac -s -t '%s'", a) > 0, 1);
		assert_int_equal(system(cmd), 0);
		free(cmd);
	} else
		fprintf(stderr, "test_flac: flac not installed, not checked\n");
	free(in);
	free(a);
}

/* ---- order ---- */

/* Cuts pieces [from[i], to[i]) in the order given, into names[i]. */
static void
cut_all(const char *in, int rate, const int64_t (*spans)[2],
    const int *order, size_t n, char **names)
{
	struct audio_cutter	*c = cutter(in, rate, 0);

	for (size_t i = 0; i < n; i++)
		cut(c, spans[order[i]][0], spans[order[i]][1], -1,
		    names[order[i]]);
	audio_cutter_free(c);
}

static void
test_order(void **state)
{
	struct fixture	*fx = *state;
	struct sound	 src;
	/* Gaps: read through (4000), a chunk (exactly), a seek (beyond). */
	static const int64_t	 spans[][2] = { { 1000, 5000 },
	    { 9000, 90000 }, { 155536, 170000 }, { 250000, 299999 } };
	static const int	 forward[] = { 0, 1, 2, 3 };
	static const int	 mixed[] = { 3, 0, 2, 1 };
	char			*in = in_dir(fx, "in.wav"), *x[4], *y[4];
	char			 name[32];

	unit_write_tone(in, SF_FORMAT_WAV, 16000, 2, 300000, 440);
	load(in, &src);
	for (int rate = 8000; rate <= 16000; rate += 8000) {
		for (int i = 0; i < 4; i++) {
			snprintf(name, sizeof name, "x%d.wav", i);
			x[i] = in_dir(fx, name);
			snprintf(name, sizeof name, "y%d.wav", i);
			y[i] = in_dir(fx, name);
		}
		cut_all(in, rate, spans, forward, 4, x);
		cut_all(in, rate, spans, mixed, 4, y);
		for (int i = 0; i < 4; i++) {
			assert_same_file(x[i], y[i]);
			if (rate == 16000)
				continue;
			free(x[i]);
			free(y[i]);
		}
	}
	/* At the same rate the pieces are the mix of the source. */
	for (int i = 0; i < 4; i++) {
		struct sound	got;

		load(x[i], &got);
		for (int64_t j = 0; j < got.frames; j++) {
			int32_t	sum = src.s[(spans[i][0] + j) * 2] +
				    src.s[(spans[i][0] + j) * 2 + 1];

			assert_int_equal(got.s[j], (int16_t)(sum >= 0 ?
			    (sum + 1) / 2 : (sum - 1) / 2));
		}
		free(got.s);
		free(x[i]);
		free(y[i]);
	}
	free(src.s);
	free(in);
}

/* ---- refusals ---- */

static void
test_refused(void **state)
{
	struct fixture		*fx = *state;
	struct audio_cutter	*c;
	char			*in = in_dir(fx, "in.wav"), *a = in_dir(fx, "a.wav");
	char			*cause = NULL, *missing = in_dir(fx, "none.wav");
	char			*nodir = in_dir(fx, "no/such/dir/a.wav");
	char			*isdir = in_dir(fx, "d.wav");

	unit_write_tone(in, SF_FORMAT_WAV, 16000, 2, 16000, 440);
	c = cutter(in, 16000, 0);

	/* Past the end, empty, backwards, a channel it does not have. */
	assert_int_equal(audio_cut(c, 15000, 16001, 0, a, &cause), -1);
	expect_error(cause, in, "16000");
	assert_int_equal(audio_cut(c, 100, 100, 0, a, &cause), -1);
	expect_error(cause, a, "empty");
	assert_int_equal(audio_cut(c, 200, 100, 0, a, &cause), -1);
	expect_error(cause, a, "empty");
	assert_int_equal(audio_cut(c, -1, 100, 0, a, &cause), -1);
	expect_error(cause, a, "empty");
	assert_int_equal(audio_cut(c, 0, 100, 2, a, &cause), -1);
	expect_error(cause, in, "no channel 3");
	assert_int_equal(audio_cut(c, 0, 100, -2, a, &cause), -1);
	expect_error(cause, in, "no channel");

	/* A destination that cannot be written. */
	assert_int_equal(audio_cut(c, 0, 100, 0, nodir, &cause), -1);
	expect_error(cause, nodir, "cannot write");
	/* One that fails at the rename: the temporary file goes. */
	assert_int_equal(mkdir(isdir, 0755), 0);
	assert_int_equal(audio_cut(c, 0, 100, 0, isdir, &cause), -1);
	expect_error(cause, isdir, "cannot write");
	assert_int_equal(count_entries(fx->dir), 2);

	/* Refusals do not upset the cuts after them. */
	cut(c, 0, 100, 0, a);
	audio_cutter_free(c);
	assert_int_equal(count_entries(fx->dir), 3);

	/* A missing source, a rate that cannot be. */
	assert_null(audio_cutter_new(missing, 16000, 0, &cause));
	expect_error(cause, missing, "cannot open");
	assert_null(audio_cutter_new(in, 0, 0, &cause));
	expect_error(cause, in, "0 Hz");
	free(in);
	free(a);
	free(missing);
	free(nodir);
	free(isdir);
}

static void
test_damaged(void **state)
{
	struct fixture		*fx = *state;
	struct audio_cutter	*c;
	struct stat		 sb;
	char			*in = in_dir(fx, "in.flac"), *a = in_dir(fx, "a.wav");
	char			*cause = NULL;

	/* A FLAC cut short: its decoder fails in the second half. */
	unit_write_tone(in, SF_FORMAT_FLAC, 16000, 1, 16000 * 5, 440);
	assert_int_equal(stat(in, &sb), 0);
	assert_int_equal(truncate(in, sb.st_size / 2), 0);
	for (int rate = 16000; rate >= 8000; rate -= 8000) {
		if ((c = audio_cutter_new(in, rate, 0, &cause)) == NULL) {
			expect_error(cause, in, "damaged");
			continue;
		}
		assert_int_equal(audio_cut(c, 1000, 16000 * 5, 0, a, &cause),
		    -1);
		if (strstr(cause, "damaged") == NULL &&
		    strstr(cause, "ends at frame") == NULL)
			fail_msg("unexpected: %s", cause);
		expect_error(cause, in, "");
		audio_cutter_free(c);
		assert_int_equal(count_entries(fx->dir), 1);
	}
	free(in);
	free(a);
}

/* ---- many pieces, several threads ---- */

static void
test_many(void **state)
{
	struct fixture		*fx = *state;
	struct audio_piece	 p[40];
	struct sound		 src;
	char			*in[2], *dst[40], *cause = NULL;
	int64_t			 at = 0;

	in[0] = in_dir(fx, "one.wav");
	in[1] = in_dir(fx, "two.flac");
	unit_write_tone(in[0], SF_FORMAT_WAV, 16000, 1, 160000, 440);
	unit_write_tone(in[1], SF_FORMAT_FLAC, 16000, 1, 160000, 660);
	for (int i = 0; i < 40; i++) {
		char	name[32];

		snprintf(name, sizeof name, "piece%02d.wav", i);
		dst[i] = in_dir(fx, name);
		p[i].src = in[i / 20];
		p[i].from = at % 160000;
		p[i].to = p[i].from + 3000 + i * 7;
		p[i].ch = -1;
		p[i].dst = dst[i];
		at += 7919;
		if (i == 19)
			at = 0;
	}
	/* Sorted by source and start, as the contract asks. */
	for (int i = 0; i < 40; i++) {
		for (int k = i + 1; k < 40 && p[k].src == p[i].src; k++) {
			if (p[k].from < p[i].from) {
				struct audio_piece	t = p[i];

				p[i] = p[k];
				p[k] = t;
			}
		}
	}
	assert_int_equal(audio_cut_many(p, 40, 16000, 0, 1, 3, NULL, NULL,
	    &cause), 0);
	for (int i = 0; i < 40; i++) {
		load(p[i].src, &src);
		assert_piece(p[i].dst, &src, p[i].from, p[i].to, 0);
		free(src.s);
	}
	/* A piece that cannot be cut fails them all, naming it. */
	p[33].to = 999999;
	assert_int_equal(audio_cut_many(p, 40, 16000, 0, 0, 2, NULL, NULL,
	    &cause), -1);
	assert_non_null(cause);
	free(cause);
	for (int i = 0; i < 40; i++)
		free(dst[i]);
	free(in[0]);
	free(in[1]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_copy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_channel, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mix, setup, teardown),
		cmocka_unit_test_setup_teardown(test_resample, setup, teardown),
		cmocka_unit_test_setup_teardown(test_flac, setup, teardown),
		cmocka_unit_test_setup_teardown(test_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
