/* player.c: decoder thread, ring buffer and output. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <sonic.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audio.h"
#include "i18n.h"
#include "player.h"
#include "ringbuf.h"
#include "xmalloc.h"

#define PLAYER_CHUNK		4096	/* frames decoded at a time */
#define PLAYER_RING_MS		500
#define PLAYER_PREFILL_MS	1000	/* longest wait for the ring to fill */
#define PLAYER_WAIT_MIN_NS	5000000	/* see player_pull() */

struct player {
	const struct output_ops	*ops;
	void			*out;		/* open output stream */
	struct ringbuf		 ring;
	pthread_t		 decoder;
	int			 decoding;	/* decoder thread exists */

	/* set before the threads start, read-only while they run */
	struct audio_file	*file;
	int			 channels;	/* of the file */
	int			 outch;
	int			 pick;		/* channel to keep, or -1 */
	int64_t			 from;
	int64_t			 to;
	double			 speed;
	int			 rate;

	atomic_int		 stop;		/* controller -> decoder */
	atomic_int		 eof;		/* decoder -> output */
	atomic_int_fast64_t	 consumed;	/* output frames played */
	atomic_uint_fast64_t	 underruns;
	char			*error;		/* decoder's failure */
};

struct player *
player_new(const struct output_ops *ops, char **cause)
{
	struct player	*p;

	if (ops->init(cause) != 0)
		return NULL;
	p = xcalloc(1, sizeof *p);
	p->ops = ops;
	atomic_init(&p->stop, 0);
	atomic_init(&p->eof, 0);
	atomic_init(&p->consumed, 0);
	atomic_init(&p->underruns, 0);
	return p;
}

static int64_t
player_now_ns(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);	/* vDSO: no system call */
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/*
 * The output's pull function: runs on the audio thread, so it takes no lock,
 * allocates nothing and makes no system call. When the decoder is behind it
 * waits for it, spinning on the ring's atomics, for at most one buffer's
 * duration: data that comes a little late is better than a gap, and an
 * output without a clock (a file capture) gets every sample.
 */
static size_t
player_pull(void *arg, int16_t *buf, size_t frames)
{
	struct player	*p = arg;
	size_t		 want = frames * (size_t)p->outch, got;
	int64_t		 deadline = 0;

	got = ringbuf_read(&p->ring, buf, want);
	while (got < want &&
	    !atomic_load_explicit(&p->eof, memory_order_acquire)) {
		if (deadline == 0)
			deadline = player_now_ns() + PLAYER_WAIT_MIN_NS +
			    (int64_t)frames * 1000000000 / p->rate;
		else if (player_now_ns() > deadline)
			break;
		got += ringbuf_read(&p->ring, buf + got, want - got);
	}
	/* The decoder may have finished while we looked. */
	if (got < want)
		got += ringbuf_read(&p->ring, buf + got, want - got);
	atomic_fetch_add_explicit(&p->consumed,
	    (int_fast64_t)(got / (size_t)p->outch), memory_order_relaxed);
	if (got == want)
		return frames;
	memset(buf + got, 0, (want - got) * sizeof *buf);
	if (atomic_load_explicit(&p->eof, memory_order_acquire) &&
	    ringbuf_readable(&p->ring) == 0)
		return got / (size_t)p->outch;
	atomic_fetch_add_explicit(&p->underruns, frames - got / (size_t)p->outch,
	    memory_order_relaxed);
	return frames;
}

static void
player_nap(void)
{
	struct timespec	ts = { 0, 500 * 1000 };

	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

/*
 * Writes all n samples into the ring, whole frames at a time, waiting for
 * room; returns 0 if told to stop.
 */
static int
player_push(struct player *p, const int16_t *s, size_t n)
{
	size_t	done, room;

	while (n > 0) {
		if (atomic_load(&p->stop))
			return 0;
		room = ringbuf_writable(&p->ring);
		room -= room % (size_t)p->outch;
		done = ringbuf_write(&p->ring, s, n < room ? n : room);
		s += done;
		n -= done;
		if (n > 0)
			player_nap();
	}
	return 1;
}

/* Keeps one channel of interleaved frames, in place. */
static void
player_pick(int16_t *buf, size_t frames, int channels, int pick)
{
	for (size_t i = 0; i < frames; i++)
		buf[i] = buf[i * (size_t)channels + (size_t)pick];
}

static void *
player_decode(void *arg)
{
	struct player	*p = arg;
	sonicStream	 sonic = NULL;
	int16_t		*in, *out;
	int64_t		 pos = p->from, want, n;
	size_t		 outcap = PLAYER_CHUNK * 4;
	int		 got;

	in = xcalloc(PLAYER_CHUNK, sizeof *in * (size_t)p->channels);
	out = xcalloc(outcap, sizeof *out * (size_t)p->outch);
	if (p->speed != 1.0) {
		sonic = sonicCreateStream(p->rate, p->outch);
		sonicSetSpeed(sonic, (float)p->speed);
	}
	while (!atomic_load(&p->stop) && pos < p->to) {
		want = p->to - pos < PLAYER_CHUNK ? p->to - pos : PLAYER_CHUNK;
		if ((n = audio_read(p->file, in, want, &p->error)) <= 0)
			break;
		pos += n;
		if (p->pick >= 0)
			player_pick(in, (size_t)n, p->channels, p->pick);
		if (sonic == NULL) {
			if (!player_push(p, in, (size_t)n * (size_t)p->outch))
				break;
			continue;
		}
		sonicWriteShortToStream(sonic, in, (int)n);
		while ((got = sonicReadShortFromStream(sonic, out,
		    (int)outcap)) > 0) {
			if (!player_push(p, out, (size_t)got * (size_t)p->outch))
				break;
		}
	}
	if (sonic != NULL) {
		sonicFlushStream(sonic);
		while ((got = sonicReadShortFromStream(sonic, out,
		    (int)outcap)) > 0) {
			if (!player_push(p, out, (size_t)got * (size_t)p->outch))
				break;
		}
		sonicDestroyStream(sonic);
	}
	free(in);
	free(out);
	atomic_store_explicit(&p->eof, 1, memory_order_release);
	return NULL;
}

void
player_stop(struct player *p)
{
	atomic_store(&p->stop, 1);
	if (p->out != NULL)
		p->ops->stop(p->out);
	if (p->decoding)
		pthread_join(p->decoder, NULL);
	p->decoding = 0;
	if (p->out != NULL)
		p->ops->close(p->out);
	p->out = NULL;
	audio_close(p->file);
	p->file = NULL;
	ringbuf_free(&p->ring);
	free(p->error);
	p->error = NULL;
}

/* Waits until the ring is full or the decoder is done, for a while. */
static void
player_prefill(struct player *p)
{
	for (int waited = 0; waited < PLAYER_PREFILL_MS; waited += 2) {
		if (ringbuf_writable(&p->ring) < PLAYER_CHUNK * (size_t)p->outch ||
		    atomic_load(&p->eof))
			return;
		player_nap();
	}
}

int
player_play(struct player *p, const struct player_request *rq, char **cause)
{
	struct audio_info	info;

	player_stop(p);
	if (rq->speed < PLAYER_SPEED_MIN || rq->speed > PLAYER_SPEED_MAX) {
		*cause = xprintf(_("speed %.2f is out of range: from %.1f to %.1f"),
		    rq->speed, PLAYER_SPEED_MIN, PLAYER_SPEED_MAX);
		return -1;
	}
	if ((p->file = audio_open(rq->path, &info, cause)) == NULL)
		return -1;
	if (rq->channel >= info.channels) {
		*cause = xprintf(_("%s: no channel %d (it has %d)"), rq->path,
		    rq->channel + 1, info.channels);
		goto fail;
	}
	p->channels = info.channels;
	p->pick = info.channels > 1 ? rq->channel : -1;
	p->outch = p->pick >= 0 ? 1 : info.channels;
	p->rate = info.rate;
	p->speed = rq->speed;
	p->from = rq->from < 0 ? 0 : rq->from;
	p->to = rq->to <= 0 || rq->to > info.frames ? info.frames : rq->to;
	if (p->from >= p->to) {
		*cause = xprintf(_("%s: nothing to play between frames %lld "
		    "and %lld"), rq->path, (long long)p->from, (long long)p->to);
		goto fail;
	}
	if (audio_seek(p->file, p->from, cause) != 0)
		goto fail;
	ringbuf_init(&p->ring, (size_t)info.rate * (size_t)p->outch *
	    PLAYER_RING_MS / 1000);
	atomic_store(&p->stop, 0);
	atomic_store(&p->eof, 0);
	atomic_store(&p->consumed, 0);
	atomic_store(&p->underruns, 0);
	if (pthread_create(&p->decoder, NULL, player_decode, p) != 0) {
		*cause = xstrdup(_("cannot start the decoder thread"));
		goto fail;
	}
	p->decoding = 1;
	player_prefill(p);
	p->out = p->ops->open(p->rate, p->outch, player_pull, p, cause);
	if (p->out == NULL || p->ops->start(p->out, cause) != 0) {
		player_stop(p);
		return -2;
	}
	return 0;
fail:
	player_stop(p);
	return -1;
}

int
player_active(struct player *p)
{
	return p->out != NULL && !p->ops->done(p->out);
}

void
player_wait(struct player *p)
{
	while (player_active(p))
		player_nap();
}

int64_t
player_position(struct player *p)
{
	int64_t	played = atomic_load(&p->consumed);
	int64_t	pos = p->from + (int64_t)llround((double)played * p->speed);

	return pos > p->to ? p->to : pos;
}

const char *
player_error(struct player *p)
{
	return atomic_load(&p->eof) ? p->error : NULL;
}

uint64_t
player_underruns(struct player *p)
{
	return atomic_load(&p->underruns);
}

void
player_free(struct player *p)
{
	if (p == NULL)
		return;
	player_stop(p);
	p->ops->exit();
	free(p);
}
