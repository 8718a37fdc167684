/*
 * audio-cut.c: cutting pieces out of a recording, resampled with libsoxr.
 *
 * The recording is read through audio.c (raw reads of native 16-bit PCM),
 * forward, CUT_CHUNK frames at a time. A piece at the recording's own rate
 * is copied bit for bit; otherwise its samples go to the resampler as
 * floats (in 16-bit units) and come back rounded and clipped to 16 bits.
 * Every buffer is allocated once, by audio_cutter_new().
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sndfile.h>
#include <soxr.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audio-cut.h"
#include "audio.h"
#include "i18n.h"
#include "xmalloc.h"

#define CUT_CHUNK	65536	/* frames read at a time */
#define CUT_MAX_RATE	768000

struct audio_cutter {
	char			*path;
	struct audio_file	*af;
	struct audio_info	 info;
	int64_t			 pos;		/* the next frame read */
	int			 out_rate;
	int			 flac;

	int16_t			*in;		/* CUT_CHUNK interleaved frames */
	int16_t			*mono;		/* CUT_CHUNK frames, or outcap */

	/*
	 * A mono 16-bit PCM WAV cut at its own rate into WAV is a header and
	 * a slice of its bytes: copied by the kernel (copy_file_range).
	 * fd < 0: no such shortcut for this recording.
	 */
	int			 fd;
	int64_t			 data;		/* byte offset of the samples */
	int			 direct;	/* no temporary names */

	/* resampling: NULL when out_rate is the recording's */
	soxr_t			 soxr;
	int			 used;		/* soxr needs clearing */
	float			*fin;		/* CUT_CHUNK */
	float			*fout;		/* outcap */
	size_t			 outcap;
};

/* One piece being written. */
struct cut_out {
	const char	*path;
	char		*tmp;
	SNDFILE		*sf;
	int64_t		 want;		/* frames the piece must have */
	int64_t		 done;
};

static void	cut_shortcut(struct audio_cutter *);

struct audio_cutter *
audio_cutter_new(const char *path, int out_rate, int flac, char **cause)
{
	struct audio_cutter	*c;
	soxr_io_spec_t		 io;
	soxr_quality_spec_t	 q;
	soxr_runtime_spec_t	 rt;
	soxr_error_t		 err = NULL;
	size_t			 mono;

	if (out_rate <= 0 || out_rate > CUT_MAX_RATE) {
		*cause = xprintf(_("%s: cannot cut at %d Hz: choose a sample "
		    "rate from 1 to %d Hz"), path, out_rate, CUT_MAX_RATE);
		return NULL;
	}
	c = xcalloc(1, sizeof *c);
	c->fd = -1;
	if ((c->af = audio_open(path, &c->info, cause)) == NULL) {
		free(c);
		return NULL;
	}
	c->path = xstrdup(path);
	c->out_rate = out_rate;
	c->flac = flac;
	c->in = xreallocarray(NULL, CUT_CHUNK,
	    sizeof *c->in * (size_t)c->info.channels);
	mono = CUT_CHUNK;
	if (out_rate != c->info.rate) {
		/* What one chunk of input can give, and some for the flush. */
		c->outcap = (size_t)((int64_t)CUT_CHUNK * out_rate /
		    c->info.rate) + 4096;
		if (c->outcap > mono)
			mono = c->outcap;
		io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
		q = soxr_quality_spec(SOXR_HQ, 0);
		rt = soxr_runtime_spec(1);
		c->soxr = soxr_create(c->info.rate, out_rate, 1, &err, &io, &q,
		    &rt);
		if (c->soxr == NULL || err != NULL) {
			*cause = xprintf(_("%s: cannot resample from %d Hz to %d "
			    "Hz (libsoxr says: %s); choose another rate"), path,
			    c->info.rate, out_rate, soxr_strerror(err));
			audio_cutter_free(c);
			return NULL;
		}
		c->fin = xreallocarray(NULL, CUT_CHUNK, sizeof *c->fin);
		c->fout = xreallocarray(NULL, c->outcap, sizeof *c->fout);
	}
	c->mono = xreallocarray(NULL, mono, sizeof *c->mono);
	cut_shortcut(c);
	return c;
}

void
audio_cutter_free(struct audio_cutter *c)
{
	if (c == NULL)
		return;
	audio_close(c->af);
	if (c->fd >= 0)
		close(c->fd);
	if (c->soxr != NULL)
		soxr_delete(c->soxr);
	free(c->in);
	free(c->mono);
	free(c->fin);
	free(c->fout);
	free(c->path);
	free(c);
}

/* ---- the piece being written ---- */

static char *
cut_temp_name(const char *path)
{
	const char	*slash = strrchr(path, '/');

	if (slash == NULL)
		return xprintf(".%s.tmp", path);
	return xprintf("%.*s/.%s.tmp", (int)(slash - path), path, slash + 1);
}

static int
cut_open(struct audio_cutter *c, struct cut_out *o, char **cause)
{
	SF_INFO	info;
	int	fd;

	o->tmp = cut_temp_name(o->path);
	if ((fd = open(o->tmp, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0666)) < 0) {
		*cause = xprintf(_("%s: cannot write: %s; check that its "
		    "directory exists and is writable"), o->path,
		    strerror(errno));
		free(o->tmp);
		return -1;
	}
	memset(&info, 0, sizeof info);
	info.samplerate = c->out_rate;
	info.channels = 1;
	info.format = (c->flac ? SF_FORMAT_FLAC : SF_FORMAT_WAV) |
	    SF_FORMAT_PCM_16;
	if ((o->sf = sf_open_fd(fd, SFM_WRITE, &info, SF_TRUE)) == NULL) {
		*cause = xprintf(_("%s: cannot write (libsndfile says: %s)"),
		    o->path, sf_strerror(NULL));
		close(fd);
		unlink(o->tmp);
		free(o->tmp);
		return -1;
	}
	return 0;
}

/* Writes at most what the piece still lacks of n frames. */
static int
cut_write(struct cut_out *o, const int16_t *buf, int64_t n, char **cause)
{
	if (n > o->want - o->done)
		n = o->want - o->done;
	if (n <= 0)
		return 0;
	if (sf_writef_short(o->sf, buf, n) != n) {
		*cause = xprintf(_("%s: cannot write (libsndfile says: %s); "
		    "is the disk full?"), o->path, sf_strerror(o->sf));
		return -1;
	}
	o->done += n;
	return 0;
}

/* Closes the piece and renames it into place, or removes it. */
static int
cut_close(struct cut_out *o, int ok, char **cause)
{
	int	err;

	err = sf_error(o->sf);
	if (sf_close(o->sf) != 0 && ok) {
		*cause = xprintf(_("%s: cannot write; is the disk full?"),
		    o->path);
		ok = 0;
	} else if (err != SF_ERR_NO_ERROR && ok) {
		*cause = xprintf(_("%s: cannot write (libsndfile says: %s); "
		    "is the disk full?"), o->path, sf_error_number(err));
		ok = 0;
	}
	if (ok && rename(o->tmp, o->path) != 0) {
		*cause = xprintf(_("%s: cannot write: %s"), o->path,
		    strerror(errno));
		ok = 0;
	}
	if (!ok)
		unlink(o->tmp);
	free(o->tmp);
	return ok ? 0 : -1;
}

/* ---- the shortcut: a slice of a mono 16-bit WAV ---- */

static uint32_t
cut_le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static void
cut_put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

/*
 * Finds where a plain PCM WAV keeps its samples, if it is mono, 16-bit,
 * little-endian at rate with at least frames of them; sets c->fd.
 */
static void
cut_shortcut(struct audio_cutter *c)
{
	unsigned char	 h[4096];
	ssize_t		 n;
	size_t		 at = 12;
	int		 fmt_ok = 0;
	uint16_t	 one = 1;

	c->fd = -1;
	if (c->flac || c->out_rate != c->info.rate || c->info.channels != 1 ||
	    strcmp(c->info.format, "WAV") != 0 || *(unsigned char *)&one != 1)
		return;
	if ((c->fd = open(c->path, O_RDONLY | O_CLOEXEC)) < 0)
		return;
	n = pread(c->fd, h, sizeof h, 0);
	if (n < 44 || memcmp(h, "RIFF", 4) != 0 || memcmp(h + 8, "WAVE", 4) != 0)
		goto no;
	while (at + 8 <= (size_t)n) {
		uint32_t	size = cut_le32(h + at + 4);

		if (memcmp(h + at, "fmt ", 4) == 0 && at + 24 <= (size_t)n) {
			unsigned	tag = h[at + 8] | h[at + 9] << 8;

			fmt_ok = (tag == 1 || tag == 0xfffe) &&
			    (h[at + 10] | h[at + 11] << 8) == 1 &&
			    cut_le32(h + at + 12) == (uint32_t)c->info.rate &&
			    (h[at + 22] | h[at + 23] << 8) == 16;
		} else if (memcmp(h + at, "data", 4) == 0) {
			if (!fmt_ok || size / 2 < (uint64_t)c->info.frames)
				goto no;
			c->data = (int64_t)at + 8;
			return;
		}
		at += 8 + size + (size & 1);
	}
no:
	close(c->fd);
	c->fd = -1;
}

/* Copies len bytes at *off of in to out, by the kernel when it can. */
static int
cut_copy(int in, off_t off, int out, size_t len)
{
	char	buf[65536];
	ssize_t	n;

	while (len > 0) {
		n = copy_file_range(in, &off, out, NULL, len, 0);
		if (n > 0) {
			len -= (size_t)n;
			continue;
		}
		if (n == 0 || (errno != EXDEV && errno != ENOSYS &&
		    errno != EINVAL && errno != EOPNOTSUPP))
			return -1;
		/* Another file system: read and write. */
		n = pread(in, buf, len < sizeof buf ? len : sizeof buf, off);
		if (n <= 0 || write(out, buf, (size_t)n) != n)
			return -1;
		off += n;
		len -= (size_t)n;
	}
	return 0;
}

static int
cut_slice(struct audio_cutter *c, int64_t from, int64_t to, const char *path,
    char **cause)
{
	unsigned char	 h[44];
	uint32_t	 bytes = (uint32_t)((to - from) * 2);
	char		*tmp = c->direct ? xstrdup(path) : cut_temp_name(path);
	int		 fd, ok;

	memcpy(h, "RIFF", 4);
	cut_put32(h + 4, 36 + bytes);
	memcpy(h + 8, "WAVEfmt ", 8);
	cut_put32(h + 16, 16);
	h[20] = 1;			/* PCM */
	h[21] = 0;
	h[22] = 1;			/* mono */
	h[23] = 0;
	cut_put32(h + 24, (uint32_t)c->out_rate);
	cut_put32(h + 28, (uint32_t)c->out_rate * 2);
	h[32] = 2;			/* bytes per frame */
	h[33] = 0;
	h[34] = 16;			/* bits */
	h[35] = 0;
	memcpy(h + 36, "data", 4);
	cut_put32(h + 40, bytes);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0666)) < 0) {
		*cause = xprintf(_("%s: cannot write: %s; check that its "
		    "directory exists and is writable"), path, strerror(errno));
		free(tmp);
		return -1;
	}
	ok = write(fd, h, sizeof h) == (ssize_t)sizeof h &&
	    cut_copy(c->fd, (off_t)(c->data + from * 2), fd, bytes) == 0;
	if (!ok)
		*cause = xprintf(_("%s: cannot write: %s; is the disk full?"),
		    path, strerror(errno));
	if (close(fd) != 0 && ok) {
		*cause = xprintf(_("%s: cannot write: %s"), path,
		    strerror(errno));
		ok = 0;
	}
	if (ok && !c->direct && rename(tmp, path) != 0) {
		*cause = xprintf(_("%s: cannot write: %s"), path,
		    strerror(errno));
		ok = 0;
	}
	if (!ok)
		unlink(tmp);
	free(tmp);
	return ok ? 0 : -1;
}

/*
 * Pieces are written straight to their names, not under a temporary one:
 * for a directory no one else sees until it is complete (an export being
 * built), where the rename of every piece would only cost time.
 */
static void
audio_cutter_direct(struct audio_cutter *c, int direct)
{
	c->direct = direct;
}

/* ---- reading ---- */

/* Reads up to max frames into c->in; 0 with *cause set is a failure. */
static int64_t
cut_read(struct audio_cutter *c, int64_t max, char **cause)
{
	int64_t	n;

	if (max > CUT_CHUNK)
		max = CUT_CHUNK;
	if ((n = audio_read(c->af, c->in, max, cause)) <= 0) {
		if (n == 0)
			*cause = xprintf(_("%s: the file ends at frame %lld "
			    "although its header promises %lld; re-copy or "
			    "re-export it"), c->path, (long long)c->pos,
			    (long long)c->info.frames);
		c->pos = -1;	/* unknown: seek next time */
		return 0;
	}
	c->pos += n;
	return n;
}

/*
 * Puts the read position at frame from: a seek when it is behind or more
 * than a chunk ahead (decoding a chunk costs about what a seek in a
 * compressed file does), else reading and dropping the frames between.
 */
static int
cut_position(struct audio_cutter *c, int64_t from, char **cause)
{
	if (c->pos < 0 || from < c->pos || from - c->pos > CUT_CHUNK) {
		c->pos = -1;	/* unknown until the seek is done */
		if (audio_seek(c->af, from, cause) != 0)
			return -1;
		c->pos = from;
		return 0;
	}
	while (c->pos < from) {
		if (cut_read(c, from - c->pos, cause) == 0)
			return -1;
	}
	return 0;
}

/* ---- one channel of n frames ---- */

static inline int16_t
cut_round(float v)
{
	if (v >= 32767.0f)
		return 32767;
	if (v <= -32768.0f)
		return -32768;
	return (int16_t)(v >= 0.0f ? v + 0.5f : v - 0.5f);
}

/* Channel ch or the mix of in, as 16-bit samples. */
static const int16_t *
cut_mono16(struct audio_cutter *c, int64_t n, int ch)
{
	const int16_t	*in = c->in;
	int16_t		*out = c->mono;
	int		 nch = c->info.channels;
	float		 k = 1.0f / (float)nch;
	int32_t		 sum;

	if (nch == 1)
		return in;
	if (ch >= 0) {
		for (int64_t i = 0; i < n; i++)
			out[i] = in[i * nch + ch];
		return out;
	}
	if (nch == 2) {
		for (int64_t i = 0; i < n; i++) {
			sum = in[2 * i] + in[2 * i + 1];
			out[i] = cut_round((float)sum * 0.5f);
		}
		return out;
	}
	for (int64_t i = 0; i < n; i++) {
		sum = 0;
		for (int j = 0; j < nch; j++)
			sum += in[i * nch + j];
		out[i] = cut_round((float)sum * k);
	}
	return out;
}

/* Channel ch or the mix of in, as floats in 16-bit units. */
static void
cut_monof(struct audio_cutter *c, int64_t n, int ch)
{
	const int16_t	*in = c->in;
	float		*out = c->fin;
	int		 nch = c->info.channels;
	float		 k = 1.0f / (float)nch;
	int32_t		 sum;

	if (nch == 1 || ch >= 0) {
		if (ch < 0)
			ch = 0;
		for (int64_t i = 0; i < n; i++)
			out[i] = in[i * nch + ch];
		return;
	}
	if (nch == 2) {
		for (int64_t i = 0; i < n; i++)
			out[i] = (float)(in[2 * i] + in[2 * i + 1]) * 0.5f;
		return;
	}
	for (int64_t i = 0; i < n; i++) {
		sum = 0;
		for (int j = 0; j < nch; j++)
			sum += in[i * nch + j];
		out[i] = (float)sum * k;
	}
}

/* ---- resampling ---- */

/* Runs the resampler on n floats of c->fin (NULL: the end) and writes. */
static int
cut_resample(struct audio_cutter *c, struct cut_out *o, int64_t n,
    int end, char **cause)
{
	const float	*in = end ? NULL : c->fin;
	size_t		 left = (size_t)n, idone, odone;
	soxr_error_t	 err;

	do {
		err = soxr_process(c->soxr, in, left, &idone, c->fout,
		    c->outcap, &odone);
		if (err != NULL) {
			*cause = xprintf(_("%s: cannot resample (libsoxr says: "
			    "%s)"), c->path, soxr_strerror(err));
			return -1;
		}
		for (size_t i = 0; i < odone; i++)
			c->mono[i] = cut_round(c->fout[i]);
		if (cut_write(o, c->mono, (int64_t)odone, cause) != 0)
			return -1;
		if (!end && idone == 0 && odone == 0) {
			*cause = xprintf(_("%s: the resampler stopped taking "
			    "input"), c->path);
			return -1;
		}
		if (in != NULL) {
			in += idone;
			left -= idone;
		}
		/* At the end, until the resampler is empty. */
	} while (left > 0 || (end && odone > 0 && o->done < o->want));
	return 0;
}

/*
 * The length of a piece of n frames at out_rate: n * out / in rounded half
 * up, which is what libsoxr gives for a whole signal. cut_write() drops
 * anything past it and audio_cut() pads with silence to it, so the length
 * does not depend on the resampler's rounding.
 */
static int64_t
cut_frames(int64_t n, int in_rate, int out_rate)
{
	return (n * 2 * out_rate + in_rate) / (2 * (int64_t)in_rate);
}

static int
cut_pad(struct cut_out *o, int16_t *buf, size_t cap, char **cause)
{
	int64_t	n;

	memset(buf, 0, cap * sizeof *buf);
	while (o->done < o->want) {
		n = o->want - o->done < (int64_t)cap ? o->want - o->done :
		    (int64_t)cap;
		if (cut_write(o, buf, n, cause) != 0)
			return -1;
	}
	return 0;
}

/* ---- cutting ---- */

static int
cut_check(struct audio_cutter *c, int64_t from, int64_t to, int ch,
    const char *path, char **cause)
{
	if (from < 0 || to <= from) {
		*cause = xprintf(_("%s: cannot cut frames %lld to %lld of %s: "
		    "the piece is empty"), path, (long long)from,
		    (long long)to, c->path);
		return -1;
	}
	if (to > c->info.frames) {
		*cause = xprintf(_("%s: cannot cut frames %lld to %lld: the "
		    "recording has only %lld; has the file changed since it "
		    "was added?"), c->path, (long long)from, (long long)to,
		    (long long)c->info.frames);
		return -1;
	}
	if (ch < -1 || ch >= c->info.channels) {
		*cause = xprintf(_("%s: has no channel %d (it has %d)"),
		    c->path, ch + 1, c->info.channels);
		return -1;
	}
	return 0;
}

int
audio_cut(struct audio_cutter *c, int64_t from, int64_t to, int ch,
    const char *path, char **cause)
{
	struct cut_out	 o;
	const int16_t	*mono;
	int64_t		 n;
	int		 ok = 0;

	if (cut_check(c, from, to, ch, path, cause) != 0)
		return -1;
	if (c->fd >= 0)
		return cut_slice(c, from, to, path, cause);
	memset(&o, 0, sizeof o);
	o.path = path;
	o.want = c->soxr == NULL ? to - from :
	    cut_frames(to - from, c->info.rate, c->out_rate);
	if (cut_open(c, &o, cause) != 0)
		return -1;
	if (c->soxr != NULL && c->used && soxr_clear(c->soxr) != NULL) {
		*cause = xprintf(_("%s: cannot reset the resampler"), c->path);
		goto out;
	}
	c->used = 1;
	if (cut_position(c, from, cause) != 0)
		goto out;
	while (c->pos < to) {
		if ((n = cut_read(c, to - c->pos, cause)) == 0)
			goto out;
		if (c->soxr == NULL) {
			mono = cut_mono16(c, n, ch);
			if (cut_write(&o, mono, n, cause) != 0)
				goto out;
			continue;
		}
		cut_monof(c, n, ch);
		if (cut_resample(c, &o, n, 0, cause) != 0)
			goto out;
	}
	if (c->soxr != NULL && (cut_resample(c, &o, 0, 1, cause) != 0 ||
	    cut_pad(&o, c->mono, c->outcap, cause) != 0))
		goto out;
	ok = 1;
out:
	return cut_close(&o, ok, cause);
}

/* ---- many pieces, on several threads ---- */

#define CUT_MAX_THREADS 8

struct cut_many {
	const struct audio_piece	*pieces;
	int				 rate;
	int				 flac;
	int				 direct;
	atomic_size_t			 done;
	atomic_int			 failed;
	pthread_mutex_t			 lock;
	char				*cause;		/* the first failure */
};

struct cut_worker {
	struct cut_many			*m;
	size_t				 first;
	size_t				 n;
	pthread_t			 thread;
	audio_cut_progress		 progress;	/* caller's thread only */
	void				*arg;
	size_t				 total;
	int				 started;	/* on its own thread */
};

static void
cut_fail(struct cut_many *m, char *cause)
{
	pthread_mutex_lock(&m->lock);
	if (m->cause == NULL)
		m->cause = cause;
	else
		free(cause);
	pthread_mutex_unlock(&m->lock);
	atomic_store(&m->failed, 1);
}

static void *
cut_work(void *arg)
{
	struct cut_worker	*w = arg;
	struct cut_many		*m = w->m;
	struct audio_cutter	*c = NULL;
	const char		*open_src = NULL;
	char			*cause = NULL;

	for (size_t i = w->first; i < w->first + w->n; i++) {
		const struct audio_piece *p = &m->pieces[i];

		if (atomic_load(&m->failed))
			break;
		if (open_src == NULL || strcmp(open_src, p->src) != 0) {
			audio_cutter_free(c);
			if ((c = audio_cutter_new(p->src, m->rate, m->flac,
			    &cause)) == NULL) {
				cut_fail(m, cause);
				break;
			}
			audio_cutter_direct(c, m->direct);
			open_src = p->src;
		}
		if (audio_cut(c, p->from, p->to, p->ch, p->dst, &cause) != 0) {
			cut_fail(m, cause);
			break;
		}
		atomic_fetch_add(&m->done, 1);
		if (w->progress != NULL)
			w->progress(w->arg, atomic_load(&m->done), w->total);
	}
	audio_cutter_free(c);
	return NULL;
}

int
audio_cut_many(const struct audio_piece *pieces, size_t n, int out_rate,
    int flac, int direct, int threads, audio_cut_progress progress,
    void *arg, char **cause)
{
	struct cut_worker	 w[CUT_MAX_THREADS];
	struct cut_many		 m;
	size_t			 at = 0;
	long			 cpus;

	if (threads <= 0) {
		cpus = sysconf(_SC_NPROCESSORS_ONLN);
		threads = cpus > 0 ? (int)cpus : 1;
	}
	if (threads > CUT_MAX_THREADS)
		threads = CUT_MAX_THREADS;
	if ((size_t)threads > n)
		threads = n > 0 ? (int)n : 1;
	memset(&m, 0, sizeof m);
	m.pieces = pieces;
	m.rate = out_rate;
	m.flac = flac;
	m.direct = direct;
	atomic_init(&m.done, 0);
	atomic_init(&m.failed, 0);
	pthread_mutex_init(&m.lock, NULL);
	memset(w, 0, sizeof w);
	for (int t = 0; t < threads; t++) {
		w[t].m = &m;
		w[t].first = at;
		w[t].n = n / (size_t)threads + ((size_t)t < n % (size_t)threads);
		at += w[t].n;
	}
	/* Workers 1.. on threads of their own; worker 0 here, with progress. */
	for (int t = 1; t < threads; t++)
		w[t].started = pthread_create(&w[t].thread, NULL, cut_work,
		    &w[t]) == 0;
	for (int t = 0; t < threads; t++) {
		/* Worker 0, and any whose thread could not start. */
		if (t > 0 && w[t].started)
			continue;
		w[t].progress = progress;
		w[t].arg = arg;
		w[t].total = n;
		cut_work(&w[t]);
	}
	for (int t = 1; t < threads; t++) {
		if (w[t].started)
			pthread_join(w[t].thread, NULL);
	}
	pthread_mutex_destroy(&m.lock);
	if (atomic_load(&m.failed)) {
		*cause = m.cause;
		return -1;
	}
	return 0;
}
