/* peaks.c: building and reading the waveform peak cache. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "peaks.h"
#include "xmalloc.h"

#define MU 255.0f
#define PEAKS_LANES 8	/* int16 lanes in a 128-bit vector */

struct peaks_level_state {
	int64_t		 frames_per_bin;
	int64_t		 bins;
	FILE		*tmp;
	int8_t		*out;		/* finished bins not yet written */
	size_t		 nout;		/* bytes in out */
	int		 count;		/* frames or sub-bins in the open bin */
	int8_t		*acc;		/* min, max per channel (levels > 0) */
};

struct peaks_builder {
	int			 rate;
	int			 channels;
	int			 nlevels;
	int64_t			 fpb0;
	int16_t			*lo, *hi;	/* level-0 accumulators */
	int64_t			 count0;
	int8_t			*bin;		/* one encoded bin */
	struct peaks_level_state lv[PEAKS_MAX_LEVELS];
	int			 failed;
};

static int8_t		peaks_table[32769];	/* by magnitude */
static pthread_once_t	peaks_table_once = PTHREAD_ONCE_INIT;

static void
peaks_table_init(void)
{
	for (int m = 0; m <= 32768; m++) {
		float	x = (float)m / 32768.0f;
		float	y = logf(1.0f + MU * x) / logf(1.0f + MU);

		peaks_table[m] = (int8_t)lrintf(y * 127.0f);
	}
}

/* Companding from the table, which peaks_builder_new() has filled. */
static inline int8_t
peaks_encode_fast(int sample)
{
	return (int8_t)(sample < 0 ? -peaks_table[-sample] : peaks_table[sample]);
}

int8_t
peaks_encode(int sample)
{
	pthread_once(&peaks_table_once, peaks_table_init);
	return peaks_encode_fast(sample);
}

float
peaks_decode(int8_t v)
{
	float	y = fabsf((float)v) / 127.0f;
	float	x = (powf(1.0f + MU, y) - 1.0f) / MU;

	return v < 0 ? -x : x;
}

int64_t
peaks_base_bin(int rate)
{
	int64_t	bin = 16;

	while (bin * 2 <= rate / 100)
		bin *= 2;
	return bin;
}

struct peaks_builder *
peaks_builder_new(int rate, int channels, int64_t frames, char **cause)
{
	struct peaks_builder	*pb;
	int64_t			 fpb, bins;

	pthread_once(&peaks_table_once, peaks_table_init);
	pb = xcalloc(1, sizeof *pb);
	pb->rate = rate;
	pb->channels = channels;
	pb->fpb0 = peaks_base_bin(rate);
	/* peaks_minmax() may store a whole vector of lanes. */
	pb->lo = xcalloc((size_t)channels + PEAKS_LANES, sizeof *pb->lo);
	pb->hi = xcalloc((size_t)channels + PEAKS_LANES, sizeof *pb->hi);
	pb->bin = xcalloc((size_t)channels, 2);
	fpb = pb->fpb0;
	do {
		struct peaks_level_state *l = &pb->lv[pb->nlevels];

		l->frames_per_bin = fpb;
		l->acc = xcalloc((size_t)channels, 2);
		l->out = xcalloc(PEAKS_CHUNK_BINS, (size_t)channels * 2);
		if ((l->tmp = tmpfile()) == NULL) {
			*cause = xprintf(_("cannot create a temporary file for "
			    "the waveform: %s"), strerror(errno));
			pb->nlevels++;
			peaks_builder_free(pb);
			return NULL;
		}
		pb->nlevels++;
		bins = (frames + fpb - 1) / fpb;
		fpb *= PEAKS_LEVEL_FACTOR;
	} while (bins > PEAKS_TOP_BINS && pb->nlevels < PEAKS_MAX_LEVELS);
	return pb;
}

static void
peaks_level_flush(struct peaks_builder *pb, struct peaks_level_state *l)
{
	if (l->nout > 0 && fwrite(l->out, 1, l->nout, l->tmp) != l->nout)
		pb->failed = errno ? errno : EIO;
	l->nout = 0;
}

/* Adds one finished bin of level k (encoded) and carries it upwards. */
static void
peaks_builder_push(struct peaks_builder *pb, int k, const int8_t *bin)
{
	struct peaks_level_state *l = &pb->lv[k], *up;
	int			  n = pb->channels * 2;

	for (int i = 0; i < n; i++)
		l->out[l->nout++] = bin[i];
	if (l->nout == (size_t)n * PEAKS_CHUNK_BINS)
		peaks_level_flush(pb, l);
	l->bins++;
	if (k + 1 >= pb->nlevels)
		return;
	up = &pb->lv[k + 1];
	for (int i = 0; i < n; i += 2) {
		if (up->count == 0 || bin[i] < up->acc[i])
			up->acc[i] = bin[i];
		if (up->count == 0 || bin[i + 1] > up->acc[i + 1])
			up->acc[i + 1] = bin[i + 1];
	}
	if (++up->count == PEAKS_LEVEL_FACTOR) {
		up->count = 0;
		peaks_builder_push(pb, k + 1, up->acc);
	}
}

static void
peaks_builder_close_bin(struct peaks_builder *pb)
{
	for (int c = 0; c < pb->channels; c++) {
		pb->bin[2 * c] = peaks_encode_fast(pb->lo[c]);
		pb->bin[2 * c + 1] = peaks_encode_fast(pb->hi[c]);
	}
	peaks_builder_push(pb, 0, pb->bin);
	pb->count0 = 0;
}

/*
 * Per-channel min and max of n interleaved samples, n a multiple of
 * PEAKS_LANES and the channel count a divisor of it: lane k only ever sees
 * channel k % channels, so lanes are folded first and reduced to channels
 * once at the end. SSE2 where the compiler targets it (every x86-64), else
 * fixed loops the compiler can vectorise.
 */
static void
peaks_minmax(const int16_t *x, size_t n, int channels, int16_t *lo,
    int16_t *hi)
{
#ifdef __SSE2__
	__m128i	vlo = _mm_loadu_si128((const __m128i *)x), vhi = vlo, v;

	for (size_t i = PEAKS_LANES; i < n; i += PEAKS_LANES) {
		v = _mm_loadu_si128((const __m128i *)(x + i));
		vlo = _mm_min_epi16(vlo, v);
		vhi = _mm_max_epi16(vhi, v);
	}
	/* Halve the lanes until one is left per channel. */
	if (channels <= 4) {
		vlo = _mm_min_epi16(vlo, _mm_shuffle_epi32(vlo, 0x4e));
		vhi = _mm_max_epi16(vhi, _mm_shuffle_epi32(vhi, 0x4e));
	}
	if (channels <= 2) {
		vlo = _mm_min_epi16(vlo, _mm_shuffle_epi32(vlo, 0xb1));
		vhi = _mm_max_epi16(vhi, _mm_shuffle_epi32(vhi, 0xb1));
	}
	if (channels == 1) {
		vlo = _mm_min_epi16(vlo, _mm_shufflelo_epi16(vlo, 0xb1));
		vhi = _mm_max_epi16(vhi, _mm_shufflelo_epi16(vhi, 0xb1));
	}
	_mm_storeu_si128((__m128i *)lo, vlo);	/* lo, hi hold PEAKS_LANES */
	_mm_storeu_si128((__m128i *)hi, vhi);
#else
	int16_t	l[PEAKS_LANES], h[PEAKS_LANES];

	memcpy(l, x, sizeof l);
	memcpy(h, x, sizeof h);
	for (size_t i = PEAKS_LANES; i < n; i += PEAKS_LANES) {
		for (int k = 0; k < PEAKS_LANES; k++) {
			l[k] = x[i + k] < l[k] ? x[i + k] : l[k];
			h[k] = x[i + k] > h[k] ? x[i + k] : h[k];
		}
	}
	for (int c = 0; c < channels; c++) {
		lo[c] = l[c];
		hi[c] = h[c];
	}
	for (int k = channels; k < PEAKS_LANES; k++) {
		int c = k % channels;

		lo[c] = l[k] < lo[c] ? l[k] : lo[c];
		hi[c] = h[k] > hi[c] ? h[k] : hi[c];
	}
#endif
}

/* Folds n samples into the open bin's per-channel lo and hi. */
static void
peaks_fold_lanes(struct peaks_builder *pb, const int16_t *x, size_t n,
    int first)
{
	int16_t	lo[PEAKS_LANES], hi[PEAKS_LANES];

	peaks_minmax(x, n, pb->channels, lo, hi);
	for (int c = 0; c < pb->channels; c++) {
		if (first || lo[c] < pb->lo[c])
			pb->lo[c] = lo[c];
		if (first || hi[c] > pb->hi[c])
			pb->hi[c] = hi[c];
	}
}

/* Folds n frames into the open level-0 bin: the hot loop of a scan. */
static void
peaks_builder_fold(struct peaks_builder *pb, const int16_t *x, size_t n)
{
	size_t	ns = n * (size_t)pb->channels;
	int	ch = pb->channels;

	if (PEAKS_LANES % ch == 0 && ns % PEAKS_LANES == 0 && ns > 0)
		peaks_fold_lanes(pb, x, ns, pb->count0 == 0);
	else {
		if (pb->count0 == 0) {
			for (int c = 0; c < ch; c++)
				pb->lo[c] = pb->hi[c] = x[c];
		}
		for (size_t i = 0; i < ns; i++) {
			int	c = (int)(i % (size_t)ch);

			pb->lo[c] = x[i] < pb->lo[c] ? x[i] : pb->lo[c];
			pb->hi[c] = x[i] > pb->hi[c] ? x[i] : pb->hi[c];
		}
	}
	pb->count0 += (int64_t)n;
}

void
peaks_builder_feed(struct peaks_builder *pb, const int16_t *x, size_t frames)
{
	size_t	ch = (size_t)pb->channels, bin = (size_t)pb->fpb0, take;
	int	whole = PEAKS_LANES % ch == 0 && bin * ch % PEAKS_LANES == 0;

	while (frames > 0) {
		/* The common case: a whole bin in the buffer. */
		if (whole && pb->count0 == 0 && frames >= bin) {
			peaks_minmax(x, bin * ch, pb->channels, pb->lo, pb->hi);
			pb->count0 = pb->fpb0;
			peaks_builder_close_bin(pb);
			x += bin * ch;
			frames -= bin;
			continue;
		}
		take = (size_t)(pb->fpb0 - pb->count0);
		if (take > frames)
			take = frames;
		peaks_builder_fold(pb, x, take);
		x += take * ch;
		frames -= take;
		if (pb->count0 == pb->fpb0)
			peaks_builder_close_bin(pb);
	}
}

int
peaks_builder_finish(struct peaks_builder *pb, char **cause)
{
	if (pb->count0 > 0)
		peaks_builder_close_bin(pb);
	for (int k = 1; k < pb->nlevels; k++) {
		struct peaks_level_state *l = &pb->lv[k];

		if (l->count > 0) {
			l->count = 0;
			peaks_builder_push(pb, k, l->acc);
		}
	}
	for (int k = 0; k < pb->nlevels; k++) {
		peaks_level_flush(pb, &pb->lv[k]);
		if (fflush(pb->lv[k].tmp) != 0 || fseek(pb->lv[k].tmp, 0,
		    SEEK_SET) != 0)
			pb->failed = errno ? errno : EIO;
	}
	if (pb->failed) {
		*cause = xprintf(_("cannot write the waveform's temporary "
		    "file: %s"), strerror(pb->failed));
		return -1;
	}
	return 0;
}

int
peaks_builder_levels(const struct peaks_builder *pb)
{
	return pb->nlevels;
}

int64_t
peaks_builder_top_frames(const struct peaks_builder *pb)
{
	return pb->lv[pb->nlevels - 1].frames_per_bin;
}

int
peaks_builder_append(struct peaks_builder *dst, struct peaks_builder *src,
    char **cause)
{
	unsigned char	buf[8192];
	size_t		n;

	if (dst->count0 != 0 || dst->nlevels != src->nlevels ||
	    dst->channels != src->channels) {
		*cause = xstrdup(_("waveform parts do not join"));
		return -1;
	}
	for (int k = 0; k < dst->nlevels; k++) {
		if (dst->lv[k].count != 0) {
			*cause = xstrdup(_("waveform parts do not join"));
			return -1;
		}
	}
	for (int k = 0; k < dst->nlevels; k++) {
		peaks_level_flush(dst, &dst->lv[k]);
		while ((n = fread(buf, 1, sizeof buf, src->lv[k].tmp)) > 0) {
			if (fwrite(buf, 1, n, dst->lv[k].tmp) != n)
				dst->failed = errno ? errno : EIO;
		}
		if (ferror(src->lv[k].tmp))
			dst->failed = errno ? errno : EIO;
		dst->lv[k].bins += src->lv[k].bins;
		src->lv[k].bins = 0;
	}
	if (dst->failed) {
		*cause = xprintf(_("cannot write the waveform's temporary "
		    "file: %s"), strerror(dst->failed));
		return -1;
	}
	return 0;
}

size_t
peaks_builder_bin_size(const struct peaks_builder *pb)
{
	return (size_t)pb->channels * 2;
}

void
peaks_builder_level(const struct peaks_builder *pb, int k,
    struct store_peak_level *out)
{
	out->level = k;
	out->frames_per_bin = pb->lv[k].frames_per_bin;
	out->bins = pb->lv[k].bins;
	out->chunk_bins = PEAKS_CHUNK_BINS;
}

ssize_t
peaks_builder_read(struct peaks_builder *pb, int k, void *buf, size_t len,
    char **cause)
{
	size_t	n = fread(buf, 1, len, pb->lv[k].tmp);

	if (n < len && ferror(pb->lv[k].tmp)) {
		*cause = xprintf(_("cannot read the waveform's temporary file: "
		    "%s"), strerror(errno));
		return -1;
	}
	return (ssize_t)n;
}

void
peaks_builder_free(struct peaks_builder *pb)
{
	if (pb == NULL)
		return;
	for (int k = 0; k < pb->nlevels; k++) {
		if (pb->lv[k].tmp != NULL)
			fclose(pb->lv[k].tmp);
		free(pb->lv[k].acc);
		free(pb->lv[k].out);
	}
	free(pb->lo);
	free(pb->hi);
	free(pb->bin);
	free(pb);
}

/* Picks the coarsest level with at least one bin per column. */
static const struct store_peak_level *
peaks_pick_level(const struct store_peak_level *lv, size_t n, int64_t span,
    int cols)
{
	const struct store_peak_level *best = &lv[0];

	for (size_t i = 1; i < n; i++) {
		if (lv[i].frames_per_bin * cols <= span &&
		    lv[i].frames_per_bin > best->frames_per_bin)
			best = &lv[i];
	}
	return best;
}

/* A chunk of one level held while a view is filled. */
struct peaks_cursor {
	struct store		*store;
	int64_t			 rec;
	const struct store_peak_level *lv;
	int64_t			 chunk;
	unsigned char		*data;
	size_t			 len;
};

static const int8_t *
peaks_cursor_bin(struct peaks_cursor *cur, int64_t bin, size_t bsize,
    char **cause)
{
	int64_t	chunk = bin / cur->lv->chunk_bins;
	size_t	off;

	if (chunk != cur->chunk) {
		free(cur->data);
		cur->data = NULL;
		if (store_peak_chunk(cur->store, cur->rec, cur->lv->level, chunk,
		    &cur->data, &cur->len, cause) != 0)
			return NULL;
		cur->chunk = chunk;
	}
	off = (size_t)(bin % cur->lv->chunk_bins) * bsize;
	if (off + bsize > cur->len) {
		*cause = xprintf(_("the waveform cache of this recording is "
		    "damaged (chunk %lld)"), (long long)chunk);
		return NULL;
	}
	return (const int8_t *)cur->data + off;
}

int
peaks_view(struct store *s, const struct store_recording *rec, int channel,
    int64_t from, int64_t to, int cols, struct peak_span *out, char **cause)
{
	struct store_peak_level	*levels;
	struct peaks_cursor	 cur = { s, rec->id, NULL, -1, NULL, 0 };
	size_t			 nlevels, bsize = (size_t)rec->channels * 2;
	int			 c0 = channel < 0 ? 0 : channel;
	int			 c1 = channel < 0 ? rec->channels : channel + 1;
	int			 rc = -1;

	memset(out, 0, (size_t)cols * sizeof *out);
	if (cols <= 0 || to <= from)
		return 0;
	if (store_peak_levels(s, rec->id, &levels, &nlevels, cause) != 0)
		return -1;
	if (nlevels == 0) {
		*cause = xstrdup(_("this recording has no waveform cache"));
		goto out;
	}
	cur.lv = peaks_pick_level(levels, nlevels, to - from, cols);
	for (int col = 0; col < cols; col++) {
		int64_t	f0 = from + (to - from) * col / cols;
		int64_t	f1 = from + (to - from) * (col + 1) / cols;
		int64_t	b0 = f0 / cur.lv->frames_per_bin;
		int64_t	b1 = (f1 + cur.lv->frames_per_bin - 1) /
		    cur.lv->frames_per_bin;
		int	lo = 127, hi = -128;

		if (b1 <= b0)
			b1 = b0 + 1;
		if (b1 > cur.lv->bins)
			b1 = cur.lv->bins;
		for (int64_t b = b0; b < b1; b++) {
			const int8_t *bin = peaks_cursor_bin(&cur, b, bsize,
			    cause);

			if (bin == NULL)
				goto out;
			for (int c = c0; c < c1; c++) {
				lo = bin[2 * c] < lo ? bin[2 * c] : lo;
				hi = bin[2 * c + 1] > hi ? bin[2 * c + 1] : hi;
			}
		}
		if (lo <= hi) {
			out[col].min = peaks_decode((int8_t)lo);
			out[col].max = peaks_decode((int8_t)hi);
		}
	}
	rc = 0;
out:
	free(cur.data);
	free(levels);
	return rc;
}

int
peaks_quiet(struct store *s, const struct store_recording *rec, int64_t frame,
    int64_t radius, int64_t *out, char **cause)
{
	struct store_peak_level	*levels;
	struct peaks_cursor	 cur = { s, rec->id, NULL, -1, NULL, 0 };
	size_t			 nlevels, bsize = (size_t)rec->channels * 2;
	int64_t			 fpb, b0, b1, best = -1, bestd = 0;
	int			 bestv = 256, rc = -1;

	*out = frame;
	if (store_peak_levels(s, rec->id, &levels, &nlevels, cause) != 0)
		return -1;
	if (nlevels == 0) {
		free(levels);
		return 0;
	}
	cur.lv = &levels[0];
	fpb = levels[0].frames_per_bin;
	b0 = (frame - radius) / fpb;
	b1 = (frame + radius) / fpb;
	if (b0 < 0)
		b0 = 0;
	if (b1 >= levels[0].bins)
		b1 = levels[0].bins - 1;
	for (int64_t b = b0; b <= b1; b++) {
		const int8_t	*bin = peaks_cursor_bin(&cur, b, bsize, cause);
		int64_t		 mid = b * fpb + fpb / 2, d;
		int		 v = 0;

		if (bin == NULL)
			goto out;
		for (int c = 0; c < rec->channels; c++) {
			int lo = bin[2 * c] < 0 ? -bin[2 * c] : bin[2 * c];
			int hi = bin[2 * c + 1] < 0 ? -bin[2 * c + 1] : bin[2 * c + 1];

			v = lo > v ? lo : v;
			v = hi > v ? hi : v;
		}
		d = mid > frame ? mid - frame : frame - mid;
		if (v < bestv || (v == bestv && d < bestd)) {
			bestv = v;
			bestd = d;
			best = mid;
		}
	}
	if (best >= 0)
		*out = best > rec->frames ? rec->frames : best;
	rc = 0;
out:
	free(cur.data);
	free(levels);
	return rc;
}
