/*
 * test-player.c: the player's decoder, ring and speed change, through an
 * output that takes samples as fast as they come and keeps them.
 */
#include "unit.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "player.h"

struct mem_out {
	pthread_t	 thread;
	output_pull_fn	 pull;
	void		*arg;
	int		 channels;
	atomic_int	 done;
};

static int16_t	*captured;
static size_t	 ncaptured, capcap;
static int	 opened_channels;

static int
mem_init(char **cause)
{
	(void)cause;
	return 0;
}

static void
mem_exit(void)
{
}

static void *
mem_open(int rate, int channels, output_pull_fn pull, void *arg, char **cause)
{
	struct mem_out	*o = calloc(1, sizeof *o);

	(void)rate;
	(void)cause;
	o->pull = pull;
	o->arg = arg;
	o->channels = channels;
	opened_channels = channels;
	ncaptured = 0;
	return o;
}

/*
 * Takes 512 frames every 2 ms: faster than real time, as a test should be,
 * yet with a clock, as a device has one (the decoder must keep up).
 */
static void *
mem_run(void *arg)
{
	struct mem_out	*o = arg;
	struct timespec	 nap = { 0, 2000000 };
	int16_t		 buf[512 * 2];
	size_t		 got;

	do {
		nanosleep(&nap, NULL);
		got = o->pull(o->arg, buf, 512);
		if (ncaptured + got * (size_t)o->channels > capcap) {
			capcap = (capcap + got * (size_t)o->channels) * 2;
			captured = realloc(captured, capcap * sizeof *captured);
		}
		memcpy(captured + ncaptured, buf,
		    got * (size_t)o->channels * sizeof *buf);
		ncaptured += got * (size_t)o->channels;
	} while (got == 512);
	atomic_store(&o->done, 1);
	return NULL;
}

static int
mem_start(void *state, char **cause)
{
	(void)cause;
	return pthread_create(&((struct mem_out *)state)->thread, NULL,
	    mem_run, state);
}

static int
mem_done(void *state)
{
	return atomic_load(&((struct mem_out *)state)->done);
}

static void
mem_stop(void *state)
{
	(void)state;
}

static void
mem_close(void *state)
{
	struct mem_out	*o = state;

	pthread_join(o->thread, NULL);
	free(o);
}

static const struct output_ops mem_ops = {
	"memory", mem_init, mem_exit, mem_open, mem_start, mem_done, mem_stop,
	mem_close
};

struct fixture {
	char	*dir;
	char	*path;
};

static int
setup(void **state)
{
	struct fixture	*fx = calloc(1, sizeof *fx);

	fx->dir = unit_tmpdir();
	if (asprintf(&fx->path, "%s/t.wav", fx->dir) < 0)
		return -1;
	unit_write_tone(fx->path, SF_FORMAT_WAV, 16000, 2, 16000 * 3, 440);
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
play(const char *path, int64_t from, int64_t to, double speed, int channel)
{
	struct player_request	 rq = { path, from, to, speed, channel };
	struct player		*p;
	char			*cause = NULL;

	p = player_new(&mem_ops, &cause);
	assert_non_null(p);
	if (player_play(p, &rq, &cause) != 0)
		fail_msg("%s", cause);
	player_wait(p);
	assert_null(player_error(p));
	assert_int_equal(player_underruns(p), 0);
	assert_int_equal(player_position(p), to > 0 ? to : 16000 * 3);
	player_free(p);
}

static int16_t
source_sample(int64_t frame, int channel)
{
	return (int16_t)lrint(16383 * sin(2 * M_PI * 440 * (channel + 1) *
	    (double)frame / 16000));
}

static void
test_bit_exact_stretch(void **state)
{
	struct fixture	*fx = *state;

	play(fx->path, 8000, 24000, 1.0, -1);
	assert_int_equal(opened_channels, 2);
	assert_int_equal(ncaptured, 16000 * 2);
	for (size_t i = 0; i < 16000; i++) {
		assert_int_equal(captured[2 * i], source_sample(8000 + (int64_t)i, 0));
		assert_int_equal(captured[2 * i + 1],
		    source_sample(8000 + (int64_t)i, 1));
	}
}

static void
test_one_channel(void **state)
{
	struct fixture	*fx = *state;

	play(fx->path, 0, 4000, 1.0, 1);
	assert_int_equal(opened_channels, 1);
	assert_int_equal(ncaptured, 4000);
	for (size_t i = 0; i < 4000; i++)
		assert_int_equal(captured[i], source_sample((int64_t)i, 1));
}

static void
test_half_speed(void **state)
{
	struct fixture	*fx = *state;
	size_t		 frames;

	play(fx->path, 0, 0, 0.5, 0);
	frames = ncaptured;
	/* Twice as long, within 2%. */
	assert_true(frames > 96000 * 0.98 && frames < 96000 * 1.02);
}

static void
test_rejects(void **state)
{
	struct fixture		*fx = *state;
	struct player_request	 rq = { fx->path, 0, 0, 3.0, -1 };
	struct player		*p;
	char			*cause = NULL;

	p = player_new(&mem_ops, &cause);
	assert_int_equal(player_play(p, &rq, &cause), -1);
	assert_non_null(strstr(cause, "out of range"));
	free(cause);
	rq.speed = 1.0;
	rq.channel = 5;
	assert_int_equal(player_play(p, &rq, &cause), -1);
	assert_non_null(strstr(cause, "no channel 6"));
	free(cause);
	rq.channel = -1;
	rq.path = "/nonexistent.wav";
	assert_int_equal(player_play(p, &rq, &cause), -1);
	assert_non_null(strstr(cause, "/nonexistent.wav"));
	free(cause);
	player_free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_bit_exact_stretch, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_one_channel, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_half_speed, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_rejects, setup, teardown),
	};
	int	rc = cmocka_run_group_tests(tests, NULL, NULL);

	free(captured);
	return rc;
}
