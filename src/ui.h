/*
 * ui.h: the transcription screen's shared state.
 *
 * tui.c runs the loop; ui-input.c turns terminal input into key codes and
 * actions; ui-actions.c carries the actions out through the engine; the
 * ui-draw*.c files draw. Drawing is asked for with dirty flags and done
 * once per pass of the loop (tmux's way); curses then sends only the cells
 * that changed, so during playback the terminal gets the clock and the
 * playhead and nothing else.
 */
#ifndef TX_UI_H
#define TX_UI_H

#include <stdint.h>
#include <curses.h>

#include "check.h"
#include "editline.h"
#include "history.h"
#include "keys.h"
#include "peaks.h"
#include "player.h"
#include "store.h"
#include "worktime.h"

struct tui;

/* Parts of the screen to draw again. */
#define UI_HEADER	0x01
#define UI_WAVE		0x02	/* waveform, ruler and lanes */
#define UI_LIST		0x04
#define UI_EDITOR	0x08
#define UI_STATUS	0x10
#define UI_PLAYHEAD	0x20	/* only the playhead and the clock */
#define UI_ALL		0x3f

#define UI_MIN_COLS	40
#define UI_MIN_ROWS	12
#define UI_MAX_LANES	4
#define UI_FRAME_MS	50	/* at most 20 updates a second */

/* What the segment list shows and what the keys lead to. */
enum ui_mode {
	UI_MODE_TRANSCRIBE,	/* every segment of the recording */
	UI_MODE_REVIEW,		/* the person's queue, the diff of passes */
	UI_MODE_LINGUIST,	/* the person's queue, tags */
	UI_MODE_ROLE		/* an option: the one for the person's role */
};

struct ui_options {
	double		 rewind;	/* seconds a pause steps back */
	const char	*keys_path;	/* NULL: the default key file */
	int		 no_audio;	/* never open an audio device */
	enum ui_mode	 mode;
	int		 autoplay;	/* play tasks as taken; -1: per mode */
};

struct ui_layout {
	int	header;		/* row of each part */
	int	wave, wave_h;
	int	ruler;
	int	lanes, lanes_h;
	int	list, list_h;
	int	rule;		/* the line above the editor */
	int	diff, diff_h;	/* two passes, one above the other; 0 or 2 */
	int	editor;
	int	status;
};

struct ui_prompt {
	int		 active;
	const char	*label;
	struct editline	 line;
	size_t		 first;
	void		(*done)(struct tui *, const char *);
};

/* A type-to-filter list over the segment list: speakers, tags. */
struct ui_pick_item {
	char		*code;		/* "" stands for "none" */
	char		*label;		/* may be NULL */
};

struct ui_picker {
	int			 active;
	const char		*title;
	struct ui_pick_item	*items;
	size_t			 nitems;
	size_t			*shown;		/* indexes of items matching */
	size_t			 nshown;
	size_t			 sel;		/* index into shown */
	struct editline		 filter;
	int			 allow_new;	/* Enter on no match creates */
	/* Called with the chosen code, or the typed text when is_new. */
	void			(*done)(struct tui *, const char *code,
				    int is_new);
};

struct tui {
	struct store		*store;
	struct keymap		*keys;
	struct player		*player;
	struct ui_options	 opt;
	char			*audio_note;	/* why there is no sound */

	struct store_recording	*recs;
	size_t			 nrecs;
	size_t			 rec;		/* index of the recording shown */
	char			*rec_path;	/* its audio file */

	struct segment		*segs;		/* of the recording shown */
	size_t			 nsegs;
	size_t			 cur;		/* index into segs, if nsegs */
	char			**lane_codes;	/* speakers, in order of turns */
	size_t			 nlanes;
	struct speaker		*speakers;	/* keys 1-9: the recording's */
	size_t			 nspeakers;	/* speakers first */

	struct history		 hist;
	int64_t			 data_version;

	/* editing the current segment's text */
	int			 editing;
	struct editline		 line;
	size_t			 line_first;
	int64_t			 edit_id;
	int64_t			 edit_version;	/* the version the text is based on */
	char			*draft_saved;	/* text of the last saved draft */
	int64_t			 typed_ms;	/* last keystroke */
	int64_t			 draft_ms;	/* last draft save */
	int			 conflict;	/* commit refused; next one overrides */
	char			*theirs;	/* the text stored meanwhile */
	char			*theirs_who;	/* who stored it */

	/* playback and view, in frames of the recording shown */
	int64_t			 playhead;
	int			 playing;
	double			 speed;
	int64_t			 mark;		/* -1: none */
	int			 looping;
	int64_t			 loop_from, loop_to;
	int64_t			 view_from;
	int64_t			 view_span;
	struct peak_span	*spans;		/* the waveform columns drawn */
	int			 nspans;
	int64_t			 spans_from, spans_span;
	int			 playhead_col;	/* last drawn, -1 none */
	char			 clock[32];	/* last drawn */

	/* the terminal */
	int			 rows, cols;
	struct ui_layout	 lay;
	int			 utf8;
	int			 colors;
	unsigned		 dirty;
	int			 cursor_y, cursor_x;	/* -1: hidden */
	int			 help;
	int			 help_top;
	struct ui_prompt	 prompt;
	struct ui_picker	 pick;

	/* checks of the text in the editor (ui-check.c) */
	struct checker		*checker;
	struct check_span	*checks;
	size_t			 nchecks;
	char			*checks_text;	/* the text they are of */
	char			*checks_lang;
	char			*lexicon_error;	/* shown once */
	/* completion: candidates for the word before the cursor */
	const char		**comp;
	size_t			 ncomp;
	size_t			 comp_i;	/* the one inserted */
	size_t			 comp_off;	/* where the word starts */
	size_t			 comp_len;	/* bytes inserted for it */
	char			*comp_typed;	/* what was typed */
	int			 comp_active;
	char			*message;	/* status line message */
	int64_t			 message_ms;
	int			 quit;
	char			*search;	/* last search */
	char			*filter;	/* segments shown must match */

	/* review passes (ui-review.c) */
	enum role		 role;		/* the person's, read afresh */
	enum ui_mode		 mode;
	int			 autoplay;	/* -1: per mode */
	char			*task_lang;	/* the queue's filter, or NULL */
	char			*task_dialect;
	int64_t			*queue;		/* ids waiting here, sorted */
	size_t			 nqueue;
	int64_t			 task_id;	/* taken with next task */
	int64_t			 reject_id;	/* asked for a comment */
	int64_t			 reject_version;
	struct worktime		 work;		/* on the current segment */
	/* the transcriber's text of the current segment, for the diff */
	int64_t			 prev_id;
	int64_t			 prev_version;
	char			*prev_text;	/* NULL: none */
	char			*prev_who;
	/* why the current segment was sent back, if it was */
	int64_t			 back_id;
	int64_t			 back_version;
	char			*back_why;	/* NULL: it was not */
};

/* tui.c */
int64_t	 ui_now_ms(void);
void	 ui_message(struct tui *, const char *fmt, ...)
	     __attribute__((format(printf, 2, 3)));
/* Shows *cause in the status line and frees it. */
void	 ui_error(struct tui *, char *cause);
/* Reloads the segments of the recording shown; keeps the selection. */
void	 ui_reload(struct tui *, int64_t select_id);
struct segment *ui_current(struct tui *);
/* Shows recording i of recs, from its start. */
void	 ui_show_recording(struct tui *, size_t i);
/* The index in recs of a recording (the list read again if need be). */
int	 ui_find_recording(struct tui *, int64_t id, size_t *i);
int64_t	 ui_sec(const struct tui *, double seconds);
int	 ui_rate(const struct tui *);

/* ui-actions.c */
void	 ui_action(struct tui *, enum action);
/* Makes segment i current (saving the text being edited first). */
void	 ui_select(struct tui *, size_t i);
void	 ui_play(struct tui *, int64_t from, int64_t to);
void	 ui_stop(struct tui *);
void	 ui_tick(struct tui *);
void	 ui_edit_begin(struct tui *);
int	 ui_edit_commit(struct tui *);
void	 ui_draft_save(struct tui *, int force);
void	 ui_prompt_begin(struct tui *, const char *label,
	     void (*done)(struct tui *, const char *));

/* Starts or ends showing both versions of a conflicting edit. */
void	 ui_conflict(struct tui *, const char *theirs, const char *who);
/* Gives the time worked on segment id to the next write, or takes it back. */
void	 ui_work_note(struct tui *, int64_t id);
void	 ui_work_done(struct tui *, int64_t id, int ok);

/* ui-review.c */
enum ui_mode ui_role_mode(enum role);
const char *ui_mode_name(enum ui_mode);
int	 ui_autoplay(const struct tui *);
/* Reads the person's role and queue afresh (ui_reload does). */
void	 ui_queue_reload(struct tui *);
/* Whether the list shows a segment in the mode. */
int	 ui_queue_shows(const struct tui *, int64_t id);
void	 ui_next_task(struct tui *, const char *done);
void	 ui_accept(struct tui *);
void	 ui_reject(struct tui *);
void	 ui_confirm(struct tui *);
void	 ui_task_filter(struct tui *);
void	 ui_mode_toggle(struct tui *);
void	 ui_autoplay_toggle(struct tui *);
/* A tag was changed in the picker: the linguist moves on. */
void	 ui_retagged(struct tui *, enum vocab_kind);
void	 ui_draw_diff(struct tui *);
/* Who sent segment g back and why, if that was its last change. */
const char	*ui_back_note(struct tui *, const struct segment *g);
void	 ui_review_colors(void);
void	 ui_review_free(struct tui *);

/* ui-picker.c */
void	 ui_pick_begin(struct tui *, const char *title,
	     struct ui_pick_item *items, size_t n, int allow_new,
	     void (*done)(struct tui *, const char *, int));
void	 ui_pick_key(struct tui *, key_code);
void	 ui_pick_end(struct tui *);
/* Selects the item with code, if it is shown. */
void	 ui_pick_select(struct tui *, const char *code);
void	 ui_draw_pick(struct tui *);

/* ui-check.c */
void	 ui_check(struct tui *, const char *text, const char *lang);
int	 ui_put_checked(struct tui *, int y, int x, const char *text,
	     size_t first, int width);
char	*ui_check_hint(struct tui *, size_t cursor);
void	 ui_complete(struct tui *);
void	 ui_complete_reset(struct tui *);
void	 ui_add_word(struct tui *);
void	 ui_check_free(struct tui *);

/* ui-tags.c */
/* The items of a vocabulary after "(none)"; *n counts them all. */
struct ui_pick_item *ui_vocab_items(struct tui *, enum vocab_kind, size_t *n);
void	 ui_tag_speaker(struct tui *, size_t index);
void	 ui_pick_speaker(struct tui *);
void	 ui_pick_language(struct tui *);
void	 ui_pick_dialect(struct tui *);
void	 ui_speakers_reload(struct tui *);

/* ui-input.c */
key_code ui_read_key(struct tui *, int *resized);
/* Applies a line-editing key; returns 1 if it was one. */
int	 ui_edit_key(struct editline *, key_code);
void	 ui_key(struct tui *, key_code);

/* ui-draw.c, ui-draw-wave.c, ui-draw-list.c */
void	 ui_layout(struct tui *);
void	 ui_draw(struct tui *);
void	 ui_draw_wave(struct tui *);
void	 ui_draw_playhead(struct tui *);
void	 ui_draw_list(struct tui *);
void	 ui_draw_help(struct tui *);
/* Writes text clipped to width columns at (y, x); returns columns used. */
int	 ui_put(struct tui *, int y, int x, const char *text, int width);
int	 ui_speaker_pair(const struct tui *, const char *code);
void	 ui_ensure_visible(struct tui *, int64_t frame);
int64_t	 ui_col_frame(const struct tui *, int col);

#endif
