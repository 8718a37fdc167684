/*
 * fmt-kaldi.c: Kaldi data directories (formats.md §1): the writer.
 *
 * Every check is made before the first file is written, so a refused set
 * leaves nothing behind. Utterances are keyed by the core's ids; an item
 * without a speaker is its own speaker (Kaldi's convention), and the
 * speaker ids must sort the same way as the utterance ids (sort -k2 -C of
 * utt2spk), which is checked here. Files keyed alike hold the same keys:
 * utt2lang gives "und" (BCP 47 undetermined) for an utterance with no
 * language, and spk2gender is written only when every speaker is f or m.
 */
#include "config.h"

#include <ctype.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "fmt-corpus.h"
#include "fmt-kaldi.h"
#include "i18n.h"
#include "lexicon.h"
#include "xmalloc.h"

#define KALDI_NO_LANG	"und"

/* An utterance: an item and its speaker id. */
struct kaldi_utt {
	const struct export_item	*it;
	const char			*spk;
};

/* A recording with items in the set, as wav.scp gives it. */
struct kaldi_rec {
	const struct export_recording	*er;
	int				 channel; /* all its items' or -1 */
	int				 seen;
	char				*wav;	/* rxfilename */
};

/* A distinct word of the text and its pronunciations. */
struct kaldi_word {
	const char	*word;
	size_t		 len;
	int64_t		 count;
	const char	**prons;
	size_t		 nprons;
};

/* A word of one utterance's text, for counting. */
struct kaldi_tok {
	const char	*word;
	size_t		 len;
	const char	*lang;
};

struct kaldi_out {
	const struct export_set	*set;
	int			 cut;
	struct kaldi_utt	*utts;	/* by utterance id */
	size_t			 nutts;
	struct kaldi_rec	*recs;	/* by recording id */
	size_t			 nrecs;
	struct kaldi_word	*words;	/* by word */
	size_t			 nwords;
};

static int
kaldi_id_ok(const char *id, const char *what, char **cause)
{
	const unsigned char	*p = (const unsigned char *)id;

	for (; *p != '\0'; p++) {
		if (*p <= ' ' || *p == 0x7f)
			break;
	}
	if (*id == '\0' || *p != '\0') {
		*cause = xprintf(_("%s id '%s' is empty or has white space, "
		    "which no Kaldi file can hold"), what, id);
		return -1;
	}
	return 0;
}

static int
kaldi_utt_cmp(const void *a, const void *b)
{
	const struct kaldi_utt	*x = a, *y = b;

	return strcmp(x->it->id, y->it->id);
}

/* Utterance ids unique and in the same order as their speaker ids. */
static int
kaldi_utts_order(const struct kaldi_out *o, char **cause)
{
	const struct kaldi_utt	*u = o->utts;

	for (size_t i = 1; i < o->nutts; i++) {
		if (strcmp(u[i - 1].it->id, u[i].it->id) == 0) {
			*cause = xprintf(_("two utterances have the id %s"),
			    u[i].it->id);
			return -1;
		}
		if (strcmp(u[i - 1].spk, u[i].spk) > 0) {
			*cause = xprintf(_("utterances %s (speaker %s) and %s "
			    "(speaker %s) sort one way by utterance id and the "
			    "other way by speaker id, and Kaldi needs both "
			    "orders to agree: rename a speaker so that no "
			    "speaker code is another's followed by '-'"),
			    u[i - 1].it->id, u[i - 1].spk, u[i].it->id,
			    u[i].spk);
			return -1;
		}
	}
	return 0;
}

static int
kaldi_utt_ok(const struct kaldi_out *o, const struct kaldi_utt *u,
    char **cause)
{
	const struct export_item	*it = u->it;
	int64_t				 start, end;
	char				*why;

	if (kaldi_id_ok(it->id, _("utterance"), cause) != 0 ||
	    kaldi_id_ok(u->spk, _("speaker"), cause) != 0 ||
	    (it->lang != NULL && kaldi_id_ok(it->lang, _("language"),
	    cause) != 0))
		return -1;
	if ((why = kaldi_text_problem(it->text != NULL ? it->text : "")) !=
	    NULL) {
		*cause = xprintf(_("utterance %s: its text %s"), it->id, why);
		free(why);
		return -1;
	}
	corpus_item_ms(it, &start, &end);
	if (!o->cut && end <= start) {
		*cause = xprintf(_("utterance %s is shorter than a millisecond "
		    "and Kaldi's segments need end > start"), it->id);
		return -1;
	}
	if (!o->cut)
		return 0;
	if (it->audio == NULL) {
		*cause = xprintf(_("utterance %s has no audio file of its own"),
		    it->id);
		return -1;
	}
	return corpus_field_ok(it->audio, it->id, _("audio file"), cause);
}

static int
kaldi_prepare_utts(struct kaldi_out *o, char **cause)
{
	const struct export_set	*set = o->set;

	if ((o->nutts = set->nitems) == 0)
		return 0;
	o->utts = xcalloc(o->nutts, sizeof *o->utts);
	for (size_t i = 0; i < o->nutts; i++) {
		o->utts[i].it = &set->items[i];
		o->utts[i].spk = set->items[i].spk != NULL ?
		    set->items[i].spk->id : set->items[i].id;
		if (kaldi_utt_ok(o, &o->utts[i], cause) != 0)
			return -1;
	}
	qsort(o->utts, o->nutts, sizeof *o->utts, kaldi_utt_cmp);
	return kaldi_utts_order(o, cause);
}

/* ---- recordings and wav.scp ---- */

static int
kaldi_rec_cmp(const void *a, const void *b)
{
	const struct kaldi_rec	*x = a, *y = b;

	return strcmp(x->er->id, y->er->id);
}

static struct kaldi_rec *
kaldi_rec_find(const struct kaldi_out *o, const struct export_recording *er)
{
	struct kaldi_rec	key = { .er = er };

	return bsearch(&key, o->recs, o->nrecs, sizeof *o->recs, kaldi_rec_cmp);
}

/* Whether Kaldi reads a path as a plain file name. */
static int
kaldi_plain_path(const char *p)
{
	size_t	n = strlen(p), i;

	if (n == 0 || strcmp(p, "-") == 0 || p[n - 1] == '|')
		return 0;
	for (i = 0; i < n; i++) {
		if ((unsigned char)p[i] <= ' ')
			return 0;
	}
	/* "file:123" is a byte offset into file. */
	for (i = n; i > 0 && isdigit((unsigned char)p[i - 1]); i--)
		;
	return !(i < n && i > 0 && p[i - 1] == ':');
}

/* Whether a file is what Kaldi reads itself: mono 16-bit WAV. */
static int
kaldi_wav16(const char *path, int rate)
{
	SF_INFO	 info = { 0 };
	SNDFILE	*sf;
	int	 ok;

	if ((sf = sf_open(path, SFM_READ, &info)) == NULL)
		return 0;
	ok = (info.format & SF_FORMAT_TYPEMASK) == SF_FORMAT_WAV &&
	    (info.format & SF_FORMAT_SUBMASK) == SF_FORMAT_PCM_16 &&
	    info.channels == 1 && info.samplerate == rate;
	sf_close(sf);
	return ok;
}

/* s in single quotes for sh, each ' as '\''. */
static char *
kaldi_quote(const char *s)
{
	size_t	 n = 3;
	char	*out, *q;

	for (const char *p = s; *p != '\0'; p++)
		n += *p == '\'' ? 4 : 1;
	q = out = xmalloc(n);
	*q++ = '\'';
	for (const char *p = s; *p != '\0'; p++) {
		if (*p == '\'') {
			memcpy(q, "'\\''", 4);
			q += 4;
		} else
			*q++ = *p;
	}
	*q++ = '\'';
	*q = '\0';
	return out;
}

/* A pipe through sox giving 16-bit mono WAV, with remix when asked. */
static char *
kaldi_sox(const char *path, const char *remix)
{
	char	*quoted = kaldi_quote(path), *wav;

	wav = xprintf("sox %s -t wav -b 16 -c 1 -%s |", quoted, remix);
	free(quoted);
	return wav;
}

static int
kaldi_path_ok(const char *path, const char *rec, char **cause)
{
	if (corpus_field_ok(path, rec, _("path"), cause) != 0)
		return -1;
	if (*path == '~') {
		*cause = xprintf(_("%s: the path %s starts with '~', which "
		    "Kaldi refuses in wav.scp; give the recording a path that "
		    "does not"), rec, path);
		return -1;
	}
	return 0;
}

static int
kaldi_wav_ref(struct kaldi_rec *kr, char **cause)
{
	const struct export_recording	*er = kr->er;
	char				 remix[32] = "";

	if (kaldi_path_ok(er->path, er->id, cause) != 0)
		return -1;
	if (er->rec->channels == 1 && kaldi_plain_path(er->path) &&
	    kaldi_wav16(er->path, er->rec->rate)) {
		kr->wav = xstrdup(er->path);
		return 0;
	}
	if (er->rec->channels > 1 && kr->channel >= 0)
		snprintf(remix, sizeof remix, " remix %d", kr->channel + 1);
	else if (er->rec->channels > 1)
		snprintf(remix, sizeof remix, " remix -");
	kr->wav = kaldi_sox(er->path, remix);
	return 0;
}

static void
kaldi_rec_note(struct kaldi_out *o, const struct export_item *it)
{
	struct kaldi_rec	*kr = kaldi_rec_find(o, it->rec);
	int			 ch = it->seg != NULL ? it->seg->channel : -1;

	if (!kr->seen) {
		kr->channel = ch < 0 ? -1 : ch;
		kr->seen = 1;
	} else if (kr->channel != ch)
		kr->channel = -1;
}

static int
kaldi_prepare_recs(struct kaldi_out *o, char **cause)
{
	const struct export_set	*set = o->set;
	size_t			 n = 0;

	if (o->cut || set->nitems == 0)
		return 0;
	o->recs = xcalloc(set->nitems, sizeof *o->recs);
	for (size_t i = 0; i < set->nitems; i++) {
		if (i == 0 || set->items[i].rec != set->items[i - 1].rec)
			o->recs[n++].er = set->items[i].rec;
	}
	qsort(o->recs, n, sizeof *o->recs, kaldi_rec_cmp);
	for (size_t i = 0; i < n; i++) {
		if (kaldi_id_ok(o->recs[i].er->id, _("recording"), cause) != 0)
			return -1;
		if (o->nrecs > 0 && strcmp(o->recs[o->nrecs - 1].er->id,
		    o->recs[i].er->id) == 0) {
			if (o->recs[o->nrecs - 1].er == o->recs[i].er)
				continue;
			*cause = xprintf(_("two recordings have the id %s"),
			    o->recs[i].er->id);
			return -1;
		}
		o->recs[o->nrecs++] = o->recs[i];
	}
	for (size_t i = 0; i < set->nitems; i++)
		kaldi_rec_note(o, &set->items[i]);
	for (size_t i = 0; i < o->nrecs; i++) {
		if (kaldi_wav_ref(&o->recs[i], cause) != 0)
			return -1;
	}
	return 0;
}

/* ---- the pronunciation lexicon ---- */

static int
kaldi_word_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int	c = memcmp(a, b, alen < blen ? alen : blen);

	if (c != 0)
		return c;
	return alen < blen ? -1 : alen > blen;
}

/* Compares language tags, NULL first. */
static int
kaldi_lang_cmp(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b ? 0 : a == NULL ? -1 : 1;
	return strcmp(a, b);
}

static int
kaldi_tok_cmp(const void *a, const void *b)
{
	const struct kaldi_tok	*x = a, *y = b;
	int			 c = kaldi_word_cmp(x->word, x->len, y->word,
				     y->len);

	return c != 0 ? c : kaldi_lang_cmp(x->lang, y->lang);
}

/* The words of every utterance's text, by word and language. */
static struct kaldi_tok *
kaldi_tokens(const struct kaldi_out *o, size_t *n)
{
	struct kaldi_tok	*toks = NULL;
	size_t			 cap = 0;
	const char		*p, *w;

	*n = 0;
	for (size_t i = 0; i < o->nutts; i++) {
		const struct export_item *it = o->utts[i].it;

		for (p = it->text != NULL ? it->text : ""; *p != '\0';) {
			for (; *p == ' ' || *p == '\t'; p++)
				;
			for (w = p; *p != '\0' && *p != ' ' && *p != '\t'; p++)
				;
			if (p == w)
				continue;
			if (*n == cap) {
				cap = cap == 0 ? 1024 : cap * 2;
				toks = xreallocarray(toks, cap, sizeof *toks);
			}
			toks[*n].word = w;
			toks[*n].len = (size_t)(p - w);
			toks[(*n)++].lang = it->lang;
		}
	}
	if (*n > 1)
		qsort(toks, *n, sizeof *toks, kaldi_tok_cmp);
	return toks;
}

/* Adds a word's pronunciations in one language's lexicon. */
static int
kaldi_prons(const struct kaldi_out *o, struct kaldi_word *w,
    const char *lang, char **cause)
{
	const struct lexicon_entry	*e;
	struct lexicon			*lex;
	size_t				 n, j;
	char				*why = NULL;

	if ((lex = checker_lexicon(o->set->checker, lang, &why)) == NULL) {
		if (why == NULL)
			return 0;
		*cause = why;
		return -1;
	}
	n = lexicon_lookup(lex, w->word, w->len, &e);
	for (size_t i = 0; i < n; i++) {
		if (e[i].pron == NULL || *e[i].pron == '\0')
			continue;
		for (j = 0; j < w->nprons; j++) {
			if (strcmp(w->prons[j], e[i].pron) == 0)
				break;
		}
		if (j < w->nprons)
			continue;
		w->prons = xreallocarray(w->prons, w->nprons + 1,
		    sizeof *w->prons);
		w->prons[w->nprons++] = e[i].pron;
	}
	return 0;
}

static int
kaldi_prepare_lexicon(struct kaldi_out *o, char **cause)
{
	struct kaldi_tok	*t;
	struct kaldi_word	*w;
	size_t			 n, i, j;
	int			 rc = 0;

	if (o->set->checker == NULL || (t = kaldi_tokens(o, &n)) == NULL)
		return 0;
	o->words = xcalloc(n, sizeof *o->words);
	for (i = 0; i < n && rc == 0; i = j) {
		w = &o->words[o->nwords++];
		w->word = t[i].word;
		w->len = t[i].len;
		for (j = i; j < n && kaldi_word_cmp(t[j].word, t[j].len,
		    w->word, w->len) == 0; j++) {
			w->count++;
			if ((j == i || kaldi_lang_cmp(t[j].lang,
			    t[j - 1].lang) != 0) &&
			    kaldi_prons(o, w, t[j].lang, cause) != 0) {
				rc = -1;
				break;
			}
		}
	}
	free(t);
	return rc;
}

static int
kaldi_oov_cmp(const void *a, const void *b)
{
	const struct kaldi_word	*x = *(struct kaldi_word *const *)a;
	const struct kaldi_word	*y = *(struct kaldi_word *const *)b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return kaldi_word_cmp(x->word, x->len, y->word, y->len);
}

/* ---- the files ---- */

static void
kaldi_write_wav(const struct kaldi_out *o, FILE *f)
{
	char	*path, *wav;

	if (!o->cut) {
		for (size_t i = 0; i < o->nrecs; i++)
			fprintf(f, "%s %s\n", o->recs[i].er->id,
			    o->recs[i].wav);
		return;
	}
	for (size_t i = 0; i < o->nutts; i++) {
		const struct export_item *it = o->utts[i].it;

		/* where the export will be, not where it is built */
		path = xprintf("%s/%s", o->set->final_dir != NULL ?
		    o->set->final_dir : o->set->dir, it->audio);
		if (kaldi_plain_path(path) && strlen(path) > 4 &&
		    strcasecmp(path + strlen(path) - 4, ".wav") == 0)
			wav = xstrdup(path);
		else
			wav = kaldi_sox(path, "");
		fprintf(f, "%s %s\n", it->id, wav);
		free(wav);
		free(path);
	}
}

static void
kaldi_write_segments(const struct kaldi_out *o, FILE *f)
{
	char	s[CORPUS_NUMLEN], e[CORPUS_NUMLEN];
	int64_t	start, end;

	for (size_t i = 0; i < o->nutts; i++) {
		const struct export_item *it = o->utts[i].it;

		corpus_item_ms(it, &start, &end);
		fprintf(f, "%s %s %s %s\n", it->id, it->rec->id,
		    corpus_ms_str(start, s, sizeof s),
		    corpus_ms_str(end, e, sizeof e));
	}
}

static void
kaldi_write_text(const struct kaldi_out *o, FILE *f)
{
	for (size_t i = 0; i < o->nutts; i++) {
		const struct export_item *it = o->utts[i].it;

		if (it->text == NULL || *it->text == '\0')
			fprintf(f, "%s\n", it->id);
		else
			fprintf(f, "%s %s\n", it->id, it->text);
	}
}

static void
kaldi_write_utt2spk(const struct kaldi_out *o, FILE *f)
{
	for (size_t i = 0; i < o->nutts; i++)
		fprintf(f, "%s %s\n", o->utts[i].it->id, o->utts[i].spk);
}

static void
kaldi_write_spk2utt(const struct kaldi_out *o, FILE *f)
{
	for (size_t i = 0; i < o->nutts; i++) {
		if (i == 0 || strcmp(o->utts[i - 1].spk, o->utts[i].spk) != 0)
			fprintf(f, "%s%s", i == 0 ? "" : "\n", o->utts[i].spk);
		fprintf(f, " %s", o->utts[i].it->id);
	}
	if (o->nutts > 0)
		fputc('\n', f);
}

static const char *
kaldi_gender(const struct kaldi_utt *u)
{
	const char	*g;

	if (u->it->spk == NULL || u->it->spk->spk == NULL)
		return NULL;
	g = u->it->spk->spk->gender;
	if (g == NULL || (strcmp(g, "f") != 0 && strcmp(g, "m") != 0))
		return NULL;
	return g;
}

static int
kaldi_want_spk2gender(const struct kaldi_out *o)
{
	for (size_t i = 0; i < o->nutts; i++) {
		if (kaldi_gender(&o->utts[i]) == NULL)
			return 0;
	}
	return o->nutts > 0;
}

static void
kaldi_write_spk2gender(const struct kaldi_out *o, FILE *f)
{
	for (size_t i = 0; i < o->nutts; i++) {
		if (i == 0 || strcmp(o->utts[i - 1].spk, o->utts[i].spk) != 0)
			fprintf(f, "%s %s\n", o->utts[i].spk,
			    kaldi_gender(&o->utts[i]));
	}
}

static int
kaldi_want_utt2lang(const struct kaldi_out *o)
{
	for (size_t i = 0; i < o->nutts; i++) {
		if (o->utts[i].it->lang != NULL)
			return 1;
	}
	return 0;
}

static void
kaldi_write_utt2lang(const struct kaldi_out *o, FILE *f)
{
	const char	*lang;

	for (size_t i = 0; i < o->nutts; i++) {
		lang = o->utts[i].it->lang;
		fprintf(f, "%s %s\n", o->utts[i].it->id,
		    lang != NULL ? lang : KALDI_NO_LANG);
	}
}

static int
kaldi_want_ref(const struct kaldi_out *o)
{
	return !o->cut;
}

static void
kaldi_write_reco2fc(const struct kaldi_out *o, FILE *f)
{
	for (size_t i = 0; i < o->nrecs; i++)
		fprintf(f, "%s %s %s\n", o->recs[i].er->id, o->recs[i].er->id,
		    o->recs[i].channel == 1 ? "B" : "A");
}

static int
kaldi_want_lexicon(const struct kaldi_out *o)
{
	return o->set->checker != NULL;
}

static void
kaldi_write_lexicon(const struct kaldi_out *o, FILE *f)
{
	const struct kaldi_word	*w;

	for (size_t i = 0; i < o->nwords; i++) {
		w = &o->words[i];
		for (size_t j = 0; j < w->nprons; j++)
			fprintf(f, "%.*s %s\n", (int)w->len, w->word,
			    w->prons[j]);
	}
}

static void
kaldi_write_oov(const struct kaldi_out *o, FILE *f)
{
	struct kaldi_word	**oov;
	size_t			  n = 0;

	if (o->nwords == 0)
		return;
	oov = xcalloc(o->nwords, sizeof *oov);
	for (size_t i = 0; i < o->nwords; i++) {
		if (o->words[i].nprons == 0)
			oov[n++] = &o->words[i];
	}
	if (n > 1)
		qsort(oov, n, sizeof *oov, kaldi_oov_cmp);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%.*s %lld\n", (int)oov[i]->len, oov[i]->word,
		    (long long)oov[i]->count);
	free(oov);
}

static const struct kaldi_writer {
	const char	*name;
	int		(*want)(const struct kaldi_out *);	/* NULL: all */
	void		(*write)(const struct kaldi_out *, FILE *);
} kaldi_writers[] = {
	{ "wav.scp", NULL, kaldi_write_wav },
	{ "segments", kaldi_want_ref, kaldi_write_segments },
	{ "text", NULL, kaldi_write_text },
	{ "utt2spk", NULL, kaldi_write_utt2spk },
	{ "spk2utt", NULL, kaldi_write_spk2utt },
	{ "spk2gender", kaldi_want_spk2gender, kaldi_write_spk2gender },
	{ "utt2lang", kaldi_want_utt2lang, kaldi_write_utt2lang },
	{ "reco2file_and_channel", kaldi_want_ref, kaldi_write_reco2fc },
	{ "lexicon.txt", kaldi_want_lexicon, kaldi_write_lexicon },
	{ "oov.txt", kaldi_want_lexicon, kaldi_write_oov }
};

static void
kaldi_out_free(struct kaldi_out *o)
{
	for (size_t i = 0; i < o->nrecs; i++)
		free(o->recs[i].wav);
	for (size_t i = 0; i < o->nwords; i++)
		free(o->words[i].prons);
	free(o->utts);
	free(o->recs);
	free(o->words);
}

static int
kaldi_write(const struct export_set *set, char **cause)
{
	const struct kaldi_writer	*kw;
	struct kaldi_out		 o = { 0 };
	struct export_set		 abs;
	char				*dir;
	FILE				*f;
	int				 rc = -1;

	if ((dir = corpus_abs_dir(set, cause)) == NULL)
		return -1;
	abs = *set;
	abs.dir = dir;
	o.set = &abs;
	o.cut = set->opt != NULL && set->opt->audio == EXPORT_AUDIO_CUT;
	if (kaldi_prepare_utts(&o, cause) != 0 ||
	    kaldi_prepare_recs(&o, cause) != 0 ||
	    kaldi_prepare_lexicon(&o, cause) != 0)
		goto out;
	for (size_t i = 0; i < sizeof kaldi_writers / sizeof *kaldi_writers;
	    i++) {
		kw = &kaldi_writers[i];
		if (kw->want != NULL && !kw->want(&o))
			continue;
		if ((f = fmt_create(set, kw->name, cause)) == NULL)
			goto out;
		kw->write(&o, f);
		if (fmt_commit(set, f, kw->name, cause) != 0)
			goto out;
	}
	rc = 0;
out:
	kaldi_out_free(&o);
	free(dir);
	return rc;
}

const struct fmt_ops fmt_kaldi_ops = {
	.name = "kaldi",
	.description = N_("Kaldi data directory (wav.scp, segments, text, "
	    "utt2spk, spk2utt, ...) with a pronunciation lexicon"),
	.corpus = 1,
	.write = kaldi_write,
	.read = kaldi_read,
	.validate = kaldi_validate
};
