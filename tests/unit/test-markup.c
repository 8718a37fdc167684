/* test-markup.c: the transcription markup parser and its export form. */
#include "unit.h"

#include "markup.h"
#include "text.h"

/*
 * An expected token: its text, found in the input after the previous
 * token's end (so its span is exact), with kind, lang, unclear flag and,
 * for events, name.
 */
struct want {
	enum markup_kind	 kind;
	const char		*text;
	const char		*lang;
	int			 unclear;
	const char		*name;
};

/*
 * An expected error: its span's text, found after the previous error's
 * start (and not before byte from), and a piece of its message.
 */
struct want_error {
	const char	*text;
	const char	*message;
	size_t		 from;
};

#define W(k, t, l, u)	{ MARKUP_##k, (t), (l), (u), "" }
#define EV(t, l, u, n)	{ MARKUP_EVENT, (t), (l), (u), (n) }
#define E(t, m)		{ (t), (m), 0 }
#define EF(t, m, f)	{ (t), (m), (f) }
#define N(a)		(sizeof (a) / sizeof (a)[0])

static const char *kinds[] = { "WORD", "TRUNCATED", "FILLER", "EVENT",
    "UNCLEAR_OPEN", "UNCLEAR_CLOSE", "SWITCH_OPEN", "SWITCH_CLOSE", "PUNCT" };

static int
same_lang(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static size_t
find(const char *text, size_t from, const char *what)
{
	const char	*p = strstr(text + from, what);

	if (p == NULL)
		fail_msg("'%s' not in '%s' after byte %zu", what, text, from);
	return (size_t)(p - text);
}

static void
check_token(const char *text, const struct markup_token *t,
    const struct want *w, size_t i, size_t from)
{
	size_t	off = find(text, from, w->text);

	if (t->kind != w->kind || t->off != off || t->len != strlen(w->text))
		fail_msg("'%s' token %zu: got %s '%.*s' at %zu, want %s '%s' "
		    "at %zu", text, i, kinds[t->kind], (int)t->len,
		    text + t->off, t->off, kinds[w->kind], w->text, off);
	if (!same_lang(t->lang, w->lang))
		fail_msg("'%s' token %zu '%s': lang %s, want %s", text, i,
		    w->text, t->lang ? t->lang : "NULL",
		    w->lang ? w->lang : "NULL");
	if (t->unclear != w->unclear)
		fail_msg("'%s' token %zu '%s': unclear %d", text, i, w->text,
		    t->unclear);
	assert_string_equal(t->name, w->name);
}

static void
check_tokens(const struct markup *m, const char *text, const struct want *w,
    size_t n)
{
	size_t	from = 0;

	for (size_t i = 0; i < n && i < m->ntokens; i++) {
		check_token(text, &m->tokens[i], &w[i], i, from);
		from = m->tokens[i].off + m->tokens[i].len;
	}
	if (m->ntokens != n)
		fail_msg("'%s': %zu tokens, want %zu", text, m->ntokens, n);
}

/* Parses text, which must be free of errors, and checks its tokens. */
static void
parse_ok(const char *text, const char *lang, const struct want *w, size_t n)
{
	struct markup	m;

	if (markup_parse(text, lang, &m) != 0)
		fail_msg("'%s': unexpected error at %zu: %s", text,
		    m.errors[0].off, m.errors[0].message);
	check_tokens(&m, text, w, n);
	markup_free(&m);
}

static void
check_errors(const struct markup *m, const char *text,
    const struct want_error *w, size_t n)
{
	size_t	from = 0, off;

	for (size_t i = 0; i < n && i < m->nerrors; i++) {
		off = find(text, from > w[i].from ? from : w[i].from,
		    w[i].text);
		if (m->errors[i].off != off ||
		    m->errors[i].len != strlen(w[i].text))
			fail_msg("'%s' error %zu: got [%zu, +%zu) '%s', want "
			    "'%s' at %zu", text, i, m->errors[i].off,
			    m->errors[i].len, m->errors[i].message, w[i].text,
			    off);
		if (strstr(m->errors[i].message, w[i].message) == NULL)
			fail_msg("'%s' error %zu: '%s' lacks '%s'", text, i,
			    m->errors[i].message, w[i].message);
		from = off + 1;
	}
	if (m->nerrors != n)
		fail_msg("'%s': %zu errors, want %zu (first: %s)", text,
		    m->nerrors, n, m->nerrors ? m->errors[0].message : "");
}

/* Parses text and checks its errors (in order) and, if w, its tokens. */
static void
parse_bad(const char *text, const struct want_error *e, size_t ne,
    const struct want *w, size_t nw)
{
	struct markup	m;

	assert_int_equal(markup_parse(text, "en", &m), ne);
	check_errors(&m, text, e, ne);
	if (w != NULL)
		check_tokens(&m, text, w, nw);
	markup_free(&m);
}


static void
test_words_english(void **state)
{
	const char		*s = "Hello, don't e-mail me don\u2019t 'n' "
	    "students' $5 - ok?!";
	const struct want	 w[] = {
		W(WORD, "Hello", "en", 0), W(PUNCT, ",", "en", 0),
		W(WORD, "don't", "en", 0), W(WORD, "e-mail", "en", 0),
		W(WORD, "me", "en", 0), W(WORD, "don\u2019t", "en", 0),
		W(PUNCT, "'", "en", 0), W(WORD, "n", "en", 0),
		W(PUNCT, "'", "en", 0), W(WORD, "students", "en", 0),
		W(PUNCT, "'", "en", 0), W(WORD, "$5", "en", 0),
		W(PUNCT, "-", "en", 0), W(WORD, "ok", "en", 0),
		W(PUNCT, "?", "en", 0), W(PUNCT, "!", "en", 0),
	};

	(void)state;
	parse_ok(s, "en", w, N(w));
	parse_ok("", "en", w, 0);
	parse_ok(" \u3000 ", "en", w, 0);
}

static void
test_words_chinese(void **state)
{
	const struct want	w[] = {
		W(WORD, "今天天气很好", "cmn-Hans", 0),
		W(PUNCT, "，", "cmn-Hans", 0),
		W(WORD, "我们去公园", "cmn-Hans", 0),
		W(PUNCT, "。", "cmn-Hans", 0),
	};
	const struct want	mixed[] = {
		W(WORD, "我", NULL, 0), W(PUNCT, "、", NULL, 0),
		W(WORD, "去meeting了", NULL, 0), W(PUNCT, "；", NULL, 0),
		W(WORD, "2023年", NULL, 0), W(PUNCT, "：", NULL, 0),
	};

	(void)state;
	parse_ok("今天天气很好，我们去公园。", "cmn-Hans", w, N(w));
	parse_ok("我、去meeting了；2023年：", NULL, mixed, N(mixed));
}

static void
test_words_cantonese(void **state)
{
	const struct want	w[] = {
		W(WORD, "佢話", "yue", 0), W(PUNCT, "「", "yue", 0),
		W(WORD, "今日唔使返工", "yue", 0), W(PUNCT, "」", "yue", 0),
		W(PUNCT, "！", "yue", 0),
	};

	(void)state;
	parse_ok("佢話「今日唔使返工」！", "yue", w, N(w));
}

static void
test_fullwidth_space(void **state)
{
	const struct want	w[] = {
		W(WORD, "你好", "cmn", 0), W(WORD, "世界", "cmn", 0),
		W(WORD, "hi", "cmn", 0), W(WORD, "there", "cmn", 0),
	};

	(void)state;
	parse_ok("\u3000你好\u3000世界 hi\u00a0there\u3000", "cmn", w, N(w));
}

static void
test_events(void **state)
{
	const char		*name32 = "[abcdefghijklmnopqrstuvwxyz012345]";
	const struct want	 en[] = {
		EV("[noise]", "en", 0, "noise"), W(WORD, "hello", "en", 0),
		EV("[laugh]", "en", 0, "laugh"), W(PUNCT, ".", "en", 0),
		EV("[x_y-2]", "en", 0, "x_y-2"),
	};
	const struct want	 zh[] = {
		W(WORD, "今天", "cmn-Hans", 0),
		EV("[cough]", "cmn-Hans", 0, "cough"),
		W(WORD, "天气", "cmn-Hans", 0),
	};
	const struct want	 yue[] = {
		W(WORD, "我哋", "yue", 0), EV("[laugh]", "yue", 0, "laugh"),
		W(WORD, "好開心", "yue", 0), EV("[music]", "yue", 0, "music"),
		EV("[breath]", "yue", 0, "breath"),
	};
	const struct want	 longest[] = {
		EV("[abcdefghijklmnopqrstuvwxyz012345]", NULL, 0,
		    "abcdefghijklmnopqrstuvwxyz012345"),
	};

	(void)state;
	parse_ok("[noise] hello[laugh]. [x_y-2]", "en", en, N(en));
	parse_ok("今天[cough]天气", "cmn-Hans", zh, N(zh));
	parse_ok("我哋[laugh]好開心[music][breath]", "yue", yue, N(yue));
	parse_ok(name32, NULL, longest, N(longest));
}

static void
test_unclear(void **state)
{
	const struct want	en[] = {
		W(WORD, "I", "en", 0), W(UNCLEAR_OPEN, "((", "en", 1),
		W(WORD, "said", "en", 1), W(WORD, "hello", "en", 1),
		W(UNCLEAR_CLOSE, "))", "en", 1), W(WORD, "ok", "en", 0),
		W(UNCLEAR_OPEN, "((", "en", 1),
		W(UNCLEAR_CLOSE, "))", "en", 1), W(PUNCT, ".", "en", 0),
	};
	const struct want	zh[] = {
		W(WORD, "他说", "cmn-Hans", 0),
		W(UNCLEAR_OPEN, "((", "cmn-Hans", 1),
		W(WORD, "明天", "cmn-Hans", 1),
		W(UNCLEAR_CLOSE, "))", "cmn-Hans", 1),
		W(WORD, "来", "cmn-Hans", 0),
	};
	const struct want	yue[] = {
		W(WORD, "佢話", "yue", 0), W(UNCLEAR_OPEN, "((", "yue", 1),
		W(UNCLEAR_CLOSE, "))", "yue", 1), W(PUNCT, "，", "yue", 0),
		W(UNCLEAR_OPEN, "((", "yue", 1), W(WORD, "聽日", "yue", 1),
		W(PUNCT, "，", "yue", 1), W(WORD, "落雨", "yue", 1),
		W(UNCLEAR_CLOSE, "))", "yue", 1),
	};

	(void)state;
	parse_ok("I ((said hello)) ok (()).", "en", en, N(en));
	parse_ok("他说((明天))来", "cmn-Hans", zh, N(zh));
	parse_ok("佢話(())，(( 聽日，落雨 ))", "yue", yue, N(yue));
}

static void
test_truncated(void **state)
{
	const struct want	en[] = {
		W(TRUNCATED, "comm-", "en", 0),
		W(WORD, "communication", "en", 0),
		W(TRUNCATED, "co-op-", "en", 0), W(PUNCT, ",", "en", 0),
		W(TRUNCATED, "ye-", "en", 0), EV("[noise]", "en", 0, "noise"),
		W(WORD, "yes", "en", 0), W(TRUNCATED, "wh-", "en", 0),
		W(PUNCT, "-", "en", 0), W(WORD, "e-mail", "en", 0),
		W(TRUNCATED, "end-", "en", 0),
	};
	const struct want	zh[] = {
		W(TRUNCATED, "今-", "cmn-Hans", 0),
		W(WORD, "今天", "cmn-Hans", 0),
		W(TRUNCATED, "我们去-", "cmn-Hans", 0),
		W(PUNCT, "。", "cmn-Hans", 0),
	};
	const struct want	yue[] = {
		W(TRUNCATED, "佢-", "yue", 0), W(WORD, "佢哋", "yue", 0),
		W(UNCLEAR_OPEN, "((", "yue", 1),
		W(TRUNCATED, "返-", "yue", 1),
		W(UNCLEAR_CLOSE, "))", "yue", 1),
	};

	(void)state;
	parse_ok("comm- communication co-op-, ye-[noise] yes wh-- e-mail end-",
	    "en", en, N(en));
	parse_ok("今- 今天\u3000我们去-。", "cmn-Hans", zh, N(zh));
	parse_ok("佢- 佢哋((返-))", "yue", yue, N(yue));
}

static void
test_fillers(void **state)
{
	const struct want	en[] = {
		W(FILLER, "%uh", "en", 0), W(WORD, "I", "en", 0),
		W(FILLER, "%um", "en", 0), W(PUNCT, ",", "en", 0),
		W(WORD, "think", "en", 0), W(FILLER, "%eh", "en", 0),
	};
	const struct want	zh[] = {
		W(FILLER, "%嗯", "cmn-Hans", 0), W(PUNCT, "，", "cmn-Hans", 0),
		W(WORD, "我", "cmn-Hans", 0), W(FILLER, "%呃", "cmn-Hans", 0),
		W(WORD, "觉得", "cmn-Hans", 0),
	};
	const struct want	yue[] = {
		W(FILLER, "%呃", "yue", 0), W(WORD, "係呀", "yue", 0),
		W(UNCLEAR_OPEN, "((", "yue", 1), W(FILLER, "%嗯", "yue", 1),
		W(UNCLEAR_CLOSE, "))", "yue", 1),
	};

	(void)state;
	parse_ok("%uh I %um, think %eh", "en", en, N(en));
	parse_ok("%嗯，我%呃 觉得", "cmn-Hans", zh, N(zh));
	parse_ok("%呃 係呀((%嗯))", "yue", yue, N(yue));
}

static void
test_switch(void **state)
{
	const struct want	zh[] = {
		W(WORD, "我们开个", "cmn-Hans", 0),
		W(SWITCH_OPEN, "<en>", "en", 0), W(WORD, "meeting", "en", 0),
		W(SWITCH_CLOSE, "</en>", "en", 0), W(WORD, "吧", "cmn-Hans", 0),
	};
	const struct want	en[] = {
		W(WORD, "I", "en-GB", 0), W(WORD, "love", "en-GB", 0),
		W(SWITCH_OPEN, "<cmn-Hans>", "cmn-Hans", 0),
		W(WORD, "饺子", "cmn-Hans", 0), W(PUNCT, "，", "cmn-Hans", 0),
		W(WORD, "好吃", "cmn-Hans", 0),
		W(SWITCH_CLOSE, "</CMN-hans>", "cmn-Hans", 0),
		W(PUNCT, ".", "en-GB", 0),
	};
	const struct want	yue[] = {
		W(SWITCH_OPEN, "<en>", "en", 0), W(WORD, "deadline", "en", 0),
		W(SWITCH_CLOSE, "</en>", "en", 0), W(WORD, "係聽日", "yue", 0),
		W(PUNCT, "，", "yue", 0), W(WORD, "我", "yue", 0),
		W(SWITCH_OPEN, "<yue-Hant-HK>", "yue-Hant-HK", 0),
		W(WORD, "真係", "yue-Hant-HK", 0),
		W(SWITCH_CLOSE, "</yue-Hant-HK>", "yue-Hant-HK", 0),
	};

	(void)state;
	parse_ok("我们开个<en>meeting</en>吧", "cmn-Hans", zh, N(zh));
	parse_ok("I love <cmn-Hans>饺子，好吃</CMN-hans>.", "en-GB", en,
	    N(en));
	parse_ok("<en>deadline</en>係聽日，我<yue-Hant-HK>真係</yue-Hant-HK>",
	    "yue", yue, N(yue));
}

/* lang points at default_lang itself or at the markup's own copy. */
static void
test_lang_storage(void **state)
{
	const char	*def = "yue";
	struct markup	 m;

	(void)state;
	assert_int_equal(markup_parse("a <en>b</en> c <fr>d</fr>", def, &m), 0);
	assert_int_equal(m.ntokens, 8);
	assert_ptr_equal(m.tokens[0].lang, def);
	assert_ptr_equal(m.tokens[4].lang, def);
	assert_int_equal(m.nlangs, 2);
	assert_ptr_equal(m.tokens[1].lang, m.langs[0]);
	assert_ptr_equal(m.tokens[2].lang, m.langs[0]);
	assert_ptr_equal(m.tokens[6].lang, m.langs[1]);
	assert_string_equal(m.langs[1], "fr");
	markup_free(&m);
	assert_null(m.tokens);
	assert_int_equal(m.ntokens, 0);
	markup_free(&m);
}

static void
test_nested_mixed(void **state)
{
	const struct want	a[] = {
		W(UNCLEAR_OPEN, "((", "cmn", 1),
		W(SWITCH_OPEN, "<en>", "en", 1), W(WORD, "meeting", "en", 1),
		W(SWITCH_CLOSE, "</en>", "en", 1),
		EV("[noise]", "cmn", 1, "noise"), W(WORD, "开", "cmn", 1),
		W(UNCLEAR_CLOSE, "))", "cmn", 1), W(WORD, "了", "cmn", 0),
	};
	const struct want	b[] = {
		W(SWITCH_OPEN, "<en>", "en", 0), W(WORD, "the", "en", 0),
		W(UNCLEAR_OPEN, "((", "en", 1), W(WORD, "deadline", "en", 1),
		EV("[cough]", "en", 1, "cough"), W(TRUNCATED, "is-", "en", 1),
		W(UNCLEAR_CLOSE, "))", "en", 1), W(FILLER, "%um", "en", 0),
		W(SWITCH_CLOSE, "</en>", "en", 0), W(WORD, "聽日", "yue", 0),
	};
	const struct want	c[] = {
		W(UNCLEAR_OPEN, "((", "yue", 1),
		W(SWITCH_OPEN, "<en>", "en", 1),
		W(UNCLEAR_CLOSE, "))", "en", 1),
		W(SWITCH_CLOSE, "</en>", "en", 0),
	};
	struct markup		m;

	(void)state;
	parse_ok("((<en>meeting</en>[noise]开))了", "cmn", a, N(a));
	parse_ok("<en>the ((deadline [cough] is-)) %um</en>聽日", "yue", b,
	    N(b));
	/* Crossing is an error, but the tokens still say what was read. */
	assert_int_equal(markup_parse("((<en>))</en>", "yue", &m), 1);
	check_tokens(&m, "((<en>))</en>", c, N(c));
	markup_free(&m);
}

static void
test_errors_events(void **state)
{
	const struct want_error	e1[] = { E("]", "stray ']'") };
	const struct want_error	e2[] = { E("[", "'[' without ']'") };
	const struct want_error	e3[] = {
		E("[Noise]", "not an event tag"), E("[]", "empty event"),
		E("[abcdefghijklmnopqrstuvwxyz0123456]", "1 to 32"),
		E("[no ise]", "not an event tag"), E("[", "without"),
	};
	const struct want	w2[] = {
		W(WORD, "noise", "en", 0), EV("[laugh]", "en", 0, "laugh"),
	};
	const struct want	w3[] = {
		W(WORD, "好", "en", 0), W(WORD, "ok", "en", 0),
	};

	(void)state;
	parse_bad("a ] b", e1, N(e1), NULL, 0);
	parse_bad("[noise [laugh]", e2, N(e2), w2, N(w2));
	parse_bad("[Noise] []好 [abcdefghijklmnopqrstuvwxyz0123456] "
	    "[no ise] [ok", e3, N(e3), w3, N(w3));
}

static void
test_errors_unclear(void **state)
{
	const struct want_error	e1[] = {
		E("(", "single '('"), E(")", "single ')'"),
	};
	const struct want_error	e2[] = { E("((", "unclosed '(('") };
	const struct want_error	e3[] = { E("))", "without '(('") };
	const struct want_error	e4[] = { EF("((", "cannot nest", 1) };
	const struct want_error	e5[] = {
		EF("((", "cannot nest", 1), EF("))", "without '(('", 13),
	};
	const struct want_error	e6[] = {
		EF(")", "single ')'", 5), E("(", "single '('"),
	};
	const struct want	w1[] = { W(WORD, "hello", "en", 0) };
	const struct want	w4[] = {
		W(UNCLEAR_OPEN, "((", "en", 1), W(WORD, "a", "en", 1),
		W(WORD, "b", "en", 1), W(WORD, "c", "en", 1),
		W(UNCLEAR_CLOSE, "))", "en", 1),
	};

	(void)state;
	parse_bad("(hello)", e1, N(e1), w1, N(w1));
	parse_bad("今天((天气 很好", e2, N(e2), NULL, 0);
	parse_bad("天气)) 很好", e3, N(e3), NULL, 0);
	parse_bad("((a ((b)) c))", e4, N(e4), w4, N(w4));
	parse_bad("((a ((b)) c)) d))", e5, N(e5), NULL, 0);
	parse_bad("((a))) (", e6, N(e6), NULL, 0);
}

static void
test_errors_fillers(void **state)
{
	const struct want_error	e1[] = { E("%", "lone '%'") };
	const struct want_error	e2[] = {
		EF("%", "lone", 0), EF("%", "lone", 0), EF("%", "lone", 0),
		EF("%", "lone", 10),
	};
	const struct want	w2[] = {
		W(WORD, "50", "en", 0), W(FILLER, "%uh", "en", 0),
		W(PUNCT, "，", "en", 0),
	};

	(void)state;
	parse_bad("%", e1, N(e1), NULL, 0);
	parse_bad("50% % %%uh%，", e2, N(e2), w2, N(w2));
}

static void
test_errors_switch(void **state)
{
	const struct want_error	e1[] = { E("<en>", "unclosed code-switch") };
	const struct want_error	e2[] = { E("</fr>", "does not match <en>") };
	const struct want_error	e3[] = { E("</en>", "closes nothing") };
	const struct want_error	e4[] = { E("<en> . </en>", "empty code") };
	const struct want_error	e5[] = { E("<fr>", "cannot nest") };
	const struct want_error	e6[] = { E("<en_GB>", "BCP 47") };
	const struct want_error	e7[] = {
		E("<>", "empty code-switch tag"),
		E("</>", "empty code-switch tag"),
	};
	const struct want_error	e8[] = {
		E("<", "does not start"), E(">", "stray '>'"),
		E("</", "does not start"), E(">", "stray '>'"),
	};
	const struct want_error	e9[] = { E("))", "before '))'") };
	const struct want_error	e10[] = { E("</en>", "before </en>") };
	const struct want	w1[] = {
		W(WORD, "我们", "en", 0), W(SWITCH_OPEN, "<en>", "en", 0),
		W(WORD, "meeting", "en", 0),
	};
	const struct want	w2[] = {
		W(SWITCH_OPEN, "<en>", "en", 0), W(WORD, "a", "en", 0),
		W(SWITCH_CLOSE, "</fr>", "en", 0), W(WORD, "b", "en", 0),
	};
	const struct want	w5[] = {
		W(SWITCH_OPEN, "<en>", "en", 0), W(WORD, "a", "en", 0),
		W(WORD, "b", "en", 0), W(WORD, "c", "en", 0),
		W(SWITCH_CLOSE, "</en>", "en", 0),
	};
	const struct want	w6[] = {
		W(WORD, "hi", "en", 0), W(WORD, "ok", "en", 0),
	};

	(void)state;
	parse_bad("我们<en>meeting", e1, N(e1), w1, N(w1));
	parse_bad("<en>a</fr> b", e2, N(e2), w2, N(w2));
	parse_bad("a </en>", e3, N(e3), NULL, 0);
	parse_bad("x <en> . </en>", e4, N(e4), NULL, 0);
	parse_bad("<en>a <fr>b</fr> c</en>", e5, N(e5), w5, N(w5));
	parse_bad("<en_GB>hi</en_GB> ok", e6, N(e6), w6, N(w6));
	parse_bad("<> </>", e7, N(e7), NULL, 0);
	parse_bad("a < b > c </ en>", e8, N(e8), NULL, 0);
	parse_bad("((<en>a))</en>", e9, N(e9), NULL, 0);
	parse_bad("<en>((a</en>))", e10, N(e10), NULL, 0);
}

static void
test_errors_bytes(void **state)
{
	const struct want_error	e1[] = { E("\t", "U+0009") };
	const struct want_error	e2[] = { E("\xff\xfe", "UTF-8") };
	const struct want_error	e3[] = {
		EF("\xe4\xb8", "UTF-8", 3), EF("\xe4", "UTF-8", 6),
	};
	const struct want	w2[] = {
		W(WORD, "a", "en", 0), W(WORD, "b", "en", 0),
	};

	(void)state;
	parse_bad("a\tb", e1, N(e1), NULL, 0);
	parse_bad("a\xff\xfe" "b", e2, N(e2), w2, N(w2));
	parse_bad("中\xe4\xb8 文\xe4", e3, N(e3), NULL, 0);
}

/* One line with many mistakes: each is reported, in order. */
static void
test_errors_continue(void **state)
{
	const char		*s = "(a] [Bad] <xx_1>b</xx_1> % c)) 好 "
	    "<en>x</de> ]";
	const struct want_error	 e[] = {
		E("(", "single '('"), E("]", "stray ']'"),
		E("[Bad]", "not an event"), E("<xx_1>", "BCP 47"),
		E("%", "lone"), E("))", "without '(('"),
		E("</de>", "does not match"), E("]", "stray ']'"),
	};
	const struct want	 w[] = {
		W(WORD, "a", "en", 0), W(WORD, "b", "en", 0),
		W(WORD, "c", "en", 0), W(WORD, "好", "en", 0),
		W(SWITCH_OPEN, "<en>", "en", 0), W(WORD, "x", "en", 0),
		W(SWITCH_CLOSE, "</de>", "en", 0),
	};

	(void)state;
	parse_bad(s, e, N(e), w, N(w));
}

/* Normalises text with norm and checks the result. */
static void
norm_is(const char *text, const struct markup_norm *norm, const char *want)
{
	char	*cause = NULL, *got;

	if ((got = markup_normalize(text, norm, &cause)) == NULL)
		fail_msg("'%s': %s", text, cause);
	if (strcmp(got, want) != 0)
		fail_msg("'%s' gave '%s', want '%s'", text, got, want);
	free(got);
}

static void
test_normalize_keep(void **state)
{
	const struct markup_norm	keep = { 0 };
	const char			*en = "%uh I said ((hello)) [noise] "
	    "comm- communication, ok.";

	(void)state;
	norm_is(en, &keep, "uh I said hello [noise] comm- communication, ok.");
	norm_is("%嗯 今天((天气))很好，[noise]我们去<en>park</en>吧。", &keep,
	    "嗯 今天天气很好， [noise] 我们去 park 吧。");
	norm_is("今天 天气\u3000很好", &keep, "今天 天气 很好");
	norm_is("「你好」他说。Hi,you", &keep, "「你好」他说。Hi,you");
	norm_is("<yue>佢話</yue><yue>聽日</yue>去-", &keep, "佢話聽日去-");
	norm_is("(())", &keep, "");
	norm_is("", &keep, "");
	norm_is("  a  \u3000 b ", &keep, "a b");
}

static void
test_normalize_drop(void **state)
{
	const struct markup_norm	drop = { MARKUP_NORM_DROP, NULL,
	    MARKUP_NORM_DROP, NULL, MARKUP_NORM_DROP, NULL, MARKUP_NORM_DROP,
	    NULL, MARKUP_NORM_DROP };
	const char			*en = "%uh I said ((hello)) [noise] "
	    "comm- communication, ok.";

	(void)state;
	norm_is(en, &drop, "I said communication ok");
	norm_is("%嗯 今天((天气))很好，[noise]我们去<en>park</en>吧。", &drop,
	    "今天很好我们去 park 吧");
	norm_is("今天 ((天气)) 很好", &drop, "今天 很好");
	norm_is("Hello,world", &drop, "Hello world");
	norm_is("你好，世界！", &drop, "你好世界");
	norm_is("[noise] %um", &drop, "");
	norm_is("佢話((聽日 [laugh] 落))雨", &drop, "佢話雨");
}

static void
test_normalize_map(void **state)
{
	const struct markup_norm	map = { MARKUP_NORM_MAP, "<noise>",
	    MARKUP_NORM_MAP, "<unk>", MARKUP_NORM_MAP, "<trunc>",
	    MARKUP_NORM_MAP, "<filler>", MARKUP_NORM_KEEP };
	const struct markup_norm	null = { MARKUP_NORM_MAP, NULL,
	    MARKUP_NORM_MAP, "", MARKUP_NORM_MAP, NULL, MARKUP_NORM_MAP, "",
	    MARKUP_NORM_MAP };
	const char			*en = "%uh I said ((hello)) [noise] "
	    "comm- communication, ok.";

	(void)state;
	norm_is(en, &map, "<filler> I said <unk> <noise> <trunc> "
	    "communication, ok.");
	norm_is("佢話((聽日))落雨，[laugh]%嗯", &map,
	    "佢話 <unk> 落雨， <noise> <filler>");
	norm_is("(())(())", &map, "<unk> <unk>");
	norm_is("今-今天", &map, "今-今天");
	norm_is("今- 今天", &map, "<trunc> 今天");
	/* A map to nothing drops; punctuation has no map and drops. */
	norm_is(en, &null, "I said communication ok");
}

/* Each construct alone, with each action, in one table. */
static void
test_normalize_each(void **state)
{
	static const struct {
		int		 field, action;
		const char	*text, *want;
	} cases[] = {
		{ 0, MARKUP_NORM_KEEP, "a [noise] b", "a [noise] b" },
		{ 0, MARKUP_NORM_DROP, "a [noise] b", "a b" },
		{ 0, MARKUP_NORM_MAP, "a [noise] b", "a <m> b" },
		{ 0, MARKUP_NORM_DROP, "好[noise]的", "好的" },
		{ 0, MARKUP_NORM_MAP, "好[noise]的", "好 <m> 的" },
		{ 1, MARKUP_NORM_KEEP, "a ((b [noise])) d", "a b [noise] d" },
		{ 1, MARKUP_NORM_DROP, "a ((b [noise] c)) d", "a d" },
		{ 1, MARKUP_NORM_MAP, "a ((b [noise] c)) d", "a <m> d" },
		{ 1, MARKUP_NORM_MAP, "我((係))佢", "我 <m> 佢" },
		{ 2, MARKUP_NORM_KEEP, "wh- what", "wh- what" },
		{ 2, MARKUP_NORM_DROP, "wh- what", "what" },
		{ 2, MARKUP_NORM_MAP, "wh- what", "<m> what" },
		{ 3, MARKUP_NORM_KEEP, "%um, ok", "um, ok" },
		{ 3, MARKUP_NORM_DROP, "%um, ok", ", ok" },
		{ 3, MARKUP_NORM_MAP, "%um, ok", "<m> , ok" },
		{ 3, MARKUP_NORM_KEEP, "我%嗯，好", "我嗯，好" },
		{ 4, MARKUP_NORM_KEEP, "好，的 a, b", "好，的 a, b" },
		{ 4, MARKUP_NORM_DROP, "好，的 a, b", "好的 a b" },
		{ 4, MARKUP_NORM_MAP, "好，的 a, b", "好的 a b" },
	};
	struct markup_norm	norm;

	(void)state;
	for (size_t i = 0; i < N(cases); i++) {
		memset(&norm, 0, sizeof norm);
		switch (cases[i].field) {
		case 0:
			norm.events = cases[i].action;
			norm.event_map = "<m>";
			break;
		case 1:
			norm.unclear = cases[i].action;
			norm.unclear_map = "<m>";
			break;
		case 2:
			norm.truncated = cases[i].action;
			norm.truncated_map = "<m>";
			break;
		case 3:
			norm.fillers = cases[i].action;
			norm.filler_map = "<m>";
			break;
		default:
			norm.punct = cases[i].action;
			break;
		}
		norm_is(cases[i].text, &norm, cases[i].want);
	}
}

static void
test_normalize_errors(void **state)
{
	const struct markup_norm	keep = { 0 };
	char				*cause = NULL;

	(void)state;
	assert_null(markup_normalize("a ((b", &keep, &cause));
	assert_non_null(strstr(cause, "byte 2"));
	assert_non_null(strstr(cause, "unclosed '(('"));
	assert_null(strstr(cause, "more"));
	free(cause);
	assert_null(markup_normalize("<en>a ] (b", &keep, &cause));
	assert_non_null(strstr(cause, "byte 0: unclosed code-switch <en>"));
	assert_non_null(strstr(cause, "and 2 more errors"));
	free(cause);
}

/* Bounds and boundaries of every span in m for text (len bytes). */
static void
check_spans(const struct markup *m, const char *text, size_t len, int valid)
{
	const unsigned char	*u = (const unsigned char *)text;
	size_t			 end = 0, off, n;

	for (size_t i = 0; i < m->ntokens + m->nerrors; i++) {
		if (i < m->ntokens) {
			off = m->tokens[i].off;
			n = m->tokens[i].len;
			assert_true(off >= end);	/* in order, disjoint */
			end = off + n;
		} else {
			off = m->errors[i - m->ntokens].off;
			n = m->errors[i - m->ntokens].len;
			assert_non_null(m->errors[i - m->ntokens].message);
			if (i > m->ntokens)
				assert_true(off >=
				    m->errors[i - m->ntokens - 1].off);
		}
		assert_true(n > 0 && off < len && off + n <= len);
		if (valid) {
			assert_true((u[off] & 0xc0) != 0x80);
			assert_true(off + n == len ||
			    (u[off + n] & 0xc0) != 0x80);
		}
	}
}

/* Balanced (( )) and < > when there is no error; normalize agrees. */
static void
check_consistent(const struct markup *m, const char *text)
{
	const struct markup_norm	 norm = { 0 };
	char				*out, *cause = NULL;
	int				 u = 0, s = 0;

	for (size_t i = 0; i < m->ntokens; i++) {
		const struct markup_token *t = &m->tokens[i];

		u += t->kind == MARKUP_UNCLEAR_OPEN;
		u -= t->kind == MARKUP_UNCLEAR_CLOSE;
		s += t->kind == MARKUP_SWITCH_OPEN;
		s -= t->kind == MARKUP_SWITCH_CLOSE;
		if (m->nerrors == 0)
			assert_true(u >= 0 && u <= 1 && s >= 0 && s <= 1);
		assert_true(t->kind == MARKUP_EVENT || t->name[0] == '\0');
	}
	out = markup_normalize(text, &norm, &cause);
	if (m->nerrors == 0) {
		assert_true(u == 0 && s == 0);
		assert_non_null(out);
	} else {
		assert_null(out);
		assert_non_null(cause);
	}
	free(out);
	free(cause);
}

static void
fuzz_one(const char *text)
{
	struct markup	m;
	size_t		len = strlen(text);
	int		valid = text_invalid_offset(text, len) < 0;

	markup_parse(text, "en", &m);
	check_spans(&m, text, len, valid);
	check_consistent(&m, text);
	markup_free(&m);
}

/* Random bytes, then random runs of the pieces markup is made of. */
static void
test_fuzz(void **state)
{
	static const char *const pieces[] = { "[", "]", "(", ")", "((", "))",
	    "<", ">", "</", "<en>", "</en>", "<yue>", "</yue>", "%", "-", "'",
	    "\u2019", "\u2010", " ", "\u3000", "a", "Z", "9", "_", "中", "說",
	    "，", "。", "é", "e\u0301", "noise", "[noise]", "\xe4\xb8",
	    "\xff", "\x80", "\t", "/", "!", "\U0001F600" };
	char	buf[256];
	size_t	n, k;

	(void)state;
	srandom(20240607);
	for (int i = 0; i < 20000; i++) {
		n = (size_t)random() % 64;
		for (k = 0; k < n; k++)
			buf[k] = (char)(1 + random() % 255);
		buf[n] = '\0';
		fuzz_one(buf);
	}
	for (int i = 0; i < 20000; i++) {
		buf[0] = '\0';
		n = (size_t)random() % 24;
		for (k = 0; k < n; k++)
			strcat(buf, pieces[(size_t)random() % N(pieces)]);
		fuzz_one(buf);
	}
}

/* The examples in doc/markup.md. */
static void
test_doc_examples(void **state)
{
	static const char *const good[] = {
		"我们开个<en>meeting</en>吧。",
		"<en>deadline</en>係聽日，%呃 我((應該))趕得切[laugh]",
		"I love <cmn-Hans>饺子</cmn-Hans>, %um, comm- communication is "
		    "((key)).",
		"((<en>meeting</en> [noise]))", "<en>((deadline))</en>",
		"((<en>deadline</en>))", "今-，", "<en>a</en> <fr>b</fr>",
	};
	static const char *const bad[] = {
		"a ] b", "[noise", "[Noise]", "[]", "[no ise]", "(hello)",
		"((明天", "((a ((b)) c))", "% uh", "50%", "a < b", "<>",
		"<en_GB>", "<en>meeting", "<en>meeting</em>", "meeting</en>",
		"<en>a <fr>b</fr></en>", "<en></en>", "<en>.</en>",
		"<en>((a</en>))", "((<en>deadline))</en>", "a\tb",
	};
	const struct markup_norm	unk = { 0, NULL, MARKUP_NORM_MAP,
	    "<unk>", 0, NULL, 0, NULL, 0 };
	const struct markup_norm	drop = { MARKUP_NORM_DROP, NULL,
	    MARKUP_NORM_DROP, NULL, MARKUP_NORM_DROP, NULL, MARKUP_NORM_DROP,
	    NULL, MARKUP_NORM_DROP };
	struct markup			m;

	(void)state;
	for (size_t i = 0; i < N(good); i++) {
		if (markup_parse(good[i], "yue", &m) != 0)
			fail_msg("'%s': %s", good[i], m.errors[0].message);
		markup_free(&m);
	}
	for (size_t i = 0; i < N(bad); i++) {
		if (markup_parse(bad[i], "yue", &m) == 0)
			fail_msg("'%s' accepted", bad[i]);
		markup_free(&m);
	}
	norm_is("佢話((聽日))落雨", &drop, "佢話落雨");
	norm_is("佢話((聽日))落雨", &unk, "佢話 <unk> 落雨");
	assert_int_equal(markup_parse("我%呃觉得", NULL, &m), 0);
	assert_int_equal(m.ntokens, 2);
	assert_int_equal(m.tokens[1].len, strlen("%呃觉得"));
	markup_free(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words_english),
		cmocka_unit_test(test_words_chinese),
		cmocka_unit_test(test_words_cantonese),
		cmocka_unit_test(test_fullwidth_space),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_unclear),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_fillers),
		cmocka_unit_test(test_switch),
		cmocka_unit_test(test_lang_storage),
		cmocka_unit_test(test_nested_mixed),
		cmocka_unit_test(test_errors_events),
		cmocka_unit_test(test_errors_unclear),
		cmocka_unit_test(test_errors_fillers),
		cmocka_unit_test(test_errors_switch),
		cmocka_unit_test(test_errors_bytes),
		cmocka_unit_test(test_errors_continue),
		cmocka_unit_test(test_normalize_keep),
		cmocka_unit_test(test_normalize_drop),
		cmocka_unit_test(test_normalize_map),
		cmocka_unit_test(test_normalize_each),
		cmocka_unit_test(test_normalize_errors),
		cmocka_unit_test(test_doc_examples),
		cmocka_unit_test(test_fuzz),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
