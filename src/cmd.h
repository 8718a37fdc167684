/*
 * cmd.h: the command table and what commands share.
 *
 * Each subcommand lives in its own cmd-NAME.c and exports one constant
 * struct cmd_entry, listed in cmd_table (cmd.c). Commands are thin: they
 * parse arguments, call the engine and print.
 */
#ifndef TX_CMD_H
#define TX_CMD_H

#include <getopt.h>
#include <stdint.h>

#include "store.h"

/* Exit codes, documented in tingxie(1). */
#define EXIT_OK		0
#define EXIT_FAIL	1	/* the command failed, or found problems */
#define EXIT_USAGE	2	/* bad arguments */
#define EXIT_NOAUDIO	3	/* no audio device to play on */

struct cmd_action;

/*
 * A command: exec runs it with its arguments (argv[0] its name); a
 * command with actions ("tingxie NAME PROJECT ACTION ...") may leave exec
 * NULL and give its actions instead, run by cmd_dispatch().
 */
struct cmd_entry {
	const char		 *name;
	const char		 *usage;	/* N_() */
	const char		 *summary;	/* N_(), one line */
	const char		 *help;		/* N_(), options and details */
	int			(*exec)(const struct cmd_entry *, int, char **);
	const struct cmd_action	 *actions;
};

extern const struct cmd_entry *const cmd_table[];

const struct cmd_entry	*cmd_find(const char *name);
/* Runs a command: its exec, or its actions through cmd_dispatch(). */
int			 cmd_run(const struct cmd_entry *, int, char **);
/* Prints usage, the summary and the help text; returns EXIT_OK. */
int			 cmd_help(const struct cmd_entry *);
/* Prints "tingxie NAME: msg" and the usage line; returns EXIT_USAGE. */
int			 cmd_usage(const struct cmd_entry *, const char *fmt, ...)
			     __attribute__((format(printf, 2, 3)));
/* Prints "tingxie: cause", frees it, returns EXIT_FAIL. */
int			 cmd_fail(char *cause);
/* Prints "tingxie: cause" and frees it (for errors that do not stop). */
void			 cmd_warn(char *cause);
/*
 * Opens a project, or prints why not and returns NULL. Prints the store's
 * warnings (cmd_warnings) once it is open.
 */
struct store		*cmd_open(const char *path, enum store_mode);
/* Prints "tingxie: warning: ..." for each of store_warnings(). */
void			 cmd_warnings(struct store *);
/*
 * A command with actions, "tingxie NAME PROJECT ACTION ARGS...": the
 * project is opened in the action's mode and exec gets ACTION ARGS... as
 * argc/argv (argv[0] the action; getopt ready). Without an action, or
 * with options right after the project, the first action runs.
 */
struct cmd_action {
	const char	*name;
	enum store_mode	 mode;
	int		(*exec)(const struct cmd_entry *, struct store *, int,
			    char **);
};
int			 cmd_dispatch(const struct cmd_entry *,
			     const struct cmd_action *, int, char **);
/* An option value that may be "" to clear a field: NULL or a copy. */
char			*cmd_optional(const char *);
/*
 * Parses the options of a command that has only --tsv (and --help): -1
 * to go on, *tsv set, with optind at the operands; else the exit status
 * to return (help or usage printed).
 */
int			 cmd_tsv_option(const struct cmd_entry *, int, char **,
			     int *tsv);
/* Parses a whole number in [lo, hi]; returns 0 or -1. */
int			 cmd_number(const char *s, long lo, long hi, long *out);
/*
 * Parses a share: a percentage ("10%", "97.5%") or a fraction with a
 * decimal point ("0.1"), into parts per million (10% is 100000); returns
 * 0, or -1 when s is neither (the range is the caller's to check).
 */
int			 cmd_share(const char *s, int64_t *ppm);
/* Splits a comma-separated list in place: its items (caller frees). */
char			**cmd_split(char *list, size_t *n);

#endif
