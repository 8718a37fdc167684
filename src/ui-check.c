/*
 * ui-check.c: the editor's checks as the user types. Markup errors and
 * tags the project does not have are shown in reverse (red where there is
 * colour), words not in the lexicon underlined; the line under the editor
 * says what is wrong at the cursor. Completion offers lexicon words for
 * the word before the cursor, and add-word puts an unknown word in the
 * project's lexicon.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lexicon.h"
#include "markup.h"
#include "text.h"
#include "ui.h"
#include "xmalloc.h"

#define UI_COMPLETIONS	12

#define UI_PAIR_ERROR	8
#define UI_PAIR_OOV	9

static int
ui_same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Checks text (in lang) unless it is what was checked last. */
void
ui_check(struct tui *t, const char *text, const char *lang)
{
	struct lexicon	*lex;
	char		*cause = NULL;

	if (t->checker == NULL || (t->checks_text != NULL &&
	    ui_same(t->checks_text, text) && ui_same(t->checks_lang, lang)))
		return;
	if (!ui_same(t->checks_lang, lang) && lang != NULL) {
		lex = checker_lexicon(t->checker, lang, &cause);
		if (lex == NULL && cause != NULL) {
			if (!ui_same(t->lexicon_error, cause))
				ui_message(t, _("Lexicon: %s"), cause);
			free(t->lexicon_error);
			t->lexicon_error = cause;
		}
	}
	check_spans_free(t->checks, t->nchecks);
	t->nchecks = checker_line(t->checker, text, lang, &t->checks);
	free(t->checks_text);
	free(t->checks_lang);
	t->checks_text = xstrdup(text);
	t->checks_lang = lang != NULL ? xstrdup(lang) : NULL;
}

void
ui_check_free(struct tui *t)
{
	check_spans_free(t->checks, t->nchecks);
	free(t->checks_text);
	free(t->checks_lang);
	free(t->lexicon_error);
	ui_complete_reset(t);
	checker_free(t->checker);
}

/* The attributes of the byte at off: the worst span over it. */
static attr_t
ui_check_attr(const struct tui *t, size_t off)
{
	attr_t	a = A_NORMAL;

	for (size_t i = 0; i < t->nchecks; i++) {
		const struct check_span *sp = &t->checks[i];

		if (off < sp->off || off >= sp->off + sp->len)
			continue;
		if (sp->kind != CHECK_OOV)
			return t->colors >= 8 ?
			    (attr_t)COLOR_PAIR(UI_PAIR_ERROR) | A_BOLD :
			    A_REVERSE;
		a = A_UNDERLINE | (t->colors >= 8 ?
		    (attr_t)COLOR_PAIR(UI_PAIR_OOV) : A_NORMAL);
	}
	return a;
}

static int
ui_size_cmp(const void *a, const void *b)
{
	size_t	x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Writes text from byte first, at most width columns, with the checks'
 * attributes; the checks must be of this text. Returns columns used.
 */
int
ui_put_checked(struct tui *t, int y, int x, const char *text, size_t first,
    int width)
{
	size_t	 len = strlen(text), *cut, ncut = 0;
	int	 used = 0;
	char	*part;

	cut = xcalloc(2 * t->nchecks + 2, sizeof *cut);
	cut[ncut++] = first;
	cut[ncut++] = len;
	for (size_t i = 0; i < t->nchecks; i++) {
		size_t	a = t->checks[i].off, b = a + t->checks[i].len;

		if (a > first && a < len)
			cut[ncut++] = a;
		if (b > first && b < len)
			cut[ncut++] = b;
	}
	qsort(cut, ncut, sizeof *cut, ui_size_cmp);
	for (size_t i = 0; i + 1 < ncut && used < width; i++) {
		if (cut[i + 1] == cut[i])
			continue;
		part = xstrndup(text + cut[i], cut[i + 1] - cut[i]);
		attrset(ui_check_attr(t, cut[i]));
		used += ui_put(t, y, x + used, part, width - used);
		attrset(A_NORMAL);
		free(part);
	}
	free(cut);
	return used;
}

/* What to say under the editor: the problem at the cursor, or a count. */
char *
ui_check_hint(struct tui *t, size_t cursor)
{
	const struct check_span	*at = NULL;
	size_t			 oov = 0, bad = 0;
	char			*keys, *sp, *hint;

	if (t->comp_active && t->ncomp > 0) {
		hint = xstrdup(_("Completions:"));
		for (size_t i = 0; i < t->ncomp; i++) {
			char	*tmp;

			xasprintf(&tmp, "%s %s%s%s", hint, i == t->comp_i ?
			    "[" : "", t->comp[i], i == t->comp_i ? "]" : "");
			free(hint);
			hint = tmp;
		}
		return hint;
	}
	for (size_t i = 0; i < t->nchecks; i++) {
		const struct check_span *c = &t->checks[i];

		if (c->kind == CHECK_OOV)
			oov++;
		else
			bad++;
		if (c->off <= cursor && (at == NULL || c->off >= at->off))
			at = c;
	}
	if (at == NULL && t->nchecks > 0)
		at = &t->checks[0];
	if (at == NULL)
		return NULL;
	if (at->kind != CHECK_OOV)
		return xstrdup(at->message);
	keys = keymap_keys(t->keys, ACTION_ADD_WORD);
	if ((sp = strchr(keys, ' ')) != NULL)
		*sp = '\0';
	xasprintf(&hint, _("%s [%s: add it; %zu unknown, %zu error(s)]"),
	    at->message, keys, oov, bad);
	free(keys);
	return hint;
}

/* ---- completion ---- */

void
ui_complete_reset(struct tui *t)
{
	if (t->comp_active)
		t->dirty |= UI_EDITOR;
	t->comp_active = 0;
	free(t->comp);
	free(t->comp_typed);
	t->comp = NULL;
	t->comp_typed = NULL;
	t->ncomp = 0;
}

/* Whether a byte may be part of a word being completed. */
static int
ui_word_byte(unsigned char ch)
{
	return ch >= 0x80 || (ch > ' ' && strchr("[]()<>%,.;:!?\"", ch) ==
	    NULL);
}

/* The language of the code-switch span (or segment) at a byte offset. */
static char *
ui_lang_at(const char *text, const char *lang, size_t off)
{
	struct markup	 m;
	char		*at = lang != NULL ? xstrdup(lang) : NULL;

	markup_parse(text, lang, &m);
	for (size_t i = 0; i < m.ntokens; i++) {
		if (m.tokens[i].off < off && m.tokens[i].lang != NULL) {
			free(at);
			at = xstrdup(m.tokens[i].lang);
		}
	}
	markup_free(&m);
	return at;
}

/* Replaces text[off, off + len) of the line with s; cursor after it. */
static void
ui_replace(struct editline *l, size_t off, size_t len, const char *s)
{
	char	*text;

	xasprintf(&text, "%.*s%s%s", (int)off, editline_text(l), s,
	    editline_text(l) + off + len);
	editline_set(l, text);
	l->cursor = off + strlen(s);
	free(text);
}

/* Finds candidates for the longest suffix of the word that has any. */
static void
ui_complete_find(struct tui *t, struct lexicon *lex, const char *text,
    size_t start, size_t cursor)
{
	const char	*out[UI_COMPLETIONS];
	size_t		 n;
	char		*prefix;

	for (size_t off = start; off < cursor; off++) {
		if (((unsigned char)text[off] & 0xc0) == 0x80)
			continue;
		prefix = xstrndup(text + off, cursor - off);
		n = lexicon_complete(lex, prefix, out, UI_COMPLETIONS);
		/* The word itself is no completion. */
		for (size_t i = 0; i < n; i++) {
			if (strcmp(out[i], prefix) == 0) {
				memmove(out + i, out + i + 1, (n - i - 1) *
				    sizeof *out);
				n--;
				break;
			}
		}
		free(prefix);
		if (n == 0)
			continue;
		t->comp = xcalloc(n + 1, sizeof *t->comp);
		memcpy(t->comp, out, n * sizeof *out);
		t->ncomp = n;
		t->comp_off = off;
		t->comp_len = cursor - off;
		t->comp_typed = xstrndup(text + off, cursor - off);
		t->comp_i = n;	/* "before the first": the typed text */
		return;
	}
}

void
ui_complete(struct tui *t)
{
	struct segment	*g = ui_current(t);
	struct lexicon	*lex;
	const char	*text, *repl;
	char		*lang, *cause = NULL;
	size_t		 start;

	if (!t->editing || g == NULL)
		return;
	text = editline_text(&t->line);
	if (!t->comp_active) {
		ui_complete_reset(t);
		for (start = t->line.cursor; start > 0 &&
		    ui_word_byte((unsigned char)text[start - 1]); start--)
			;
		lang = ui_lang_at(text, g->lang, t->line.cursor);
		lex = checker_lexicon(t->checker, lang, &cause);
		free(lang);
		if (lex == NULL) {
			ui_message(t, "%s", cause != NULL ? cause :
			    _("No lexicon for this language: nothing to "
			    "complete from."));
			free(cause);
			return;
		}
		if (start < t->line.cursor)
			ui_complete_find(t, lex, text, start, t->line.cursor);
		if (t->ncomp == 0) {
			ui_message(t, _("No lexicon word starts like that."));
			return;
		}
		t->comp_active = 1;
	}
	/* Cycle: each candidate, then what was typed. */
	t->comp_i = (t->comp_i + 1) % (t->ncomp + 1);
	repl = t->comp_i < t->ncomp ? t->comp[t->comp_i] : t->comp_typed;
	ui_replace(&t->line, t->comp_off, t->comp_len, repl);
	t->comp_len = strlen(repl);
	t->typed_ms = ui_now_ms();
	t->dirty |= UI_EDITOR;
}

/* ---- the project's own words ---- */

void
ui_add_word(struct tui *t)
{
	struct segment		*g = ui_current(t);
	const struct check_span	*at = NULL;
	struct lexicon		*lex;
	const char		*text;
	size_t			 cursor;
	char			*word, *lang, *cause = NULL;
	int			 rc;

	if (g == NULL)
		return;
	text = t->editing ? editline_text(&t->line) : g->text;
	cursor = t->editing ? t->line.cursor : strlen(text);
	ui_check(t, text, g->lang);
	for (size_t i = 0; i < t->nchecks; i++) {
		if (t->checks[i].kind != CHECK_OOV)
			continue;
		if (at == NULL || t->checks[i].off <= cursor)
			at = &t->checks[i];
	}
	if (at == NULL) {
		ui_message(t, _("No unknown word here: every word is in the "
		    "lexicon."));
		return;
	}
	word = xstrndup(text + at->off, at->len);
	lang = xstrdup(at->lang);
	if ((rc = store_word_add(t->store, lang, word, NULL, &cause)) < 0)
		ui_error(t, cause);
	else {
		if ((lex = checker_lexicon(t->checker, lang, &cause)) != NULL)
			lexicon_add(lex, word, NULL, -1);
		free(cause);
		ui_message(t, _("'%s' added to the project's %s words."), word,
		    lang);
		/* check again */
		free(t->checks_text);
		t->checks_text = NULL;
		t->dirty |= UI_EDITOR | UI_LIST;
	}
	free(word);
	free(lang);
}
