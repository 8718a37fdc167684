/*
 * fmt-kaldi-validate.c: Kaldi's utils/validate_data_dir.sh (with
 * --no-feats) and utils/validate_text.pl as C, under LC_ALL=C
 * (formats.md §1). The first problem found is reported, naming the file
 * and line.
 *
 * Checked: utt2spk, spk2utt, text and wav.scp are there and utt2spk and
 * spk2utt are not empty; every file ends in a newline, has no blank line,
 * the right number of fields and keys strictly increasing in byte order;
 * transcripts are UTF-8 without CR, control characters, Unicode spaces or
 * the words <s> </s> #0; segments have end > start; wav.scp has no '~'
 * path; spk2gender says m or f; reco2file_and_channel says A, B or 1;
 * durations are positive; utt2spk is sorted by speaker too (sort -k2 -C);
 * spk2utt is utt2spk regrouped; files keyed by utterance hold the same
 * keys as utt2spk, by speaker as spk2utt, by recording as wav.scp, whose
 * keys are the recordings of segments (or the utterances, without
 * segments).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "fmt-kaldi.h"
#include "i18n.h"
#include "text.h"
#include "xmalloc.h"

enum kaldi_key {
	KEY_UTT,
	KEY_RECO,
	KEY_SPK
};

enum {
	V_WAV,
	V_SEGMENTS,
	V_TEXT,
	V_UTT2SPK,
	V_SPK2UTT,
	V_SPK2GENDER,
	V_UTT2LANG,
	V_RECO2FC,
	V_UTT2DUR,
	V_RECO2DUR,
	V_UTT2NF,
	V_UTT2UNIQ,
	V_FEATS,
	V_CMVN,
	V_VAD,
	V_N
};

static const struct kaldi_spec {
	const char	*name;
	enum kaldi_key	 key;
	int		 required;
	size_t		 min, max;	/* fields with the key; max 0: any */
	const char	*form;
} kaldi_specs[V_N] = {
	{ "wav.scp", KEY_RECO, 1, 2, 0, "<recording> <file or command |>" },
	{ "segments", KEY_UTT, 0, 4, 4,
	    "<utterance> <recording> <start> <end>" },
	{ "text", KEY_UTT, 1, 1, 0, "<utterance> <transcript>" },
	{ "utt2spk", KEY_UTT, 1, 2, 2, "<utterance> <speaker>" },
	{ "spk2utt", KEY_SPK, 1, 2, 0, "<speaker> <utterance>..." },
	{ "spk2gender", KEY_SPK, 0, 2, 2, "<speaker> m|f" },
	{ "utt2lang", KEY_UTT, 0, 2, 2, "<utterance> <language>" },
	{ "reco2file_and_channel", KEY_RECO, 0, 3, 3,
	    "<recording> <file> A|B" },
	{ "utt2dur", KEY_UTT, 0, 2, 2, "<utterance> <seconds>" },
	{ "reco2dur", KEY_RECO, 0, 2, 2, "<recording> <seconds>" },
	{ "utt2num_frames", KEY_UTT, 0, 2, 2, "<utterance> <frames>" },
	{ "utt2uniq", KEY_UTT, 0, 2, 2, "<utterance> <original utterance>" },
	{ "feats.scp", KEY_UTT, 0, 2, 0, "<utterance> <features>" },
	{ "cmvn.scp", KEY_SPK, 0, 2, 0, "<speaker> <statistics>" },
	{ "vad.scp", KEY_UTT, 0, 2, 0, "<utterance> <vad>" }
};

/* ---- transcripts ---- */

static char *
kaldi_char_problem(utf8proc_int32_t cp)
{
	utf8proc_category_t	cat = utf8proc_category(cp);

	if (cp == '\r')
		return xstrdup(_("has a carriage return (CR): Kaldi takes "
		    "only space and tab as white space"));
	if (cp == '\n')
		return xstrdup(_("has a line break"));
	if (cp != '\t' && cat == UTF8PROC_CATEGORY_CC)
		return xprintf(_("has the control character U+%04X"),
		    (unsigned)cp);
	if (cp != ' ' && (cat == UTF8PROC_CATEGORY_ZS ||
	    cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP))
		return xprintf(_("has the space U+%04X, which Kaldi does not "
		    "take as white space (only space and tab): write a plain "
		    "space"), (unsigned)cp);
	return NULL;
}

static char *
kaldi_word_problem(const char *w, size_t len)
{
	static const char *const reserved[] = { "<s>", "</s>", "#0" };

	for (size_t i = 0; i < sizeof reserved / sizeof *reserved; i++) {
		if (strlen(reserved[i]) == len &&
		    memcmp(w, reserved[i], len) == 0)
			return xprintf(_("has the word %s, which Kaldi keeps "
			    "for itself"), reserved[i]);
	}
	return NULL;
}

char *
kaldi_text_problem(const char *s)
{
	size_t			 len = strlen(s), off, w;
	long			 bad;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 n;
	char			*why;

	if ((bad = text_invalid_offset(s, len)) >= 0)
		return xprintf(_("is not valid UTF-8 (byte %ld)"), bad + 1);
	for (off = 0; off < len; off += (size_t)n) {
		n = utf8proc_iterate((const utf8proc_uint8_t *)s + off,
		    (utf8proc_ssize_t)(len - off), &cp);
		if ((why = kaldi_char_problem(cp)) != NULL)
			return why;
	}
	for (off = 0; off < len; off = w) {
		for (; off < len && (s[off] == ' ' || s[off] == '\t'); off++)
			;
		for (w = off; w < len && s[w] != ' ' && s[w] != '\t'; w++)
			;
		if (w > off && (why = kaldi_word_problem(s + off, w - off)) !=
		    NULL)
			return why;
	}
	return NULL;
}

/* ---- one file ---- */

static int
kaldi_v_present(struct kaldi_file *f, char **cause)
{
	for (int i = 0; i < V_N; i++) {
		if (kaldi_specs[i].required && !f[i].present) {
			*cause = xprintf(_("%s: no such file; a Kaldi data "
			    "directory needs it"), f[i].path);
			return -1;
		}
	}
	if (f[V_UTT2SPK].n == 0 || f[V_SPK2UTT].n == 0) {
		*cause = xprintf(_("%s: empty: the directory has no "
		    "utterances"), f[f[V_UTT2SPK].n == 0 ? V_UTT2SPK :
		    V_SPK2UTT].path);
		return -1;
	}
	return 0;
}

static int
kaldi_v_lines(const struct kaldi_file *kf, const struct kaldi_spec *spec,
    char **cause)
{
	const struct kaldi_line	*l;
	size_t			 nf;

	if (!kf->newline) {
		*cause = xprintf(_("%s:%zu: the last line does not end in a "
		    "newline"), kf->path, kf->n);
		return -1;
	}
	for (size_t i = 0; i < kf->n; i++) {
		l = &kf->lines[i];
		nf = *l->key == '\0' ? 0 : 1 + kaldi_nfields(l->rest);
		if (nf == 0) {
			*cause = xprintf(_("%s:%ld: a blank line"), kf->path,
			    l->lineno);
			return -1;
		}
		if (nf < spec->min || (spec->max != 0 && nf > spec->max)) {
			*cause = xprintf(_("%s:%ld: %zu fields; a line is %s"),
			    kf->path, l->lineno, nf, spec->form);
			return -1;
		}
		if (i > 0 && strcmp(kf->lines[i - 1].key, l->key) >= 0) {
			*cause = xprintf(_("%s:%ld: %s comes after %s: keys "
			    "must be unique and sorted in byte order (LC_ALL=C "
			    "sort -u)"), kf->path, l->lineno, l->key,
			    kf->lines[i - 1].key);
			return -1;
		}
	}
	return 0;
}

/* ---- what is in the lines ---- */

static int
kaldi_v_text(const struct kaldi_file *kf, char **cause)
{
	char	*why;

	for (size_t i = 0; i < kf->n; i++) {
		if ((why = kaldi_text_problem(kf->lines[i].rest)) != NULL) {
			*cause = xprintf(_("%s:%ld: the transcript %s"),
			    kf->path, kf->lines[i].lineno, why);
			free(why);
			return -1;
		}
	}
	return 0;
}

static int
kaldi_v_segments(const struct kaldi_file *kf, char **cause)
{
	char	*s = NULL, *e = NULL;
	int	 rc = 0;

	for (size_t i = 0; i < kf->n && rc == 0; i++) {
		const struct kaldi_line *l = &kf->lines[i];

		s = kaldi_field(l->rest, 1);
		e = kaldi_field(l->rest, 2);
		if (!kaldi_decimal(s) || !kaldi_decimal(e)) {
			*cause = xprintf(_("%s:%ld: the times '%s' and '%s' "
			    "are not both seconds like 12.345"), kf->path,
			    l->lineno, s, e);
			rc = -1;
		} else if (kaldi_decimal_cmp(e, s) <= 0) {
			*cause = xprintf(_("%s:%ld: the end %s is not after "
			    "the start %s"), kf->path, l->lineno, e, s);
			rc = -1;
		}
		free(s);
		free(e);
	}
	return rc;
}

static int
kaldi_v_wav(const struct kaldi_file *kf, char **cause)
{
	for (size_t i = 0; i < kf->n; i++) {
		if (kf->lines[i].rest[0] == '~') {
			*cause = xprintf(_("%s:%ld: a path starting with '~', "
			    "which the shell does not expand here: give the "
			    "full path"), kf->path, kf->lines[i].lineno);
			return -1;
		}
	}
	return 0;
}

/* Field i of every line is one of the words in allowed (" m f "). */
static int
kaldi_v_values(const struct kaldi_file *kf, size_t field,
    const char *allowed, const char *what, char **cause)
{
	char	*v, *padded;
	int	 ok;

	for (size_t i = 0; i < kf->n; i++) {
		v = kaldi_field(kf->lines[i].rest, field);
		padded = xprintf(" %s ", v);
		ok = strstr(allowed, padded) != NULL;
		free(padded);
		if (!ok) {
			*cause = xprintf(_("%s:%ld: '%s' is not %s"), kf->path,
			    kf->lines[i].lineno, v, what);
			free(v);
			return -1;
		}
		free(v);
	}
	return 0;
}

/* Field 2 of every line is a positive number (integer if asked). */
static int
kaldi_v_positive(const struct kaldi_file *kf, int integer, char **cause)
{
	const char	*v;

	for (size_t i = 0; i < kf->n; i++) {
		v = kf->lines[i].rest;
		if (!kaldi_decimal(v) || kaldi_decimal_cmp(v, "0") <= 0 ||
		    (integer && strchr(v, '.') != NULL)) {
			*cause = xprintf(_("%s:%ld: '%s' is not a positive "
			    "%s"), kf->path, kf->lines[i].lineno, v, integer ?
			    _("whole number") : _("number of seconds"));
			return -1;
		}
	}
	return 0;
}

static int
kaldi_v_content(struct kaldi_file *f, char **cause)
{
	if (kaldi_v_text(&f[V_TEXT], cause) != 0 ||
	    kaldi_v_segments(&f[V_SEGMENTS], cause) != 0 ||
	    kaldi_v_wav(&f[V_WAV], cause) != 0 ||
	    kaldi_v_values(&f[V_SPK2GENDER], 0, " m f ", _("m or f"),
	    cause) != 0 ||
	    kaldi_v_values(&f[V_RECO2FC], 1, " A B 1 ", _("A, B or 1"),
	    cause) != 0 ||
	    kaldi_v_positive(&f[V_UTT2DUR], 0, cause) != 0 ||
	    kaldi_v_positive(&f[V_RECO2DUR], 0, cause) != 0 ||
	    kaldi_v_positive(&f[V_UTT2NF], 1, cause) != 0)
		return -1;
	return 0;
}

/* ---- between files ---- */

/* sort -k2 -C utt2spk: by speaker, then by line (keys are increasing). */
static int
kaldi_v_spk_sort(const struct kaldi_file *kf, char **cause)
{
	for (size_t i = 1; i < kf->n; i++) {
		if (strcmp(kf->lines[i - 1].rest, kf->lines[i].rest) > 0) {
			*cause = xprintf(_("%s:%ld: speaker %s comes after %s: "
			    "utt2spk must be sorted by speaker too (sort -k2 "
			    "-C); begin each utterance id with its speaker "
			    "id and '-'"), kf->path, kf->lines[i].lineno,
			    kf->lines[i].rest, kf->lines[i - 1].rest);
			return -1;
		}
	}
	return 0;
}

/* spk2utt, read as utt2spk, is utt2spk line for line. */
static int
kaldi_v_spk2utt(const struct kaldi_file *s2u, const struct kaldi_file *u2s,
    char **cause)
{
	const struct kaldi_line	*sl, *ul;
	size_t			 k = 0, nf;
	char			*utt;
	int			 same;

	for (size_t i = 0; i < s2u->n; i++) {
		sl = &s2u->lines[i];
		nf = kaldi_nfields(sl->rest);
		for (size_t j = 0; j < nf; j++, k++) {
			utt = kaldi_field(sl->rest, j);
			ul = k < u2s->n ? &u2s->lines[k] : NULL;
			same = ul != NULL && strcmp(ul->key, utt) == 0 &&
			    strcmp(ul->rest, sl->key) == 0;
			if (!same) {
				*cause = xprintf(_("%s:%ld: %s %s does not "
				    "match %s:%zu: rebuild spk2utt from "
				    "utt2spk (utils/utt2spk_to_spk2utt.pl)"),
				    s2u->path, sl->lineno, sl->key, utt,
				    u2s->path, k + 1);
				free(utt);
				return -1;
			}
			free(utt);
		}
	}
	if (k != u2s->n) {
		*cause = xprintf(_("%s:%zu: utterance %s is not in %s"),
		    u2s->path, k + 1, u2s->lines[k].key, s2u->path);
		return -1;
	}
	return 0;
}

/* Two sorted key lists are the same; what names the keys. */
static int
kaldi_v_same(const struct kaldi_file *a, const struct kaldi_file *b,
    const char *what, char **cause)
{
	size_t	i = 0, j = 0;
	int	c;

	while (i < a->n || j < b->n) {
		if (i == a->n)
			c = 1;
		else if (j == b->n)
			c = -1;
		else
			c = strcmp(a->lines[i].key, b->lines[j].key);
		if (c == 0) {
			i++;
			j++;
			continue;
		}
		if (c < 0)
			*cause = xprintf(_("%s:%ld: %s %s is not in %s"),
			    a->path, a->lines[i].lineno, what,
			    a->lines[i].key, b->path);
		else
			*cause = xprintf(_("%s:%ld: %s %s is not in %s"),
			    b->path, b->lines[j].lineno, what,
			    b->lines[j].key, a->path);
		return -1;
	}
	return 0;
}

/* A recording named in segments, and the first line naming it. */
struct kaldi_reco {
	char	*id;
	long	 lineno;
};

static int
kaldi_reco_cmp(const void *a, const void *b)
{
	const struct kaldi_reco	*x = a, *y = b;
	int			 c = strcmp(x->id, y->id);

	if (c != 0)
		return c;
	return x->lineno < y->lineno ? -1 : x->lineno > y->lineno;
}

/* The recordings of segments are the keys of wav.scp. */
static int
kaldi_v_recordings(const struct kaldi_file *seg, const struct kaldi_file *wav,
    char **cause)
{
	struct kaldi_reco	*r, tmp;
	size_t			 n = 0, i = 0, j = 0;
	int			 c, rc = 0;

	if (seg->n == 0)
		return kaldi_v_same(seg, wav, _("recording"), cause);
	r = xcalloc(seg->n, sizeof *r);
	for (size_t k = 0; k < seg->n; k++) {
		r[k].id = kaldi_field(seg->lines[k].rest, 0);
		r[k].lineno = seg->lines[k].lineno;
	}
	qsort(r, seg->n, sizeof *r, kaldi_reco_cmp);
	/* Unique to the front; the repeats stay behind to be freed. */
	for (size_t k = 0; k < seg->n; k++) {
		if (n > 0 && strcmp(r[n - 1].id, r[k].id) == 0)
			continue;
		tmp = r[n];
		r[n++] = r[k];
		r[k] = tmp;
	}
	while (rc == 0 && (i < n || j < wav->n)) {
		c = i == n ? 1 : j == wav->n ? -1 : strcmp(r[i].id,
		    wav->lines[j].key);
		if (c < 0) {
			*cause = xprintf(_("%s:%ld: recording %s is not in "
			    "%s"), seg->path, r[i].lineno, r[i].id, wav->path);
			rc = -1;
		} else if (c > 0) {
			*cause = xprintf(_("%s:%ld: recording %s has no "
			    "segments"), wav->path, wav->lines[j].lineno,
			    wav->lines[j].key);
			rc = -1;
		}
		i++;
		j++;
	}
	for (size_t k = 0; k < seg->n; k++)
		free(r[k].id);
	free(r);
	return rc;
}

static int
kaldi_v_keys(struct kaldi_file *f, char **cause)
{
	static const char *const what[] = {
		[KEY_UTT] = N_("utterance"),
		[KEY_RECO] = N_("recording"),
		[KEY_SPK] = N_("speaker")
	};
	const struct kaldi_file	*ref;
	int			 segments = f[V_SEGMENTS].present;

	for (int i = 0; i < V_N; i++) {
		if (!f[i].present || i == V_UTT2SPK || i == V_SPK2UTT ||
		    (i == V_WAV && segments))
			continue;
		if (kaldi_specs[i].key == KEY_UTT || i == V_WAV ||
		    (kaldi_specs[i].key == KEY_RECO && !segments))
			ref = &f[V_UTT2SPK];
		else if (kaldi_specs[i].key == KEY_SPK)
			ref = &f[V_SPK2UTT];
		else
			ref = &f[V_WAV];
		if (kaldi_v_same(ref, &f[i], _(what[kaldi_specs[i].key]),
		    cause) != 0)
			return -1;
	}
	if (segments)
		return kaldi_v_recordings(&f[V_SEGMENTS], &f[V_WAV], cause);
	return 0;
}

int
kaldi_validate(const char *dir, char **cause)
{
	struct kaldi_file	f[V_N];
	int			rc = -1, i;

	memset(f, 0, sizeof f);
	for (i = 0; i < V_N; i++) {
		if (kaldi_file_load(&f[i], dir, kaldi_specs[i].name,
		    cause) != 0)
			goto out;
	}
	if (kaldi_v_present(f, cause) != 0)
		goto out;
	for (i = 0; i < V_N; i++) {
		if (f[i].present && kaldi_v_lines(&f[i], &kaldi_specs[i],
		    cause) != 0)
			goto out;
	}
	if (kaldi_v_content(f, cause) != 0 ||
	    kaldi_v_spk_sort(&f[V_UTT2SPK], cause) != 0 ||
	    kaldi_v_spk2utt(&f[V_SPK2UTT], &f[V_UTT2SPK], cause) != 0 ||
	    kaldi_v_keys(f, cause) != 0)
		goto out;
	rc = 0;
out:
	for (i = 0; i < V_N; i++)
		kaldi_file_free(&f[i]);
	return rc;
}
