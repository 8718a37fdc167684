/* test-checksum.c: XXH64 against xxhsum; the NH checksum's properties. */
#include "unit.h"

#include "checksum.h"

static void
test_xxh64_vectors(void **state)
{
	char	 x1000[1000];

	(void)state;
	memset(x1000, 'x', sizeof x1000);
	/* Reference values printed by `xxhsum -H64`. */
	assert_true(xxh64_buffer("", 0, 0) == 0xef46db3751d8e999ULL);
	assert_true(xxh64_buffer("abc", 3, 0) == 0x44bc2cf5ad770999ULL);
	assert_true(xxh64_buffer(x1000, sizeof x1000, 0) ==
	    0x4cb9a3b69cb700e1ULL);
}

static void
test_streaming_equals_whole(void **state)
{
	static unsigned char	buf[5000];
	struct xxh64		x;
	struct checksum		c;
	uint64_t		wx, wc;

	(void)state;
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (unsigned char)(i * 31 + 7);
	wx = xxh64_buffer(buf, sizeof buf, 0);
	wc = checksum_buffer(buf, sizeof buf);
	/* Every split into uneven pieces gives the same result. */
	for (size_t step = 1; step < 1100; step += 37) {
		xxh64_init(&x, 0);
		checksum_init(&c);
		for (size_t off = 0; off < sizeof buf; off += step) {
			size_t n = sizeof buf - off < step ? sizeof buf - off : step;

			xxh64_update(&x, buf + off, n);
			checksum_update(&c, buf + off, n);
		}
		assert_true(xxh64_final(&x) == wx);
		assert_true(checksum_final(&c) == wc);
	}
}

static void
test_checksum_sees_changes(void **state)
{
	static unsigned char	buf[4096], tmp[4096];
	uint64_t		base;

	(void)state;
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (unsigned char)(i * 131 + (i >> 7));
	base = checksum_buffer(buf, sizeof buf);
	/* Every single-bit flip, anywhere, changes it. */
	for (size_t i = 0; i < sizeof buf; i += 3) {
		for (int b = 0; b < 8; b++) {
			buf[i] ^= (unsigned char)(1 << b);
			assert_true(checksum_buffer(buf, sizeof buf) != base);
			buf[i] ^= (unsigned char)(1 << b);
		}
	}
	/* Swapping two blocks, or two words within one, changes it. */
	memcpy(tmp, buf, sizeof buf);
	memcpy(tmp, buf + 1024, 1024);
	memcpy(tmp + 1024, buf, 1024);
	assert_true(checksum_buffer(tmp, sizeof tmp) != base);
	memcpy(tmp, buf, sizeof buf);
	memcpy(tmp, buf + 4, 4);
	memcpy(tmp + 4, buf, 4);
	assert_true(checksum_buffer(tmp, sizeof tmp) != base);
	/* Trailing zeros are not the same as a shorter input. */
	memset(tmp, 0, sizeof tmp);
	assert_true(checksum_buffer(tmp, 100) != checksum_buffer(tmp, 101));
	assert_true(checksum_buffer(tmp, 0) != checksum_buffer(tmp, 1));
	/* Silence of any length is not a fixed point. */
	assert_true(checksum_buffer(tmp, 2048) != checksum_buffer(tmp, 4096));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xxh64_vectors),
		cmocka_unit_test(test_streaming_equals_whole),
		cmocka_unit_test(test_checksum_sees_changes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
