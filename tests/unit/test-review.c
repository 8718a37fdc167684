/* test-review.c: edit distances between passes, in several scripts. */
#include "unit.h"

#include "review.h"

static void
check(const char *ref, const char *hyp, enum review_tokens how, size_t nref,
    size_t sub, size_t del, size_t ins)
{
	struct review_errors	e = { 0 };

	review_distance(ref, hyp, how, &e);
	if (e.ref != nref || e.sub != sub || e.del != del || e.ins != ins)
		fail_msg("'%s' vs '%s': got ref %zu sub %zu del %zu ins %zu, "
		    "want %zu %zu %zu %zu", ref, hyp, e.ref, e.sub, e.del,
		    e.ins, nref, sub, del, ins);
}

static void
test_words(void **state)
{
	struct review_errors	e = { 0 };

	(void)state;
	check("the cat sat on the mat", "the cat sit on mat", REVIEW_WORDS,
	    6, 1, 1, 0);
	check("the cat", "the cat", REVIEW_WORDS, 2, 0, 0, 0);
	check("a b", "b a", REVIEW_WORDS, 2, 2, 0, 0);
	check("", "", REVIEW_WORDS, 0, 0, 0, 0);
	check("", "extra words", REVIEW_WORDS, 0, 0, 0, 2);
	check("all gone", "", REVIEW_WORDS, 2, 0, 2, 0);
	/* any white space separates, U+3000 too */
	check("one  two\tthree", "one\xe3\x80\x80two three", REVIEW_WORDS, 3,
	    0, 0, 0);
	review_distance("the cat sat on the mat", "the cat sit on mat",
	    REVIEW_WORDS, &e);
	assert_true(review_rate(&e) > 0.333 && review_rate(&e) < 0.334);
	/* passes add up */
	review_distance("good day", "good bay", REVIEW_WORDS, &e);
	assert_int_equal(e.ref, 8);
	assert_int_equal(e.sub, 2);
	assert_true(review_rate(&e) > 0.374 && review_rate(&e) < 0.376);
	memset(&e, 0, sizeof e);
	assert_true(review_rate(&e) == 0.0);
	e.ins = 1;
	assert_true(review_rate(&e) == 1.0);
}

static void
test_chinese(void **state)
{
	(void)state;
	/* 气 -> 汽, and 啊 added: two errors in six characters */
	check("今天天气很好", "今天天汽很好啊", REVIEW_CHARS, 6, 1, 0, 1);
	/* spaces are not characters */
	check("今天 天气", "今天天气", REVIEW_CHARS, 4, 0, 0, 0);
	/* Cantonese: traditional against simplified, three characters */
	check("呢個幾多錢", "呢个几多钱", REVIEW_CHARS, 5, 3, 0, 0);
	/* a character dropped at the start */
	check("大家好", "家好", REVIEW_CHARS, 3, 0, 1, 0);
	/* supplementary-plane Han (Ext B) is one character */
	check("\xf0\xa0\x80\x80好", "好", REVIEW_CHARS, 2, 0, 1, 0);
}

static void
test_mixed(void **state)
{
	(void)state;
	assert_int_equal(review_tokens_for("hello world"), REVIEW_WORDS);
	assert_int_equal(review_tokens_for("你好 world"), REVIEW_MIXED);
	assert_int_equal(review_tokens_for("ありがとう"), REVIEW_MIXED);
	assert_int_equal(review_tokens_for("안녕 하세요"), REVIEW_WORDS);
	/* Chinese characters one by one, an English word whole */
	check("我们开个meeting吧", "我们开个 meting 吧", REVIEW_MIXED, 6, 1, 0,
	    0);
	check("下周 review 一下", "下周review一下", REVIEW_MIXED, 5, 0, 0, 0);
	check("用 Zoom 开会", "用 zoom 开会", REVIEW_MIXED, 4, 1, 0, 0);
	/* in CHARS mode the English word is letters */
	check("开 go", "开 do", REVIEW_CHARS, 3, 1, 0, 0);
	/* combining marks stay with their letters in a word */
	check("cafe\xcc\x81 ok", "cafe ok", REVIEW_WORDS, 2, 1, 0, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_chinese),
		cmocka_unit_test(test_mixed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
