/* ui-actions.c: what each action of the screen does, through the engine. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "text.h"
#include "timecode.h"
#include "ui.h"
#include "xmalloc.h"

#define UI_SEEK_SEC	2.0
#define UI_REPLAY_SEC	3.0
#define UI_NUDGE_SEC	0.05
#define UI_AROUND_SEC	2.0	/* new segment around the playhead */
#define UI_SNAP_SEC	0.25	/* how far a boundary may move to a quiet point */
#define UI_DRAFT_IDLE_MS 800	/* save a draft this long after a keystroke */
#define UI_DRAFT_MAX_MS	2000	/* and at least this often while typing */
#define UI_MIN_SEGMENT	0.1

/* ---- playback ---- */

void
ui_play(struct tui *t, int64_t from, int64_t to)
{
	struct player_request	rq;
	char			*cause = NULL;
	int			 rc;

	memset(&rq, 0, sizeof rq);
	rq.path = t->rec_path;
	rq.from = from;
	rq.to = to;
	rq.speed = t->speed;
	rq.channel = -1;
	if ((rc = player_play(t->player, &rq, &cause)) != 0) {
		t->playing = 0;
		ui_error(t, cause);
		return;
	}
	t->playing = 1;
	t->playhead = from;
	t->dirty |= UI_PLAYHEAD | UI_HEADER;
}

void
ui_stop(struct tui *t)
{
	if (!t->playing)
		return;
	t->playhead = player_position(t->player);
	player_stop(t->player);
	t->playing = 0;
	t->dirty |= UI_PLAYHEAD | UI_HEADER;
}

/* Called every pass of the loop: follows the playhead, loops, ends. */
void
ui_tick(struct tui *t)
{
	int64_t	pos;

	if (!t->playing)
		return;
	/* Listening is working. */
	worktime_touch(&t->work, ui_now_ms());
	pos = player_position(t->player);
	if (pos != t->playhead) {
		t->playhead = pos;
		t->dirty |= UI_PLAYHEAD;
		ui_ensure_visible(t, pos);
	}
	if (player_active(t->player))
		return;
	t->playing = 0;
	t->dirty |= UI_PLAYHEAD | UI_HEADER;
	if (t->looping)
		ui_play(t, t->loop_from, t->loop_to);
}

/* Restarts playback where it is, after a change of speed or position. */
static void
ui_replay_from(struct tui *t, int64_t from)
{
	int64_t	end = t->recs[t->rec].frames;

	if (from < 0)
		from = 0;
	if (from >= end)
		from = end - 1;
	if (t->playing)
		ui_play(t, from, t->looping ? t->loop_to : 0);
	else {
		t->playhead = from;
		t->dirty |= UI_PLAYHEAD;
	}
	ui_ensure_visible(t, from);
}

static void
act_play_pause(struct tui *t)
{
	int64_t	back;

	ui_draft_save(t, 1);
	if (t->playing) {
		ui_stop(t);
		back = ui_sec(t, t->opt.rewind);
		t->playhead = t->playhead > back ? t->playhead - back : 0;
		t->looping = 0;
		return;
	}
	if (t->playhead >= t->recs[t->rec].frames)
		t->playhead = 0;
	ui_play(t, t->playhead, 0);
}

static void
act_play_segment(struct tui *t)
{
	struct segment	*g = ui_current(t);

	ui_draft_save(t, 1);
	if (g == NULL)
		return;
	t->looping = 0;
	ui_play(t, g->start, g->end);
}

static void
act_loop_segment(struct tui *t)
{
	struct segment	*g = ui_current(t);

	ui_draft_save(t, 1);
	if (g == NULL)
		return;
	if (t->looping) {
		t->looping = 0;
		ui_stop(t);
		ui_message(t, _("Loop off."));
		return;
	}
	t->looping = 1;
	t->loop_from = g->start;
	t->loop_to = g->end;
	ui_play(t, g->start, g->end);
	ui_message(t, _("Looping the segment; the same key stops."));
}

static void
act_replay(struct tui *t)
{
	int64_t	ph = t->playing ? player_position(t->player) : t->playhead;

	ui_draft_save(t, 1);
	t->looping = 0;
	ui_play(t, ph > ui_sec(t, UI_REPLAY_SEC) ? ph - ui_sec(t, UI_REPLAY_SEC) :
	    0, 0);
}

static void
act_seek(struct tui *t, double sec)
{
	int64_t	ph = t->playing ? player_position(t->player) : t->playhead;

	ui_draft_save(t, 1);
	ui_replay_from(t, ph + ui_sec(t, sec));
}

static void
act_seek_back(struct tui *t)
{
	act_seek(t, -UI_SEEK_SEC);
}

static void
act_seek_forward(struct tui *t)
{
	act_seek(t, UI_SEEK_SEC);
}

static void
act_speed(struct tui *t, double step)
{
	double	s = t->speed + step;

	if (s < PLAYER_SPEED_MIN - 0.001 || s > PLAYER_SPEED_MAX + 0.001) {
		beep();
		return;
	}
	t->speed = (double)(int)(s * 10 + 0.5) / 10;
	t->dirty |= UI_HEADER;
	if (t->playing)
		ui_replay_from(t, player_position(t->player));
}

static void
act_slower(struct tui *t)
{
	act_speed(t, -0.1);
}

static void
act_faster(struct tui *t)
{
	act_speed(t, 0.1);
}

/* ---- moving between segments ---- */

/* Leaves the editor, keeping the text: committed if it changed. */
static int
ui_edit_leave(struct tui *t)
{
	if (!t->editing)
		return 0;
	return ui_edit_commit(t);
}

void
ui_select(struct tui *t, size_t i)
{
	if (t->nsegs == 0)
		return;
	if (ui_edit_leave(t) != 0)
		return;
	t->cur = i;
	t->playhead = t->segs[i].start;
	ui_ensure_visible(t, t->segs[i].start);
	t->dirty |= UI_LIST | UI_WAVE | UI_EDITOR | UI_PLAYHEAD;
	if (t->playing)
		ui_play(t, t->segs[i].start, t->segs[i].end);
}

static void
act_prev_segment(struct tui *t)
{
	if (t->nsegs > 0 && t->cur > 0)
		ui_select(t, t->cur - 1);
}

static void
act_next_segment(struct tui *t)
{
	if (t->nsegs > 0 && t->cur + 1 < t->nsegs)
		ui_select(t, t->cur + 1);
}

/* The segment under a frame (the last one starting before it). */
static size_t
ui_segment_at(struct tui *t, int64_t frame)
{
	size_t	best = t->cur;

	for (size_t i = 0; i < t->nsegs; i++) {
		if (t->segs[i].start <= frame && frame < t->segs[i].end)
			return i;
		if (t->segs[i].start <= frame)
			best = i;
	}
	return best;
}

static void
ui_goto_done(struct tui *t, const char *text)
{
	int64_t	 f;
	char	*cause = NULL;

	if (timecode_parse(text, ui_rate(t), &f, &cause) != 0) {
		ui_error(t, cause);
		return;
	}
	if (f > t->recs[t->rec].frames)
		f = t->recs[t->rec].frames;
	if (t->nsegs > 0)
		ui_select(t, ui_segment_at(t, f));
	ui_replay_from(t, f);
}

static void
act_goto_time(struct tui *t)
{
	ui_prompt_begin(t, _("Go to time: "), ui_goto_done);
}

static void
ui_search_done(struct tui *t, const char *text)
{
	if (*text != '\0') {
		free(t->search);
		t->search = xstrdup(text);
	}
	if (t->search == NULL)
		return;
	for (size_t k = 1; k <= t->nsegs; k++) {
		size_t i = (t->cur + k) % t->nsegs;

		if (t->segs[i].text != NULL &&
		    strcasestr(t->segs[i].text, t->search) != NULL) {
			ui_select(t, i);
			return;
		}
	}
	ui_message(t, _("Not found: %s"), t->search);
}

static void
act_search(struct tui *t)
{
	ui_prompt_begin(t, _("Find text: "), ui_search_done);
}

static void
ui_filter_done(struct tui *t, const char *text)
{
	free(t->filter);
	t->filter = *text != '\0' ? xstrdup(text) : NULL;
	ui_reload(t, 0);
	if (t->filter != NULL && t->nsegs == 0)
		ui_message(t, _("No segment matches \"%s\"; F and Enter on an "
		    "empty line shows them all."), t->filter);
}

static void
act_filter(struct tui *t)
{
	if (ui_edit_leave(t) != 0)
		return;
	ui_prompt_begin(t, _("Show segments containing (empty: all): "),
	    ui_filter_done);
}

/* ---- changing segments ---- */

/* Records a one-segment change for undo; before may be a deleted copy. */
static void
ui_record(struct tui *t, const struct segment *before,
    const struct segment *after)
{
	history_record(&t->hist, before, after, 1);
}

void
ui_work_note(struct tui *t, int64_t id)
{
	store_set_work_ms(t->store, worktime_ms(&t->work, id, ui_now_ms()));
}

void
ui_work_done(struct tui *t, int64_t id, int ok)
{
	if (!ok)
		store_set_work_ms(t->store, 0);
	else if (id == t->work.subject)
		worktime_start(&t->work, id, ui_now_ms());
}

/* Writes g (changed in place from the stored state) and records it. */
static int
ui_write(struct tui *t, struct segment *g, const char *action)
{
	struct segment	before;
	char		*cause = NULL;
	int		 rc;

	if (store_segment_get(t->store, g->id, &before, &cause) != 0) {
		ui_error(t, cause);
		return -1;
	}
	ui_work_note(t, g->id);
	rc = store_segment_update(t->store, g, action, &cause);
	ui_work_done(t, g->id, rc == 0);
	if (rc != 0) {
		ui_error(t, cause);
		segment_clear(&before);
		ui_reload(t, g->id);
		return rc;
	}
	/* before carries the version the change replaced */
	ui_record(t, &before, g);
	segment_clear(&before);
	return 0;
}

static void
act_mark_start(struct tui *t)
{
	t->mark = t->playing ? player_position(t->player) : t->playhead;
	ui_message(t, _("Start marked; the new-segment key ends it at the "
	    "playhead."));
	t->dirty |= UI_WAVE;
}

/* A new segment [from, to) of the recording shown, then edit it. */
static void
ui_create(struct tui *t, int64_t from, int64_t to)
{
	struct segment	 g, before;
	struct segment	*prev = ui_current(t);
	char		*cause = NULL;

	memset(&g, 0, sizeof g);
	g.recording_id = t->recs[t->rec].id;
	g.channel = 0;
	g.start = from;
	g.end = to;
	g.text = xstrdup("");
	if (t->recs[t->rec].channels > 1)
		g.channel = -1;
	if (t->recs[t->rec].lang != NULL)
		g.lang = xstrdup(t->recs[t->rec].lang);
	if (prev != NULL && prev->lang != NULL) {
		free(g.lang);
		g.lang = xstrdup(prev->lang);
	}
	if (store_segment_add(t->store, &g, &cause) != 0) {
		ui_error(t, cause);
		segment_clear(&g);
		return;
	}
	segment_copy(&before, &g);
	before.deleted = 1;
	ui_record(t, &before, &g);
	segment_clear(&before);
	t->mark = -1;
	ui_reload(t, g.id);
	segment_clear(&g);
	ui_edit_begin(t);
}

static void
act_new_segment(struct tui *t)
{
	int64_t	ph = t->playing ? player_position(t->player) : t->playhead;
	int64_t	from, to, around = ui_sec(t, UI_AROUND_SEC);

	if (ui_edit_leave(t) != 0)
		return;
	if (t->mark >= 0 && t->mark < ph) {
		ui_create(t, t->mark, ph);
		return;
	}
	/* Around the playhead, up to the neighbours. */
	from = ph > around ? ph - around : 0;
	to = ph + around < t->recs[t->rec].frames ? ph + around :
	    t->recs[t->rec].frames;
	for (size_t i = 0; i < t->nsegs; i++) {
		if (t->segs[i].end <= ph && t->segs[i].end > from)
			from = t->segs[i].end;
		if (t->segs[i].start >= ph && t->segs[i].start < to)
			to = t->segs[i].start;
	}
	if (to - from < ui_sec(t, UI_MIN_SEGMENT)) {
		ui_message(t, _("No room for a segment here; mark a start (m) "
		    "and try again at its end."));
		return;
	}
	ui_create(t, from, to);
}

static void
act_split(struct tui *t)
{
	struct segment	*g = ui_current(t), before[2], after[2];
	int64_t		 at = t->playing ? player_position(t->player) :
			    t->playhead;
	char		*left, *right, *cause = NULL;
	const char	*text;
	size_t		 cut;

	if (g == NULL)
		return;
	if (at <= g->start || at >= g->end) {
		ui_message(t, _("Put the playhead inside the segment to split "
		    "it there."));
		return;
	}
	/* While editing, the text splits at the cursor too. */
	text = t->editing ? editline_text(&t->line) : g->text;
	cut = t->editing ? t->line.cursor : strlen(text);
	left = xstrndup(text, cut);
	right = xstrdup(text + cut);
	segment_copy(&before[0], g);
	if (store_segment_split(t->store, g, at, left, right, &after[1],
	    &cause) != 0) {
		ui_error(t, cause);
		segment_clear(&before[0]);
	} else {
		segment_copy(&after[0], g);
		segment_copy(&before[1], &after[1]);
		before[1].deleted = 1;
		history_record(&t->hist, before, after, 2);
		for (int i = 0; i < 2; i++) {
			segment_clear(&before[i]);
			segment_clear(&after[i]);
		}
		if (t->editing) {
			t->editing = 0;
			store_draft_clear(t->store, t->edit_id, &cause);
			free(cause);
			curs_set(0);
		}
	}
	free(left);
	free(right);
	ui_reload(t, 0);
}

static void
act_merge_next(struct tui *t)
{
	struct segment	 before[2], *a, *b;
	char		*cause = NULL;

	if (t->nsegs < 2 || t->cur + 1 >= t->nsegs || ui_edit_leave(t) != 0)
		return;
	a = &t->segs[t->cur];
	b = &t->segs[t->cur + 1];
	segment_copy(&before[0], a);
	segment_copy(&before[1], b);
	if (store_segment_merge(t->store, a, b, &cause) != 0)
		ui_error(t, cause);
	else
		history_record(&t->hist, before, a, 2);
	segment_clear(&before[0]);
	segment_clear(&before[1]);
	ui_reload(t, a->id);
}

static void
act_delete_segment(struct tui *t)
{
	struct segment	*g = ui_current(t), before;
	char		*cause = NULL;

	if (g == NULL)
		return;
	if (t->editing) {
		t->editing = 0;
		store_draft_clear(t->store, t->edit_id, &cause);
		free(cause);
		cause = NULL;
		curs_set(0);
	}
	segment_copy(&before, g);
	if (store_segment_delete(t->store, g, &cause) != 0)
		ui_error(t, cause);
	else {
		ui_record(t, &before, g);
		ui_message(t, _("Segment deleted; undo brings it back."));
	}
	segment_clear(&before);
	ui_reload(t, t->cur + 1 < t->nsegs ? t->segs[t->cur + 1].id :
	    (t->cur > 0 ? t->segs[t->cur - 1].id : 0));
}

static void
ui_nudge(struct tui *t, int which, double sec)
{
	struct segment	*g = ui_current(t);
	int64_t		 d = ui_sec(t, sec), *edge;

	if (g == NULL)
		return;
	edge = which == 0 ? &g->start : &g->end;
	*edge += d;
	if (g->end - g->start < ui_sec(t, UI_MIN_SEGMENT) || g->start < 0 ||
	    g->end > t->recs[t->rec].frames) {
		*edge -= d;
		beep();
		return;
	}
	if (ui_write(t, g, "nudge") == 0)
		t->dirty |= UI_LIST | UI_WAVE;
}

static void
act_nudge_start_earlier(struct tui *t)
{
	ui_nudge(t, 0, -UI_NUDGE_SEC);
}

static void
act_nudge_start_later(struct tui *t)
{
	ui_nudge(t, 0, UI_NUDGE_SEC);
}

static void
act_nudge_end_earlier(struct tui *t)
{
	ui_nudge(t, 1, -UI_NUDGE_SEC);
}

static void
act_nudge_end_later(struct tui *t)
{
	ui_nudge(t, 1, UI_NUDGE_SEC);
}

static void
act_snap(struct tui *t)
{
	struct segment	*g = ui_current(t);
	int64_t		 s, e, r = ui_sec(t, UI_SNAP_SEC);
	char		*cause = NULL;

	if (g == NULL)
		return;
	if (peaks_quiet(t->store, &t->recs[t->rec], g->start, r, &s,
	    &cause) != 0 || peaks_quiet(t->store, &t->recs[t->rec], g->end, r,
	    &e, &cause) != 0) {
		ui_error(t, cause);
		return;
	}
	if (e - s < ui_sec(t, UI_MIN_SEGMENT) || (s == g->start && e == g->end)) {
		ui_message(t, _("The boundaries are at quiet points already."));
		return;
	}
	g->start = s;
	g->end = e;
	if (ui_write(t, g, "snap") == 0) {
		ui_message(t, _("Boundaries moved to the nearest quiet points."));
		t->dirty |= UI_LIST | UI_WAVE;
	}
}

/* ---- text ---- */

void
ui_edit_begin(struct tui *t)
{
	struct segment		*g = ui_current(t);
	struct store_draft	*d;
	size_t			 n;
	char			*cause = NULL;

	if (g == NULL) {
		ui_message(t, _("No segment here yet: n makes one around the "
		    "playhead."));
		return;
	}
	t->editing = 1;
	t->edit_id = g->id;
	t->edit_version = g->version;
	t->conflict = 0;
	editline_set(&t->line, g->text != NULL ? g->text : "");
	free(t->draft_saved);
	t->draft_saved = xstrdup(editline_text(&t->line));
	if (store_draft_list(t->store, &d, &n, &cause) == 0) {
		for (size_t i = 0; i < n; i++) {
			if (d[i].segment_id == g->id) {
				editline_set(&t->line, d[i].text);
				free(t->draft_saved);
				t->draft_saved = xstrdup(d[i].text);
			}
		}
		store_draft_list_free(d, n);
	} else
		ui_error(t, cause);
	t->line_first = 0;
	curs_set(1);
	t->dirty |= UI_EDITOR | UI_STATUS | UI_LIST;
}

/* Saves the text being typed as a draft, if it changed and it is time. */
void
ui_draft_save(struct tui *t, int force)
{
	const char	*text;
	int64_t		 now = ui_now_ms();
	char		*cause = NULL;

	if (!t->editing)
		return;
	text = editline_text(&t->line);
	if (t->draft_saved != NULL && strcmp(text, t->draft_saved) == 0)
		return;
	if (!force && now - t->typed_ms < UI_DRAFT_IDLE_MS &&
	    now - t->draft_ms < UI_DRAFT_MAX_MS)
		return;
	if (store_draft_save(t->store, t->edit_id, t->edit_version, text,
	    &cause) != 0) {
		ui_error(t, cause);
		return;
	}
	free(t->draft_saved);
	t->draft_saved = xstrdup(text);
	t->draft_ms = now;
}

void
ui_conflict(struct tui *t, const char *theirs, const char *who)
{
	free(t->theirs);
	free(t->theirs_who);
	t->theirs = theirs != NULL ? xstrdup(theirs) : NULL;
	t->theirs_who = who != NULL ? xstrdup(who) : NULL;
	if (t->conflict != (theirs != NULL)) {
		t->conflict = theirs != NULL;
		ui_layout(t);
		t->dirty |= UI_ALL;
	}
}

static void
ui_edit_end(struct tui *t)
{
	char	*cause = NULL;

	if (store_draft_clear(t->store, t->edit_id, &cause) != 0)
		ui_error(t, cause);
	t->editing = 0;
	ui_conflict(t, NULL, NULL);
	curs_set(0);
	t->dirty |= UI_EDITOR | UI_STATUS | UI_LIST;
}

/*
 * Someone else stored the segment since the text was based on it: both
 * versions are shown, the typed text stays a draft until the person
 * chooses, and the next commit writes theirs over.
 */
static void
ui_edit_conflict(struct tui *t, const struct segment *g)
{
	char	*who = store_segment_author(t->store, g->id);

	ui_draft_save(t, 1);
	ui_conflict(t, g->text, who);
	ui_message(t, _("%s changed this segment meanwhile (both versions "
	    "above): Enter keeps yours on top of theirs, Escape takes "
	    "theirs."), who);
	free(who);
	t->edit_version = g->version;
}

/* Writes the text; on a conflict keeps it and explains. Returns 0 if left. */
int
ui_edit_commit(struct tui *t)
{
	struct segment	 g, before;
	const char	*text = editline_text(&t->line);
	char		*cause = NULL;
	int		 rc;

	if (store_segment_get(t->store, t->edit_id, &g, &cause) != 0) {
		ui_error(t, cause);
		return -1;
	}
	if (strcmp(g.text, text) == 0 && g.version == t->edit_version) {
		segment_clear(&g);
		ui_edit_end(t);
		return 0;
	}
	if (g.version != t->edit_version) {
		ui_edit_conflict(t, &g);
		segment_clear(&g);
		return -1;
	}
	segment_copy(&before, &g);
	free(g.text);
	g.text = xstrdup(text);
	if (*text != '\0' && g.stage == STAGE_NEW)
		g.stage = STAGE_TRANSCRIBED;
	ui_work_note(t, g.id);
	rc = store_segment_update(t->store, &g, "edit", &cause);
	ui_work_done(t, g.id, rc == 0);
	if (rc != 0)
		ui_error(t, cause);
	else {
		if (t->conflict)
			ui_message(t, _("Yours is saved, on top of theirs (both "
			    "are in the history)."));
		before.version = t->edit_version;
		ui_record(t, &before, &g);
		ui_edit_end(t);
		ui_reload(t, g.id);
	}
	segment_clear(&before);
	segment_clear(&g);
	return rc == 0 ? 0 : -1;
}

static void
act_edit(struct tui *t)
{
	if (!t->editing)
		ui_edit_begin(t);
}

static void
act_commit(struct tui *t)
{
	if (t->editing)
		ui_edit_commit(t);
}

static void
act_cancel(struct tui *t)
{
	if (t->editing) {
		if (t->conflict)
			ui_message(t, _("Their text is kept; yours is dropped."));
		else
			ui_message(t, _("Edit cancelled; the stored text is "
			    "unchanged."));
		ui_edit_end(t);
		ui_reload(t, 0);
	} else if (t->looping || t->playing) {
		t->looping = 0;
		ui_stop(t);
	}
}

static void
ui_history(struct tui *t, int redo)
{
	int64_t	 changed = 0;
	char	*cause = NULL;
	int	 rc;

	if (t->editing && ui_edit_leave(t) != 0)
		return;
	rc = redo ? history_redo(&t->hist, t->store, &changed, &cause) :
	    history_undo(&t->hist, t->store, &changed, &cause);
	if (rc == 1)
		ui_message(t, redo ? _("Nothing to redo.") :
		    _("Nothing to undo."));
	else if (rc != 0)
		ui_error(t, cause);
	else
		ui_message(t, redo ? _("Redone.") : _("Undone."));
	ui_reload(t, changed);
}

static void
act_undo(struct tui *t)
{
	ui_history(t, 0);
}

static void
act_redo(struct tui *t)
{
	ui_history(t, 1);
}

/* ---- view ---- */

static void
ui_zoom(struct tui *t, int in)
{
	int64_t	total = t->recs[t->rec].frames;
	int64_t	min = ui_sec(t, 0.01) * (t->cols > 0 ? t->cols : 80);
	int64_t	span = in ? t->view_span / 2 : t->view_span * 2;
	int64_t	centre = t->playhead;

	if (span < min)
		span = min;
	if (span > total)
		span = total;
	t->view_span = span;
	t->view_from = centre - span / 2;
	if (t->view_from + span > total)
		t->view_from = total - span;
	if (t->view_from < 0)
		t->view_from = 0;
	t->dirty |= UI_WAVE | UI_HEADER;
}

static void
act_zoom_in(struct tui *t)
{
	ui_zoom(t, 1);
}

static void
act_zoom_out(struct tui *t)
{
	ui_zoom(t, 0);
}

static void
act_help(struct tui *t)
{
	t->help = !t->help;
	t->help_top = 0;
	t->dirty |= UI_ALL;
}

static void
act_quit(struct tui *t)
{
	ui_draft_save(t, 1);
	t->quit = 1;
}

void
ui_prompt_begin(struct tui *t, const char *label,
    void (*done)(struct tui *, const char *))
{
	t->prompt.active = 1;
	t->prompt.label = label;
	t->prompt.done = done;
	t->prompt.first = 0;
	editline_set(&t->prompt.line, "");
	curs_set(1);
	t->dirty |= UI_STATUS;
}

/* ---- speakers, languages, dialects (ui-tags.c) ---- */

static void
act_pick_speaker(struct tui *t)
{
	ui_pick_speaker(t);
}

static void
act_pick_language(struct tui *t)
{
	ui_pick_language(t);
}

static void
act_pick_dialect(struct tui *t)
{
	ui_pick_dialect(t);
}

static void
act_complete(struct tui *t)
{
	ui_complete(t);
}

static void
act_add_word(struct tui *t)
{
	ui_add_word(t);
}

/* ---- review passes (ui-review.c) ---- */

static void
act_next_task(struct tui *t)
{
	ui_next_task(t, NULL);
}

static void
act_accept(struct tui *t)
{
	ui_accept(t);
}

static void
act_reject(struct tui *t)
{
	ui_reject(t);
}

static void
act_confirm(struct tui *t)
{
	ui_confirm(t);
}

static void
act_task_filter(struct tui *t)
{
	ui_task_filter(t);
}

static void
act_autoplay(struct tui *t)
{
	ui_autoplay_toggle(t);
}

static void
act_mode(struct tui *t)
{
	ui_mode_toggle(t);
}

#define ACT_SPEAKER(n) \
static void								\
act_speaker_##n(struct tui *t)						\
{									\
	ui_tag_speaker(t, n - 1);					\
}
ACT_SPEAKER(1)
ACT_SPEAKER(2)
ACT_SPEAKER(3)
ACT_SPEAKER(4)
ACT_SPEAKER(5)
ACT_SPEAKER(6)
ACT_SPEAKER(7)
ACT_SPEAKER(8)
ACT_SPEAKER(9)

static void (*const ui_actions[ACTION_COUNT])(struct tui *) = {
	[ACTION_PLAY_PAUSE] = act_play_pause,
	[ACTION_PLAY_SEGMENT] = act_play_segment,
	[ACTION_LOOP_SEGMENT] = act_loop_segment,
	[ACTION_REPLAY] = act_replay,
	[ACTION_SEEK_BACK] = act_seek_back,
	[ACTION_SEEK_FORWARD] = act_seek_forward,
	[ACTION_SLOWER] = act_slower,
	[ACTION_FASTER] = act_faster,
	[ACTION_PREV_SEGMENT] = act_prev_segment,
	[ACTION_NEXT_SEGMENT] = act_next_segment,
	[ACTION_GOTO_TIME] = act_goto_time,
	[ACTION_MARK_START] = act_mark_start,
	[ACTION_NEW_SEGMENT] = act_new_segment,
	[ACTION_SPLIT] = act_split,
	[ACTION_MERGE_NEXT] = act_merge_next,
	[ACTION_DELETE_SEGMENT] = act_delete_segment,
	[ACTION_NUDGE_START_EARLIER] = act_nudge_start_earlier,
	[ACTION_NUDGE_START_LATER] = act_nudge_start_later,
	[ACTION_NUDGE_END_EARLIER] = act_nudge_end_earlier,
	[ACTION_NUDGE_END_LATER] = act_nudge_end_later,
	[ACTION_SNAP] = act_snap,
	[ACTION_PICK_SPEAKER] = act_pick_speaker,
	[ACTION_PICK_LANGUAGE] = act_pick_language,
	[ACTION_PICK_DIALECT] = act_pick_dialect,
	[ACTION_SPEAKER_1] = act_speaker_1,
	[ACTION_SPEAKER_2] = act_speaker_2,
	[ACTION_SPEAKER_3] = act_speaker_3,
	[ACTION_SPEAKER_4] = act_speaker_4,
	[ACTION_SPEAKER_5] = act_speaker_5,
	[ACTION_SPEAKER_6] = act_speaker_6,
	[ACTION_SPEAKER_7] = act_speaker_7,
	[ACTION_SPEAKER_8] = act_speaker_8,
	[ACTION_SPEAKER_9] = act_speaker_9,
	[ACTION_EDIT] = act_edit,
	[ACTION_COMMIT] = act_commit,
	[ACTION_CANCEL] = act_cancel,
	[ACTION_COMPLETE] = act_complete,
	[ACTION_ADD_WORD] = act_add_word,
	[ACTION_UNDO] = act_undo,
	[ACTION_REDO] = act_redo,
	[ACTION_ZOOM_IN] = act_zoom_in,
	[ACTION_ZOOM_OUT] = act_zoom_out,
	[ACTION_SEARCH] = act_search,
	[ACTION_FILTER] = act_filter,
	[ACTION_NEXT_TASK] = act_next_task,
	[ACTION_ACCEPT] = act_accept,
	[ACTION_REJECT] = act_reject,
	[ACTION_CONFIRM] = act_confirm,
	[ACTION_TASK_FILTER] = act_task_filter,
	[ACTION_AUTOPLAY] = act_autoplay,
	[ACTION_MODE] = act_mode,
	[ACTION_HELP] = act_help,
	[ACTION_QUIT] = act_quit,
};

void
ui_action(struct tui *t, enum action a)
{
	if (a < ACTION_COUNT && ui_actions[a] != NULL)
		ui_actions[a](t);
}
