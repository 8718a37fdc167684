/*
 * fmt-textgrid.c: Praat TextGrid. Writes the long text form as Praat does
 * (UTF-8, no BOM), one file per recording with one interval tier per
 * speaker; reads the long and short text forms in UTF-8, UTF-16 or
 * Latin-1.
 *
 * Times are written as the exact decimal of frames / rate when that has at
 * most 17 significant digits, else rounded half up to 17 significant
 * digits: integer arithmetic, so no locale and no binary floating point
 * come in, and a time read back rounds to the frame it was written from.
 *
 * Times read are handed on as plain decimals rounded to 9 places (1 ns),
 * which still gives back the exact frame at any sample rate, where Praat
 * writes up to 17 significant digits and exponents.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "fmt-text.h"
#include "i18n.h"
#include "timecode.h"
#include "xmalloc.h"

#define TG_TIME_DIGITS	17	/* significant digits, as Praat at most */
#define TG_TIME_BUFSIZE	48
#define TG_EXP_MAX	64	/* largest exponent read in a number */
#define TG_DECIMALS	9	/* decimals of a time read (1 ns) */

/* ---- writing ---- */

/* frames / rate in decimal (see the top of the file). */
static char *
tg_time(int64_t frames, int rate, char *buf, size_t len)
{
	char	d[TG_TIME_BUFSIZE];
	int64_t	r = frames % rate;
	int	n, point, sig, i;

	n = point = snprintf(d + 1, sizeof d - 1, "%lld",
	    (long long)(frames / rate));
	sig = d[1] == '0' ? 0 : n;
	while (r != 0 && sig < TG_TIME_DIGITS) {
		r *= 10;
		d[1 + n++] = (char)('0' + r / rate);
		r %= rate;
		if (sig > 0 || d[n] != '0')
			sig++;
	}
	d[0] = '0';
	if (r != 0 && r * 10 / rate >= 5) {
		/* Round half up, carrying into d[0] if need be. */
		for (i = n; d[i] == '9'; i--)
			d[i] = '0';
		d[i]++;
	}
	while (n > point && d[n] == '0')
		n--;
	i = d[0] == '0' ? 1 : 0;
	snprintf(buf, len, "%.*s%s%.*s", point + 1 - i, d + i,
	    n > point ? "." : "", n - point, d + 1 + point);
	return buf;
}

/* Writes a Praat string: in double quotes, a quote doubled. */
static void
tg_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

/* Items by recording, then speaker (the set's order, none last), time. */
static int
tg_item_cmp(const void *a, const void *b)
{
	const struct export_item	*x, *y;
	uintptr_t			 p, q;

	x = *(const struct export_item *const *)a;
	y = *(const struct export_item *const *)b;

	if (x->rec != y->rec)
		return (uintptr_t)x->rec < (uintptr_t)y->rec ? -1 : 1;
	if (x->spk != y->spk) {
		p = x->spk == NULL ? UINTPTR_MAX : (uintptr_t)x->spk;
		q = y->spk == NULL ? UINTPTR_MAX : (uintptr_t)y->spk;
		return p < q ? -1 : 1;
	}
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return (uintptr_t)x < (uintptr_t)y ? -1 : (uintptr_t)x > (uintptr_t)y;
}

/* One speaker's items in one recording: an interval tier. */
struct tg_tier {
	const struct export_item	**items;
	size_t				  n;
};

static int
tg_overlap(const struct export_recording *r, const struct export_item *a,
    const struct export_item *b, char **cause)
{
	char	w[TIMECODE_BUFSIZE], x[TIMECODE_BUFSIZE];
	char	y[TIMECODE_BUFSIZE], z[TIMECODE_BUFSIZE];
	int	rate = r->rec->rate;

	timecode_sec(a->start, rate, w);
	timecode_sec(a->end, rate, x);
	timecode_sec(b->start, rate, y);
	timecode_sec(b->end, rate, z);
	if (a->spk == NULL) {
		*cause = xprintf(_("%s.TextGrid: segments %lld (%s-%s) and "
		    "%lld (%s-%s), both without a speaker, overlap; a "
		    "TextGrid tier holds one interval at a time: give them "
		    "speakers or fix their times"), r->id,
		    (long long)a->seg->id, w, x, (long long)b->seg->id, y, z);
	} else {
		*cause = xprintf(_("%s.TextGrid: segments %lld (%s-%s) and "
		    "%lld (%s-%s) of speaker %s overlap; a TextGrid tier "
		    "holds one interval at a time: 'tingxie check' lists "
		    "such overlaps, fix their times"), r->id,
		    (long long)a->seg->id, w, x, (long long)b->seg->id, y, z,
		    a->spk->spk->code);
	}
	return -1;
}

/* The number of intervals of a tier: its items and the gaps around them. */
static size_t
tg_intervals(const struct tg_tier *t, int64_t xmax)
{
	int64_t	at = 0;
	size_t	n = 0;

	for (size_t i = 0; i < t->n; i++) {
		if (t->items[i]->start > at)
			n++;
		n++;
		at = t->items[i]->end;
	}
	return n + (at < xmax);
}

static void
tg_interval(FILE *f, size_t *k, int64_t from, int64_t to, int rate,
    const char *text)
{
	char	a[TG_TIME_BUFSIZE], b[TG_TIME_BUFSIZE];

	fprintf(f, "        intervals [%zu]:\n", ++*k);
	tg_time(from, rate, a, sizeof a);
	tg_time(to, rate, b, sizeof b);
	fprintf(f, "            xmin = %s \n", a);
	fprintf(f, "            xmax = %s \n", b);
	fputs("            text = ", f);
	tg_string(f, text);
	fputs(" \n", f);
}

static void
tg_write_tier(FILE *f, size_t no, const struct tg_tier *t, int64_t xmax,
    int rate)
{
	const struct export_item	*it = t->items[0];
	char				 x[TG_TIME_BUFSIZE];
	int64_t				 at = 0;
	size_t				 k = 0;

	tg_time(xmax, rate, x, sizeof x);
	fprintf(f, "    item [%zu]:\n", no);
	fputs("        class = \"IntervalTier\" \n", f);
	fputs("        name = ", f);
	tg_string(f, it->spk != NULL ? it->spk->spk->code : "-");
	fputs(" \n", f);
	fprintf(f, "        xmin = 0 \n        xmax = %s \n", x);
	fprintf(f, "        intervals: size = %zu \n", tg_intervals(t, xmax));
	for (size_t i = 0; i < t->n; i++) {
		it = t->items[i];
		if (it->start > at)
			tg_interval(f, &k, at, it->start, rate, "");
		tg_interval(f, &k, it->start, it->end, rate, it->text);
		at = it->end;
	}
	if (at < xmax)
		tg_interval(f, &k, at, xmax, rate, "");
}

/* Splits one recording's sorted items into tiers, checking overlaps. */
static int
tg_tiers(const struct export_recording *r, const struct export_item **items,
    size_t n, struct tg_tier **tiers, size_t *ntiers, int64_t *xmax,
    char **cause)
{
	struct tg_tier	*t = NULL;

	*tiers = NULL;
	*ntiers = 0;
	*xmax = r->rec->frames;
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || items[i]->spk != items[i - 1]->spk) {
			*tiers = xreallocarray(*tiers, *ntiers + 1,
			    sizeof **tiers);
			t = &(*tiers)[(*ntiers)++];
			t->items = &items[i];
			t->n = 0;
		} else if (items[i]->start < items[i - 1]->end) {
			free(*tiers);
			*tiers = NULL;
			return tg_overlap(r, items[i - 1], items[i], cause);
		}
		t->n++;
		if (items[i]->end > *xmax)
			*xmax = items[i]->end;
	}
	return 0;
}

static int
tg_write_rec(const struct export_set *set, const struct export_recording *r,
    const struct export_item **items, size_t n, char **cause)
{
	struct tg_tier	*tiers;
	size_t		 ntiers;
	int64_t		 xmax;
	char		*name, x[TG_TIME_BUFSIZE];
	FILE		*f;
	int		 rc = -1;

	if (tg_tiers(r, items, n, &tiers, &ntiers, &xmax, cause) != 0)
		return -1;
	xasprintf(&name, "%s.TextGrid", r->id);
	if ((f = fmt_create(set, name, cause)) == NULL)
		goto out;
	fputs("File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\n", f);
	fprintf(f, "xmin = 0 \nxmax = %s \n",
	    tg_time(xmax, r->rec->rate, x, sizeof x));
	fprintf(f, "tiers? <exists> \nsize = %zu \nitem []: \n", ntiers);
	for (size_t i = 0; i < ntiers; i++)
		tg_write_tier(f, i + 1, &tiers[i], xmax, r->rec->rate);
	rc = fmt_commit(set, f, name, cause);
out:
	free(name);
	free(tiers);
	return rc;
}

/*
 * One file per recording of the set, <rec-id>.TextGrid. Segments without
 * text make no interval (they would read back as gaps).
 */
static int
tg_write(const struct export_set *set, char **cause)
{
	const struct export_item	**items;
	size_t				  n = 0, at = 0, k;
	int				  rc = 0;

	items = xcalloc(set->nitems + 1, sizeof *items);
	for (size_t i = 0; i < set->nitems; i++) {
		if (set->items[i].text != NULL && *set->items[i].text != '\0')
			items[n++] = &set->items[i];
	}
	qsort(items, n, sizeof *items, tg_item_cmp);
	for (size_t i = 0; i < set->nrecs && rc == 0; i++) {
		const struct export_recording *r = &set->recs[i];

		while (at < n && (uintptr_t)items[at]->rec < (uintptr_t)r)
			at++;
		for (k = at; k < n && items[k]->rec == r; k++)
			/* nothing */;
		rc = tg_write_rec(set, r, items + at, k - at, cause);
		at = k;
	}
	free(items);
	return rc;
}

/* ---- reading ---- */

enum tg_kind {
	TG_END,
	TG_NUMBER,
	TG_STRING,
	TG_FLAG
};

/* Praat's text tokenizer: only free-standing data tokens count. */
struct tg_lexer {
	const char	*path;
	const char	*p;
	long		 line;
	enum tg_kind	 kind;		/* the token just read */
	char		*text;		/* its value (number: plain decimal) */
	long		 tline;		/* its line */
};

static int
tg_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static int
tg_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Skips the rest of a word: up to white space or a comment. */
static void
tg_skip_word(struct tg_lexer *lx)
{
	while (*lx->p != '\0' && !tg_space(*lx->p) && *lx->p != '!')
		lx->p++;
}

/* Reads a string at its opening quote; a doubled quote is a quote. */
static int
tg_lex_string(struct tg_lexer *lx, char **cause)
{
	const char	*s, *end;
	char		*out;
	size_t		 n = 0;

	/* The closing quote is the first one that is not doubled. */
	for (end = lx->p + 1; (end = strchr(end, '"')) != NULL &&
	    end[1] == '"'; end += 2)
		/* nothing */;
	if (end == NULL) {
		*cause = xprintf(_("%s:%ld: the string that starts here has "
		    "no closing quote (\"); a quote inside a string is "
		    "written twice"), lx->path, lx->tline);
		return -1;
	}
	out = xmalloc((size_t)(end - lx->p));
	for (s = lx->p + 1; s < end; s++) {
		if (*s == '"')
			s++;
		else if (*s == '\n')
			lx->line++;
		out[n++] = *s;
	}
	out[n] = '\0';
	lx->p = end + 1;
	lx->kind = TG_STRING;
	lx->text = out;
	tg_skip_word(lx);
	return 0;
}

/* The digit at position i of d, zeros all round. */
static char
tg_digit_at(const char *d, size_t n, long i)
{
	return i >= 0 && i < (long)n ? d[i] : '0';
}

/*
 * Writes the digits d, with the decimal point after p of them (p may be
 * below 0 or beyond d), as a plain decimal rounded half away from zero to
 * TG_DECIMALS places: no exponent, no leading or trailing zeros.
 */
static char *
tg_plain(int neg, const char *d, long p)
{
	size_t	 n = strlen(d), k = 0, at = 0, point, end, i;
	long	 lo = p < 0 ? p : 0, hi = p + TG_DECIMALS;
	char	*v, *out;

	/* v: a 0 for the carry, the integer digits, then the decimals. */
	v = xmalloc((size_t)(hi - lo) + 2);
	v[k++] = '0';
	for (long j = lo; j < hi; j++)
		v[k++] = tg_digit_at(d, n, j);
	if (tg_digit_at(d, n, hi) >= '5') {
		for (i = k - 1; v[i] == '9'; i--)
			v[i] = '0';
		v[i]++;
	}
	point = k - TG_DECIMALS;
	out = xmalloc(k + 3);
	if (neg)
		out[at++] = '-';
	for (i = 0; i + 1 < point && v[i] == '0'; i++)
		/* nothing */;
	for (; i < point; i++)
		out[at++] = v[i];
	for (end = k; end > point && v[end - 1] == '0'; end--)
		/* nothing */;
	if (end > point) {
		out[at++] = '.';
		for (i = point; i < end; i++)
			out[at++] = v[i];
	}
	out[at] = '\0';
	free(v);
	if (strcmp(out, "-0") == 0)
		memmove(out, out + 1, 2);
	return out;
}

/*
 * Reads a number: [+-]digits[.digits][e[+-]digits]. What follows in the
 * same word ("2.8s") is ignored, as Praat does.
 */
static int
tg_lex_number(struct tg_lexer *lx, char **cause)
{
	const char	*s = lx->p;
	char		*d;
	size_t		 n = 0;
	long		 p, e = 0;
	int		 neg = 0, eneg = 0;

	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	d = xmalloc(strspn(s, "0123456789.") + 1);
	while (tg_digit(*s))
		d[n++] = *s++;
	p = (long)n;
	if (*s == '.') {
		for (s++; tg_digit(*s); s++)
			d[n++] = *s;
	}
	d[n] = '\0';
	if ((*s == 'e' || *s == 'E') && (tg_digit(s[1]) ||
	    ((s[1] == '+' || s[1] == '-') && tg_digit(s[2])))) {
		s++;
		if (*s == '+' || *s == '-')
			eneg = *s++ == '-';
		for (; tg_digit(*s); s++) {
			if ((e = e * 10 + (*s - '0')) > TG_EXP_MAX) {
				free(d);
				*cause = xprintf(_("%s:%ld: the number %.*s is "
				    "out of range"), lx->path, lx->tline,
				    (int)strcspn(lx->p, " \t\r\n"), lx->p);
				return -1;
			}
		}
	}
	lx->text = tg_plain(neg, d, eneg ? p - e : p + e);
	free(d);
	lx->kind = TG_NUMBER;
	lx->p = s;
	tg_skip_word(lx);
	return 0;
}

/* Reads the next data token; TG_END at the end of the file. */
static int
tg_next(struct tg_lexer *lx, char **cause)
{
	long	seen;

	free(lx->text);
	lx->text = NULL;
	for (;;) {
		seen = lx->line;
		while (tg_space(*lx->p)) {
			if (*lx->p++ == '\n')
				lx->line++;
		}
		lx->tline = lx->line;
		if (*lx->p == '\0') {
			/* The end is on the last line with something. */
			lx->tline = seen;
			lx->kind = TG_END;
			return 0;
		}
		if (*lx->p == '!') {
			lx->p += strcspn(lx->p, "\n");
			continue;
		}
		if (*lx->p == '"')
			return tg_lex_string(lx, cause);
		if (tg_digit(*lx->p) || ((*lx->p == '+' || *lx->p == '-') &&
		    tg_digit(lx->p[1])))
			return tg_lex_number(lx, cause);
		if (strncmp(lx->p, "<exists>", 8) == 0 ||
		    strncmp(lx->p, "<absent>", 8) == 0) {
			lx->kind = TG_FLAG;
			lx->text = xstrndup(lx->p + 1, 6);
			lx->p += 8;
			tg_skip_word(lx);
			return 0;
		}
		tg_skip_word(lx);
	}
}

/* How a token of each kind is shown in a message, around its text. */
static const char *const tg_open[] = { "", "", "\"", "<" };
static const char *const tg_close[] = { "", "", "\"", ">" };

/* Reads a token of a kind; what names it in the error. */
static int
tg_expect(struct tg_lexer *lx, enum tg_kind kind, const char *what,
    char **cause)
{
	if (tg_next(lx, cause) != 0)
		return -1;
	if (lx->kind == kind)
		return 0;
	if (lx->kind == TG_END) {
		*cause = xprintf(_("%s:%ld: the file ends where %s was "
		    "expected"), lx->path, lx->tline, what);
	} else {
		*cause = xprintf(_("%s:%ld: %s expected, not %s%s%s"),
		    lx->path, lx->tline, what, tg_open[lx->kind], lx->text,
		    tg_close[lx->kind]);
	}
	return -1;
}

/* Compares two plain decimals (as tg_plain writes them). */
static int
tg_cmp(const char *a, const char *b)
{
	size_t	ia, ib;
	int	sa = *a == '-' ? -1 : 1, sb = *b == '-' ? -1 : 1, c = 0;

	if (sa != sb)
		return sa;
	a += sa < 0;
	b += sb < 0;
	ia = strcspn(a, ".");
	ib = strcspn(b, ".");
	if (ia != ib)
		return ia < ib ? -sa : sa;
	if ((c = strncmp(a, b, ia)) == 0) {
		for (a += ia, b += ib; *a != '\0' || *b != '\0'; ) {
			char	x = *a == '\0' || *a == '.' ? '0' : *a;
			char	y = *b == '\0' || *b == '.' ? '0' : *b;

			if (x != y) {
				c = x < y ? -1 : 1;
				break;
			}
			a += *a != '\0';
			b += *b != '\0';
		}
	}
	return c * sa;
}

/* Reads a time span: xmin and xmax, the latter not before the former. */
static int
tg_span(struct tg_lexer *lx, const char *what, char **xmin, char **xmax,
    long *line, char **cause)
{
	if (tg_expect(lx, TG_NUMBER, _("a start time (xmin)"), cause) != 0)
		return -1;
	*line = lx->tline;
	*xmin = lx->text;
	lx->text = NULL;
	if (tg_expect(lx, TG_NUMBER, _("an end time (xmax)"), cause) != 0) {
		free(*xmin);
		return -1;
	}
	if (tg_cmp(lx->text, *xmin) < 0) {
		*cause = xprintf(_("%s:%ld: %s ends (xmax %s) before it "
		    "starts (xmin %s)"), lx->path, lx->tline, what, lx->text,
		    *xmin);
		free(*xmin);
		return -1;
	}
	*xmax = lx->text;
	lx->text = NULL;
	return 0;
}

/* Reads a count; a negative one is 0, as in Praat. */
static int
tg_count(struct tg_lexer *lx, const char *what, long long *n, char **cause)
{
	if (tg_expect(lx, TG_NUMBER, what, cause) != 0)
		return -1;
	if (strchr(lx->text, '.') != NULL) {
		*cause = xprintf(_("%s:%ld: %s expected, not %s"), lx->path,
		    lx->tline, what, lx->text);
		return -1;
	}
	*n = *lx->text == '-' ? 0 : strtoll(lx->text, NULL, 10);
	return 0;
}

static void
tg_speaker(struct import_doc *doc, const char *code)
{
	for (size_t i = 0; i < doc->nspks; i++) {
		if (strcmp(doc->spks[i].code, code) == 0)
			return;
	}
	import_doc_speaker(doc)->code = xstrdup(code);
}

/* Reads n intervals of a tier; those with text become segments. */
static int
tg_read_intervals(struct tg_lexer *lx, const char *name, long long n,
    struct import_doc *doc, char **cause)
{
	struct import_segment	*g;
	char			*xmin, *xmax, *what;
	long			 line;
	int			 rc;

	for (long long i = 0; i < n; i++) {
		what = xprintf(_("interval %lld of tier \"%s\""), i + 1, name);
		rc = tg_span(lx, what, &xmin, &xmax, &line, cause);
		free(what);
		if (rc != 0)
			return -1;
		if ((rc = tg_expect(lx, TG_STRING, _("the text of an "
		    "interval"), cause)) != 0 || fmt_text_blank(lx->text)) {
			free(xmin);
			free(xmax);
			if (rc != 0)
				return -1;
			continue;
		}
		g = import_doc_segment(doc);
		g->start = xmin;
		g->end = xmax;
		g->text = lx->text;
		lx->text = NULL;
		fmt_text_flatten(g->text);
		g->line = line;
		if (!fmt_text_blank(name) && strcmp(name, "-") != 0) {
			g->speaker = xstrdup(name);
			tg_speaker(doc, name);
		}
	}
	return 0;
}

/* Skips n points of a point tier: a time and a mark each. */
static int
tg_skip_points(struct tg_lexer *lx, long long n, char **cause)
{
	for (long long i = 0; i < n; i++) {
		if (tg_expect(lx, TG_NUMBER, _("the time of a point"),
		    cause) != 0 ||
		    tg_expect(lx, TG_STRING, _("the mark of a point"),
		    cause) != 0)
			return -1;
	}
	return 0;
}

static int
tg_read_tier(struct tg_lexer *lx, long long no, long long size,
    struct import_doc *doc, char **cause)
{
	char		*name = NULL, *xmin, *xmax, *what;
	long long	 n;
	long		 line;
	int		 interval, rc = -1;

	if (tg_next(lx, cause) != 0)
		return -1;
	if (lx->kind == TG_END) {
		*cause = xprintf(_("%s:%ld: the file ends after %lld of its "
		    "%lld tiers; check the tier count (size)"), lx->path,
		    lx->tline, no - 1, size);
		return -1;
	}
	if (lx->kind != TG_STRING || (strcmp(lx->text, "IntervalTier") != 0 &&
	    strcmp(lx->text, "TextTier") != 0)) {
		*cause = xprintf(_("%s:%ld: tier %lld: the class "
		    "\"IntervalTier\" or \"TextTier\" expected, not "
		    "%s%s%s"), lx->path, lx->tline, no, tg_open[lx->kind],
		    lx->text, tg_close[lx->kind]);
		return -1;
	}
	interval = strcmp(lx->text, "IntervalTier") == 0;
	if (tg_expect(lx, TG_STRING, _("the name of a tier"), cause) != 0)
		return -1;
	name = lx->text;
	lx->text = NULL;
	what = xprintf(_("tier \"%s\""), name);
	if (tg_span(lx, what, &xmin, &xmax, &line, cause) == 0) {
		free(xmin);
		free(xmax);
		if (tg_count(lx, interval ? _("the number of intervals") :
		    _("the number of points"), &n, cause) == 0) {
			rc = interval ?
			    tg_read_intervals(lx, name, n, doc, cause) :
			    tg_skip_points(lx, n, cause);
		}
	}
	free(what);
	free(name);
	return rc;
}

/* The header: file type, object class, time span, tiers flag, size. */
static int
tg_read_header(struct tg_lexer *lx, long long *size, char **cause)
{
	char	*xmin, *xmax;
	long	 line;

	if (strncmp(lx->p, "ooBinaryFile", 12) == 0) {
		*cause = xprintf(_("%s: a binary Praat file; save it from "
		    "Praat as a text file"), lx->path);
		return -1;
	}
	if (tg_expect(lx, TG_STRING, _("the file type \"ooTextFile\""),
	    cause) != 0)
		return -1;
	if (strcmp(lx->text, "ooTextFile") != 0 &&
	    strcmp(lx->text, "ooTextFile short") != 0) {
		*cause = xprintf(_("%s:%ld: not a Praat text file (file type "
		    "\"%s\")"), lx->path, lx->tline, lx->text);
		return -1;
	}
	if (tg_expect(lx, TG_STRING, _("the object class \"TextGrid\""),
	    cause) != 0)
		return -1;
	if (strcmp(lx->text, "TextGrid") != 0) {
		*cause = xprintf(_("%s:%ld: a Praat %s, not a TextGrid"),
		    lx->path, lx->tline, lx->text);
		return -1;
	}
	if (tg_span(lx, _("the TextGrid"), &xmin, &xmax, &line, cause) != 0)
		return -1;
	free(xmin);
	free(xmax);
	if (tg_expect(lx, TG_FLAG, _("<exists> (the tiers flag)"),
	    cause) != 0)
		return -1;
	if (strcmp(lx->text, "absent") == 0) {
		*size = 0;
		return 0;
	}
	return tg_count(lx, _("the number of tiers (size)"), size, cause);
}

static int
tg_read(const char *path, struct import_doc *doc, char **cause)
{
	struct tg_lexer	 lx;
	char		*text;
	size_t		 len;
	long long	 size;
	int		 rc;

	if ((text = fmt_text_load(path, "ISO-8859-1", &len, cause)) == NULL)
		return -1;
	memset(&lx, 0, sizeof lx);
	lx.path = path;
	lx.p = text;
	lx.line = 1;
	rc = tg_read_header(&lx, &size, cause);
	for (long long i = 0; rc == 0 && i < size; i++)
		rc = tg_read_tier(&lx, i + 1, size, doc, cause);
	free(lx.text);
	free(text);
	if (rc != 0)
		import_doc_free(doc);
	return rc;
}

const struct fmt_ops fmt_textgrid_ops = {
	.name = "textgrid",
	.description = N_("Praat TextGrid, a file per recording, a tier per "
	    "speaker"),
	.corpus = 0,
	.write = tg_write,
	.read = tg_read,
	.validate = NULL
};
