/*
 * bench-lexicon: the lexicon benchmarks behind 'make bench'.
 *
 *   bench-lexicon
 *       Writes a 350,000-entry lexicon like jieba's dict.txt (Han words of
 *       one to four characters with Zipf-like frequencies, some Latin words,
 *       some pronunciations) into a temporary directory and measures
 *       lexicon_load against reading the file and counting its lines,
 *       segmenting and checking a transcript line against decoding it, and
 *       completion of one-character prefixes. If jieba's own dictionary is
 *       installed, it is converted and loaded too, and a whole line is
 *       checked as the editor checks it (markup, the project's event tags
 *       and languages in SQLite, segmentation, lookups). Prints a table and
 *       exits 1 if a target is missed.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <utf8proc.h>

#include "bench.h"
#include "check.h"
#include "lexicon.h"
#include "store.h"

#define JIEBA_DICT	"/usr/lib/python3/dist-packages/jieba/dict.txt"
#define ENTRIES		350000
#define LATIN_SHARE	0.05
#define HAN_FIRST	0x4e00
#define HAN_COUNT	(0x9fff - 0x4e00 + 1)
#define LOAD_ROUNDS	9
#define LINE_ROUNDS	20000
#define COMPLETE_ROUNDS	2000
#define COMPLETE_MAX	10
#define CHECK_ROUNDS	2000

struct row {
	char		 name[48];
	const char	*unit;
	double		 measured;
	double		 baseline;	/* < 0 if none */
	double		 target;	/* measured < target */
};

/* A generated lexicon: its words, kept to build test lines from. */
struct gen {
	uint64_t	  rng;
	char		**han;		/* by rank: the first are frequent */
	size_t		  nhan;
	char		**latin;
	size_t		  nlatin;
	uint64_t	 *seen;		/* hashes of the words so far */
	size_t		  seensize;
	int		 *perm;		/* character rank to code point */
};

static void *
alloc(size_t n)
{
	void	*p = malloc(n);

	if (p == NULL)
		die("out of memory");
	return p;
}

static char *
copy(const char *s)
{
	char	*p = strdup(s);

	if (p == NULL)
		die("out of memory");
	return p;
}

/* ---- generating a lexicon ---- */

static uint64_t
gen_random(struct gen *g)
{
	g->rng ^= g->rng << 13;
	g->rng ^= g->rng >> 7;
	g->rng ^= g->rng << 17;
	return g->rng;
}

static double
gen_uniform(struct gen *g)
{
	return (double)(gen_random(g) >> 11) / 9007199254740992.0;
}

/* Whether a word is new (remembers it). */
static int
gen_new(struct gen *g, const char *w)
{
	uint64_t	h = 1469598103934665603ULL;
	size_t		i;

	for (; *w != '\0'; w++)
		h = (h ^ (unsigned char)*w) * 1099511628211ULL;
	h |= 1;
	for (i = h & (g->seensize - 1); g->seen[i] != 0;
	    i = (i + 1) & (g->seensize - 1)) {
		if (g->seen[i] == h)
			return 0;
	}
	g->seen[i] = h;
	return 1;
}

/* A Han character, the common ones far more likely (about Zipf). */
static size_t
gen_han(struct gen *g, char *out)
{
	size_t	rank = (size_t)(pow(gen_uniform(g), 2.5) * HAN_COUNT);

	return (size_t)utf8proc_encode_char(HAN_FIRST + g->perm[rank],
	    (utf8proc_uint8_t *)out);
}

static void
gen_han_word(struct gen *g, char *w)
{
	double	u = gen_uniform(g);
	int	n = u < 0.04 ? 1 : u < 0.45 ? 2 : u < 0.78 ? 3 : 4;
	size_t	len = 0;

	for (int i = 0; i < n; i++)
		len += gen_han(g, w + len);
	w[len] = '\0';
}

static void
gen_latin_word(struct gen *g, char *w)
{
	int	n = 3 + (int)(gen_random(g) % 8);

	for (int i = 0; i < n; i++)
		w[i] = (char)('a' + gen_random(g) % 26);
	if (gen_random(g) % 10 == 0)
		w[0] = (char)(w[0] - 32);	/* a name */
	w[n] = '\0';
}

/* A pronunciation: pinyin-like syllables or ARPAbet-like phones. */
static void
gen_pron(struct gen *g, char *p, int syllables, int latin)
{
	static const char *const ini[] = { "b", "p", "m", "f", "d", "t", "n",
	    "l", "g", "k", "h", "j", "q", "x", "zh", "ch", "sh", "r", "z",
	    "c", "s", "y", "w" };
	static const char *const fin[] = { "a", "o", "e", "i", "u", "ai",
	    "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "ian", "uan" };
	static const char *const ph[] = { "AA1", "AE1", "AH0", "B", "D",
	    "EH1", "ER0", "IY1", "K", "L", "M", "N", "P", "R", "S", "T" };
	size_t	len = 0;

	p[0] = '\0';
	for (int i = 0; i < syllables; i++) {
		if (latin)
			len += (size_t)sprintf(p + len, "%s%s", i ? " " : "",
			    ph[gen_random(g) % 16]);
		else
			len += (size_t)sprintf(p + len, "%s%s%s%d",
			    i ? " " : "", ini[gen_random(g) % 23],
			    fin[gen_random(g) % 16], 1 + (int)(gen_random(g) % 5));
	}
}

/* Writes one entry; rank 0 is the most frequent word. */
static void
gen_line(struct gen *g, FILE *f, size_t rank)
{
	char	 w[64], pron[128];
	int	 latin = gen_uniform(g) < LATIN_SHARE, ncp;
	int64_t	 freq = (int64_t)(3e6 / pow((double)rank + 1, 1.1)) + 1 +
		    (int64_t)(gen_random(g) % 3);

	do {
		if (latin)
			gen_latin_word(g, w);
		else
			gen_han_word(g, w);
	} while (!gen_new(g, w));
	if (latin)
		g->latin[g->nlatin++] = copy(w);
	else
		g->han[g->nhan++] = copy(w);
	ncp = latin ? 2 + (int)(gen_random(g) % 5) : (int)strlen(w) / 3;
	pron[0] = '\0';
	if (gen_uniform(g) < 0.3)
		gen_pron(g, pron, ncp, latin);
	if (gen_uniform(g) < 0.02)
		fprintf(f, "%s\t%s\n", w, pron);
	else
		fprintf(f, "%s\t%s\t%lld\n", w, pron, (long long)freq);
}

static char *
gen_lexicon(struct gen *g)
{
	char	*path = tmp_path("synthetic.tsv");
	FILE	*f;

	g->rng = 0x9e3779b97f4a7c15ULL;
	g->han = alloc(ENTRIES * sizeof *g->han);
	g->latin = alloc(ENTRIES * sizeof *g->latin);
	g->seensize = 1 << 20;
	g->seen = calloc(g->seensize, sizeof *g->seen);
	g->perm = alloc(HAN_COUNT * sizeof *g->perm);
	if (g->seen == NULL)
		die("out of memory");
	for (int i = 0; i < HAN_COUNT; i++)
		g->perm[i] = i;
	for (int i = HAN_COUNT - 1; i > 0; i--) {
		int	j = (int)(gen_random(g) % (uint64_t)(i + 1)), t = g->perm[i];

		g->perm[i] = g->perm[j];
		g->perm[j] = t;
	}
	if ((f = fopen(path, "w")) == NULL)
		die("%s: %s", path, strerror(errno));
	fprintf(f, "# synthetic lexicon for bench-lexicon\n");
	for (size_t i = 0; i < ENTRIES; i++)
		gen_line(g, f, i);
	if (fclose(f) != 0)
		die("%s: %s", path, strerror(errno));
	return path;
}

static void
gen_free(struct gen *g)
{
	for (size_t i = 0; i < g->nhan; i++)
		free(g->han[i]);
	for (size_t i = 0; i < g->nlatin; i++)
		free(g->latin[i]);
	free(g->han);
	free(g->latin);
	free(g->seen);
	free(g->perm);
}

/* Converts jieba's "word freq tag" lines to "word\t\tfreq". */
static char *
convert_jieba(void)
{
	char	*path, line[1024], word[512];
	long	 freq;
	FILE	*in, *out;

	if ((in = fopen(JIEBA_DICT, "r")) == NULL)
		return NULL;
	/* Named as a lexicon, so that a checker finds it in tmpdir. */
	path = tmp_path("cmn-Hans.tsv");
	if ((out = fopen(path, "w")) == NULL)
		die("%s: %s", path, strerror(errno));
	while (fgets(line, sizeof line, in) != NULL) {
		if (sscanf(line, "%511s %ld", word, &freq) == 2)
			fprintf(out, "%s\t\t%ld\n", word, freq);
	}
	fclose(in);
	if (fclose(out) != 0)
		die("%s: %s", path, strerror(errno));
	return path;
}

/* ---- measuring ---- */

/* The baseline: read the file into memory and count its lines. */
static size_t
read_lines(const char *path)
{
	char	*buf, *p, *end;
	size_t	 size = 1 << 20, used = 0, lines = 0;
	ssize_t	 n;
	int	 fd;

	if ((fd = open(path, O_RDONLY)) == -1)
		die("%s: %s", path, strerror(errno));
	buf = alloc(size);
	while ((n = read(fd, buf + used, size - used)) > 0) {
		used += (size_t)n;
		if (used == size && (buf = realloc(buf, size *= 2)) == NULL)
			die("out of memory");
	}
	close(fd);
	for (p = buf, end = buf + used; (p = memchr(p, '\n', (size_t)(end -
	    p))) != NULL; p++)
		lines++;
	free(buf);
	return lines;
}

static struct lexicon *
load(const char *path)
{
	struct lexicon	*lex = lexicon_new("cmn");
	char		*cause = NULL;

	if (lexicon_load(lex, path, &cause) != 0)
		die("%s", cause);
	return lex;
}

static void
bench_load(struct row *r, const char *label, const char *path)
{
	double		 base[LOAD_ROUNDS], ms[LOAD_ROUNDS], t;
	struct lexicon	*lex;

	fprintf(stderr, "bench: loading %s ...", label);
	read_lines(path);	/* warm the page cache */
	for (int i = 0; i < LOAD_ROUNDS; i++) {
		t = now();
		read_lines(path);
		base[i] = (now() - t) * 1e3;
		t = now();
		lex = load(path);
		ms[i] = (now() - t) * 1e3;
		lexicon_free(lex);
	}
	fprintf(stderr, " done\n");
	snprintf(r->name, sizeof r->name, "load, %s", label);
	r->unit = "ms";
	r->measured = median(ms, LOAD_ROUNDS);
	r->baseline = median(base, LOAD_ROUNDS);
	r->target = 150;
}

/*
 * A transcript line: about 40 Han characters of lexicon words with a few
 * English words (two of the lexicon, one capitalised, one not in it) and
 * full-width punctuation.
 */
static char *
make_line(struct gen *g)
{
	char	*line = alloc(1024);
	size_t	 len = 0, han = 0, k = 0;

	line[0] = '\0';
	while (han < 40) {
		const char	*w = g->han[gen_random(g) % 2000];

		len += (size_t)sprintf(line + len, "%s", w);
		han += strlen(w) / 3;
		if (++k % 4 == 0)
			len += (size_t)sprintf(line + len, "%s",
			    k == 4 ? g->latin[3] : k == 8 ? "meeting" :
			    k == 12 ? "\xef\xbc\x8c" : " ");
	}
	sprintf(line + len, " %c%s\xe3\x80\x82", g->latin[7][0] & ~0x20,
	    g->latin[7] + 1);
	return line;
}

/* Segments and checks each space-separated chunk; returns the word count. */
static size_t
check_line(const struct lexicon *lex, const char *line, size_t *unknown)
{
	struct lexicon_word	*w;
	size_t			 n, total = 0, len;

	*unknown = 0;
	for (const char *p = line; *p != '\0'; p += len + (p[len] == ' ')) {
		len = strcspn(p, " ");
		n = lexicon_segment(lex, p, len, &w);
		for (size_t i = 0; i < n; i++)
			*unknown += !w[i].known;
		total += n;
		free(w);
	}
	return total;
}

/* The floor: decode and classify each character of the line. */
static size_t
decode_line(const char *line)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)line;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 n;
	size_t			 letters = 0;

	for (; *p != '\0'; p += n) {
		if ((n = utf8proc_iterate(p, -1, &cp)) <= 0)
			n = 1;
		letters += utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO;
	}
	return letters;
}

static volatile size_t	sink;

static void
bench_line(struct row *r, const struct lexicon *lex, const char *line,
    const char *label)
{
	double	*us = alloc(LINE_ROUNDS * sizeof *us), base, t;
	size_t	 unknown;

	t = now();
	for (int i = 0; i < LINE_ROUNDS; i++)
		sink += decode_line(line);
	base = (now() - t) * 1e6 / LINE_ROUNDS;
	for (int i = 0; i < LINE_ROUNDS; i++) {
		t = now();
		sink += check_line(lex, line, &unknown);
		us[i] = (now() - t) * 1e6;
	}
	snprintf(r->name, sizeof r->name, "segment+check line, %s", label);
	r->unit = "us";
	r->measured = median(us, LINE_ROUNDS);
	r->baseline = base;
	r->target = 1000;
	free(us);
}

/* checker_line(), as the editor calls it on every keystroke. */
static void
bench_checker(struct row *r, const char *line)
{
	struct check_span	*spans;
	struct checker		*c;
	struct store		*s;
	double			*us = alloc(CHECK_ROUNDS * sizeof *us), t;
	char			*project = tmp_path("bench.tingxie"), *cause = NULL;
	size_t			 n;

	if ((s = store_create(project, &cause)) == NULL ||
	    store_vocab_add(s, VOCAB_LANGUAGE, "cmn-Hans", NULL, &cause) != 0 ||
	    store_vocab_add(s, VOCAB_LANGUAGE, "en", NULL, &cause) != 0)
		die("%s", cause);
	c = checker_new(s, tmpdir);
	/* The first call loads the lexicon; it is not what is measured. */
	n = checker_line(c, line, "cmn-Hans", &spans);
	check_spans_free(spans, n);
	for (int i = 0; i < CHECK_ROUNDS; i++) {
		t = now();
		n = checker_line(c, line, "cmn-Hans", &spans);
		us[i] = (now() - t) * 1e6;
		sink += n;
		check_spans_free(spans, n);
	}
	snprintf(r->name, sizeof r->name, "checker_line, markup + jieba");
	r->unit = "us";
	r->measured = median(us, CHECK_ROUNDS);
	r->baseline = -1;
	r->target = 1000;
	checker_free(c);
	store_close(s);
	free(project);
	free(us);
}

static void
bench_complete(struct row *rows, const struct lexicon *lex, struct gen *g)
{
	const char	*out[COMPLETE_MAX];
	double		*us = alloc(COMPLETE_ROUNDS * sizeof *us), t;
	char		 prefix[8];

	t = now();
	sink += lexicon_complete(lex, "a", out, COMPLETE_MAX);
	snprintf(rows[0].name, sizeof rows[0].name,
	    "complete, first call (builds index)");
	rows[0].unit = "ms";
	rows[0].measured = (now() - t) * 1e3;
	rows[0].baseline = -1;
	rows[0].target = 150;
	for (int i = 0; i < COMPLETE_ROUNDS; i++) {
		/* The first character of a frequent word, or a letter. */
		if (i % 10 == 0)
			snprintf(prefix, sizeof prefix, "%c", 'a' + i % 26);
		else {
			/* Generated Han characters are 3 bytes long. */
			memcpy(prefix, g->han[gen_random(g) % 5000], 3);
			prefix[3] = '\0';
		}
		t = now();
		sink += lexicon_complete(lex, prefix, out, COMPLETE_MAX);
		us[i] = (now() - t) * 1e6;
	}
	snprintf(rows[1].name, sizeof rows[1].name,
	    "complete, 1-char prefix, top %d", COMPLETE_MAX);
	rows[1].unit = "us";
	rows[1].measured = median(us, COMPLETE_ROUNDS);
	rows[1].baseline = -1;
	rows[1].target = 1000;
	free(us);
}

/* ---- the table ---- */

static void
print_value(double v, const char *unit)
{
	char	buf[32];

	if (v < 0)
		snprintf(buf, sizeof buf, "-");
	else
		snprintf(buf, sizeof buf, "%.*f %s", v < 10 ? 3 : 1, v, unit);
	printf(" | %12s", buf);
}

static int
print_table(const struct row *rows, size_t n)
{
	char	ratio[16];
	int	missed = 0, ok;

	printf("\n%-38s | %12s | %12s | %6s | %9s | %s\n", "benchmark",
	    "measured", "baseline", "ratio", "target", "ok");
	for (size_t i = 0; i < n; i++) {
		const struct row	*r = &rows[i];

		ok = r->measured < r->target;
		missed += !ok;
		if (r->baseline > 0)
			snprintf(ratio, sizeof ratio, "%.2f",
			    r->measured / r->baseline);
		else
			snprintf(ratio, sizeof ratio, "-");
		printf("%-38s", r->name);
		print_value(r->measured, r->unit);
		print_value(r->baseline, r->unit);
		printf(" | %6s | < %4g %-2s | %s\n", ratio, r->target, r->unit,
		    ok ? "ok" : "MISSED");
	}
	printf("\nbaselines: load - read(2) the file into memory and count its "
	    "lines\n  (median of %d, interleaved); segment+check - decode and "
	    "classify\n  each character of the line (mean of %d).\n",
	    LOAD_ROUNDS, LINE_ROUNDS);
#ifndef __OPTIMIZE__
	printf("note: built without optimisation; timings are pessimistic.\n");
#endif
	if (missed == 0)
		printf("all %zu targets met\n", n);
	else
		printf("%d of %zu targets missed\n", missed, n);
	return missed;
}

/* Prints how the line was segmented, unknown words marked with '?'. */
static void
show_line(const struct lexicon *lex, const char *label, const char *line)
{
	struct lexicon_word	*w;
	size_t			 n, len;

	printf("%s: ", label);
	for (const char *p = line; *p != '\0'; p += len + (p[len] == ' ')) {
		len = strcspn(p, " ");
		n = lexicon_segment(lex, p, len, &w);
		for (size_t i = 0; i < n; i++)
			printf("%.*s%s/", (int)w[i].len, p + w[i].off,
			    w[i].known ? "" : "?");
		free(w);
	}
	printf("\n");
}

int
main(int argc, char **argv)
{
	static const char	 real[] = "\xe6\x88\x91\xe4\xbb\x8a\xe5\xa4\xa9"
	    "\xe5\x8e\xbb" "meeting" "\xe4\xba\x86\xef\xbc\x8c\xe7\xa0\x94"
	    "\xe7\xa9\xb6\xe7\x94\x9f\xe5\x91\xbd\xe8\xb5\xb7\xe6\xba\x90"
	    "\xe7\x9a\x84\xe9\x97\xae\xe9\xa2\x98\xe5\xbe\x88\xe6\x9c\x89"
	    "\xe6\x84\x8f\xe6\x80\x9d\xef\xbc\x8c\xe5\x8c\x97\xe4\xba\xac"
	    "\xe5\xa4\xa7\xe5\xad\xa6\xe7\x9a\x84\xe7\xa0\x94\xe7\xa9\xb6"
	    "\xe7\x94\x9f\xe6\x98\x8e\xe5\xa4\xa9 Zoom \xe4\xb8\x8a\xe5\xbc"
	    "\x80\xe4\xbc\x9a\xe8\xae\xa8\xe8\xae\xba\xe8\xbf\x99\xe4\xb8"
	    "\xaa project\xe3\x80\x82";
	static const char	 marked[] = "\xe6\x88\x91\xe4\xbb\x8a\xe5\xa4"
	    "\xa9\xe5\x8e\xbb<en>meeting</en>\xe4\xba\x86\xef\xbc\x8c"
	    "[noise]\xe7\xa0\x94\xe7\xa9\xb6\xe7\x94\x9f\xe5\x91\xbd"
	    "\xe8\xb5\xb7\xe6\xba\x90\xe7\x9a\x84\xe9\x97\xae\xe9"
	    "\xa2\x98\xe5\xbe\x88\xe6\x9c\x89\xe6\x84\x8f\xe6\x80"
	    "\x9d\xef\xbc\x8c%\xe5\x91\x83 \xe5\x8c\x97\xe4\xba\xac"
	    "\xe5\xa4\xa7\xe5\xad\xa6\xe7\x9a\x84((\xe7\xa0\x94\xe7"
	    "\xa9\xb6\xe7\x94\x9f))\xe6\x98\x8e\xe5\xa4\xa9\xe5\xbc"
	    "\x80\xe4\xbc\x9a <en>project</en>\xe3\x80\x82";
	struct row		 rows[8];
	struct gen		 g;
	struct lexicon		*lex;
	char			*synth, *jieba, *line;
	size_t			 n = 0;

	(void)argv;
	bench_name = "bench-lexicon";
	if (argc != 1) {
		fprintf(stderr, "usage: bench-lexicon\n");
		return 2;
	}
	memset(rows, 0, sizeof rows);
	memset(&g, 0, sizeof g);
	tmp_make();
	fprintf(stderr, "bench: writing a %d-entry lexicon ...", ENTRIES);
	synth = gen_lexicon(&g);
	fprintf(stderr, " done\n");
	jieba = convert_jieba();

	bench_load(&rows[n++], "350,000 synthetic entries", synth);
	if (jieba != NULL)
		bench_load(&rows[n++], "jieba dict.txt", jieba);
	lex = load(synth);
	line = make_line(&g);
	bench_line(&rows[n++], lex, line, "synthetic");
	bench_complete(&rows[n], lex, &g);
	n += 2;
	printf("\nsynthetic lexicon: %zu words, %zu entries\n",
	    lexicon_size(lex), lexicon_count(lex));
	show_line(lex, "synthetic line", line);
	lexicon_free(lex);
	if (jieba != NULL) {
		lex = load(jieba);
		bench_line(&rows[n++], lex, real, "jieba");
		printf("jieba lexicon: %zu words\n", lexicon_size(lex));
		show_line(lex, "jieba line", real);
		lexicon_free(lex);
		bench_checker(&rows[n++], marked);
		printf("checked line: %s\n", marked);
	}
	gen_free(&g);
	free(line);
	free(synth);
	free(jieba);
	return print_table(rows, n) == 0 ? 0 : 1;
}
