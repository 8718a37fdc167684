/*
 * ui-review.c: review passes on the screen.
 *
 * The mode says what the segment list shows: every segment of the
 * recording (transcribe), or the person's queue in it (review, linguist).
 * Next task takes the queue's next segment, from any recording, and plays
 * it if autoplay is on; accept, reject and confirm are one key each and
 * then take the next task in the queue modes. Two rows above the editor
 * show one text against another, common parts one above the other: the
 * transcriber's against the current one in review mode, theirs against
 * yours after an edit that met someone else's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "review.h"
#include "role.h"
#include "text.h"
#include "ui.h"
#include "xmalloc.h"

#define UI_PAIR_DEL	10
#define UI_PAIR_INS	11

enum ui_mode
ui_role_mode(enum role r)
{
	switch (r) {
	case ROLE_REVIEWER:
		return UI_MODE_REVIEW;
	case ROLE_LINGUIST:
		return UI_MODE_LINGUIST;
	default:
		return UI_MODE_TRANSCRIBE;
	}
}

const char *
ui_mode_name(enum ui_mode m)
{
	switch (m) {
	case UI_MODE_REVIEW:
		return _("review");
	case UI_MODE_LINGUIST:
		return _("linguist");
	default:
		return _("transcribe");
	}
}

int
ui_autoplay(const struct tui *t)
{
	return t->autoplay >= 0 ? t->autoplay : t->mode != UI_MODE_TRANSCRIBE;
}

static int
ui_id_cmp(const void *a, const void *b)
{
	int64_t	x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* The person's queue: in the recording shown (here), or anywhere. */
static void
ui_task_filter_of(const struct tui *t, struct task_filter *f, int here)
{
	memset(f, 0, sizeof *f);
	if (here)
		f->recording_id = t->recs[t->rec].id;
	f->lang = t->task_lang;
	f->dialect = t->task_dialect;
}

void
ui_queue_reload(struct tui *t)
{
	struct task_filter	 f;
	enum role		 r;
	char			*cause = NULL;

	if (store_role(t->store, &r, &cause) != 0)
		ui_error(t, cause);
	else if (r != t->role) {
		t->role = r;
		t->dirty |= UI_HEADER;
	}
	free(t->queue);
	t->queue = NULL;
	t->nqueue = 0;
	if (t->mode == UI_MODE_TRANSCRIBE || t->nrecs == 0)
		return;
	cause = NULL;
	ui_task_filter_of(t, &f, 1);
	if (store_task_ids(t->store, &f, &t->queue, &t->nqueue, &cause) != 0) {
		ui_error(t, cause);
		return;
	}
	if (t->nqueue > 1)
		qsort(t->queue, t->nqueue, sizeof *t->queue, ui_id_cmp);
}

/*
 * The queue modes list the queue, and the segment in hand until another
 * is taken: the one worked on, the one being edited (the task taken is
 * listed whatever the filters).
 */
int
ui_queue_shows(const struct tui *t, int64_t id)
{
	if (t->mode == UI_MODE_TRANSCRIBE || id == t->work.subject ||
	    (t->editing && id == t->edit_id))
		return 1;
	if (t->nqueue == 0)
		return 0;
	return bsearch(&id, t->queue, t->nqueue, sizeof *t->queue,
	    ui_id_cmp) != NULL;
}

/* Says what was done (if anything), then what follows. */
static void
ui_then(struct tui *t, const char *done, const char *then)
{
	ui_message(t, "%s%s%s", done != NULL ? done : "",
	    done != NULL ? " " : "", then);
}

/* Says how many wait in the person's queue, after what was done. */
static void
ui_queue_said(struct tui *t, const char *done, const char *what)
{
	struct task_filter	 f;
	size_t			 n;
	char			*cause = NULL, *then;

	ui_task_filter_of(t, &f, 0);
	if (store_task_count(t->store, &f, &n, &cause) != 0) {
		ui_error(t, cause);
		return;
	}
	then = xprintf(ngettext_("%s %zu segment waits in your queue.",
	    "%s %zu segments wait in your queue.", n), what, n);
	ui_then(t, done, then);
	free(then);
}

/* Makes the task current, in its recording, and plays it if wanted. */
static void
ui_take(struct tui *t, const struct segment *seg)
{
	size_t	i;

	t->task_id = seg->id;
	worktime_start(&t->work, seg->id, ui_now_ms());
	if (ui_find_recording(t, seg->recording_id, &i) == 0 && i != t->rec)
		ui_show_recording(t, i);
	else
		ui_reload(t, seg->id);
	for (i = 0; i < t->nsegs; i++) {
		if (t->segs[i].id == seg->id) {
			ui_select(t, i);
			break;
		}
	}
	if (ui_autoplay(t)) {
		t->looping = 0;
		ui_play(t, seg->start, seg->end);
	}
}

/* Who sent a segment back and why, when that was its last change. */
static char *
ui_sent_back(struct tui *t, int64_t id)
{
	struct store_revision	*revs;
	size_t			 n;
	char			*cause = NULL, *why = NULL;

	if (store_history(t->store, id, &revs, &n, &cause) != 0) {
		free(cause);
		return NULL;
	}
	if (n > 0 && revs[n - 1].comment != NULL &&
	    (strcmp(revs[n - 1].action, "reject") == 0 ||
	    strcmp(revs[n - 1].action, "qa-return") == 0))
		why = xprintf(_("%s sent it back: %s"), revs[n - 1].author,
		    revs[n - 1].comment);
	store_history_free(revs, n);
	return why;
}

void
ui_next_task(struct tui *t, const char *done)
{
	struct task_filter	 f;
	struct segment		 seg;
	char			*cause = NULL, *task, *what, *by, *why;
	int			 rc;

	if (t->editing && ui_edit_commit(t) != 0)
		return;
	ui_task_filter_of(t, &f, 0);
	if ((rc = store_task_next(t->store, &f, &seg, &cause)) < 0) {
		ui_error(t, cause);
		return;
	}
	if (rc == 1) {
		t->task_id = 0;
		ui_reload(t, 0);
		ui_then(t, done, _("Nothing waits for you: your queue is "
		    "empty."));
		return;
	}
	ui_take(t, &seg);
	by = store_segment_transcriber(t->store, seg.id);
	why = ui_sent_back(t, seg.id);
	task = by != NULL ? xprintf(_("Task: segment %lld of %s, %s, "
	    "transcribed by %s."), (long long)seg.id, seg.recording,
	    segment_stage_name(seg.stage), by) : xprintf(_("Task: segment "
	    "%lld of %s, %s."), (long long)seg.id, seg.recording,
	    segment_stage_name(seg.stage));
	what = why != NULL ? xprintf("%s %s", task, why) : xstrdup(task);
	ui_queue_said(t, done, what);
	free(what);
	free(task);
	free(why);
	free(by);
	segment_clear(&seg);
}

/* Moves a segment that was at version; in the queue modes the next follows. */
static void
ui_move(struct tui *t, int64_t id, int64_t version, enum store_move m,
    const char *comment)
{
	struct segment	 out;
	char		*cause = NULL, *who, *done;
	int		 rc;

	ui_work_note(t, id);
	rc = store_segment_move(t->store, id, version, m, comment, &out,
	    &cause);
	ui_work_done(t, id, rc == 0);
	if (rc == STORE_CONFLICT) {
		free(cause);
		who = store_segment_author(t->store, id);
		ui_reload(t, id);
		ui_message(t, _("%s changed segment %lld meanwhile; it is shown "
		    "as it is now: look again, then press the key again."), who,
		    (long long)id);
		free(who);
		beep();
		return;
	}
	if (rc != 0) {
		ui_error(t, cause);
		return;
	}
	switch (m) {
	case MOVE_REJECT:
		who = store_segment_transcriber(t->store, id);
		done = xprintf(_("Segment %lld sent back to %s."),
		    (long long)id, who != NULL ? who : _("its transcriber"));
		free(who);
		break;
	case MOVE_CONFIRM:
		done = xprintf(_("Tags of segment %lld confirmed."),
		    (long long)id);
		break;
	default:
		done = xprintf(_("Segment %lld accepted: %s."), (long long)id,
		    segment_stage_name(out.stage));
		break;
	}
	segment_clear(&out);
	if (t->mode != UI_MODE_TRANSCRIBE)
		ui_next_task(t, done);
	else {
		ui_reload(t, id);
		ui_message(t, "%s", done);
	}
	free(done);
}

/*
 * The segment a move is about: the current one, its text saved first,
 * unless the move would be refused (then nothing is written).
 */
static struct segment *
ui_move_target(struct tui *t, enum store_move m)
{
	struct segment	*g;
	char		*cause = NULL;

	if (t->editing && store_segment_may_move(t->store, t->edit_id, m,
	    &cause) != 0) {
		ui_error(t, cause);
		return NULL;
	}
	if (t->editing && ui_edit_commit(t) != 0)
		return NULL;
	if ((g = ui_current(t)) == NULL)
		ui_message(t, _("No segment here: the next-task key takes one "
		    "from your queue."));
	return g;
}

void
ui_accept(struct tui *t)
{
	struct segment	*g = ui_move_target(t, MOVE_ACCEPT);

	if (g != NULL)
		ui_move(t, g->id, g->version, MOVE_ACCEPT, NULL);
}

void
ui_confirm(struct tui *t)
{
	struct segment	*g = ui_move_target(t, MOVE_CONFIRM);

	if (g != NULL)
		ui_move(t, g->id, g->version, MOVE_CONFIRM, NULL);
}

static void
ui_reject_done(struct tui *t, const char *comment)
{
	if (*comment == '\0') {
		ui_message(t, _("Not sent back: say why, for the transcriber."));
		return;
	}
	ui_move(t, t->reject_id, t->reject_version, MOVE_REJECT, comment);
}

void
ui_reject(struct tui *t)
{
	struct segment	*g = ui_move_target(t, MOVE_REJECT);
	char		*cause = NULL;

	if (g == NULL)
		return;
	/* A refusal now, not after the comment is typed. */
	if (store_segment_may_move(t->store, g->id, MOVE_REJECT, &cause) != 0) {
		ui_error(t, cause);
		return;
	}
	t->reject_id = g->id;
	t->reject_version = g->version;
	ui_prompt_begin(t, _("Why send it back? (the transcriber reads this) "),
	    ui_reject_done);
}

/* In linguist mode a new language asks for the dialect, then moves on. */
void
ui_retagged(struct tui *t, enum vocab_kind kind)
{
	struct segment	*g = ui_current(t);
	char		*done;

	if (t->mode != UI_MODE_LINGUIST)
		return;
	if (kind == VOCAB_LANGUAGE) {
		ui_pick_dialect(t);
		if (g != NULL && g->dialect != NULL)
			ui_pick_select(t, g->dialect);
		return;
	}
	done = t->message != NULL ? xstrdup(t->message) : NULL;
	ui_next_task(t, done);
	free(done);
}

/* ---- the queue's language and dialect ---- */

static void
ui_queue_filter_said(struct tui *t)
{
	char	*what;

	ui_reload(t, 0);
	what = xprintf(_("Tasks: language %s, dialect %s."),
	    t->task_lang != NULL ? t->task_lang : _("any"),
	    t->task_dialect != NULL ? t->task_dialect : _("any"));
	ui_queue_said(t, NULL, what);
	free(what);
}

static void
ui_task_dialect_done(struct tui *t, const char *code, int is_new)
{
	(void)is_new;
	free(t->task_dialect);
	t->task_dialect = *code != '\0' ? xstrdup(code) : NULL;
	ui_queue_filter_said(t);
}

static void
ui_task_lang_done(struct tui *t, const char *code, int is_new)
{
	struct ui_pick_item	*items;
	size_t			 n;

	(void)is_new;
	free(t->task_lang);
	t->task_lang = *code != '\0' ? xstrdup(code) : NULL;
	ui_queue_filter_said(t);
	items = ui_vocab_items(t, VOCAB_DIALECT, &n);
	ui_pick_begin(t, _("Tasks of the dialect ((none): any):"), items, n, 0,
	    ui_task_dialect_done);
	if (t->task_dialect != NULL)
		ui_pick_select(t, t->task_dialect);
}

void
ui_task_filter(struct tui *t)
{
	struct ui_pick_item	*items;
	size_t			 n;

	items = ui_vocab_items(t, VOCAB_LANGUAGE, &n);
	ui_pick_begin(t, _("Tasks in the language ((none): any):"), items, n,
	    n == 1, ui_task_lang_done);
	if (t->task_lang != NULL)
		ui_pick_select(t, t->task_lang);
}

/* ---- modes ---- */

void
ui_mode_toggle(struct tui *t)
{
	enum ui_mode	to = t->mode != UI_MODE_TRANSCRIBE ? UI_MODE_TRANSCRIBE :
			    t->role == ROLE_LINGUIST ? UI_MODE_LINGUIST :
			    UI_MODE_REVIEW;

	if (t->editing && ui_edit_commit(t) != 0)
		return;
	t->mode = to;
	ui_layout(t);
	ui_reload(t, 0);
	switch (to) {
	case UI_MODE_REVIEW:
		ui_message(t, _("Review mode: your queue, the transcriber's "
		    "text above yours; accept, reject, then the next."));
		break;
	case UI_MODE_LINGUIST:
		ui_message(t, _("Linguist mode: your queue; confirm or change "
		    "the tags, then the next."));
		break;
	default:
		ui_message(t, _("All segments of the recording."));
		break;
	}
}

void
ui_autoplay_toggle(struct tui *t)
{
	t->autoplay = !ui_autoplay(t);
	ui_message(t, t->autoplay ? _("Tasks play as they are taken.") :
	    _("Tasks wait for a play key."));
}

/* ---- one text against another ---- */

/* The transcriber's text of segment g, read again when g changes. */
static void
ui_prev_pass(struct tui *t, const struct segment *g)
{
	struct store_revision	 r;
	char			*cause = NULL;
	int			 rc;

	if (g->id == t->prev_id && g->version == t->prev_version)
		return;
	free(t->prev_text);
	free(t->prev_who);
	t->prev_text = t->prev_who = NULL;
	t->prev_id = g->id;
	t->prev_version = g->version;
	if ((rc = store_pass_revision(t->store, g->id, "transcribe", &r,
	    &cause)) < 0) {
		ui_error(t, cause);
		return;
	}
	if (rc == 1)
		return;
	t->prev_text = xstrdup(r.state.text != NULL ? r.state.text : "");
	t->prev_who = r.origin != NULL && strcmp(r.origin, "machine") == 0 ?
	    xstrdup(_("machine")) : xstrdup(r.author);
	store_revision_clear(&r);
}

static attr_t
ui_diff_attr(const struct tui *t, enum review_op op)
{
	switch (op) {
	case REVIEW_DEL:
		return t->colors >= 8 ? COLOR_PAIR(UI_PAIR_DEL) : A_REVERSE;
	case REVIEW_INS:
		return (t->colors >= 8 ? COLOR_PAIR(UI_PAIR_INS) : 0) |
		    A_BOLD | A_UNDERLINE;
	default:
		return 0;
	}
}

/* Draws bytes [off, off + len) of s at (y, x), no further than end. */
static int
ui_diff_piece(struct tui *t, int y, int x, int end, const char *s,
    size_t off, size_t len, attr_t attr)
{
	char	*piece = xstrndup(s + off, len);
	int	 w = (int)text_width(piece);

	if (x < end) {
		attron(attr);
		ui_put(t, y, x, piece, end - x);
		attroff(attr);
	}
	free(piece);
	return w;
}

/*
 * old on row y, new on row y + 1 from column x: what both have one above
 * the other, deletions marked on the old row and insertions on the new.
 * A long line starts a little before its first change.
 */
static void
ui_diff_rows(struct tui *t, int y, int x, const char *old, const char *new)
{
	struct review_span	*sp;
	size_t			 n = review_diff(old, new, &sp), skip = 0, off;
	int			 xo = x, xn = x, end = t->cols;
	int			 width = end - x, lead;

	lead = n > 1 && sp[0].op == REVIEW_SAME ?
	    (int)text_width(old) - (int)text_width(old + sp[0].len) : 0;
	if (lead > width / 2 && ((int)text_width(old) > width ||
	    (int)text_width(new) > width)) {
		skip = text_skip_width(old, (size_t)(lead - width / 4));
		ui_put(t, y, x, t->utf8 ? "\u2026" : "~", 1);
		ui_put(t, y + 1, x, t->utf8 ? "\u2026" : "~", 1);
		xo = xn = x + 1;
	}
	for (size_t i = 0; i < n; i++) {
		const struct review_span *s = &sp[i];
		attr_t	 attr = ui_diff_attr(t, s->op);

		off = i == 0 && skip > 0 ? skip : 0;
		switch (s->op) {
		case REVIEW_SAME:
			xo = xn = xo > xn ? xo : xn;
			ui_diff_piece(t, y + 1, xn, end, new, s->off_new + off,
			    s->len - off, attr);
			xn = xo += ui_diff_piece(t, y, xo, end, old,
			    s->off_old + off, s->len - off, attr);
			break;
		case REVIEW_DEL:
			xo += ui_diff_piece(t, y, xo, end, old, s->off_old,
			    s->len, attr);
			break;
		case REVIEW_INS:
			xn += ui_diff_piece(t, y + 1, xn, end, new, s->off_new,
			    s->len, attr);
			break;
		}
	}
	free(sp);
}

void
ui_draw_diff(struct tui *t)
{
	struct segment	*g = ui_current(t);
	const char	*old, *new;
	char		*lo, *ln;
	int		 y = t->lay.diff, x;

	if (t->lay.diff_h == 0)
		return;
	for (int i = 0; i < t->lay.diff_h; i++) {
		move(y + i, 0);
		clrtoeol();
	}
	if (t->conflict) {
		old = t->theirs;
		new = editline_text(&t->line);
		lo = xprintf(_("theirs (%s):"), t->theirs_who);
		ln = xstrdup(_("yours:"));
	} else {
		if (g == NULL)
			return;
		ui_prev_pass(t, g);
		if (t->prev_text == NULL)
			return;
		old = t->prev_text;
		new = t->editing && t->edit_id == g->id ?
		    editline_text(&t->line) : g->text != NULL ? g->text : "";
		lo = xprintf("%s:", t->prev_who);
		ln = xstrdup(_("now:"));
	}
	x = (int)text_width(lo) > (int)text_width(ln) ?
	    (int)text_width(lo) : (int)text_width(ln);
	if (x > t->cols / 3)
		x = t->cols / 3;
	attron(A_DIM);
	ui_put(t, y, 0, lo, x);
	ui_put(t, y + 1, 0, ln, x);
	attroff(A_DIM);
	ui_diff_rows(t, y, x + 1, old, new);
	free(lo);
	free(ln);
}

void
ui_review_colors(void)
{
	init_pair(UI_PAIR_DEL, COLOR_WHITE, COLOR_RED);
	init_pair(UI_PAIR_INS, COLOR_GREEN, -1);
}

const char *
ui_back_note(struct tui *t, const struct segment *g)
{
	if (g->stage != STAGE_NEW)
		return NULL;
	if (g->id != t->back_id || g->version != t->back_version) {
		free(t->back_why);
		t->back_why = ui_sent_back(t, g->id);
		t->back_id = g->id;
		t->back_version = g->version;
	}
	return t->back_why;
}

void
ui_review_free(struct tui *t)
{
	free(t->back_why);
	free(t->queue);
	free(t->task_lang);
	free(t->task_dialect);
	free(t->prev_text);
	free(t->prev_who);
	free(t->theirs);
	free(t->theirs_who);
}
