/* output-null.c: an output without sound that keeps real time. */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "output.h"
#include "xmalloc.h"

#define NULL_PERIOD_MS 20

struct null_out {
	pthread_t	 thread;
	int		 running;
	output_pull_fn	 pull;
	void		*arg;
	int		 rate;
	int		 channels;
	int16_t		*buf;
	size_t		 period;	/* frames */
	atomic_int	 stop;
	atomic_int	 done;
};

static int
null_init(char **cause)
{
	(void)cause;
	return 0;
}

static void
null_exit(void)
{
}

static void *
null_open(int rate, int channels, output_pull_fn pull, void *arg, char **cause)
{
	struct null_out	*o = xcalloc(1, sizeof *o);

	(void)cause;
	o->pull = pull;
	o->arg = arg;
	o->rate = rate;
	o->channels = channels;
	o->period = (size_t)rate * NULL_PERIOD_MS / 1000;
	if (o->period == 0)
		o->period = 1;
	o->buf = xcalloc(o->period * (size_t)channels, sizeof *o->buf);
	atomic_init(&o->stop, 0);
	atomic_init(&o->done, 0);
	return o;
}

static void *
null_run(void *arg)
{
	struct null_out	*o = arg;
	struct timespec	 next;
	size_t		 got;

	clock_gettime(CLOCK_MONOTONIC, &next);
	while (!atomic_load(&o->stop)) {
		got = o->pull(o->arg, o->buf, o->period);
		if (got < o->period)
			break;
		next.tv_nsec += NULL_PERIOD_MS * 1000000L;
		if (next.tv_nsec >= 1000000000L) {
			next.tv_nsec -= 1000000000L;
			next.tv_sec++;
		}
		while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next,
		    NULL) == EINTR)
			;
	}
	atomic_store(&o->done, 1);
	return NULL;
}

static int
null_start(void *state, char **cause)
{
	struct null_out	*o = state;

	if (pthread_create(&o->thread, NULL, null_run, o) != 0) {
		*cause = xstrdup(_("cannot start the playback thread"));
		return -1;
	}
	o->running = 1;
	return 0;
}

static int
null_done(void *state)
{
	return atomic_load(&((struct null_out *)state)->done);
}

static void
null_stop(void *state)
{
	struct null_out	*o = state;

	atomic_store(&o->stop, 1);
	if (o->running)
		pthread_join(o->thread, NULL);
	o->running = 0;
}

static void
null_close(void *state)
{
	struct null_out	*o = state;

	null_stop(o);
	free(o->buf);
	free(o);
}

const struct output_ops output_null = {
	"null", null_init, null_exit, null_open, null_start, null_done,
	null_stop, null_close
};
