/* test-timecode.c: exact text <-> frame conversions. */
#include "unit.h"

#include "timecode.h"

static int64_t
parse(const char *s, int rate)
{
	int64_t	 f = -1;
	char	*cause = NULL;

	if (timecode_parse(s, rate, &f, &cause) != 0) {
		free(cause);
		return -1;
	}
	return f;
}

static void
test_parse_forms(void **state)
{
	(void)state;
	assert_int_equal(parse("0", 16000), 0);
	assert_int_equal(parse("12", 16000), 192000);
	assert_int_equal(parse("12.5", 16000), 200000);
	assert_int_equal(parse("1:02.250", 16000), 62 * 16000 + 4000);
	assert_int_equal(parse("1:00:02.5", 8000), 3602 * 8000 + 4000);
	/* Exact decimal arithmetic: 0.1 s at 44.1 kHz is 4410 frames. */
	assert_int_equal(parse("0.1", 44100), 4410);
	assert_int_equal(parse("2.3", 44100), 101430);
	/* Rounds half up to the nearest frame: 1/3 ms at 16 kHz. */
	assert_int_equal(parse("0.00003125", 16000), 1);
	assert_int_equal(parse("0.00003", 16000), 0);
}

static void
test_parse_rejects(void **state)
{
	const char *bad[] = { "", "-1", "1.", ".5", "1:60", "1:60:00", "abc",
	    "1e3", "1:2:3:4", "12 ", "0x10", "99999999999" };
	char	*cause = NULL;
	int64_t	 f;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(timecode_parse(bad[i], 16000, &f, &cause), -1);
		assert_non_null(strstr(cause, "is not a time"));
		free(cause);
		cause = NULL;
	}
}

static void
test_format(void **state)
{
	char	buf[TIMECODE_BUFSIZE];

	(void)state;
	assert_string_equal(timecode_hms(0, 16000, buf), "0:00:00.000");
	assert_string_equal(timecode_hms(16000 * 3723 + 8, 16000, buf),
	    "1:02:03.001");
	assert_string_equal(timecode_sec(200000, 16000, buf), "12.500");
	/* 1 frame at 44.1 kHz is 0.0227 ms: rounds to 0.000. */
	assert_string_equal(timecode_sec(1, 44100, buf), "0.000");
	assert_string_equal(timecode_sec(441 * 5, 44100, buf), "0.050");
	assert_int_equal(timecode_frames(1500, 16000), 24000);
	assert_int_equal(timecode_ms(24000, 16000), 1500);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_forms),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
