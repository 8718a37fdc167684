/* report.c: accuracy by group, agreement of linguists (see report.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "report.h"
#include "xmalloc.h"

static const char *const report_by_names[REPORT_BY_N] = {
	"transcriber", "recording", "language", "dialect"
};

const char *
report_by_name(enum report_by by)
{
	return (unsigned)by < REPORT_BY_N ? report_by_names[by] : "?";
}

int
report_by_parse(const char *s, enum report_by *out)
{
	int	i = names_find(report_by_names, REPORT_BY_N, s);

	if (i >= 0) {
		*out = (enum report_by)i;
		return 0;
	}
	if (strcmp(s, "user") == 0)
		*out = REPORT_TRANSCRIBER;
	else if (strcmp(s, "lang") == 0)
		*out = REPORT_LANGUAGE;
	else
		return -1;
	return 0;
}

/* ---- accuracy ---- */

/* One pair's measure. */
struct report_measure {
	struct review_errors	e;
	int			unspaced;
};

static void
report_measure(const struct store_pair *p, struct report_measure *m)
{
	memset(m, 0, sizeof *m);
	m->unspaced = review_tokens_for(p->ref) == REVIEW_MIXED ||
	    review_tokens_for(p->hyp) == REVIEW_MIXED;
	review_distance(p->ref, p->hyp, m->unspaced ? REVIEW_MIXED :
	    REVIEW_WORDS, &m->e);
}

static void
report_errors_add(struct review_errors *to, const struct review_errors *e)
{
	to->ref += e->ref;
	to->sub += e->sub;
	to->del += e->del;
	to->ins += e->ins;
}

static void
report_sum(struct report_accuracy *a, const struct store_pair *p,
    const struct report_measure *m)
{
	a->segments++;
	a->ms += p->ms;
	if (m->unspaced) {
		a->char_segments++;
		report_errors_add(&a->chars, &m->e);
	} else {
		a->word_segments++;
		report_errors_add(&a->words, &m->e);
	}
	if (m->e.sub + m->e.del + m->e.ins > 0)
		a->wrong++;
}

void
report_add(struct report_accuracy *a, const struct store_pair *p)
{
	struct report_measure	m;

	report_measure(p, &m);
	report_sum(a, p, &m);
}

static const char *
report_key(const struct store_pair *p, enum report_by by)
{
	switch (by) {
	case REPORT_TRANSCRIBER:
		return p->transcriber;
	case REPORT_RECORDING:
		return p->recording;
	case REPORT_LANGUAGE:
		return p->lang;
	case REPORT_DIALECT:
		return p->dialect;
	}
	return NULL;
}

/* Keys in byte order, none (NULL) last. */
static int
report_key_cmp(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a == NULL) - (b == NULL);
	return strcmp(a, b);
}

/* A pair's place in a grouping. */
struct report_ref {
	const char	*key;
	size_t		 i;
};

static int
report_ref_cmp(const void *x, const void *y)
{
	const struct report_ref	*a = x, *b = y;
	int			 c = report_key_cmp(a->key, b->key);

	if (c != 0)
		return c;
	return a->i < b->i ? -1 : a->i > b->i;
}

static void
report_group(const struct store_pair *pairs, const struct report_measure *m,
    size_t n, enum report_by by, struct report_groups *out)
{
	struct report_accuracy	*g = NULL;
	struct report_ref	*refs;
	size_t			 ng = 0;

	refs = xcalloc(n + 1, sizeof *refs);
	for (size_t i = 0; i < n; i++) {
		refs[i].key = report_key(&pairs[i], by);
		refs[i].i = i;
	}
	qsort(refs, n, sizeof *refs, report_ref_cmp);
	out->by[by] = xcalloc(n + 1, sizeof *out->by[by]);
	for (size_t i = 0; i < n; i++) {
		if (g == NULL || report_key_cmp(g->key, refs[i].key) != 0) {
			g = &out->by[by][ng++];
			g->key = refs[i].key != NULL ? xstrdup(refs[i].key) :
			    NULL;
		}
		report_sum(g, &pairs[refs[i].i], &m[refs[i].i]);
	}
	out->n[by] = ng;
	free(refs);
}

void
report_accuracy(const struct store_pair *pairs, size_t n,
    struct report_groups *out)
{
	struct report_measure	*m;

	memset(out, 0, sizeof *out);
	m = xcalloc(n + 1, sizeof *m);
	for (size_t i = 0; i < n; i++) {
		report_measure(&pairs[i], &m[i]);
		report_sum(&out->total, &pairs[i], &m[i]);
	}
	for (int by = 0; by < REPORT_BY_N; by++)
		report_group(pairs, m, n, (enum report_by)by, out);
	free(m);
}

void
report_groups_free(struct report_groups *g)
{
	for (int by = 0; by < REPORT_BY_N; by++) {
		for (size_t i = 0; i < g->n[by]; i++)
			free(g->by[by][i].key);
		free(g->by[by]);
	}
	free(g->total.key);
	memset(g, 0, sizeof *g);
}

double
report_cer(const struct report_accuracy *a)
{
	return a->char_segments == 0 ? -1 : review_rate(&a->chars);
}

double
report_wer(const struct report_accuracy *a)
{
	return a->word_segments == 0 ? -1 : review_rate(&a->words);
}

double
report_ser(const struct report_accuracy *a)
{
	return a->segments == 0 ? -1 : (double)a->wrong / (double)a->segments;
}

size_t
report_tokens(const struct report_accuracy *a)
{
	return a->chars.ref + a->words.ref;
}

size_t
report_errors(const struct report_accuracy *a)
{
	return a->chars.sub + a->chars.del + a->chars.ins + a->words.sub +
	    a->words.del + a->words.ins;
}

int
report_meets(size_t tokens, size_t errors, int64_t ppm)
{
	int64_t	t = (int64_t)tokens, right = (int64_t)tokens - (int64_t)errors;

	if (tokens == 0)
		return (errors == 0 ? 1000000 : 0) >= ppm;
	return right * 1000000 >= ppm * t;
}

char *
report_accuracy_text(size_t tokens, size_t errors, char buf[REPORT_BUFSIZE])
{
	int64_t	t = (int64_t)tokens, n, q;

	if (tokens == 0)
		q = errors == 0 ? 1000 : 0;
	else {
		/* tenths of a percent, rounded towards minus infinity */
		n = ((int64_t)tokens - (int64_t)errors) * 1000;
		q = n / t;
		if (n % t != 0 && n < 0)
			q--;
	}
	snprintf(buf, REPORT_BUFSIZE, "%s%lld.%lld%%", q < 0 ? "-" : "",
	    (long long)(q < 0 ? -q : q) / 10, (long long)(q < 0 ? -q : q) % 10);
	return buf;
}

char *
report_percent(double share, char buf[REPORT_BUFSIZE])
{
	if (share < 0)
		snprintf(buf, REPORT_BUFSIZE, "-");
	else
		snprintf(buf, REPORT_BUFSIZE, "%.1f%%", share * 100);
	return buf;
}

char *
report_ppm_text(int64_t ppm, char buf[REPORT_BUFSIZE])
{
	int64_t	whole = ppm / 10000, part = ppm % 10000;
	int	digits = 4;

	if (part == 0) {
		snprintf(buf, REPORT_BUFSIZE, "%lld%%", (long long)whole);
		return buf;
	}
	while (part % 10 == 0) {
		part /= 10;
		digits--;
	}
	snprintf(buf, REPORT_BUFSIZE, "%lld.%0*lld%%", (long long)whole, digits,
	    (long long)part);
	return buf;
}

/* ---- agreement ---- */

static int
report_str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The label rater gave in the run of judgments [from, to), or NULL. */
static const char *
report_label(const struct store_judgment *j, size_t from, size_t to,
    const char *rater)
{
	for (size_t i = from; i < to; i++) {
		if (strcmp(j[i].rater, rater) == 0)
			return j[i].label;
	}
	return NULL;
}

static void
report_pair_kappa(const struct store_judgment *j, size_t n, const char *a,
    const char *b, struct report_agreement *out)
{
	const char	**la, **lb;
	size_t		  m = 0, from, to;

	la = xcalloc(n + 1, sizeof *la);
	lb = xcalloc(n + 1, sizeof *lb);
	for (from = 0; from < n; from = to) {
		for (to = from + 1; to < n &&
		    j[to].segment_id == j[from].segment_id; to++)
			;
		la[m] = report_label(j, from, to, a);
		lb[m++] = report_label(j, from, to, b);
	}
	out->a = xstrdup(a);
	out->b = xstrdup(b);
	review_kappa(la, lb, m, &out->kappa);
	free(la);
	free(lb);
}

void
report_agreement(const struct store_judgment *j, size_t n, const char *a,
    const char *b, struct report_agreement **out, size_t *nout)
{
	const char	**raters;
	size_t		  nr = 0, cap;

	*nout = 0;
	if (a != NULL && b != NULL) {
		*out = xcalloc(1, sizeof **out);
		report_pair_kappa(j, n, a, b, *out);
		*nout = 1;
		return;
	}
	raters = xcalloc(n + 1, sizeof *raters);
	for (size_t i = 0; i < n; i++)
		raters[i] = j[i].rater;
	qsort(raters, n, sizeof *raters, report_str_cmp);
	for (size_t i = 0; i < n; i++) {
		if (nr == 0 || strcmp(raters[nr - 1], raters[i]) != 0)
			raters[nr++] = raters[i];
	}
	cap = nr * (nr > 0 ? nr - 1 : 0) / 2;
	*out = xcalloc(cap + 1, sizeof **out);
	for (size_t x = 0; x < nr; x++) {
		for (size_t y = x + 1; y < nr; y++) {
			struct report_agreement	*g = &(*out)[*nout];

			report_pair_kappa(j, n, raters[x], raters[y], g);
			if (g->kappa.n == 0) {
				free(g->a);
				free(g->b);
				review_kappa_free(&g->kappa);
				memset(g, 0, sizeof *g);
			} else
				(*nout)++;
		}
	}
	free(raters);
}

void
report_agreement_free(struct report_agreement *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].a);
		free(list[i].b);
		review_kappa_free(&list[i].kappa);
	}
	free(list);
}
