/* cmd-info.c: tingxie info PROJECT */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "i18n.h"
#include "recording.h"
#include "table.h"
#include "timecode.h"
#include "xmalloc.h"

static int
cmd_info_exec(const struct cmd_entry *e, int argc, char **argv)
{
	const char *headers[] = { _("name"), _(">duration"), _(">rate"),
	    _(">channels"), _(">segments"), _("format"), _("status") };
	struct store_recording	*recs;
	struct store		*s;
	struct table		*t;
	size_t			 n;
	char			*cause = NULL, hms[TIMECODE_BUFSIZE], rate[16],
				 ch[16], nseg[24];
	int			 rc, tsv = 0, bad = 0;

	if ((rc = cmd_tsv_option(e, argc, argv, &tsv)) >= 0)
		return rc;
	if (argc - optind != 1)
		return cmd_usage(e, _("give one project"));
	if ((s = cmd_open(argv[optind], STORE_READ)) == NULL)
		return EXIT_FAIL;
	if (store_recording_list(s, &recs, &n, &cause) != 0) {
		store_close(s);
		return cmd_fail(cause);
	}
	t = table_new(7, headers);
	for (size_t i = 0; i < n; i++) {
		enum recording_state st = recording_state(s, &recs[i]);
		const char *cells[7];

		snprintf(rate, sizeof rate, "%d", recs[i].rate);
		snprintf(ch, sizeof ch, "%d", recs[i].channels);
		snprintf(nseg, sizeof nseg, "%lld", (long long)recs[i].nsegments);
		cells[0] = recs[i].name;
		cells[1] = timecode_hms(recs[i].frames, recs[i].rate, hms);
		cells[2] = rate;
		cells[3] = ch;
		cells[4] = nseg;
		cells[5] = recs[i].format;
		cells[6] = recording_state_name(st);
		table_add(t, cells);
		bad += st != RECORDING_OK;
	}
	if (!tsv)
		printf(_("%s: %zu recording(s)\n"), store_path(s), n);
	if (n > 0 || tsv)
		table_print(t, stdout, tsv);
	if (bad > 0)
		fprintf(stderr, _("tingxie: %d recording file(s) missing or "
		    "changed since they were added\n"), bad);
	table_free(t);
	store_recording_list_free(recs, n);
	store_close(s);
	return EXIT_OK;
}

const struct cmd_entry cmd_info_entry = {
	"info",
	N_("[--tsv] PROJECT"),
	N_("List the project's recordings."),
	N_("Options:\n"
	   "      --tsv   tab-separated output with a header line, for scripts\n\n"
	   "Shows each recording's name, duration (h:mm:ss.mmm), sample rate,\n"
	   "channels, number of segments and format. The status column says\n"
	   "'missing' when the file is no longer at its path and 'changed'\n"
	   "when its content differs from what was added.\n"),
	cmd_info_exec,
	NULL
};
