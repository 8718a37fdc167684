/* text.c: validation and NFC normalisation of stored text. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "i18n.h"
#include "text.h"
#include "xmalloc.h"

long
text_invalid_offset(const char *s, size_t len)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 n;
	size_t			 off = 0;

	while (off < len) {
		n = utf8proc_iterate(p + off, (utf8proc_ssize_t)(len - off), &cp);
		if (n <= 0)
			return (long)off;
		off += (size_t)n;
	}
	return -1;
}

static int
text_is_space(utf8proc_int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xa0;
}

char *
text_normalize(const char *s, char **cause)
{
	utf8proc_uint8_t	*nfc;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 n;
	size_t			 len = strlen(s), off, start = 0, end = 0;
	long			 bad;
	char			*out;

	if ((bad = text_invalid_offset(s, len)) >= 0) {
		*cause = xprintf(_("text is not valid UTF-8 (bad byte 0x%02x at "
		    "offset %ld)"), (unsigned char)s[bad], bad);
		return NULL;
	}
	for (off = 0; off < len; off += (size_t)n) {
		n = utf8proc_iterate((const utf8proc_uint8_t *)s + off,
		    (utf8proc_ssize_t)(len - off), &cp);
		if (utf8proc_category(cp) == UTF8PROC_CATEGORY_CC) {
			*cause = xprintf(_("text contains control character "
			    "U+%04X at offset %zu; line breaks and control "
			    "characters are not allowed in a segment"),
			    (unsigned)cp, off);
			return NULL;
		}
		if (!text_is_space(cp)) {
			if (end == 0)
				start = off;
			end = off + (size_t)n;
		}
	}
	if (end == 0)
		return xstrdup("");
	nfc = utf8proc_NFC((const utf8proc_uint8_t *)s + start);
	if (nfc == NULL) {
		*cause = xstrdup(_("text could not be normalised"));
		return NULL;
	}
	/* Trim what follows the last non-space (NFC keeps spaces as they are). */
	out = (char *)nfc;
	len = strlen(out);
	while (len > 0) {
		size_t	 back = len - 1;

		while (back > 0 && ((unsigned char)out[back] & 0xc0) == 0x80)
			back--;
		utf8proc_iterate((const utf8proc_uint8_t *)out + back,
		    (utf8proc_ssize_t)(len - back), &cp);
		if (!text_is_space(cp))
			break;
		len = back;
	}
	out[len] = '\0';
	return out;
}

/* Width of one code point in columns. */
static int
text_cp_width(utf8proc_int32_t cp)
{
	int	w = utf8proc_charwidth(cp);

	return w < 0 ? 1 : w;
}

size_t
text_width(const char *s)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 n;
	size_t			 w = 0;

	while (*p != '\0') {
		n = utf8proc_iterate(p, -1, &cp);
		if (n <= 0) {
			w++;
			p++;
			continue;
		}
		w += (size_t)text_cp_width(cp);
		p += n;
	}
	return w;
}

size_t
text_skip_width(const char *s, size_t cols)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 n;
	size_t			 w = 0, cw;

	while (*p != '\0') {
		n = utf8proc_iterate(p, -1, &cp);
		cw = n <= 0 ? 1 : (size_t)text_cp_width(cp);
		/* Stop at a character that takes a column, not at its marks. */
		if (w >= cols && cw > 0)
			break;
		w += cw;
		p += n <= 0 ? 1 : n;
	}
	return (size_t)((const char *)p - s);
}

char *
text_truncate(const char *s, size_t width, int ascii)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 n;
	size_t			 w = 0, cw, fit = 0;
	const char		*ell = ascii ? "~" : "\u2026";

	if (text_width(s) <= width)
		return xstrdup(s);
	if (width == 0)
		return xstrdup("");
	/* Keep whole characters up to width - 1, then the ellipsis. */
	while (*p != '\0') {
		n = utf8proc_iterate(p, -1, &cp);
		cw = n <= 0 ? 1 : (size_t)text_cp_width(cp);
		if (n <= 0)
			n = 1;
		if (w + cw > width - 1)
			break;
		w += cw;
		p += n;
		fit = (size_t)((const char *)p - s);
	}
	return xprintf("%.*s%s", (int)fit, s, ell);
}

/* Whether a code point belongs to a script written without spaces. */
static int
text_unspaced(utf8proc_int32_t cp)
{
	return utf8proc_charwidth(cp) == 2;
}

int
text_differs(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a == NULL) != (b == NULL);
	return strcmp(a, b) != 0;
}

char *
text_join(const char *a, const char *b)
{
	const utf8proc_uint8_t	*p;
	utf8proc_int32_t	 last = 0, first = 0;
	size_t			 la = strlen(a);

	if (la == 0 || *b == '\0')
		return xprintf("%s%s", a, b);
	p = (const utf8proc_uint8_t *)a + la - 1;
	while (p > (const utf8proc_uint8_t *)a && (*p & 0xc0) == 0x80)
		p--;
	utf8proc_iterate(p, -1, &last);
	utf8proc_iterate((const utf8proc_uint8_t *)b, -1, &first);
	if (text_unspaced(last) || text_unspaced(first))
		return xprintf("%s%s", a, b);
	return xprintf("%s %s", a, b);
}

/* Where text is written without spaces between words. */
static const struct {
	int32_t	 lo;
	int32_t	 hi;
} text_unspaced_ranges[] = {
	{ 0x0e00, 0x0eff },	/* Thai, Lao */
	{ 0x1000, 0x109f },	/* Myanmar */
	{ 0x1780, 0x17ff },	/* Khmer */
	{ 0x3005, 0x3007 },	/* iteration mark, closing mark, zero */
	{ 0x3021, 0x3029 },	/* Hangzhou numerals */
	{ 0x303b, 0x303c },	/* vertical iteration mark, masu mark */
	{ 0x3040, 0x30ff },	/* Hiragana, Katakana */
	{ 0x31f0, 0x31ff },	/* Katakana phonetic extensions */
	{ 0x3400, 0x4dbf },	/* CJK extension A */
	{ 0x4e00, 0x9fff },	/* CJK unified ideographs */
	{ 0xa9e0, 0xa9ff },	/* Myanmar extended B */
	{ 0xaa60, 0xaa7f },	/* Myanmar extended A */
	{ 0xf900, 0xfaff },	/* CJK compatibility ideographs */
	{ 0xff66, 0xff9f },	/* half-width Katakana */
	{ 0x1b000, 0x1b16f },	/* Kana supplement and extensions */
	{ 0x20000, 0x3134f },	/* CJK extensions B to H, compatibility */
};

int
text_unspaced_script(int32_t cp)
{
	size_t	n = sizeof text_unspaced_ranges / sizeof text_unspaced_ranges[0];

	for (size_t i = 0; i < n; i++) {
		if (cp < text_unspaced_ranges[i].lo)
			return 0;
		if (cp <= text_unspaced_ranges[i].hi)
			return 1;
	}
	return 0;
}
