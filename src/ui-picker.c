/*
 * ui-picker.c: a type-to-filter list drawn over the segment list, for
 * choosing a speaker, a language or a dialect tag. Typing narrows the list
 * (by code or label, ignoring ASCII case); Up and Down move; Enter takes
 * the selection, or, where allowed, the typed text as a new code.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "text.h"
#include "ui.h"
#include "xmalloc.h"

static int
ui_pick_matches(const struct ui_pick_item *it, const char *q)
{
	if (*q == '\0')
		return 1;
	return strcasestr(it->code, q) != NULL ||
	    (it->label != NULL && strcasestr(it->label, q) != NULL);
}

/* Recomputes the items shown for the filter; keeps an exact match first. */
static void
ui_pick_refilter(struct ui_picker *p)
{
	const char	*q = editline_text(&p->filter);

	p->nshown = 0;
	for (size_t i = 0; i < p->nitems; i++) {
		if (ui_pick_matches(&p->items[i], q))
			p->shown[p->nshown++] = i;
	}
	p->sel = 0;
	for (size_t i = 0; i < p->nshown; i++) {
		if (strcasecmp(p->items[p->shown[i]].code, q) == 0) {
			p->sel = i;
			break;
		}
	}
}

void
ui_pick_begin(struct tui *t, const char *title, struct ui_pick_item *items,
    size_t n, int allow_new, void (*done)(struct tui *, const char *, int))
{
	struct ui_picker	*p = &t->pick;

	ui_pick_end(t);
	p->active = 1;
	p->title = title;
	p->items = items;
	p->nitems = n;
	p->shown = xcalloc(n + 1, sizeof *p->shown);
	p->allow_new = allow_new;
	p->done = done;
	editline_set(&p->filter, "");
	ui_pick_refilter(p);
	curs_set(1);
	t->dirty |= UI_LIST | UI_STATUS;
}

void
ui_pick_select(struct tui *t, const char *code)
{
	struct ui_picker	*p = &t->pick;

	for (size_t i = 0; i < p->nshown; i++) {
		if (strcmp(p->items[p->shown[i]].code, code) == 0) {
			p->sel = i;
			t->dirty |= UI_LIST;
			return;
		}
	}
}

void
ui_pick_end(struct tui *t)
{
	struct ui_picker	*p = &t->pick;

	for (size_t i = 0; i < p->nitems; i++) {
		free(p->items[i].code);
		free(p->items[i].label);
	}
	free(p->items);
	free(p->shown);
	p->items = NULL;
	p->shown = NULL;
	p->nitems = p->nshown = 0;
	if (p->active) {
		p->active = 0;
		curs_set(t->editing ? 1 : 0);
		t->dirty |= UI_ALL;
	}
}

/* Takes the selection (or the typed text) and closes the list. */
static void
ui_pick_choose(struct tui *t)
{
	struct ui_picker	*p = &t->pick;
	void			(*done)(struct tui *, const char *, int) = p->done;
	char			*code;
	int			 is_new = 0;

	if (p->nshown > 0)
		code = xstrdup(p->items[p->shown[p->sel]].code);
	else if (p->allow_new && *editline_text(&p->filter) != '\0') {
		code = xstrdup(editline_text(&p->filter));
		is_new = 1;
	} else {
		ui_message(t, _("Nothing matches; Backspace widens the list, "
		    "Escape closes it."));
		return;
	}
	ui_pick_end(t);
	done(t, code, is_new);
	free(code);
}

void
ui_pick_key(struct tui *t, key_code key)
{
	struct ui_picker	*p = &t->pick;
	char			*before;

	switch (key) {
	case KEYC_ESCAPE:
	case KEYC_CTRL | 'g':
		ui_pick_end(t);
		return;
	case KEYC_ENTER:
		ui_pick_choose(t);
		return;
	case KEYC_UP:
	case KEYC_CTRL | 'p':
		if (p->sel > 0)
			p->sel--;
		break;
	case KEYC_DOWN:
	case KEYC_CTRL | 'n':
		if (p->sel + 1 < p->nshown)
			p->sel++;
		break;
	default:
		before = xstrdup(editline_text(&p->filter));
		ui_edit_key(&p->filter, key);
		if (strcmp(before, editline_text(&p->filter)) != 0)
			ui_pick_refilter(p);
		free(before);
		break;
	}
	t->dirty |= UI_LIST | UI_STATUS;
}

void
ui_draw_pick(struct tui *t)
{
	struct ui_picker	*p = &t->pick;
	int			 h = t->lay.list_h, y0 = t->lay.list, top;
	char			*line;
	size_t			 i;

	for (int y = 0; y < h; y++) {
		move(y0 + y, 0);
		clrtoeol();
	}
	attron(A_REVERSE);
	mvhline(y0, 0, ' ', t->cols);
	xasprintf(&line, " %s %s", p->title, editline_text(&p->filter));
	t->cursor_x = ui_put(t, y0, 0, line, t->cols - 1);
	t->cursor_y = y0;
	free(line);
	attroff(A_REVERSE);
	if (p->nshown == 0) {
		ui_put(t, y0 + 1, 2, p->allow_new &&
		    *editline_text(&p->filter) != '\0' ?
		    _("No match: Enter adds it as a new one.") :
		    _("No match."), t->cols - 2);
		return;
	}
	top = (int)p->sel - (h - 1) / 2;
	if (top + (h - 1) > (int)p->nshown)
		top = (int)p->nshown - (h - 1);
	if (top < 0)
		top = 0;
	for (int y = 1; y < h && (i = (size_t)(top + y - 1)) < p->nshown; y++) {
		const struct ui_pick_item *it = &p->items[p->shown[i]];

		if (i == p->sel)
			attron(A_BOLD | A_REVERSE);
		mvhline(y0 + y, 0, ' ', t->cols);
		ui_put(t, y0 + y, 0, i == p->sel ? ">" : " ", 1);
		ui_put(t, y0 + y, 2, *it->code != '\0' ? it->code :
		    _("(none)"), 16);
		if (it->label != NULL && t->cols > 20)
			ui_put(t, y0 + y, 20, it->label, t->cols - 20);
		if (i == p->sel)
			attroff(A_BOLD | A_REVERSE);
	}
}
