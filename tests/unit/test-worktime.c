/* test-worktime.c: time worked on a segment, long pauses left out. */
#include "unit.h"

#include "worktime.h"

#define MIN	((int64_t)60 * 1000)

static void
test_counts_activity(void **state)
{
	struct worktime	w;

	(void)state;
	worktime_start(&w, 7, 1000);
	assert_int_equal(worktime_ms(&w, 7, 1000), 0);
	worktime_touch(&w, 4000);
	worktime_touch(&w, 9000);
	assert_int_equal(worktime_ms(&w, 7, 9000), 8000);
	/* The time since the last touch counts too, under the same rule. */
	assert_int_equal(worktime_ms(&w, 7, 10500), 9500);
	/* Asking changes nothing. */
	assert_int_equal(worktime_ms(&w, 7, 10500), 9500);
}

static void
test_long_pauses_do_not_count(void **state)
{
	struct worktime	w;

	(void)state;
	worktime_start(&w, 3, 0);
	worktime_touch(&w, 2 * MIN);
	/* Exactly the limit still counts; a moment more is a break. */
	worktime_touch(&w, 7 * MIN);
	assert_int_equal(worktime_ms(&w, 3, 7 * MIN), 7 * MIN);
	worktime_touch(&w, 12 * MIN + 1);
	assert_int_equal(worktime_ms(&w, 3, 12 * MIN + 1), 7 * MIN);
	worktime_touch(&w, 12 * MIN + 501);
	assert_int_equal(worktime_ms(&w, 3, 12 * MIN + 501), 7 * MIN + 500);
	/* Away since the last touch: the open gap does not count either. */
	assert_int_equal(worktime_ms(&w, 3, 40 * MIN), 7 * MIN + 500);
}

static void
test_other_subject_and_restart(void **state)
{
	struct worktime	w = { 0 };

	(void)state;
	/* No clock yet: touches do nothing, nothing is counted. */
	worktime_touch(&w, 5000);
	assert_int_equal(worktime_ms(&w, 0, 6000), 0);
	worktime_start(&w, 1, 10000);
	worktime_touch(&w, 15000);
	assert_int_equal(worktime_ms(&w, 2, 15000), 0);
	assert_int_equal(worktime_ms(&w, 1, 15000), 5000);
	/* After a change is written the clock starts again. */
	worktime_start(&w, 1, 15000);
	assert_int_equal(worktime_ms(&w, 1, 15200), 200);
	/* A clock going backwards is no time. */
	worktime_touch(&w, 14000);
	assert_int_equal(worktime_ms(&w, 1, 15000), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_activity),
		cmocka_unit_test(test_long_pauses_do_not_count),
		cmocka_unit_test(test_other_subject_and_restart),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
