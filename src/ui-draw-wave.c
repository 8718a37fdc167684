/*
 * ui-draw-wave.c: the waveform (braille, or ASCII outside UTF-8), the time
 * ruler, speaker lanes, and the playhead.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "timecode.h"
#include "ui.h"
#include "xmalloc.h"

/* Braille dot bits: [sub-column][row from the top]. */
static const int ui_dots[2][4] = { { 0x01, 0x02, 0x04, 0x40 },
				   { 0x08, 0x10, 0x20, 0x80 } };

int64_t
ui_col_frame(const struct tui *t, int col)
{
	return t->view_from + t->view_span * col / (t->cols > 0 ? t->cols : 1);
}

static int
ui_frame_col(const struct tui *t, int64_t frame)
{
	if (frame < t->view_from || frame >= t->view_from + t->view_span)
		return -1;
	return (int)((frame - t->view_from) * t->cols / t->view_span);
}

/* Pages the view so that frame is on screen (no smooth scrolling: cheap). */
void
ui_ensure_visible(struct tui *t, int64_t frame)
{
	int64_t	total = t->recs[t->rec].frames;

	if (frame >= t->view_from && frame < t->view_from + t->view_span)
		return;
	t->view_from = frame - t->view_span / 10;
	if (t->view_from + t->view_span > total)
		t->view_from = total - t->view_span;
	if (t->view_from < 0)
		t->view_from = 0;
	t->dirty |= UI_WAVE;
}

/* Peak spans for the view: two per column in braille, one in ASCII. */
static void
ui_wave_spans(struct tui *t)
{
	int	 n = t->cols * (t->utf8 ? 2 : 1);
	char	*cause = NULL;

	if (t->spans != NULL && t->nspans == n && t->spans_from == t->view_from &&
	    t->spans_span == t->view_span)
		return;
	free(t->spans);
	t->spans = xcalloc((size_t)n, sizeof *t->spans);
	t->nspans = n;
	t->spans_from = t->view_from;
	t->spans_span = t->view_span;
	if (peaks_view(t->store, &t->recs[t->rec], -1, t->view_from,
	    t->view_from + t->view_span, n, t->spans, &cause) != 0)
		ui_error(t, cause);
}

/* The segment (index) covering a column, the current one first. */
static const struct segment *
ui_col_segment(struct tui *t, int col)
{
	int64_t	f = ui_col_frame(t, col);
	struct segment *cur = ui_current(t);

	if (cur != NULL && cur->start <= f && f < cur->end)
		return cur;
	for (size_t i = 0; i < t->nsegs; i++) {
		if (t->segs[i].start <= f && f < t->segs[i].end)
			return &t->segs[i];
	}
	return NULL;
}

static attr_t
ui_col_attr(struct tui *t, int col)
{
	const struct segment	*g = ui_col_segment(t, col);
	attr_t			 a = A_NORMAL;
	int			 pair;

	if (g == NULL)
		return A_DIM;
	pair = ui_speaker_pair(t, g->speaker);
	if (pair)
		a |= COLOR_PAIR(pair);
	if (g == ui_current(t))
		a |= A_BOLD;
	if (col == t->playhead_col)
		a |= A_REVERSE;
	return a;
}

/* Height in dot rows of a span's top and bottom around the centre. */
static void
ui_span_rows(const struct peak_span *sp, int rows, int *top, int *bot)
{
	int	half = rows / 2;

	*top = half - (int)(sp->max * (float)half + 0.5f);
	*bot = half + (int)(-sp->min * (float)half + 0.5f);
	if (*top > half - 1 && sp->max > 0.0f)
		*top = half - 1;
	if (*bot < half)
		*bot = half;
	if (*top < 0)
		*top = 0;
	if (*bot >= rows)
		*bot = rows - 1;
}

static void
ui_wave_col(struct tui *t, int col)
{
	int	 h = t->lay.wave_h, rows = h * (t->utf8 ? 4 : 1), top[2], bot[2];
	attr_t	 a = ui_col_attr(t, col);

	attrset(a);
	for (int k = 0; k < (t->utf8 ? 2 : 1); k++)
		ui_span_rows(&t->spans[t->utf8 ? 2 * col + k : col], rows,
		    &top[k], &bot[k]);
	for (int y = 0; y < h; y++) {
		if (!t->utf8) {
			mvaddch(t->lay.wave + y, col, y >= top[0] && y <= bot[0] ?
			    (y == h / 2 ? '+' : '|') : (y == h / 2 ? '-' : ' '));
			continue;
		}
		{
			int	 bits = 0;
			char	 buf[4];
			unsigned cp;

			for (int k = 0; k < 2; k++) {
				for (int r = 0; r < 4; r++) {
					int dy = y * 4 + r;

					if (dy >= top[k] && dy <= bot[k])
						bits |= ui_dots[k][r];
				}
			}
			cp = 0x2800 + (unsigned)bits;
			buf[0] = (char)(0xe0 | (cp >> 12));
			buf[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
			buf[2] = (char)(0x80 | (cp & 0x3f));
			buf[3] = '\0';
			mvaddstr(t->lay.wave + y, col, buf);
		}
	}
	attrset(A_NORMAL);
}

/* A tick step in seconds that leaves room for the labels. */
static double
ui_tick_step(const struct tui *t)
{
	static const double steps[] = { 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60,
	    120, 300, 600, 900, 1800, 3600 };
	double	span = (double)t->view_span / ui_rate(t);

	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		if (span / steps[i] * 10 <= t->cols)
			return steps[i];
	}
	return 7200;
}

static void
ui_draw_ruler(struct tui *t)
{
	double	 step = ui_tick_step(t), s;
	int	 y = t->lay.ruler, last = -1;
	char	 label[TIMECODE_BUFSIZE];

	move(y, 0);
	clrtoeol();
	s = (double)(int64_t)((double)t->view_from / ui_rate(t) / step) * step;
	for (; s * ui_rate(t) < (double)(t->view_from + t->view_span); s += step) {
		int	col = ui_frame_col(t, (int64_t)(s * ui_rate(t) + 0.5));
		int	ms = (int)(s * 1000 + 0.5), n;

		if (col < 0 || col <= last)
			continue;
		if (step < 1)
			n = snprintf(label, sizeof label, "|%d:%02d.%d", ms / 60000,
			    ms / 1000 % 60, ms / 100 % 10);
		else
			n = snprintf(label, sizeof label, "|%d:%02d", ms / 60000,
			    ms / 1000 % 60);
		if (col + n > t->cols)
			break;
		mvaddstr(y, col, label);
		last = col + n;
	}
}

/* "1 SPK1": the key that gives a segment this speaker, and the code. */
static const char *
ui_lane_label(const struct tui *t, const char *code, char *buf, size_t len)
{
	for (size_t i = 0; i < t->nspeakers && i < 9; i++) {
		if (strcmp(t->speakers[i].code, code) == 0) {
			snprintf(buf, len, "%zu %s", i + 1, code);
			return buf;
		}
	}
	return code;
}

static void
ui_draw_lanes(struct tui *t)
{
	char	label[80];

	for (int l = 0; l < t->lay.lanes_h; l++) {
		int y = t->lay.lanes + l;

		move(y, 0);
		clrtoeol();
		if ((size_t)l >= t->nlanes)
			continue;
		for (size_t i = 0; i < t->nsegs; i++) {
			const struct segment *g = &t->segs[i];
			int c0, c1, pair;

			if (g->speaker == NULL ||
			    strcmp(g->speaker, t->lane_codes[l]) != 0)
				continue;
			c0 = g->start <= t->view_from ? 0 : ui_frame_col(t, g->start);
			c1 = g->end >= t->view_from + t->view_span ? t->cols :
			    ui_frame_col(t, g->end);
			if (c0 < 0 || c1 < 0 || c1 <= c0)
				continue;
			pair = ui_speaker_pair(t, g->speaker);
			attrset((pair ? COLOR_PAIR(pair) : A_NORMAL) |
			    (g == ui_current(t) ? A_BOLD : A_NORMAL));
			for (int c = c0; c < c1 && c < t->cols; c++)
				mvaddstr(y, c, t->utf8 ? "\xe2\x96\x82" : "=");
			attrset(A_NORMAL);
		}
		/* The speaker's key and code at the left, over its lane. */
		attron(A_BOLD);
		ui_put(t, y, 0, ui_lane_label(t, t->lane_codes[l], label,
		    sizeof label), 12);
		attroff(A_BOLD);
	}
}

void
ui_draw_wave(struct tui *t)
{
	ui_wave_spans(t);
	t->playhead_col = ui_frame_col(t, t->playhead);
	for (int col = 0; col < t->cols; col++)
		ui_wave_col(t, col);
	ui_draw_ruler(t);
	ui_draw_lanes(t);
}

/* Moves the playhead: redraws the column it left and the one it is on. */
void
ui_draw_playhead(struct tui *t)
{
	int	col = ui_frame_col(t, t->playhead), old = t->playhead_col;

	if (col == old || t->spans == NULL)
		return;
	t->playhead_col = col;
	if (old >= 0 && old < t->cols)
		ui_wave_col(t, old);
	if (col >= 0)
		ui_wave_col(t, col);
}
