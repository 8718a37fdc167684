/* peaks.c: building and reading the waveform peak cache. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "peaks.h"
#include "xmalloc.h"

#define MU 255.0f

struct peaks_level_state {
	int64_t		 frames_per_bin;
	int64_t		 bins;
	FILE		*tmp;
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

int8_t
peaks_encode(int sample)
{
	float	x = fabsf((float)sample) / 32768.0f;
	float	y = logf(1.0f + MU * x) / logf(1.0f + MU);
	int	q = (int)lrintf(y * 127.0f);

	return (int8_t)(sample < 0 ? -q : q);
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

	pb = xcalloc(1, sizeof *pb);
	pb->rate = rate;
	pb->channels = channels;
	pb->fpb0 = peaks_base_bin(rate);
	pb->lo = xcalloc((size_t)channels, sizeof *pb->lo);
	pb->hi = xcalloc((size_t)channels, sizeof *pb->hi);
	pb->bin = xcalloc((size_t)channels, 2);
	fpb = pb->fpb0;
	do {
		struct peaks_level_state *l = &pb->lv[pb->nlevels];

		l->frames_per_bin = fpb;
		l->acc = xcalloc((size_t)channels, 2);
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

/* Adds one finished bin of level k (encoded) and carries it upwards. */
static void
peaks_builder_push(struct peaks_builder *pb, int k, const int8_t *bin)
{
	struct peaks_level_state *l = &pb->lv[k];
	size_t			  bsize = (size_t)pb->channels * 2;

	if (fwrite(bin, 1, bsize, l->tmp) != bsize)
		pb->failed = errno ? errno : EIO;
	l->bins++;
	if (k + 1 >= pb->nlevels)
		return;
	l = &pb->lv[k + 1];
	for (int c = 0; c < pb->channels; c++) {
		if (l->count == 0 || bin[2 * c] < l->acc[2 * c])
			l->acc[2 * c] = bin[2 * c];
		if (l->count == 0 || bin[2 * c + 1] > l->acc[2 * c + 1])
			l->acc[2 * c + 1] = bin[2 * c + 1];
	}
	if (++l->count == PEAKS_LEVEL_FACTOR) {
		l->count = 0;
		peaks_builder_push(pb, k + 1, l->acc);
	}
}

static void
peaks_builder_close_bin(struct peaks_builder *pb)
{
	for (int c = 0; c < pb->channels; c++) {
		pb->bin[2 * c] = peaks_encode(pb->lo[c]);
		pb->bin[2 * c + 1] = peaks_encode(pb->hi[c]);
	}
	peaks_builder_push(pb, 0, pb->bin);
	pb->count0 = 0;
}

/* Folds n frames into the open level-0 bin: the hot loop of a scan. */
static void
peaks_builder_fold(struct peaks_builder *pb, const int16_t *x, size_t n)
{
	int	ch = pb->channels;

	if (pb->count0 == 0) {
		for (int c = 0; c < ch; c++)
			pb->lo[c] = pb->hi[c] = x[c];
	}
	if (ch == 1) {
		int16_t	lo = pb->lo[0], hi = pb->hi[0];

		for (size_t i = 0; i < n; i++) {
			lo = x[i] < lo ? x[i] : lo;
			hi = x[i] > hi ? x[i] : hi;
		}
		pb->lo[0] = lo;
		pb->hi[0] = hi;
	} else if (ch == 2) {
		int16_t	lo0 = pb->lo[0], hi0 = pb->hi[0];
		int16_t	lo1 = pb->lo[1], hi1 = pb->hi[1];

		for (size_t i = 0; i < n; i++) {
			int16_t	a = x[2 * i], b = x[2 * i + 1];

			lo0 = a < lo0 ? a : lo0;
			hi0 = a > hi0 ? a : hi0;
			lo1 = b < lo1 ? b : lo1;
			hi1 = b > hi1 ? b : hi1;
		}
		pb->lo[0] = lo0;
		pb->hi[0] = hi0;
		pb->lo[1] = lo1;
		pb->hi[1] = hi1;
	} else {
		for (size_t i = 0; i < n; i++) {
			for (int c = 0; c < ch; c++) {
				int16_t v = x[i * (size_t)ch + (size_t)c];

				pb->lo[c] = v < pb->lo[c] ? v : pb->lo[c];
				pb->hi[c] = v > pb->hi[c] ? v : pb->hi[c];
			}
		}
	}
	pb->count0 += (int64_t)n;
}

void
peaks_builder_feed(struct peaks_builder *pb, const int16_t *x, size_t frames)
{
	size_t	take;

	while (frames > 0) {
		take = (size_t)(pb->fpb0 - pb->count0);
		if (take > frames)
			take = frames;
		peaks_builder_fold(pb, x, take);
		x += take * (size_t)pb->channels;
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
