/* cmd-keys.c: tingxie keys [--defaults] [--file PATH] */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "i18n.h"
#include "keys.h"
#include "xmalloc.h"

/* The key map to show: the defaults, or with the key file applied. */
static struct keymap *
cmd_keys_load(int defaults, const char *file, char **cause)
{
	struct keymap	*km = keymap_new();
	char		*path;

	if (defaults)
		return km;
	/* A file named on the command line must exist. */
	if (file != NULL && access(file, F_OK) != 0) {
		*cause = xprintf("%s: %s", file, strerror(errno));
		keymap_free(km);
		return NULL;
	}
	path = file != NULL ? xstrdup(file) : keymap_default_path();
	if (path != NULL && keymap_load(km, path, cause) != 0) {
		keymap_free(km);
		km = NULL;
	}
	free(path);
	return km;
}

static int
cmd_keys_exec(const struct cmd_entry *e, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "defaults", no_argument, NULL, 'd' },
		{ "file", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct action_info	*ai;
	struct keymap			*km;
	const char			*file = NULL;
	char				*cause = NULL, *keys;
	int				 c, defaults = 0;

	while ((c = getopt_long(argc, argv, "df:h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			defaults = 1;
			break;
		case 'f':
			file = optarg;
			break;
		case 'h':
			return cmd_help(e);
		default:
			return cmd_usage(e, NULL);
		}
	}
	if (argc - optind != 0)
		return cmd_usage(e, _("no arguments expected"));
	if (defaults && file != NULL)
		return cmd_usage(e, _("give --defaults or --file, not both"));
	if ((km = cmd_keys_load(defaults, file, &cause)) == NULL)
		return cmd_fail(cause);
	for (int a = 0; a < ACTION_COUNT; a++) {
		ai = action_info((enum action)a);
		keys = keymap_keys(km, (enum action)a);
		printf("%s\t%s\t%s\n", ai->name, keys, _(ai->description));
		free(keys);
	}
	keymap_free(km);
	return EXIT_OK;
}

const struct cmd_entry cmd_keys_entry = {
	"keys",
	N_("[--defaults] [--file PATH]"),
	N_("List the keys of the transcription screen."),
	N_("Options:\n"
	   "      --defaults   show the default keys, ignoring the key file\n"
	   "      --file PATH  read this key file instead of the usual one\n\n"
	   "Prints one line per action: its name, its keys and what it does,\n"
	   "separated by tabs.\n\n"
	   "The key file is $XDG_CONFIG_HOME/tingxie/keys, or\n"
	   "~/.config/tingxie/keys when XDG_CONFIG_HOME is not set. It is\n"
	   "UTF-8 text; blank lines and lines starting with # are ignored.\n"
	   "Every other line is\n\n"
	   "    ACTION KEY...\n\n"
	   "and replaces that action's keys; 'ACTION none' leaves it without\n"
	   "keys. For example:\n\n"
	   "    # play with F4 as well as Tab\n"
	   "    play-pause Tab F4\n"
	   "    delete-segment none\n\n"
	   "A key can do one action only, except that edit and commit may\n"
	   "share keys (by default Enter edits, and commits while editing).\n\n"
	   "Key names are tmux's: a character (a, U, ?, 你; letters are\n"
	   "case-sensitive), C-x for Control (letters and @ [ \\ ] ^ _ ? /),\n"
	   "M-x for Meta or Alt (M-Left, C-M-x), F1 to F12, Up, Down, Left,\n"
	   "Right, Home, End, PPage (PageUp), NPage (PageDown), IC (Insert),\n"
	   "DC (Delete), BSpace, Tab, BTab (Shift-Tab), Enter, Escape and\n"
	   "Space. Keys a terminal cannot tell apart are one key: C-/ is C-_,\n"
	   "C-i is Tab, C-m and C-j are Enter, C-h and C-? are BSpace, C-[ is\n"
	   "Escape and C-@ is C-Space.\n"),
	cmd_keys_exec,
	NULL
};
