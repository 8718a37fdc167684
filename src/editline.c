/* editline.c: one line of text being edited, by grapheme cluster. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "editline.h"
#include "xmalloc.h"

enum el_class {
	EL_SPACE,
	EL_PUNCT,
	EL_WIDE,
	EL_WORD
};

/* Decodes the code point at off; the buffer only ever holds valid UTF-8. */
static utf8proc_int32_t
el_cp(const struct editline *el, size_t off, size_t *n)
{
	utf8proc_int32_t	cp;
	utf8proc_ssize_t	r;

	r = utf8proc_iterate((const utf8proc_uint8_t *)el->buf + off,
	    (utf8proc_ssize_t)(el->len - off), &cp);
	if (r <= 0) {
		*n = 1;
		return 0xfffd;
	}
	*n = (size_t)r;
	return cp;
}

/*
 * Returns the end of the cluster starting at off. Every boundary is found by
 * walking from 0 through this function, so starting with a fresh state at
 * each (which utf8proc allows after a break) gives one consistent set.
 */
static size_t
el_next(const struct editline *el, size_t off)
{
	utf8proc_int32_t	state = 0, prev, cp;
	size_t			n;

	if (off >= el->len)
		return el->len;
	prev = el_cp(el, off, &n);
	for (off += n; off < el->len; off += n) {
		cp = el_cp(el, off, &n);
		if (utf8proc_grapheme_break_stateful(prev, cp, &state))
			break;
		prev = cp;
	}
	return off;
}

/* The last boundary before off (0 if none). */
static size_t
el_prev(const struct editline *el, size_t off)
{
	size_t	b = 0, p = 0;

	while (b < off) {
		p = b;
		b = el_next(el, b);
	}
	return p;
}

/* The last boundary at or before off. */
static size_t
el_floor(const struct editline *el, size_t off)
{
	size_t	b = 0, nb;

	while (b < el->len && (nb = el_next(el, b)) <= off)
		b = nb;
	return b;
}

/* The first boundary at or after off. */
static size_t
el_ceil(const struct editline *el, size_t off)
{
	size_t	b = 0;

	while (b < off)
		b = el_next(el, b);
	return b;
}

/* Columns of buf[from, to), by text_width()'s rule. */
static size_t
el_width(const struct editline *el, size_t from, size_t to)
{
	size_t	w = 0, n;
	int	cw;

	for (; from < to; from += n) {
		cw = utf8proc_charwidth(el_cp(el, from, &n));
		w += cw < 0 ? 1 : (size_t)cw;
	}
	return w;
}

static enum el_class
el_class(const struct editline *el, size_t off)
{
	utf8proc_int32_t	cp;
	size_t			n;

	cp = el_cp(el, off, &n);
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_ZS:
		return EL_SPACE;
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_SM:
	case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK:
	case UTF8PROC_CATEGORY_SO:
		return EL_PUNCT;
	default:
		break;
	}
	return utf8proc_charwidth(cp) == 2 ? EL_WIDE : EL_WORD;
}

/* The start of the word before end, skipping white space before it. */
static size_t
el_word_start(const struct editline *el, size_t end)
{
	enum el_class	c, last = EL_SPACE;
	size_t		b, start = 0;

	for (b = 0; b < end; b = el_next(el, b)) {
		c = el_class(el, b);
		if (c != EL_SPACE && (c != last || c == EL_WIDE))
			start = b;
		last = c;
	}
	return start;
}

/* The end of the word at b, or b at white space or the end. */
static size_t
el_word_end(const struct editline *el, size_t b)
{
	enum el_class	c;

	if (b >= el->len || (c = el_class(el, b)) == EL_SPACE)
		return b;
	b = el_next(el, b);
	if (c == EL_WIDE)
		return b;
	while (b < el->len && el_class(el, b) == c)
		b = el_next(el, b);
	return b;
}

static size_t
el_skip_space(const struct editline *el, size_t b)
{
	while (b < el->len && el_class(el, b) == EL_SPACE)
		b = el_next(el, b);
	return b;
}

static int
el_is_break(utf8proc_int32_t cp)
{
	return cp == '\n' || cp == '\r' || cp == '\t' || cp == '\v' ||
	    cp == '\f' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

/* Returns a copy of s[0, len) cleaned as editline_insert() describes. */
static char *
el_clean(const char *s, size_t len, size_t *outlen)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)s;
	utf8proc_uint8_t	*out;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 n;
	size_t			 i, o = 0;

	/* At most three bytes out (U+FFFD) for each byte in. */
	out = xreallocarray(NULL, len + 1, 3);
	for (i = 0; i < len; i += (size_t)n) {
		n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0) {
			n = 1;
			cp = 0xfffd;
		}
		if (cp == '\r' && i + 1 < len && p[i + 1] == '\n')
			continue;	/* the LF makes the space */
		if (el_is_break(cp))
			cp = ' ';
		else if (utf8proc_category(cp) == UTF8PROC_CATEGORY_CC)
			continue;
		o += (size_t)utf8proc_encode_char(cp, out + o);
	}
	out[o] = '\0';
	*outlen = o;
	return (char *)out;
}

static void
el_reserve(struct editline *el, size_t more)
{
	size_t	need = el->len + more + 1;

	if (need <= el->cap)
		return;
	if (need < el->cap * 2)
		need = el->cap * 2;
	el->buf = xreallocarray(el->buf, need, 1);
	el->cap = need;
}

/* Puts n bytes of clean text at the cursor and moves the cursor past them. */
static void
el_splice(struct editline *el, const char *s, size_t n)
{
	char	*at;

	el_reserve(el, n);
	at = el->buf + el->cursor;
	memmove(at + n, at, el->len - el->cursor + 1);
	memcpy(at, s, n);
	el->len += n;
	el->cursor = el_ceil(el, el->cursor + n);
}

/* Deletes buf[from, to) and leaves the cursor there. */
static void
el_cut(struct editline *el, size_t from, size_t to)
{
	memmove(el->buf + from, el->buf + to, el->len - to + 1);
	el->len -= to - from;
	el->cursor = el_ceil(el, from);
}

void
editline_init(struct editline *el, const char *text)
{
	el->cap = 64;
	el->buf = xmalloc(el->cap);
	el->buf[0] = '\0';
	el->len = el->cursor = 0;
	if (text != NULL)
		editline_insert(el, text, strlen(text));
}

void
editline_free(struct editline *el)
{
	free(el->buf);
	memset(el, 0, sizeof *el);
}

void
editline_set(struct editline *el, const char *text)
{
	char	*clean;
	size_t	 n;

	clean = el_clean(text, strlen(text), &n);
	el->len = el->cursor = 0;
	el->buf[0] = '\0';
	el_splice(el, clean, n);
	free(clean);
}

const char *
editline_text(const struct editline *el)
{
	return el->buf;
}

size_t
editline_insert(struct editline *el, const char *utf8, size_t len)
{
	char	*clean;
	size_t	 n;

	clean = el_clean(utf8, len, &n);
	el_splice(el, clean, n);
	free(clean);
	return n;
}

void
editline_left(struct editline *el)
{
	el->cursor = el_prev(el, el->cursor);
}

void
editline_right(struct editline *el)
{
	el->cursor = el_next(el, el->cursor);
}

void
editline_home(struct editline *el)
{
	el->cursor = 0;
}

void
editline_end(struct editline *el)
{
	el->cursor = el->len;
}

void
editline_word_left(struct editline *el)
{
	el->cursor = el_word_start(el, el->cursor);
}

void
editline_word_right(struct editline *el)
{
	el->cursor = el_skip_space(el, el_word_end(el, el->cursor));
}

void
editline_backspace(struct editline *el)
{
	el_cut(el, el_prev(el, el->cursor), el->cursor);
}

void
editline_delete(struct editline *el)
{
	el_cut(el, el->cursor, el_next(el, el->cursor));
}

void
editline_delete_word_back(struct editline *el)
{
	el_cut(el, el_word_start(el, el->cursor), el->cursor);
}

void
editline_delete_word_forward(struct editline *el)
{
	el_cut(el, el->cursor, el_word_end(el, el_skip_space(el, el->cursor)));
}

void
editline_kill_to_end(struct editline *el)
{
	el_cut(el, el->cursor, el->len);
}

void
editline_kill_to_start(struct editline *el)
{
	el_cut(el, 0, el->cursor);
}

size_t
editline_cursor_col(const struct editline *el)
{
	return el_width(el, 0, el->cursor);
}

/*
 * The first boundary from which the rest of the line and the cursor after
 * it fit in width: starting any later would leave columns empty.
 */
static size_t
el_fill_start(const struct editline *el, size_t width)
{
	size_t	total = el_width(el, 0, el->len), b = 0, nb, w = 0;

	while (b < el->len && total - w + 1 > width) {
		nb = el_next(el, b);
		w += el_width(el, b, nb);
		b = nb;
	}
	return b;
}

/* Moves f right by whole clusters until the cursor's cluster is shown. */
static size_t
el_reveal(const struct editline *el, size_t f, size_t width)
{
	size_t	w = el_width(el, f, el->cursor), need = 1, nf;

	if (el->cursor < el->len)
		need = el_width(el, el->cursor, el_next(el, el->cursor));
	if (need < 1)
		need = 1;	/* a lone zero-width cluster still takes a cell */
	while (f < el->cursor && w + need > width) {
		nf = el_next(el, f);
		w -= el_width(el, f, nf);
		f = nf;
	}
	return f;
}

size_t
editline_scroll(const struct editline *el, size_t width, size_t *first)
{
	size_t	f, fill;

	f = el_floor(el, *first);
	if ((fill = el_fill_start(el, width)) < f)
		f = fill;
	if (el->cursor < f)
		f = el->cursor;
	*first = el_reveal(el, f, width);
	return *first;
}
