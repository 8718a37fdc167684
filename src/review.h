/*
 * review.h: measures of how much one pass of a transcript differs from the
 * next: the edit distance between a reference (the later, checked pass)
 * and a hypothesis (the earlier one), counted as substitutions, deletions
 * and insertions of tokens.
 *
 * Tokens depend on the script. Words separated by white space for spaced
 * scripts (word error rate); single characters for unspaced ones, Han,
 * kana and the like (character error rate); and for mixed text, each
 * unspaced character and each word of the rest (a mixed error rate, which
 * is the character error rate of Chinese and the word error rate of
 * English). White space is never a token.
 */
#ifndef TX_REVIEW_H
#define TX_REVIEW_H

#include <stddef.h>
#include <stdint.h>

enum review_tokens {
	REVIEW_WORDS,		/* split at white space */
	REVIEW_CHARS,		/* every character but white space */
	REVIEW_MIXED		/* unspaced characters, and other words */
};

struct review_errors {
	size_t	ref;		/* tokens in the reference */
	size_t	sub;
	size_t	del;		/* in the reference, not the hypothesis */
	size_t	ins;		/* in the hypothesis, not the reference */
};

/* The tokens fit for a text: MIXED if it has unspaced script, else WORDS. */
enum review_tokens	 review_tokens_for(const char *text);
/*
 * Counts the errors of hyp against ref (both UTF-8) with the fewest edits;
 * among equal totals, substitutions are preferred. Adds to *e, so passes
 * can be summed.
 */
void			 review_distance(const char *ref, const char *hyp,
			     enum review_tokens, struct review_errors *e);
/*
 * (sub + del + ins) / ref. With an empty reference: 0 when nothing was
 * inserted either, else 1.
 */
double			 review_rate(const struct review_errors *);

/* ---- agreement between two raters (linguists' dialect tags) ---- */

struct review_kappa {
	char	**labels;	/* every label either gave, in byte order */
	size_t	  nlabels;
	size_t	 *table;	/* [a's label * nlabels + b's label]: count */
	size_t	  n;		/* items both rated */
	double	  observed;	/* share of items they agree on */
	double	  expected;	/* share expected by chance */
	double	  kappa;	/* Cohen's: (observed - expected) /
				   (1 - expected); 1 when both are 1 */
};

/* Cohen's kappa of labels a[i] and b[i] for n items (NULL: not rated). */
void	 review_kappa(const char *const *a, const char *const *b, size_t n,
	     struct review_kappa *out);
void	 review_kappa_free(struct review_kappa *);

/* ---- sampling ---- */

/*
 * Chooses ceil(rate * n) of n ids for inspection, the same ones for the
 * same ids, rate and seed whatever their order: each id gets a hash of
 * (seed, id) and the smallest hashes are taken. out (n entries) gets
 * them in increasing order; returns how many.
 */
size_t	 review_sample(const int64_t *ids, size_t n, double rate,
	     uint64_t seed, int64_t *out);

#endif
