/*
 * fmt-subtitle.c: SubRip (.srt) and WebVTT (.vtt) subtitles, a file per
 * recording.
 *
 * Times are whole milliseconds (fmt_ms), and a cue lasts at least 1 ms.
 * A speaker is written by the conventions of each: "CODE: text" in SRT
 * and a voice span "<v CODE>text" in WebVTT; reading takes them back.
 * Segments without text make no cue.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fmt.h"
#include "fmt-text.h"
#include "i18n.h"
#include "xmalloc.h"

#define SUB_SPEAKER_MAX	32	/* longest "NAME: " prefix taken in SRT */
#define nitems(a)	(sizeof (a) / sizeof *(a))

/* ---- writing ---- */

struct sub_cue {
	const struct export_item	*it;
	int64_t				 start;		/* ms */
	int64_t				 end;
};

/* Cues by recording, then start, end, speaker (none first). */
static int
sub_cue_cmp(const void *a, const void *b)
{
	const struct sub_cue	*x = a, *y = b;
	const char		*p, *q;
	int			 c;

	if (x->it->rec != y->it->rec)
		return (uintptr_t)x->it->rec < (uintptr_t)y->it->rec ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	p = x->it->spk != NULL ? x->it->spk->spk->code : "";
	q = y->it->spk != NULL ? y->it->spk->spk->code : "";
	if ((c = strcmp(p, q)) != 0)
		return c;
	return (uintptr_t)x->it < (uintptr_t)y->it ? -1 :
	    (uintptr_t)x->it > (uintptr_t)y->it;
}

static void
sub_stamp(FILE *f, int64_t ms, char sep)
{
	fprintf(f, "%02lld:%02lld:%02lld%c%03lld", (long long)(ms / 3600000),
	    (long long)(ms / 60000 % 60), (long long)(ms / 1000 % 60), sep,
	    (long long)(ms % 1000));
}

static void
sub_timing(FILE *f, const struct sub_cue *c, char sep)
{
	sub_stamp(f, c->start, sep);
	fputs(" --> ", f);
	sub_stamp(f, c->end, sep);
	fputc('\n', f);
}

/* WebVTT text: &, < and > as character references. */
static void
sub_vtt_escape(FILE *f, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '&')
			fputs("&amp;", f);
		else if (*s == '<')
			fputs("&lt;", f);
		else if (*s == '>')
			fputs("&gt;", f);
		else
			fputc(*s, f);
	}
}

static void
sub_write_srt(FILE *f, const struct sub_cue *cues, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			fputc('\n', f);
		fprintf(f, "%zu\n", i + 1);
		sub_timing(f, &cues[i], ',');
		if (cues[i].it->spk != NULL)
			fprintf(f, "%s: ", cues[i].it->spk->spk->code);
		fprintf(f, "%s\n", cues[i].it->text);
	}
}

static void
sub_write_vtt(FILE *f, const struct sub_cue *cues, size_t n)
{
	fputs("WEBVTT\n", f);
	for (size_t i = 0; i < n; i++) {
		fputc('\n', f);
		sub_timing(f, &cues[i], '.');
		if (cues[i].it->spk != NULL) {
			fputs("<v ", f);
			sub_vtt_escape(f, cues[i].it->spk->spk->code);
			fputc('>', f);
		}
		sub_vtt_escape(f, cues[i].it->text);
		fputc('\n', f);
	}
}

static int
sub_write(const struct export_set *set, int vtt, char **cause)
{
	struct sub_cue	*cues;
	const char	*ext = vtt ? "vtt" : "srt";
	char		*name;
	size_t		 n = 0, at = 0, k;
	FILE		*f;
	int		 rc = 0, rate;

	cues = xcalloc(set->nitems + 1, sizeof *cues);
	for (size_t i = 0; i < set->nitems; i++) {
		const struct export_item *it = &set->items[i];

		if (it->text == NULL || *it->text == '\0')
			continue;
		rate = it->rec->rec->rate;
		cues[n].it = it;
		cues[n].start = fmt_ms(it->start, rate);
		cues[n].end = fmt_ms(it->end, rate);
		if (cues[n].end <= cues[n].start)
			cues[n].end = cues[n].start + 1;
		n++;
	}
	qsort(cues, n, sizeof *cues, sub_cue_cmp);
	for (size_t i = 0; i < set->nrecs && rc == 0; i++) {
		const struct export_recording *r = &set->recs[i];

		while (at < n && (uintptr_t)cues[at].it->rec < (uintptr_t)r)
			at++;
		for (k = at; k < n && cues[k].it->rec == r; k++)
			/* nothing */;
		xasprintf(&name, "%s.%s", r->id, ext);
		if ((f = fmt_create(set, name, cause)) == NULL)
			rc = -1;
		else {
			if (vtt)
				sub_write_vtt(f, cues + at, k - at);
			else
				sub_write_srt(f, cues + at, k - at);
			rc = fmt_commit(set, f, name, cause);
		}
		free(name);
		at = k;
	}
	free(cues);
	return rc;
}

static int
sub_write_srt_set(const struct export_set *set, char **cause)
{
	return sub_write(set, 0, cause);
}

static int
sub_write_vtt_set(const struct export_set *set, char **cause)
{
	return sub_write(set, 1, cause);
}

/* ---- reading ---- */

/* A file's lines, split in place. */
struct sub_file {
	const char	 *path;
	char		**lines;
	size_t		  n;
	struct import_doc *doc;
};

static void
sub_split(struct sub_file *sf, char *text)
{
	char	*nl;
	size_t	 room = 0;

	sf->lines = NULL;
	sf->n = 0;
	while (*text != '\0') {
		if (sf->n == room) {
			room = room == 0 ? 256 : room * 2;
			sf->lines = xreallocarray(sf->lines, room,
			    sizeof *sf->lines);
		}
		sf->lines[sf->n++] = text;
		if ((nl = strchr(text, '\n')) == NULL)
			break;
		*nl = '\0';
		text = nl + 1;
	}
}

static int
sub_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads exactly n digits. */
static int
sub_digits(const char **s, int n, int64_t *v)
{
	*v = 0;
	for (int i = 0; i < n; i++, (*s)++) {
		if (!sub_digit(**s))
			return -1;
		*v = *v * 10 + (**s - '0');
	}
	return 0;
}

/*
 * Reads a time: WebVTT's [hh:]mm:ss.ttt, or SRT's hh:mm:ss,ttt (',' or
 * '.', one to three decimals).
 */
static int
sub_time(const char **s, int vtt, int64_t *ms)
{
	int64_t	h = 0, m, sec, frac = 0, first = 0;
	int	n, i;

	for (n = 0; sub_digit(**s) && n < 10; n++, (*s)++)
		first = first * 10 + (**s - '0');
	if (n == 0 || *(*s)++ != ':' || sub_digits(s, 2, &m) != 0)
		return -1;
	if (**s == ':') {
		(*s)++;
		h = first;
		if (sub_digits(s, 2, &sec) != 0)
			return -1;
	} else if (vtt && n == 2) {
		sec = m;
		m = first;
	} else
		return -1;
	if (m > 59 || sec > 59)
		return -1;
	if (**s != '.' && (vtt || **s != ','))
		return -1;
	for ((*s)++, i = 0; i < 3 && sub_digit(**s); i++, (*s)++)
		frac = frac * 10 + (**s - '0');
	if (i == 0 || (vtt && i != 3) || sub_digit(**s))
		return -1;
	for (; i < 3; i++)
		frac *= 10;
	*ms = ((h * 60 + m) * 60 + sec) * 1000 + frac;
	return 0;
}

static int
sub_blank_or_tab(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Parses a timing line, "START --> END" and then cue settings (WebVTT)
 * or coordinates (SRT). With cause NULL, only says whether it is one.
 */
static int
sub_timing_line(const struct sub_file *sf, size_t i, int vtt,
    int64_t *start, int64_t *end, char **cause)
{
	const char	*s = sf->lines[i], *what;
	char		 a[32], b[32];

	what = vtt ? "HH:MM:SS.mmm --> HH:MM:SS.mmm" :
	    "HH:MM:SS,mmm --> HH:MM:SS,mmm";
	while (sub_blank_or_tab(*s))
		s++;
	if (sub_time(&s, vtt, start) != 0)
		goto bad;
	while (sub_blank_or_tab(*s))
		s++;
	if (strncmp(s, "-->", 3) != 0)
		goto bad;
	for (s += 3; sub_blank_or_tab(*s); s++)
		/* nothing */;
	if (sub_time(&s, vtt, end) != 0 ||
	    (*s != '\0' && !sub_blank_or_tab(*s)))
		goto bad;
	if (*end <= *start) {
		if (cause != NULL) {
			snprintf(a, sizeof a, "%lld.%03lld",
			    (long long)(*start / 1000),
			    (long long)(*start % 1000));
			snprintf(b, sizeof b, "%lld.%03lld",
			    (long long)(*end / 1000), (long long)(*end % 1000));
			if (*end == *start)
				*cause = xprintf(_("%s:%zu: the cue ends (%s s) "
				    "where it starts: it must last at least "
				    "1 ms"), sf->path, i + 1, b);
			else
				*cause = xprintf(_("%s:%zu: the cue ends (%s s) "
				    "before it starts (%s s)"), sf->path,
				    i + 1, b, a);
		}
		return -1;
	}
	return 0;
bad:
	if (cause != NULL) {
		*cause = xprintf(_("%s:%zu: bad cue times \"%s\": write %s"),
		    sf->path, i + 1, sf->lines[i], what);
	}
	return -1;
}

static int
sub_blank(const struct sub_file *sf, size_t i)
{
	return i >= sf->n || fmt_text_blank(sf->lines[i]);
}

static int
sub_arrow(const struct sub_file *sf, size_t i)
{
	return i < sf->n && strstr(sf->lines[i], "-->") != NULL;
}

/* Joins lines [from, to) with one space between them. */
static char *
sub_join(const struct sub_file *sf, size_t from, size_t to)
{
	char	*out, *p;
	size_t	 len = 1;

	for (size_t i = from; i < to; i++)
		len += strlen(sf->lines[i]) + 1;
	p = out = xmalloc(len);
	for (size_t i = from; i < to; i++) {
		if (i > from)
			*p++ = '\n';
		p = stpcpy(p, sf->lines[i]);
	}
	*p = '\0';
	fmt_text_flatten(out);
	return out;
}

static void
sub_speaker(struct import_doc *doc, const char *code)
{
	for (size_t i = 0; i < doc->nspks; i++) {
		if (strcmp(doc->spks[i].code, code) == 0)
			return;
	}
	import_doc_speaker(doc)->code = xstrdup(code);
}

/* Adds a cue as a segment; a cue without text adds nothing. */
static void
sub_segment(struct sub_file *sf, size_t line, int64_t start, int64_t end,
    char *speaker, char *text)
{
	struct import_segment	*g;

	fmt_text_flatten(text);
	if (*text == '\0') {
		free(speaker);
		free(text);
		return;
	}
	g = import_doc_segment(sf->doc);
	xasprintf(&g->start, "%lld.%03lld", (long long)(start / 1000),
	    (long long)(start % 1000));
	xasprintf(&g->end, "%lld.%03lld", (long long)(end / 1000),
	    (long long)(end % 1000));
	g->text = text;
	g->line = (long)line + 1;
	if (speaker != NULL) {
		fmt_text_flatten(speaker);
		if (*speaker == '\0')
			free(speaker);
		else {
			g->speaker = speaker;
			sub_speaker(sf->doc, speaker);
		}
	}
}

/* SRT: removes <i> <b> <u> <s> <font ...> (and their ends) and {\...}. */
static void
sub_srt_strip(char *s)
{
	static const char *const tags[] = { "i", "b", "u", "s", "font" };
	char			*src = s, *dst = s, *end, *name;
	size_t			 n;
	int			 drop;

	while (*src != '\0') {
		drop = 0;
		if (src[0] == '{' && src[1] == '\\' &&
		    (end = strchr(src, '}')) != NULL)
			drop = 1;
		else if (*src == '<' && (end = strchr(src, '>')) != NULL) {
			name = src + 1 + (src[1] == '/');
			n = strcspn(name, " \t>");
			for (size_t i = 0; i < nitems(tags); i++) {
				if (strlen(tags[i]) == n &&
				    strncasecmp(name, tags[i], n) == 0)
					drop = 1;
			}
		}
		if (drop)
			src = end + 1;
		else
			*dst++ = *src++;
	}
	*dst = '\0';
}

/*
 * SRT: "NAME: text" names the speaker, NAME short and without spaces; so
 * does a lone "NAME:", with no text.
 */
static char *
sub_srt_speaker(char *text)
{
	char	*colon, *name;
	size_t	 n;

	if ((colon = strstr(text, ": ")) == NULL) {
		n = strlen(text);
		if (n == 0 || text[n - 1] != ':')
			return NULL;
		colon = text + n - 1;
	}
	n = (size_t)(colon - text);
	if (n == 0 || n > SUB_SPEAKER_MAX || strcspn(text, " \t") < n)
		return NULL;
	name = xstrndup(text, n);
	colon += colon[1] == ' ' ? 2 : 1;
	memmove(text, colon, strlen(colon) + 1);
	return name;
}

static int
sub_srt_cues(struct sub_file *sf, char **cause)
{
	int64_t	 start, end, s2, e2;
	size_t	 i = 0, t, j, stop;
	char	*text, *speaker;

	while (i < sf->n) {
		if (sub_blank(sf, i)) {
			i++;
			continue;
		}
		t = i;
		if (!sub_arrow(sf, i)) {
			/* A cue number (any word will do), then the times. */
			t = i + 1;
			if (sub_blank(sf, t) || !sub_arrow(sf, t)) {
				*cause = xprintf(_("%s:%zu: a cue number must "
				    "be followed by a line of times "
				    "\"HH:MM:SS,mmm --> HH:MM:SS,mmm\""),
				    sf->path, sub_blank(sf, t) ? i + 1 : t + 1);
				return -1;
			}
		}
		if (sub_timing_line(sf, t, 0, &start, &end, cause) != 0)
			return -1;
		/* The text runs to a blank line, or a cue without one. */
		for (j = t + 1; !sub_blank(sf, j); j++) {
			if (sub_arrow(sf, j) && sub_timing_line(sf, j, 0, &s2,
			    &e2, NULL) == 0)
				break;
		}
		stop = j;
		if (j < sf->n && !sub_blank(sf, j) && j > t + 1 &&
		    strspn(sf->lines[j - 1], "0123456789") ==
		    strlen(sf->lines[j - 1]))
			stop = j - 1;
		text = sub_join(sf, t + 1, stop);
		sub_srt_strip(text);
		fmt_text_flatten(text);
		speaker = sub_srt_speaker(text);
		sub_segment(sf, t, start, end, speaker, text);
		i = stop;
	}
	return 0;
}

/* WebVTT's character references that transcripts use, and numeric ones. */
static const struct {
	const char	*name;
	const char	*utf8;
} sub_entities[] = {
	{ "amp;", "&" },
	{ "lt;", "<" },
	{ "gt;", ">" },
	{ "quot;", "\"" },
	{ "apos;", "'" },
	{ "nbsp;", "\xc2\xa0" },
	{ "lrm;", "\xe2\x80\x8e" },
	{ "rlm;", "\xe2\x80\x8f" }
};

/* Writes code point cp as UTF-8 at p; returns the bytes written. */
static size_t
sub_utf8(char *p, unsigned long cp)
{
	unsigned char	*u = (unsigned char *)p;

	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xc0 | cp >> 6);
		u[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xe0 | cp >> 12);
		u[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
		u[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	u[0] = (unsigned char)(0xf0 | cp >> 18);
	u[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3f));
	u[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
	u[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

/*
 * Decodes the reference at s (after its '&') into *o, which moves on.
 * Returns the characters it took after the '&', or 0 if it is none.
 */
static size_t
sub_entity(const char *s, char **o)
{
	unsigned long	 cp = 0;
	const char	*p = s + 1;
	int		 hex, n = 0;

	for (size_t i = 0; i < nitems(sub_entities);
	    i++) {
		size_t	len = strlen(sub_entities[i].name);

		if (strncmp(s, sub_entities[i].name, len) == 0) {
			*o = stpcpy(*o, sub_entities[i].utf8);
			return len;
		}
	}
	if (*s != '#')
		return 0;
	if ((hex = (*p == 'x' || *p == 'X')))
		p++;
	for (; n < 8; p++, n++) {
		if (sub_digit(*p))
			cp = cp * (hex ? 16 : 10) + (unsigned long)(*p - '0');
		else if (hex && *p != '\0' &&
		    strchr("abcdef", *p | 0x20) != NULL)
			cp = cp * 16 + (unsigned long)((*p | 0x20) - 'a' + 10);
		else
			break;
	}
	if (n == 0 || *p != ';' || cp == 0 || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	*o += sub_utf8(*o, cp);
	return (size_t)(p + 1 - s);
}

/* Decodes character references in place (the text only shrinks). */
static void
sub_decode(char *s)
{
	char	*o = s;
	size_t	 n;

	while (*s != '\0') {
		if (*s == '&' && (n = sub_entity(s + 1, &o)) != 0)
			s += 1 + n;
		else
			*o++ = *s++;
	}
	*o = '\0';
}

/*
 * WebVTT cue text: the first voice span <v[.class] Name> names the
 * speaker; every tag is dropped and references decoded.
 */
static char *
sub_vtt_payload(char *text)
{
	char	*src = text, *dst = text, *end, *ann, *speaker = NULL;

	while (*src != '\0') {
		if (*src != '<') {
			*dst++ = *src++;
			continue;
		}
		if ((end = strchr(src, '>')) == NULL)
			break;
		if (src[1] == 'v' && strchr(". \t>", src[2]) != NULL) {
			ann = src + 2 + strcspn(src + 2, " \t>");
			if (speaker == NULL && ann < end)
				speaker = xstrndup(ann, (size_t)(end - ann));
		}
		src = end + 1;
	}
	*dst = '\0';
	sub_decode(text);
	if (speaker != NULL)
		sub_decode(speaker);
	return speaker;
}

/* Whether a block starts with a keyword line: NOTE, STYLE, REGION. */
static int
sub_vtt_keyword(const char *line)
{
	static const char *const words[] = { "NOTE", "STYLE", "REGION" };
	size_t			 n;

	for (size_t i = 0; i < nitems(words); i++) {
		n = strlen(words[i]);
		if (strncmp(line, words[i], n) == 0 &&
		    (line[n] == '\0' || sub_blank_or_tab(line[n])))
			return 1;
	}
	return 0;
}

static int
sub_vtt_cues(struct sub_file *sf, char **cause)
{
	int64_t	 start, end;
	size_t	 i, t, j;
	char	*text, *speaker;

	if (sf->n == 0 || strncmp(sf->lines[0], "WEBVTT", 6) != 0 ||
	    (sf->lines[0][6] != '\0' && !sub_blank_or_tab(sf->lines[0][6]))) {
		*cause = xprintf(_("%s:1: not a WebVTT file: its first line "
		    "must be WEBVTT"), sf->path);
		return -1;
	}
	/* The header runs to the first blank line. */
	for (i = 1; !sub_blank(sf, i) && !sub_arrow(sf, i); i++)
		/* nothing */;
	while (i < sf->n) {
		if (sub_blank(sf, i)) {
			i++;
			continue;
		}
		if (sub_vtt_keyword(sf->lines[i])) {
			while (!sub_blank(sf, i))
				i++;
			continue;
		}
		t = i;
		if (!sub_arrow(sf, i)) {
			/* A cue identifier, then the times. */
			t = i + 1;
			if (sub_blank(sf, t) || !sub_arrow(sf, t)) {
				*cause = xprintf(_("%s:%zu: a line of times "
				    "\"HH:MM:SS.mmm --> HH:MM:SS.mmm\" "
				    "expected"), sf->path,
				    sub_blank(sf, t) ? i + 1 : t + 1);
				return -1;
			}
		}
		if (sub_timing_line(sf, t, 1, &start, &end, cause) != 0)
			return -1;
		for (j = t + 1; !sub_blank(sf, j) && !sub_arrow(sf, j); j++)
			/* nothing */;
		text = sub_join(sf, t + 1, j);
		speaker = sub_vtt_payload(text);
		sub_segment(sf, t, start, end, speaker, text);
		i = j;
	}
	return 0;
}

static int
sub_read(const char *path, int vtt, struct import_doc *doc, char **cause)
{
	struct sub_file	 sf;
	char		*text;
	size_t		 len;
	int		 rc;

	/* SRT comes in legacy code pages too; WebVTT is UTF-8 only. */
	if ((text = fmt_text_load(path, vtt ? NULL : "CP1252", &len,
	    cause)) == NULL)
		return -1;
	sf.path = path;
	sf.doc = doc;
	sub_split(&sf, text);
	rc = vtt ? sub_vtt_cues(&sf, cause) : sub_srt_cues(&sf, cause);
	free(sf.lines);
	free(text);
	if (rc != 0)
		import_doc_free(doc);
	return rc;
}

static int
sub_read_srt(const char *path, struct import_doc *doc, char **cause)
{
	return sub_read(path, 0, doc, cause);
}

static int
sub_read_vtt(const char *path, struct import_doc *doc, char **cause)
{
	return sub_read(path, 1, doc, cause);
}

const struct fmt_ops fmt_srt_ops = {
	.name = "srt",
	.description = N_("SubRip subtitles, a file per recording, speakers "
	    "as \"CODE: \""),
	.corpus = 0,
	.write = sub_write_srt_set,
	.read = sub_read_srt,
	.validate = NULL
};

const struct fmt_ops fmt_vtt_ops = {
	.name = "vtt",
	.description = N_("WebVTT subtitles, a file per recording, speakers "
	    "as voice spans"),
	.corpus = 0,
	.write = sub_write_vtt_set,
	.read = sub_read_vtt,
	.validate = NULL
};
