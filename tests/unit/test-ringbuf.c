/* test-ringbuf.c: wrap-around and a producer/consumer pair of threads. */
#include "unit.h"

#include <pthread.h>

#include "ringbuf.h"

static void
test_wrap(void **state)
{
	struct ringbuf	rb;
	int16_t		in[700], out[700];
	int16_t		next = 0, expect = 0;

	(void)state;
	ringbuf_init(&rb, 1000);
	assert_int_equal(rb.size, 1024);
	for (int round = 0; round < 50; round++) {
		size_t n = 300 + (size_t)round * 7 % 400, w, r;

		for (size_t i = 0; i < n; i++)
			in[i] = next++;
		w = ringbuf_write(&rb, in, n);
		assert_int_equal(w, n);
		r = ringbuf_read(&rb, out, n);
		assert_int_equal(r, n);
		for (size_t i = 0; i < r; i++)
			assert_int_equal(out[i], expect++);
	}
	/* Full ring refuses more. */
	for (size_t i = 0; i < 700; i++)
		in[i] = 1;
	assert_int_equal(ringbuf_write(&rb, in, 700), 700);
	assert_int_equal(ringbuf_write(&rb, in, 700), 324);
	assert_int_equal(ringbuf_writable(&rb), 0);
	assert_int_equal(ringbuf_readable(&rb), 1024);
	ringbuf_free(&rb);
}

#define TOTAL 2000000

static void *
producer(void *arg)
{
	struct ringbuf	*rb = arg;
	int16_t		 buf[333];
	uint32_t	 v = 0;

	while (v < TOTAL) {
		size_t n = 0, w;

		while (n < 333 && v + n < TOTAL) {
			buf[n] = (int16_t)((v + n) & 0x7fff);
			n++;
		}
		for (size_t done = 0; done < n; done += w)
			w = ringbuf_write(rb, buf + done, n - done);
		v += (uint32_t)n;
	}
	return NULL;
}

static void
test_threads(void **state)
{
	struct ringbuf	rb;
	pthread_t	t;
	int16_t		buf[257];
	uint32_t	got = 0;

	(void)state;
	ringbuf_init(&rb, 4096);
	assert_int_equal(pthread_create(&t, NULL, producer, &rb), 0);
	while (got < TOTAL) {
		size_t n = ringbuf_read(&rb, buf, 257);

		for (size_t i = 0; i < n; i++, got++) {
			if (buf[i] != (int16_t)(got & 0x7fff))
				fail_msg("sample %u is %d", got, buf[i]);
		}
	}
	pthread_join(t, NULL);
	assert_int_equal(ringbuf_readable(&rb), 0);
	ringbuf_free(&rb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_threads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
