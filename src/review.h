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
 *
 * It also finds where two passes differ, character by character, for the
 * reviewer's screen (review_diff).
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

/* ---- differences between two passes, for the screen ---- */

enum review_op {
	REVIEW_SAME,		/* in both texts */
	REVIEW_DEL,		/* in the old text only */
	REVIEW_INS		/* in the new text only */
};

/*
 * One run of a diff. off_old and off_new are where it starts in each text,
 * in bytes; len bytes are old's for SAME (new's are the same) and DEL,
 * new's for INS. So a DEL's off_new and an INS's off_old are places, not
 * text: where in the other text the change happens.
 */
struct review_span {
	enum review_op	op;
	size_t		off_old;
	size_t		off_new;
	size_t		len;
};

/*
 * The differences between two UTF-8 texts (NUL-terminated) as spans in
 * order: the SAME and DEL spans spell old, the SAME and INS spans spell
 * new. The units compared are extended grapheme clusters (a base and its
 * combining marks, any CJK character, supplementary planes included, are
 * one); a byte that is not UTF-8 is a unit of its own.
 *
 * The edit script is minimal (longest common subsequence) and the same for
 * the same texts. Neighbouring spans never have the same op, and where
 * text changes the DEL comes before the INS, so the old text can be drawn
 * struck out and the new after it.
 *
 * Memory: the common start and end are taken off first; what is left is
 * compared with one bit per pair of units, as long as that is at most
 * REVIEW_DIFF_CELLS pairs (4000 by 4000 units: 2 MB). Beyond that the
 * middle is given as one DEL and one INS: still true, no longer minimal.
 *
 * Returns the number of spans; *out (caller frees) holds them, and is
 * allocated even when there are none (both texts empty).
 */
#define REVIEW_DIFF_CELLS	((size_t)4000 * 4000)

size_t	 review_diff(const char *old, const char *new,
	     struct review_span **out);

#endif
