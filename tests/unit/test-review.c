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

static void
test_kappa(void **state)
{
	const char		*a[50], *b[50];
	struct review_kappa	 k;
	size_t			 i = 0;

	(void)state;
	/* The textbook case: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no. */
	for (int j = 0; j < 20; j++, i++) {
		a[i] = "yes";
		b[i] = "yes";
	}
	for (int j = 0; j < 5; j++, i++) {
		a[i] = "yes";
		b[i] = "no";
	}
	for (int j = 0; j < 10; j++, i++) {
		a[i] = "no";
		b[i] = "yes";
	}
	for (int j = 0; j < 15; j++, i++) {
		a[i] = "no";
		b[i] = "no";
	}
	review_kappa(a, b, 50, &k);
	assert_int_equal(k.n, 50);
	assert_int_equal(k.nlabels, 2);
	assert_string_equal(k.labels[0], "no");
	assert_int_equal(k.table[0 * 2 + 1], 10);	/* a no, b yes */
	assert_int_equal(k.table[1 * 2 + 0], 5);
	assert_true(k.observed > 0.6999 && k.observed < 0.7001);
	assert_true(k.expected > 0.4999 && k.expected < 0.5001);
	assert_true(k.kappa > 0.3999 && k.kappa < 0.4001);
	review_kappa_free(&k);

	/* dialect tags, one item rated by one linguist only */
	const char *x[] = { "beijing", "taiwan", "beijing", "hongkong", NULL };
	const char *y[] = { "beijing", "taiwan", "taiwan", "hongkong",
	    "beijing" };
	review_kappa(x, y, 5, &k);
	assert_int_equal(k.n, 4);
	assert_int_equal(k.nlabels, 3);
	/* po = 3/4; pe = (2/4*1/4) + (1/4*1/4) + (1/4*2/4) = 5/16 */
	assert_true(k.kappa > (0.75 - 0.3125) / (1 - 0.3125) - 1e-9 &&
	    k.kappa < (0.75 - 0.3125) / (1 - 0.3125) + 1e-9);
	review_kappa_free(&k);

	/* everyone always says the same: full agreement */
	const char *same[] = { "wu", "wu", "wu" };
	review_kappa(same, same, 3, &k);
	assert_true(k.kappa == 1.0);
	review_kappa_free(&k);
}

static void
test_sample(void **state)
{
	int64_t		ids[100], shuffled[100], a[100], b[100];
	size_t		na, nb;

	(void)state;
	for (int i = 0; i < 100; i++) {
		ids[i] = 1000 + i;
		shuffled[99 - i] = 1000 + i;
	}
	na = review_sample(ids, 100, 0.10, 7, a);
	nb = review_sample(shuffled, 100, 0.10, 7, b);
	assert_int_equal(na, 10);
	assert_int_equal(nb, 10);
	/* the same, whatever the order */
	assert_memory_equal(a, b, sizeof a[0] * 10);
	for (size_t i = 1; i < na; i++)
		assert_true(a[i - 1] < a[i]);
	/* another seed, another sample */
	nb = review_sample(ids, 100, 0.10, 8, b);
	assert_int_equal(nb, 10);
	assert_true(memcmp(a, b, sizeof a[0] * 10) != 0);
	/* rounding up, and the edges */
	assert_int_equal(review_sample(ids, 100, 0.001, 7, a), 1);
	assert_int_equal(review_sample(ids, 100, 1.0, 7, a), 100);
	assert_int_equal(review_sample(ids, 100, 0, 7, a), 0);
	assert_int_equal(review_sample(ids, 0, 0.5, 7, a), 0);
	/* 0.07 * 100 is 7.000000000000001 in binary: still 7 */
	assert_int_equal(review_sample(ids, 100, 0.07, 7, a), 7);
	assert_int_equal(review_sample(ids, 100, 0.29, 7, a), 29);
	assert_int_equal(review_sample(ids, 100, 0.071, 7, a), 8);
	/* a larger rate takes what a smaller one took, and more */
	na = review_sample(ids, 100, 0.05, 3, a);
	nb = review_sample(ids, 100, 0.20, 3, b);
	for (size_t i = 0; i < na; i++) {
		size_t	j = 0;

		while (j < nb && b[j] != a[i])
			j++;
		assert_true(j < nb);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_chinese),
		cmocka_unit_test(test_mixed),
		cmocka_unit_test(test_kappa),
		cmocka_unit_test(test_sample),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
