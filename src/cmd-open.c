/* cmd-open.c: tingxie open PROJECT [RECORDING], the transcription screen. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

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
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct ui_options	 opt = { 1.0, NULL, 0 };
	char			*cause = NULL, *end;
	int			 c;

	while ((c = getopt_long(argc, argv, "r:k:nh", opts, NULL)) != -1) {
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
	N_("[--rewind SEC] [--keys FILE] [--no-audio] PROJECT [RECORDING]"),
	N_("Open the transcription screen (also: tingxie PROJECT)."),
	N_("Options:\n"
	   "  -r, --rewind SEC   how far a pause steps back (default 1)\n"
	   "  -k, --keys FILE    key file (default $XDG_CONFIG_HOME/tingxie/keys)\n"
	   "  -n, --no-audio     do not open an audio device\n\n"
	   "Every change is saved as it is made; text being typed is kept as a\n"
	   "draft and offered back if the session ends before it is saved.\n"
	   "Press ? in the screen for the keys; 'tingxie keys' lists them.\n"),
	cmd_open_exec
};
