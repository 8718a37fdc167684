/* lang.c: well-formedness of BCP 47 language tags (RFC 5646, section 2.1). */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "lang.h"
#include "xmalloc.h"

#define MAX_SUBTAGS 32

/* RFC 5646 grandfathered tags, regular and irregular. */
static const char *const lang_grandfathered[] = {
	"en-GB-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak",
	"i-klingon", "i-lux", "i-mingo", "i-navajo", "i-pwn", "i-tao",
	"i-tay", "i-tsu", "sgn-BE-FR", "sgn-BE-NL", "sgn-CH-DE",
	"art-lojban", "cel-gaulish", "no-bok", "no-nyn", "zh-guoyu",
	"zh-hakka", "zh-min", "zh-min-nan", "zh-xiang",
};

static int
all_of(const char *s, size_t n, int (*pred)(int))
{
	for (size_t i = 0; i < n; i++) {
		if (!pred((unsigned char)s[i]))
			return 0;
	}
	return 1;
}

struct subtag {
	const char	*p;
	size_t		 n;
};

static int
is_alpha(const struct subtag *t, size_t lo, size_t hi)
{
	return t->n >= lo && t->n <= hi && all_of(t->p, t->n, isalpha);
}

static int
is_alnum(const struct subtag *t, size_t lo, size_t hi)
{
	return t->n >= lo && t->n <= hi && all_of(t->p, t->n, isalnum);
}

static int
is_variant(const struct subtag *t)
{
	return is_alnum(t, 5, 8) ||
	    (t->n == 4 && isdigit((unsigned char)t->p[0]) && is_alnum(t, 4, 4));
}

static int
is_region(const struct subtag *t)
{
	return is_alpha(t, 2, 2) || (t->n == 3 && all_of(t->p, 3, isdigit));
}

static int
same(const struct subtag *a, const struct subtag *b)
{
	return a->n == b->n && strncasecmp(a->p, b->p, a->n) == 0;
}

static int
lang_split(const char *tag, struct subtag *t, size_t *n)
{
	const char	*p = tag, *dash;

	*n = 0;
	for (;;) {
		if (*n == MAX_SUBTAGS)
			return -1;
		dash = strchr(p, '-');
		t[*n].p = p;
		t[*n].n = dash != NULL ? (size_t)(dash - p) : strlen(p);
		if (t[*n].n == 0 || t[*n].n > 8 || !all_of(p, t[*n].n, isalnum))
			return -1;
		(*n)++;
		if (dash == NULL)
			return 0;
		p = dash + 1;
	}
}

/* Parses the private-use part from t[i] (the "x"); returns 0 if it fits. */
static int
lang_privateuse(const struct subtag *t, size_t i, size_t n)
{
	if (i + 1 >= n)
		return -1;
	for (i++; i < n; i++) {
		if (!is_alnum(&t[i], 1, 8))
			return -1;
	}
	return 0;
}

static const char *
lang_parse(const struct subtag *t, size_t n)
{
	size_t	i = 0, j;
	char	seen[36] = { 0 };

	if (t[0].n == 1 && tolower((unsigned char)*t[0].p) == 'x')
		return lang_privateuse(t, 0, n) == 0 ? NULL :
		    N_("private-use subtags after 'x' must be 1 to 8 letters or digits");
	if (!is_alpha(&t[0], 2, 8))
		return N_("the primary language subtag must be 2 to 8 letters");
	i = 1;
	if (t[0].n <= 3) {
		for (j = 0; j < 3 && i < n && is_alpha(&t[i], 3, 3); j++)
			i++;	/* extlang */
	}
	if (i < n && is_alpha(&t[i], 4, 4))
		i++;		/* script */
	if (i < n && is_region(&t[i]))
		i++;
	for (size_t v0 = i; i < n && is_variant(&t[i]); i++) {
		for (j = v0; j < i; j++) {
			if (same(&t[j], &t[i]))
				return N_("a variant subtag is repeated");
		}
	}
	while (i < n && t[i].n == 1) {
		int	c = tolower((unsigned char)*t[i].p);
		int	k = isdigit(c) ? c - '0' : c - 'a' + 10;

		if (c == 'x')
			return lang_privateuse(t, i, n) == 0 ? NULL :
			    N_("private-use subtags after 'x' must be 1 to 8 letters or digits");
		if (seen[k]++)
			return N_("an extension singleton is repeated");
		for (j = i + 1; j < n && is_alnum(&t[j], 2, 8); j++)
			;
		if (j == i + 1)
			return N_("an extension singleton must be followed by subtags of 2 to 8 characters");
		i = j;
	}
	if (i < n)
		return N_("a subtag is out of place or of the wrong length");
	return NULL;
}

int
lang_check(const char *tag, char **cause)
{
	struct subtag	 t[MAX_SUBTAGS];
	size_t		 n;
	const char	*why;

	for (size_t i = 0; i < sizeof lang_grandfathered /
	    sizeof lang_grandfathered[0]; i++) {
		if (strcasecmp(tag, lang_grandfathered[i]) == 0)
			return 0;
	}
	if (lang_split(tag, t, &n) != 0)
		why = N_("subtags are 1 to 8 letters or digits, joined by '-'");
	else
		why = lang_parse(t, n);
	if (why == NULL)
		return 0;
	*cause = xprintf(_("'%s' is not a well-formed BCP 47 language tag: %s "
	    "(for example cmn-Hans, yue-Hant-HK, en-GB)"), tag, _(why));
	return -1;
}

char *
lang_canonical(const char *tag)
{
	char	*out = xstrdup(tag), *p = out, *end;
	size_t	 len;
	int	 first = 1, singleton = 0;

	while (*p != '\0') {
		end = strchr(p, '-');
		len = end != NULL ? (size_t)(end - p) : strlen(p);
		for (size_t i = 0; i < len; i++)
			p[i] = (char)tolower((unsigned char)p[i]);
		if (len == 1)
			singleton = 1;
		else if (!first && !singleton) {
			int	alpha = 1;

			for (size_t i = 0; i < len; i++)
				alpha &= isalpha((unsigned char)p[i]) != 0;
			if (alpha && len == 4)
				p[0] = (char)toupper((unsigned char)p[0]);
			else if (alpha && len == 2) {
				p[0] = (char)toupper((unsigned char)p[0]);
				p[1] = (char)toupper((unsigned char)p[1]);
			}
		}
		first = 0;
		p += len;
		if (*p == '-')
			p++;
	}
	return out;
}

int
lang_covers(const char *tag, const char *lang)
{
	size_t	n = strlen(tag);

	return lang != NULL && strncasecmp(tag, lang, n) == 0 &&
	    (lang[n] == '\0' || lang[n] == '-');
}
