/*
 * fmt-lhotse.c: Lhotse manifests (formats.md §4): recordings.jsonl and
 * supervisions.jsonl, plain JSON Lines (not gzip), keys as Lhotse writes
 * them and members that would be None left out.
 *
 * Pointing at the originals, a recording is a file with all its channels
 * and a supervision names its segment's channel (all of them, as a list,
 * when the segment has none). With cut audio, every cut file is a mono
 * recording of its own, keyed by the utterance id, and its supervision
 * starts where the padding ends. A recording's duration is num_samples /
 * sampling_rate exactly (to 15 decimals), as Lhotse's validator wants;
 * supervision times are whole milliseconds.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fmt-corpus.h"
#include "i18n.h"
#include "xmalloc.h"

struct lhotse_out {
	const struct export_set	*set;
	const char		*dir;	/* absolute */
	int			 cut;
};

/* ---- checks ---- */

static int
lhotse_check_rec(const struct export_recording *er, char **cause)
{
	if (er->rec->frames <= 0 || er->rec->rate <= 0) {
		*cause = xprintf(_("recording %s: its length is not known, and "
		    "Lhotse needs it"), er->id);
		return -1;
	}
	return corpus_field_ok(er->path, er->id, _("path"), cause);
}

static int
lhotse_check(const struct lhotse_out *o, const struct export_item *it,
    char **cause)
{
	int64_t	 start, end;
	char	*path;

	corpus_item_ms(it, &start, &end);
	if (end <= start) {
		*cause = xprintf(_("utterance %s is shorter than a "
		    "millisecond"), it->id);
		return -1;
	}
	if (o->cut) {
		if ((path = corpus_cut_path(it, o->dir, cause)) == NULL)
			return -1;
		free(path);
	} else if (lhotse_check_rec(it->rec, cause) != 0)
		return -1;
	if (corpus_field_ok(it->text != NULL ? it->text : "", it->id,
	    _("text"), cause) != 0 || (it->dialect != NULL &&
	    corpus_field_ok(it->dialect, it->id, _("dialect"), cause) != 0))
		return -1;
	return 0;
}

/* ---- recordings ---- */

static void
lhotse_recording(FILE *f, const char *id, const char *path, int channels,
    int rate, int64_t samples)
{
	char	d[CORPUS_NUMLEN];

	fputs("{\"id\": ", f);
	fmt_json_string(f, id);
	fputs(", \"sources\": [{\"type\": \"file\", \"channels\": [", f);
	for (int c = 0; c < channels; c++)
		fprintf(f, "%s%d", c == 0 ? "" : ", ", c);
	fputs("], \"source\": ", f);
	fmt_json_string(f, path);
	fprintf(f, "}], \"sampling_rate\": %d, \"num_samples\": %lld, "
	    "\"duration\": %s}\n", rate, (long long)samples,
	    corpus_ratio_str(samples, rate, d, sizeof d));
}

static void
lhotse_recordings(const struct lhotse_out *o, FILE *f)
{
	const struct export_set		 *set = o->set;
	const struct export_recording	 *er, **done;
	char				 *path, *ignored = NULL;
	size_t				  ndone = 0, j;

	if (set->nitems == 0)
		return;
	done = xcalloc(set->nitems, sizeof *done);
	for (size_t i = 0; i < set->nitems; i++) {
		const struct export_item *it = &set->items[i];

		if (o->cut) {
			path = corpus_cut_path(it, o->dir, &ignored);
			lhotse_recording(f, it->id, path, 1,
			    corpus_cut_rate(set), corpus_cut_samples(set, it));
			free(path);
			continue;
		}
		/* Items come by recording: look back from the latest. */
		for (j = ndone; j > 0 && done[j - 1] != it->rec; j--)
			;
		if (j > 0)
			continue;
		er = done[ndone++] = it->rec;
		lhotse_recording(f, er->id, er->path, er->rec->channels,
		    er->rec->rate, er->rec->frames);
	}
	free(done);
}

/* ---- supervisions ---- */

static void
lhotse_member(FILE *f, const char *key, const char *value)
{
	if (value == NULL)
		return;
	fprintf(f, ", \"%s\": ", key);
	fmt_json_string(f, value);
}

static void
lhotse_channel(const struct lhotse_out *o, const struct export_item *it,
    FILE *f)
{
	int	ch = it->seg != NULL ? it->seg->channel : -1;

	fputs(", \"channel\": ", f);
	if (o->cut || ch >= 0 || !corpus_multichannel(it)) {
		fprintf(f, "%d", o->cut || ch < 0 ? 0 : ch);
		return;
	}
	fputc('[', f);
	for (int c = 0; c < it->rec->rec->channels; c++)
		fprintf(f, "%s%d", c == 0 ? "" : ", ", c);
	fputc(']', f);
}

static void
lhotse_supervision(const struct lhotse_out *o, const struct export_item *it,
    FILE *f)
{
	const struct speaker	*sp = it->spk != NULL ? it->spk->spk : NULL;
	char			 s[CORPUS_NUMLEN], d[CORPUS_NUMLEN];
	int64_t			 start, end, from, to, base = 0;

	corpus_item_ms(it, &start, &end);
	if (o->cut) {
		corpus_cut_span(o->set, it, &from, &to);
		base = fmt_ms(from, it->rec->rec->rate);
	}
	fputs("{\"id\": ", f);
	fmt_json_string(f, it->id);
	fputs(", \"recording_id\": ", f);
	fmt_json_string(f, o->cut ? it->id : it->rec->id);
	fprintf(f, ", \"start\": %s, \"duration\": %s",
	    corpus_ms_str(start - base, s, sizeof s),
	    corpus_ms_str(end - start, d, sizeof d));
	lhotse_channel(o, it, f);
	lhotse_member(f, "text", it->text != NULL ? it->text : "");
	lhotse_member(f, "language", it->lang);
	lhotse_member(f, "speaker", it->spk != NULL ? it->spk->id : NULL);
	lhotse_member(f, "gender", sp != NULL ? sp->gender : NULL);
	if (it->dialect != NULL) {
		fputs(", \"custom\": {\"dialect\": ", f);
		fmt_json_string(f, it->dialect);
		fputc('}', f);
	}
	fputs("}\n", f);
}

static void
lhotse_supervisions(const struct lhotse_out *o, FILE *f)
{
	for (size_t i = 0; i < o->set->nitems; i++)
		lhotse_supervision(o, &o->set->items[i], f);
}

static int
lhotse_file(const struct lhotse_out *o, const char *name,
    void (*fn)(const struct lhotse_out *, FILE *), char **cause)
{
	FILE	*f;

	if ((f = fmt_create(o->set, name, cause)) == NULL)
		return -1;
	fn(o, f);
	return fmt_commit(o->set, f, name, cause);
}

static int
lhotse_write(const struct export_set *set, char **cause)
{
	struct lhotse_out	 o;
	char			*dir;
	int			 rc = -1;

	if ((dir = corpus_abs_dir(set, cause)) == NULL)
		return -1;
	o.set = set;
	o.dir = dir;
	o.cut = set->opt != NULL && set->opt->audio == EXPORT_AUDIO_CUT;
	for (size_t i = 0; i < set->nitems; i++) {
		if (lhotse_check(&o, &set->items[i], cause) != 0)
			goto out;
	}
	if (lhotse_file(&o, "recordings.jsonl", lhotse_recordings,
	    cause) != 0 || lhotse_file(&o, "supervisions.jsonl",
	    lhotse_supervisions, cause) != 0)
		goto out;
	rc = 0;
out:
	free(dir);
	return rc;
}

const struct fmt_ops fmt_lhotse_ops = {
	.name = "lhotse",
	.description = N_("Lhotse recordings and supervisions manifests "
	    "(JSON Lines)"),
	.corpus = 1,
	.write = lhotse_write,
	.read = NULL,
	.validate = NULL
};
