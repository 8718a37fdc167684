/*
 * text.h: UTF-8 text as tingxie stores it.
 *
 * All text in a project is valid UTF-8 in Unicode normalisation form C, with
 * no control characters. text_normalize() is the one gate through which
 * typed, imported or command-line text passes on its way in.
 */
#ifndef TX_TEXT_H
#define TX_TEXT_H

#include <stddef.h>
#include <stdint.h>

/*
 * Checks that s is valid UTF-8 without control characters and returns its
 * NFC form (caller frees), or NULL with *cause naming the first bad byte.
 * Leading and trailing white space is removed; runs of white space inside
 * are kept as typed.
 */
char	*text_normalize(const char *s, char **cause);
/* Returns the byte offset of the first invalid UTF-8 sequence, or -1. */
long	 text_invalid_offset(const char *s, size_t len);
/*
 * Display width of UTF-8 text in terminal columns: 2 for East Asian wide
 * and full-width characters, 0 for combining marks, 1 otherwise. Invalid
 * bytes count 1 each (they are shown as a replacement).
 */
size_t	 text_width(const char *s);
/*
 * Copies as much of s as fits in width columns into a new string, ending in
 * "…" when cut (or "~" when ascii is set), never splitting a character.
 */
char	*text_truncate(const char *s, size_t width, int ascii);
/*
 * The byte offset after the first cols display columns of s: after the
 * fewest whole characters (with their combining marks) that fill at
 * least cols columns, so a wide character is never cut. For showing a
 * line from a column on.
 */
size_t	 text_skip_width(const char *s, size_t cols);

/* Whether two texts differ, a NULL one (none) differing from any text. */
int	 text_differs(const char *a, const char *b);

/*
 * Joins two texts for a merged segment: with one space between them, or
 * none when a character at the seam is of an unspaced script (CJK) or
 * either side is empty. Caller frees.
 */
char	*text_join(const char *a, const char *b);

/*
 * Whether a code point is of a script written without spaces between
 * words: Han, kana, Thai, Lao, Khmer, Myanmar (Hangul is spaced). Where
 * lexicons segment words and review measures count characters.
 */
int	 text_unspaced_script(int32_t cp);

#endif
