/*
 * lexicon.c: per-language lexicons: loading, lookup, completion and word
 * segmentation (see lexicon.h).
 *
 * A file is read into one buffer and parsed in place: words and
 * pronunciations are NUL-terminated inside it and entries point there.
 * Words are found through an open-addressing hash table over case-folded
 * keys; a key is the word itself unless folding changes it, when it is
 * copied into an arena. The entries whose words fold to one key form a
 * group: a group of one entry points at it in the entry array (load order);
 * a group of several (pronunciation variants, spellings differing in case)
 * keeps copies of them side by side in a variant array. A load parses the
 * whole file before it touches the table, so a bad line adds nothing.
 * Nothing is allocated per entry.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

#include "i18n.h"
#include "lexicon.h"
#include "text.h"
#include "xmalloc.h"

#define LEX_MAX_UNITS	16		/* longest word segmentation tries */
#define LEX_ARENA_SIZE	65536
#define LEX_FILE_MAX	((off_t)1 << 30)
#define LEX_MAX_ENTRIES	(UINT32_MAX / 2)
/*
 * Segmentation scores a word log((freq + 1) / (total + words + 1)), where
 * total sums the frequencies of all words and a word without one counts
 * as frequency 1. A character that no word covers scores LEX_UNKNOWN_K
 * times the log of the smallest probability, less LEX_UNKNOWN_C: worse
 * than three of the rarest words, so a known reading wins if there is one.
 */
#define LEX_UNKNOWN_K	3
#define LEX_UNKNOWN_C	10.0
#define LEX_VARIANTS	0x80000000u	/* group's entries are in vars */
#define LEX_BUCKETS	65536		/* completion: by two bytes */

/* A block of memory: a file's text, or strings copied into the arena. */
struct lex_chunk {
	struct lex_chunk	*next;
	size_t			 used;
	size_t			 size;
	char			 data[];
};

/* The entries whose words fold to one key. */
struct lex_group {
	const char	*key;		/* NUL-terminated */
	uint32_t	 keylen;
	uint32_t	 first;		/* in vars if LEX_VARIANTS, or ents */
	uint32_t	 n;		/* entries, with the LEX_VARIANTS bit */
	int64_t		 freq;		/* the largest of its entries, or -1 */
};

struct lex_slot {
	uint32_t	 hash;
	uint32_t	 group;		/* index + 1, 0 if empty */
};

/* One distinct spelling, for completion. */
struct lex_citem {
	const char	*key;
	const char	*word;
	int64_t		 freq;
};

struct lexicon {
	char			*lang;
	struct lex_chunk	*files;
	struct lex_chunk	*arena;

	struct lexicon_entry	*ents;		/* load order */
	size_t			 nents;
	size_t			 ments;
	struct lexicon_entry	*vars;		/* groups of variants */
	size_t			 nvars;
	size_t			 mvars;

	struct lex_group	*groups;
	size_t			 ngroups;
	size_t			 mgroups;
	struct lex_slot		*slots;
	size_t			 cap;		/* a power of two, or 0 */

	size_t			 nwords;	/* distinct spellings */
	double			 total;		/* of group frequencies */
	size_t			 maxcp;		/* longest key, code points */

	/*
	 * Completion: spellings bucketed by the first two bytes of their
	 * keys, each bucket sorted when a prefix first needs it.
	 */
	struct lex_citem	*citems;
	size_t			 ncitems;
	uint32_t		*cbucket;	/* LEX_BUCKETS + 1 offsets */
	uint8_t			*csorted;

	char			*fold;		/* scratch for folding */
	size_t			 foldsize;
};

/* What is wrong with a piece of text. */
enum lex_bad {
	LEX_BAD_NONE,
	LEX_BAD_UTF8,
	LEX_BAD_CONTROL,
	LEX_BAD_EMPTY,
	LEX_BAD_EDGE,		/* space at the start or end */
	LEX_BAD_SPACE		/* space inside a word, or two in a pron */
};

/* ---- UTF-8 and case folding ---- */

/* Decodes one code point; returns its length, or 0 if p is not UTF-8. */
static size_t
lex_decode(const unsigned char *p, size_t len, int32_t *cp)
{
	uint32_t	c = p[0], min;
	size_t		need;

	if (c < 0x80) {
		*cp = (int32_t)c;
		return 1;
	}
	if (c < 0xc2 || c > 0xf4)
		return 0;
	if (c < 0xe0) {
		need = 1;
		c &= 0x1f;
		min = 0x80;
	} else if (c < 0xf0) {
		need = 2;
		c &= 0x0f;
		min = 0x800;
	} else {
		need = 3;
		c &= 0x07;
		min = 0x10000;
	}
	if (len <= need)
		return 0;
	for (size_t i = 1; i <= need; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = (int32_t)c;
	return need + 1;
}

/* Whether a non-ASCII code point may have a case (all cased letters do). */
static int
lex_maybe_cased(int32_t cp)
{
	return cp < 0x3000 || (cp >= 0xa640 && cp < 0xac00) ||
	    (cp >= 0xff00 && cp < 0xff60) || (cp >= 0x10000 && cp < 0x20000);
}

/*
 * Simple case folding: the lower case of the upper case maps the forms of a
 * letter to one (final sigma, long s and the Kelvin sign included).
 */
static int32_t
lex_fold_cp(int32_t cp)
{
	return utf8proc_tolower(utf8proc_toupper(cp));
}

/*
 * Folds s into dst, which has room for len + len / 2 + 4 bytes (no letter
 * folds to more than 3/2 of its length). Returns the folded length; sets
 * *changed if it differs from s and *ncp to the number of code points.
 */
static size_t
lex_fold(const char *s, size_t len, char *dst, int *changed, size_t *ncp)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, o = 0, n;
	int32_t			 cp, f;

	*changed = 0;
	*ncp = 0;
	while (i < len) {
		(*ncp)++;
		if (p[i] < 0x80) {
			dst[o++] = (char)(p[i] >= 'A' && p[i] <= 'Z' ?
			    p[i] + 32 : p[i]);
			*changed |= p[i] >= 'A' && p[i] <= 'Z';
			i++;
			continue;
		}
		if ((n = lex_decode(p + i, len - i, &cp)) == 0)
			n = 1;
		else if (lex_maybe_cased(cp) && (f = lex_fold_cp(cp)) != cp) {
			o += (size_t)utf8proc_encode_char(f,
			    (utf8proc_uint8_t *)dst + o);
			*changed = 1;
			i += n;
			continue;
		}
		memcpy(dst + o, p + i, n);
		o += n;
		i += n;
	}
	return o;
}

/* A scratch buffer big enough to fold len bytes. */
static char *
lex_fold_buffer(struct lexicon *lex, size_t len)
{
	size_t	need = len + len / 2 + 4;

	if (need > lex->foldsize) {
		free(lex->fold);
		lex->foldsize = need < 256 ? 256 : need;
		lex->fold = xmalloc(lex->foldsize);
	}
	return lex->fold;
}

static uint32_t
lex_hash(const char *s, size_t len)
{
	uint64_t	h = 0x9e3779b97f4a7c15ULL ^ len, v;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&v, s, 8);
		h = (h ^ v) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	v = 0;
	memcpy(&v, s, len);
	h = (h ^ v) * 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 29;
	h *= 0xff51afd7ed558ccdULL;
	return (uint32_t)(h ^ (h >> 32));
}

/* ---- memory ---- */

static char *
lex_strndup(struct lexicon *lex, const char *s, size_t len)
{
	struct lex_chunk	*c = lex->arena;
	char			*p;
	size_t			 size;

	if (c == NULL || c->size - c->used < len + 1) {
		size = len + 1 > LEX_ARENA_SIZE ? len + 1 : LEX_ARENA_SIZE;
		c = xmalloc(sizeof *c + size);
		c->size = size;
		c->used = 0;
		c->next = lex->arena;
		lex->arena = c;
	}
	p = c->data + c->used;
	memcpy(p, s, len);
	p[len] = '\0';
	c->used += len + 1;
	return p;
}

static void
lex_chunks_free(struct lex_chunk *c)
{
	struct lex_chunk	*next;

	for (; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
}

/* Makes room for n more elements of size bytes in v (used of *max). */
static void *
lex_grow(void *v, size_t *max, size_t used, size_t n, size_t size)
{
	if (*max - used >= n)
		return v;
	while (*max - used < n)
		*max = *max == 0 ? 64 : *max * 2;
	return xreallocarray(v, *max, size);
}

static void
lex_drop_completion(struct lexicon *lex)
{
	free(lex->citems);
	free(lex->cbucket);
	free(lex->csorted);
	lex->citems = NULL;
	lex->cbucket = NULL;
	lex->csorted = NULL;
	lex->ncitems = 0;
}

/* ---- the hash table ---- */

static struct lex_group *
lex_find(const struct lexicon *lex, const char *key, size_t len, uint32_t h,
    size_t *slot)
{
	const struct lex_slot	*s;
	struct lex_group	*g;
	size_t			 mask = lex->cap - 1, i;

	if (lex->cap == 0)
		return NULL;
	for (i = h & mask;; i = (i + 1) & mask) {
		s = &lex->slots[i];
		*slot = i;
		if (s->group == 0)
			return NULL;
		if (s->hash != h)
			continue;
		g = &lex->groups[s->group - 1];
		if (g->keylen == len && memcmp(g->key, key, len) == 0)
			return g;
	}
}

/* Makes the table big enough for n groups at most 3/4 full. */
static void
lex_reserve(struct lexicon *lex, size_t n)
{
	struct lex_slot	*old = lex->slots;
	size_t		 oldcap = lex->cap, cap = oldcap == 0 ? 64 : oldcap, i;

	while (cap / 4 * 3 < n)
		cap *= 2;
	lex->groups = lex_grow(lex->groups, &lex->mgroups, lex->ngroups,
	    n - lex->ngroups, sizeof *lex->groups);
	if (cap == oldcap)
		return;
	lex->slots = xcalloc(cap, sizeof *lex->slots);
	lex->cap = cap;
	for (size_t j = 0; j < oldcap; j++) {
		if (old[j].group == 0)
			continue;
		for (i = old[j].hash & (cap - 1); lex->slots[i].group != 0;
		    i = (i + 1) & (cap - 1))
			;
		lex->slots[i] = old[j];
	}
	free(old);
}

static const struct lexicon_entry *
lex_group_entries(const struct lexicon *lex, const struct lex_group *g,
    size_t *n)
{
	*n = g->n & ~LEX_VARIANTS;
	if (g->n & LEX_VARIANTS)
		return &lex->vars[g->first];
	return &lex->ents[g->first];
}

static int
lex_same_pron(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static int64_t
lex_effective(int64_t freq)
{
	return freq < 0 ? 1 : freq;
}

/* Appends e to a group that has entries already. */
static void
lex_group_append(struct lexicon *lex, struct lex_group *g,
    const struct lexicon_entry *e)
{
	const struct lexicon_entry	*cur;
	size_t				 n;

	cur = lex_group_entries(lex, g, &n);
	if (!(g->n & LEX_VARIANTS) || g->first + n != lex->nvars) {
		/* Move the group to the end of vars (old copies stay). */
		lex->vars = lex_grow(lex->vars, &lex->mvars, lex->nvars, n + 1,
		    sizeof *lex->vars);
		if (g->n & LEX_VARIANTS)
			cur = &lex->vars[g->first];
		memcpy(&lex->vars[lex->nvars], cur, n * sizeof *cur);
		g->first = (uint32_t)lex->nvars;
		lex->nvars += n;
	} else
		lex->vars = lex_grow(lex->vars, &lex->mvars, lex->nvars, 1,
		    sizeof *lex->vars);
	lex->vars[lex->nvars++] = *e;
	g->n = (uint32_t)(n + 1) | LEX_VARIANTS;
}

/*
 * Adds e to an existing group unless it repeats a (word, pron) pair there;
 * returns 1 if added.
 */
static int
lex_group_add(struct lexicon *lex, struct lex_group *g,
    const struct lexicon_entry *e)
{
	const struct lexicon_entry	*cur;
	size_t				 n;
	int				 spelling = 1;

	cur = lex_group_entries(lex, g, &n);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(cur[i].word, e->word) != 0)
			continue;
		if (lex_same_pron(cur[i].pron, e->pron))
			return 0;
		spelling = 0;
	}
	lex_group_append(lex, g, e);
	lex->nwords += (size_t)spelling;
	if (e->freq > g->freq) {
		lex->total += (double)(lex_effective(e->freq) -
		    lex_effective(g->freq));
		g->freq = e->freq;
	}
	return 1;
}

static void
lex_group_new(struct lexicon *lex, const char *key, size_t keylen,
    uint32_t h, size_t slot, size_t ent)
{
	struct lex_group	*g = &lex->groups[lex->ngroups++];

	g->key = key;
	g->keylen = (uint32_t)keylen;
	g->first = (uint32_t)ent;
	g->n = 1;
	g->freq = lex->ents[ent].freq;
	lex->slots[slot].hash = h;
	lex->slots[slot].group = (uint32_t)lex->ngroups;
	lex->nwords++;
	lex->total += (double)lex_effective(g->freq);
}

/*
 * Indexes e, to be stored at ents[at] if it is new (the table has room for
 * one more group). Returns 1 if it was added, 0 if it repeats an entry.
 */
static int
lex_insert(struct lexicon *lex, const struct lexicon_entry *e, size_t at)
{
	struct lex_group	*g;
	size_t			 len = strlen(e->word), keylen, ncp, slot;
	char			*fold = lex_fold_buffer(lex, len);
	const char		*key;
	uint32_t		 h;
	int			 changed;

	keylen = lex_fold(e->word, len, fold, &changed, &ncp);
	h = lex_hash(fold, keylen);
	if ((g = lex_find(lex, fold, keylen, h, &slot)) != NULL) {
		if (!lex_group_add(lex, g, e))
			return 0;
		lex->ents[at] = *e;
		return 1;
	}
	key = changed ? lex_strndup(lex, fold, keylen) : e->word;
	lex->ents[at] = *e;
	lex_group_new(lex, key, keylen, h, slot, at);
	if (ncp > lex->maxcp)
		lex->maxcp = ncp;
	return 1;
}

/* Indexes ents[from..nents), dropping repeated entries. */
static void
lex_index(struct lexicon *lex, size_t from)
{
	size_t	w = from;

	lex_reserve(lex, lex->ngroups + (lex->nents - from));
	for (size_t r = from; r < lex->nents; r++) {
		struct lexicon_entry	e = lex->ents[r];

		w += (size_t)lex_insert(lex, &e, w);
	}
	lex->nents = w;
	lex_drop_completion(lex);
}

/* ---- checking text ---- */

static int
lex_is_space(int32_t cp)
{
	return cp == ' ' || cp == 0xa0 || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200a) || cp == 0x202f || cp == 0x205f ||
	    cp == 0x3000;
}

/*
 * Checks that s is UTF-8 without control characters (tabs allowed if tabs
 * is set); on failure *at is the offset of the bad byte.
 */
static enum lex_bad
lex_check_text(const char *s, size_t len, int tabs, size_t *at)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, n;
	int32_t			 cp;

	while (i < len) {
		if ((p[i] >= 0x20 && p[i] < 0x7f) || (p[i] == '\t' && tabs)) {
			i++;
			continue;
		}
		*at = i;
		if (p[i] < 0x80)
			return LEX_BAD_CONTROL;
		if ((n = lex_decode(p + i, len - i, &cp)) == 0)
			return LEX_BAD_UTF8;
		if (cp < 0xa0)
			return LEX_BAD_CONTROL;
		i += n;
	}
	return LEX_BAD_NONE;
}

/* Checks a word (valid UTF-8): not empty, no white space. */
static enum lex_bad
lex_check_word(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, n;
	int32_t			 cp;

	if (len == 0)
		return LEX_BAD_EMPTY;
	while (i < len) {
		cp = p[i];
		n = 1;
		if (p[i] >= 0x80 && (n = lex_decode(p + i, len - i, &cp)) == 0)
			return LEX_BAD_UTF8;
		if (lex_is_space(cp))
			return i == 0 || i + n == len ? LEX_BAD_EDGE :
			    LEX_BAD_SPACE;
		i += n;
	}
	return LEX_BAD_NONE;
}

/* Checks a pronunciation: single spaces between phones. */
static enum lex_bad
lex_check_pron(const char *s, size_t len)
{
	if (len > 0 && (s[0] == ' ' || s[len - 1] == ' '))
		return LEX_BAD_EDGE;
	if (memmem(s, len, "  ", 2) != NULL)
		return LEX_BAD_SPACE;
	return LEX_BAD_NONE;
}

/* Parses a frequency: digits only, at most INT64_MAX. */
static int
lex_parse_freq(const char *s, size_t len, int64_t *freq)
{
	int64_t	v = 0;

	if (len == 0)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (v > (INT64_MAX - (s[i] - '0')) / 10)
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*freq = v;
	return 0;
}

/* ---- loading ---- */

/* Where a load is. */
struct lex_parse {
	struct lexicon	*lex;
	const char	*path;
	size_t		 line;
	char		**cause;
};

static int __attribute__((format(printf, 2, 3)))
lex_fail(struct lex_parse *lp, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	*lp->cause = xprintf("%s:%zu: %s", lp->path, lp->line, msg);
	free(msg);
	return -1;
}

/* The 1-based column, in characters, of byte off of a valid line. */
static size_t
lex_column(const char *line, size_t off)
{
	size_t	col = 1;

	for (size_t i = 0; i < off; i++)
		col += ((unsigned char)line[i] & 0xc0) != 0x80;
	return col;
}

static int
lex_fail_text(struct lex_parse *lp, enum lex_bad bad, const char *line,
    size_t len, size_t at)
{
	const unsigned char	*p = (const unsigned char *)line + at;
	int32_t			 cp = *p;

	if (bad == LEX_BAD_UTF8)
		return lex_fail(lp, _("invalid UTF-8 (byte 0x%02X at column "
		    "%zu, byte %zu of the line); save the file as UTF-8"),
		    *p, lex_column(line, at), at + 1);
	if (*p >= 0x80)
		lex_decode(p, len - at, &cp);
	return lex_fail(lp, _("control character U+%04X at column %zu; "
	    "delete it (only tabs separate the fields)"), (unsigned)cp,
	    lex_column(line, at));
}

static int
lex_fail_word(struct lex_parse *lp, enum lex_bad bad, const char *word)
{
	switch (bad) {
	case LEX_BAD_EMPTY:
		return lex_fail(lp, _("the word is empty; a line starts with "
		    "its word, then a tab"));
	case LEX_BAD_EDGE:
		return lex_fail(lp, _("the word '%s' starts or ends with a "
		    "space; remove it"), word);
	default:
		return lex_fail(lp, _("the word '%s' contains a space; write "
		    "one word per line and separate the fields with tabs"),
		    word);
	}
}

/* Splits a line at tabs into at most 3 fields; returns the field count. */
static size_t
lex_split(char *line, size_t len, char **field, size_t *flen)
{
	size_t	 nf = 0, off = 0, end;
	char	*tab;

	for (;;) {
		tab = memchr(line + off, '\t', len - off);
		end = tab != NULL ? (size_t)(tab - line) : len;
		if (nf < 3) {
			field[nf] = line + off;
			flen[nf] = end - off;
			line[end] = '\0';
		}
		nf++;
		if (tab == NULL)
			return nf;
		off = end + 1;
	}
}

static int
lex_parse_fields(struct lex_parse *lp, char **f, size_t *flen, size_t nf,
    struct lexicon_entry *e)
{
	enum lex_bad	bad;

	if ((bad = lex_check_word(f[0], flen[0])) != LEX_BAD_NONE)
		return lex_fail_word(lp, bad, f[0]);
	e->word = f[0];
	e->pron = nf > 1 && flen[1] > 0 ? f[1] : NULL;
	e->freq = -1;
	if (e->pron != NULL && lex_check_pron(f[1], flen[1]) != LEX_BAD_NONE)
		return lex_fail(lp, _("the pronunciation '%s' has a space "
		    "at its start or end or two in a row; separate phones "
		    "with single spaces"), f[1]);
	if (nf > 2 && flen[2] > 0 && lex_parse_freq(f[2], flen[2],
	    &e->freq) != 0)
		return lex_fail(lp, _("the frequency '%s' is not a whole "
		    "number from 0 to %lld; write digits only, or leave the "
		    "field empty"), f[2], (long long)INT64_MAX);
	return 0;
}

/* Parses one line that is not blank or a comment; appends its entry. */
static int
lex_parse_line(struct lex_parse *lp, char *line, size_t len)
{
	struct lexicon	*lex = lp->lex;
	enum lex_bad	 bad;
	char		*f[3];
	size_t		 flen[3], nf, at;

	if ((bad = lex_check_text(line, len, 1, &at)) != LEX_BAD_NONE)
		return lex_fail_text(lp, bad, line, len, at);
	if ((nf = lex_split(line, len, f, flen)) > 3)
		return lex_fail(lp, _("%zu fields; a line has at most 3, "
		    "separated by tabs: word, pronunciation, frequency"), nf);
	if (lex->nents == LEX_MAX_ENTRIES)
		return lex_fail(lp, _("too many entries; split the lexicon"));
	lex->ents = lex_grow(lex->ents, &lex->ments, lex->nents, 1,
	    sizeof *lex->ents);
	if (lex_parse_fields(lp, f, flen, nf, &lex->ents[lex->nents]) != 0)
		return -1;
	lex->nents++;
	return 0;
}

static int
lex_blank(const char *line, size_t len)
{
	return strspn(line, " \t") >= len;
}

static size_t
lex_count_lines(const char *p, const char *end)
{
	size_t	n = 1;

	for (; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		n++;
	return n;
}

/* Parses text (NUL-terminated at end), appending entries to ents. */
static int
lex_parse(struct lex_parse *lp, char *p, char *end)
{
	char	*nl;
	size_t	 len;

	if (end - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	/* Room for an entry a line, so that ents is not copied as it grows. */
	lp->lex->ents = lex_grow(lp->lex->ents, &lp->lex->ments,
	    lp->lex->nents, lex_count_lines(p, end), sizeof *lp->lex->ents);
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		lp->line++;
		len = (size_t)(nl - p);
		if (len > 0 && p[len - 1] == '\r')
			len--;
		if (len == 0 || *p == '#' || lex_blank(p, len))
			continue;
		if (lex_parse_line(lp, p, len) != 0)
			return -1;
	}
	return 0;
}

/* Reads a whole file into a chunk, NUL-terminated. */
static struct lex_chunk *
lex_read(const char *path, char **cause)
{
	struct lex_chunk	*c;
	struct stat		 sb;
	size_t			 size = 65536;
	ssize_t			 n;
	int			 fd;

	if ((fd = open(path, O_RDONLY)) == -1) {
		*cause = xprintf(_("%s: cannot open: %s"), path,
		    strerror(errno));
		return NULL;
	}
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) {
		if (sb.st_size > LEX_FILE_MAX) {
			*cause = xprintf(_("%s: the file is too large for a "
			    "lexicon (more than 1 GiB)"), path);
			close(fd);
			return NULL;
		}
		size = (size_t)sb.st_size + 2;	/* room to see the end */
	}
	c = xmalloc(sizeof *c + size);
	c->used = 0;
	for (;;) {
		if (size - c->used < 2) {
			size *= 2;
			c = xreallocarray(c, 1, sizeof *c + size);
		}
		n = read(fd, c->data + c->used, size - c->used - 1);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		c->used += (size_t)n;
	}
	if (n == -1) {
		*cause = xprintf(_("%s: cannot read: %s"), path,
		    strerror(errno));
		free(c);
		c = NULL;
	} else {
		c->data[c->used] = '\0';
		c->size = size;
	}
	close(fd);
	return c;
}

int
lexicon_load(struct lexicon *lex, const char *path, char **cause)
{
	struct lex_parse	 lp = { lex, path, 0, cause };
	struct lex_chunk	*c;
	size_t			 from = lex->nents;

	if ((c = lex_read(path, cause)) == NULL)
		return -1;
	if (lex_parse(&lp, c->data, c->data + c->used) != 0) {
		lex->nents = from;
		free(c);
		return -1;
	}
	c->next = lex->files;
	lex->files = c;
	lex_index(lex, from);
	return 0;
}

/* ---- the lexicon ---- */

struct lexicon *
lexicon_new(const char *lang)
{
	struct lexicon	*lex = xcalloc(1, sizeof *lex);

	lex->lang = xstrdup(lang);
	return lex;
}

void
lexicon_free(struct lexicon *lex)
{
	if (lex == NULL)
		return;
	lex_chunks_free(lex->files);
	lex_chunks_free(lex->arena);
	free(lex->ents);
	free(lex->vars);
	free(lex->groups);
	free(lex->slots);
	lex_drop_completion(lex);
	free(lex->fold);
	free(lex->lang);
	free(lex);
}

const char *
lexicon_lang(const struct lexicon *lex)
{
	return lex->lang;
}

size_t
lexicon_size(const struct lexicon *lex)
{
	return lex->nwords;
}

size_t
lexicon_count(const struct lexicon *lex)
{
	return lex->nents;
}

const struct lexicon_entry *
lexicon_entry_at(const struct lexicon *lex, size_t i)
{
	return i < lex->nents ? &lex->ents[i] : NULL;
}

/* Finds the group of a word, folding it first. */
static const struct lex_group *
lex_find_word(const struct lexicon *lex, const char *word, size_t len)
{
	char	 buf[512], *fold = buf;
	size_t	 keylen, ncp, slot;
	int	 changed;
	const struct lex_group	*g;

	if (len + len / 2 + 4 > sizeof buf)
		fold = xmalloc(len + len / 2 + 4);
	keylen = lex_fold(word, len, fold, &changed, &ncp);
	g = lex_find(lex, fold, keylen, lex_hash(fold, keylen), &slot);
	if (fold != buf)
		free(fold);
	return g;
}

int
lexicon_has(const struct lexicon *lex, const char *word, size_t len)
{
	return lex_find_word(lex, word, len) != NULL;
}

size_t
lexicon_lookup(const struct lexicon *lex, const char *word, size_t len,
    const struct lexicon_entry **out)
{
	const struct lex_group	*g;
	size_t			 n;

	if ((g = lex_find_word(lex, word, len)) == NULL) {
		*out = NULL;
		return 0;
	}
	*out = lex_group_entries(lex, g, &n);
	return n;
}

/* Whether the (word, pron) pair is there already. */
static int
lex_has_entry(const struct lexicon *lex, const char *word, size_t len,
    const char *pron)
{
	const struct lexicon_entry	*e;
	size_t				 n;

	n = lexicon_lookup(lex, word, len, &e);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(e[i].word, word) == 0 &&
		    lex_same_pron(e[i].pron, pron))
			return 1;
	}
	return 0;
}

/* Whether word and pron could be the fields of a line of a lexicon file. */
static int
lex_valid(const char *word, size_t wlen, const char *pron, size_t plen)
{
	size_t	at;

	if (*word == '#' || lex_check_text(word, wlen, 0, &at) !=
	    LEX_BAD_NONE || lex_check_word(word, wlen) != LEX_BAD_NONE)
		return 0;
	return lex_check_text(pron, plen, 0, &at) == LEX_BAD_NONE &&
	    lex_check_pron(pron, plen) == LEX_BAD_NONE;
}

int
lexicon_add(struct lexicon *lex, const char *word, const char *pron,
    int64_t freq)
{
	struct lexicon_entry	 e;
	size_t			 wlen = strlen(word), plen;

	if (pron == NULL)
		pron = "";
	plen = strlen(pron);
	if (!lex_valid(word, wlen, pron, plen) ||
	    lex->nents == LEX_MAX_ENTRIES)
		return -1;
	if (lex_has_entry(lex, word, wlen, plen > 0 ? pron : NULL))
		return 0;
	e.word = lex_strndup(lex, word, wlen);
	e.pron = plen > 0 ? lex_strndup(lex, pron, plen) : NULL;
	e.freq = freq < 0 ? -1 : freq;
	lex->ents = lex_grow(lex->ents, &lex->ments, lex->nents, 1,
	    sizeof *lex->ents);
	lex_reserve(lex, lex->ngroups + 1);
	lex->nents += (size_t)lex_insert(lex, &e, lex->nents);
	lex_drop_completion(lex);
	return 1;
}

/* ---- completion ---- */

static int
lex_citem_cmp(const void *a, const void *b)
{
	const struct lex_citem	*x = a, *y = b;
	int			 c = strcmp(x->key, y->key);

	return c != 0 ? c : strcmp(x->word, y->word);
}

/* Whether the word of e[i] is also the word of an earlier entry. */
static int
lex_seen(const struct lexicon_entry *e, size_t i)
{
	for (size_t j = 0; j < i; j++) {
		if (strcmp(e[j].word, e[i].word) == 0)
			return 1;
	}
	return 0;
}

/* The bucket of a key: its first two bytes. */
static size_t
lex_bucket(const char *key)
{
	const unsigned char	*k = (const unsigned char *)key;

	return (size_t)k[0] << 8 | (k[0] != '\0' ? k[1] : 0);
}

/* Stores a group's spellings in v, each with its largest frequency. */
static size_t
lex_citems_group(const struct lexicon *lex, const struct lex_group *g,
    struct lex_citem *v)
{
	const struct lexicon_entry	*e;
	size_t				 n, k = 0;

	e = lex_group_entries(lex, g, &n);
	for (size_t i = 0; i < n; i++) {
		if (n > 1 && lex_seen(e, i))
			continue;
		v[k].key = g->key;
		v[k].word = e[i].word;
		v[k].freq = e[i].freq;
		for (size_t j = i + 1; j < n; j++) {
			if (e[j].freq > v[k].freq && strcmp(e[j].word,
			    e[i].word) == 0)
				v[k].freq = e[j].freq;
		}
		k++;
	}
	return k;
}

/* Gathers the spellings into their buckets, unsorted. */
static void
lex_citems_build(struct lexicon *lex)
{
	struct lex_citem	*tmp;
	uint32_t		*at;
	size_t			 n = 0;

	tmp = xreallocarray(NULL, lex->nwords, sizeof *tmp);
	for (size_t i = 0; i < lex->ngroups; i++)
		n += lex_citems_group(lex, &lex->groups[i], tmp + n);
	lex->cbucket = xcalloc(LEX_BUCKETS + 1, sizeof *lex->cbucket);
	lex->csorted = xcalloc(LEX_BUCKETS, 1);
	for (size_t i = 0; i < n; i++)
		lex->cbucket[lex_bucket(tmp[i].key) + 1]++;
	for (size_t b = 0; b < LEX_BUCKETS; b++)
		lex->cbucket[b + 1] += lex->cbucket[b];
	at = xreallocarray(NULL, LEX_BUCKETS, sizeof *at);
	memcpy(at, lex->cbucket, LEX_BUCKETS * sizeof *at);
	lex->citems = xreallocarray(NULL, n, sizeof *lex->citems);
	for (size_t i = 0; i < n; i++)
		lex->citems[at[lex_bucket(tmp[i].key)]++] = tmp[i];
	lex->ncitems = n;
	free(at);
	free(tmp);
}

/* Sorts the buckets from..to that are not sorted yet. */
static void
lex_citems_sort(struct lexicon *lex, size_t from, size_t to)
{
	size_t	lo, n;

	for (size_t b = from; b <= to; b++) {
		if (lex->csorted[b])
			continue;
		lo = lex->cbucket[b];
		if ((n = lex->cbucket[b + 1] - lo) > 1)
			qsort(lex->citems + lo, n, sizeof *lex->citems,
			    lex_citem_cmp);
		lex->csorted[b] = 1;
	}
}

/* The first item of [lo, hi) whose key's first len bytes are >= key (>). */
static size_t
lex_citems_bound(const struct lexicon *lex, size_t lo, size_t hi,
    const char *key, size_t len, int upper)
{
	size_t	mid;
	int	c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strncmp(lex->citems[mid].key, key, len);
		if (c < 0 || (upper && c == 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Finds the items whose keys start with key: [*lo, *hi). */
static void
lex_citems_range(struct lexicon *lex, const char *key, size_t len,
    size_t *lo, size_t *hi)
{
	size_t	from = 0, to = LEX_BUCKETS - 1;

	if (len == 1) {
		from = lex_bucket(key);
		to = from | 0xff;
	} else if (len > 1)
		from = to = lex_bucket(key);
	lex_citems_sort(lex, from, to);
	*lo = lex_citems_bound(lex, lex->cbucket[from], lex->cbucket[to + 1],
	    key, len, 0);
	*hi = lex_citems_bound(lex, *lo, lex->cbucket[to + 1], key, len, 1);
}

/* More frequent first, then in byte order. */
static int
lex_better(const struct lex_citem *a, const struct lex_citem *b)
{
	if (a->freq != b->freq)
		return a->freq > b->freq;
	return strcmp(a->word, b->word) < 0;
}

static int
lex_better_cmp(const void *a, const void *b)
{
	const struct lex_citem	*x = *(const struct lex_citem *const *)a;
	const struct lex_citem	*y = *(const struct lex_citem *const *)b;

	return lex_better(x, y) ? -1 : lex_better(y, x);
}

/* Restores a heap of n whose root is its worst item, from i down. */
static void
lex_heap_down(const struct lex_citem **h, size_t n, size_t i)
{
	const struct lex_citem	*t;
	size_t			 w, l;

	for (;;) {
		w = i;
		l = 2 * i + 1;
		if (l < n && lex_better(h[w], h[l]))
			w = l;
		if (l + 1 < n && lex_better(h[w], h[l + 1]))
			w = l + 1;
		if (w == i)
			return;
		t = h[i];
		h[i] = h[w];
		h[w] = t;
		i = w;
	}
}

/* Picks the best k of items [lo, hi) into h, best first. */
static void
lex_select(const struct lexicon *lex, size_t lo, size_t hi,
    const struct lex_citem **h, size_t k)
{
	for (size_t i = 0; i < k; i++)
		h[i] = &lex->citems[lo + i];
	for (size_t i = k / 2; i-- > 0;)
		lex_heap_down(h, k, i);
	for (size_t i = lo + k; i < hi; i++) {
		if (!lex_better(&lex->citems[i], h[0]))
			continue;
		h[0] = &lex->citems[i];
		lex_heap_down(h, k, 0);
	}
	qsort(h, k, sizeof *h, lex_better_cmp);
}

size_t
lexicon_complete(const struct lexicon *clex, const char *prefix,
    const char **out, size_t max)
{
	/* The index is a cache: building it does not change the lexicon. */
	struct lexicon		 *lex = (struct lexicon *)clex;
	const struct lex_citem	**h;
	size_t			  len = strlen(prefix), keylen, ncp, lo, hi, k;
	char			 *fold;
	int			  changed;

	if (max == 0 || lex->nwords == 0)
		return 0;
	if (lex->citems == NULL)
		lex_citems_build(lex);
	fold = lex_fold_buffer(lex, len);
	keylen = lex_fold(prefix, len, fold, &changed, &ncp);
	fold[keylen] = '\0';
	lex_citems_range(lex, fold, keylen, &lo, &hi);
	if ((k = hi - lo < max ? hi - lo : max) == 0)
		return 0;
	h = xreallocarray(NULL, k, sizeof *h);
	lex_select(lex, lo, hi, h, k);
	for (size_t i = 0; i < k; i++)
		out[i] = h[i]->word;
	free(h);
	return k;
}

/* ---- segmentation ---- */

enum lex_class {
	LEX_C_OTHER,		/* punctuation, symbols: skipped */
	LEX_C_UNSPACED,		/* a script written without spaces */
	LEX_C_LETTER,
	LEX_C_DIGIT,
	LEX_C_JOINER,		/* apostrophe or hyphen inside a word */
	LEX_C_POINT		/* point or comma inside a number */
};

/* A character: a code point and the marks that follow it. */
struct lex_unit {
	size_t		 off;
	size_t		 len;
	enum lex_class	 cls;
};


static enum lex_class
lex_class_ascii(int32_t c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return LEX_C_LETTER;
	if (c >= '0' && c <= '9')
		return LEX_C_DIGIT;
	if (c == '\'' || c == '-')
		return LEX_C_JOINER;
	if (c == '.' || c == ',')
		return LEX_C_POINT;
	return LEX_C_OTHER;
}

static enum lex_class
lex_class(int32_t cp)
{
	utf8proc_category_t	cat;

	if (cp < 0x80)
		return lex_class_ascii(cp);
	if (cp == 0x2019 || cp == 0x2010 || cp == 0x2011)
		return LEX_C_JOINER;
	cat = utf8proc_category(cp);
	if (cat == UTF8PROC_CATEGORY_ND)
		return LEX_C_DIGIT;
	if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_NO)
		return LEX_C_OTHER;
	return text_unspaced_script(cp) ? LEX_C_UNSPACED : LEX_C_LETTER;
}

/* Whether a code point belongs to the character before it. */
static int
lex_extends(int32_t cp)
{
	utf8proc_category_t	cat;

	if (cp < 0x300)
		return 0;
	if (cp == 0x200c || cp == 0x200d)
		return 1;	/* zero-width non-joiner, joiner */
	cat = utf8proc_category(cp);
	return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
	    cat == UTF8PROC_CATEGORY_ME;
}

/* Splits s into characters; returns how many (u has room for len). */
static size_t
lex_units(const char *s, size_t len, struct lex_unit *u)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, n = 0, cl;
	int32_t			 cp;

	while (i < len) {
		if ((cl = lex_decode(p + i, len - i, &cp)) == 0) {
			cl = 1;
			cp = -1;
		}
		if (cp >= 0 && n > 0 && lex_extends(cp) &&
		    u[n - 1].off + u[n - 1].len == i)
			u[n - 1].len += cl;
		else {
			u[n].off = i;
			u[n].len = cl;
			u[n].cls = cp < 0 || lex_extends(cp) ? LEX_C_OTHER :
			    lex_class(cp);
			n++;
		}
		i += cl;
	}
	return n;
}

/* Words found so far. */
struct lex_words {
	struct lexicon_word	*v;
	size_t			 n;
	size_t			 max;
};

static void
lex_emit(struct lex_words *w, size_t off, size_t len, int known)
{
	w->v = lex_grow(w->v, &w->max, w->n, 1, sizeof *w->v);
	w->v[w->n].off = off;
	w->v[w->n].len = len;
	w->v[w->n].known = known;
	w->n++;
}

static int
lex_alnum(enum lex_class c)
{
	return c == LEX_C_LETTER || c == LEX_C_DIGIT;
}

/* Whether a joiner or point at u[1] joins u[0] and u[2] into one word. */
static int
lex_joins(const struct lex_unit *u)
{
	if (u[1].cls == LEX_C_JOINER)
		return lex_alnum(u[0].cls) && lex_alnum(u[2].cls);
	return u[1].cls == LEX_C_POINT && u[0].cls == LEX_C_DIGIT &&
	    u[2].cls == LEX_C_DIGIT;
}

/* The end of the word of letters and digits starting at u[i]. */
static size_t
lex_word_end(const struct lex_unit *u, size_t i, size_t n)
{
	while (i + 1 < n) {
		if (lex_alnum(u[i + 1].cls))
			i++;
		else if (i + 2 < n && lex_joins(&u[i]))
			i += 2;
		else
			break;
	}
	return i + 1;
}

/* The score of a word: the log of its probability, default frequency 1. */
static double
lex_score(const struct lex_group *g, double logtotal)
{
	return log((double)lex_effective(g->freq) + 1.0) - logtotal;
}

/* The dynamic programme over a run of n unspaced characters. */
struct lex_route {
	double		*best;		/* best[i]: score of u[i..n) */
	uint8_t		*step;		/* characters in the word at i */
	uint8_t		*known;
};

/* Finds the most probable words from u[i]: sets best[i], step[i]. */
static void
lex_route_at(const struct lexicon *lex, const char *s,
    const struct lex_unit *u, size_t i, size_t n, struct lex_route *r,
    double logtotal)
{
	const struct lex_group	*g;
	size_t			 maxlen = lex->maxcp, off = u[i].off, end, slot;
	double			 sc;

	if (maxlen > LEX_MAX_UNITS)
		maxlen = LEX_MAX_UNITS;
	r->best[i] = -(LEX_UNKNOWN_K * logtotal + LEX_UNKNOWN_C) +
	    r->best[i + 1];
	r->step[i] = 1;
	r->known[i] = 0;
	/* Longer words win ties: with no frequencies, the fewest words. */
	for (size_t l = 1; l <= maxlen && i + l <= n; l++) {
		end = u[i + l - 1].off + u[i + l - 1].len;
		g = lex_find(lex, s + off, end - off, lex_hash(s + off,
		    end - off), &slot);
		if (g == NULL)
			continue;
		sc = lex_score(g, logtotal) + r->best[i + l];
		if (sc >= r->best[i]) {
			r->best[i] = sc;
			r->step[i] = (uint8_t)l;
			r->known[i] = 1;
		}
	}
}

static void
lex_segment_run(const struct lexicon *lex, const char *s,
    const struct lex_unit *u, size_t n, struct lex_route *r,
    struct lex_words *w)
{
	double	logtotal = log(lex->total + (double)lex->ngroups + 1.0);
	size_t	end;

	r->best[n] = 0;
	for (size_t i = n; i-- > 0;)
		lex_route_at(lex, s, u, i, n, r, logtotal);
	for (size_t i = 0; i < n; i += r->step[i]) {
		end = u[i + r->step[i] - 1].off + u[i + r->step[i] - 1].len;
		lex_emit(w, u[i].off, end - u[i].off, r->known[i]);
	}
}

size_t
lexicon_segment(const struct lexicon *lex, const char *chunk, size_t len,
    struct lexicon_word **out)
{
	struct lex_words	 w = { NULL, 0, 0 };
	struct lex_unit		*u;
	struct lex_route	 r;
	size_t			 n, i = 0, j;

	*out = NULL;
	if (len == 0)
		return 0;
	u = xreallocarray(NULL, len, sizeof *u);
	n = lex_units(chunk, len, u);
	r.best = xreallocarray(NULL, n + 1, sizeof *r.best);
	r.step = xmalloc(2 * (n + 1));
	r.known = r.step + n + 1;
	while (i < n) {
		if (u[i].cls == LEX_C_UNSPACED) {
			for (j = i; j < n && u[j].cls == LEX_C_UNSPACED; j++)
				;
			lex_segment_run(lex, chunk, u + i, j - i,
			    &r, &w);
			i = j;
		} else if (lex_alnum(u[i].cls)) {
			j = lex_word_end(u, i, n);
			lex_emit(&w, u[i].off, u[j - 1].off + u[j - 1].len -
			    u[i].off, lexicon_has(lex, chunk + u[i].off,
			    u[j - 1].off + u[j - 1].len - u[i].off));
			i = j;
		} else
			i++;
	}
	free(u);
	free(r.best);
	free(r.step);
	*out = w.v;
	return w.n;
}

/* ---- finding a lexicon file ---- */

/* The tag in conventional case (yue-Hant-HK), or NULL if malformed. */
static char *
lex_tag_case(const char *tag)
{
	static const char	 alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "abcdefghijklmnopqrstuvwxyz0123456789";
	char			*t = xstrdup(tag), *p = t;
	size_t			 n, i = 0;
	int			 ext = 0;

	do {
		n = strspn(p, alnum);
		if (n == 0 || (p[n] != '-' && p[n] != '\0')) {
			free(t);
			return NULL;
		}
		for (size_t k = 0; k < n; k++) {
			int	upper = !ext && i > 0 && (n == 2 ||
			    (n == 4 && k == 0));

			if (upper && p[k] >= 'a' && p[k] <= 'z')
				p[k] = (char)(p[k] - 32);
			else if (!upper && p[k] >= 'A' && p[k] <= 'Z')
				p[k] = (char)(p[k] + 32);
		}
		ext |= n == 1;
		i++;
		p += n;
	} while (*p++ == '-');
	return t;
}

/* The length of the tag's first n bytes without their last subtag. */
static size_t
lex_tag_shorten(const char *t, size_t n)
{
	do {
		while (n > 0 && t[n - 1] != '-')
			n--;
		if (n > 0)
			n--;
		/* A singleton (extension, private use) goes with it. */
	} while (n >= 2 && t[n - 2] == '-');
	return n;
}

char *
lexicon_find(const char *dirs, const char *tag)
{
	struct stat	 sb;
	const char	*d = dirs;
	char		*t, *path;
	size_t		 dlen;

	if ((t = lex_tag_case(tag)) == NULL)
		return NULL;
	for (; *d != '\0'; d += dlen + (d[dlen] == ':')) {
		dlen = strcspn(d, ":");
		if (dlen == 0)
			continue;
		for (size_t n = strlen(t); n > 0; n = lex_tag_shorten(t, n)) {
			path = xprintf("%.*s/%.*s.tsv", (int)dlen, d, (int)n,
			    t);
			if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
				free(t);
				return path;
			}
			free(path);
		}
	}
	free(t);
	return NULL;
}
