/* test-text.c: NFC, validation, display width and truncation. */
#include "unit.h"

#include "text.h"

static void
test_nfc(void **state)
{
	char	*out, *cause = NULL;

	(void)state;
	/* e + combining acute -> precomposed e-acute */
	out = text_normalize("caf\x65\xcc\x81", &cause);
	assert_non_null(out);
	assert_string_equal(out, "caf\xc3\xa9");
	free(out);
	/* Hangul jamo compose into a syllable. */
	out = text_normalize("\xe1\x84\x80\xe1\x85\xa1", &cause);
	assert_string_equal(out, "\xea\xb0\x80");
	free(out);
	/* CJK stays as typed; surrounding blanks (incl. ideographic space) go. */
	out = text_normalize("\xe3\x80\x80 \xe4\xbd\xa0\xe5\xa5\xbd world  ",
	    &cause);
	assert_string_equal(out, "\xe4\xbd\xa0\xe5\xa5\xbd world");
	free(out);
	out = text_normalize("   ", &cause);
	assert_string_equal(out, "");
	free(out);
}

static void
test_rejects(void **state)
{
	char	*cause = NULL;

	(void)state;
	assert_null(text_normalize("ab\xff" "cd", &cause));
	assert_non_null(strstr(cause, "offset 2"));
	free(cause);
	assert_null(text_normalize("line\nbreak", &cause));
	assert_non_null(strstr(cause, "U+000A"));
	free(cause);
	assert_null(text_normalize("tab\there", &cause));
	free(cause);
	/* An overlong encoding of '/' is invalid UTF-8. */
	assert_null(text_normalize("\xc0\xaf", &cause));
	free(cause);
}

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("\xe4\xbd\xa0\xe5\xa5\xbd"), 4);	/* 你好 */
	assert_int_equal(text_width("e\xcc\x81"), 1);	/* combining */
	assert_int_equal(text_width("\xef\xbc\xa1"), 2);	/* full-width A */
	assert_int_equal(text_width("a\xff" "b"), 3);	/* invalid byte: 1 */
}

static void
test_truncate(void **state)
{
	char	*t;

	(void)state;
	t = text_truncate("\xe4\xbd\xa0\xe5\xa5\xbd\xe4\xb8\x96\xe7\x95\x8c", 5, 0);
	/* 你好世界 in 5 columns: 你好 (4) + … (1) */
	assert_string_equal(t, "\xe4\xbd\xa0\xe5\xa5\xbd\xe2\x80\xa6");
	free(t);
	t = text_truncate("\xe4\xbd\xa0\xe5\xa5\xbd\xe4\xb8\x96", 4, 1);
	/* never half a wide character: 你 (2) + ~ (1) = 3 columns */
	assert_string_equal(t, "\xe4\xbd\xa0~");
	free(t);
	t = text_truncate("cafe\xcc\x81s", 5, 0);
	assert_string_equal(t, "cafe\xcc\x81s");
	free(t);
	t = text_truncate("cafe\xcc\x81xyz", 5, 0);
	/* the combining mark stays with its base */
	assert_string_equal(t, "cafe\xcc\x81\xe2\x80\xa6");
	free(t);
}

static void
test_skip_width(void **state)
{
	/* 你好ab */
	const char	*s = "\xe4\xbd\xa0\xe5\xa5\xbd" "ab";

	(void)state;
	assert_int_equal(text_skip_width(s, 0), 0);
	/* Half a wide character is the whole of it. */
	assert_int_equal(text_skip_width(s, 1), 3);
	assert_int_equal(text_skip_width(s, 2), 3);
	assert_int_equal(text_skip_width(s, 3), 6);
	assert_int_equal(text_skip_width(s, 5), 7);
	assert_int_equal(text_skip_width(s, 99), strlen(s));
	/* A combining mark goes with its base. */
	assert_int_equal(text_skip_width("e\xcc\x81x", 1), 3);
	/* A bad byte is one column. */
	assert_int_equal(text_skip_width("\xff" "a", 1), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_rejects),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_truncate),
		cmocka_unit_test(test_skip_width),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
