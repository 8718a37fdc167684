/*
 * test-review.c: edit distances between passes, in several scripts; the
 * character-level diff for the screen.
 */
#include "unit.h"

#include "checksum.h"
#include "review.h"
#include "xmalloc.h"

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

/* ---- review_diff ---- */

/*
 * Checks the spans against both texts: they spell old and new, start where
 * the one before ended, are never empty, never repeat an op, and put a
 * DEL before an INS.
 */
static void
diff_verify(const char *old, const char *new, const struct review_span *sp,
    size_t n)
{
	size_t	po = 0, pn = 0;

	for (size_t k = 0; k < n; k++) {
		assert_true(sp[k].len > 0);
		assert_int_equal(sp[k].off_old, po);
		assert_int_equal(sp[k].off_new, pn);
		if (k > 0) {
			assert_true(sp[k].op != sp[k - 1].op);
			assert_false(sp[k - 1].op == REVIEW_INS &&
			    sp[k].op == REVIEW_DEL);
		}
		switch (sp[k].op) {
		case REVIEW_SAME:
			assert_memory_equal(old + po, new + pn, sp[k].len);
			po += sp[k].len;
			pn += sp[k].len;
			break;
		case REVIEW_DEL:
			po += sp[k].len;
			break;
		case REVIEW_INS:
			pn += sp[k].len;
			break;
		}
	}
	assert_int_equal(po, strlen(old));
	assert_int_equal(pn, strlen(new));
}

/* The diff written out: SAME as is, [-DEL] and [+INS]. Caller frees. */
static char *
diff_show(const char *old, const char *new)
{
	struct review_span	*sp;
	size_t			 n, len = 1, at = 0;
	char			*out;

	n = review_diff(old, new, &sp);
	diff_verify(old, new, sp, n);
	for (size_t k = 0; k < n; k++)
		len += sp[k].len + 3;
	out = xmalloc(len);
	for (size_t k = 0; k < n; k++) {
		const char	*from = sp[k].op == REVIEW_INS ? new : old;
		size_t		 off = sp[k].op == REVIEW_INS ? sp[k].off_new :
				     sp[k].off_old;

		if (sp[k].op != REVIEW_SAME) {
			out[at++] = '[';
			out[at++] = sp[k].op == REVIEW_DEL ? '-' : '+';
		}
		memcpy(out + at, from + off, sp[k].len);
		at += sp[k].len;
		if (sp[k].op != REVIEW_SAME)
			out[at++] = ']';
	}
	out[at] = '\0';
	free(sp);
	return out;
}

static void
diff_check(const char *old, const char *new, const char *want)
{
	char	*got = diff_show(old, new);

	if (strcmp(got, want) != 0)
		fail_msg("'%s' -> '%s': got '%s', want '%s'", old, new, got,
		    want);
	free(got);
}

static void
test_diff(void **state)
{
	struct review_span	*sp;

	(void)state;
	/* a changed letter in a word */
	diff_check("the cat sat", "the cat sit", "the cat s[-a][+i]t");
	diff_check("meeting", "meting", "me[-e]ting");
	/* a character added, Chinese */
	diff_check("我们开会", "我们开个会", "我们开[+个]会");
	/* traditional against simplified */
	diff_check("呢個幾多錢", "呢个几多钱", "呢[-個幾][+个几]多[-錢][+钱]");
	/* an English word replaced by a Chinese one */
	diff_check("我们开个meeting吧", "我们开个会吧",
	    "我们开个[-meeting][+会]吧");
	/* a base and its combining mark are one unit */
	diff_check("cafe\xcc\x81", "cafe", "caf[-e\xcc\x81][+e]");
	diff_check("e\xcc\x81", "e\xcc\x80", "[-e\xcc\x81][+e\xcc\x80]");
	diff_check("cafe", "cafe\xcc\x81", "caf[-e][+e\xcc\x81]");
	/* Ext B: U+20000 and U+20001 share three bytes but nothing else */
	diff_check("\xf0\xa0\x80\x80好", "\xf0\xa0\x80\x81好",
	    "[-\xf0\xa0\x80\x80][+\xf0\xa0\x80\x81]好");
	diff_check("好\xf0\xa0\x80\x80", "好", "好[-\xf0\xa0\x80\x80]");
	/* empty on either side, both, and no change */
	diff_check("", "新的", "[+新的]");
	diff_check("旧的", "", "[-旧的]");
	diff_check("", "", "");
	diff_check("同样 same", "同样 same", "同样 same");
	assert_int_equal(review_diff("", "", &sp), 0);
	free(sp);
	assert_int_equal(review_diff("同样", "同样", &sp), 1);
	assert_int_equal(sp[0].op, REVIEW_SAME);
	assert_int_equal(sp[0].len, 6);
	free(sp);
	/* bytes that are not UTF-8 are units of one byte */
	diff_check("a\xff" "b", "a\xfe" "b", "a[-\xff][+\xfe]b");
	diff_check("\xe6\x88", "我", "[-\xe6\x88][+我]");
	diff_check("\xe6\x88", "\xe6", "\xe6[-\x88]");
	diff_check("\xff\xcc\x81", "\xff", "\xff[-\xcc\x81]");
	/* Myers's example: five changes, the fewest, always the same ones */
	diff_check("abcabba", "cbabac", "[-a][+c]b[-c]a[-b]ba[+c]");
}

/* s, then n copies of unit, then e: a long line. Caller frees. */
static char *
diff_long(const char *s, const char *unit, size_t n, const char *e)
{
	size_t	ls = strlen(s), lu = strlen(unit), le = strlen(e);
	char	*out = xmalloc(ls + n * lu + le + 1);

	memcpy(out, s, ls);
	for (size_t i = 0; i < n; i++)
		memcpy(out + ls + i * lu, unit, lu);
	memcpy(out + ls + n * lu, e, le + 1);
	return out;
}

static void
test_diff_long(void **state)
{
	struct review_span	*sp;
	char			*a, *b;
	size_t			 n;

	(void)state;
	/* 3002 by 3002 units, nothing in common at either end: exact */
	a = diff_long("a", "我", 3000, "b");
	b = diff_long("c", "我", 3000, "d");
	n = review_diff(a, b, &sp);
	diff_verify(a, b, sp, n);
	assert_int_equal(n, 5);
	assert_int_equal(sp[0].op, REVIEW_DEL);
	assert_int_equal(sp[1].op, REVIEW_INS);
	assert_int_equal(sp[2].op, REVIEW_SAME);
	assert_int_equal(sp[2].len, 3000 * 3);
	assert_int_equal(sp[3].op, REVIEW_DEL);
	assert_int_equal(sp[4].op, REVIEW_INS);
	free(sp);
	free(a);
	free(b);

	/* 4102 by 4102: too many pairs, one DEL and one INS */
	a = diff_long("a", "我", 4100, "b");
	b = diff_long("c", "我", 4100, "d");
	n = review_diff(a, b, &sp);
	diff_verify(a, b, sp, n);
	assert_int_equal(n, 2);
	assert_int_equal(sp[0].op, REVIEW_DEL);
	assert_int_equal(sp[0].len, strlen(a));
	free(sp);
	free(a);
	free(b);

	/* long, but the common ends are taken off first: exact */
	a = diff_long("", "开", 6000, "x会议");
	b = diff_long("", "开", 6000, "y会议");
	diff_verify(a, b, sp, n = review_diff(a, b, &sp));
	assert_int_equal(n, 4);
	assert_int_equal(sp[1].op, REVIEW_DEL);
	assert_int_equal(sp[1].off_old, 6000 * 3);
	assert_int_equal(sp[1].len, 1);
	free(sp);
	free(a);
	free(b);
}

/* Units whose concatenation splits only between them. */
static const char *const diff_any[] = {
	"a", "b", "e", " ", "我", "们", "個", "个", "e\xcc\x81",
	"\xf0\xa0\x80\x80", "\xf0\xa0\x80\x81", "\xff", "\x80"
};
/* Three-byte units only, so bytes / 3 counts them. */
static const char *const diff_three[] = {
	"我", "们", "开", "个", "会", "e\xcc\x81", "a\xcc\x80"
};

/* A text made of units of a set, and where each starts. */
struct diff_text {
	char	buf[256];
	size_t	items[64];	/* indices into the set */
	size_t	at[65];		/* at[n] is the length */
	size_t	n;
};

static void
diff_push(struct diff_text *t, const char *const *set, size_t pick)
{
	size_t	len = strlen(set[pick]);

	t->items[t->n] = pick;
	memcpy(t->buf + t->at[t->n], set[pick], len);
	t->at[t->n + 1] = t->at[t->n] + len;
	t->buf[t->at[++t->n]] = '\0';
}

/*
 * A random text of up to 24 units; or, with base, base with some units
 * dropped, changed or added.
 */
static void
diff_random(uint64_t *seed, const char *const *set, size_t nset,
    const struct diff_text *base, struct diff_text *t)
{
	t->n = 0;
	t->at[0] = 0;
	t->buf[0] = '\0';
	if (base == NULL) {
		for (size_t i = splitmix64(seed) % 24; i > 0; i--)
			diff_push(t, set, splitmix64(seed) % nset);
		return;
	}
	for (size_t i = 0; i < base->n; i++) {
		switch (splitmix64(seed) % 6) {
		case 0:
			break;
		case 1:
			diff_push(t, set, splitmix64(seed) % nset);
			break;
		case 2:
			diff_push(t, set, splitmix64(seed) % nset);
			diff_push(t, set, base->items[i]);
			break;
		default:
			diff_push(t, set, base->items[i]);
			break;
		}
	}
}

static int
diff_boundary(const size_t *at, size_t n, size_t off)
{
	for (size_t i = 0; i <= n; i++)
		if (at[i] == off)
			return 1;
	return 0;
}

/* The longest common subsequence of two lists of indices, simply. */
static size_t
diff_lcs(const size_t *a, size_t n, const size_t *b, size_t m)
{
	size_t	t[64][64] = { { 0 } };

	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= m; j++) {
			if (a[i - 1] == b[j - 1])
				t[i][j] = t[i - 1][j - 1] + 1;
			else
				t[i][j] = t[i - 1][j] > t[i][j - 1] ?
				    t[i - 1][j] : t[i][j - 1];
		}
	return t[n][m];
}

static void
test_diff_fuzz(void **state)
{
	struct review_span	*sp;
	struct diff_text	 a, b;
	uint64_t		 seed = 20240611;
	size_t			 n;

	(void)state;
	for (int round = 0; round < 4000; round++) {
		int		 three = round % 2;
		const char	*const *set = three ? diff_three : diff_any;
		size_t		 nset = three ?
				     sizeof diff_three / sizeof *diff_three :
				     sizeof diff_any / sizeof *diff_any;
		size_t		 edits = 0;

		diff_random(&seed, set, nset, NULL, &a);
		diff_random(&seed, set, nset, round % 5 == 0 ? NULL : &a, &b);
		n = review_diff(a.buf, b.buf, &sp);
		diff_verify(a.buf, b.buf, sp, n);
		/* no unit is ever cut */
		for (size_t k = 0; k < n; k++) {
			assert_true(diff_boundary(a.at, a.n, sp[k].off_old));
			assert_true(diff_boundary(b.at, b.n, sp[k].off_new));
			if (sp[k].op == REVIEW_INS)
				assert_true(diff_boundary(b.at, b.n,
				    sp[k].off_new + sp[k].len));
			else
				assert_true(diff_boundary(a.at, a.n,
				    sp[k].off_old + sp[k].len));
			if (sp[k].op != REVIEW_SAME)
				edits += sp[k].len;
		}
		/* and the changes are as few as can be */
		if (three)
			assert_int_equal(edits / 3, a.n + b.n -
			    2 * diff_lcs(a.items, a.n, b.items, b.n));
		free(sp);
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
		cmocka_unit_test(test_diff),
		cmocka_unit_test(test_diff_long),
		cmocka_unit_test(test_diff_fuzz),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
