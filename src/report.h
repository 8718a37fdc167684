/*
 * report.h: the measures of a project's review work, from what the store
 * reads (store_report_*, store.h): the accuracy of the transcription pass
 * against the review pass, by transcriber, recording, language and dialect;
 * the agreement of linguists on dialect tags; and the figures a QA verdict
 * compares. Pure: no SQL, no output.
 *
 * Accuracy counts tokens as review.h does: a segment with any unspaced
 * script (Han, kana, ...) is measured by characters (and the words of
 * other scripts in it: REVIEW_MIXED), and goes under the character error
 * rate (CER); any other segment is measured by words, under the word error
 * rate (WER). The sentence error rate (SER) is the share of segments with
 * any error.
 */
#ifndef TX_REPORT_H
#define TX_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "review.h"
#include "store.h"

enum report_by {
	REPORT_TRANSCRIBER,
	REPORT_RECORDING,
	REPORT_LANGUAGE,
	REPORT_DIALECT
};
#define REPORT_BY_N 4

/* "transcriber", "recording", "language", "dialect". */
const char	*report_by_name(enum report_by);
/* Parses those, and "user" (transcriber) and "lang"; 0 or -1. */
int		 report_by_parse(const char *, enum report_by *);

/* The measures of a group of reviewed segments. */
struct report_accuracy {
	char			*key;		/* NULL: none (no language...) */
	size_t			 segments;
	int64_t			 ms;		/* their audio */
	size_t			 char_segments;	/* measured by characters */
	struct review_errors	 chars;
	size_t			 word_segments;	/* measured by words */
	struct review_errors	 words;
	size_t			 wrong;		/* segments with any error */
};

struct report_groups {
	struct report_accuracy	*by[REPORT_BY_N];  /* by key, none last */
	size_t			 n[REPORT_BY_N];
	struct report_accuracy	 total;		   /* all of them */
};

/* Measures each pair once and groups them every way. */
void	 report_accuracy(const struct store_pair *, size_t n,
	     struct report_groups *out);
void	 report_groups_free(struct report_groups *);
/* Adds one pair's measure to a group. */
void	 report_add(struct report_accuracy *, const struct store_pair *);
/* CER, WER and SER of a group; -1 when it has no segment of the kind. */
double	 report_cer(const struct report_accuracy *);
double	 report_wer(const struct report_accuracy *);
double	 report_ser(const struct report_accuracy *);
/* Characters and words together: tokens and errors. */
size_t	 report_tokens(const struct report_accuracy *);
size_t	 report_errors(const struct report_accuracy *);

/*
 * Whether the accuracy (tokens - errors) / tokens reaches ppm parts per
 * million, computed exactly. No tokens: 100% without errors, else 0%.
 */
int	 report_meets(size_t tokens, size_t errors, int64_t ppm);

#define REPORT_BUFSIZE 32

/*
 * The accuracy as a percentage with one decimal, rounded down ("95.2%"),
 * so that what is shown never passes a threshold the figure does not.
 */
char	*report_accuracy_text(size_t tokens, size_t errors,
	     char buf[REPORT_BUFSIZE]);
/* A share as a percentage with one decimal, rounded ("8.3%"). */
char	*report_percent(double share, char buf[REPORT_BUFSIZE]);
/* Parts per million as a percentage without trailing zeros ("97.5%"). */
char	*report_ppm_text(int64_t ppm, char buf[REPORT_BUFSIZE]);

/* ---- agreement of linguists ---- */

struct report_agreement {
	char			*a;		/* logins, a before b */
	char			*b;
	struct review_kappa	 kappa;		/* labels "" for no dialect */
};

/*
 * Cohen's kappa of two raters' judgments (sorted by segment, as
 * store_report_judgments() gives them) over the segments both judged:
 * for raters a and b when both are given (even with nothing in common),
 * else for every two raters with segments in common, in login order.
 */
void	 report_agreement(const struct store_judgment *, size_t n,
	     const char *a, const char *b, struct report_agreement **out,
	     size_t *nout);
void	 report_agreement_free(struct report_agreement *, size_t n);

#endif
