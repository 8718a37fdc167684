/* cmd-report.c: tingxie report PROJECT: throughput, accuracy, agreement */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "report.h"
#include "role.h"
#include "table.h"
#include "timecode.h"
#include "xmalloc.h"

#define REPORT_THROUGHPUT	0x1
#define REPORT_ACCURACY		0x2
#define REPORT_AGREEMENT	0x4

struct report_opts {
	int		 sections;	/* REPORT_* */
	int		 asked;		/* sections named on the command line */
	int		 by[REPORT_BY_N];
	int		 tsv;
	int		 printed;	/* tables printed so far */
	int64_t		 rec;
	char		*linguists[2];
};

/*
 * Prints a table under its title: in text, the title (translated) and a
 * blank line before all but the first; in TSV, "# name" (an identifier,
 * the same in every language, for scripts to find).
 */
static void
report_print(struct table *t, const char *title, const char *name,
    struct report_opts *o)
{
	if (o->printed++ > 0)
		putchar('\n');
	if (o->tsv)
		printf("# %s\n", name);
	else
		printf("%s\n", title);
	table_print(t, stdout, o->tsv);
	table_free(t);
}

/* A duration: h:mm:ss.mmm in text, seconds in TSV. */
static const char *
report_audio(int64_t ms, int tsv, char buf[TIMECODE_BUFSIZE])
{
	return tsv ? timecode_sec(ms, 1000, buf) : timecode_hms(ms, 1000, buf);
}

/* A rate: a percentage in text, a fraction in TSV; '-' or "" for none. */
static const char *
report_rate(double r, int tsv, char buf[REPORT_BUFSIZE])
{
	if (r < 0)
		return tsv ? "" : "-";
	if (tsv) {
		snprintf(buf, REPORT_BUFSIZE, "%.4f", r);
		return buf;
	}
	return report_percent(r, buf);
}

static const char *
report_count(size_t n, char buf[24])
{
	snprintf(buf, 24, "%zu", n);
	return buf;
}

/* ---- throughput ---- */

static int
report_stages(struct store *s, struct report_opts *o)
{
	const char *text[] = { _("stage"), _(">segments"), _(">audio") };
	const char *tsv[] = { "stage", "segments", "seconds" };
	struct store_stage_total	 totals[4], all = { 0 };
	struct table			*t;
	char				*cause = NULL, n[24], ms[TIMECODE_BUFSIZE];

	if (store_report_stages(s, o->rec, totals, &cause) != 0)
		return cmd_fail(cause);
	t = table_new(3, o->tsv ? tsv : text);
	for (int i = 0; i <= 4; i++) {
		const struct store_stage_total	*x = i < 4 ? &totals[i] : &all;
		const char			*cells[3];

		cells[0] = i < 4 ? segment_stage_name((enum segment_stage)i) :
		    o->tsv ? "(all)" : _("(all)");
		cells[1] = report_count(x->segments, n);
		cells[2] = report_audio(x->ms, o->tsv, ms);
		table_add(t, cells);
		if (i < 4) {
			all.segments += x->segments;
			all.ms += x->ms;
		}
	}
	report_print(t, _("Throughput by stage"), "throughput-stage", o);
	return EXIT_OK;
}

/* The real-time factor: time spent over the audio it was spent on. */
static const char *
report_rtf(const struct store_pass_work *w, int tsv, char buf[24])
{
	if (w->worked_ms <= 0)
		return tsv ? "" : "-";
	snprintf(buf, 24, "%.2f", (double)w->work_ms / (double)w->worked_ms);
	return buf;
}

static int
report_users(struct store *s, struct report_opts *o)
{
	const char *text[] = { _("user"), _("role"), _(">transcribed"),
	    _(">audio"), _(">RTF"), _(">reviewed"), _(">audio"), _(">RTF"),
	    _(">checked"), _(">audio") };
	const char *tsv[] = { "user", "role", "transcribed",
	    "transcribed_seconds", "transcribe_rtf", "reviewed",
	    "reviewed_seconds", "review_rtf", "checked", "checked_seconds" };
	struct store_work	*w;
	struct table		*t;
	size_t			 n;
	char			*cause = NULL, c[3][24], a[3][TIMECODE_BUFSIZE],
				 r[2][24];

	if (store_report_work(s, o->rec, &w, &n, &cause) != 0)
		return cmd_fail(cause);
	t = table_new(10, o->tsv ? tsv : text);
	for (size_t i = 0; i < n; i++) {
		const char	*cells[10];
		int		 any = 0;

		for (int p = 0; p < PASS_N; p++)
			any |= w[i].pass[p].segments > 0 ||
			    w[i].pass[p].work_ms > 0;
		if (!any)
			continue;
		cells[0] = w[i].login;
		cells[1] = role_name(w[i].role);
		for (int p = 0; p < PASS_N; p++) {
			cells[2 + 3 * p] = report_count(w[i].pass[p].segments,
			    c[p]);
			cells[3 + 3 * p] = report_audio(w[i].pass[p].ms, o->tsv,
			    a[p]);
			if (p < PASS_LINGUIST)
				cells[4 + 3 * p] = report_rtf(&w[i].pass[p],
				    o->tsv, r[p]);
		}
		table_add(t, cells);
	}
	store_work_list_free(w, n);
	report_print(t, _("Throughput by user"), "throughput-user", o);
	return EXIT_OK;
}

/* ---- accuracy ---- */

static void
report_accuracy_row(struct table *t, const struct report_accuracy *a,
    const char *key, int tsv)
{
	const char	*cells[13];
	char		 segs[24], ms[TIMECODE_BUFSIZE], cs[24], ct[24], ce[24],
			 cer[REPORT_BUFSIZE], ws[24], wt[24], we[24],
			 wer[REPORT_BUFSIZE], wrong[24], ser[REPORT_BUFSIZE];

	cells[0] = key;
	cells[1] = report_count(a->segments, segs);
	cells[2] = report_audio(a->ms, tsv, ms);
	if (!tsv) {
		cells[3] = report_rate(report_cer(a), 0, cer);
		cells[4] = report_count(a->chars.ref, ct);
		cells[5] = report_rate(report_wer(a), 0, wer);
		cells[6] = report_count(a->words.ref, wt);
		cells[7] = report_rate(report_ser(a), 0, ser);
		table_add(t, cells);
		return;
	}
	cells[3] = report_count(a->char_segments, cs);
	cells[4] = report_count(a->chars.ref, ct);
	cells[5] = report_count(a->chars.sub + a->chars.del + a->chars.ins, ce);
	cells[6] = report_rate(report_cer(a), 1, cer);
	cells[7] = report_count(a->word_segments, ws);
	cells[8] = report_count(a->words.ref, wt);
	cells[9] = report_count(a->words.sub + a->words.del + a->words.ins, we);
	cells[10] = report_rate(report_wer(a), 1, wer);
	cells[11] = report_count(a->wrong, wrong);
	cells[12] = report_rate(report_ser(a), 1, ser);
	table_add(t, cells);
}

static void
report_accuracy_table(const struct report_groups *g, enum report_by by,
    struct report_opts *o)
{
	static const char *const titles[REPORT_BY_N] = {
		N_("Accuracy by transcriber"), N_("Accuracy by recording"),
		N_("Accuracy by language"), N_("Accuracy by dialect")
	};
	static const char *const keys[REPORT_BY_N] = {
		N_("transcriber"), N_("recording"), N_("language"),
		N_("dialect")
	};
	const char *text[] = { _(keys[by]), _(">segments"),
	    _(">audio"), _(">CER"), _(">chars"), _(">WER"), _(">words"),
	    _(">SER") };
	const char *tsv[] = { report_by_name(by), "segments", "seconds",
	    "char_segments", "chars", "char_errors", "cer", "word_segments",
	    "words", "word_errors", "wer", "wrong_segments", "ser" };
	struct table	*t = table_new(o->tsv ? 13 : 8, o->tsv ? tsv : text);
	char		*name;

	for (size_t i = 0; i < g->n[by]; i++) {
		const char	*key = g->by[by][i].key;

		report_accuracy_row(t, &g->by[by][i], key != NULL ? key :
		    o->tsv ? "" : "-", o->tsv);
	}
	report_accuracy_row(t, &g->total, o->tsv ? "(all)" : _("(all)"),
	    o->tsv);
	name = xprintf("accuracy-%s", report_by_name(by));
	report_print(t, _(titles[by]), name, o);
	free(name);
}

static int
report_accuracy_all(struct store *s, struct report_opts *o)
{
	struct report_groups	 g;
	struct store_pair	*pairs;
	size_t			 n;
	char			*cause = NULL;

	if (store_report_pairs(s, o->rec, 0, &pairs, &n, &cause) != 0)
		return cmd_fail(cause);
	report_accuracy(pairs, n, &g);
	store_pair_list_free(pairs, n);
	for (int by = 0; by < REPORT_BY_N; by++) {
		if (o->by[by])
			report_accuracy_table(&g, (enum report_by)by, o);
	}
	report_groups_free(&g);
	return EXIT_OK;
}

/* ---- agreement ---- */

/* A dialect as the text table shows it: "-" for none. */
static const char *
report_label(const char *label)
{
	return *label != '\0' ? label : "-";
}

/* The confusion table for scripts: one line per pair of labels. */
static void
report_confusion_tsv(const struct report_agreement *g,
    struct report_opts *o)
{
	const struct review_kappa	*k = &g->kappa;
	const char			*head[] = { "a", "b", "label_a",
					    "label_b", "segments" };
	struct table			*t = table_new(5, head);
	char				 c[24];

	for (size_t x = 0; x < k->nlabels; x++) {
		for (size_t y = 0; y < k->nlabels; y++) {
			const char	*row[5] = { g->a, g->b, k->labels[x],
			    k->labels[y], report_count(k->table[x *
			    k->nlabels + y], c) };

			table_add(t, row);
		}
	}
	report_print(t, NULL, "confusion", o);
}

/* The confusion table: a's labels down, b's across. */
static void
report_confusion(const struct report_agreement *g, struct report_opts *o)
{
	const struct review_kappa	*k = &g->kappa;
	const char			**head, **cells;
	struct table			*t;
	char				*title, (*num)[24];

	if (o->tsv) {
		report_confusion_tsv(g, o);
		return;
	}
	head = xcalloc(k->nlabels + 1, sizeof *head);
	cells = xcalloc(k->nlabels + 1, sizeof *cells);
	num = xcalloc(k->nlabels + 1, sizeof *num);
	title = xprintf("%s \\ %s", g->a, g->b);
	head[0] = title;
	for (size_t y = 0; y < k->nlabels; y++)
		head[y + 1] = xprintf(">%s", report_label(k->labels[y]));
	t = table_new((int)k->nlabels + 1, head);
	for (size_t x = 0; x < k->nlabels; x++) {
		cells[0] = report_label(k->labels[x]);
		for (size_t y = 0; y < k->nlabels; y++)
			cells[y + 1] = report_count(k->table[x * k->nlabels +
			    y], num[y]);
		table_add(t, cells);
	}
	for (size_t y = 0; y < k->nlabels; y++)
		free((char *)head[y + 1]);
	free(title);
	free(head);
	free(cells);
	free(num);
	title = xprintf(_("Dialect tags of %s (down) against %s (across)"),
	    g->a, g->b);
	report_print(t, title, "confusion", o);
	free(title);
}

static void
report_kappa_row(struct table *t, const struct report_agreement *g)
{
	const char	*cells[6];
	char		 n[24], po[24], pe[24], kappa[24];

	snprintf(po, sizeof po, "%.3f", g->kappa.observed);
	snprintf(pe, sizeof pe, "%.3f", g->kappa.expected);
	snprintf(kappa, sizeof kappa, "%.3f", g->kappa.kappa);
	cells[0] = g->a;
	cells[1] = g->b;
	cells[2] = report_count(g->kappa.n, n);
	cells[3] = po;
	cells[4] = pe;
	cells[5] = kappa;
	table_add(t, cells);
}

/* Checks the logins of --linguists against the project's users. */
static int
report_linguists(struct store *s, const struct report_opts *o, char **cause)
{
	struct store_user	*u;
	size_t			 n, found;

	if (store_user_list(s, &u, &n, cause) != 0)
		return -1;
	for (int i = 0; i < 2; i++) {
		found = 0;
		for (size_t j = 0; j < n; j++)
			found |= strcmp(u[j].login, o->linguists[i]) == 0;
		if (!found) {
			*cause = xprintf(_("'%s' is not a user of this project "
			    "(see 'tingxie users %s list')"), o->linguists[i],
			    store_path(s));
			store_user_list_free(u, n);
			return -1;
		}
	}
	store_user_list_free(u, n);
	return 0;
}

/*
 * Measures agreement before anything is printed, so that a report asked
 * for agreement it cannot give fails whole. *ng is 0 when there is none
 * to print.
 */
static int
report_agreement_load(struct store *s, const struct report_opts *o,
    struct report_agreement **g, size_t *ng)
{
	struct store_judgment	*j;
	size_t			 n;
	char			*cause = NULL;
	int			 wanted = (o->asked & REPORT_AGREEMENT) ||
				     o->linguists[0] != NULL;

	*g = NULL;
	*ng = 0;
	if ((o->linguists[0] != NULL && report_linguists(s, o, &cause) != 0) ||
	    store_report_judgments(s, o->rec, &j, &n, &cause) != 0)
		return cmd_fail(cause);
	report_agreement(j, n, o->linguists[0], o->linguists[1], g, ng);
	store_judgment_list_free(j, n);
	if (*ng > 0 && (*g)[0].kappa.n > 0)
		return EXIT_OK;
	report_agreement_free(*g, *ng);
	*g = NULL;
	*ng = 0;
	if (!wanted)
		return EXIT_OK;
	if (o->linguists[0] != NULL)
		cause = xprintf(_("%s and %s have not both checked any segment: "
		    "there is no agreement to measure"), o->linguists[0],
		    o->linguists[1]);
	else if (n == 0)
		cause = xstrdup(_("no linguist has checked a segment yet: "
		    "agreement needs two linguists' tags of the same "
		    "segments"));
	else
		cause = xstrdup(_("no two linguists have checked the same "
		    "segments: there is no agreement to measure"));
	return cmd_fail(cause);
}

static void
report_agreement_print(const struct report_agreement *g, size_t ng,
    struct report_opts *o)
{
	const char *text[] = { _("linguist"), _("linguist"), _(">segments"),
	    _(">observed"), _(">expected"), _(">kappa") };
	const char *tsv[] = { "a", "b", "segments", "observed", "expected",
	    "kappa" };
	struct table	*t;

	if (ng == 0)
		return;
	t = table_new(6, o->tsv ? tsv : text);
	for (size_t i = 0; i < ng; i++)
		report_kappa_row(t, &g[i]);
	report_print(t, _("Agreement on dialect tags (Cohen's kappa)"),
	    "agreement", o);
	for (size_t i = 0; i < ng; i++)
		report_confusion(&g[i], o);
}

/* ---- options ---- */

static int
report_parse_by(const struct cmd_entry *e, char *arg, struct report_opts *o)
{
	enum report_by	  by;
	char		**items;
	size_t		  n;

	items = cmd_split(arg, &n);
	memset(o->by, 0, sizeof o->by);
	for (size_t i = 0; i < n; i++) {
		if (report_by_parse(items[i], &by) != 0) {
			cmd_usage(e, _("--by takes user, recording, language "
			    "or dialect (or several, with commas), not '%s'"),
			    items[i]);
			free(items);
			return -1;
		}
		o->by[by] = 1;
	}
	free(items);
	return 0;
}

static int
report_parse_linguists(const struct cmd_entry *e, char *arg,
    struct report_opts *o)
{
	char	**items;
	size_t	  n;

	items = cmd_split(arg, &n);
	if (n != 2 || *items[0] == '\0' || *items[1] == '\0' ||
	    strcmp(items[0], items[1]) == 0) {
		free(items);
		cmd_usage(e, _("--linguists takes two different logins, "
		    "A,B"));
		return -1;
	}
	o->linguists[0] = items[0];
	o->linguists[1] = items[1];
	free(items);
	return 0;
}

static int
report_parse(const struct cmd_entry *e, int argc, char **argv,
    struct report_opts *o, const char **rec)
{
	static const struct option opts[] = {
		{ "tsv", no_argument, NULL, 't' },
		{ "by", required_argument, NULL, 'b' },
		{ "rec", required_argument, NULL, 'r' },
		{ "throughput", no_argument, NULL, 'T' },
		{ "accuracy", no_argument, NULL, 'A' },
		{ "agreement", no_argument, NULL, 'K' },
		{ "linguists", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	c;

	memset(o, 0, sizeof *o);
	for (int by = 0; by < REPORT_BY_N; by++)
		o->by[by] = 1;
	while ((c = getopt_long(argc, argv, "tb:r:TAKL:h", opts,
	    NULL)) != -1) {
		switch (c) {
		case 't':
			o->tsv = 1;
			break;
		case 'b':
			if (report_parse_by(e, optarg, o) != 0)
				return -1;
			break;
		case 'r':
			*rec = optarg;
			break;
		case 'T':
			o->asked |= REPORT_THROUGHPUT;
			break;
		case 'A':
			o->asked |= REPORT_ACCURACY;
			break;
		case 'K':
			o->asked |= REPORT_AGREEMENT;
			break;
		case 'L':
			if (report_parse_linguists(e, optarg, o) != 0)
				return -1;
			break;
		case 'h':
			cmd_help(e);
			return 1;
		default:
			cmd_usage(e, NULL);
			return -1;
		}
	}
	if (argc - optind != 1) {
		cmd_usage(e, _("give the project"));
		return -1;
	}
	o->sections = o->asked != 0 ? o->asked : REPORT_THROUGHPUT |
	    REPORT_ACCURACY | REPORT_AGREEMENT;
	return 0;
}

static int
cmd_report_exec(const struct cmd_entry *e, int argc, char **argv)
{
	struct report_agreement	*g = NULL;
	struct report_opts	 o;
	struct store		*s;
	const char		*rec = NULL;
	char			*cause = NULL;
	size_t			 ng = 0;
	int			 rc;

	if ((rc = report_parse(e, argc, argv, &o, &rec)) != 0)
		return rc > 0 ? EXIT_OK : EXIT_USAGE;
	if ((s = cmd_open(argv[optind], STORE_READ)) == NULL)
		return EXIT_FAIL;
	if (rec != NULL && store_recording_id(s, rec, &o.rec, &cause) != 0) {
		store_close(s);
		return cmd_fail(cause);
	}
	rc = EXIT_OK;
	if (o.sections & REPORT_AGREEMENT)
		rc = report_agreement_load(s, &o, &g, &ng);
	if (rc == EXIT_OK && (o.sections & REPORT_THROUGHPUT)) {
		rc = report_stages(s, &o);
		if (rc == EXIT_OK)
			rc = report_users(s, &o);
	}
	if (rc == EXIT_OK && (o.sections & REPORT_ACCURACY))
		rc = report_accuracy_all(s, &o);
	if (rc == EXIT_OK)
		report_agreement_print(g, ng, &o);
	report_agreement_free(g, ng);
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_report_entry = {
	"report",
	N_("PROJECT [--throughput] [--accuracy] [--agreement]\n"
	   "                [--by user,recording,language,dialect] "
	   "[--rec NAME]\n"
	   "                [--linguists A,B] [--tsv]"),
	N_("Measure the work: throughput, accuracy, linguists' agreement."),
	N_("Prints tables, each under its title:\n\n"
	   "  Throughput by stage   segments and audio at each stage\n"
	   "  Throughput by user    segments and audio each person\n"
	   "                        transcribed (as the segment's\n"
	   "                        transcriber, past stage new), reviewed\n"
	   "                        and checked (as a linguist), and the\n"
	   "                        real-time factor (RTF) of their work:\n"
	   "                        the time the screen measured them\n"
	   "                        spending, over the audio of the segments\n"
	   "                        it was measured on ('-' when never)\n"
	   "  Accuracy by transcriber, recording, language, dialect\n"
	   "                        of the transcription pass against the\n"
	   "                        review pass, over reviewed segments\n"
	   "  Agreement on dialect tags, and a confusion table for each two\n"
	   "                        linguists who checked the same segments\n\n"
	   "Accuracy compares what the transcriber handed over (the text\n"
	   "before the first review) with what review made of it (the text\n"
	   "now, once reviewed or accepted; else the last review's). Segments\n"
	   "with unspaced script (Chinese, Japanese) are counted in characters\n"
	   "(words of other scripts in them whole), under CER; the others in\n"
	   "words, under WER. SER is the share of segments with any error.\n"
	   "chars and words count the reviewed text's tokens. The row '-'\n"
	   "gathers segments without a language or dialect (or, by\n"
	   "transcriber, ASR output nobody transcribed); '(all)' is the\n"
	   "total. A segment's dialect is its own, else its speaker's.\n"
	   "Users who did none of the work are left out of throughput.\n\n"
	   "Agreement is Cohen's kappa of two linguists' judgments of the\n"
	   "same segments, a judgment being the dialect of a linguist's\n"
	   "latest revision of a segment (a confirm or a re-tag; '-' is no\n"
	   "dialect), with the observed and chance agreement.\n\n"
	   "Options:\n"
	   "      --throughput     only the throughput tables (the section\n"
	   "      --accuracy       options combine; without any, all, and\n"
	   "      --agreement      agreement when there is some)\n"
	   "  -b, --by LIST        accuracy by these only: user (the\n"
	   "                       transcriber), recording, language, dialect\n"
	   "  -r, --rec NAME       one recording's segments\n"
	   "  -L, --linguists A,B  agreement of these two only\n"
	   "  -t, --tsv            tab-separated values for scripts: each\n"
	   "                       table after a line '# NAME' (throughput-\n"
	   "                       stage, throughput-user, accuracy-BY,\n"
	   "                       agreement, confusion), with a header of\n"
	   "                       fixed column names; tables are separated\n"
	   "                       by an empty line; audio in seconds, rates\n"
	   "                       as fractions with the counts behind them,\n"
	   "                       an empty cell for none\n\n"
	   "Exits 1 when --agreement or --linguists finds nothing to measure.\n"),
	cmd_report_exec,
	NULL
};
