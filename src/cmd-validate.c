/* cmd-validate.c: tingxie validate --format F DIR */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "fmt.h"
#include "i18n.h"

static int
cmd_validate_exec(const struct cmd_entry *e, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct fmt_ops	*fmt;
	const char		*format = NULL;
	char			*cause = NULL;
	int			 c;

	while ((c = getopt_long(argc, argv, "f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			format = optarg;
			break;
		case 'h':
			return cmd_help(e);
		default:
			return cmd_usage(e, NULL);
		}
	}
	if (format == NULL || argc - optind != 1)
		return cmd_usage(e, _("give --format and one directory"));
	if ((fmt = fmt_find(format)) == NULL || fmt->validate == NULL)
		return cmd_usage(e, _("no checks for format '%s' (there are "
		    "for: kaldi)"), format);
	if (fmt->validate(argv[optind], &cause) != 0)
		return cmd_fail(cause);
	printf(_("%s: a valid %s directory\n"), argv[optind], fmt->name);
	return EXIT_OK;
}

const struct cmd_entry cmd_validate_entry = {
	"validate",
	N_("--format F DIR"),
	N_("Check a corpus directory by its format's own rules."),
	N_("Formats:\n"
	   "  kaldi   the rules of Kaldi's utils/validate_data_dir.sh: keys in\n"
	   "          C byte order, the same keys in text, segments, utt2spk\n"
	   "          and utt2lang, speaker ids as utterance id prefixes,\n"
	   "          spk2utt matching utt2spk, no CR or Unicode spaces in\n"
	   "          text, segments that end after they start.\n\n"
	   "Every export runs these checks; this command runs them on any\n"
	   "directory. Exits 1 with the file and line of the first problem.\n"),
	cmd_validate_exec,
	NULL
};
