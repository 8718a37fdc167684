/* ui-draw.c: layout, header, segment list, editor, status line, help. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "role.h"
#include "text.h"
#include "timecode.h"
#include "ui.h"
#include "xmalloc.h"

void
ui_layout(struct tui *t)
{
	struct ui_layout	*l = &t->lay;
	int			 free_rows;

	l->header = 0;
	l->wave = 1;
	/* Two passes above the editor: in review mode, and in a conflict. */
	l->diff_h = t->mode == UI_MODE_REVIEW || t->conflict ? 2 : 0;
	if (t->rows < UI_MIN_ROWS + l->diff_h)
		l->diff_h = 0;
	/* header, ruler, rule, editor x2, status, the passes */
	free_rows = t->rows - 6 - l->diff_h;
	l->wave_h = free_rows / 4;
	if (l->wave_h < 2)
		l->wave_h = 2;
	if (l->wave_h > 12)
		l->wave_h = 12;
	l->ruler = l->wave + l->wave_h;
	l->lanes = l->ruler + 1;
	l->lanes_h = t->nlanes < 1 ? 1 : (int)t->nlanes;
	if (l->lanes_h > UI_MAX_LANES)
		l->lanes_h = UI_MAX_LANES;
	l->list = l->lanes + l->lanes_h;
	l->status = t->rows - 1;
	l->editor = t->rows - 3;
	l->diff = l->editor - l->diff_h;
	l->rule = l->diff - 1;
	l->list_h = l->rule - l->list;
	free(t->spans);
	t->spans = NULL;
	t->nspans = 0;
	t->playhead_col = -1;
}

int
ui_put(struct tui *t, int y, int x, const char *text, int width)
{
	char	*s, *p;
	int	 w;

	if (width <= 0 || y < 0 || y >= t->rows)
		return 0;
	s = text_truncate(text, (size_t)width, !t->utf8);
	if (!t->utf8) {
		/* Outside UTF-8 every non-ASCII byte shows as '?'. */
		for (p = s; *p != '\0'; p++) {
			if ((unsigned char)*p >= 0x80)
				*p = '?';
		}
	}
	w = (int)text_width(s);
	mvaddstr(y, x, s);
	free(s);
	return w;
}

int
ui_speaker_pair(const struct tui *t, const char *code)
{
	if (code == NULL || t->colors < 8)
		return 0;
	for (size_t i = 0; i < t->nlanes; i++) {
		if (strcmp(t->lane_codes[i], code) == 0)
			return (int)(i % 6) + 1;
	}
	return 0;
}

static void
ui_draw_header(struct tui *t)
{
	char	 ph[TIMECODE_BUFSIZE], dur[TIMECODE_BUFSIZE], *line, stage[64];
	char	*mode;
	const struct store_recording *r = &t->recs[t->rec];
	const struct segment *g = ui_current(t);

	if (g != NULL)
		snprintf(stage, sizeof stage, _("  [%lld: %s]"), (long long)g->id,
		    segment_stage_name(g->stage));
	/* The queue mode, and the tasks' language and dialect if chosen. */
	if (t->mode == UI_MODE_TRANSCRIBE)
		mode = xstrdup("");
	else if (t->task_lang == NULL && t->task_dialect == NULL)
		mode = xprintf("%s  ", ui_mode_name(t->mode));
	else
		mode = xprintf("%s %s/%s  ", ui_mode_name(t->mode),
		    t->task_lang != NULL ? t->task_lang : _("any"),
		    t->task_dialect != NULL ? t->task_dialect : _("any"));
	move(t->lay.header, 0);
	clrtoeol();
	attron(A_REVERSE);
	mvhline(t->lay.header, 0, ' ', t->cols);
	xasprintf(&line, " %s  %s  %s / %s  %.1fx  %s (%s)  %s%s%s%s%s",
	    store_path(t->store), r->name,
	    timecode_hms(t->playhead, r->rate, ph),
	    timecode_hms(r->frames, r->rate, dur), t->speed,
	    store_login(t->store), role_name(t->role), mode, _("filter: "),
	    t->filter != NULL ? t->filter : _("all"),
	    g != NULL ? stage : "", t->playing ? _("  playing") : "");
	ui_put(t, t->lay.header, 0, line, t->cols);
	free(line);
	free(mode);
	attroff(A_REVERSE);
	snprintf(t->clock, sizeof t->clock, "%s", ph);
}

/* Columns of the segment list, by display width. */
static void
ui_draw_row(struct tui *t, int y, const struct segment *g, int current)
{
	char	 a[TIMECODE_BUFSIZE], b[TIMECODE_BUFSIZE], *left;
	int	 x, pair = ui_speaker_pair(t, g->speaker);

	if (current)
		attron(A_REVERSE);
	mvhline(y, 0, ' ', t->cols);
	xasprintf(&left, "%c%9s %9s ", current ? '>' : ' ',
	    timecode_sec(g->start, g->rate, a), timecode_sec(g->end, g->rate, b));
	x = ui_put(t, y, 0, left, t->cols);
	free(left);
	if (pair)
		attron(COLOR_PAIR(pair) | A_BOLD);
	x += ui_put(t, y, x, g->speaker != NULL ? g->speaker : "-", 8);
	if (pair)
		attroff(COLOR_PAIR(pair) | A_BOLD);
	x = x < 30 ? 30 : x + 1;
	x += ui_put(t, y, x, g->lang != NULL ? g->lang : "", 12);
	x = x < 43 ? 43 : x + 1;
	if (g->dialect != NULL)
		x += ui_put(t, y, x, g->dialect, 8) + 1;
	x += ui_put(t, y, x, segment_stage_name(g->stage), 12) + 1;
	if (x < 56)
		x = 56;
	ui_put(t, y, x, g->text != NULL ? g->text : "", t->cols - x);
	if (current)
		attroff(A_REVERSE);
}

void
ui_draw_list(struct tui *t)
{
	int	 h = t->lay.list_h, top;

	for (int y = 0; y < h; y++) {
		move(t->lay.list + y, 0);
		clrtoeol();
	}
	if (t->nsegs == 0 && t->mode != UI_MODE_TRANSCRIBE) {
		ui_put(t, t->lay.list, 2, _("Nothing of your queue in this "
		    "recording: the next-task key takes one from any."),
		    t->cols - 2);
		return;
	}
	if (t->nsegs == 0) {
		ui_put(t, t->lay.list, 2, _("No segments yet. Play (Tab), then "
		    "n makes one around the playhead."), t->cols - 2);
		return;
	}
	top = (int)t->cur - h / 2;
	if (top + h > (int)t->nsegs)
		top = (int)t->nsegs - h;
	if (top < 0)
		top = 0;
	for (int y = 0; y < h && top + y < (int)t->nsegs; y++)
		ui_draw_row(t, t->lay.list + y, &t->segs[top + y],
		    top + y == (int)t->cur);
}

static void
ui_draw_editor(struct tui *t)
{
	struct segment	*g = ui_current(t);
	char		*label, *hint, *before;
	const char	*text, *back;
	int		 x, y = t->lay.editor, width;
	size_t		 first, col;

	mvhline(t->lay.rule, 0, t->utf8 ? 0 : '-', t->cols);
	move(y, 0);
	clrtoeol();
	move(y + 1, 0);
	clrtoeol();
	t->cursor_y = -1;
	if (g == NULL)
		return;
	xasprintf(&label, "[%lld] %s %s%s%s: ", (long long)g->id,
	    g->speaker != NULL ? g->speaker : "-", g->lang != NULL ? g->lang : "",
	    g->dialect != NULL ? "/" : "", g->dialect != NULL ? g->dialect : "");
	attron(A_BOLD);
	x = ui_put(t, y, 0, label, t->cols / 3);
	attroff(A_BOLD);
	free(label);
	width = t->cols - x - 1;
	text = t->editing ? editline_text(&t->line) : g->text != NULL ?
	    g->text : "";
	ui_check(t, text, g->lang);
	first = t->editing ? editline_scroll(&t->line, (size_t)width,
	    &t->line_first) : 0;
	ui_put_checked(t, y, x, text, first, width);
	hint = ui_check_hint(t, t->editing ? t->line.cursor : strlen(text));
	if (hint != NULL) {
		attron(A_DIM);
		ui_put(t, y + 1, x, hint, t->cols - x);
		attroff(A_DIM);
		free(hint);
	} else if ((back = ui_back_note(t, g)) != NULL) {
		/* A rejected segment says why until it is changed. */
		attron(A_BOLD);
		ui_put(t, y + 1, x, back, t->cols - x);
		attroff(A_BOLD);
	}
	if (!t->editing)
		return;
	before = xstrndup(text + first, t->line.cursor - first);
	col = text_width(before);
	free(before);
	t->cursor_y = y;
	t->cursor_x = x + (int)col;
}

/*
 * The key to show for an action: while editing its first (a chord or a
 * function key, usable while typing), otherwise its last (the plain key).
 */
static char *
ui_key_hint(struct tui *t, enum action a)
{
	char	*keys = keymap_keys(t->keys, a), *sp, *hint;

	if (t->editing) {
		if ((sp = strchr(keys, ' ')) != NULL)
			*sp = '\0';
		return keys;
	}
	hint = xstrdup((sp = strrchr(keys, ' ')) != NULL ? sp + 1 : keys);
	free(keys);
	return hint;
}

static void
ui_draw_status(struct tui *t)
{
	static const enum action nav[] = { ACTION_PLAY_PAUSE, ACTION_EDIT,
	    ACTION_NEW_SEGMENT, ACTION_SPLIT, ACTION_UNDO, ACTION_HELP,
	    ACTION_QUIT };
	static const enum action edit[] = { ACTION_COMMIT, ACTION_CANCEL,
	    ACTION_PLAY_PAUSE, ACTION_REPLAY, ACTION_PLAY_SEGMENT,
	    ACTION_SEEK_BACK, ACTION_SEEK_FORWARD };
	static const enum action review[] = { ACTION_NEXT_TASK,
	    ACTION_PLAY_SEGMENT, ACTION_EDIT, ACTION_ACCEPT, ACTION_REJECT,
	    ACTION_HELP, ACTION_QUIT };
	static const enum action review_edit[] = { ACTION_COMMIT,
	    ACTION_ACCEPT, ACTION_CANCEL, ACTION_PLAY_SEGMENT, ACTION_REPLAY,
	    ACTION_PLAY_PAUSE };
	static const enum action linguist[] = { ACTION_NEXT_TASK,
	    ACTION_PLAY_SEGMENT, ACTION_CONFIRM, ACTION_PICK_LANGUAGE,
	    ACTION_PICK_DIALECT, ACTION_TASK_FILTER, ACTION_QUIT };
	static const struct {
		const enum action	*list;
		size_t			 n;
	} hints[][2] = {	/* by mode: not editing, editing */
		{ { nav, sizeof nav / sizeof nav[0] },
		  { edit, sizeof edit / sizeof edit[0] } },
		{ { review, sizeof review / sizeof review[0] },
		  { review_edit, sizeof review_edit / sizeof review_edit[0] } },
		{ { linguist, sizeof linguist / sizeof linguist[0] },
		  { edit, sizeof edit / sizeof edit[0] } },
	};
	const enum action *list = hints[t->mode][t->editing != 0].list;
	size_t		 n = hints[t->mode][t->editing != 0].n;
	char		*line = xstrdup(""), *k, *tmp;
	int		 y = t->lay.status;

	move(y, 0);
	clrtoeol();
	if (t->prompt.active) {
		int	x = ui_put(t, y, 0, t->prompt.label, t->cols / 2);
		size_t	f = editline_scroll(&t->prompt.line,
			    (size_t)(t->cols - x - 1), &t->prompt.first);

		char	*before = xstrndup(editline_text(&t->prompt.line) + f,
			    t->prompt.line.cursor - f);

		ui_put(t, y, x, editline_text(&t->prompt.line) + f,
		    t->cols - x - 1);
		t->cursor_y = y;
		t->cursor_x = x + (int)text_width(before);
		free(before);
		free(line);
		return;
	}
	if (t->message != NULL) {
		attron(A_BOLD);
		ui_put(t, y, 0, t->message, t->cols);
		attroff(A_BOLD);
		free(line);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		k = ui_key_hint(t, list[i]);
		xasprintf(&tmp, "%s%s %s  ", line, k, action_info(list[i])->name);
		free(k);
		free(line);
		line = tmp;
	}
	attron(A_DIM);
	ui_put(t, y, 0, line, t->cols);
	attroff(A_DIM);
	free(line);
}

void
ui_draw_help(struct tui *t)
{
	char	*keys, *line;
	int	 y = 1, rows = t->rows - 2;

	erase();
	attron(A_REVERSE);
	mvhline(0, 0, ' ', t->cols);
	ui_put(t, 0, 1, _("Keys (any other key closes; Up/Down scroll)"),
	    t->cols - 2);
	attroff(A_REVERSE);
	for (int a = t->help_top; a < ACTION_COUNT && y <= rows; a++, y++) {
		keys = keymap_keys(t->keys, (enum action)a);
		xasprintf(&line, "%-20s %-18s %s", action_info((enum action)a)->name,
		    keys, _(action_info((enum action)a)->description));
		ui_put(t, y, 1, line, t->cols - 2);
		free(line);
		free(keys);
	}
	if (y <= rows)
		ui_put(t, y + 1, 1, _("While editing, letters type; Left/Right, "
		    "C-a/C-e, M-b/M-f, C-w, C-k, C-u edit the line."),
		    t->cols - 2);
}

static void
ui_draw_small(struct tui *t)
{
	const char	*msg = _("terminal too small");

	erase();
	mvaddstr(t->rows / 2, t->cols > 18 ? (t->cols - 18) / 2 : 0, msg);
}

void
ui_draw(struct tui *t)
{
	if (t->dirty == 0)
		return;
	if (t->rows < UI_MIN_ROWS || t->cols < UI_MIN_COLS) {
		ui_draw_small(t);
		t->dirty = 0;
		refresh();
		return;
	}
	if (t->help) {
		ui_draw_help(t);
		t->dirty = 0;
		refresh();
		return;
	}
	if (t->dirty & (UI_HEADER | UI_PLAYHEAD))
		ui_draw_header(t);
	if (t->dirty & UI_WAVE)
		ui_draw_wave(t);
	else if (t->dirty & UI_PLAYHEAD)
		ui_draw_playhead(t);
	if ((t->dirty & UI_LIST) && !t->pick.active)
		ui_draw_list(t);
	if (t->dirty & UI_STATUS)
		ui_draw_status(t);
	if (t->dirty & (UI_EDITOR | UI_STATUS)) {
		ui_draw_diff(t);
		ui_draw_editor(t);
	}
	if (t->prompt.active)
		ui_draw_status(t);
	if (t->pick.active)
		ui_draw_pick(t);
	if ((t->editing || t->prompt.active || t->pick.active) &&
	    t->cursor_y >= 0)
		move(t->cursor_y, t->cursor_x);
	t->dirty = 0;
	refresh();
}
