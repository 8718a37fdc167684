/*
 * txaudio: test audio for tingxie's scripted tests.
 *
 *   txaudio tone OUT --seconds S [--rate R] [--channels C] [--freq F]
 *                [--amp A] [--gap S]
 *       Writes a sine tone (channel c at F*(c+1) Hz) through libsndfile;
 *       the file type follows OUT's extension (.wav, .flac, .ogg). With
 *       --gap, the tone is cut into one-second bursts with S seconds of
 *       silence between them.
 *   txaudio compare RAW SRC [--channel N] [--from F --to F]
 *       RAW holds 16-bit little-endian interleaved samples as captured from
 *       ALSA. Succeeds if it is SRC's samples (or channel N's, from 1; or
 *       frames F to F of them) exactly, with nothing but zeros before and
 *       after.
 *   txaudio measure RAW --rate R [--channels C]
 *       Prints the duration of the non-silent part and the frequency of
 *       channel 1 (from zero crossings), as "seconds=S freq=F".
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <sndfile.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void __attribute__((noreturn))
die(const char *msg, const char *arg)
{
	fprintf(stderr, "txaudio: %s%s%s\n", msg, arg ? ": " : "",
	    arg ? arg : "");
	exit(2);
}

static const char *
opt(int argc, char **argv, const char *name, const char *def)
{
	for (int i = 0; i + 1 < argc; i++) {
		if (strcmp(argv[i], name) == 0)
			return argv[i + 1];
	}
	return def;
}

static int
format_for(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot != NULL && strcmp(dot, ".flac") == 0)
		return SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
	if (dot != NULL && strcmp(dot, ".ogg") == 0)
		return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
	return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
}

static int
tone(int argc, char **argv)
{
	SF_INFO		 info = { 0 };
	SNDFILE		*sf;
	double		 seconds = atof(opt(argc, argv, "--seconds", "1"));
	double		 freq = atof(opt(argc, argv, "--freq", "440"));
	double		 amp = atof(opt(argc, argv, "--amp", "0.5"));
	double		 gap = atof(opt(argc, argv, "--gap", "0"));
	int		 rate = atoi(opt(argc, argv, "--rate", "16000"));
	int		 ch = atoi(opt(argc, argv, "--channels", "1"));
	int64_t		 frames = (int64_t)llround(seconds * rate), i;
	int16_t		 buf[4096 * 8];
	size_t		 n = 0;

	if (argc < 1 || ch < 1 || ch > 8 || rate < 1)
		die("usage: tone OUT --seconds S [--rate R] [--channels C]", NULL);
	info.samplerate = rate;
	info.channels = ch;
	info.format = format_for(argv[0]);
	if ((sf = sf_open(argv[0], SFM_WRITE, &info)) == NULL)
		die(sf_strerror(NULL), argv[0]);
	for (i = 0; i < frames; i++) {
		double	t = (double)i / rate;
		int	on = gap <= 0 || fmod(t, 1.0 + gap) < 1.0;

		for (int c = 0; c < ch; c++) {
			double v = on ? amp * sin(2 * M_PI * freq * (c + 1) * t) : 0;

			buf[n++] = (int16_t)lrint(v * 32767);
		}
		if (n == sizeof buf / sizeof buf[0] || i == frames - 1) {
			sf_writef_short(sf, buf, (sf_count_t)(n / (size_t)ch));
			n = 0;
		}
	}
	sf_close(sf);
	return 0;
}

static int16_t *
slurp_raw(const char *path, size_t *n)
{
	FILE	*f = fopen(path, "rb");
	int16_t	*buf = NULL;
	size_t	 cap = 0, got;

	if (f == NULL)
		die(strerror(errno), path);
	*n = 0;
	for (;;) {
		if (*n + 65536 > cap) {
			cap = cap ? cap * 2 : 1 << 20;
			if ((buf = realloc(buf, cap * sizeof *buf)) == NULL)
				die("out of memory", NULL);
		}
		got = fread(buf + *n, sizeof *buf, 65536, f);
		*n += got;
		if (got < 65536)
			break;
	}
	fclose(f);
	return buf;
}

static int16_t *
slurp_audio(const char *path, int channel, size_t *n)
{
	SF_INFO	 info = { 0 };
	SNDFILE	*sf = sf_open(path, SFM_READ, &info);
	int16_t	*all, *out;
	size_t	 frames;

	if (sf == NULL)
		die(sf_strerror(NULL), path);
	frames = (size_t)info.frames;
	all = calloc(frames * (size_t)info.channels + 1, sizeof *all);
	if (all == NULL)
		die("out of memory", NULL);
	frames = (size_t)sf_readf_short(sf, all, (sf_count_t)frames);
	sf_close(sf);
	if (channel <= 0) {
		*n = frames * (size_t)info.channels;
		return all;
	}
	if (channel > info.channels)
		die("no such channel", path);
	out = calloc(frames + 1, sizeof *out);
	for (size_t i = 0; i < frames; i++)
		out[i] = all[i * (size_t)info.channels + (size_t)channel - 1];
	free(all);
	*n = frames;
	return out;
}

static int
compare(int argc, char **argv)
{
	size_t	 nraw, nsrc, k, i;
	int16_t	*raw, *src;
	int	 channel = atoi(opt(argc, argv, "--channel", "0"));
	long	 from = atol(opt(argc, argv, "--from", "0"));
	long	 to = atol(opt(argc, argv, "--to", "0"));

	if (argc < 2)
		die("usage: compare RAW SRC [--channel N] [--from F --to F]", NULL);
	raw = slurp_raw(argv[0], &nraw);
	src = slurp_audio(argv[1], channel, &nsrc);
	if (to > 0) {
		/* A stretch of a mono source (or of one channel). */
		if (from < 0 || (size_t)to > nsrc || from >= to)
			die("--from/--to out of range", argv[1]);
		memmove(src, src + from, (size_t)(to - from) * sizeof *src);
		nsrc = (size_t)(to - from);
	}
	/* Leading zeros of the capture that the source does not start with. */
	for (k = 0; k < nraw && raw[k] == 0; k++)
		;
	for (i = 0; i < nsrc && src[i] == 0; i++)
		;
	if (k < i) {
		printf("capture starts with a sample the source has not\n");
		goto differ;
	}
	k -= i;
	if (nraw < k + nsrc) {
		printf("capture too short: %zu samples after offset %zu, source "
		    "has %zu\n", nraw - k, k, nsrc);
		goto differ;
	}
	for (i = 0; i < nsrc; i++) {
		if (raw[k + i] != src[i]) {
			printf("sample %zu differs: captured %d, source %d\n", i,
			    raw[k + i], src[i]);
			goto differ;
		}
	}
	for (i = k + nsrc; i < nraw; i++) {
		if (raw[i] != 0) {
			printf("non-zero sample %zu after the source's end\n", i);
			goto differ;
		}
	}
	printf("bit-exact: %zu samples at offset %zu, %zu zeros after\n", nsrc,
	    k, nraw - k - nsrc);
	free(raw);
	free(src);
	return 0;
differ:
	free(raw);
	free(src);
	return 1;
}

static int
measure(int argc, char **argv)
{
	size_t	 n, first, last, crossings = 0;
	int	 rate = atoi(opt(argc, argv, "--rate", "0"));
	int	 ch = atoi(opt(argc, argv, "--channels", "1"));
	int16_t	*raw;
	double	 ta = 0, tb = 0;

	if (argc < 1 || rate <= 0 || ch <= 0)
		die("usage: measure RAW --rate R [--channels C]", NULL);
	raw = slurp_raw(argv[0], &n);
	n /= (size_t)ch;
	for (first = 0; first < n && raw[first * (size_t)ch] == 0; first++)
		;
	for (last = n; last > first && raw[(last - 1) * (size_t)ch] == 0; last--)
		;
	/* Rising zero crossings, interpolated, first to last. */
	for (size_t i = first + 1; i < last; i++) {
		int	x0 = raw[(i - 1) * (size_t)ch], x1 = raw[i * (size_t)ch];

		if (x0 < 0 && x1 >= 0) {
			double t = (double)(i - 1) + (double)-x0 / (x1 - x0);

			if (crossings++ == 0) {
				ta = t;
			}
			tb = t;
		}
	}
	printf("seconds=%.4f freq=%.2f\n", (double)(last - first) / rate,
	    crossings > 1 ? (double)(crossings - 1) * rate / (tb - ta) : 0.0);
	free(raw);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc < 2)
		die("usage: txaudio tone|compare|measure ...", NULL);
	if (strcmp(argv[1], "tone") == 0)
		return tone(argc - 2, argv + 2);
	if (strcmp(argv[1], "compare") == 0)
		return compare(argc - 2, argv + 2);
	if (strcmp(argv[1], "measure") == 0)
		return measure(argc - 2, argv + 2);
	die("unknown command", argv[1]);
}
