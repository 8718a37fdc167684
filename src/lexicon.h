/*
 * lexicon.h: the words of one language, from the files in lexicons/ (one
 * per language tag) and from a project.
 *
 * A lexicon file is UTF-8 text, one entry a line: word, then optionally a
 * tab and a pronunciation (phones or syllables separated by single spaces),
 * then optionally a tab and a frequency (a non-negative decimal integer):
 * "word", "word\tpron", "word\t\t123", "word\tpron\t123". Lines starting
 * with '#' are comments, blank lines are skipped, CRLF line ends, a
 * missing final newline and a UTF-8 byte order mark are accepted. A word
 * may have several lines with different pronunciations (variants); a
 * repeated (word, pronunciation) pair keeps its first line.
 *
 * Errors: functions that can fail return -1 (or NULL) and, where there is a
 * char **cause, set it to a message the caller shows and frees; a file's
 * message starts "PATH:LINE: ". A failed load leaves the lexicon as it was.
 *
 * Ownership: strings and entries handed out point into the lexicon and stay
 * valid until lexicon_free(); arrays of them (lookup) until the lexicon next
 * changes. Only arrays the caller is told to free are the caller's.
 *
 * Lookup folds case for cased scripts (Unicode simple case folding: "The"
 * finds "the", "LONDON" finds "London") and is exact otherwise.
 *
 * A lexicon is not safe to use from two threads at once, not even with
 * const functions only: lexicon_complete() builds its index on first use.
 */
#ifndef TX_LEXICON_H
#define TX_LEXICON_H

#include <stddef.h>
#include <stdint.h>

struct lexicon;

struct lexicon_entry {
	const char	*word;
	const char	*pron;		/* or NULL */
	int64_t		 freq;		/* -1 if none */
};

/* An empty lexicon for a BCP 47 tag (not checked here); never NULL. */
struct lexicon	*lexicon_new(const char *lang);
void		 lexicon_free(struct lexicon *);
const char	*lexicon_lang(const struct lexicon *);
/* Adds a file's entries: 0, or -1 with *cause and nothing added. */
int		 lexicon_load(struct lexicon *, const char *path,
		     char **cause);
/*
 * Adds one entry (strings are copied; pron may be NULL, freq < 0 means
 * none). Returns 1 if added, 0 if the (word, pron) pair was already there,
 * -1 if word or pron could not be a line of a lexicon file.
 */
int		 lexicon_add(struct lexicon *, const char *word,
		     const char *pron, int64_t freq);
/* Distinct words (spellings; "US" and "us" are two). */
size_t		 lexicon_size(const struct lexicon *);
int		 lexicon_has(const struct lexicon *, const char *word,
		     size_t len);
/*
 * All entries of a word (pronunciation variants, and spellings differing
 * only in case) in load order; returns the count, 0 if none. *out points
 * into the lexicon.
 */
size_t		 lexicon_lookup(const struct lexicon *, const char *word,
		     size_t len, const struct lexicon_entry **out);
/*
 * Entries in load order, variants included: for a pronunciation lexicon.
 * lexicon_entry_at() returns NULL if i is out of range.
 */
size_t		 lexicon_count(const struct lexicon *);
const struct lexicon_entry *lexicon_entry_at(const struct lexicon *,
		     size_t i);
/*
 * Completion: up to max distinct words starting with prefix (case folded
 * as for lookup), most frequent first (a word without a frequency last),
 * then in byte order. Returns how many were stored in out. The pointers stay
 * valid until the lexicon is freed.
 */
size_t		 lexicon_complete(const struct lexicon *, const char *prefix,
		     const char **out, size_t max);

/* A word of a chunk of text: its byte span and whether the lexicon has it. */
struct lexicon_word {
	size_t		 off;
	size_t		 len;
	int		 known;
};

/*
 * Splits one chunk of text without white space into words. Punctuation and
 * symbols are skipped. Runs of unspaced script (Han, Hiragana, Katakana,
 * Thai, Lao, Khmer, Myanmar) are segmented with the lexicon, choosing the
 * most probable sequence of words of up to 16 characters: a word's
 * probability is (freq + 1) / (sum of freq + 1 over all words), a word
 * without a frequency counting as freq 1. With no frequencies at all that
 * is the fewest words, a longer word first on a tie (as forward maximum
 * matching would). A character no word covers is a word of its own with
 * known = 0. Other runs of letters and digits, with apostrophes and
 * hyphens inside ("don't", "e-mail") and points and commas between digits
 * ("3.5"), are one word each. Returns the number of words and sets *out to
 * an array of them that the caller frees (NULL when there are none).
 */
size_t		 lexicon_segment(const struct lexicon *, const char *chunk,
		     size_t len, struct lexicon_word **out);

/*
 * Finds the lexicon file for a tag in a colon-separated list of
 * directories: in each directory in turn, TAG.tsv, then the tag without its
 * last subtag, and so on (yue-Hant-HK, yue-Hant, yue), as in RFC 4647
 * lookup. Returns the path (caller frees) or NULL if there is none.
 */
char		*lexicon_find(const char *dirs, const char *tag);

#endif
