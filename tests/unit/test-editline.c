/* test-editline.c: the edit line's clusters, words, cleaning and scrolling. */
#include "unit.h"

#include "editline.h"
#include "text.h"

#define E_ACUTE		"e\xcc\x81"			/* e + U+0301 */
#define NI		"\xe4\xbd\xa0"			/* 你 */
#define HAO		"\xe5\xa5\xbd"			/* 好 */
#define THUMB		"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd" /* U+1F44D U+1F3FD */
#define RI_C		"\xf0\x9f\x87\xa8"		/* regional indicator C */
#define RI_N		"\xf0\x9f\x87\xb3"		/* regional indicator N */
#define RI_J		"\xf0\x9f\x87\xaf"
#define RI_P		"\xf0\x9f\x87\xb5"
#define ZWJ		"\xe2\x80\x8d"
#define FAMILY		"\xf0\x9f\x91\xa8" ZWJ "\xf0\x9f\x91\xa9" ZWJ \
			"\xf0\x9f\x91\xa7"		/* man ZWJ woman ZWJ girl */
#define GA_JAMO		"\xe1\x84\x80\xe1\x85\xa1"	/* U+1100 U+1161 */
#define FFFD		"\xef\xbf\xbd"

static size_t
ins(struct editline *el, const char *s)
{
	return editline_insert(el, s, strlen(s));
}

static void
test_insert_middle(void **state)
{
	struct editline	el;

	(void)state;
	editline_init(&el, "hllo");
	assert_int_equal(el.cursor, 4);
	editline_home(&el);
	editline_right(&el);
	assert_int_equal(ins(&el, "e"), 1);
	assert_string_equal(editline_text(&el), "hello");
	assert_int_equal(el.cursor, 2);
	assert_int_equal(el.len, 5);
	assert_int_equal(ins(&el, NI HAO), 6);
	assert_string_equal(editline_text(&el), "he" NI HAO "llo");
	assert_int_equal(el.cursor, 8);
	editline_end(&el);
	ins(&el, " and a fairly long tail to make the buffer grow past 64");
	assert_string_equal(editline_text(&el), "he" NI HAO "llo and a fairly "
	    "long tail to make the buffer grow past 64");
	editline_set(&el, "new");
	assert_string_equal(editline_text(&el), "new");
	assert_int_equal(el.cursor, 3);
	editline_set(&el, el.buf + 1);	/* may alias its own buffer */
	assert_string_equal(editline_text(&el), "ew");
	editline_free(&el);
	editline_init(&el, NULL);
	assert_string_equal(editline_text(&el), "");
	assert_int_equal(el.cursor, 0);
	editline_free(&el);
}

/*
 * Checks that left from the end stops at each of stops (every boundary,
 * descending, ending with 0), and right comes back the same way.
 */
static void
check_left(const char *text, const size_t *stops, size_t n)
{
	struct editline	el;

	editline_init(&el, text);
	for (size_t i = 0; i < n; i++) {
		editline_left(&el);
		assert_int_equal(el.cursor, stops[i]);
	}
	editline_left(&el);
	assert_int_equal(el.cursor, 0);
	for (size_t i = n - 1; i > 0; i--) {
		editline_right(&el);
		assert_int_equal(el.cursor, stops[i - 1]);
	}
	editline_right(&el);
	assert_int_equal(el.cursor, strlen(text));
	editline_right(&el);
	assert_int_equal(el.cursor, strlen(text));
	editline_free(&el);
}

static void
test_clusters(void **state)
{
	const size_t	combining[] = { 7, 6, 3, 2, 1, 0 };	/* caf é s ! */
	const size_t	cjk[] = { 3, 0 };
	const size_t	thumb[] = { 9, 1, 0 };
	const size_t	flags[] = { 8, 0 };
	const size_t	family[] = { 19, 1, 0 };
	const size_t	jamo[] = { 6, 0 };

	(void)state;
	check_left("caf" E_ACUTE "s!", combining, 6);
	check_left(NI HAO, cjk, 2);
	check_left("a" THUMB "b", thumb, 3);
	check_left(RI_C RI_N RI_J RI_P, flags, 2);
	check_left("x" FAMILY "y", family, 3);
	check_left(GA_JAMO "a", jamo, 2);
}

static void
test_delete_clusters(void **state)
{
	struct editline	el;

	(void)state;
	editline_init(&el, "a" E_ACUTE "b");
	editline_left(&el);
	editline_backspace(&el);
	assert_string_equal(editline_text(&el), "ab");
	assert_int_equal(el.cursor, 1);
	editline_set(&el, "x" THUMB "y" FAMILY "z");
	editline_home(&el);
	editline_right(&el);
	editline_delete(&el);
	assert_string_equal(editline_text(&el), "xy" FAMILY "z");
	editline_right(&el);
	editline_delete(&el);
	assert_string_equal(editline_text(&el), "xyz");
	assert_int_equal(el.cursor, 2);
	editline_set(&el, RI_C RI_N RI_J RI_P GA_JAMO);
	editline_backspace(&el);
	assert_string_equal(editline_text(&el), RI_C RI_N RI_J RI_P);
	editline_backspace(&el);
	assert_string_equal(editline_text(&el), RI_C RI_N);
	editline_home(&el);
	editline_backspace(&el);	/* nothing before */
	editline_delete(&el);
	assert_string_equal(editline_text(&el), "");
	editline_delete(&el);		/* nothing after */
	editline_backspace(&el);
	assert_int_equal(el.len, 0);
	editline_free(&el);
}

/* Edits that join clusters leave the cursor after the joined one. */
static void
test_join(void **state)
{
	struct editline	el;

	(void)state;
	editline_init(&el, RI_N);
	editline_home(&el);
	ins(&el, RI_C);
	assert_string_equal(editline_text(&el), RI_C RI_N);
	assert_int_equal(el.cursor, 8);
	editline_set(&el, RI_C " " RI_N);
	editline_left(&el);
	editline_backspace(&el);
	assert_string_equal(editline_text(&el), RI_C RI_N);
	assert_int_equal(el.cursor, 8);
	editline_set(&el, "x\xcc\x81");	/* a typed combining mark joins */
	assert_int_equal(el.cursor, 3);
	editline_left(&el);
	assert_int_equal(el.cursor, 0);
	editline_free(&el);
}

static void
check_words(const char *text, const size_t *left, const size_t *right,
    size_t n)
{
	struct editline	el;

	editline_init(&el, text);
	for (size_t i = 0; i < n; i++) {
		editline_word_left(&el);
		assert_int_equal(el.cursor, left[i]);
	}
	editline_word_left(&el);
	assert_int_equal(el.cursor, 0);
	for (size_t i = 0; i < n; i++) {
		editline_word_right(&el);
		assert_int_equal(el.cursor, right[i]);
	}
	editline_word_right(&el);
	assert_int_equal(el.cursor, strlen(text));
	editline_free(&el);
}

static void
test_words(void **state)
{
	/* h0 ,5 ␠6 w7 ␠12 ␠13 f14, 17 bytes */
	const size_t	l1[] = { 14, 7, 5 }, r1[] = { 5, 7, 14 };
	/* 我0 们3 ␠6 t7 ␠12 学13 习16 a19, 22 bytes */
	const size_t	l2[] = { 19, 16, 13, 7, 3 }, r2[] = { 3, 7, 13, 16, 19 };
	struct editline	el;

	(void)state;
	check_words("hello, world  foo", l1, r1, 3);
	check_words("\xe6\x88\x91\xe4\xbb\xac today \xe5\xad\xa6\xe4\xb9\xa0"
	    "abc", l2, r2, 5);
	/* Ideographic space is white space; combining marks stay in words. */
	editline_init(&el, "caf" E_ACUTE "\xe3\x80\x80" "ok");
	editline_word_left(&el);
	assert_int_equal(el.cursor, 9);
	editline_word_left(&el);
	assert_int_equal(el.cursor, 0);
	editline_word_right(&el);
	assert_int_equal(el.cursor, 9);
	editline_free(&el);
}

static void
test_delete_words(void **state)
{
	struct editline	el;

	(void)state;
	editline_init(&el, "hello, world  foo");
	editline_delete_word_back(&el);
	assert_string_equal(editline_text(&el), "hello, world  ");
	editline_delete_word_back(&el);
	assert_string_equal(editline_text(&el), "hello, ");
	editline_delete_word_back(&el);
	assert_string_equal(editline_text(&el), "hello");
	editline_delete_word_back(&el);
	assert_string_equal(editline_text(&el), "");
	editline_delete_word_back(&el);
	assert_int_equal(el.cursor, 0);

	editline_set(&el, "hello, world  foo");
	editline_home(&el);
	editline_delete_word_forward(&el);
	assert_string_equal(editline_text(&el), ", world  foo");
	editline_delete_word_forward(&el);
	assert_string_equal(editline_text(&el), " world  foo");
	editline_delete_word_forward(&el);
	assert_string_equal(editline_text(&el), "  foo");
	editline_delete_word_forward(&el);
	assert_string_equal(editline_text(&el), "");

	/* In the middle; each Han character is a word. */
	editline_set(&el, "ab \xe5\xad\xa6\xe4\xb9\xa0 cd");
	editline_home(&el);
	editline_right(&el);
	editline_right(&el);
	editline_delete_word_forward(&el);
	assert_string_equal(editline_text(&el), "ab\xe4\xb9\xa0 cd");
	assert_int_equal(el.cursor, 2);
	editline_right(&el);
	editline_delete_word_back(&el);
	assert_string_equal(editline_text(&el), "ab cd");
	assert_int_equal(el.cursor, 2);
	editline_free(&el);
}

static void
test_kill(void **state)
{
	struct editline	el;

	(void)state;
	editline_init(&el, "hello world");
	editline_home(&el);
	editline_word_right(&el);
	assert_int_equal(el.cursor, 6);
	editline_kill_to_start(&el);
	assert_string_equal(editline_text(&el), "world");
	assert_int_equal(el.cursor, 0);
	editline_right(&el);
	editline_right(&el);
	editline_kill_to_end(&el);
	assert_string_equal(editline_text(&el), "wo");
	assert_int_equal(el.cursor, 2);
	assert_int_equal(el.len, 2);
	editline_kill_to_end(&el);
	assert_string_equal(editline_text(&el), "wo");
	editline_free(&el);
}

static void
test_clean(void **state)
{
	struct editline	el;

	(void)state;
	editline_init(&el, NULL);
	assert_int_equal(ins(&el, "line1\nline2\tx\x01y"), 14);
	assert_string_equal(editline_text(&el), "line1 line2 xy");
	editline_set(&el, "");
	assert_int_equal(ins(&el, "a\xff" "b"), 5);
	assert_string_equal(editline_text(&el), "a" FFFD "b");
	assert_int_equal(el.cursor, 5);
	editline_set(&el, "");
	assert_int_equal(editline_insert(&el, "a\0b\r\nc\rd\x7f", 9), 6);
	assert_string_equal(editline_text(&el), "ab c d");
	editline_set(&el, "");
	/* a truncated sequence: one replacement for each byte */
	ins(&el, "\xe4\xbd");
	assert_string_equal(editline_text(&el), FFFD FFFD);
	editline_set(&el, "p\xe2\x80\xa8q");	/* U+2028 */
	assert_string_equal(editline_text(&el), "p q");
	assert_int_equal(editline_insert(&el, "\x01\x02", 2), 0);
	editline_free(&el);
}

static void
test_cursor_col(void **state)
{
	struct editline	el;

	(void)state;
	editline_init(&el, NI HAO "abc");
	assert_int_equal(editline_cursor_col(&el), 7);
	editline_left(&el);
	editline_left(&el);
	editline_left(&el);
	assert_int_equal(editline_cursor_col(&el), 4);
	editline_left(&el);
	assert_int_equal(editline_cursor_col(&el), 2);
	editline_set(&el, "a" E_ACUTE "\xcc\x81");
	assert_int_equal(editline_cursor_col(&el), 2);
	editline_left(&el);
	assert_int_equal(editline_cursor_col(&el), 1);
	editline_free(&el);
}

/* Columns of el's text between two offsets, as text_width() counts. */
static size_t
span_width(const struct editline *el, size_t from, size_t to)
{
	char	*s = strndup(el->buf + from, to - from);
	size_t	 w = text_width(s);

	free(s);
	return w;
}

static void
test_scroll_exact(void **state)
{
	const size_t	stops[] = { 13, 10, 9, 8, 7, 6, 5 };
	struct editline	el;
	size_t		first = 0;

	(void)state;
	/* a0 .. j9 你10 好13, 16 bytes, 14 columns */
	editline_init(&el, "abcdefghij" NI HAO);
	assert_int_equal(editline_scroll(&el, 10, &first), 5);
	assert_int_equal(first, 5);
	for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++) {
		editline_left(&el);
		assert_int_equal(el.cursor, stops[i]);
		assert_int_equal(editline_scroll(&el, 10, &first), 5);
	}
	editline_left(&el);
	assert_int_equal(editline_scroll(&el, 10, &first), 4);
	editline_end(&el);
	editline_left(&el);			/* on 好: 6 + 2 + 2 columns */
	assert_int_equal(editline_scroll(&el, 10, &first), 4);
	editline_end(&el);
	assert_int_equal(editline_scroll(&el, 10, &first), 5);
	editline_home(&el);
	assert_int_equal(editline_scroll(&el, 10, &first), 0);
	/* From 0 to the cursor on 你, which must be shown whole. */
	editline_end(&el);
	editline_left(&el);
	editline_left(&el);
	assert_int_equal(editline_scroll(&el, 10, &first), 2);
	/* Deleting pulls hidden text back into empty columns. */
	editline_end(&el);
	assert_int_equal(editline_scroll(&el, 10, &first), 5);
	editline_backspace(&el);
	editline_backspace(&el);
	assert_int_equal(editline_scroll(&el, 10, &first), 1);
	editline_backspace(&el);
	assert_int_equal(editline_scroll(&el, 10, &first), 0);
	/* Six wide characters: never start with half of one. */
	editline_set(&el, NI HAO NI HAO NI HAO);
	first = 0;
	assert_int_equal(editline_scroll(&el, 10, &first), 6);
	assert_int_equal(editline_scroll(&el, 2, &first), 18);
	editline_left(&el);
	assert_int_equal(editline_scroll(&el, 2, &first), 15);
	/* A stale offset in the middle of a character is mended. */
	first = 4;
	editline_home(&el);
	editline_right(&el);
	editline_right(&el);
	assert_int_equal(editline_scroll(&el, 10, &first), 3);
	/* U+200B is a cluster of no width: the cursor on it needs a cell. */
	editline_set(&el, "abcdefghij\xe2\x80\x8b");
	editline_left(&el);
	assert_int_equal(el.cursor, 10);
	first = 0;
	assert_int_equal(editline_scroll(&el, 10, &first), 1);
	editline_free(&el);
}

/* Checks the scroll invariants at the current cursor; returns first. */
static size_t
check_scroll(const struct editline *el, size_t width, size_t *first,
    const char *bounds)
{
	size_t	old = *first, f, need = 1, next = el->cursor;

	if (el->cursor < el->len) {
		while (bounds[++next] == 0)
			;
		need = span_width(el, el->cursor, next);
	}
	f = editline_scroll(el, width, first);
	assert_int_equal(f, *first);
	assert_true(f <= el->cursor);
	assert_true(bounds[f]);
	assert_true(span_width(el, f, el->cursor) <= width - 1);
	assert_true(span_width(el, f, el->cursor) + need <= width);
	if (old <= el->cursor && span_width(el, old, el->cursor) + need <= width)
		assert_int_equal(f, old);
	return f;
}

static void
test_scroll_walk(void **state)
{
	const char	*text = "Today " NI HAO "world, " THUMB " caf" E_ACUTE
	    NI NI HAO HAO " " RI_C RI_N " abc" FAMILY NI "xyz" HAO HAO NI " end";
	struct editline	el;
	char		bounds[256] = { 0 };
	size_t		first = 0, moved = 0, last;

	(void)state;
	editline_init(&el, text);
	assert_true(el.len < sizeof bounds);
	editline_home(&el);
	bounds[0] = 1;
	do {
		last = el.cursor;
		editline_right(&el);
		bounds[el.cursor] = 1;
	} while (el.cursor != last);
	/* Right to the end, left to the start, then by words both ways. */
	editline_home(&el);
	for (int pass = 0; pass < 4; pass++) {
		do {
			last = first;
			check_scroll(&el, 10, &first, bounds);
			moved += first != last;
			last = el.cursor;
			switch (pass) {
			case 0: editline_right(&el); break;
			case 1: editline_left(&el); break;
			case 2: editline_word_right(&el); break;
			default: editline_word_left(&el); break;
			}
			assert_true(bounds[el.cursor]);
		} while (el.cursor != last);
	}
	assert_true(moved > 4);
	assert_int_equal(first, 0);
	editline_free(&el);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_middle),
		cmocka_unit_test(test_clusters),
		cmocka_unit_test(test_delete_clusters),
		cmocka_unit_test(test_join),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_delete_words),
		cmocka_unit_test(test_kill),
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_cursor_col),
		cmocka_unit_test(test_scroll_exact),
		cmocka_unit_test(test_scroll_walk),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
