/* tui.c: the transcription screen's loop, start-up and shut-down. */
#include "config.h"

#include <sys/select.h>

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "i18n.h"
#include "output.h"
#include "tui.h"
#include "ui.h"
#include "xmalloc.h"

#define TUI_IDLE_MS	500	/* poll for others' changes this often */
#define TUI_MESSAGE_MS	6000

static int			tui_pipe[2] = { -1, -1 };
static volatile sig_atomic_t	tui_signalled;

int64_t
ui_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
ui_message(struct tui *t, const char *fmt, ...)
{
	va_list	ap;

	free(t->message);
	va_start(ap, fmt);
	xvasprintf(&t->message, fmt, ap);
	va_end(ap);
	t->message_ms = ui_now_ms();
	t->dirty |= UI_STATUS;
}

void
ui_error(struct tui *t, char *cause)
{
	ui_message(t, "%s", cause);
	free(cause);
	beep();
}

int
ui_rate(const struct tui *t)
{
	return t->nrecs > 0 ? t->recs[t->rec].rate : 16000;
}

int64_t
ui_sec(const struct tui *t, double seconds)
{
	return (int64_t)(seconds * ui_rate(t) + 0.5);
}

struct segment *
ui_current(struct tui *t)
{
	return t->nsegs > 0 ? &t->segs[t->cur] : NULL;
}

/* The speakers of the recording shown, in the order they first speak. */
static void
ui_lanes(struct tui *t)
{
	for (size_t i = 0; i < t->nlanes; i++)
		free(t->lane_codes[i]);
	free(t->lane_codes);
	t->lane_codes = NULL;
	t->nlanes = 0;
	for (size_t i = 0; i < t->nsegs; i++) {
		const char	*code = t->segs[i].speaker;
		size_t		 j;

		if (code == NULL)
			continue;
		for (j = 0; j < t->nlanes; j++) {
			if (strcmp(t->lane_codes[j], code) == 0)
				break;
		}
		if (j == t->nlanes) {
			t->lane_codes = xreallocarray(t->lane_codes,
			    t->nlanes + 1, sizeof *t->lane_codes);
			t->lane_codes[t->nlanes++] = xstrdup(code);
		}
	}
}

/*
 * Whether a segment is listed: in the mode's queue, and matching the
 * filter (any field contains it); the task taken always is.
 */
static int
ui_matches(const struct tui *t, const struct segment *g)
{
	const char	*fields[] = { g->text, g->speaker, g->lang, g->dialect,
			    segment_stage_name(g->stage) };

	if (g->id == t->task_id)
		return 1;
	if (!ui_queue_shows(t, g->id))
		return 0;
	if (t->filter == NULL)
		return 1;
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		if (fields[i] != NULL && strcasestr(fields[i], t->filter) != NULL)
			return 1;
	}
	return 0;
}

/* Keeps the segments that match the filter, in place; returns how many. */
static size_t
ui_filter(const struct tui *t, struct segment *segs, size_t n)
{
	size_t	kept = 0;

	for (size_t i = 0; i < n; i++) {
		if (ui_matches(t, &segs[i]))
			segs[kept++] = segs[i];
		else
			segment_clear(&segs[i]);
	}
	return kept;
}

void
ui_reload(struct tui *t, int64_t select_id)
{
	struct segment_filter	 f = { 0 };
	struct segment		*segs;
	size_t			 n, lanes;
	char			*cause = NULL;

	if (t->nrecs == 0)
		return;
	ui_queue_reload(t);
	f.recording_id = t->recs[t->rec].id;
	if (store_segment_list(t->store, &f, &segs, &n, &cause) != 0) {
		ui_error(t, cause);
		return;
	}
	if (select_id == 0 && t->nsegs > 0)
		select_id = t->segs[t->cur].id;
	n = ui_filter(t, segs, n);
	segment_list_free(t->segs, t->nsegs);
	t->segs = segs;
	t->nsegs = n;
	t->cur = 0;
	for (size_t i = 0; i < n; i++) {
		if (segs[i].id == select_id)
			t->cur = i;
	}
	lanes = t->nlanes;
	ui_lanes(t);
	if (t->nlanes != lanes)
		ui_layout(t);
	ui_speakers_reload(t);
	t->data_version = store_data_version(t->store);
	t->dirty |= UI_ALL;
}

void
ui_show_recording(struct tui *t, size_t i)
{
	ui_stop(t);
	t->looping = 0;
	t->mark = -1;
	t->rec = i;
	free(t->rec_path);
	t->rec_path = store_resolve(t->store, t->recs[i].path);
	t->playhead = 0;
	t->view_from = 0;
	t->view_span = t->recs[i].frames;
	ui_layout(t);
	ui_reload(t, 0);
}

int
ui_find_recording(struct tui *t, int64_t id, size_t *i)
{
	struct store_recording	*recs;
	size_t			 n;
	char			*cause = NULL;

	for (int pass = 0; pass < 2; pass++) {
		for (size_t j = 0; j < t->nrecs; j++) {
			if (t->recs[j].id == id) {
				*i = j;
				return 0;
			}
		}
		/* One added since the screen opened. */
		if (pass == 1 || store_recording_list(t->store, &recs, &n,
		    &cause) != 0)
			break;
		for (size_t j = 0; j < n; j++) {
			if (recs[j].id == t->recs[t->rec].id)
				t->rec = j;
		}
		store_recording_list_free(t->recs, t->nrecs);
		t->recs = recs;
		t->nrecs = n;
	}
	if (cause != NULL)
		ui_error(t, cause);
	return -1;
}

/* Loads the project's recordings and shows the one named (or the first). */
static int
tui_load(struct tui *t, const char *name, char **cause)
{
	if (store_recording_list(t->store, &t->recs, &t->nrecs, cause) != 0)
		return -1;
	if (t->nrecs == 0) {
		*cause = xprintf(_("%s has no recordings yet: add some with "
		    "'tingxie add %s FILE...'"), store_path(t->store),
		    store_path(t->store));
		return -1;
	}
	for (size_t i = 0; name != NULL && i < t->nrecs; i++) {
		if (strcmp(t->recs[i].name, name) == 0)
			t->rec = i;
	}
	if (name != NULL && strcmp(t->recs[t->rec].name, name) != 0) {
		*cause = xprintf(_("%s: no recording '%s' (see 'tingxie info "
		    "%s')"), store_path(t->store), name, store_path(t->store));
		return -1;
	}
	ui_show_recording(t, t->rec);
	return 0;
}

/* Offers back the newest draft left by a session that did not finish. */
static void
tui_drafts(struct tui *t)
{
	struct store_draft	*d;
	size_t			 n;
	char			*cause = NULL;

	if (store_draft_list(t->store, &d, &n, &cause) != 0) {
		ui_error(t, cause);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < t->nsegs; j++) {
			if (t->segs[j].id != d[i].segment_id)
				continue;
			t->cur = j;
			ui_edit_begin(t);
			ui_message(t, _("Your unsaved text for this segment is "
			    "back: Enter saves it, Escape drops it."));
			i = n;
			break;
		}
	}
	store_draft_list_free(d, n);
}

static void
tui_signal(int sig)
{
	int	saved = errno;
	char	c = (char)sig;

	tui_signalled = sig;
	if (tui_pipe[1] >= 0 && write(tui_pipe[1], &c, 1) < 0)
		tui_signalled = sig;
	errno = saved;
}

static int
tui_signals(char **cause)
{
	struct sigaction	sa;

	if (pipe(tui_pipe) != 0) {
		*cause = xprintf(_("cannot make a pipe: %s"), strerror(errno));
		return -1;
	}
	for (int i = 0; i < 2; i++) {
		fcntl(tui_pipe[i], F_SETFL, O_NONBLOCK);
		fcntl(tui_pipe[i], F_SETFD, FD_CLOEXEC);
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = tui_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	return 0;
}

static SCREEN	*tui_screen;

static int
tui_curses(struct tui *t, char **cause)
{
	const char	*cs = nl_langinfo(CODESET), *term = getenv("TERM");

	t->utf8 = cs != NULL && strcmp(cs, "UTF-8") == 0;
	if ((tui_screen = newterm(NULL, stdout, stdin)) == NULL) {
		*cause = xprintf(_("cannot drive terminal type '%s' (no "
		    "terminfo entry): install ncurses-term, or set TERM to "
		    "xterm-256color"), term != NULL ? term : "");
		return -1;
	}
	set_term(tui_screen);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	if (has_colors()) {
		start_color();
		use_default_colors();
		t->colors = COLORS;
		for (short i = 1; i <= 6; i++)
			init_pair(i, i, -1);	/* speaker i: red .. cyan */
		init_pair(7, COLOR_BLACK, COLOR_CYAN);	/* bars */
		init_pair(8, COLOR_WHITE, COLOR_RED);	/* markup errors */
		init_pair(9, COLOR_RED, -1);		/* unknown words */
		ui_review_colors();			/* 10, 11 */
	}
	getmaxyx(stdscr, t->rows, t->cols);
	ui_layout(t);
	return 0;
}

/* Starts the audio output; without one, everything else still works. */
static void
tui_audio(struct tui *t)
{
	char	*cause = NULL;

	if (!t->opt.no_audio)
		t->player = player_new(&output_portaudio, &cause);
	if (t->player == NULL) {
		t->audio_note = cause != NULL ? cause :
		    xstrdup(_("audio is off"));
		cause = NULL;
		t->player = player_new(&output_null, &cause);
		free(cause);
		ui_message(t, _("No sound: %s"), t->audio_note);
	}
}

/* Waits for input, a signal, or the next tick; returns 1 if input came. */
static int
tui_wait(struct tui *t)
{
	struct timeval	tv;
	fd_set		fds;
	int		ms = t->playing ? UI_FRAME_MS : TUI_IDLE_MS;
	char		buf[16];

	FD_ZERO(&fds);
	FD_SET(STDIN_FILENO, &fds);
	FD_SET(tui_pipe[0], &fds);
	tv.tv_sec = ms / 1000;
	tv.tv_usec = (ms % 1000) * 1000;
	switch (select(tui_pipe[0] + 1, &fds, NULL, NULL, &tv)) {
	case -1:
		/* A signal (SIGWINCH among them): curses may have a key. */
		return errno == EINTR;
	case 0:
		return 0;
	}
	if (FD_ISSET(tui_pipe[0], &fds)) {
		while (read(tui_pipe[0], buf, sizeof buf) > 0)
			;
	}
	return FD_ISSET(STDIN_FILENO, &fds);
}

/* Notices other users' changes and saves drafts now and then. */
static void
tui_idle(struct tui *t)
{
	int64_t	v = store_data_version(t->store);

	if (v != t->data_version)
		ui_reload(t, 0);
	ui_draft_save(t, 0);
	if (t->message != NULL && ui_now_ms() - t->message_ms > TUI_MESSAGE_MS &&
	    !t->conflict) {
		free(t->message);
		t->message = NULL;
		t->dirty |= UI_STATUS;
	}
}

/* The clock of time worked follows the current segment. */
static void
tui_work(struct tui *t)
{
	struct segment	*g = ui_current(t);
	int64_t		 id = g != NULL ? g->id : 0;

	if (id != t->work.subject)
		worktime_start(&t->work, id, ui_now_ms());
}

static void
tui_loop(struct tui *t)
{
	key_code	key;
	int		resized;

	while (!t->quit && !tui_signalled) {
		ui_draw(t);
		if (tui_wait(t)) {
			while ((key = ui_read_key(t, &resized)) != KEYC_NONE ||
			    resized) {
				if (resized) {
					getmaxyx(stdscr, t->rows, t->cols);
					ui_layout(t);
					clearok(curscr, TRUE);
					t->dirty |= UI_ALL;
				}
				if (key != KEYC_NONE)
					ui_key(t, key);
				if (t->quit)
					break;
			}
		}
		ui_tick(t);
		tui_idle(t);
		tui_work(t);
	}
}

static void
tui_free(struct tui *t)
{
	player_free(t->player);
	keymap_free(t->keys);
	store_recording_list_free(t->recs, t->nrecs);
	segment_list_free(t->segs, t->nsegs);
	for (size_t i = 0; i < t->nlanes; i++)
		free(t->lane_codes[i]);
	free(t->lane_codes);
	history_free(&t->hist);
	editline_free(&t->line);
	editline_free(&t->prompt.line);
	speaker_list_free(t->speakers, t->nspeakers);
	ui_check_free(t);
	ui_review_free(t);
	ui_pick_end(t);
	editline_free(&t->pick.filter);
	free(t->spans);
	free(t->rec_path);
	free(t->draft_saved);
	free(t->message);
	free(t->audio_note);
	free(t->search);
	free(t->filter);
	store_close(t->store);
}

int
tui_run(const char *project, const char *recording,
    const struct ui_options *opt, char **cause)
{
	struct tui		 t;
	const char *const	*warnings;
	size_t			 nwarnings;
	char			*path = NULL;
	int			 rc = -1;

	memset(&t, 0, sizeof t);
	t.opt = *opt;
	t.speed = 1.0;
	t.mark = -1;
	t.playhead_col = -1;
	editline_init(&t.line, "");
	editline_init(&t.prompt.line, "");
	editline_init(&t.pick.filter, "");
	history_init(&t.hist);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*cause = xstrdup(_("the screen needs a terminal; for scripts "
		    "use the other commands (see 'tingxie --help')"));
		goto out;
	}
	if ((t.store = store_open(project, STORE_WRITE, cause)) == NULL ||
	    store_role(t.store, &t.role, cause) != 0)
		goto out;
	/* On the terminal for after the screen, and on the status line. */
	cmd_warnings(t.store);
	t.mode = opt->mode == UI_MODE_ROLE ? ui_role_mode(t.role) : opt->mode;
	t.autoplay = opt->autoplay;
	t.checker = checker_new(t.store, NULL);
	t.keys = keymap_new();
	path = opt->keys_path != NULL ? xstrdup(opt->keys_path) :
	    keymap_default_path();
	if (path != NULL && keymap_load(t.keys, path, cause) != 0)
		goto out;
	if (tui_load(&t, recording, cause) != 0 || tui_signals(cause) != 0)
		goto out;
	if (tui_curses(&t, cause) != 0)
		goto out;
	/* ALSA, JACK and PortAudio must not write over the screen. */
	output_quiet_begin();
	tui_audio(&t);
	tui_drafts(&t);
	warnings = store_warnings(t.store, &nwarnings);
	if (nwarnings > 0 && t.message == NULL)
		ui_message(&t, "%s", warnings[0]);
	tui_loop(&t);
	ui_stop(&t);
	ui_draft_save(&t, 1);
	endwin();
	delscreen(tui_screen);
	output_quiet_end();
	if (tui_signalled)
		fprintf(stderr, _("tingxie: stopped by signal %d; your typing "
		    "is kept as a draft\n"), (int)tui_signalled);
	rc = 0;
out:
	free(path);
	tui_free(&t);
	return rc;
}
