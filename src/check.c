/* check.c: markup, vocabulary and lexicon checks of transcriptions. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "i18n.h"
#include "lang.h"
#include "lexicon.h"
#include "markup.h"
#include "timecode.h"
#include "xmalloc.h"

#ifndef LEXICONDIR
#define LEXICONDIR "/usr/local/share/tingxie/lexicons"
#endif

/* A loaded lexicon: a file's (key = its path) or project words only. */
struct check_lexicon {
	char		*key;
	struct lexicon	*lex;		/* NULL: none, or it failed */
	char		*error;		/* why it failed */
};

/* Which loaded lexicon serves a language tag. */
struct check_lang {
	char		*lang;
	size_t		 lexicon;
};

struct checker {
	struct store		*store;
	char			*dirs;
	struct check_lexicon	*lexicons;
	size_t			 nlexicons;
	struct check_lang	*langs;
	size_t			 nlangs;
	struct store_word	*words;		/* the project's own */
	size_t			 nwords;
	int			 words_loaded;
};

char *
check_lexicon_path(struct store *s)
{
	const char	*env = getenv("TINGXIE_LEXICONS");
	const char	*xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char		*beside = store_resolve(s, "lexicons"), *user, *path;

	if (xdg != NULL && *xdg == '/')
		xasprintf(&user, "%s/tingxie/lexicons", xdg);
	else if (home != NULL && *home == '/')
		xasprintf(&user, "%s/.local/share/tingxie/lexicons", home);
	else
		user = xstrdup("");
	xasprintf(&path, "%s%s%s:%s:%s", env != NULL ? env : "",
	    env != NULL && *env != '\0' ? ":" : "", beside, user, LEXICONDIR);
	free(beside);
	free(user);
	return path;
}

struct checker *
checker_new(struct store *s, const char *dirs)
{
	struct checker	*c = xcalloc(1, sizeof *c);

	c->store = s;
	c->dirs = dirs != NULL ? xstrdup(dirs) : check_lexicon_path(s);
	return c;
}

/* Forgets the loaded lexicons and the project's words. */
static void
checker_reset(struct checker *c)
{
	for (size_t i = 0; i < c->nlexicons; i++) {
		free(c->lexicons[i].key);
		lexicon_free(c->lexicons[i].lex);
		free(c->lexicons[i].error);
	}
	free(c->lexicons);
	for (size_t i = 0; i < c->nlangs; i++)
		free(c->langs[i].lang);
	free(c->langs);
	store_word_list_free(c->words, c->nwords);
	c->lexicons = NULL;
	c->langs = NULL;
	c->words = NULL;
	c->nlexicons = c->nlangs = c->nwords = 0;
	c->words_loaded = 0;
}

void
checker_free(struct checker *c)
{
	if (c == NULL)
		return;
	checker_reset(c);
	free(c->dirs);
	free(c);
}

/* Adds the project's words that belong with a lexicon file's words. */
static void
check_add_words(struct checker *c, struct lexicon *lex, const char *path,
    const char *lang)
{
	char	*theirs;
	int	 belongs;

	for (size_t i = 0; i < c->nwords; i++) {
		const struct store_word *w = &c->words[i];

		if (!(belongs = lang_covers(w->lang, lang))) {
			theirs = lexicon_find(c->dirs, w->lang);
			belongs = theirs != NULL && strcmp(theirs, path) == 0;
			free(theirs);
		}
		if (belongs)
			lexicon_add(lex, w->word, w->pron, -1);
	}
}

/* Loads the lexicon of a file (key: its path, or "none:TAG" if none). */
static size_t
check_load(struct checker *c, const char *key, const char *path,
    const char *lang)
{
	struct check_lexicon	*cl;
	char			*cause = NULL;

	for (size_t i = 0; i < c->nlexicons; i++) {
		if (strcmp(c->lexicons[i].key, key) == 0)
			return i;
	}
	c->lexicons = xreallocarray(c->lexicons, c->nlexicons + 1,
	    sizeof *c->lexicons);
	cl = &c->lexicons[c->nlexicons];
	memset(cl, 0, sizeof *cl);
	cl->key = xstrdup(key);
	cl->lex = lexicon_new(lang);
	if (path == NULL || lexicon_load(cl->lex, path, &cause) != 0) {
		cl->error = cause;
		lexicon_free(cl->lex);
		cl->lex = NULL;
	} else
		check_add_words(c, cl->lex, path, lang);
	return c->nlexicons++;
}

struct lexicon *
checker_lexicon(struct checker *c, const char *lang, char **cause)
{
	struct check_lexicon	*cl;
	char			*path, *key, *tag, *ignored = NULL;
	size_t			 i;

	if (lang == NULL)
		return NULL;
	for (i = 0; i < c->nlangs; i++) {
		if (strcmp(c->langs[i].lang, lang) == 0)
			break;
	}
	if (i == c->nlangs) {
		if (!c->words_loaded) {
			if (store_word_list(c->store, NULL, &c->words,
			    &c->nwords, &ignored) != 0)
				free(ignored);
			c->words_loaded = 1;
		}
		tag = lang_canonical(lang);
		path = lexicon_find(c->dirs, tag);
		if (path != NULL)
			key = xstrdup(path);
		else
			xasprintf(&key, "none:%s", tag);
		c->langs = xreallocarray(c->langs, c->nlangs + 1,
		    sizeof *c->langs);
		c->langs[c->nlangs].lang = xstrdup(lang);
		c->langs[c->nlangs].lexicon = check_load(c, key, path, tag);
		c->nlangs++;
		free(path);
		free(key);
		free(tag);
	}
	cl = &c->lexicons[c->langs[i].lexicon];
	if (cl->lex == NULL && cl->error != NULL)
		*cause = xstrdup(cl->error);
	return cl->lex;
}

/* ---- one line ---- */

static void
check_span_add(struct check_span **spans, size_t *n, enum check_kind kind,
    size_t off, size_t len, char *message, const char *lang)
{
	struct check_span	*sp;

	*spans = xreallocarray(*spans, *n + 1, sizeof **spans);
	sp = &(*spans)[(*n)++];
	sp->kind = kind;
	sp->off = off;
	sp->len = len;
	sp->message = message;
	sp->lang = lang != NULL ? xstrdup(lang) : NULL;
}

void
check_spans_free(struct check_span *spans, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(spans[i].message);
		free(spans[i].lang);
	}
	free(spans);
}

/* Whether a piece has a letter in it (digits alone are not checked). */
static int
check_has_letter(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char	ch = (unsigned char)s[i];

		if (ch >= 0x80 || (ch >= 'a' && ch <= 'z') ||
		    (ch >= 'A' && ch <= 'Z'))
			return 1;
	}
	return 0;
}

static int
check_ascii_word(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	}
	return 1;
}

/* The unknown words of one WORD token. */
static void
check_word(struct checker *c, const char *text, const struct markup_token *tok,
    const char *seg_lang, struct check_span **spans, size_t *n)
{
	struct lexicon		*lex;
	struct lexicon_word	*w = NULL;
	size_t			 nw;
	char			*ignored = NULL, *word;
	const char		*lang = tok->lang;

	if ((lex = checker_lexicon(c, lang, &ignored)) == NULL) {
		free(ignored);
		return;
	}
	nw = lexicon_segment(lex, text + tok->off, tok->len, &w);
	for (size_t i = 0; i < nw; i++) {
		const char *p = text + tok->off + w[i].off;

		if (w[i].known || !check_has_letter(p, w[i].len))
			continue;
		/* A run of unknown characters is one unknown word. */
		while (i + 1 < nw && !w[i + 1].known && !check_ascii_word(p,
		    w[i].len) && !check_ascii_word(text + tok->off +
		    w[i + 1].off, w[i + 1].len) && w[i + 1].off == w[i].off +
		    w[i].len) {
			w[i + 1].off = w[i].off;
			w[i + 1].len += w[i].len;
			i++;
		}
		p = text + tok->off + w[i].off;
		word = xstrndup(p, w[i].len);
		/* Latin letters in a Chinese line are likely another tongue. */
		if (check_ascii_word(p, w[i].len) && seg_lang != NULL &&
		    lang == seg_lang && strncasecmp(lang, "en", 2) != 0)
			check_span_add(spans, n, CHECK_OOV, tok->off + w[i].off,
			    w[i].len, xprintf(_("'%s' is not in the %s lexicon "
			    "(another language? <en>%s</en>)"), word, lang,
			    word), lang);
		else
			check_span_add(spans, n, CHECK_OOV, tok->off + w[i].off,
			    w[i].len, xprintf(_("'%s' is not in the %s "
			    "lexicon"), word, lang), lang);
		free(word);
	}
	free(w);
}

static int
check_span_cmp(const void *a, const void *b)
{
	const struct check_span	*x = a, *y = b;

	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return (int)x->kind - (int)y->kind;
}

size_t
checker_line(struct checker *c, const char *text, const char *lang,
    struct check_span **out)
{
	struct markup	 m;
	size_t		 n = 0;
	char		*cause;

	*out = NULL;
	markup_parse(text, lang, &m);
	for (size_t i = 0; i < m.nerrors; i++)
		check_span_add(out, &n, CHECK_MARKUP, m.errors[i].off,
		    m.errors[i].len, xstrdup(m.errors[i].message), NULL);
	for (size_t i = 0; i < m.ntokens; i++) {
		const struct markup_token *tok = &m.tokens[i];

		cause = NULL;
		switch (tok->kind) {
		case MARKUP_EVENT:
			if (store_vocab_check(c->store, VOCAB_EVENT, tok->name,
			    &cause) != 0)
				check_span_add(out, &n, CHECK_EVENT, tok->off,
				    tok->len, cause, NULL);
			break;
		case MARKUP_SWITCH_OPEN:
			if (tok->lang != NULL && store_vocab_check(c->store,
			    VOCAB_LANGUAGE, tok->lang, &cause) != 0)
				check_span_add(out, &n, CHECK_LANG, tok->off,
				    tok->len, cause, NULL);
			break;
		case MARKUP_WORD:
			check_word(c, text, tok, lang, out, &n);
			break;
		default:
			break;
		}
	}
	markup_free(&m);
	if (n > 1)
		qsort(*out, n, sizeof **out, check_span_cmp);
	return n;
}

/* ---- a whole project ---- */

static void
check_problem_add(struct check_report *r, const struct segment *g,
    char *message)
{
	/* The same problem twice in one segment is one line. */
	for (size_t i = r->n; i > 0 && r->problems[i - 1].segment == g; i--) {
		if (strcmp(r->problems[i - 1].message, message) == 0) {
			free(message);
			return;
		}
	}
	r->problems = xreallocarray(r->problems, r->n + 1,
	    sizeof *r->problems);
	r->problems[r->n].segment_id = g->id;
	r->problems[r->n].segment = g;
	r->problems[r->n].message = message;
	r->n++;
}

void
check_report_free(struct check_report *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->problems[i].message);
	free(r->problems);
	segment_list_free(r->segs, r->nsegs);
	memset(r, 0, sizeof *r);
}

/* Problems of one segment's own fields and text. */
static int
check_segment(struct checker *c, const struct check_options *o,
    const struct segment *g, struct check_report *r, char **cause)
{
	struct check_span	*spans;
	size_t			 n;
	double			 sec = (double)(g->end - g->start) / g->rate;
	char			*why = NULL;

	if (g->stage != STAGE_NEW && (g->text == NULL || *g->text == '\0'))
		check_problem_add(r, g, xprintf(_("is %s but has no text"),
		    segment_stage_name(g->stage)));
	if (o->max_length > 0 && sec > o->max_length)
		check_problem_add(r, g, xprintf(_("is %.3f s long, longer than "
		    "the maximum of %g s"), sec, o->max_length));
	if (o->min_length > 0 && sec < o->min_length)
		check_problem_add(r, g, xprintf(_("is %.3f s long, shorter "
		    "than the minimum of %g s"), sec, o->min_length));
	if (g->lang != NULL && store_vocab_check(c->store, VOCAB_LANGUAGE,
	    g->lang, &why) != 0)
		check_problem_add(r, g, why);
	why = NULL;
	if (g->dialect != NULL && store_vocab_check(c->store, VOCAB_DIALECT,
	    g->dialect, &why) != 0)
		check_problem_add(r, g, why);
	why = NULL;
	if (o->words && g->lang != NULL && checker_lexicon(c, g->lang,
	    &why) == NULL && why != NULL) {
		*cause = why;
		return -1;
	}
	n = checker_line(c, g->text != NULL ? g->text : "", g->lang, &spans);
	for (size_t i = 0; i < n; i++) {
		if (spans[i].kind == CHECK_OOV && !o->words)
			continue;
		check_problem_add(r, g, spans[i].message);
		spans[i].message = NULL;
	}
	check_spans_free(spans, n);
	return 0;
}

/* Segments of one speaker that overlap, in one recording. */
static void
check_overlaps(struct check_report *r)
{
	const struct segment	*a, *b;
	char			 x[TIMECODE_BUFSIZE], y[TIMECODE_BUFSIZE];

	for (size_t i = 0; i < r->nsegs; i++) {
		a = &r->segs[i];
		if (a->speaker == NULL)
			continue;
		for (size_t j = i + 1; j < r->nsegs; j++) {
			b = &r->segs[j];
			if (b->recording_id != a->recording_id ||
			    b->start >= a->end)
				break;
			if (b->speaker == NULL ||
			    strcmp(a->speaker, b->speaker) != 0)
				continue;
			check_problem_add(r, b, xprintf(_("overlaps segment "
			    "%lld (%s-%s) of the same speaker %s; one speaker "
			    "says one thing at a time"), (long long)a->id,
			    timecode_sec(a->start, a->rate, x),
			    timecode_sec(a->end, a->rate, y), a->speaker));
		}
	}
}

static int
check_problem_cmp(const void *a, const void *b)
{
	const struct check_problem	*x = a, *y = b;

	/* segs is in recording and time order: compare positions. */
	if (x->segment != y->segment)
		return x->segment < y->segment ? -1 : 1;
	return strcmp(x->message, y->message);
}

/* Merges the overlaps (sorted) into the problems (already in order). */
static void
check_merge(struct check_report *r, struct check_report *extra)
{
	struct check_problem	*all;
	size_t			 i = 0, j = 0, k = 0;

	if (extra->n > 1)
		qsort(extra->problems, extra->n, sizeof *extra->problems,
		    check_problem_cmp);
	all = xcalloc(r->n + extra->n + 1, sizeof *all);
	while (i < r->n || j < extra->n) {
		if (j == extra->n || (i < r->n &&
		    r->problems[i].segment <= extra->problems[j].segment))
			all[k++] = r->problems[i++];
		else
			all[k++] = extra->problems[j++];
	}
	free(r->problems);
	free(extra->problems);
	r->problems = all;
	r->n = k;
}

int
checker_project(struct checker *c, const struct check_options *o,
    struct check_report *r, char **cause)
{
	struct segment_filter	f = { 0 };
	struct check_report	overlaps;

	memset(r, 0, sizeof *r);
	f.recording_id = o->recording_id;
	if (store_segment_list(c->store, &f, &r->segs, &r->nsegs, cause) != 0)
		return -1;
	for (size_t i = 0; i < r->nsegs; i++) {
		if (check_segment(c, o, &r->segs[i], r, cause) != 0) {
			check_report_free(r);
			return -1;
		}
	}
	memset(&overlaps, 0, sizeof overlaps);
	overlaps.segs = r->segs;
	overlaps.nsegs = r->nsegs;
	check_overlaps(&overlaps);
	check_merge(r, &overlaps);
	return 0;
}

/* ---- settings ---- */

const struct check_setting check_settings[] = {
	{ "check.max-length", N_("longest segment 'check' accepts, in "
	    "seconds (0: any; default 30)"), 0, 0, 86400 },
	{ "check.min-length", N_("shortest segment 'check' accepts, in "
	    "seconds (0: any; default 0.1)"), 0, 0, 86400 },
	{ "lease.minutes", N_("how long a segment taken with 'task next' "
	    "stays yours, in minutes (1 to 1440; default 30)"), 1, 1, 1440 },
	{ NULL, NULL, 0, 0, 0 }
};

/*
 * Parses a setting's number: digits with at most one '.' (none for a
 * whole number), so no signs, spaces, hex or exponents, within its range.
 */
static int
check_number(const struct check_setting *set, const char *value,
    double *out)
{
	char	*end;
	double	 v;

	if (value[strspn(value, set->whole ? "0123456789" :
	    "0123456789.")] != '\0' || strchr(value, '.') != strrchr(value, '.'))
		return -1;
	v = strtod(value, &end);
	if (end == value || *end != '\0' || !(v >= set->min && v <= set->max))
		return -1;
	*out = v;
	return 0;
}

static const struct check_setting *
check_setting_find(const char *key)
{
	for (size_t i = 0; check_settings[i].key != NULL; i++) {
		if (strcmp(check_settings[i].key, key) == 0)
			return &check_settings[i];
	}
	return NULL;
}

int
check_setting_valid(const char *key, const char *value, char **cause)
{
	const struct check_setting	*set = check_setting_find(key);
	double				 v;

	if (set == NULL) {
		*cause = xprintf(_("no setting '%s' (see 'tingxie config "
		    "PROJECT')"), key);
		return -1;
	}
	if (value == NULL || check_number(set, value, &v) == 0)
		return 0;
	/* Whole numbers are minutes, the others seconds. */
	if (set->whole)
		*cause = xprintf(_("%s must be a whole number of minutes from "
		    "%g to %g, not '%s'"), key, set->min, set->max, value);
	else
		*cause = xprintf(_("%s must be a number of seconds from %g to "
		    "%g, not '%s'"), key, set->min, set->max, value);
	return -1;
	return 0;
}

int
check_options_load(struct store *s, struct check_options *o, char **cause)
{
	const char	*keys[] = { "check.max-length", "check.min-length" };
	double		*fields[] = { &o->max_length, &o->min_length };
	char		*v;

	memset(o, 0, sizeof *o);
	o->max_length = 30;
	o->min_length = 0.1;
	o->words = 1;
	for (size_t i = 0; i < 2; i++) {
		if (store_setting_get(s, keys[i], &v, cause) != 0)
			return -1;
		if (v != NULL && check_number(check_setting_find(keys[i]), v,
		    fields[i]) != 0) {
			*cause = xprintf(_("the project's %s is '%s', not a "
			    "number of seconds; set it with 'tingxie config "
			    "PROJECT %s SECONDS'"), keys[i], v, keys[i]);
			free(v);
			return -1;
		}
		free(v);
	}
	return 0;
}
