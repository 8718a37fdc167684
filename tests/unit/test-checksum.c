/* test-checksum.c: XXH64 against reference values from xxhsum. */
#include "unit.h"

#include "checksum.h"

static void
test_reference_vectors(void **state)
{
	char	 x1000[1000];

	(void)state;
	memset(x1000, 'x', sizeof x1000);
	/* Reference values printed by `xxhsum -H64`. */
	assert_true(checksum_buffer("", 0, 0) == 0xef46db3751d8e999ULL);
	assert_true(checksum_buffer("abc", 3, 0) == 0x44bc2cf5ad770999ULL);
	assert_true(checksum_buffer(x1000, sizeof x1000, 0) ==
	    0x4cb9a3b69cb700e1ULL);
}

static void
test_streaming_equals_whole(void **state)
{
	unsigned char	buf[4099];
	struct checksum	c;
	uint64_t	whole;

	(void)state;
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (unsigned char)(i * 31 + 7);
	whole = checksum_buffer(buf, sizeof buf, 0);
	/* Every split into uneven pieces gives the same result. */
	for (size_t step = 1; step < 70; step += 3) {
		checksum_init(&c, 0);
		for (size_t off = 0; off < sizeof buf; off += step) {
			size_t n = sizeof buf - off < step ? sizeof buf - off : step;

			checksum_update(&c, buf + off, n);
		}
		assert_true(checksum_final(&c) == whole);
	}
}

static void
test_format(void **state)
{
	char	buf[24];

	(void)state;
	checksum_format(0xef46db3751d8e999ULL, buf);
	assert_string_equal(buf, "xxh64:ef46db3751d8e999");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reference_vectors),
		cmocka_unit_test(test_streaming_equals_whole),
		cmocka_unit_test(test_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
