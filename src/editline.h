/*
 * editline.h: one line of text being edited.
 *
 * The engine side of the transcription screen's edit field: a UTF-8 buffer
 * and a cursor, with readline-like movement and deletion. There is no
 * drawing here; the screen layer draws buf from the offset editline_scroll()
 * gives and puts the terminal cursor at editline_cursor_col() minus the
 * columns before that offset.
 *
 * The cursor moves and deletes by grapheme cluster (UAX #29, as utf8proc
 * implements it): a letter with combining marks, a Hangul jamo syllable, an
 * emoji with modifiers or zero-width joiners and a flag are each one unit.
 * When an edit joins the text on either side of the cursor into one cluster
 * (a regional indicator inserted before another, say), the cursor moves to
 * the end of that cluster.
 *
 * Word movement and deletion see four classes of cluster, by its first code
 * point: white space (Zs, including U+3000); punctuation and symbols (P* and
 * S*, whatever their width); East Asian wide characters (Han, Kana, Hangul,
 * full-width letters), each of which is a word by itself since those
 * scripts are written without spaces; and everything else (letters, digits,
 * marks), whose runs are words.
 *
 * Widths are text_width()'s: an emoji with a skin-tone modifier counts the
 * modifier too, as the rest of the program does.
 */
#ifndef TX_EDITLINE_H
#define TX_EDITLINE_H

#include <stddef.h>

struct editline {
	char	*buf;		/* UTF-8, NUL-terminated, never NULL */
	size_t	 len;		/* bytes, without the NUL */
	size_t	 cap;
	size_t	 cursor;	/* byte offset, always on a grapheme-cluster boundary */
};

/* Sets up el holding text (NULL for empty), cleaned as by editline_insert();
 * the cursor is at the end. */
void	 editline_init(struct editline *el, const char *text);
void	 editline_free(struct editline *el);
/* Replaces the whole text (which may point into el's own buffer), cleaned
 * as by editline_insert(); the cursor is at the end. */
void	 editline_set(struct editline *el, const char *text);
const char *editline_text(const struct editline *el);

/*
 * Inserts UTF-8 text at the cursor and moves the cursor after it. Invalid
 * UTF-8 bytes are replaced by U+FFFD (one for each byte); line breaks (LF,
 * CR, CR LF, VT, FF, NEL, U+2028, U+2029) and tabs become single spaces;
 * other control characters (including NUL) are dropped, so pasting a
 * paragraph gives one line. Format characters such as ZWJ are kept. Returns
 * the number of bytes inserted.
 */
size_t	 editline_insert(struct editline *el, const char *utf8, size_t len);

/* Moves by one grapheme cluster. */
void	 editline_left(struct editline *el);
void	 editline_right(struct editline *el);
void	 editline_home(struct editline *el);
void	 editline_end(struct editline *el);
/* Skips white space leftwards, then moves to the start of the word before. */
void	 editline_word_left(struct editline *el);
/* Moves over the word at the cursor, then over the white space after it. */
void	 editline_word_right(struct editline *el);

/* Deletes the grapheme cluster before the cursor. */
void	 editline_backspace(struct editline *el);
/* Deletes the grapheme cluster at the cursor. */
void	 editline_delete(struct editline *el);
/* Like readline's C-w, but by the classes above: white space, then a word. */
void	 editline_delete_word_back(struct editline *el);
/* Like readline's M-d: white space, then the word after it. */
void	 editline_delete_word_forward(struct editline *el);
/* C-k: deletes from the cursor to the end. */
void	 editline_kill_to_end(struct editline *el);
/* C-u: deletes from the start to the cursor. */
void	 editline_kill_to_start(struct editline *el);

/* Display columns from the start of the line to the cursor (text_width of
 * the prefix). */
size_t	 editline_cursor_col(const struct editline *el);
/*
 * For drawing in a field width columns wide (width >= 2): returns the byte
 * offset of the first grapheme to show, and stores it in *first (in/out;
 * start with 0). The cluster under the cursor (or one column for the cursor
 * at the end) is shown whole, so a wide character there is never cut; the
 * columns before the cursor are at most width - 1.
 *
 * The previous *first is kept while the cursor is visible from it. When the
 * cursor has moved off the left, the line scrolls so the cursor's cluster is
 * first; off the right, by as few whole clusters as it takes. When text has
 * been deleted so that columns would stay empty at the right while text is
 * hidden at the left, the line scrolls back to fill them (so a line that
 * fits always starts at 0). The offset is always on a cluster boundary.
 */
size_t	 editline_scroll(const struct editline *el, size_t width,
	    size_t *first);

#endif
