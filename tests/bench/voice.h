/*
 * voice.h: speech-like test audio for the benchmarks: voiced syllables
 * and pauses over low noise. Needs bench.h (die) and <sndfile.h>.
 */
#ifndef TX_BENCH_VOICE_H
#define TX_BENCH_VOICE_H

#include <math.h>
#include <sndfile.h>
#include <stdint.h>

#define SINE_BITS	12
#define SINE_SIZE	(1 << SINE_BITS)
#define VOICE_BLOCK	16384	/* frames written at a time */

struct voice {
	uint32_t	rng;
	uint32_t	phase;
	uint32_t	step;
	int64_t		pos;
	int64_t		len;
	float		amp;
	int		rate;
};

static float	sine[SINE_SIZE];

static inline void
sine_init(void)
{
	for (int i = 0; i < SINE_SIZE; i++)
		sine[i] = (float)sin(2.0 * M_PI * i / SINE_SIZE);
}

static inline uint32_t
voice_random(struct voice *v)
{
	v->rng ^= v->rng << 13;
	v->rng ^= v->rng >> 17;
	v->rng ^= v->rng << 5;
	return v->rng;
}

static inline float
voice_uniform(struct voice *v)
{
	return (float)(voice_random(v) >> 8) / (float)(1 << 24);
}

/* Starts the next syllable (70%) or pause, 80 to 400 ms long. */
static inline void
voice_next(struct voice *v)
{
	double	f0;

	v->pos = 0;
	v->len = (int64_t)(v->rate * (0.08 + 0.32 * voice_uniform(v)));
	if (voice_uniform(v) < 0.7f) {
		f0 = 100.0 + 160.0 * voice_uniform(v);
		v->step = (uint32_t)(f0 / v->rate * 4294967296.0);
		v->amp = 0.1f + 0.5f * voice_uniform(v);
	} else
		v->amp = 0.0f;
}

/* One sample, -1.0 .. 1.0: a tone with two harmonics under an envelope. */
static inline float
voice_sample(struct voice *v)
{
	float	env, s;

	if (v->pos == v->len)
		voice_next(v);
	env = sine[(v->pos * (SINE_SIZE / 2)) / v->len];
	v->pos++;
	if (v->amp == 0.0f)
		return 0.0f;
	v->phase += v->step;
	s = 0.6f * sine[v->phase >> (32 - SINE_BITS)] +
	    0.25f * sine[(v->phase * 2) >> (32 - SINE_BITS)] +
	    0.15f * sine[(v->phase * 3) >> (32 - SINE_BITS)];
	return v->amp * env * s;
}

static inline int16_t
voice_to_sample(struct voice *v, float x)
{
	int	n = (int)(voice_random(v) % 201) - 100;	/* about -50 dBFS */
	long	s = lrintf(x * 32767.0f) + n;

	return (int16_t)(s > 32767 ? 32767 : s < -32768 ? -32768 : s);
}

/*
 * Writes frames of speech-like 16-bit audio, the voice seeded with seed;
 * a second channel is fainter. Call sine_init() first.
 */
static inline void
voice_write(const char *path, int format, int rate, int channels,
    int64_t frames, uint32_t seed)
{
	SF_INFO		 info = { 0 };
	SNDFILE		*sf;
	struct voice	 v = { 0 };
	int16_t		*buf;
	int64_t		 left = frames;
	sf_count_t	 n;

	info.samplerate = rate;
	info.channels = channels;
	info.format = format | SF_FORMAT_PCM_16;
	if ((sf = sf_open(path, SFM_WRITE, &info)) == NULL)
		die("%s: %s", path, sf_strerror(NULL));
	if ((buf = calloc(VOICE_BLOCK, sizeof *buf * (size_t)channels)) == NULL)
		die("out of memory");
	v.rng = seed;
	v.rate = rate;
	voice_next(&v);
	while (left > 0) {
		n = left < VOICE_BLOCK ? left : VOICE_BLOCK;
		for (sf_count_t i = 0; i < n; i++) {
			float	x = voice_sample(&v);

			for (int c = 0; c < channels; c++)
				buf[i * channels + c] = voice_to_sample(&v,
				    x / (float)(c + 1));
		}
		if (sf_writef_short(sf, buf, n) != n)
			die("%s: %s", path, sf_strerror(sf));
		left -= n;
	}
	free(buf);
	if (sf_close(sf) != 0)
		die("%s: cannot close", path);
}

#endif
