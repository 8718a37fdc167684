/* cmd-open.c: tingxie open PROJECT [RECORDING], the transcription screen. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "tui.h"
#include "ui.h"

static int
cmd_open_exec(const struct cmd_entry *e, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "rewind", required_argument, NULL, 'r' },
		{ "keys", required_argument, NULL, 'k' },
		{ "no-audio", no_argument, NULL, 'n' },
		{ "mode", required_argument, NULL, 'm' },
		{ "review", no_argument, NULL, 'R' },
		{ "linguist", no_argument, NULL, 'L' },
		{ "autoplay", no_argument, NULL, 'a' },
		{ "no-autoplay", no_argument, NULL, 'A' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const modes[] = { "transcribe", "review",
	    "linguist" };
	struct ui_options	 opt = { 1.0, NULL, 0, UI_MODE_ROLE, -1 };
	char			*cause = NULL, *end;
	int			 c, i;

	while ((c = getopt_long(argc, argv, "r:k:nm:h", opts, NULL)) != -1) {
		switch (c) {
		case 'r':
			opt.rewind = strtod(optarg, &end);
			if (*end != '\0' || !(opt.rewind >= 0 && opt.rewind <= 10))
				return cmd_usage(e, _("--rewind takes seconds "
				    "from 0 to 10, not '%s'"), optarg);
			break;
		case 'k':
			opt.keys_path = optarg;
			break;
		case 'n':
			opt.no_audio = 1;
			break;
		case 'm':
			for (i = 0; i < UI_MODE_ROLE; i++) {
				if (strcmp(optarg, modes[i]) == 0)
					break;
			}
			if (i == UI_MODE_ROLE)
				return cmd_usage(e, _("--mode is transcribe, "
				    "review or linguist, not '%s'"), optarg);
			opt.mode = (enum ui_mode)i;
			break;
		case 'R':
			opt.mode = UI_MODE_REVIEW;
			break;
		case 'L':
			opt.mode = UI_MODE_LINGUIST;
			break;
		case 'a':
		case 'A':
			opt.autoplay = c == 'a';
			break;
		case 'h':
			return cmd_help(e);
		default:
			return cmd_usage(e, NULL);
		}
	}
	if (argc - optind < 1 || argc - optind > 2)
		return cmd_usage(e, _("give a project and, if you like, a "
		    "recording"));
	if (tui_run(argv[optind], argc - optind == 2 ? argv[optind + 1] : NULL,
	    &opt, &cause) != 0)
		return cmd_fail(cause);
	return EXIT_OK;
}

const struct cmd_entry cmd_open_entry = {
	"open",
	N_("[--rewind SEC] [--keys FILE] [--no-audio] [--mode MODE]\n"
	   "                [--[no-]autoplay] PROJECT [RECORDING]"),
	N_("Open the transcription screen (also: tingxie PROJECT)."),
	N_("Options:\n"
	   "  -r, --rewind SEC   how far a pause steps back (default 1)\n"
	   "  -k, --keys FILE    key file (default $XDG_CONFIG_HOME/tingxie/keys)\n"
	   "  -n, --no-audio     do not open an audio device\n"
	   "  -m, --mode MODE    transcribe (every segment), review or linguist\n"
	   "                     (your queue); by default the one of your role:\n"
	   "                     review for reviewers, linguist for linguists,\n"
	   "                     transcribe for transcribers and admins\n"
	   "      --review       the same as --mode review\n"
	   "      --linguist     the same as --mode linguist\n"
	   "      --[no-]autoplay  play each task as it is taken (default: in\n"
	   "                     the review and linguist modes)\n\n"
	   "In review mode the list is your queue, the transcriber's text is\n"
	   "shown above the current one with the differences marked, and\n"
	   "accept (a), reject (x, with a comment) and next task (T) are one\n"
	   "key each; accepting while editing saves the edit first. Linguist\n"
	   "mode: confirm (c), or change the language (t) or dialect (v), and\n"
	   "the next task follows; f chooses the language and dialect of the\n"
	   "tasks. R switches between your queue and all segments.\n\n"
	   "Every change is saved as it is made; text being typed is kept as a\n"
	   "draft and offered back if the session ends before it is saved.\n"
	   "Press ? in the screen for the keys; 'tingxie keys' lists them.\n"),
	cmd_open_exec,
	NULL
};
