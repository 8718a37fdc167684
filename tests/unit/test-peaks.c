/* test-peaks.c: companding, the streaming builder, views, scan errors. */
#include "unit.h"

#include <sys/stat.h>

#include "audio.h"
#include "peaks.h"
#include "store.h"

static void
test_companding(void **state)
{
	int	prev = -128;

	(void)state;
	assert_int_equal(peaks_encode(0), 0);
	assert_int_equal(peaks_encode(32767), 127);
	assert_int_equal(peaks_encode(-32768), -127);
	/* Monotonic, so min/max commute with encoding. */
	for (int v = -32768; v <= 32767; v += 7) {
		int e = peaks_encode(v);

		assert_true(e >= prev);
		prev = e;
	}
	/* Quiet speech (-40 dBFS) keeps a visible height. */
	assert_true(peaks_encode(328) > 20);
	assert_true(fabsf(peaks_decode(peaks_encode(16384)) - 0.5f) < 0.03f);
}

static void
test_levels(void **state)
{
	struct peaks_builder	*pb;
	struct store_peak_level	 lv;
	int16_t			 buf[1000];
	int8_t			 bin[2];
	char			*cause = NULL;
	int64_t			 frames = 16000 * 60;	/* one minute */

	(void)state;
	assert_int_equal(peaks_base_bin(16000), 128);
	assert_int_equal(peaks_base_bin(44100), 256);
	assert_int_equal(peaks_base_bin(8000), 64);
	pb = peaks_builder_new(16000, 1, frames, &cause);
	assert_non_null(pb);
	/* A ramp, so each bin's min and max are known. */
	for (int64_t done = 0; done < frames; done += 1000) {
		for (int i = 0; i < 1000; i++)
			buf[i] = (int16_t)(((done + i) % 128) * 100);
		peaks_builder_feed(pb, buf, 1000);
	}
	assert_int_equal(peaks_builder_finish(pb, &cause), 0);
	/* 7500 bins at level 0, then 1875 <= 2048: two levels. */
	assert_int_equal(peaks_builder_levels(pb), 2);
	peaks_builder_level(pb, 0, &lv);
	assert_int_equal(lv.frames_per_bin, 128);
	assert_int_equal(lv.bins, 7500);
	peaks_builder_level(pb, 1, &lv);
	assert_int_equal(lv.frames_per_bin, 128 * 4);
	assert_int_equal(lv.bins, 1875);
	assert_int_equal(peaks_builder_read(pb, 0, bin, 2, &cause), 2);
	assert_int_equal(bin[0], peaks_encode(0));
	assert_int_equal(bin[1], peaks_encode(12700));
	peaks_builder_free(pb);
}

struct fixture {
	char	*dir;
	char	*path;
};

static int
setup(void **state)
{
	struct fixture	*fx = calloc(1, sizeof *fx);

	fx->dir = unit_tmpdir();
	if (asprintf(&fx->path, "%s/a.wav", fx->dir) < 0)
		return -1;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	unit_rmtree(fx->dir);
	free(fx->dir);
	free(fx->path);
	free(fx);
	return 0;
}

static void
test_scan_and_view(void **state)
{
	struct fixture		*fx = *state;
	struct store_recording	 rec = { 0 };
	struct audio_scan	 scan;
	struct peak_span	 cols[10];
	struct store		*s;
	char			*cause = NULL, *proj, sum[AUDIO_CHECKSUM_SIZE];
	int64_t			 existing;

	/* Two seconds of stereo: 440 Hz left, 880 Hz right, half scale. */
	unit_write_tone(fx->path, SF_FORMAT_WAV, 16000, 2, 32000, 440);
	assert_int_equal(audio_scan(fx->path, NULL, NULL, &scan, &cause), 0);
	assert_int_equal(scan.info.frames, 32000);
	assert_int_equal(scan.info.channels, 2);
	/* The checksum of the scan is the checksum of the file's bytes. */
	assert_int_equal(audio_checksum(fx->path, sum, &cause), 0);
	assert_string_equal(scan.checksum, sum);

	assert_int_equal(asprintf(&proj, "%s/p.tingxie", fx->dir) > 0, 1);
	s = store_create(proj, &cause);
	assert_non_null(s);
	rec.name = (char *)"a";
	rec.path = (char *)"a.wav";
	rec.checksum = scan.checksum;
	rec.format = scan.info.format;
	rec.rate = 16000;
	rec.channels = 2;
	rec.frames = 32000;
	assert_int_equal(store_recording_add(s, &rec, scan.peaks, &existing,
	    &cause), 0);
	audio_scan_clear(&scan);
	assert_int_equal(peaks_view(s, &rec, 0, 0, 32000, 10, cols, &cause), 0);
	for (int i = 0; i < 10; i++) {
		assert_true(fabsf(cols[i].max - 0.5f) < 0.05f);
		assert_true(fabsf(cols[i].min + 0.5f) < 0.05f);
	}
	/* Past the end: zero columns. */
	assert_int_equal(peaks_view(s, &rec, -1, 16000, 48000, 10, cols,
	    &cause), 0);
	assert_true(cols[2].max > 0.4f);
	assert_true(cols[9].max == 0.0f && cols[9].min == 0.0f);
	store_close(s);
	free(proj);
}

static void
expect_scan_error(const char *path, const char *what)
{
	struct audio_scan	 scan;
	char			*cause = NULL;

	assert_int_equal(audio_scan(path, NULL, NULL, &scan, &cause), -1);
	if (strstr(cause, what) == NULL || strstr(cause, path) == NULL)
		fail_msg("expected '%s' naming %s, got: %s", what, path, cause);
	free(cause);
}

static void
test_scan_errors(void **state)
{
	struct fixture	*fx = *state;
	FILE		*f;
	char		*bad;
	struct stat	 sb;

	expect_scan_error(fx->path, "cannot open");
	f = fopen(fx->path, "w");
	fclose(f);
	expect_scan_error(fx->path, "empty");
	f = fopen(fx->path, "w");
	for (int i = 0; i < 1000; i++)
		fputs("garbage ", f);
	fclose(f);
	expect_scan_error(fx->path, "not an audio file");
	/* A WAV cut short: its header promises more than the file holds. */
	unit_write_tone(fx->path, SF_FORMAT_WAV, 16000, 1, 16000, 440);
	stat(fx->path, &sb);
	assert_int_equal(truncate(fx->path, sb.st_size / 2), 0);
	expect_scan_error(fx->path, "truncated");
	/* A FLAC cut short: the decoder loses its way in the last frame. */
	assert_int_equal(asprintf(&bad, "%s/b.flac", fx->dir) > 0, 1);
	unit_write_tone(bad, SF_FORMAT_FLAC, 16000, 1, 16000 * 5, 440);
	stat(bad, &sb);
	assert_int_equal(truncate(bad, sb.st_size / 2), 0);
	expect_scan_error(bad, "damaged");
	free(bad);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_companding),
		cmocka_unit_test(test_levels),
		cmocka_unit_test_setup_teardown(test_scan_and_view, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_scan_errors, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
