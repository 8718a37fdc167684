/*
 * fmt-nist.c: NIST scoring references, one file for the whole set: STM
 * (corpus.stm, for sclite) and RTTM (corpus.rttm, for md-eval and
 * dscore). The file field is the recording's id; times have 3 decimals,
 * and a segment lasts at least 1 ms. Write only.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "i18n.h"
#include "xmalloc.h"

struct nist_line {
	const struct export_item	*it;
	int				 channel;	/* 'A', 'B', ... */
	int64_t				 start;		/* ms */
	int64_t				 end;
};

/* A speaker's gender as an STM label, and how the label is declared. */
static const struct {
	const char	*gender;	/* NULL: unknown or no speaker */
	const char	*label;
	const char	*heading;
	const char	*description;
} nist_genders[] = {
	{ "f", "female", "Female", "Female speakers" },
	{ "m", "male", "Male", "Male speakers" },
	{ "o", "other", "Other", "Speakers of other genders" },
	{ NULL, "unknown", "Unknown", "Speakers of unknown gender, or none" }
};
#define NIST_NGENDERS (sizeof nist_genders / sizeof *nist_genders)

static const char *
nist_code(const struct export_item *it)
{
	return it->spk != NULL ? it->spk->spk->code : "";
}

/* Lines by file, channel, start (as sclite and dscore sort), then end. */
static int
nist_cmp(const void *a, const void *b)
{
	const struct nist_line	*x = a, *y = b;
	int			 c;

	if ((c = strcmp(x->it->rec->id, y->it->rec->id)) != 0)
		return c;
	if (x->channel != y->channel)
		return x->channel < y->channel ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	if ((c = strcmp(nist_code(x->it), nist_code(y->it))) != 0)
		return c;
	return (uintptr_t)x->it < (uintptr_t)y->it ? -1 :
	    (uintptr_t)x->it > (uintptr_t)y->it;
}

/*
 * The set's items as sorted lines; with speakers set, only those with a
 * speaker. RTTM has one channel (1); STM has the segment's: A for the
 * first (or all), B for the second...
 */
static struct nist_line *
nist_lines(const struct export_set *set, int speakers, size_t *n)
{
	struct nist_line	*v;
	int			 ch;

	v = xcalloc(set->nitems + 1, sizeof *v);
	*n = 0;
	for (size_t i = 0; i < set->nitems; i++) {
		const struct export_item *it = &set->items[i];

		if (speakers && it->spk == NULL)
			continue;
		ch = speakers ? 0 : it->seg->channel;
		v[*n].it = it;
		v[*n].channel = 'A' + (ch > 0 && ch < 26 ? ch : 0);
		v[*n].start = fmt_ms(it->start, it->rec->rec->rate);
		v[*n].end = fmt_ms(it->end, it->rec->rec->rate);
		if (v[*n].end <= v[*n].start)
			v[*n].end = v[*n].start + 1;
		(*n)++;
	}
	qsort(v, *n, sizeof *v, nist_cmp);
	return v;
}

static void
nist_ms(FILE *f, int64_t ms)
{
	fprintf(f, "%lld.%03lld", (long long)(ms / 1000),
	    (long long)(ms % 1000));
}

static size_t
nist_gender(const struct export_item *it)
{
	size_t	i;

	for (i = 0; i < NIST_NGENDERS - 1; i++) {
		if (it->spk != NULL && it->spk->spk->gender != NULL &&
		    strcmp(it->spk->spk->gender, nist_genders[i].gender) == 0)
			break;
	}
	return i;
}

/* An item's language: its tag, or "und" (BCP 47: undetermined). */
static const char *
nist_lang(const struct export_item *it)
{
	return it->lang != NULL && *it->lang != '\0' ? it->lang : "und";
}

static int
nist_str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * The label declarations: sclite reports error rates for each subset an
 * STM label names, and takes only the ids declared in ";; LABEL" lines.
 * Every segment is labelled <O,LANG,GENDER>: all, its language, and its
 * speaker's gender.
 */
static void
nist_stm_header(FILE *f, const struct nist_line *v, size_t n)
{
	const char	**langs;
	size_t		  nlangs = 0;
	int		  used[NIST_NGENDERS] = { 0 };

	langs = xcalloc(n + 1, sizeof *langs);
	for (size_t i = 0; i < n; i++) {
		langs[nlangs++] = nist_lang(v[i].it);
		used[nist_gender(v[i].it)] = 1;
	}
	qsort(langs, nlangs, sizeof *langs, nist_str_cmp);
	fputs(";; CATEGORY \"0\" \"\" \"\"\n", f);
	fputs(";; LABEL \"O\" \"Overall\" \"Overall\"\n", f);
	fputs(";; CATEGORY \"1\" \"Language\" \"Language of the segment\"\n",
	    f);
	for (size_t i = 0; i < nlangs; i++) {
		if (i == 0 || strcmp(langs[i], langs[i - 1]) != 0) {
			fprintf(f, ";; LABEL \"%s\" \"%s\" \"Language %s\"\n",
			    langs[i], langs[i], langs[i]);
		}
	}
	fputs(";; CATEGORY \"2\" \"Gender\" \"Gender of the speaker\"\n", f);
	for (size_t i = 0; i < NIST_NGENDERS; i++) {
		if (used[i]) {
			fprintf(f, ";; LABEL \"%s\" \"%s\" \"%s\"\n",
			    nist_genders[i].label, nist_genders[i].heading,
			    nist_genders[i].description);
		}
	}
	free(langs);
}

/*
 * corpus.stm: "FILE CHANNEL SPEAKER START END <O,LANG,GENDER> TEXT". A
 * segment without a speaker has the speaker "-"; one without text has an
 * empty transcript (sclite scores it as silence).
 */
static int
nist_write_stm(const struct export_set *set, char **cause)
{
	struct nist_line	*v;
	size_t			 n;
	FILE			*f;
	int			 rc;

	if ((f = fmt_create(set, "corpus.stm", cause)) == NULL)
		return -1;
	v = nist_lines(set, 0, &n);
	nist_stm_header(f, v, n);
	for (size_t i = 0; i < n; i++) {
		const struct export_item *it = v[i].it;

		fprintf(f, "%s %c %s ", it->rec->id, v[i].channel,
		    it->spk != NULL ? it->spk->spk->code : "-");
		nist_ms(f, v[i].start);
		fputc(' ', f);
		nist_ms(f, v[i].end);
		fprintf(f, " <O,%s,%s>", nist_lang(it),
		    nist_genders[nist_gender(it)].label);
		if (it->text != NULL && *it->text != '\0')
			fprintf(f, " %s", it->text);
		fputc('\n', f);
	}
	free(v);
	rc = fmt_commit(set, f, "corpus.stm", cause);
	return rc;
}

/*
 * corpus.rttm: "SPEAKER FILE 1 ONSET DURATION <NA> <NA> SPEAKER <NA> <NA>".
 * Diarization needs a speaker on every turn, so a segment without one is
 * left out.
 */
static int
nist_write_rttm(const struct export_set *set, char **cause)
{
	struct nist_line	*v;
	size_t			 n;
	FILE			*f;

	if ((f = fmt_create(set, "corpus.rttm", cause)) == NULL)
		return -1;
	v = nist_lines(set, 1, &n);
	for (size_t i = 0; i < n; i++) {
		fprintf(f, "SPEAKER %s 1 ", v[i].it->rec->id);
		nist_ms(f, v[i].start);
		fputc(' ', f);
		nist_ms(f, v[i].end - v[i].start);
		fprintf(f, " <NA> <NA> %s <NA> <NA>\n", nist_code(v[i].it));
	}
	free(v);
	return fmt_commit(set, f, "corpus.rttm", cause);
}

const struct fmt_ops fmt_stm_ops = {
	.name = "stm",
	.description = N_("NIST STM scoring reference (sclite), one file"),
	.corpus = 0,
	.write = nist_write_stm,
	.read = NULL,
	.validate = NULL
};

const struct fmt_ops fmt_rttm_ops = {
	.name = "rttm",
	.description = N_("NIST RTTM speaker turns (md-eval, dscore), one "
	    "file"),
	.corpus = 0,
	.write = nist_write_rttm,
	.read = NULL,
	.validate = NULL
};
