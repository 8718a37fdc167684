/* review.c: edit distances between passes of a transcript. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "checksum.h"
#include "review.h"
#include "text.h"
#include "xmalloc.h"

/* A token: a span of the text. */
struct review_token {
	const char	*s;
	size_t		 len;
};


static int
review_space(utf8proc_int32_t cp)
{
	return cp == '\t' || cp == '\n' || cp == '\r' ||
	    utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

enum review_tokens
review_tokens_for(const char *text)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)text;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 n;

	for (; *p != '\0'; p += n) {
		if ((n = utf8proc_iterate(p, -1, &cp)) <= 0)
			break;
		if (text_unspaced_script(cp))
			return REVIEW_MIXED;
	}
	return REVIEW_WORDS;
}

/* Splits text into tokens; returns how many (*out: caller frees). */
static size_t
review_split(const char *text, enum review_tokens how,
    struct review_token **out)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)text;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 n;
	size_t			 count = 0, len = strlen(text), at = 0;
	const char		*word = NULL;

	*out = xcalloc(len + 1, sizeof **out);
	while (at < len) {
		n = utf8proc_iterate(p + at, (utf8proc_ssize_t)(len - at), &cp);
		if (n <= 0) {
			n = 1;		/* a stray byte is a character */
			cp = 0xfffd;
		}
		if (review_space(cp) || how == REVIEW_CHARS ||
		    (how == REVIEW_MIXED && text_unspaced_script(cp))) {
			if (word != NULL) {
				(*out)[count].s = word;
				(*out)[count++].len = (size_t)(text + at - word);
				word = NULL;
			}
			if (!review_space(cp)) {
				(*out)[count].s = text + at;
				(*out)[count++].len = (size_t)n;
			}
		} else if (word == NULL)
			word = text + at;
		at += (size_t)n;
	}
	if (word != NULL) {
		(*out)[count].s = word;
		(*out)[count++].len = (size_t)(text + len - word);
	}
	return count;
}

static int
review_same(const struct review_token *a, const struct review_token *b)
{
	return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

/* One cell of the table: the edits to reach it, and of which kind. */
struct review_cell {
	size_t	cost, sub, del, ins;
};

static struct review_cell
review_step(struct review_cell from, int kind)
{
	from.cost++;
	if (kind == 0)
		from.sub++;
	else if (kind == 1)
		from.del++;
	else
		from.ins++;
	return from;
}

/* The better of two ways: fewer edits, then more substitutions. */
static struct review_cell
review_best(struct review_cell a, struct review_cell b)
{
	if (a.cost != b.cost)
		return a.cost < b.cost ? a : b;
	return a.sub >= b.sub ? a : b;
}

void
review_distance(const char *ref, const char *hyp, enum review_tokens how,
    struct review_errors *e)
{
	struct review_token	*r, *h;
	struct review_cell	*prev, *cur, *t, best;
	size_t			 nr, nh;

	nr = review_split(ref, how, &r);
	nh = review_split(hyp, how, &h);
	prev = xcalloc(nh + 1, sizeof *prev);
	cur = xcalloc(nh + 1, sizeof *cur);
	/* Row 0: everything in the hypothesis is inserted. */
	for (size_t j = 1; j <= nh; j++)
		prev[j] = review_step(prev[j - 1], 2);
	for (size_t i = 1; i <= nr; i++) {
		cur[0] = review_step(prev[0], 1);
		for (size_t j = 1; j <= nh; j++) {
			if (review_same(&r[i - 1], &h[j - 1]))
				best = prev[j - 1];
			else
				best = review_step(prev[j - 1], 0);
			best = review_best(best, review_step(prev[j], 1));
			best = review_best(best, review_step(cur[j - 1], 2));
			cur[j] = best;
		}
		t = prev;
		prev = cur;
		cur = t;
	}
	e->ref += nr;
	e->sub += prev[nh].sub;
	e->del += prev[nh].del;
	e->ins += prev[nh].ins;
	free(prev);
	free(cur);
	free(r);
	free(h);
}

double
review_rate(const struct review_errors *e)
{
	size_t	errors = e->sub + e->del + e->ins;

	if (e->ref == 0)
		return errors == 0 ? 0.0 : 1.0;
	return (double)errors / (double)e->ref;
}

/* ---- agreement ---- */

static int
review_str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static size_t
review_label(const struct review_kappa *k, const char *s)
{
	size_t	lo = 0, hi = k->nlabels;

	while (lo < hi) {
		size_t	mid = (lo + hi) / 2;
		int	c = strcmp(k->labels[mid], s);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return k->nlabels;
}

void
review_kappa(const char *const *a, const char *const *b, size_t n,
    struct review_kappa *k)
{
	size_t	 m = 0, agree = 0, *ra, *rb;

	memset(k, 0, sizeof *k);
	k->labels = xcalloc(2 * n + 1, sizeof *k->labels);
	for (size_t i = 0; i < n; i++) {
		if (a[i] == NULL || b[i] == NULL)
			continue;
		k->labels[m++] = xstrdup(a[i]);
		k->labels[m++] = xstrdup(b[i]);
	}
	qsort(k->labels, m, sizeof *k->labels, review_str_cmp);
	for (size_t i = 0; i < m; i++) {
		if (k->nlabels > 0 && strcmp(k->labels[k->nlabels - 1],
		    k->labels[i]) == 0)
			free(k->labels[i]);
		else
			k->labels[k->nlabels++] = k->labels[i];
	}
	k->table = xcalloc(k->nlabels * k->nlabels + 1, sizeof *k->table);
	ra = xcalloc(k->nlabels + 1, sizeof *ra);
	rb = xcalloc(k->nlabels + 1, sizeof *rb);
	for (size_t i = 0; i < n; i++) {
		size_t	x, y;

		if (a[i] == NULL || b[i] == NULL)
			continue;
		x = review_label(k, a[i]);
		y = review_label(k, b[i]);
		k->table[x * k->nlabels + y]++;
		ra[x]++;
		rb[y]++;
		agree += x == y;
		k->n++;
	}
	if (k->n > 0) {
		k->observed = (double)agree / (double)k->n;
		for (size_t l = 0; l < k->nlabels; l++)
			k->expected += ((double)ra[l] / (double)k->n) *
			    ((double)rb[l] / (double)k->n);
		if (k->expected >= 1.0)
			k->kappa = k->observed >= 1.0 ? 1.0 : 0.0;
		else
			k->kappa = (k->observed - k->expected) /
			    (1.0 - k->expected);
	}
	free(ra);
	free(rb);
}

void
review_kappa_free(struct review_kappa *k)
{
	for (size_t i = 0; i < k->nlabels; i++)
		free(k->labels[i]);
	free(k->labels);
	free(k->table);
	memset(k, 0, sizeof *k);
}

/* ---- sampling ---- */

struct review_draw {
	uint64_t	h;
	int64_t		id;
};

static int
review_draw_cmp(const void *a, const void *b)
{
	const struct review_draw	*x = a, *y = b;

	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int
review_id_cmp(const void *a, const void *b)
{
	int64_t	x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

size_t
review_sample(const int64_t *ids, size_t n, double rate, uint64_t seed,
    int64_t *out)
{
	struct review_draw	*d;
	uint64_t		 key;
	size_t			 k;
	double			 want;

	if (n == 0 || !(rate > 0))
		return 0;
	want = rate >= 1.0 ? (double)n : rate * (double)n;
	/* 7% of 100 is 7: the product's rounding error (7.000000000000001) is
	   not a segment more */
	want -= want * 1e-12;
	k = (size_t)want;
	if ((double)k < want)
		k++;
	if (k > n)
		k = n;
	key = splitmix64(&seed);
	d = xcalloc(n, sizeof *d);
	for (size_t i = 0; i < n; i++) {
		uint64_t	x = key ^ (uint64_t)ids[i];

		d[i].id = ids[i];
		d[i].h = splitmix64(&x);
	}
	qsort(d, n, sizeof *d, review_draw_cmp);
	for (size_t i = 0; i < k; i++)
		out[i] = d[i].id;
	free(d);
	qsort(out, k, sizeof *out, review_id_cmp);
	return k;
}

/* ---- differences ---- */

/* A unit of a diff: a grapheme cluster, or a byte that is not UTF-8. */
struct review_unit {
	size_t		off;
	size_t		len;
	uint64_t	hash;
};

/* One text cut into units; u[n].off is the text's length. */
struct review_side {
	const char		*s;
	struct review_unit	*u;
	size_t			 n;
};

/* What the script does with the next unit (or pair of units). */
enum review_step {
	REVIEW_STEP_SAME,
	REVIEW_STEP_DEL,
	REVIEW_STEP_INS
};

static void
review_side_init(struct review_side *side, const char *s)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)s;
	struct review_unit	*u;
	utf8proc_int32_t	 cp, prev = -1, state = 0;
	utf8proc_ssize_t	 n;
	size_t			 len = strlen(s), at = 0;

	side->s = s;
	side->n = 0;
	side->u = u = xcalloc(len + 1, sizeof *u);
	while (at < len) {
		n = utf8proc_iterate(p + at, (utf8proc_ssize_t)(len - at), &cp);
		if (n <= 0) {
			/* a byte that is not UTF-8 stands alone */
			u[side->n].off = at++;
			u[side->n++].len = 1;
			prev = -1;
			continue;
		}
		if (prev == -1 ||
		    utf8proc_grapheme_break_stateful(prev, cp, &state)) {
			if (prev == -1)
				state = 0;
			u[side->n].off = at;
			u[side->n++].len = (size_t)n;
		} else
			u[side->n - 1].len += (size_t)n;
		prev = cp;
		at += (size_t)n;
	}
	u[side->n].off = len;
	side->u = u = xreallocarray(u, side->n + 1, sizeof *u);
	for (size_t i = 0; i < side->n; i++)
		u[i].hash = xxh64_buffer(s + u[i].off, u[i].len, 0);
}

static int
review_unit_same(const struct review_side *a, size_t i,
    const struct review_side *b, size_t j)
{
	const struct review_unit	*x = &a->u[i], *y = &b->u[j];

	return x->hash == y->hash && x->len == y->len &&
	    memcmp(a->s + x->off, b->s + y->off, x->len) == 0;
}

/*
 * The fewest steps from a's units [ai, ai + n) to b's [bj, bj + m), by the
 * longest common subsequence: the table of lengths is kept two rows at a
 * time, and one bit per cell says which way to go back where the units
 * differ (set: drop a's unit). Writes n + m - common steps from *steps on
 * and returns how many.
 */
static size_t
review_lcs(const struct review_side *a, size_t ai, size_t n,
    const struct review_side *b, size_t bj, size_t m, unsigned char *steps)
{
	unsigned char	*up;
	size_t		*prev, *cur, *t, i, j, k, count;

	up = xcalloc(n * m / 8 + 1, 1);
	prev = xcalloc(m + 1, sizeof *prev);
	cur = xcalloc(m + 1, sizeof *cur);
	for (i = 1; i <= n; i++) {
		for (j = 1; j <= m; j++) {
			k = (i - 1) * m + (j - 1);
			if (review_unit_same(a, ai + i - 1, b, bj + j - 1))
				cur[j] = prev[j - 1] + 1;
			else if (prev[j] >= cur[j - 1]) {
				cur[j] = prev[j];
				up[k / 8] |= (unsigned char)(1U << (k % 8));
			} else
				cur[j] = cur[j - 1];
		}
		t = prev;
		prev = cur;
		cur = t;
	}
	count = n + m - prev[m];
	/* Back from the end, filling steps from its end. */
	k = count;
	for (i = n, j = m; i > 0 && j > 0; ) {
		size_t	c = (i - 1) * m + (j - 1);

		if (review_unit_same(a, ai + i - 1, b, bj + j - 1)) {
			steps[--k] = REVIEW_STEP_SAME;
			i--;
			j--;
		} else if (up[c / 8] & (1U << (c % 8))) {
			steps[--k] = REVIEW_STEP_DEL;
			i--;
		} else {
			steps[--k] = REVIEW_STEP_INS;
			j--;
		}
	}
	for (; i > 0; i--)
		steps[--k] = REVIEW_STEP_DEL;
	for (; j > 0; j--)
		steps[--k] = REVIEW_STEP_INS;
	free(up);
	free(prev);
	free(cur);
	return count;
}

/* The steps for the part between a common start and end. */
static size_t
review_middle(const struct review_side *a, size_t ai, size_t n,
    const struct review_side *b, size_t bj, size_t m, unsigned char *steps)
{
	if (n != 0 && m != 0 && n <= REVIEW_DIFF_CELLS / m)
		return review_lcs(a, ai, n, b, bj, m, steps);
	memset(steps, REVIEW_STEP_DEL, n);
	memset(steps + n, REVIEW_STEP_INS, m);
	return n + m;
}

static void
review_span_add(struct review_span *spans, size_t *count, enum review_op op,
    size_t off_old, size_t off_new, size_t len)
{
	if (len == 0)
		return;
	spans[*count].op = op;
	spans[*count].off_old = off_old;
	spans[*count].off_new = off_new;
	spans[(*count)++].len = len;
}

/*
 * Turns steps into spans: each run of SAME steps one span, each run of
 * the others one DEL of all its deleted units then one INS of its
 * inserted ones (they are consecutive in each text).
 */
static size_t
review_spans(const struct review_side *a, const struct review_side *b,
    const unsigned char *steps, size_t nsteps, struct review_span *spans)
{
	size_t	k = 0, i = 0, j = 0, i0, j0, count = 0;

	while (k < nsteps) {
		i0 = i;
		j0 = j;
		if (steps[k] == REVIEW_STEP_SAME) {
			while (k < nsteps && steps[k] == REVIEW_STEP_SAME) {
				k++;
				i++;
				j++;
			}
			review_span_add(spans, &count, REVIEW_SAME,
			    a->u[i0].off, b->u[j0].off,
			    a->u[i].off - a->u[i0].off);
			continue;
		}
		for (; k < nsteps && steps[k] != REVIEW_STEP_SAME; k++) {
			if (steps[k] == REVIEW_STEP_DEL)
				i++;
			else
				j++;
		}
		review_span_add(spans, &count, REVIEW_DEL, a->u[i0].off,
		    b->u[j0].off, a->u[i].off - a->u[i0].off);
		review_span_add(spans, &count, REVIEW_INS, a->u[i].off,
		    b->u[j0].off, b->u[j].off - b->u[j0].off);
	}
	return count;
}

size_t
review_diff(const char *old, const char *new, struct review_span **out)
{
	struct review_side	 a, b;
	unsigned char		*steps;
	size_t			 head = 0, tail = 0, nsteps, count;

	review_side_init(&a, old);
	review_side_init(&b, new);
	while (head < a.n && head < b.n && review_unit_same(&a, head, &b, head))
		head++;
	while (tail < a.n - head && tail < b.n - head &&
	    review_unit_same(&a, a.n - 1 - tail, &b, b.n - 1 - tail))
		tail++;

	steps = xmalloc(a.n + b.n + 1);
	memset(steps, REVIEW_STEP_SAME, head);
	nsteps = head + review_middle(&a, head, a.n - head - tail, &b, head,
	    b.n - head - tail, steps + head);
	memset(steps + nsteps, REVIEW_STEP_SAME, tail);
	nsteps += tail;

	*out = xcalloc(nsteps + 1, sizeof **out);
	count = review_spans(&a, &b, steps, nsteps, *out);
	free(steps);
	free(a.u);
	free(b.u);
	return count;
}
