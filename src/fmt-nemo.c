/*
 * fmt-nemo.c: NVIDIA NeMo ASR manifests (formats.md §2), written and
 * read, and Whisper's JSON output, read.
 *
 * A manifest is JSON Lines: audio_filepath, duration, offset (when
 * pointing into the original recording), text, speaker, lang, dialect.
 * Reading takes what NeMo's transcription writes too (pred_text first)
 * and marks the document as machine-made. JSON numbers are doubles, so a
 * time is read as the shortest decimal that gives the same double
 * ("3.5600000000000001" is 3.56) rounded half away from zero to whole
 * milliseconds, and handed on as "3.560".
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "fmt-corpus.h"
#include "i18n.h"
#include "xmalloc.h"

#define NEMO_MAX_SECONDS	1000000000	/* about 31 years */

/* ---- writing ---- */

static int
nemo_check(const struct export_set *set, const struct export_item *it,
    const char *dir, char **cause)
{
	int64_t	 start, end;
	char	*path;

	if (set->opt != NULL && set->opt->audio == EXPORT_AUDIO_CUT) {
		if ((path = corpus_cut_path(it, dir, cause)) == NULL)
			return -1;
		free(path);
	} else if (corpus_field_ok(it->rec->path, it->rec->id, _("path"),
	    cause) != 0)
		return -1;
	corpus_item_ms(it, &start, &end);
	if (end <= start) {
		*cause = xprintf(_("utterance %s is shorter than a "
		    "millisecond"), it->id);
		return -1;
	}
	if (corpus_field_ok(it->text != NULL ? it->text : "", it->id,
	    _("text"), cause) != 0 || (it->spk != NULL &&
	    corpus_field_ok(it->spk->id, it->id, _("speaker id"),
	    cause) != 0) || (it->lang != NULL && corpus_field_ok(it->lang,
	    it->id, _("language"), cause) != 0) || (it->dialect != NULL &&
	    corpus_field_ok(it->dialect, it->id, _("dialect"), cause) != 0))
		return -1;
	return 0;
}

static void
nemo_member(FILE *f, const char *key, const char *value)
{
	if (value == NULL)
		return;
	fprintf(f, ", \"%s\": ", key);
	fmt_json_string(f, value);
}

static void
nemo_line(const struct export_set *set, const struct export_item *it,
    const char *dir, FILE *f)
{
	char	 d[CORPUS_NUMLEN], o[CORPUS_NUMLEN], *path, *ignored = NULL;
	int64_t	 start, end;
	int	 cut = set->opt != NULL && set->opt->audio == EXPORT_AUDIO_CUT;

	corpus_item_ms(it, &start, &end);
	fputs("{\"audio_filepath\": ", f);
	if (cut) {
		path = corpus_cut_path(it, dir, &ignored);	/* checked */
		fmt_json_string(f, path);
		free(path);
		fprintf(f, ", \"duration\": %s", fmt_seconds(
		    corpus_cut_samples(set, it), corpus_cut_rate(set), d,
		    sizeof d));
	} else {
		fmt_json_string(f, it->rec->path);
		fprintf(f, ", \"duration\": %s, \"offset\": %s",
		    corpus_ms_str(end - start, d, sizeof d),
		    corpus_ms_str(start, o, sizeof o));
	}
	fputs(", \"text\": ", f);
	fmt_json_string(f, it->text != NULL ? it->text : "");
	nemo_member(f, "speaker", it->spk != NULL ? it->spk->id : NULL);
	nemo_member(f, "lang", it->lang);
	nemo_member(f, "dialect", it->dialect);
	fputs("}\n", f);
}

static int
nemo_write(const struct export_set *set, char **cause)
{
	FILE	*f;
	char	*dir;
	int	 rc = -1;

	if ((dir = corpus_abs_dir(set, cause)) == NULL)
		return -1;
	for (size_t i = 0; i < set->nitems; i++) {
		if (nemo_check(set, &set->items[i], dir, cause) != 0)
			goto out;
	}
	if ((f = fmt_create(set, "manifest.json", cause)) == NULL)
		goto out;
	for (size_t i = 0; i < set->nitems; i++)
		nemo_line(set, &set->items[i], dir, f);
	rc = fmt_commit(set, f, "manifest.json", cause);
out:
	free(dir);
	return rc;
}

/* ---- numbers ---- */

static locale_t
nemo_c_locale(void)
{
	static locale_t	c;

	if (c == (locale_t)0)
		c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	return c;
}

/*
 * A double's shortest decimal form, rounded half away from zero to whole
 * thousandths: d is 0.D1D2...Dn * 10^(exp + 1), so the integer part of
 * d * 1000 is the first exp + 4 digits.
 */
static int64_t
nemo_real_ms(double d)
{
	char		 buf[64], digits[24];
	const char	*s;
	locale_t	 old;
	int		 p, k, n = 0;
	int64_t		 ms = 0;

	old = uselocale(nemo_c_locale());
	for (p = 1; p < 17; p++) {
		snprintf(buf, sizeof buf, "%.*e", p - 1, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	if (p == 17)
		snprintf(buf, sizeof buf, "%.*e", p - 1, d);
	uselocale(old);
	for (s = buf; *s != '\0' && *s != 'e'; s++) {
		if (isdigit((unsigned char)*s))
			digits[n++] = *s;
	}
	k = (*s == 'e' ? atoi(s + 1) : 0) + 4;
	for (int i = 0; i < k; i++)
		ms = ms * 10 + (i < n ? digits[i] - '0' : 0);
	if (k >= 0 && k < n && digits[k] >= '5')
		ms++;
	return ms;
}

/* A JSON number of seconds in milliseconds; -1 if it is not one. */
static int
nemo_ms(const json_t *v, int64_t *ms)
{
	json_int_t	i;
	double		d;

	if (json_is_integer(v)) {
		if ((i = json_integer_value(v)) < 0 || i > NEMO_MAX_SECONDS)
			return -1;
		*ms = (int64_t)i * 1000;
		return 0;
	}
	if (!json_is_real(v))
		return -1;
	d = json_real_value(v);
	if (!(d >= 0 && d <= NEMO_MAX_SECONDS))
		return -1;
	*ms = nemo_real_ms(d);
	return 0;
}

static const char *
nemo_type(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return _("an object");
	case JSON_ARRAY:
		return _("an array");
	case JSON_STRING:
		return _("a string");
	case JSON_INTEGER:
	case JSON_REAL:
		return _("a number");
	case JSON_TRUE:
	case JSON_FALSE:
		return _("a boolean");
	default:
		return _("null");
	}
}

/*
 * Member key of obj as milliseconds: 1 when there, 0 when absent or null
 * (an error if required), -1 with *cause. where is "FILE:LINE".
 */
static int
nemo_seconds(const char *where, json_t *obj, const char *key, int required,
    int64_t *ms, char **cause)
{
	json_t	*v = json_object_get(obj, key);

	if (v == NULL || json_is_null(v)) {
		if (!required)
			return 0;
		*cause = xprintf(_("%s: no \"%s\" (seconds), which is "
		    "needed"), where, key);
		return -1;
	}
	if (!json_is_number(v)) {
		*cause = xprintf(_("%s: \"%s\" is %s, not a number of "
		    "seconds"), where, key, nemo_type(v));
		return -1;
	}
	if (nemo_ms(v, ms) != 0) {
		*cause = xprintf(_("%s: \"%s\" is negative or too large"),
		    where, key);
		return -1;
	}
	return 1;
}

/* Member key as a new string (NULL when absent or null), or -1. */
static int
nemo_string(const char *where, json_t *obj, const char *key, int numbers,
    char **out, char **cause)
{
	json_t	*v = json_object_get(obj, key);

	*out = NULL;
	if (v == NULL || json_is_null(v))
		return 0;
	if (json_is_string(v))
		*out = xstrdup(json_string_value(v));
	else if (numbers && json_is_integer(v))
		*out = xprintf("%lld", (long long)json_integer_value(v));
	else {
		*cause = xprintf(_("%s: \"%s\" is %s, not a string"), where,
		    key, nemo_type(v));
		return -1;
	}
	return 0;
}

static char *
nemo_ms_dup(int64_t ms)
{
	char	buf[CORPUS_NUMLEN];

	return xstrdup(corpus_ms_str(ms, buf, sizeof buf));
}

/* ---- reading NeMo manifests ---- */

static int
nemo_audio(const char *where, json_t *obj, char **audio, char **cause)
{
	if (nemo_string(where, obj, "audio_filepath", 0, audio, cause) != 0)
		return -1;
	if (*audio == NULL && nemo_string(where, obj, "audio_filename", 0,
	    audio, cause) != 0)
		return -1;
	if (*audio == NULL) {
		*cause = xprintf(_("%s: no \"audio_filepath\", which is "
		    "needed"), where);
		return -1;
	}
	return 0;
}

static int
nemo_object(const char *where, long lineno, json_t *obj,
    struct import_doc *doc, char **cause)
{
	struct import_segment	*g = import_doc_segment(doc);
	int64_t			 offset = 0, duration;

	g->line = lineno;
	if (nemo_audio(where, obj, &g->recording, cause) != 0 ||
	    nemo_seconds(where, obj, "duration", 1, &duration, cause) < 0 ||
	    nemo_seconds(where, obj, "offset", 0, &offset, cause) < 0)
		return -1;
	if (duration == 0) {
		*cause = xprintf(_("%s: \"duration\" is 0"), where);
		return -1;
	}
	if (nemo_string(where, obj, "pred_text", 0, &g->text, cause) != 0 ||
	    (g->text == NULL && nemo_string(where, obj, "text", 0, &g->text,
	    cause) != 0) ||
	    nemo_string(where, obj, "speaker", 1, &g->speaker, cause) != 0 ||
	    nemo_string(where, obj, "lang", 0, &g->lang, cause) != 0 ||
	    nemo_string(where, obj, "dialect", 0, &g->dialect, cause) != 0)
		return -1;
	if (g->text == NULL)
		g->text = xstrdup("");
	g->start = nemo_ms_dup(offset);
	g->end = nemo_ms_dup(offset + duration);
	return 0;
}

/* One file for every line is the document's medium. */
static void
nemo_media(struct import_doc *doc)
{
	for (size_t i = 1; i < doc->nsegs; i++) {
		if (strcmp(doc->segs[i].recording, doc->segs[0].recording) !=
		    0)
			return;
	}
	for (size_t i = 0; i < doc->nsegs; i++) {
		if (i == 0)
			doc->media = doc->segs[i].recording;
		else
			free(doc->segs[i].recording);
		doc->segs[i].recording = NULL;
	}
}

static int
nemo_line_read(const char *path, long lineno, char *line, size_t len,
    struct import_doc *doc, char **cause)
{
	json_error_t	 err;
	json_t		*obj;
	char		*where;
	int		 rc;

	if (lineno == 1 && len >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0) {
		line += 3;
		len -= 3;
	}
	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r' ||
	    line[len - 1] == ' ' || line[len - 1] == '\t'))
		len--;
	if (len == 0)
		return 0;
	if ((obj = json_loadb(line, len, JSON_REJECT_DUPLICATES, &err)) ==
	    NULL) {
		*cause = xprintf(_("%s:%ld: not valid JSON: %s (column %d)"),
		    path, lineno, err.text, err.column);
		return -1;
	}
	where = xprintf("%s:%ld", path, lineno);
	if (!json_is_object(obj)) {
		*cause = xprintf(_("%s: not a JSON object; a NeMo manifest "
		    "has one object a line"), where);
		rc = -1;
	} else
		rc = nemo_object(where, lineno, obj, doc, cause);
	free(where);
	json_decref(obj);
	return rc;
}

static int
nemo_read(const char *path, struct import_doc *doc, char **cause)
{
	FILE	*f;
	char	*line = NULL;
	size_t	 cap = 0;
	ssize_t	 len;
	long	 lineno = 0;
	int	 rc = 0;

	if ((f = fopen(path, "r")) == NULL) {
		*cause = xprintf(_("%s: %s"), path, strerror(errno));
		return -1;
	}
	while (rc == 0 && (len = getline(&line, &cap, f)) != -1)
		rc = nemo_line_read(path, ++lineno, line, (size_t)len, doc,
		    cause);
	if (rc == 0 && ferror(f)) {
		*cause = xprintf(_("%s: %s"), path, strerror(errno));
		rc = -1;
	}
	free(line);
	fclose(f);
	if (rc != 0) {
		import_doc_free(doc);
		return -1;
	}
	nemo_media(doc);
	doc->machine = 1;
	return 0;
}

/* ---- reading Whisper's JSON ---- */

/* Text without the white space Whisper puts around it (caller frees). */
static char *
whisper_trim(const char *s)
{
	size_t	len;

	for (; *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'; s++)
		;
	for (len = strlen(s); len > 0 && (s[len - 1] == ' ' ||
	    s[len - 1] == '\t' || s[len - 1] == '\n' || s[len - 1] == '\r');
	    len--)
		;
	return xstrndup(s, len);
}

static int
whisper_segment(const char *where, size_t i, json_t *seg, const char *lang,
    struct import_doc *doc, char **cause)
{
	struct import_segment	*g;
	int64_t			 start, end;
	char			*text;

	if (!json_is_object(seg)) {
		*cause = xprintf(_("%s: %s, not an object"), where,
		    nemo_type(seg));
		return -1;
	}
	if (nemo_seconds(where, seg, "start", 1, &start, cause) < 0 ||
	    nemo_seconds(where, seg, "end", 1, &end, cause) < 0 ||
	    nemo_string(where, seg, "text", 0, &text, cause) != 0)
		return -1;
	if (end <= start) {
		*cause = xprintf(_("%s: the end %lld.%03lld is not after the "
		    "start %lld.%03lld"), where, (long long)(end / 1000),
		    (long long)(end % 1000), (long long)(start / 1000),
		    (long long)(start % 1000));
		free(text);
		return -1;
	}
	g = import_doc_segment(doc);
	g->line = (long)i + 1;
	g->start = nemo_ms_dup(start);
	g->end = nemo_ms_dup(end);
	g->text = whisper_trim(text != NULL ? text : "");
	g->lang = lang != NULL ? xstrdup(lang) : NULL;
	free(text);
	return 0;
}

static int
whisper_doc(const char *path, json_t *root, struct import_doc *doc,
    char **cause)
{
	json_t	*segs, *seg;
	char	*lang, *where;
	size_t	 i;
	int	 rc = 0;

	segs = json_is_object(root) ? json_object_get(root, "segments") : NULL;
	if (!json_is_array(segs)) {
		*cause = xprintf(_("%s: no \"segments\" array: this is not "
		    "Whisper's JSON output"), path);
		return -1;
	}
	if (nemo_string(path, root, "language", 0, &lang, cause) != 0)
		return -1;
	json_array_foreach(segs, i, seg) {
		where = xprintf("%s: segments[%zu]", path, i);
		rc = whisper_segment(where, i, seg, lang, doc, cause);
		free(where);
		if (rc != 0)
			break;
	}
	free(lang);
	return rc;
}

static int
whisper_read(const char *path, struct import_doc *doc, char **cause)
{
	json_error_t	 err;
	json_t		*root;
	int		 rc;

	if ((root = json_load_file(path, JSON_REJECT_DUPLICATES, &err)) ==
	    NULL) {
		if (err.line < 1)
			*cause = xprintf(_("%s: %s"), path, err.text);
		else
			*cause = xprintf(_("%s:%d: not valid JSON: %s (column "
			    "%d)"), path, err.line, err.text, err.column);
		return -1;
	}
	rc = whisper_doc(path, root, doc, cause);
	json_decref(root);
	if (rc != 0) {
		import_doc_free(doc);
		return -1;
	}
	doc->machine = 1;
	return 0;
}

const struct fmt_ops fmt_nemo_ops = {
	.name = "nemo",
	.description = N_("NVIDIA NeMo ASR manifest (JSON Lines)"),
	.corpus = 1,
	.write = nemo_write,
	.read = nemo_read,
	.validate = NULL
};

const struct fmt_ops fmt_whisper_ops = {
	.name = "whisper",
	.description = N_("Whisper's JSON output (read only)"),
	.corpus = 0,
	.write = NULL,
	.read = whisper_read,
	.validate = NULL
};
