/*
 * tui.h: the transcription screen, as the command line starts it.
 */
#ifndef TX_TUI_H
#define TX_TUI_H

struct ui_options;

/*
 * Runs the screen on a project (and a recording, by name, or NULL for the
 * first) until the user quits or a SIGHUP or SIGTERM arrives. Returns 0,
 * or -1 with *cause set when the screen could not start.
 */
int	tui_run(const char *project, const char *recording,
	    const struct ui_options *, char **cause);

#endif
