/* cmd-qa.c: tingxie qa PROJECT [list|sample|verdict] */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "i18n.h"
#include "report.h"
#include "table.h"
#include "xmalloc.h"

/* A login, or "-" for segments nobody transcribed (ASR output). */
static const char *
qa_who(const char *login)
{
	return login != NULL ? login : "-";
}

static char *
qa_when(int64_t ms, char buf[32])
{
	time_t		secs = (time_t)(ms / 1000);
	struct tm	tm;

	if (localtime_r(&secs, &tm) == NULL ||
	    strftime(buf, 32, "%Y-%m-%d %H:%M", &tm) == 0)
		buf[0] = '\0';
	return buf;
}

static int
cmd_qa_list(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	const char *headers[] = { _(">id"), _("drawn"), _("by"), _(">rate"),
	    _("per"), _(">seed"), _(">sampled"), _(">inspected") };
	struct qa_sample	*list;
	struct table		*t;
	size_t			 n;
	char			*cause = NULL, id[24], when[32], rate[REPORT_BUFSIZE],
				 seed[24], sampled[24], inspected[24];
	int			 rc, tsv;

	if ((rc = cmd_tsv_option(e, argc, argv, &tsv)) >= 0)
		return rc;
	if (optind != argc)
		return cmd_usage(e, _("unexpected '%s'"), argv[optind]);
	if (store_qa_list(s, &list, &n, &cause) != 0)
		return cmd_fail(cause);
	t = table_new(8, headers);
	for (size_t i = 0; i < n; i++) {
		const char	*cells[8];

		snprintf(id, sizeof id, "%lld", (long long)list[i].id);
		snprintf(seed, sizeof seed, "%lld", (long long)list[i].seed);
		snprintf(sampled, sizeof sampled, "%zu", list[i].segments);
		snprintf(inspected, sizeof inspected, "%zu", list[i].inspected);
		cells[0] = id;
		cells[1] = qa_when(list[i].drawn, when);
		cells[2] = list[i].drawn_by;
		cells[3] = report_ppm_text(list[i].rate, rate);
		cells[4] = qa_per_name(list[i].per);
		cells[5] = seed;
		cells[6] = sampled;
		cells[7] = inspected;
		table_add(t, cells);
	}
	table_print(t, stdout, tsv);
	table_free(t);
	qa_sample_list_free(list, n);
	return EXIT_OK;
}

/* Parses a --rate or --threshold; -1 after printing the usage. */
static int
qa_share(const struct cmd_entry *e, const char *opt, const char *arg,
    int64_t lo, int64_t *ppm)
{
	if (cmd_share(arg, ppm) != 0) {
		cmd_usage(e, _("%s '%s' is not a share: write a percentage such "
		    "as 10%% (or a fraction such as 0.1)"), opt, arg);
		return -1;
	}
	if (*ppm < lo || *ppm > 1000000) {
		cmd_usage(e, lo > 0 ? _("%s must be more than 0%% and at most "
		    "100%%, not %s") : _("%s must be from 0%% to 100%%, not %s"),
		    opt, arg);
		return -1;
	}
	return 0;
}

static void
qa_sample_print(const struct qa_sample *q, const struct qa_batch *b,
    size_t n)
{
	const char *headers[] = { _("transcriber"), _("recording"),
	    _(">segments"), _(">sampled"), _("ids") };
	struct table	*t;
	size_t		 total = 0;
	char		 rate[REPORT_BUFSIZE], segs[24], drawn[24], *ids;

	for (size_t i = 0; i < n; i++)
		total += b[i].segments;
	printf(_("sample %lld: %s per %s, seed %lld: %zu of %zu segment(s) "
	    "drawn\n"), (long long)q->id, report_ppm_text(q->rate, rate),
	    qa_per_name(q->per), (long long)q->seed, q->segments, total);
	t = table_new(5, headers);
	for (size_t i = 0; i < n; i++) {
		const char	*cells[5];

		ids = xstrdup("");
		for (size_t j = 0; j < b[i].nids; j++) {
			char	*more = xprintf("%s%s%lld", ids, j ? " " : "",
			    (long long)b[i].ids[j]);

			free(ids);
			ids = more;
		}
		snprintf(segs, sizeof segs, "%zu", b[i].segments);
		snprintf(drawn, sizeof drawn, "%zu", b[i].nids);
		cells[0] = qa_who(b[i].transcriber);
		cells[1] = b[i].recording;
		cells[2] = segs;
		cells[3] = drawn;
		cells[4] = ids;
		table_add(t, cells);
		free(ids);
	}
	table_print(t, stdout, 0);
	table_free(t);
}

static int
cmd_qa_sample(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	static const struct option opts[] = {
		{ "rate", required_argument, NULL, 'r' },
		{ "per", required_argument, NULL, 'p' },
		{ "seed", required_argument, NULL, 's' },
		{ "rec", required_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 }
	};
	struct qa_request	 rq = { 0 };
	struct qa_sample	 q;
	struct qa_batch		*b;
	const char		*rec = NULL;
	char			*cause = NULL;
	size_t			 n;
	long			 seed;
	int			 c;

	while ((c = getopt_long(argc, argv, "r:p:s:R:", opts, NULL)) != -1) {
		switch (c) {
		case 'r':
			if (qa_share(e, "--rate", optarg, 1, &rq.rate) != 0)
				return EXIT_USAGE;
			break;
		case 'p':
			if (qa_per_parse(optarg, &rq.per) != 0)
				return cmd_usage(e, _("--per is transcriber, "
				    "recording or all, not '%s'"), optarg);
			break;
		case 's':
			if (cmd_number(optarg, 0, LONG_MAX, &seed) != 0)
				return cmd_usage(e, _("--seed is a whole number, "
				    "0 or more, not '%s'"), optarg);
			rq.seeded = 1;
			rq.seed = seed;
			break;
		case 'R':
			rec = optarg;
			break;
		default:
			return cmd_usage(e, NULL);
		}
	}
	if (optind != argc)
		return cmd_usage(e, _("unexpected '%s'"), argv[optind]);
	if (rq.rate == 0)
		return cmd_usage(e, _("say how much to draw with --rate, e.g. "
		    "--rate 10%%"));
	if ((rec != NULL && store_recording_id(s, rec, &rq.recording_id,
	    &cause) != 0) || store_qa_sample(s, &rq, &q, &b, &n, &cause) != 0)
		return cmd_fail(cause);
	qa_sample_print(&q, b, n);
	qa_batch_list_free(b, n);
	qa_sample_clear(&q);
	return EXIT_OK;
}

/* The verdict column and why, for one batch. */
static void
qa_result_text(const struct qa_result *r, int64_t threshold, int dry_run,
    char **verdict, char **why)
{
	char	acc[REPORT_BUFSIZE], thr[REPORT_BUFSIZE];

	report_accuracy_text(r->tokens, r->errors, acc);
	report_ppm_text(threshold, thr);
	*verdict = *why = NULL;
	switch (r->verdict) {
	case QA_WAIT:
		*verdict = xstrdup(_("wait"));
		*why = xprintf(_("%zu of %zu sampled not inspected yet"),
		    r->sampled - r->inspected, r->sampled);
		break;
	case QA_ACCEPT:
		*verdict = xstrdup(_("accept"));
		*why = xprintf(dry_run ? _("%s >= %s: would accept %zu "
		    "segment(s)") : _("%s >= %s: %zu segment(s) accepted"), acc,
		    thr, r->moved);
		break;
	case QA_RETURN:
		*verdict = xstrdup(_("return"));
		*why = xprintf(dry_run ? _("%s < %s: would return %zu "
		    "segment(s)") : _("%s < %s: %zu segment(s) returned"), acc,
		    thr, r->moved);
		break;
	case QA_REFUSED:
		*verdict = xstrdup(_("refused"));
		*why = xstrdup(r->why);
		break;
	case QA_DONE:
		*verdict = xstrdup(_("done"));
		*why = xstrdup(_("judged since the sample was drawn"));
		break;
	}
}

/* Appends a part to a line of parts separated by ", ". */
static void
qa_part(char **line, char *part)
{
	char	*prev = *line;

	*line = xprintf("%s%s%s", prev != NULL ? prev : "", prev != NULL ?
	    ", " : "", part);
	free(prev);
	free(part);
}

/* "batches: 1 accepted, 2 waiting for 3 sampled segment(s) ..." */
static void
qa_verdict_summary(const struct qa_result *r, size_t n, int dry_run)
{
	size_t	 count[QA_DONE + 1] = { 0 }, waiting = 0;
	char	*line = NULL;

	for (size_t i = 0; i < n; i++) {
		count[r[i].verdict]++;
		if (r[i].verdict == QA_WAIT)
			waiting += r[i].sampled - r[i].inspected;
	}
	if (count[QA_ACCEPT] > 0)
		qa_part(&line, xprintf(_("%zu accepted"), count[QA_ACCEPT]));
	if (count[QA_RETURN] > 0)
		qa_part(&line, xprintf(_("%zu returned"), count[QA_RETURN]));
	if (count[QA_WAIT] > 0)
		qa_part(&line, xprintf(_("%zu waiting for %zu sampled "
		    "segment(s) to be inspected"), count[QA_WAIT], waiting));
	if (count[QA_REFUSED] > 0)
		qa_part(&line, xprintf(_("%zu refused"), count[QA_REFUSED]));
	if (count[QA_DONE] > 0)
		qa_part(&line, xprintf(_("%zu judged before"),
		    count[QA_DONE]));
	printf(_("batches: %s%s\n"), line != NULL ? line : _("none"),
	    dry_run ? _(" (dry run: nothing changed)") : "");
	free(line);
}

static int
qa_verdict_print(const struct qa_sample *q, const struct qa_result *r,
    size_t n, int64_t threshold, int dry_run, int tsv)
{
	const char *headers[] = { _("transcriber"), _("recording"),
	    _(">sampled"), _(">inspected"), _(">accuracy"), _("verdict"),
	    _("why") };
	struct table	*t = table_new(7, headers);
	char		 sampled[24], inspected[24], acc[REPORT_BUFSIZE],
			 thr[REPORT_BUFSIZE], rate[REPORT_BUFSIZE], when[32];
	char		*verdict, *why;
	int		 refused = 0;

	for (size_t i = 0; i < n; i++) {
		const char	*cells[7];

		qa_result_text(&r[i], threshold, dry_run, &verdict, &why);
		snprintf(sampled, sizeof sampled, "%zu", r[i].sampled);
		snprintf(inspected, sizeof inspected, "%zu", r[i].inspected);
		cells[0] = qa_who(r[i].transcriber);
		cells[1] = r[i].recording;
		cells[2] = sampled;
		cells[3] = inspected;
		cells[4] = r[i].inspected > 0 ? report_accuracy_text(
		    r[i].tokens, r[i].errors, acc) : (tsv ? "" : "-");
		cells[5] = verdict;
		cells[6] = why;
		table_add(t, cells);
		refused |= r[i].verdict == QA_REFUSED;
		free(verdict);
		free(why);
	}
	if (!tsv)
		printf(_("sample %lld (%s per %s, drawn %s by %s), threshold "
		    "%s\n"), (long long)q->id, report_ppm_text(q->rate, rate),
		    qa_per_name(q->per), qa_when(q->drawn, when), q->drawn_by,
		    report_ppm_text(threshold, thr));
	table_print(t, stdout, tsv);
	table_free(t);
	if (!tsv)
		qa_verdict_summary(r, n, dry_run);
	return refused ? EXIT_FAIL : EXIT_OK;
}

static int
cmd_qa_verdict(const struct cmd_entry *e, struct store *s, int argc,
    char **argv)
{
	static const struct option opts[] = {
		{ "threshold", required_argument, NULL, 'T' },
		{ "sample", required_argument, NULL, 'S' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "tsv", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	struct qa_sample	 q;
	struct qa_result	*r;
	char			*cause = NULL;
	size_t			 n;
	int64_t			 threshold = -1;
	long			 sample = 0;
	int			 c, dry_run = 0, tsv = 0, rc;

	while ((c = getopt_long(argc, argv, "T:S:nt", opts, NULL)) != -1) {
		switch (c) {
		case 'T':
			if (qa_share(e, "--threshold", optarg, 0,
			    &threshold) != 0)
				return EXIT_USAGE;
			break;
		case 'S':
			if (cmd_number(optarg, 1, LONG_MAX, &sample) != 0)
				return cmd_usage(e, _("--sample is a sample's "
				    "id (see 'tingxie qa PROJECT list'), not "
				    "'%s'"), optarg);
			break;
		case 'n':
			dry_run = 1;
			break;
		case 't':
			tsv = 1;
			break;
		default:
			return cmd_usage(e, NULL);
		}
	}
	if (optind != argc)
		return cmd_usage(e, _("unexpected '%s'"), argv[optind]);
	if (threshold < 0)
		return cmd_usage(e, _("give the accuracy a batch must reach "
		    "with --threshold, e.g. --threshold 97%%"));
	if (store_qa_verdict(s, sample, threshold, dry_run, &q, &r, &n,
	    &cause) != 0)
		return cmd_fail(cause);
	rc = qa_verdict_print(&q, r, n, threshold, dry_run, tsv);
	qa_result_list_free(r, n);
	qa_sample_clear(&q);
	return rc;
}

static const struct cmd_action cmd_qa_actions[] = {
	{ "list", STORE_READ, cmd_qa_list },
	{ "sample", STORE_WRITE, cmd_qa_sample },
	{ "verdict", STORE_WRITE, cmd_qa_verdict },
	{ NULL, STORE_READ, NULL }
};

const struct cmd_entry cmd_qa_entry = {
	"qa",
	N_("PROJECT [list] [--tsv]\n"
	   "       tingxie qa PROJECT sample --rate SHARE [--per WHAT] "
	   "[--seed N]\n"
	   "                [--rec NAME]\n"
	   "       tingxie qa PROJECT verdict --threshold SHARE "
	   "[--sample ID]\n"
	   "                [--dry-run] [--tsv]"),
	N_("Quality inspection: draw samples, judge batches by them."),
	N_("A batch is one transcriber's segments of one recording. A sample\n"
	   "is a share of the segments transcribed (or later), drawn so that\n"
	   "the same seed and segments give the same sample; reviewers see\n"
	   "sampled segments first in their queues ('tingxie task'). Once\n"
	   "they have inspected every sampled segment of a batch, its\n"
	   "accuracy decides: at or above the threshold the batch is\n"
	   "accepted, below it is returned to its transcriber with a comment\n"
	   "giving the figures. Reviewers and admins run QA; nobody judges a\n"
	   "batch they transcribed.\n\n"
	   "Actions:\n"
	   "  list      the samples: id, when, by whom, rate, per, seed,\n"
	   "            segments drawn and how many are inspected\n"
	   "  sample    draw a sample and print, for each batch, how many\n"
	   "            segments it has and the ids drawn\n"
	   "  verdict   judge each batch of a sample and move its segments\n\n"
	   "Sample options:\n"
	   "  -r, --rate SHARE    how much to draw: a percentage (10%) or a\n"
	   "                      fraction (0.1); rounded up, so every batch\n"
	   "                      drawn from gives at least one segment\n"
	   "  -p, --per WHAT      where the rate applies: transcriber (within\n"
	   "                      each batch), recording, or all (default:\n"
	   "                      all the segments together)\n"
	   "  -s, --seed N        the draw's seed (default: a new one, shown)\n"
	   "  -R, --rec NAME      one recording's segments only\n\n"
	   "Verdict options:\n"
	   "  -T, --threshold SHARE  the accuracy a batch must reach (97%)\n"
	   "  -S, --sample ID     the sample (default: the latest)\n"
	   "  -n, --dry-run       print the verdicts, change nothing\n"
	   "  -t, --tsv           the table as tab-separated values\n\n"
	   "A sampled segment is inspected once somebody reviewed it: it is\n"
	   "reviewed or accepted, or has a review revision since the sample\n"
	   "was drawn. Accuracy is character accuracy, whatever the script:\n"
	   "1 - the character error rate of the transcription against the\n"
	   "reviewed text over the batch's sampled segments (white space is\n"
	   "not a character); it is shown rounded down. A\n"
	   "verdict moves the batch's segments that were transcribed when the\n"
	   "sample was drawn and are transcribed or reviewed now (qa-accept\n"
	   "or qa-return revisions, with the figures as comment). Batches not\n"
	   "fully inspected wait; a batch judged since the sample was drawn\n"
	   "is not judged again. The table gives each batch's transcriber,\n"
	   "recording, sampled and inspected segments, accuracy, verdict\n"
	   "(accept, return, wait, refused, done) and why; a line of totals\n"
	   "follows. Exits 1 if a batch was refused.\n"),
	NULL,
	cmd_qa_actions
};
