/*
 * fmt-hf.c: Hugging Face audiofolder metadata (formats.md §3): one
 * metadata.csv beside the cut files, RFC 4180 with LF line ends, UTF-8.
 * Columns: file_name (the cut file, relative to the directory),
 * transcription, speaker_id, language, dialect, duration (of the cut
 * file, seconds). An unknown value is an empty field.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fmt-corpus.h"
#include "i18n.h"
#include "xmalloc.h"

#define HF_HEADER "file_name,transcription,speaker_id,language,dialect," \
	"duration\n"

static int
hf_check(const struct export_item *it, char **cause)
{
	if (it->audio == NULL) {
		*cause = xprintf(_("utterance %s has no audio file of its own, "
		    "and a Hugging Face audiofolder needs one a row: export "
		    "with --audio cut"), it->id);
		return -1;
	}
	if (corpus_field_ok(it->audio, it->id, _("audio file"), cause) != 0 ||
	    corpus_field_ok(it->text != NULL ? it->text : "", it->id,
	    _("text"), cause) != 0)
		return -1;
	return 0;
}

/* A field, quoted when it must be, with inner quotes doubled. */
static void
hf_field(FILE *f, const char *s, int last)
{
	if (s == NULL)
		s = "";
	if (strpbrk(s, ",\"\n\r") == NULL)
		fputs(s, f);
	else {
		fputc('"', f);
		for (; *s != '\0'; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	}
	fputc(last ? '\n' : ',', f);
}

static void
hf_row(const struct export_set *set, const struct export_item *it, FILE *f)
{
	char	d[CORPUS_NUMLEN];

	hf_field(f, it->audio, 0);
	hf_field(f, it->text, 0);
	hf_field(f, it->spk != NULL ? it->spk->id : NULL, 0);
	hf_field(f, it->lang, 0);
	hf_field(f, it->dialect, 0);
	hf_field(f, fmt_seconds(corpus_cut_samples(set, it),
	    corpus_cut_rate(set), d, sizeof d), 1);
}

static int
hf_write(const struct export_set *set, char **cause)
{
	FILE	*f;

	for (size_t i = 0; i < set->nitems; i++) {
		if (hf_check(&set->items[i], cause) != 0)
			return -1;
	}
	if ((f = fmt_create(set, "metadata.csv", cause)) == NULL)
		return -1;
	fputs(HF_HEADER, f);
	for (size_t i = 0; i < set->nitems; i++)
		hf_row(set, &set->items[i], f);
	return fmt_commit(set, f, "metadata.csv", cause);
}

const struct fmt_ops fmt_hf_ops = {
	.name = "hf",
	.description = N_("Hugging Face audiofolder (metadata.csv beside the "
	    "cut audio)"),
	.corpus = 1,
	.write = hf_write,
	.read = NULL,
	.validate = NULL
};
