/* markup.c: the transcription markup parser and its export form. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "i18n.h"
#include "lang.h"
#include "markup.h"
#include "xmalloc.h"

/* What one character is to the parser. */
enum mp_class {
	MP_INVALID,	/* not UTF-8 */
	MP_CONTROL,	/* Cc, Zl, Zp */
	MP_SPACE,	/* Zs */
	MP_MARKUP,	/* [ ] ( ) < > % */
	MP_JOINER,	/* ' U+2019 - U+2010: inside a word, part of it */
	MP_PUNCT,	/* other P* */
	MP_WORD		/* anything else */
};

/* An open code-switch span. Only the outermost can be valid. */
struct mp_frame {
	size_t		 off, len;	/* the "<tag>" */
	size_t		 tok;		/* index of its SWITCH_OPEN token */
	const char	*lang;		/* NULL when it is an error */
};

struct mp {
	const char	*s;
	size_t		 len, off;
	const char	*deflang;
	struct markup	*m;
	size_t		 ntokcap, nerrcap;
	int		 unclear;	/* inside (( )) */
	size_t		 unclear_off;	/* offset of the open (( */
	size_t		 phantom;	/* nested (( waiting for their )) */
	struct mp_frame	*sw;
	size_t		 nsw, nswcap;
};

static size_t
mp_decode(const struct mp *p, size_t off, utf8proc_int32_t *cp)
{
	utf8proc_ssize_t	n;

	n = utf8proc_iterate((const utf8proc_uint8_t *)p->s + off,
	    (utf8proc_ssize_t)(p->len - off), cp);
	return n > 0 ? (size_t)n : 0;
}

static enum mp_class
mp_classify(utf8proc_int32_t cp)
{
	if (cp > 0 && cp < 0x80 && strchr("[]()<>%", (int)cp) != NULL)
		return MP_MARKUP;
	if (cp == '\'' || cp == 0x2019 || cp == '-' || cp == 0x2010)
		return MP_JOINER;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return MP_CONTROL;
	case UTF8PROC_CATEGORY_ZS:
		return MP_SPACE;
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return MP_PUNCT;
	default:
		return MP_WORD;
	}
}

/* Class of the character at off and its length in *n (1 if invalid). */
static enum mp_class
mp_class(const struct mp *p, size_t off, size_t *n)
{
	utf8proc_int32_t	cp;

	if ((*n = mp_decode(p, off, &cp)) == 0) {
		*n = 1;
		return MP_INVALID;
	}
	return mp_classify(cp);
}

static void
mp_error(struct mp *p, size_t off, size_t len, char *message)
{
	struct markup		*m = p->m;
	struct markup_error	*e;

	if (m->nerrors == p->nerrcap) {
		p->nerrcap = p->nerrcap == 0 ? 4 : p->nerrcap * 2;
		m->errors = xreallocarray(m->errors, p->nerrcap, sizeof *e);
	}
	e = &m->errors[m->nerrors++];
	e->off = off;
	e->len = len;
	e->message = message;
}

static const char *
mp_lang(const struct mp *p)
{
	if (p->nsw > 0 && p->sw[0].lang != NULL)
		return p->sw[0].lang;
	return p->deflang;
}

static struct markup_token *
mp_token(struct mp *p, enum markup_kind kind, size_t off, size_t len)
{
	struct markup		*m = p->m;
	struct markup_token	*t;

	if (m->ntokens == p->ntokcap) {
		p->ntokcap = p->ntokcap == 0 ? 16 : p->ntokcap * 2;
		m->tokens = xreallocarray(m->tokens, p->ntokcap, sizeof *t);
	}
	t = &m->tokens[m->ntokens++];
	memset(t, 0, sizeof *t);
	t->kind = kind;
	t->off = off;
	t->len = len;
	t->lang = mp_lang(p);
	t->unclear = p->unclear;
	return t;
}

/* Whether a word ending in '-' just before off is a truncated word. */
static int
mp_word_ends(const struct mp *p, size_t off)
{
	enum mp_class	c;
	size_t		n;

	if (off >= p->len)
		return 1;
	c = mp_class(p, off, &n);
	return c == MP_SPACE || c == MP_PUNCT || c == MP_JOINER ||
	    c == MP_MARKUP;
}

/* Scans the word starting at off (a MP_WORD character); returns its end. */
static size_t
mp_word_end(const struct mp *p, size_t off, int *truncated)
{
	enum mp_class	c;
	size_t		n, n2;

	*truncated = 0;
	while (off < p->len) {
		c = mp_class(p, off, &n);
		if (c == MP_WORD) {
			off += n;
			continue;
		}
		if (c != MP_JOINER)
			break;
		if (off + n < p->len && mp_class(p, off + n, &n2) == MP_WORD) {
			off += n + n2;
			continue;
		}
		if (p->s[off] == '-' && mp_word_ends(p, off + 1)) {
			*truncated = 1;
			off++;
		}
		break;
	}
	return off;
}

static void
mp_word(struct mp *p)
{
	size_t	end;
	int	truncated;

	end = mp_word_end(p, p->off, &truncated);
	mp_token(p, truncated ? MARKUP_TRUNCATED : MARKUP_WORD, p->off,
	    end - p->off);
	p->off = end;
}

static void
mp_filler(struct mp *p)
{
	size_t	end, n;
	int	truncated;

	if (p->off + 1 >= p->len ||
	    mp_class(p, p->off + 1, &n) != MP_WORD) {
		/* xgettext:no-c-format */
		mp_error(p, p->off, 1, xstrdup(_("lone '%': a filled pause "
		    "is '%' and a word, as in %uh or %um; write 'percent' as "
		    "a word")));
		p->off++;
		return;
	}
	end = mp_word_end(p, p->off + 1, &truncated);
	mp_token(p, MARKUP_FILLER, p->off, end - p->off);
	p->off = end;
}

static int
mp_event_name(const char *s, size_t n)
{
	if (n == 0 || n > MARKUP_NAME_MAX)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if ((s[i] < 'a' || s[i] > 'z') && (s[i] < '0' || s[i] > '9') &&
		    s[i] != '-' && s[i] != '_')
			return 0;
	}
	return 1;
}

static void
mp_event(struct mp *p)
{
	struct markup_token	*t;
	size_t			 j = p->off + 1, n;

	while (j < p->len && p->s[j] != ']' && p->s[j] != '[')
		j++;
	if (j == p->len || p->s[j] != ']') {
		mp_error(p, p->off, 1, xstrdup(_("'[' without ']': an event "
		    "tag is written [noise]")));
		p->off++;
		return;
	}
	n = j - p->off - 1;
	if (mp_event_name(p->s + p->off + 1, n)) {
		t = mp_token(p, MARKUP_EVENT, p->off, n + 2);
		memcpy(t->name, p->s + p->off + 1, n);
	} else if (n == 0) {
		mp_error(p, p->off, 2, xstrdup(_("empty event tag: write a "
		    "name, as in [noise]")));
	} else {
		mp_error(p, p->off, n + 2, xstrdup(_("not an event tag: a "
		    "name is 1 to 32 lowercase letters a-z, digits, '-' or "
		    "'_', as in [noise]")));
	}
	p->off = j + 1;
}

static void
mp_unclear_open(struct mp *p)
{
	if (p->unclear) {
		mp_error(p, p->off, 2, xstrdup(_("unclear speech cannot "
		    "nest: close the first '((' with '))' before opening "
		    "another")));
		p->phantom++;
	} else {
		p->unclear = 1;
		p->unclear_off = p->off;
		mp_token(p, MARKUP_UNCLEAR_OPEN, p->off, 2);
	}
	p->off += 2;
}

static void
mp_unclear_close(struct mp *p)
{
	const struct mp_frame	*f = p->nsw > 0 ? &p->sw[0] : NULL;

	if (!p->unclear) {
		mp_error(p, p->off, 2, xstrdup(_("'))' without '((': remove "
		    "it, or put '((' before the unclear words")));
	} else if (p->phantom > 0)
		p->phantom--;
	else {
		if (f != NULL && f->lang != NULL && f->off > p->unclear_off) {
			mp_error(p, p->off, 2, xprintf(_("close the "
			    "code-switch with </%.*s> before '))'"),
			    (int)f->len - 2, p->s + f->off + 1));
		}
		mp_token(p, MARKUP_UNCLEAR_CLOSE, p->off, 2);
		p->unclear = 0;
	}
	p->off += 2;
}

static void
mp_paren(struct mp *p)
{
	char	c = p->s[p->off];

	if (p->off + 1 < p->len && p->s[p->off + 1] == c) {
		if (c == '(')
			mp_unclear_open(p);
		else
			mp_unclear_close(p);
		return;
	}
	if (c == '(')
		mp_error(p, p->off, 1, xstrdup(_("single '(': parentheses "
		    "are not allowed; mark unclear speech as ((words)), or "
		    "(()) if unintelligible")));
	else
		mp_error(p, p->off, 1, xstrdup(_("single ')': parentheses "
		    "are not allowed; mark unclear speech as ((words)), or "
		    "(()) if unintelligible")));
	p->off++;
}

static int
mp_tag_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_';
}

static void
mp_switch_push(struct mp *p, size_t len, const char *lang)
{
	struct mp_frame	*f;

	if (p->nsw == p->nswcap) {
		p->nswcap = p->nswcap == 0 ? 4 : p->nswcap * 2;
		p->sw = xreallocarray(p->sw, p->nswcap, sizeof *p->sw);
	}
	f = &p->sw[p->nsw++];
	f->off = p->off;
	f->len = len;
	f->lang = lang;
	f->tok = p->m->ntokens;
}

static const char *
mp_store_lang(struct mp *p, const char *tag, size_t n)
{
	struct markup	*m = p->m;

	m->langs = xreallocarray(m->langs, m->nlangs + 1, sizeof *m->langs);
	m->langs[m->nlangs] = xstrndup(tag, n);
	return m->langs[m->nlangs++];
}

/* "<tag>" at p->off, len bytes long. */
static void
mp_switch_open(struct mp *p, size_t len)
{
	const char	*tag = p->s + p->off + 1;
	const char	*lang = NULL;
	char		*copy, *cause;
	int		 n = (int)len - 2;

	if (p->nsw > 0) {
		mp_error(p, p->off, len, xprintf(_("code-switch spans cannot "
		    "nest: close <%.*s> with </%.*s> before <%.*s>"),
		    (int)p->sw[0].len - 2, p->s + p->sw[0].off + 1,
		    (int)p->sw[0].len - 2, p->s + p->sw[0].off + 1, n, tag));
	} else {
		copy = xstrndup(tag, (size_t)n);
		if (lang_check(copy, &cause) != 0)
			mp_error(p, p->off, len, cause);
		else
			lang = mp_store_lang(p, tag, (size_t)n);
		free(copy);
	}
	mp_switch_push(p, len, lang);
	if (lang != NULL)
		mp_token(p, MARKUP_SWITCH_OPEN, p->off, len);
}

/* Whether the span opened by the SWITCH_OPEN token tok has only punctuation. */
static int
mp_span_empty(const struct mp *p, size_t tok)
{
	for (size_t i = tok + 1; i < p->m->ntokens; i++) {
		if (p->m->tokens[i].kind != MARKUP_PUNCT)
			return 0;
	}
	return 1;
}

/* Closes valid frame f with the "</tag>" at p->off, len bytes long. */
static void
mp_switch_end(struct mp *p, const struct mp_frame *f, size_t len, int check)
{
	struct markup_token	*t;
	int			 n = (int)f->len - 2;
	const char		*tag = p->s + f->off + 1;

	if (check && p->unclear && p->unclear_off > f->off) {
		mp_error(p, p->off, len, xprintf(_("close '((' with '))' "
		    "before </%.*s>"), n, tag));
	}
	if (check && mp_span_empty(p, f->tok)) {
		mp_error(p, f->off, p->off + len - f->off, xprintf(_("empty "
		    "code-switch <%.*s></%.*s>: put the words in it, or "
		    "remove it"), n, tag, n, tag));
	}
	t = mp_token(p, MARKUP_SWITCH_CLOSE, p->off, len);
	t->lang = f->lang;
}

/* Whether frame f was opened with tag (n bytes). */
static int
mp_frame_is(const struct mp *p, const struct mp_frame *f, const char *tag,
    size_t n)
{
	return f->len - 2 == n && strncasecmp(p->s + f->off + 1, tag, n) == 0;
}

/*
 * "</tag>" at p->off, len bytes long. It closes the innermost frame with
 * that tag (frames inside it are nesting errors, already reported), or,
 * matching none, the innermost frame.
 */
static void
mp_switch_close(struct mp *p, size_t len)
{
	const char	*tag = p->s + p->off + 2;
	size_t		 n = len - 3, k;
	struct mp_frame	 f;

	if (p->nsw == 0) {
		mp_error(p, p->off, len, xprintf(_("</%.*s> closes nothing: "
		    "put <%.*s> before the words, or remove it"), (int)n, tag,
		    (int)n, tag));
		return;
	}
	for (k = p->nsw; k > 0; k--) {
		if (mp_frame_is(p, &p->sw[k - 1], tag, n))
			break;
	}
	if (k == 0) {
		f = p->sw[p->nsw - 1];
		mp_error(p, p->off, len, xprintf(_("</%.*s> does not match "
		    "<%.*s>: close it with </%.*s>"), (int)n, tag,
		    (int)f.len - 2, p->s + f.off + 1, (int)f.len - 2,
		    p->s + f.off + 1));
		p->nsw--;
	} else {
		f = p->sw[k - 1];
		p->nsw = k - 1;
	}
	if (f.lang != NULL)
		mp_switch_end(p, &f, len, k != 0);
}

static void
mp_angle(struct mp *p)
{
	size_t	j = p->off + 1, t0;
	int	close = 0;

	if (p->s[p->off] == '>') {
		mp_error(p, p->off, 1, xstrdup(_("stray '>': a code-switch is "
		    "written <en>words</en>")));
		p->off++;
		return;
	}
	if (j < p->len && p->s[j] == '/') {
		close = 1;
		j++;
	}
	for (t0 = j; j < p->len && mp_tag_char(p->s[j]); j++)
		;
	if (j == p->len || p->s[j] != '>') {
		mp_error(p, p->off, t0 - p->off, xstrdup(_("'<' does not "
		    "start a code-switch tag: write <en>words</en>")));
		p->off = t0;
	} else if (j == t0) {
		mp_error(p, p->off, j + 1 - p->off, xstrdup(_("empty "
		    "code-switch tag: write a language tag, as in <en> or "
		    "<yue>")));
		p->off = j + 1;
	} else {
		if (close)
			mp_switch_close(p, j + 1 - p->off);
		else
			mp_switch_open(p, j + 1 - p->off);
		p->off = j + 1;
	}
}

/* A run of characters that are not UTF-8 or are control characters. */
static void
mp_bad(struct mp *p, enum mp_class c, size_t n)
{
	utf8proc_int32_t	cp;
	size_t			start = p->off;

	if (c == MP_CONTROL) {
		mp_decode(p, p->off, &cp);
		mp_error(p, p->off, n, xprintf(_("control character or line "
		    "break U+%04X: a segment is one line of text; remove it"),
		    (unsigned)cp));
		p->off += n;
		return;
	}
	while (p->off < p->len && mp_class(p, p->off, &n) == MP_INVALID)
		p->off += n;
	mp_error(p, start, p->off - start, xstrdup(_("invalid UTF-8 here "
	    "(a program error, please report it): retype these characters")));
}

static void
mp_step(struct mp *p)
{
	enum mp_class	c;
	size_t		n;

	c = mp_class(p, p->off, &n);
	if (c == MP_MARKUP) {
		switch (p->s[p->off]) {
		case '[':
			mp_event(p);
			break;
		case ']':
			mp_error(p, p->off, 1, xstrdup(_("stray ']': an event "
			    "tag is written [noise]")));
			p->off++;
			break;
		case '(':
		case ')':
			mp_paren(p);
			break;
		case '%':
			mp_filler(p);
			break;
		default:
			mp_angle(p);
			break;
		}
	} else if (c == MP_INVALID || c == MP_CONTROL)
		mp_bad(p, c, n);
	else if (c == MP_SPACE)
		p->off += n;
	else if (c == MP_PUNCT || c == MP_JOINER) {
		mp_token(p, MARKUP_PUNCT, p->off, n);
		p->off += n;
	} else
		mp_word(p);
}

static void
mp_finish(struct mp *p)
{
	const struct mp_frame	*f = p->nsw > 0 ? &p->sw[0] : NULL;

	if (p->unclear) {
		mp_error(p, p->unclear_off, 2, xstrdup(_("unclosed '((': add "
		    "'))' after the unclear words")));
	}
	if (f != NULL && f->lang != NULL) {
		mp_error(p, f->off, f->len, xprintf(_("unclosed code-switch "
		    "<%.*s>: add </%.*s> after its words"), (int)f->len - 2,
		    p->s + f->off + 1, (int)f->len - 2, p->s + f->off + 1));
	}
}

/* Stable sort of the errors by offset (there are few). */
static void
mp_sort_errors(struct markup *m)
{
	struct markup_error	e;
	size_t			i, j;

	for (i = 1; i < m->nerrors; i++) {
		e = m->errors[i];
		for (j = i; j > 0 && m->errors[j - 1].off > e.off; j--)
			m->errors[j] = m->errors[j - 1];
		m->errors[j] = e;
	}
}

size_t
markup_parse(const char *text, const char *default_lang, struct markup *out)
{
	struct mp	p;

	memset(out, 0, sizeof *out);
	memset(&p, 0, sizeof p);
	p.s = text;
	p.len = strlen(text);
	p.deflang = default_lang;
	p.m = out;
	while (p.off < p.len)
		mp_step(&p);
	mp_finish(&p);
	mp_sort_errors(out);
	free(p.sw);
	return out->nerrors;
}

void
markup_free(struct markup *m)
{
	for (size_t i = 0; i < m->nerrors; i++)
		free(m->errors[i].message);
	for (size_t i = 0; i < m->nlangs; i++)
		free(m->langs[i]);
	free(m->errors);
	free(m->tokens);
	free(m->langs);
	memset(m, 0, sizeof *m);
}

/* What markup_normalize() writes: the kinds of piece decide the spacing. */
enum mn_kind {
	MN_NONE,	/* nothing written yet */
	MN_TEXT,	/* words */
	MN_PUNCT,
	MN_SYMBOL	/* an event tag or a map string: always set off */
};

struct mn {
	const struct markup_norm	*norm;
	const char			*s;
	char				*buf;
	size_t				 len, cap;
	enum mn_kind			 last;
	int				 last_unspaced;
	int				 gap;	/* space since last piece */
	size_t				 end;	/* end of the last token seen */
};

/* Whether cp is of a script written without spaces (Han, Kana, ...). */
static int
mn_unspaced(utf8proc_int32_t cp)
{
	if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) ||
	    (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xac00 && cp <= 0xd7ff))
		return 0;	/* Hangul: Korean is written with spaces */
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_NL:
		return utf8proc_charwidth(cp) == 2;
	default:
		return 0;
	}
}

/* Whether the first (or last) character of s[0..n) is unspaced. */
static int
mn_edge_unspaced(const char *s, size_t n, int last)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t	 cp;
	size_t			 i = 0;

	if (last) {
		i = n - 1;
		while (i > 0 && (p[i] & 0xc0) == 0x80)
			i--;
	}
	if (utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp) <= 0)
		return 0;
	return mn_unspaced(cp);
}

static void
mn_append(struct mn *mn, const char *s, size_t n)
{
	if (mn->len + n + 1 > mn->cap) {
		while (mn->len + n + 1 > mn->cap)
			mn->cap *= 2;
		mn->buf = xreallocarray(mn->buf, mn->cap, 1);
	}
	memcpy(mn->buf + mn->len, s, n);
	mn->len += n;
	mn->buf[mn->len] = '\0';
}

static void
mn_piece(struct mn *mn, const char *s, size_t n, enum mn_kind kind)
{
	int	joined;

	if (mn->last != MN_NONE) {
		joined = !mn->gap && kind != MN_SYMBOL &&
		    mn->last != MN_SYMBOL && (kind == MN_PUNCT ||
		    mn->last == MN_PUNCT || (mn->last_unspaced &&
		    mn_edge_unspaced(s, n, 0)));
		if (!joined)
			mn_append(mn, " ", 1);
	}
	mn_append(mn, s, n);
	mn->last = kind;
	mn->last_unspaced = mn_edge_unspaced(s, n, 1);
	mn->gap = 0;
}

/* The action for one construct: a _MAP to nothing drops. */
static int
mn_action(int action, const char *map)
{
	if (action == MARKUP_NORM_MAP && (map == NULL || *map == '\0'))
		return MARKUP_NORM_DROP;
	return action;
}

/* A construct that is kept as text, dropped, or mapped. */
static void
mn_construct(struct mn *mn, int action, const char *map, const char *s,
    size_t n, enum mn_kind kind)
{
	switch (mn_action(action, map)) {
	case MARKUP_NORM_KEEP:
		mn_piece(mn, s, n, kind);
		break;
	case MARKUP_NORM_MAP:
		mn_piece(mn, map, strlen(map), MN_SYMBOL);
		break;
	default:
		break;
	}
}

/* Handles the unclear span opening at tokens[i]; returns its close's index. */
static size_t
mn_unclear(struct mn *mn, const struct markup *m, size_t i)
{
	int	action;

	action = mn_action(mn->norm->unclear, mn->norm->unclear_map);
	if (action == MARKUP_NORM_KEEP)
		return i;
	if (action == MARKUP_NORM_MAP)
		mn_piece(mn, mn->norm->unclear_map,
		    strlen(mn->norm->unclear_map), MN_SYMBOL);
	while (i + 1 < m->ntokens && m->tokens[i].kind != MARKUP_UNCLEAR_CLOSE)
		i++;
	return i;
}

static void
mn_token(struct mn *mn, const struct markup_token *t)
{
	const struct markup_norm	*norm = mn->norm;
	const char			*s = mn->s + t->off;

	switch (t->kind) {
	case MARKUP_WORD:
		mn_piece(mn, s, t->len, MN_TEXT);
		break;
	case MARKUP_TRUNCATED:
		mn_construct(mn, norm->truncated, norm->truncated_map, s,
		    t->len, MN_TEXT);
		break;
	case MARKUP_FILLER:
		mn_construct(mn, norm->fillers, norm->filler_map, s + 1,
		    t->len - 1, MN_TEXT);
		break;
	case MARKUP_EVENT:
		mn_construct(mn, norm->events, norm->event_map, s, t->len,
		    MN_SYMBOL);
		break;
	case MARKUP_PUNCT:
		if (norm->punct == MARKUP_NORM_KEEP)
			mn_piece(mn, s, t->len, MN_PUNCT);
		break;
	default:
		break;		/* (( )) kept, and code-switch tags */
	}
}

static char *
mn_cause(const struct markup *m)
{
	const struct markup_error	*e = &m->errors[0];
	size_t				 more = m->nerrors - 1;

	if (more == 0)
		return xprintf(_("markup error at byte %zu: %s"), e->off,
		    e->message);
	return xprintf(ngettext("markup error at byte %zu: %s (and %zu more "
	    "error)", "markup error at byte %zu: %s (and %zu more errors)",
	    more), e->off,
	    e->message, more);
}

char *
markup_normalize(const char *text, const struct markup_norm *norm,
    char **cause)
{
	struct markup	 m;
	struct mn	 mn;
	size_t		 i;

	if (markup_parse(text, NULL, &m) != 0) {
		*cause = mn_cause(&m);
		markup_free(&m);
		return NULL;
	}
	memset(&mn, 0, sizeof mn);
	mn.norm = norm;
	mn.s = text;
	mn.cap = 64;
	mn.buf = xmalloc(mn.cap);
	mn.buf[0] = '\0';
	for (i = 0; i < m.ntokens; i++) {
		if (m.tokens[i].off > mn.end)
			mn.gap = 1;
		if (m.tokens[i].kind == MARKUP_UNCLEAR_OPEN)
			i = mn_unclear(&mn, &m, i);
		else
			mn_token(&mn, &m.tokens[i]);
		mn.end = m.tokens[i].off + m.tokens[i].len;
	}
	markup_free(&m);
	return mn.buf;
}
