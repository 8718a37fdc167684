/*
 * fmt-kaldi-read.c: Kaldi data directories: reading files, and a whole
 * directory into an import_doc.
 *
 * The reader wants text; segments, utt2spk, utt2lang, spk2gender and
 * utt2dur are used when they are there. Keys need not be sorted, but a
 * key twice in a file, and an utterance in one of text, segments,
 * utt2spk and utt2lang but not in another, are errors naming file and
 * line. Without segments, an utterance is its own recording (its wav.scp
 * key) from 0 to its utt2dur, or to the end (end NULL) when there is no
 * utt2dur. A speaker equal to the utterance id is no speaker; the
 * language "und" is none. A CR before a line's end is ignored.
 */
#include "config.h"

#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fmt-kaldi.h"
#include "i18n.h"
#include "xmalloc.h"

#define KALDI_BLANK(c)	((c) == ' ' || (c) == '\t')

/* ---- files ---- */

static char *
kaldi_slurp(FILE *f, size_t *len)
{
	size_t	 cap = 65536, r;
	char	*buf = xmalloc(cap);

	*len = 0;
	while ((r = fread(buf + *len, 1, cap - *len - 1, f)) > 0) {
		*len += r;
		if (cap - *len - 1 == 0) {
			cap *= 2;
			buf = xreallocarray(buf, cap, 1);
		}
	}
	buf[*len] = '\0';
	return buf;
}

/* Splits one line (NUL-terminated) into key and rest. */
static void
kaldi_split(struct kaldi_line *l, char *s, long lineno)
{
	char	*key;

	for (; KALDI_BLANK(*s); s++)
		;
	for (key = s; *s != '\0' && !KALDI_BLANK(*s); s++)
		;
	if (*s != '\0') {
		*s++ = '\0';
		for (; KALDI_BLANK(*s); s++)
			;
	}
	l->key = key;
	l->rest = s;
	l->lineno = lineno;
}

static void
kaldi_lines(struct kaldi_file *kf, size_t len)
{
	char	*p = kf->buf, *end = kf->buf + len, *nl;
	size_t	 n = 0;

	for (char *q = p; q < end; q++)
		n += *q == '\n';
	if (len > 0 && end[-1] != '\n')
		n++;
	if (n == 0)
		return;
	kf->lines = xcalloc(n, sizeof *kf->lines);
	while (p < end) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		*nl = '\0';
		kaldi_split(&kf->lines[kf->n], p, (long)kf->n + 1);
		kf->n++;
		p = nl + 1;
	}
}

int
kaldi_file_load(struct kaldi_file *kf, const char *dir, const char *name,
    char **cause)
{
	FILE	*f;
	size_t	 len;
	char	*nul;
	long	 line = 1;

	memset(kf, 0, sizeof *kf);
	kf->name = name;
	kf->path = xprintf("%s/%s", dir, name);
	if ((f = fopen(kf->path, "r")) == NULL) {
		if (errno == ENOENT)
			return 0;
		*cause = xprintf(_("%s: %s"), kf->path, strerror(errno));
		return -1;
	}
	kf->buf = kaldi_slurp(f, &len);
	if (ferror(f)) {
		*cause = xprintf(_("%s: %s"), kf->path, strerror(errno));
		fclose(f);
		return -1;
	}
	fclose(f);
	if ((nul = memchr(kf->buf, '\0', len)) != NULL) {
		for (char *q = kf->buf; q < nul; q++)
			line += *q == '\n';
		*cause = xprintf(_("%s:%ld: a NUL byte: this is not a text "
		    "file"), kf->path, line);
		return -1;
	}
	kf->present = 1;
	kf->newline = len == 0 || kf->buf[len - 1] == '\n';
	kaldi_lines(kf, len);
	return 0;
}

void
kaldi_file_free(struct kaldi_file *kf)
{
	free(kf->path);
	free(kf->buf);
	free(kf->lines);
	memset(kf, 0, sizeof *kf);
}

size_t
kaldi_nfields(const char *s)
{
	size_t	n = 0;

	while (*s != '\0') {
		for (; KALDI_BLANK(*s); s++)
			;
		if (*s == '\0')
			break;
		n++;
		for (; *s != '\0' && !KALDI_BLANK(*s); s++)
			;
	}
	return n;
}

char *
kaldi_field(const char *s, size_t i)
{
	const char	*w;

	for (;;) {
		for (; KALDI_BLANK(*s); s++)
			;
		if (*s == '\0')
			return NULL;
		for (w = s; *s != '\0' && !KALDI_BLANK(*s); s++)
			;
		if (i-- == 0)
			return xstrndup(w, (size_t)(s - w));
	}
}

/* ---- decimal numbers ---- */

int
kaldi_decimal(const char *s)
{
	size_t	whole, frac = 0;

	for (whole = 0; isdigit((unsigned char)s[whole]); whole++)
		;
	s += whole;
	if (*s == '.') {
		for (s++; isdigit((unsigned char)s[frac]); frac++)
			;
		s += frac;
	}
	return *s == '\0' && whole + frac > 0;
}

/* The whole part without leading zeros, and the fraction. */
static void
kaldi_decimal_parts(const char *s, const char **whole, size_t *wlen,
    const char **frac)
{
	for (; *s == '0'; s++)
		;
	*whole = s;
	for (*wlen = 0; isdigit((unsigned char)s[*wlen]); (*wlen)++)
		;
	s += *wlen;
	*frac = *s == '.' ? s + 1 : s;
}

int
kaldi_decimal_cmp(const char *a, const char *b)
{
	const char	*aw, *bw, *af, *bf;
	size_t		 al, bl;
	int		 c;

	kaldi_decimal_parts(a, &aw, &al, &af);
	kaldi_decimal_parts(b, &bw, &bl, &bf);
	if (al != bl)
		return al < bl ? -1 : 1;
	if ((c = strncmp(aw, bw, al)) != 0)
		return c;
	while (*af != '\0' || *bf != '\0') {
		char	x = *af != '\0' ? *af++ : '0';
		char	y = *bf != '\0' ? *bf++ : '0';

		if (x != y)
			return x < y ? -1 : 1;
	}
	return 0;
}

char *
kaldi_decimal_canon(const char *s)
{
	const char	*w, *f;
	size_t		 wl;

	kaldi_decimal_parts(s, &w, &wl, &f);
	if (*f == '\0')
		return wl == 0 ? xstrdup("0") : xstrndup(w, wl);
	return xprintf("%.*s.%s", wl == 0 ? 1 : (int)wl, wl == 0 ? "0" : w, f);
}

/* ---- reading a directory ---- */

enum {
	KR_TEXT,
	KR_SEGMENTS,
	KR_UTT2SPK,
	KR_UTT2LANG,
	KR_SPK2GENDER,
	KR_UTT2DUR,
	KR_N
};

static const struct {
	const char	*name;
	size_t		 fields;	/* exactly; 0: at least one */
	const char	*form;
} kaldi_read_files[KR_N] = {
	{ "text", 0, NULL },
	{ "segments", 4, "<utterance> <recording> <start> <end>" },
	{ "utt2spk", 2, "<utterance> <speaker>" },
	{ "utt2lang", 2, "<utterance> <language>" },
	{ "spk2gender", 2, "<speaker> m|f" },
	{ "utt2dur", 2, "<utterance> <seconds>" }
};

struct kaldi_in {
	struct kaldi_file	  f[KR_N];
	struct kaldi_line	**idx[KR_N];	/* by key */
};

static int
kaldi_line_cmp(const void *a, const void *b)
{
	const struct kaldi_line	*x = *(struct kaldi_line *const *)a;
	const struct kaldi_line	*y = *(struct kaldi_line *const *)b;
	int			 c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return x->lineno < y->lineno ? -1 : x->lineno > y->lineno;
}

static struct kaldi_line *
kaldi_find(struct kaldi_in *in, int which, const char *key)
{
	struct kaldi_line	**idx = in->idx[which];
	size_t			  lo = 0, hi = in->f[which].n, mid;
	int			  c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(key, idx[mid]->key)) == 0)
			return idx[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* Checks a file's lines, strips CRs and makes its index by key. */
static int
kaldi_index(struct kaldi_in *in, int which, char **cause)
{
	struct kaldi_file	*kf = &in->f[which];
	struct kaldi_line	*l, **idx;
	size_t			 want = kaldi_read_files[which].fields, len;

	for (size_t i = 0; i < kf->n; i++) {
		l = &kf->lines[i];
		if ((len = strlen(l->rest)) > 0 && l->rest[len - 1] == '\r')
			l->rest[--len] = '\0';
		else if (len == 0 && (len = strlen(l->key)) > 0 &&
		    l->key[len - 1] == '\r')
			l->key[len - 1] = '\0';
		/* A value has no trailing blanks; a transcript is as it is. */
		len = strlen(l->rest);
		while (want != 0 && len > 0 && KALDI_BLANK(l->rest[len - 1]))
			l->rest[--len] = '\0';
		if (*l->key == '\0') {
			*cause = xprintf(_("%s:%ld: a blank line"), kf->path,
			    l->lineno);
			return -1;
		}
		if (want != 0 && kaldi_nfields(l->rest) + 1 != want) {
			*cause = xprintf(_("%s:%ld: %zu fields where %zu are "
			    "needed: %s"), kf->path, l->lineno,
			    kaldi_nfields(l->rest) + 1, want,
			    kaldi_read_files[which].form);
			return -1;
		}
	}
	if (kf->n == 0)
		return 0;
	idx = in->idx[which] = xcalloc(kf->n, sizeof *idx);
	for (size_t i = 0; i < kf->n; i++)
		idx[i] = &kf->lines[i];
	qsort(idx, kf->n, sizeof *idx, kaldi_line_cmp);
	for (size_t i = 1; i < kf->n; i++) {
		if (strcmp(idx[i - 1]->key, idx[i]->key) == 0) {
			*cause = xprintf(_("%s:%ld: %s is there already, on "
			    "line %ld"), kf->path, idx[i]->lineno,
			    idx[i]->key, idx[i - 1]->lineno);
			return -1;
		}
	}
	return 0;
}

/* Every key of file a is in file b (when both are there). */
static int
kaldi_keys_in(struct kaldi_in *in, int a, int b, char **cause)
{
	struct kaldi_file	*fa = &in->f[a], *fb = &in->f[b];

	if (!fa->present || !fb->present)
		return 0;
	for (size_t i = 0; i < fa->n; i++) {
		if (kaldi_find(in, b, fa->lines[i].key) == NULL) {
			*cause = xprintf(_("%s:%ld: utterance %s is not in "
			    "%s"), fa->path, fa->lines[i].lineno,
			    fa->lines[i].key, fb->path);
			return -1;
		}
	}
	return 0;
}

static int
kaldi_load_all(struct kaldi_in *in, const char *dir, char **cause)
{
	static const int	 pairs[][2] = {
		{ KR_TEXT, KR_SEGMENTS }, { KR_SEGMENTS, KR_TEXT },
		{ KR_TEXT, KR_UTT2SPK }, { KR_UTT2SPK, KR_TEXT },
		{ KR_TEXT, KR_UTT2LANG }, { KR_UTT2LANG, KR_TEXT }
	};

	for (int i = 0; i < KR_N; i++) {
		if (kaldi_file_load(&in->f[i], dir, kaldi_read_files[i].name,
		    cause) != 0 || kaldi_index(in, i, cause) != 0)
			return -1;
	}
	if (!in->f[KR_TEXT].present) {
		*cause = xprintf(_("%s: no such file: a Kaldi data directory "
		    "has its transcripts in text"), in->f[KR_TEXT].path);
		return -1;
	}
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		if (kaldi_keys_in(in, pairs[i][0], pairs[i][1], cause) != 0)
			return -1;
	}
	return 0;
}

/* A time field, checked: a decimal number. */
static char *
kaldi_time(const struct kaldi_file *kf, const struct kaldi_line *l,
    size_t i, const char *what, char **cause)
{
	char	*s = kaldi_field(l->rest, i), *canon;

	if (!kaldi_decimal(s)) {
		*cause = xprintf(_("%s:%ld: the %s '%s' is not a number of "
		    "seconds like 12.345"), kf->path, l->lineno, what, s);
		free(s);
		return NULL;
	}
	canon = kaldi_decimal_canon(s);
	free(s);
	return canon;
}

static int
kaldi_times(struct kaldi_in *in, const char *utt, struct import_segment *g,
    char **cause)
{
	struct kaldi_file	*kf;
	struct kaldi_line	*l;

	/* With segments, every utterance is there (kaldi_load_all). */
	if ((l = kaldi_find(in, KR_SEGMENTS, utt)) != NULL) {
		kf = &in->f[KR_SEGMENTS];
		g->recording = kaldi_field(l->rest, 0);
		if ((g->start = kaldi_time(kf, l, 1, _("start"), cause)) ==
		    NULL || (g->end = kaldi_time(kf, l, 2, _("end"), cause)) ==
		    NULL)
			return -1;
		if (kaldi_decimal_cmp(g->end, g->start) <= 0) {
			*cause = xprintf(_("%s:%ld: the end %s is not after "
			    "the start %s"), kf->path, l->lineno, g->end,
			    g->start);
			return -1;
		}
		return 0;
	}
	g->recording = xstrdup(utt);
	g->start = xstrdup("0");
	if ((l = kaldi_find(in, KR_UTT2DUR, utt)) == NULL)
		return 0;
	if ((g->end = kaldi_time(&in->f[KR_UTT2DUR], l, 0, _("duration"),
	    cause)) == NULL)
		return -1;
	if (kaldi_decimal_cmp(g->end, "0") <= 0) {
		*cause = xprintf(_("%s:%ld: the duration is 0"),
		    in->f[KR_UTT2DUR].path, l->lineno);
		return -1;
	}
	return 0;
}

static int
kaldi_segment(struct kaldi_in *in, const struct kaldi_line *t,
    struct import_doc *doc, char **cause)
{
	struct import_segment	*g = import_doc_segment(doc);
	struct kaldi_line	*l;

	g->line = t->lineno;
	g->text = xstrdup(t->rest);
	if ((l = kaldi_find(in, KR_UTT2SPK, t->key)) != NULL &&
	    strcmp(l->rest, t->key) != 0)
		g->speaker = xstrdup(l->rest);
	if ((l = kaldi_find(in, KR_UTT2LANG, t->key)) != NULL &&
	    strcmp(l->rest, "und") != 0)
		g->lang = xstrdup(l->rest);
	return kaldi_times(in, t->key, g, cause);
}

/* Whether s is in the sorted list; if not, it is added. */
static int
kaldi_seen(const char **list, size_t *n, const char *s)
{
	size_t	lo = 0, hi = *n, mid;
	int	c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(s, list[mid])) == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	memmove(list + lo + 1, list + lo, (*n - lo) * sizeof *list);
	list[lo] = s;
	(*n)++;
	return 0;
}

/* The speakers the segments name, in order, with spk2gender's gender. */
static int
kaldi_speakers(struct kaldi_in *in, struct import_doc *doc, char **cause)
{
	struct import_speaker	*sp;
	struct kaldi_line	*l;
	const char		**seen;
	size_t			 nseen = 0;

	if (doc->nsegs == 0)
		return 0;
	seen = xcalloc(doc->nsegs, sizeof *seen);
	for (size_t i = 0; i < doc->nsegs; i++) {
		const char *code = doc->segs[i].speaker;

		if (code == NULL || kaldi_seen(seen, &nseen, code))
			continue;
		sp = import_doc_speaker(doc);
		sp->code = xstrdup(code);
		if ((l = kaldi_find(in, KR_SPK2GENDER, code)) == NULL)
			continue;
		if (strcmp(l->rest, "m") != 0 && strcmp(l->rest, "f") != 0) {
			*cause = xprintf(_("%s:%ld: the gender '%s' is "
			    "neither m nor f"), in->f[KR_SPK2GENDER].path,
			    l->lineno, l->rest);
			free(seen);
			return -1;
		}
		sp->gender = xstrdup(l->rest);
	}
	free(seen);
	return 0;
}

int
kaldi_read(const char *path, struct import_doc *doc, char **cause)
{
	struct kaldi_in	 in;
	struct stat	 sb;
	int		 rc = -1;

	memset(&in, 0, sizeof in);
	if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		*cause = xprintf(_("%s: not a directory: give the Kaldi data "
		    "directory (the one with text and utt2spk)"), path);
		return -1;
	}
	if (kaldi_load_all(&in, path, cause) != 0)
		goto out;
	for (size_t i = 0; i < in.f[KR_TEXT].n; i++) {
		if (kaldi_segment(&in, &in.f[KR_TEXT].lines[i], doc,
		    cause) != 0)
			goto out;
	}
	rc = kaldi_speakers(&in, doc, cause);
out:
	for (int i = 0; i < KR_N; i++) {
		kaldi_file_free(&in.f[i]);
		free(in.idx[i]);
	}
	if (rc != 0)
		import_doc_free(doc);
	return rc;
}
