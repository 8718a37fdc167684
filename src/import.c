/* import.c: one file of another tool's transcripts into the project. */
#include "config.h"

#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "import.h"
#include "lang.h"
#include "text.h"
#include "timecode.h"
#include "xmalloc.h"

struct import_job {
	struct store		*store;
	const char		*path;
	struct import_doc	*doc;
	struct store_recording	*recs;
	size_t			 nrecs;
	const char		*rec;		/* --rec */
	struct import_report	*report;
	size_t			 lang_dropped, dialect_dropped;
	/* the segments of the recordings seen, to spot ones already there */
	struct import_known	*known;
	size_t			 nknown;
};

struct import_known {
	int64_t		 rec;
	struct segment	*segs;
	size_t		 n;
};

void
import_report_free(struct import_report *r)
{
	for (size_t i = 0; i < r->nnotes; i++)
		free(r->notes[i]);
	free(r->notes);
	memset(r, 0, sizeof *r);
}

static void
import_note(struct import_report *r, char *note)
{
	r->notes = xreallocarray(r->notes, r->nnotes + 1, sizeof *r->notes);
	r->notes[r->nnotes++] = note;
}

/* A file's name without directory and extension. */
static char *
import_stem(const char *path)
{
	char	*copy = xstrdup(path), *base, *dot, *stem;

	base = basename(copy);
	if ((dot = strrchr(base, '.')) != NULL && dot != base)
		*dot = '\0';
	stem = xstrdup(base);
	free(copy);
	return stem;
}

/* Finds the recording a segment belongs to. */
static const struct store_recording *
import_recording(struct import_job *j, const struct import_segment *g,
    char **cause)
{
	const char	*want[3];
	char		*media = NULL, *own = NULL;
	size_t		 n = 0;

	if (j->rec != NULL)
		want[n++] = j->rec;
	else {
		if (g->recording != NULL)
			want[n++] = g->recording;
		if (j->doc->media != NULL)
			want[n++] = media = import_stem(j->doc->media);
		/* Last, the file's own name: meeting.TextGrid, meeting. */
		want[n++] = own = import_stem(j->path);
	}
	for (size_t k = 0; k < n; k++) {
		for (size_t i = 0; i < j->nrecs; i++) {
			char	*stem = import_stem(j->recs[i].path);
			int	 hit = strcmp(j->recs[i].name, want[k]) == 0 ||
			    strcmp(stem, want[k]) == 0;

			free(stem);
			if (hit) {
				free(media);
				free(own);
				return &j->recs[i];
			}
		}
	}
	*cause = xprintf(_("%s: no recording '%s' in the project; add it "
	    "with 'tingxie add', or give one with --rec NAME"), j->path,
	    want[0]);
	free(media);
	free(own);
	return NULL;
}

/* A speaker code from a name in a file: white space becomes '_'. */
static char *
import_code(const char *name)
{
	char	*code = xstrdup(name);

	for (char *p = code; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t')
			*p = '_';
	}
	return code;
}

/* Makes sure a speaker exists; adds it (from the file's list) if not. */
static int
import_speaker(struct import_job *j, const char *name, char **code,
    char **cause)
{
	struct speaker	 sp;
	int64_t		 id;
	char		*why = NULL;

	*code = import_code(name);
	if (store_speaker_ensure(j->store, *code, &id, &why) == 0)
		return 0;
	free(why);
	memset(&sp, 0, sizeof sp);
	sp.code = xstrdup(*code);
	for (size_t i = 0; i < j->doc->nspks; i++) {
		const struct import_speaker *is = &j->doc->spks[i];

		if (is->code == NULL || strcmp(is->code, name) != 0)
			continue;
		if (is->name != NULL && strcmp(is->name, name) != 0)
			sp.name = xstrdup(is->name);
		if (is->gender != NULL)
			sp.gender = xstrdup(is->gender);
		why = NULL;
		if (is->lang != NULL && store_vocab_check(j->store,
		    VOCAB_LANGUAGE, is->lang, &why) == 0)
			sp.native_lang = xstrdup(is->lang);
		free(why);
		why = NULL;
		if (is->dialect != NULL && store_vocab_check(j->store,
		    VOCAB_DIALECT, is->dialect, &why) == 0)
			sp.dialect = xstrdup(is->dialect);
		free(why);
	}
	if (sp.name == NULL && strcmp(*code, name) != 0)
		sp.name = xstrdup(name);
	if (store_speaker_add(j->store, &sp, cause) != 0) {
		speaker_clear(&sp);
		return -1;
	}
	speaker_clear(&sp);
	j->report->speakers++;
	return 0;
}

/* The segments of a recording as they were before this import. */
static struct import_known *
import_known(struct import_job *j, int64_t rec)
{
	struct segment_filter	 f = { rec };
	struct import_known	*k;
	char			*ignored = NULL;

	for (size_t i = 0; i < j->nknown; i++) {
		if (j->known[i].rec == rec)
			return &j->known[i];
	}
	j->known = xreallocarray(j->known, j->nknown + 1, sizeof *j->known);
	k = &j->known[j->nknown++];
	k->rec = rec;
	if (store_segment_list(j->store, &f, &k->segs, &k->n, &ignored) != 0) {
		free(ignored);
		k->segs = NULL;
		k->n = 0;
	}
	return k;
}

/* Whether the project (or this import) has this segment already. */
static int
import_exists(struct import_job *j, const struct segment *seg)
{
	struct import_known	*k = import_known(j, seg->recording_id);

	for (size_t i = 0; i < k->n; i++) {
		const struct segment *o = &k->segs[i];

		if (o->start == seg->start && o->end == seg->end &&
		    ((o->speaker == NULL && seg->speaker == NULL) ||
		    (o->speaker != NULL && seg->speaker != NULL &&
		    strcmp(o->speaker, seg->speaker) == 0)) &&
		    strcmp(o->text, seg->text) == 0)
			return 1;
	}
	k->segs = xreallocarray(k->segs, k->n + 1, sizeof *k->segs);
	segment_copy(&k->segs[k->n++], seg);
	return 0;
}

/* Where in the file a segment came from, for messages. */
static char *
import_where(struct import_job *j, const struct import_segment *g)
{
	if (g->line > 0)
		return xprintf("%s:%ld", j->path, g->line);
	return xstrdup(j->path);
}

static int
import_segment(struct import_job *j, const struct import_segment *g,
    char **cause)
{
	const struct store_recording	*rec;
	struct segment			 seg;
	char				*why = NULL, *where, *nfc;
	int				 rc = -1;

	memset(&seg, 0, sizeof seg);
	where = import_where(j, g);
	if ((rec = import_recording(j, g, cause)) == NULL)
		goto out;
	seg.recording_id = rec->id;
	seg.channel = g->channel >= 0 && g->channel < rec->channels ?
	    g->channel : (rec->channels > 1 ? -1 : 0);
	/* No end (a Kaldi utterance without utt2dur): the recording's. */
	seg.end = rec->frames;
	if (g->start == NULL ||
	    timecode_parse(g->start, rec->rate, &seg.start, &why) != 0 ||
	    (g->end != NULL && timecode_parse(g->end, rec->rate, &seg.end,
	    &why) != 0)) {
		*cause = xprintf(_("%s: %s"), where, why != NULL ? why :
		    _("a segment without a start"));
		goto out;
	}
	if ((nfc = text_normalize(g->text != NULL ? g->text : "", &why)) ==
	    NULL) {
		*cause = xprintf(_("%s: %s"), where, why);
		goto out;
	}
	seg.text = nfc;
	if (g->speaker != NULL && import_speaker(j, g->speaker, &seg.speaker,
	    cause) != 0)
		goto out;
	/* Tags the project does not have are left out, and said so. */
	if (g->lang != NULL) {
		if (store_vocab_check(j->store, VOCAB_LANGUAGE, g->lang,
		    &why) == 0)
			seg.lang = xstrdup(g->lang);
		else
			j->lang_dropped++;
		free(why);
		why = NULL;
	}
	if (seg.lang == NULL && rec->lang != NULL)
		seg.lang = xstrdup(rec->lang);
	if (g->dialect != NULL) {
		if (store_vocab_check(j->store, VOCAB_DIALECT, g->dialect,
		    &why) == 0)
			seg.dialect = xstrdup(g->dialect);
		else
			j->dialect_dropped++;
		free(why);
		why = NULL;
	}
	/* ASR output is a draft for people: it stays at stage new. */
	seg.stage = *seg.text != '\0' && !j->doc->machine ?
	    STAGE_TRANSCRIBED : STAGE_NEW;
	if (import_exists(j, &seg)) {
		j->report->already++;
		rc = 0;
		goto out;
	}
	if (store_segment_create(j->store, &seg, &why) != 0) {
		*cause = xprintf(_("%s: %s"), where, why);
		goto out;
	}
	j->report->added++;
	rc = 0;
out:
	free(why);
	free(where);
	segment_clear(&seg);
	return rc;
}

int
import_file(struct store *s, const struct fmt_ops *fmt, const char *path,
    const char *rec, struct import_report *report, char **cause)
{
	struct import_job	 j;
	struct import_doc	 doc;
	int			 rc = -1;

	memset(report, 0, sizeof *report);
	if (fmt->read == NULL) {
		*cause = xprintf(_("%s is an output format only; see 'tingxie "
		    "import --help' for the input formats"), fmt->name);
		return -1;
	}
	memset(&doc, 0, sizeof doc);
	if (fmt->read(path, &doc, cause) != 0) {
		import_doc_free(&doc);
		return -1;
	}
	memset(&j, 0, sizeof j);
	j.store = s;
	j.path = path;
	j.doc = &doc;
	j.rec = rec;
	j.report = report;
	if (store_recording_list(s, &j.recs, &j.nrecs, cause) != 0)
		goto out;
	if (store_transaction_begin(s, cause) != 0)
		goto out;
	store_set_origin(s, doc.machine ? "machine" : NULL);
	for (size_t i = 0; i < doc.nsegs; i++) {
		if (import_segment(&j, &doc.segs[i], cause) != 0) {
			store_transaction_rollback(s);
			store_set_origin(s, NULL);
			goto out;
		}
	}
	store_set_origin(s, NULL);
	if (store_transaction_commit(s, cause) != 0)
		goto out;
	if (j.lang_dropped > 0)
		import_note(report, xprintf(_("%zu segment(s) named a language "
		    "the project does not list; they have their recording's "
		    "(add languages with 'tingxie vocab PROJECT add language')"),
		    j.lang_dropped));
	if (j.dialect_dropped > 0)
		import_note(report, xprintf(_("%zu segment(s) named a dialect "
		    "the project does not have; it was left out"),
		    j.dialect_dropped));
	rc = 0;
out:
	if (rc != 0)
		import_report_free(report);
	for (size_t i = 0; i < j.nknown; i++)
		segment_list_free(j.known[i].segs, j.known[i].n);
	free(j.known);
	store_recording_list_free(j.recs, j.nrecs);
	import_doc_free(&doc);
	return rc;
}
