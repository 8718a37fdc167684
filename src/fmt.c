/* fmt.c: what every format shares: safe file creation, times, JSON. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fmt.h"
#include "i18n.h"
#include "xmalloc.h"

extern const struct fmt_ops fmt_eaf_ops;
extern const struct fmt_ops fmt_hf_ops;
extern const struct fmt_ops fmt_kaldi_ops;
extern const struct fmt_ops fmt_lhotse_ops;
extern const struct fmt_ops fmt_nemo_ops;
extern const struct fmt_ops fmt_rttm_ops;
extern const struct fmt_ops fmt_srt_ops;
extern const struct fmt_ops fmt_stm_ops;
extern const struct fmt_ops fmt_textgrid_ops;
extern const struct fmt_ops fmt_trs_ops;
extern const struct fmt_ops fmt_vtt_ops;
extern const struct fmt_ops fmt_whisper_ops;

/* Formats, each in its fmt-NAME.c: corpora first, then interchange. */
const struct fmt_ops *const fmt_table[] = {
	&fmt_kaldi_ops,
	&fmt_nemo_ops,
	&fmt_hf_ops,
	&fmt_lhotse_ops,
	&fmt_textgrid_ops,
	&fmt_eaf_ops,
	&fmt_trs_ops,
	&fmt_srt_ops,
	&fmt_vtt_ops,
	&fmt_stm_ops,
	&fmt_rttm_ops,
	&fmt_whisper_ops,
	NULL
};

const struct fmt_ops *
fmt_find(const char *name)
{
	for (size_t i = 0; fmt_table[i] != NULL; i++) {
		if (strcmp(fmt_table[i]->name, name) == 0)
			return fmt_table[i];
	}
	return NULL;
}

/* A file name is one path component that is not "." or "..". */
static int
fmt_name_ok(const char *name)
{
	return *name != '\0' && strchr(name, '/') == NULL &&
	    strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

static char *
fmt_temp_name(const struct export_set *set, const char *name)
{
	return xprintf("%s/.%s.tmp", set->dir, name);
}

FILE *
fmt_create(const struct export_set *set, const char *name, char **cause)
{
	char	*tmp;
	FILE	*f;

	if (!fmt_name_ok(name)) {
		*cause = xprintf(_("'%s' is not a file name inside the output "
		    "directory"), name);
		return NULL;
	}
	tmp = fmt_temp_name(set, name);
	if ((f = fopen(tmp, "w")) == NULL)
		*cause = xprintf(_("%s: %s"), tmp, strerror(errno));
	free(tmp);
	return f;
}

int
fmt_commit(const struct export_set *set, FILE *f, const char *name,
    char **cause)
{
	char	*tmp = fmt_temp_name(set, name), *path;
	int	 rc = 0;

	xasprintf(&path, "%s/%s", set->dir, name);
	if (ferror(f) || fflush(f) != 0 || fsync(fileno(f)) != 0) {
		*cause = xprintf(_("%s: %s"), path, strerror(errno));
		rc = -1;
	}
	if (fclose(f) != 0 && rc == 0) {
		*cause = xprintf(_("%s: %s"), path, strerror(errno));
		rc = -1;
	}
	if (rc == 0 && rename(tmp, path) != 0) {
		*cause = xprintf(_("%s: %s"), path, strerror(errno));
		rc = -1;
	}
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	free(path);
	return rc;
}

int64_t
fmt_ms(int64_t frames, int rate)
{
	/* Half away from zero; frames are never negative here. */
	return (frames * 1000 + rate / 2) / rate;
}

char *
fmt_seconds(int64_t frames, int rate, char *buf, size_t len)
{
	int64_t	ms = fmt_ms(frames, rate);

	snprintf(buf, len, "%lld.%03lld", (long long)(ms / 1000),
	    (long long)(ms % 1000));
	return buf;
}

void
fmt_json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0';
	    p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		default:
			if (*p < 0x20)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
	}
	fputc('"', f);
}

struct import_segment *
import_doc_segment(struct import_doc *doc)
{
	struct import_segment	*g;

	doc->segs = xreallocarray(doc->segs, doc->nsegs + 1, sizeof *doc->segs);
	g = &doc->segs[doc->nsegs++];
	memset(g, 0, sizeof *g);
	g->channel = -1;
	return g;
}

struct import_speaker *
import_doc_speaker(struct import_doc *doc)
{
	struct import_speaker	*sp;

	doc->spks = xreallocarray(doc->spks, doc->nspks + 1, sizeof *doc->spks);
	sp = &doc->spks[doc->nspks++];
	memset(sp, 0, sizeof *sp);
	return sp;
}

void
import_doc_free(struct import_doc *doc)
{
	for (size_t i = 0; i < doc->nsegs; i++) {
		free(doc->segs[i].recording);
		free(doc->segs[i].start);
		free(doc->segs[i].end);
		free(doc->segs[i].speaker);
		free(doc->segs[i].lang);
		free(doc->segs[i].dialect);
		free(doc->segs[i].text);
	}
	for (size_t i = 0; i < doc->nspks; i++) {
		free(doc->spks[i].code);
		free(doc->spks[i].name);
		free(doc->spks[i].gender);
		free(doc->spks[i].lang);
		free(doc->spks[i].dialect);
	}
	free(doc->segs);
	free(doc->spks);
	free(doc->media);
	memset(doc, 0, sizeof *doc);
}
