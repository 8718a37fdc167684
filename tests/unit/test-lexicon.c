/* test-lexicon.c: lexicon files, lookup, completion and segmentation. */
#include "unit.h"

#include <sys/stat.h>

#include "lexicon.h"

/* A directory for the test's files, removed at the end. */
static char	*dir;

static int
setup(void **state)
{
	(void)state;
	dir = unit_tmpdir();
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unit_rmtree(dir);
	free(dir);
	return 0;
}

/* Writes len bytes (strlen if -1) to d/name; returns the path. */
static char *
write_in(const char *d, const char *name, const char *text, ssize_t len)
{
	char	*path;
	FILE	*f;

	if (asprintf(&path, "%s/%s", d, name) < 0)
		abort();
	if ((f = fopen(path, "wb")) == NULL)
		fail_msg("%s", path);
	fwrite(text, 1, len < 0 ? strlen(text) : (size_t)len, f);
	fclose(f);
	return path;
}

static char *
write_file(const char *name, const char *text, ssize_t len)
{
	return write_in(dir, name, text, len);
}

static struct lexicon *
load_text(const char *lang, const char *text)
{
	struct lexicon	*lex = lexicon_new(lang);
	char		*path = write_file("lex.tsv", text, -1), *cause = NULL;

	if (lexicon_load(lex, path, &cause) != 0)
		fail_msg("load: %s", cause);
	free(path);
	return lex;
}

/* The entries of a word as "word/pron/freq" joined by '|'. */
static char *
lookup_str(const struct lexicon *lex, const char *word)
{
	const struct lexicon_entry	*e;
	size_t				 n = lexicon_lookup(lex, word,
					     strlen(word), &e);
	char				 buf[1024] = "";

	for (size_t i = 0; i < n; i++) {
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
		    "%s%s/%s/%lld", i > 0 ? "|" : "", e[i].word,
		    e[i].pron != NULL ? e[i].pron : "-", (long long)e[i].freq);
	}
	return strdup(buf);
}

static void
assert_lookup(const struct lexicon *lex, const char *word, const char *want)
{
	char	*got = lookup_str(lex, word);

	assert_string_equal(got, want);
	free(got);
}

/* Segments text; the words joined by '|', each followed by '?' if unknown. */
static void
assert_segment(const struct lexicon *lex, const char *text, const char *want)
{
	struct lexicon_word	*w;
	size_t			 n = lexicon_segment(lex, text, strlen(text), &w);
	char			 got[1024] = "";

	for (size_t i = 0; i < n; i++) {
		assert_true(w[i].off + w[i].len <= strlen(text));
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%.*s%s",
		    i > 0 ? "|" : "", (int)w[i].len, text + w[i].off,
		    w[i].known ? "" : "?");
	}
	free(w);
	assert_string_equal(got, want);
}

static void
test_load_good(void **state)
{
	struct lexicon			*lex;
	const struct lexicon_entry	*e;

	(void)state;
	lex = load_text("en",
	    "\xef\xbb\xbf# a comment\n"
	    "\n"
	    "hello\tHH AH0 L OW1\t120\r\n"
	    "hello\tHH EH0 L OW1\r\n"
	    "   \n"
	    "world\n"
	    "tea\t\t7\n"
	    "hello\tHH AH0 L OW1\t5\n"		/* repeated: kept once */
	    "coffee\tK AO1 F IY0\n"
	    "# hello\tnot an entry\n"
	    "\t \n"
	    "last\t\t0");
	assert_string_equal(lexicon_lang(lex), "en");
	assert_int_equal(lexicon_size(lex), 5);
	assert_int_equal(lexicon_count(lex), 6);
	assert_lookup(lex, "hello",
	    "hello/HH AH0 L OW1/120|hello/HH EH0 L OW1/-1");
	assert_lookup(lex, "world", "world/-/-1");
	assert_lookup(lex, "tea", "tea/-/7");
	assert_lookup(lex, "last", "last/-/0");
	assert_lookup(lex, "coffee", "coffee/K AO1 F IY0/-1");
	assert_lookup(lex, "# hello", "");
	/* Load order, variants included. */
	e = lexicon_entry_at(lex, 0);
	assert_string_equal(e->word, "hello");
	assert_string_equal(lexicon_entry_at(lex, 1)->pron, "HH EH0 L OW1");
	assert_string_equal(lexicon_entry_at(lex, 2)->word, "world");
	assert_string_equal(lexicon_entry_at(lex, 4)->word, "coffee");
	assert_string_equal(lexicon_entry_at(lex, 5)->word, "last");
	assert_null(lexicon_entry_at(lex, 6));
	lexicon_free(lex);
}

/* A second file adds to the first; an empty file adds nothing. */
static void
test_load_two(void **state)
{
	struct lexicon	*lex = load_text("yue",
			    "\xe5\x91\xa2\xe5\x80\x8b\tni1 go3\n");
	char		*p1 = write_file("b.tsv", "\xe9\x8c\xa2\tcin2\t9\n", -1);
	char		*p2 = write_file("empty.tsv", "", 0), *cause = NULL;

	(void)state;
	assert_int_equal(lexicon_load(lex, p1, &cause), 0);
	assert_int_equal(lexicon_load(lex, p2, &cause), 0);
	assert_int_equal(lexicon_size(lex), 2);
	assert_lookup(lex, "\xe9\x8c\xa2", "\xe9\x8c\xa2/cin2/9");	/* 錢 */
	assert_lookup(lex, "\xe5\x91\xa2\xe5\x80\x8b",
	    "\xe5\x91\xa2\xe5\x80\x8b/ni1 go3/-1");
	free(p1);
	free(p2);
	lexicon_free(lex);
}

static const struct {
	const char	*text;
	const char	*line;	/* "PATH:LINE: " follows the path */
	const char	*what;	/* a part of the message */
} bad_files[] = {
	{ "ok\nfine\nab\xff" "cd\n", ":3: ", "byte 0xFF at column 3" },
	{ "ok\n\xe4\xbd\xa0\xc3\n", ":2: ", "invalid UTF-8" },
	{ "ok\n\xc0\xaf\n", ":2: ", "invalid UTF-8" },
	{ "ok\n\xed\xa0\x80\n", ":2: ", "invalid UTF-8" },	/* surrogate */
	{ "ok\n# c\nbell\x07\n", ":3: ", "U+0007 at column 5" },
	{ "ok\ncr\rin\n", ":2: ", "U+000D" },
	{ "ok\nnul\0x\n", ":2: ", "U+0000 at column 4" },
	{ "ok\n\xc2\x85x\n", ":2: ", "U+0085 at column 1" },
	{ "ok\nice cream\n", ":2: ", "'ice cream' contains a space" },
	{ "ok\nice\xe3\x80\x80" "cream\n", ":2: ", "contains a space" },
	{ "ok\n\tpron\t5\n", ":2: ", "the word is empty" },
	{ "ok\n\n\n\t\t5\n", ":4: ", "the word is empty" },
	{ "ok\na\tb\t1\t2\n", ":2: ", "4 fields" },
	{ "ok\na\tb\t1\t\t\n", ":2: ", "5 fields" },
	{ "ok\nword\tpron\t12x\n", ":2: ", "'12x' is not a whole number" },
	{ "ok\nword\t\t-5\n", ":2: ", "'-5' is not a whole number" },
	{ "ok\nword\t\t 5\n", ":2: ", "' 5' is not a whole number" },
	{ "ok\nword\t\t99999999999999999999\n", ":2: ",
	    "'99999999999999999999' is not a whole number" },
	{ "ok\n word\n", ":2: ", "' word' starts or ends with a space" },
	{ "ok\nword \tp\n", ":2: ", "'word ' starts or ends with a space" },
	{ "ok\nword\tHH  AH\n", ":2: ", "'HH  AH' has a space" },
	{ "ok\nword\t HH\n", ":2: ", "' HH' has a space" },
	{ "ok\r\nok2\r\nx y", ":3: ", "contains a space" },
};

/* Every bad line fails with PATH:LINE: and leaves the lexicon as it was. */
static void
test_load_errors(void **state)
{
	struct lexicon	*lex = load_text("en", "keep\tK IY1 P\t3\n");
	char		*path, *cause, *prefix;
	size_t		 n = sizeof bad_files / sizeof bad_files[0];

	(void)state;
	for (size_t i = 0; i < n; i++) {
		const char	*t = bad_files[i].text;
		ssize_t		 len = (ssize_t)strlen(t);

		if (strstr(t, "nul") == t + 3)
			len = 9;	/* the text has a NUL inside */
		path = write_file("bad.tsv", t, len);
		cause = NULL;
		assert_int_equal(lexicon_load(lex, path, &cause), -1);
		assert_non_null(cause);
		if (asprintf(&prefix, "%s%s", path, bad_files[i].line) < 0)
			abort();
		if (strncmp(cause, prefix, strlen(prefix)) != 0 ||
		    strstr(cause, bad_files[i].what) == NULL)
			fail_msg("case %zu: got '%s', want '%s' and '%s'", i,
			    cause, prefix, bad_files[i].what);
		/* Nothing added, not even the good first line. */
		assert_int_equal(lexicon_size(lex), 1);
		assert_int_equal(lexicon_count(lex), 1);
		assert_false(lexicon_has(lex, "ok", 2));
		free(prefix);
		free(cause);
		free(path);
	}
	assert_lookup(lex, "keep", "keep/K IY1 P/3");
	lexicon_free(lex);
}

static void
test_load_missing(void **state)
{
	struct lexicon	*lex = lexicon_new("en");
	char		*cause = NULL, *path;

	(void)state;
	if (asprintf(&path, "%s/none.tsv", dir) < 0)
		abort();
	assert_int_equal(lexicon_load(lex, path, &cause), -1);
	assert_non_null(strstr(cause, path));
	assert_non_null(strstr(cause, "cannot open"));
	free(cause);
	cause = NULL;
	assert_int_equal(lexicon_load(lex, dir, &cause), -1);	/* a directory */
	assert_non_null(cause);
	free(cause);
	assert_int_equal(lexicon_size(lex), 0);
	free(path);
	lexicon_free(lex);
}

static void
test_case(void **state)
{
	struct lexicon	*lex;

	(void)state;
	lex = load_text("und",
	    "the\nLondon\n"
	    "\xce\xbf\xce\xb4\xce\xbf\xcf\x82\n"		/* οδος, final sigma */
	    "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0\n"	/* Москва */
	    "\xe4\xb8\xad\xe5\x9b\xbd\n"			/* 中国 */
	    "stra\xc3\x9f" "e\n");				/* straße */
	assert_true(lexicon_has(lex, "the", 3));
	assert_true(lexicon_has(lex, "The", 3));
	assert_true(lexicon_has(lex, "THE", 3));
	assert_true(lexicon_has(lex, "theory", 3));	/* only len counts */
	assert_false(lexicon_has(lex, "them", 4));
	assert_true(lexicon_has(lex, "LONDON", 6));
	assert_true(lexicon_has(lex, "london", 6));
	/* ΟΔΟΣ and οδοσ: capital and medial sigma find the final one. */
	assert_true(lexicon_has(lex, "\xce\x9f\xce\x94\xce\x9f\xce\xa3", 8));
	assert_true(lexicon_has(lex, "\xce\xbf\xce\xb4\xce\xbf\xcf\x83", 8));
	assert_false(lexicon_has(lex, "\xce\xbf\xce\xb4\xce\xbf", 6));
	/* МОСКВА, москва */
	assert_true(lexicon_has(lex,
	    "\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90", 12));
	assert_true(lexicon_has(lex,
	    "\xd0\xbc\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0", 12));
	/* STRAßE (simple folding keeps ß; no ss) */
	assert_true(lexicon_has(lex, "STRA\xc3\x9f" "E", 7));
	assert_false(lexicon_has(lex, "strasse", 7));
	/* CJK is exact. */
	assert_true(lexicon_has(lex, "\xe4\xb8\xad\xe5\x9b\xbd", 6));
	assert_false(lexicon_has(lex, "\xe4\xb8\xad", 3));
	assert_false(lexicon_has(lex, "\xe4\xb8\xad\xe5\x9c\x8b", 6)); /* 中國 */
	/* Lookup hands back the spelling of the file. */
	assert_lookup(lex, "LONDON", "London/-/-1");
	lexicon_free(lex);
}

static void
test_add(void **state)
{
	struct lexicon	*lex = lexicon_new("en");

	(void)state;
	assert_int_equal(lexicon_add(lex, "tingxie", NULL, -1), 1);
	assert_int_equal(lexicon_add(lex, "tingxie", NULL, 5), 0);
	assert_int_equal(lexicon_add(lex, "tingxie", "", -1), 0);
	assert_int_equal(lexicon_add(lex, "tingxie", "T IH1 NG", 3), 1);
	assert_int_equal(lexicon_add(lex, "tingxie", "T IH1 NG", -1), 0);
	assert_int_equal(lexicon_add(lex, "Tingxie", NULL, -7), 1);
	assert_int_equal(lexicon_size(lex), 2);
	assert_int_equal(lexicon_count(lex), 3);
	assert_lookup(lex, "TINGXIE",
	    "tingxie/-/-1|tingxie/T IH1 NG/3|Tingxie/-/-1");
	/* What could not be a line of a file. */
	assert_int_equal(lexicon_add(lex, "", NULL, -1), -1);
	assert_int_equal(lexicon_add(lex, "two words", NULL, -1), -1);
	assert_int_equal(lexicon_add(lex, "tab\there", NULL, -1), -1);
	assert_int_equal(lexicon_add(lex, "#tag", NULL, -1), -1);
	assert_int_equal(lexicon_add(lex, "bad\xff", NULL, -1), -1);
	assert_int_equal(lexicon_add(lex, "ok", "A  B", -1), -1);
	assert_int_equal(lexicon_size(lex), 2);
	/* Words added are copies. */
	{
		char	w[] = "copy";

		assert_int_equal(lexicon_add(lex, w, NULL, -1), 1);
		w[0] = 'x';
		assert_true(lexicon_has(lex, "copy", 4));
	}
	lexicon_free(lex);
}

static void
test_complete(void **state)
{
	struct lexicon	*lex;
	const char	*out[8];

	(void)state;
	lex = load_text("en",
	    "then\t\t50\n"
	    "the\tDH AH0\t900\n"
	    "the\tDH IY1\t1000\n"	/* one word, its largest frequency */
	    "these\t\t50\n"
	    "them\n"
	    "they\t\t400\n"
	    "There\n"
	    "theft\t\t0\n"
	    "cat\t\t5000\n");
	out[7] = "unset";
	assert_int_equal(lexicon_complete(lex, "the", out, 8), 7);
	assert_string_equal(out[0], "the");
	assert_string_equal(out[1], "they");
	assert_string_equal(out[2], "then");	/* 50, before these */
	assert_string_equal(out[3], "these");
	assert_string_equal(out[4], "theft");	/* 0, before no frequency */
	assert_string_equal(out[5], "There");	/* byte order: 'T' < 't' */
	assert_string_equal(out[6], "them");
	assert_string_equal(out[7], "unset");
	lexicon_free(lex);

	lex = load_text("en",
	    "then\t\t50\nthe\t\t1000\nthese\t\t50\nthem\nthey\t\t400\n"
	    "There\ntheft\t\t0\ncat\t\t5000\n");
	assert_int_equal(lexicon_complete(lex, "the", out, 8), 7);
	assert_int_equal(lexicon_complete(lex, "THE", out, 3), 3);
	assert_string_equal(out[0], "the");
	assert_string_equal(out[1], "they");
	assert_string_equal(out[2], "then");
	assert_int_equal(lexicon_complete(lex, "thes", out, 8), 1);
	assert_string_equal(out[0], "these");
	assert_int_equal(lexicon_complete(lex, "dog", out, 8), 0);
	assert_int_equal(lexicon_complete(lex, "the", out, 0), 0);
	assert_int_equal(lexicon_complete(lex, "", out, 2), 2);
	assert_string_equal(out[0], "cat");
	assert_string_equal(out[1], "the");
	/* A word added afterwards is completed too. */
	assert_int_equal(lexicon_add(lex, "theme", NULL, 450), 1);
	assert_int_equal(lexicon_complete(lex, "the", out, 2), 2);
	assert_string_equal(out[1], "theme");
	lexicon_free(lex);

	/* 中, 中国, 中國, 中间 */
	lex = load_text("cmn", "\xe4\xb8\xad\t\t10\n"
	    "\xe4\xb8\xad\xe5\x9b\xbd\t\t300\n"
	    "\xe4\xb8\xad\xe5\x9c\x8b\t\t300\n"
	    "\xe4\xb8\xad\xe9\x97\xb4\t\t20\n"
	    "\xe5\x9b\xbd\t\t90\n");
	assert_int_equal(lexicon_complete(lex, "\xe4\xb8\xad", out, 8), 4);
	assert_string_equal(out[0], "\xe4\xb8\xad\xe5\x9b\xbd");
	assert_string_equal(out[1], "\xe4\xb8\xad\xe5\x9c\x8b");
	assert_string_equal(out[2], "\xe4\xb8\xad\xe9\x97\xb4");
	assert_string_equal(out[3], "\xe4\xb8\xad");
	lexicon_free(lex);
}

/* 研究, 研究生, 生命, 命, 起源 */
#define YANJIU \
	"\xe7\xa0\x94\xe7\xa9\xb6\xe7\x94\x9f\xe5\x91\xbd\xe8\xb5\xb7\xe6\xba\x90"

static void
test_segment_freq(void **state)
{
	struct lexicon	*lex;

	(void)state;
	lex = load_text("cmn-Hans",
	    "\xe7\xa0\x94\xe7\xa9\xb6\t\t2000\n"		/* 研究 */
	    "\xe7\xa0\x94\xe7\xa9\xb6\xe7\x94\x9f\t\t200\n"	/* 研究生 */
	    "\xe7\x94\x9f\xe5\x91\xbd\t\t1500\n"		/* 生命 */
	    "\xe5\x91\xbd\t\t800\n"				/* 命 */
	    "\xe7\x94\x9f\t\t900\n"				/* 生 */
	    "\xe8\xb5\xb7\xe6\xba\x90\t\t300\n");		/* 起源 */
	assert_segment(lex, YANJIU,
	    "\xe7\xa0\x94\xe7\xa9\xb6|\xe7\x94\x9f\xe5\x91\xbd|"
	    "\xe8\xb5\xb7\xe6\xba\x90");
	lexicon_free(lex);
}

/* Without frequencies: maximum matching, the fewest and longest words. */
static void
test_segment_nofreq(void **state)
{
	struct lexicon	*lex;

	(void)state;
	lex = load_text("cmn-Hans",
	    "\xe7\xa0\x94\xe7\xa9\xb6\n\xe7\xa0\x94\xe7\xa9\xb6\xe7\x94\x9f\n"
	    "\xe7\x94\x9f\xe5\x91\xbd\n\xe5\x91\xbd\n\xe8\xb5\xb7\xe6\xba\x90\n"
	    "\xe6\x88\x91\xe4\xbb\xac\n"			/* 我们 */
	    "\xe5\x9c\xa8\n\xe5\x9c\xa8\xe9\x87\x8e\n"		/* 在 在野 */
	    "\xe9\x87\x8e\xe7\x94\x9f\n"			/* 野生 */
	    "\xe7\x94\x9f\xe5\x8a\xa8\n"			/* 生动 */
	    "\xe5\x8a\xa8\xe7\x89\xa9\n"			/* 动物 */
	    "\xe5\x8a\xa8\xe7\x89\xa9\xe5\x9b\xad\n"		/* 动物园 */
	    "\xe7\x8e\xa9\n");					/* 玩 */
	/* 研究生/命/起源: a tie in word count goes to the longer first word */
	assert_segment(lex, YANJIU,
	    "\xe7\xa0\x94\xe7\xa9\xb6\xe7\x94\x9f|\xe5\x91\xbd|"
	    "\xe8\xb5\xb7\xe6\xba\x90");
	/* 我们在野生动物园玩: 我们/在/野生/动物园/玩, not 在野/生动/物?/园? */
	assert_segment(lex, "\xe6\x88\x91\xe4\xbb\xac\xe5\x9c\xa8\xe9\x87\x8e"
	    "\xe7\x94\x9f\xe5\x8a\xa8\xe7\x89\xa9\xe5\x9b\xad\xe7\x8e\xa9",
	    "\xe6\x88\x91\xe4\xbb\xac|\xe5\x9c\xa8|\xe9\x87\x8e\xe7\x94\x9f|"
	    "\xe5\x8a\xa8\xe7\x89\xa9\xe5\x9b\xad|\xe7\x8e\xa9");
	lexicon_free(lex);
}

static void
test_segment_cantonese(void **state)
{
	struct lexicon	*lex;

	(void)state;
	/* 呢 個 呢個 幾 多 幾多 錢 */
	lex = load_text("yue-Hant",
	    "\xe5\x91\xa2\tne1\t50\n\xe5\x80\x8b\tgo3\t80\n"
	    "\xe5\x91\xa2\xe5\x80\x8b\tni1 go3\t400\n"
	    "\xe5\xb9\xbe\tgei2\t60\n\xe5\xa4\x9a\tdo1\t300\n"
	    "\xe5\xb9\xbe\xe5\xa4\x9a\tgei2 do1\t250\n"
	    "\xe9\x8c\xa2\tcin2\t120\n");
	assert_segment(lex, "\xe5\x91\xa2\xe5\x80\x8b\xe5\xb9\xbe\xe5\xa4\x9a"
	    "\xe9\x8c\xa2", "\xe5\x91\xa2\xe5\x80\x8b|\xe5\xb9\xbe\xe5\xa4\x9a|"
	    "\xe9\x8c\xa2");
	/* 呢個幾多錢？ with the question mark skipped */
	assert_segment(lex, "\xe5\x91\xa2\xe5\x80\x8b\xe5\xb9\xbe\xe5\xa4\x9a"
	    "\xe9\x8c\xa2\xef\xbc\x9f", "\xe5\x91\xa2\xe5\x80\x8b|"
	    "\xe5\xb9\xbe\xe5\xa4\x9a|\xe9\x8c\xa2");
	lexicon_free(lex);
}

/* 我 今天 去 了 */
#define MIXED_LEX "\xe6\x88\x91\t\t100\n\xe4\xbb\x8a\xe5\xa4\xa9\t\t50\n" \
	"\xe5\x8e\xbb\t\t80\n\xe4\xba\x86\t\t200\n\xe4\xbb\x8a\t\t5\n"

static void
test_segment_mixed(void **state)
{
	struct lexicon		*lex = load_text("cmn", MIXED_LEX);
	const char		*line = "\xe6\x88\x91\xe4\xbb\x8a\xe5\xa4\xa9"
				    "\xe5\x8e\xbb" "meeting" "\xe4\xba\x86";
	struct lexicon_word	*w;

	(void)state;
	assert_segment(lex, line, "\xe6\x88\x91|\xe4\xbb\x8a\xe5\xa4\xa9|"
	    "\xe5\x8e\xbb|meeting?|\xe4\xba\x86");
	assert_int_equal(lexicon_segment(lex, line, strlen(line), &w), 5);
	assert_int_equal(w[3].off, 12);
	assert_int_equal(w[3].len, 7);
	assert_int_equal(w[4].off, 19);
	assert_int_equal(w[4].len, 3);
	free(w);
	assert_int_equal(lexicon_add(lex, "meeting", NULL, -1), 1);
	assert_segment(lex, line, "\xe6\x88\x91|\xe4\xbb\x8a\xe5\xa4\xa9|"
	    "\xe5\x8e\xbb|meeting|\xe4\xba\x86");
	/* Case folded for Latin words: Meeting is known. */
	assert_segment(lex, "\xe5\x8e\xbb" "Meeting", "\xe5\x8e\xbb|Meeting");
	lexicon_free(lex);
}

static void
test_segment_unknown(void **state)
{
	struct lexicon	*lex = load_text("cmn", MIXED_LEX);

	(void)state;
	/* 我龘了: 龘 is in no word */
	assert_segment(lex, "\xe6\x88\x91\xe9\xbe\x98\xe4\xba\x86",
	    "\xe6\x88\x91|\xe9\xbe\x98?|\xe4\xba\x86");
	/* 今天天: the second 天 alone is unknown */
	assert_segment(lex, "\xe4\xbb\x8a\xe5\xa4\xa9\xe5\xa4\xa9",
	    "\xe4\xbb\x8a\xe5\xa4\xa9|\xe5\xa4\xa9?");
	/* Extension B (𠀀) and 〇 are unspaced Han too. */
	assert_segment(lex, "\xe6\x88\x91\xf0\xa0\x80\x80\xe3\x80\x87",
	    "\xe6\x88\x91|\xf0\xa0\x80\x80?|\xe3\x80\x87?");
	/* An empty lexicon knows nothing. */
	lexicon_free(lex);
	lex = lexicon_new("cmn");
	assert_segment(lex, "\xe6\x88\x91\xe5\x8e\xbb" "ok",
	    "\xe6\x88\x91?|\xe5\x8e\xbb?|ok?");
	lexicon_free(lex);
}

static void
test_segment_japanese(void **state)
{
	struct lexicon	*lex;

	(void)state;
	/* 私 は コーヒー が 好き です */
	lex = load_text("ja",
	    "\xe7\xa7\x81\t\t50\n\xe3\x81\xaf\t\t900\n"
	    "\xe3\x82\xb3\xe3\x83\xbc\xe3\x83\x92\xe3\x83\xbc\t\t40\n"
	    "\xe3\x81\x8c\t\t800\n\xe5\xa5\xbd\xe3\x81\x8d\t\t60\n"
	    "\xe3\x81\xa7\xe3\x81\x99\t\t700\n\xe3\x81\xa7\t\t500\n");
	assert_segment(lex, "\xe7\xa7\x81\xe3\x81\xaf\xe3\x82\xb3\xe3\x83\xbc"
	    "\xe3\x83\x92\xe3\x83\xbc\xe3\x81\x8c\xe5\xa5\xbd\xe3\x81\x8d"
	    "\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82",
	    "\xe7\xa7\x81|\xe3\x81\xaf|\xe3\x82\xb3\xe3\x83\xbc\xe3\x83\x92"
	    "\xe3\x83\xbc|\xe3\x81\x8c|\xe5\xa5\xbd\xe3\x81\x8d|"
	    "\xe3\x81\xa7\xe3\x81\x99");
	/* The katakana middle dot is punctuation: コーヒー・コーヒー */
	assert_segment(lex, "\xe3\x82\xb3\xe3\x83\xbc\xe3\x83\x92\xe3\x83\xbc"
	    "\xe3\x83\xbb\xe3\x82\xb3\xe3\x83\xbc\xe3\x83\x92\xe3\x83\xbc",
	    "\xe3\x82\xb3\xe3\x83\xbc\xe3\x83\x92\xe3\x83\xbc|"
	    "\xe3\x82\xb3\xe3\x83\xbc\xe3\x83\x92\xe3\x83\xbc");
	lexicon_free(lex);
}

static void
test_segment_punct(void **state)
{
	struct lexicon		*lex;
	struct lexicon_word	*w;

	(void)state;
	/* 你好 世界 真的 吗 */
	lex = load_text("cmn", "\xe4\xbd\xa0\xe5\xa5\xbd\n"
	    "\xe4\xb8\x96\xe7\x95\x8c\n\xe7\x9c\x9f\xe7\x9a\x84\n"
	    "\xe5\x90\x97\n");
	/* 你好，世界！真的吗？ */
	assert_segment(lex, "\xe4\xbd\xa0\xe5\xa5\xbd\xef\xbc\x8c\xe4\xb8\x96"
	    "\xe7\x95\x8c\xef\xbc\x81\xe7\x9c\x9f\xe7\x9a\x84\xe5\x90\x97"
	    "\xef\xbc\x9f", "\xe4\xbd\xa0\xe5\xa5\xbd|\xe4\xb8\x96\xe7\x95\x8c|"
	    "\xe7\x9c\x9f\xe7\x9a\x84|\xe5\x90\x97");
	/* 。《你好》 */
	assert_segment(lex, "\xe3\x80\x82\xe3\x80\x8a\xe4\xbd\xa0\xe5\xa5\xbd"
	    "\xe3\x80\x8b", "\xe4\xbd\xa0\xe5\xa5\xbd");
	assert_int_equal(lexicon_segment(lex, "\xe3\x80\x82\xe3\x80\x81!?",
	    8, &w), 0);
	assert_null(w);
	assert_int_equal(lexicon_segment(lex, "", 0, &w), 0);
	assert_null(w);
	/* Invalid bytes are skipped like punctuation. */
	assert_segment(lex, "\xff\xe4\xbd\xa0\xe5\xa5\xbd\xe4",
	    "\xe4\xbd\xa0\xe5\xa5\xbd");
	lexicon_free(lex);
}

static void
test_segment_words(void **state)
{
	struct lexicon	*lex;

	(void)state;
	/* 年 公里 */
	lex = load_text("cmn", "\xe5\xb9\xb4\n\xe5\x85\xac\xe9\x87\x8c\n"
	    "don't\ne-mail\n2024\n");
	assert_segment(lex, "2024\xe5\xb9\xb4", "2024|\xe5\xb9\xb4");
	assert_segment(lex, "3.5\xe5\x85\xac\xe9\x87\x8c",
	    "3.5?|\xe5\x85\xac\xe9\x87\x8c");
	assert_segment(lex, "1,000.", "1,000?");
	assert_segment(lex, "Don't", "Don't");
	assert_segment(lex, "don\xe2\x80\x99t", "don\xe2\x80\x99t?");
	assert_segment(lex, "E-mail,", "E-mail");
	assert_segment(lex, "'quoted'", "quoted?");
	assert_segment(lex, "well--known", "well?|known?");
	assert_segment(lex, "a.b", "a?|b?");
	assert_segment(lex, "mp3-player", "mp3-player?");
	/* Full-width digits are digits; café with a combining accent. */
	assert_segment(lex, "\xef\xbc\x92\xef\xbc\x90\xe5\xb9\xb4",
	    "\xef\xbc\x92\xef\xbc\x90?|\xe5\xb9\xb4");
	assert_segment(lex, "cafe\xcc\x81!", "cafe\xcc\x81?");
	lexicon_free(lex);
}

/* Thai is segmented with the lexicon; Hangul is a spaced script. */
static void
test_segment_scripts(void **state)
{
	struct lexicon	*lex;

	(void)state;
	/* สวัสดี ครับ */
	lex = load_text("th", "\xe0\xb8\xaa\xe0\xb8\xa7\xe0\xb8\xb1\xe0\xb8\xaa"
	    "\xe0\xb8\x94\xe0\xb8\xb5\n\xe0\xb8\x84\xe0\xb8\xa3\xe0\xb8\xb1"
	    "\xe0\xb8\x9a\n");
	assert_segment(lex, "\xe0\xb8\xaa\xe0\xb8\xa7\xe0\xb8\xb1\xe0\xb8\xaa"
	    "\xe0\xb8\x94\xe0\xb8\xb5\xe0\xb8\x84\xe0\xb8\xa3\xe0\xb8\xb1"
	    "\xe0\xb8\x9a", "\xe0\xb8\xaa\xe0\xb8\xa7\xe0\xb8\xb1\xe0\xb8\xaa"
	    "\xe0\xb8\x94\xe0\xb8\xb5|\xe0\xb8\x84\xe0\xb8\xa3\xe0\xb8\xb1"
	    "\xe0\xb8\x9a");
	/* Thai digits (๒๕) are a number, not unknown Thai characters. */
	assert_segment(lex, "\xe0\xb8\x84\xe0\xb8\xa3\xe0\xb8\xb1\xe0\xb8\x9a"
	    "\xe0\xb9\x92\xe0\xb9\x95", "\xe0\xb8\x84\xe0\xb8\xa3\xe0\xb8\xb1"
	    "\xe0\xb8\x9a|\xe0\xb9\x92\xe0\xb9\x95?");
	/* 안녕 (Hangul) is one word of letters, not segmented. */
	assert_segment(lex, "\xec\x95\x88\xeb\x85\x95",
	    "\xec\x95\x88\xeb\x85\x95?");
	lexicon_free(lex);
}

static void
make_file(const char *d, const char *name)
{
	free(write_in(d, name, "", 0));
}

static void
assert_found(const char *dirs, const char *tag, const char *want)
{
	char	*got = lexicon_find(dirs, tag);

	if (want == NULL) {
		if (got != NULL)
			fail_msg("%s: found %s", tag, got);
		return;
	}
	if (got == NULL)
		fail_msg("%s: not found, want %s", tag, want);
	assert_string_equal(got, want);
	free(got);
}

static void
test_find(void **state)
{
	char	*a, *b, *ab, *ba, *want;

	(void)state;
	if (asprintf(&a, "%s/a", dir) < 0 || asprintf(&b, "%s/b", dir) < 0 ||
	    asprintf(&ab, "%s:%s", a, b) < 0 ||
	    asprintf(&ba, "%s::%s:", b, a) < 0)
		abort();
	mkdir(a, 0700);
	mkdir(b, 0700);
	make_file(a, "yue.tsv");
	make_file(a, "en.tsv");
	make_file(b, "yue-Hant-HK.tsv");
	make_file(b, "cmn-Hans.tsv");

	/* Each directory in turn, from the full tag to its language. */
	if (asprintf(&want, "%s/yue.tsv", a) < 0)
		abort();
	assert_found(ab, "yue-Hant-HK", want);
	assert_found(ab, "yue-Hant", want);
	assert_found(a, "yue-x-private", want);
	free(want);
	if (asprintf(&want, "%s/yue-Hant-HK.tsv", b) < 0)
		abort();
	assert_found(ba, "yue-Hant-HK", want);
	assert_found(ba, "YUE-hant-hk", want);	/* conventional case */
	assert_found(ba, "yue-Hant-HK-x-abc", want);	/* singleton goes too */
	free(want);
	if (asprintf(&want, "%s/yue.tsv", a) < 0)
		abort();
	assert_found(ba, "yue-Hant", want);	/* b has only yue-Hant-HK */
	free(want);
	if (asprintf(&want, "%s/cmn-Hans.tsv", b) < 0)
		abort();
	assert_found(ab, "cmn-Hans-CN", want);
	free(want);
	assert_found(ab, "cmn", NULL);
	assert_found(ab, "fr-FR", NULL);
	assert_found(ab, "../a/en", NULL);
	assert_found(ab, "", NULL);
	assert_found("", "en", NULL);
	free(a);
	free(b);
	free(ab);
	free(ba);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_good),
		cmocka_unit_test(test_load_two),
		cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_load_missing),
		cmocka_unit_test(test_case),
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_complete),
		cmocka_unit_test(test_segment_freq),
		cmocka_unit_test(test_segment_nofreq),
		cmocka_unit_test(test_segment_cantonese),
		cmocka_unit_test(test_segment_mixed),
		cmocka_unit_test(test_segment_unknown),
		cmocka_unit_test(test_segment_japanese),
		cmocka_unit_test(test_segment_punct),
		cmocka_unit_test(test_segment_words),
		cmocka_unit_test(test_segment_scripts),
		cmocka_unit_test(test_find),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
