/* cmd-play.c: tingxie play PROJECT RECORDING [--from] [--to] [--speed] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "player.h"
#include "timecode.h"
#include "xmalloc.h"

struct play_args {
	const char	*from;
	const char	*to;
	double		 speed;
	long		 channel;	/* from 1; 0 = all */
};

static int
cmd_play_speed(const char *s, double *out)
{
	char	*end;
	double	 v = strtod(s, &end);

	if (end == s || *end != '\0' || !(v >= PLAYER_SPEED_MIN) ||
	    !(v <= PLAYER_SPEED_MAX))
		return -1;
	*out = v;
	return 0;
}

static int
cmd_play_run(struct store *s, const char *recname, const struct play_args *a)
{
	struct player_request	 rq;
	struct store_recording	 rec;
	struct player		*p = NULL;
	char			*cause = NULL, *path = NULL;
	const char		*err;
	int			 rc = EXIT_FAIL;

	if (store_recording_find(s, recname, &rec, &cause) != 0)
		return cmd_fail(cause);
	memset(&rq, 0, sizeof rq);
	rq.speed = a->speed;
	rq.channel = (int)a->channel - 1;
	if ((a->from != NULL && timecode_parse(a->from, rec.rate, &rq.from,
	    &cause) != 0) || (a->to != NULL && timecode_parse(a->to, rec.rate,
	    &rq.to, &cause) != 0)) {
		cmd_warn(cause);
		rc = EXIT_USAGE;
		goto out;
	}
	if (rq.to != 0 && rq.to <= rq.from) {
		cmd_warn(xprintf(_("--to must be after --from")));
		rc = EXIT_USAGE;
		goto out;
	}
	if (rq.from >= rec.frames) {
		cmd_warn(xprintf(_("--from is past the end of '%s'"), rec.name));
		rc = EXIT_USAGE;
		goto out;
	}
	path = store_resolve(s, rec.path);
	rq.path = path;
	if ((p = player_new(&output_portaudio, &cause)) == NULL) {
		cmd_warn(cause);
		rc = EXIT_NOAUDIO;
		goto out;
	}
	if ((rc = player_play(p, &rq, &cause)) != 0) {
		cmd_warn(cause);
		rc = rc == -2 ? EXIT_NOAUDIO : EXIT_FAIL;
		goto out;
	}
	player_wait(p);
	if ((err = player_error(p)) != NULL) {
		cmd_warn(xstrdup(err));
		goto out;
	}
	rc = EXIT_OK;
out:
	player_free(p);
	free(path);
	store_recording_clear(&rec);
	return rc;
}

static int
cmd_play_exec(const struct cmd_entry *e, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "speed", required_argument, NULL, 's' },
		{ "channel", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct play_args	 a = { NULL, NULL, 1.0, 0 };
	struct store		*s;
	int			 c, rc;

	while ((c = getopt_long(argc, argv, "f:t:s:c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			a.from = optarg;
			break;
		case 't':
			a.to = optarg;
			break;
		case 's':
			if (cmd_play_speed(optarg, &a.speed) != 0)
				return cmd_usage(e, _("--speed takes a number "
				    "from 0.5 to 2.0, not '%s'"), optarg);
			break;
		case 'c':
			if (cmd_number(optarg, 1, 64, &a.channel) != 0)
				return cmd_usage(e, _("--channel takes a "
				    "channel number from 1, not '%s'"), optarg);
			break;
		case 'h':
			return cmd_help(e);
		default:
			return cmd_usage(e, NULL);
		}
	}
	if (argc - optind != 2)
		return cmd_usage(e, _("give a project and a recording"));
	if ((s = cmd_open(argv[optind], STORE_READ)) == NULL)
		return EXIT_FAIL;
	rc = cmd_play_run(s, argv[optind + 1], &a);
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_play_entry = {
	"play",
	N_("PROJECT RECORDING [--from TIME] [--to TIME] [--speed X] "
	   "[--channel N]"),
	N_("Play a stretch of a recording and exit."),
	N_("Options:\n"
	   "  -f, --from TIME    where to start (default: the beginning)\n"
	   "  -t, --to TIME      where to stop (default: the end)\n"
	   "  -s, --speed X      0.5 to 2.0, pitch kept (default 1.0)\n"
	   "  -c, --channel N    play only channel N, as mono\n\n"
	   "TIME is seconds (12.5), m:ss.mmm or h:mm:ss.mmm. Plays on\n"
	   "PortAudio's default output. With no audio device, says so and\n"
	   "exits with status 3.\n"),
	cmd_play_exec,
	NULL
};
