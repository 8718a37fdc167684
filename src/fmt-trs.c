/*
 * fmt-trs.c: Transcriber files (.trs, trans-14.dtd), one per recording.
 *
 * Writing: Speakers spk1.. in the order they first speak, each with its
 * code as name, its gender as type and its dialect as accent (dialect is
 * "native": the DTD allows only native or nonnative). One report Section
 * covers the recording; every segment is a Turn of its own with one Sync,
 * and the stretches between them are Turns without speaker, so the Turns
 * tile the Section. Segments of different speakers that overlap become one
 * Turn over them all, speaker="spk1 spk2", each one's text after its
 * <Who nb="N"/>: Transcriber has no finer times for overlapping speech, so
 * they come back with the Turn's times. Trans/@xml:lang is the commonest
 * language; a segment in another language has its text inside language
 * Events (begin, end). Two overlapping segments of one speaker, or with a
 * speaker-less one, cannot be written and are refused.
 *
 * Reading: each stretch of a Turn between two Syncs (or the Turn's start
 * and end) is a segment, one per Who in it when the Turn has several
 * speakers. Stretches without speaker and without text are gaps and are
 * skipped (so a speaker-less segment without text does not come back),
 * as are stretches of no duration without text. Text is the Turn's
 * character data with each run of white space made one space; an Event of
 * type noise and extent instantaneous becomes the markup "[desc]"; a
 * stretch whose text is all inside one language Event (begin ... end) is
 * in that language, any other in Trans/@xml:lang; other Events, Comment,
 * Background and Vocal are dropped. Segments have no dialect: that is the
 * speaker's (accent). A Speaker's code is its name when that is a usable
 * code (no white space, unique), else its id; type male or female gives
 * the gender, accent the dialect. Only speakers with segments are listed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "fmt-xml.h"
#include "i18n.h"
#include "xmalloc.h"

/* ---- writing ---- */

struct trs_seg {
	const struct export_item	*item;
	int64_t				 start, end;	/* ms */
	size_t				 spk;	/* spk<N>; 0: none */
};

struct trs_turn {
	size_t		 first, n;	/* segments; n = 0: a gap */
	int64_t		 start, end;	/* ms */
};

struct trs_file {
	const struct export_set		*set;
	const struct export_recording	*rec;
	char				*name;
	struct trs_seg			*segs;
	size_t				 nsegs;
	const struct export_speaker	**spks;
	size_t				 nspks;
	const char			*lang;
	struct trs_turn			*turns;
	size_t				 nturns;
	int64_t				 end;	/* the Section's, ms */
};

static void
trs_file_free(struct trs_file *tf)
{
	free(tf->name);
	free(tf->segs);
	free(tf->spks);
	free(tf->turns);
}

static int
trs_same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static int
trs_check(const struct trs_file *tf, const char *what, const char *s,
    char **cause)
{
	if (fmt_xml_ok(s))
		return 0;
	*cause = xprintf(_("%s: %s has a character XML cannot hold (a control "
	    "character or invalid UTF-8): fix it"), tf->name, what);
	return -1;
}

static int
trs_seg_order(const void *a, const void *b)
{
	const struct trs_seg	*x = a, *y = b;

	if (x->item->start != y->item->start)
		return x->item->start < y->item->start ? -1 : 1;
	return x->item < y->item ? -1 : x->item > y->item;
}

/* The speaker's number, given in order of first appearance. */
static size_t
trs_speaker(struct trs_file *tf, const struct export_speaker *spk)
{
	for (size_t i = 0; i < tf->nspks; i++) {
		if (strcmp(tf->spks[i]->spk->code, spk->spk->code) == 0)
			return i + 1;
	}
	tf->spks = xreallocarray(tf->spks, tf->nspks + 1, sizeof *tf->spks);
	tf->spks[tf->nspks++] = spk;
	return tf->nspks;
}

static int
trs_plan_segs(struct trs_file *tf, char **cause)
{
	const struct export_set		*set = tf->set;
	const struct export_item	*it;
	const struct speaker		*sp;
	struct trs_seg			*g;
	char				 what[64];
	int				 rate = tf->rec->rec->rate;

	for (size_t i = 0; i < set->nitems; i++) {
		it = &set->items[i];
		if (it->rec != tf->rec)
			continue;
		snprintf(what, sizeof what, _("the text of segment %lld"),
		    (long long)it->seg->id);
		if (trs_check(tf, what, it->text, cause) != 0 ||
		    (it->lang != NULL && trs_check(tf, _("a language tag"),
		    it->lang, cause) != 0))
			return -1;
		tf->segs = xreallocarray(tf->segs, tf->nsegs + 1, sizeof *g);
		g = &tf->segs[tf->nsegs++];
		g->item = it;
		g->start = fmt_ms(it->start, rate);
		g->end = fmt_ms(it->end, rate);
		if (g->end <= g->start)
			g->end = g->start + 1;
		g->spk = 0;
	}
	if (tf->nsegs > 0)
		qsort(tf->segs, tf->nsegs, sizeof *tf->segs, trs_seg_order);
	for (size_t i = 0; i < tf->nsegs; i++) {
		g = &tf->segs[i];
		if (g->item->spk != NULL)
			g->spk = trs_speaker(tf, g->item->spk);
	}
	for (size_t i = 0; i < tf->nspks; i++) {
		sp = tf->spks[i]->spk;
		if (trs_check(tf, _("a speaker code"), sp->code, cause) != 0 ||
		    (sp->dialect != NULL && trs_check(tf, _("a dialect code"),
		    sp->dialect, cause) != 0))
			return -1;
	}
	return 0;
}

/* The commonest language, the first of equals. */
static void
trs_plan_lang(struct trs_file *tf)
{
	const char	*l;
	size_t		 n, best = 0;

	for (size_t i = 0; i < tf->nsegs; i++) {
		if ((l = tf->segs[i].item->lang) == NULL)
			continue;
		n = 0;
		for (size_t j = 0; j < tf->nsegs; j++) {
			n += tf->segs[j].item->lang != NULL &&
			    strcmp(tf->segs[j].item->lang, l) == 0;
		}
		if (n > best) {
			best = n;
			tf->lang = l;
		}
	}
}

static struct trs_turn *
trs_add_turn(struct trs_file *tf, size_t first, size_t n, int64_t start,
    int64_t end)
{
	struct trs_turn	*t;

	tf->turns = xreallocarray(tf->turns, tf->nturns + 1, sizeof *t);
	t = &tf->turns[tf->nturns++];
	t->first = first;
	t->n = n;
	t->start = start;
	t->end = end;
	return t;
}

/*
 * Overlapping segments share a Turn: none may be speaker-less, and no
 * speaker may be there twice.
 */
static int
trs_check_overlap(const struct trs_file *tf, size_t first, size_t n,
    int64_t end, char **cause)
{
	const struct trs_seg	*a, *b;
	char			 s1[32], e1[32], s2[32], e2[32], s[32], e[32];

	for (size_t i = first; i < first + n; i++) {
		for (size_t j = first; j < i; j++) {
			a = &tf->segs[j];
			b = &tf->segs[i];
			fmt_seconds(a->start, 1000, s1, sizeof s1);
			fmt_seconds(a->end, 1000, e1, sizeof e1);
			fmt_seconds(b->start, 1000, s2, sizeof s2);
			fmt_seconds(b->end, 1000, e2, sizeof e2);
			if ((a->spk == 0 || b->spk == 0) && a->end > b->start) {
				*cause = xprintf(_("%s: segments %lld (%s-%s) "
				    "and %lld (%s-%s) overlap and one has no "
				    "speaker: Transcriber writes overlapping "
				    "speech only of speakers; give it a "
				    "speaker or make one end before the other "
				    "starts"),
				    tf->name, (long long)a->item->seg->id, s1,
				    e1, (long long)b->item->seg->id, s2, e2);
				return -1;
			}
			if (a->spk == 0 || a->spk != b->spk)
				continue;
			*cause = xprintf(_("%s: segments %lld (%s-%s) and %lld "
			    "(%s-%s) of %s are in one stretch of overlapping "
			    "speech (%s-%s), and a Transcriber turn cannot "
			    "hold one speaker twice: make them not overlap"),
			    tf->name, (long long)a->item->seg->id, s1, e1,
			    (long long)b->item->seg->id, s2, e2,
			    a->item->spk->spk->code,
			    fmt_seconds(tf->segs[first].start, 1000, s,
			    sizeof s), fmt_seconds(end, 1000, e, sizeof e));
			return -1;
		}
	}
	return 0;
}

/* Turns: runs of overlapping segments, and gaps between them. */
static int
trs_plan_turns(struct trs_file *tf, char **cause)
{
	int64_t	at = 0, end;
	size_t	i, j;

	tf->end = fmt_ms(tf->rec->rec->frames, tf->rec->rec->rate);
	for (i = 0; i < tf->nsegs; i = j) {
		end = tf->segs[i].end;
		for (j = i + 1; j < tf->nsegs && tf->segs[j].start < end; j++) {
			if (tf->segs[j].end > end)
				end = tf->segs[j].end;
		}
		if (trs_check_overlap(tf, i, j - i, end, cause) != 0)
			return -1;
		if (tf->segs[i].start > at)
			trs_add_turn(tf, 0, 0, at, tf->segs[i].start);
		trs_add_turn(tf, i, j - i, tf->segs[i].start, end);
		at = end;
	}
	if (at > tf->end)
		tf->end = at;
	if (at < tf->end)
		trs_add_turn(tf, 0, 0, at, tf->end);
	return 0;
}

static void
trs_write_head(FILE *f, const struct trs_file *tf,
    const struct fmt_xml_date *d)
{
	const struct speaker	*sp;
	char			 date[16], id[32];

	snprintf(date, sizeof date, "%02d%02d%02d", d->year % 100, d->month,
	    d->day);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<!DOCTYPE Trans SYSTEM \"trans-14.dtd\">\n<Trans", f);
	fmt_xml_attr(f, "audio_filename", tf->rec->id);
	fputs(" version=\"1\"", f);
	fmt_xml_attr(f, "version_date", date);
	if (tf->lang != NULL)
		fmt_xml_attr(f, "xml:lang", tf->lang);
	fputs(">\n", f);
	if (tf->nspks == 0)
		return;
	fputs("<Speakers>\n", f);
	for (size_t i = 0; i < tf->nspks; i++) {
		sp = tf->spks[i]->spk;
		snprintf(id, sizeof id, "spk%zu", i + 1);
		fputs("<Speaker", f);
		fmt_xml_attr(f, "id", id);
		fmt_xml_attr(f, "name", sp->code);
		fputs(" check=\"no\"", f);
		if (sp->gender != NULL && strcmp(sp->gender, "f") == 0)
			fputs(" type=\"female\"", f);
		else if (sp->gender != NULL && strcmp(sp->gender, "m") == 0)
			fputs(" type=\"male\"", f);
		fputs(" dialect=\"native\"", f);
		fmt_xml_attr(f, "accent", sp->dialect != NULL ? sp->dialect :
		    "");
		fputs(" scope=\"local\"/>\n", f);
	}
	fputs("</Speakers>\n", f);
}

static void
trs_write_lang_event(FILE *f, const char *lang, const char *extent)
{
	fputs("<Event", f);
	fmt_xml_attr(f, "desc", lang);
	fprintf(f, " type=\"language\" extent=\"%s\"/>\n", extent);
}

static void
trs_write_text(FILE *f, const struct trs_file *tf, const struct trs_seg *g)
{
	const char	*lang = g->item->lang;
	int		 other;

	other = lang != NULL && !trs_same(lang, tf->lang);
	if (other)
		trs_write_lang_event(f, lang, "begin");
	if (*g->item->text != '\0') {
		fmt_xml_text(f, g->item->text);
		fputc('\n', f);
	}
	if (other)
		trs_write_lang_event(f, lang, "end");
}

static void
trs_write_turn(FILE *f, const struct trs_file *tf, const struct trs_turn *t)
{
	const struct trs_seg	*g;
	char			 s[32], e[32];

	fmt_seconds(t->start, 1000, s, sizeof s);
	fmt_seconds(t->end, 1000, e, sizeof e);
	fputs("<Turn", f);
	if (t->n > 0 && tf->segs[t->first].spk != 0) {
		fputs(" speaker=\"", f);
		for (size_t i = 0; i < t->n; i++) {
			g = &tf->segs[t->first + i];
			fprintf(f, "%sspk%zu", i == 0 ? "" : " ", g->spk);
		}
		fputc('"', f);
	}
	fprintf(f, " startTime=\"%s\" endTime=\"%s\">\n", s, e);
	fprintf(f, "<Sync time=\"%s\"/>\n", s);
	for (size_t i = 0; i < t->n; i++) {
		if (t->n > 1)
			fprintf(f, "<Who nb=\"%zu\"/>\n", i + 1);
		trs_write_text(f, tf, &tf->segs[t->first + i]);
	}
	fputs("</Turn>\n", f);
}

static int
trs_write_file(const struct export_set *set,
    const struct export_recording *rec, const struct fmt_xml_date *d,
    char **cause)
{
	struct trs_file	 tf;
	FILE		*f;
	char		 e[32];
	int		 rc = -1;

	memset(&tf, 0, sizeof tf);
	tf.set = set;
	tf.rec = rec;
	xasprintf(&tf.name, "%s.trs", rec->id);
	if (trs_plan_segs(&tf, cause) != 0)
		goto out;
	trs_plan_lang(&tf);
	if (trs_plan_turns(&tf, cause) != 0)
		goto out;

	if ((f = fmt_create(set, tf.name, cause)) == NULL)
		goto out;
	trs_write_head(f, &tf, d);
	fputs("<Episode>\n", f);
	fprintf(f, "<Section type=\"report\" startTime=\"0.000\" "
	    "endTime=\"%s\">\n", fmt_seconds(tf.end, 1000, e, sizeof e));
	for (size_t i = 0; i < tf.nturns; i++)
		trs_write_turn(f, &tf, &tf.turns[i]);
	fputs("</Section>\n</Episode>\n</Trans>\n", f);
	rc = fmt_commit(set, f, tf.name, cause);
out:
	trs_file_free(&tf);
	return rc;
}

static int
trs_write(const struct export_set *set, char **cause)
{
	struct fmt_xml_date	d;

	if (fmt_xml_date(&d, cause) != 0)
		return -1;
	for (size_t i = 0; i < set->nrecs; i++) {
		if (trs_write_file(set, &set->recs[i], &d, cause) != 0)
			return -1;
	}
	return 0;
}

/* ---- reading ---- */

struct trs_speaker {
	char		*id;
	char		*name;
	char		*code;
	char		*gender;
	char		*accent;
	int		 used;
};

/* What one speaker said in a stretch (or everyone, who = 0). */
struct trs_chunk {
	size_t		 who;
	char		*text;
	size_t		 len;
	int		 content;	/* text or an event in it */
	char		*lang;		/* span open at its first content */
	int		 mixed;		/* content in more than one */
	char		*begin;		/* a language begun in it */
	long		 line;
};

struct trs_reader {
	const char		*path;
	struct import_doc	*doc;
	struct trs_speaker	*spks;
	size_t			 nspks;
	char			*lang;		/* Trans/@xml:lang */
	/* the Turn being read */
	size_t			*who;		/* its speakers */
	size_t			 nwho;
	char			*span;		/* open language Event */
	char			*at;		/* the stretch's start */
	int64_t			 at_ns;
	struct trs_chunk	*chunks;
	size_t			 nchunks;
};

static void
trs_chunks_clear(struct trs_reader *r)
{
	for (size_t i = 0; i < r->nchunks; i++) {
		free(r->chunks[i].text);
		free(r->chunks[i].lang);
		free(r->chunks[i].begin);
	}
	free(r->chunks);
	r->chunks = NULL;
	r->nchunks = 0;
}

static void
trs_reader_free(struct trs_reader *r)
{
	for (size_t i = 0; i < r->nspks; i++) {
		free(r->spks[i].id);
		free(r->spks[i].name);
		free(r->spks[i].code);
		free(r->spks[i].gender);
		free(r->spks[i].accent);
	}
	free(r->spks);
	free(r->lang);
	free(r->who);
	free(r->span);
	free(r->at);
	trs_chunks_clear(r);
}

static struct trs_chunk *
trs_chunk(struct trs_reader *r, size_t who, const xmlNode *n)
{
	struct trs_chunk	*c;

	r->chunks = xreallocarray(r->chunks, r->nchunks + 1, sizeof *c);
	c = &r->chunks[r->nchunks++];
	memset(c, 0, sizeof *c);
	c->who = who;
	c->text = xstrdup("");
	c->line = xmlGetLineNo(n);
	return c;
}

static int
trs_blank(const char *s)
{
	return s[strspn(s, " \t\n\r")] == '\0';
}

/* Adds text (or a marker) to the current chunk. */
static void
trs_append(struct trs_reader *r, const char *s)
{
	struct trs_chunk	*c = &r->chunks[r->nchunks - 1];
	size_t			 n = strlen(s);

	if (!trs_blank(s)) {
		if (!c->content) {
			c->content = 1;
			c->lang = r->span != NULL ? xstrdup(r->span) : NULL;
		} else if (!trs_same(c->lang, r->span))
			c->mixed = 1;
	}
	c->text = xreallocarray(c->text, c->len + n + 1, 1);
	memcpy(c->text + c->len, s, n + 1);
	c->len += n;
}

/* A time attribute, required and decimal seconds. */
static int
trs_time(const struct trs_reader *r, const xmlNode *n, const char *attr,
    char **value, int64_t *ns, char **cause)
{
	if ((*value = fmt_xml_prop(n, attr)) == NULL) {
		*cause = fmt_xml_error(r->path, n, _("has no %s"), attr);
		return -1;
	}
	if (fmt_xml_seconds(*value, ns) != 0) {
		*cause = fmt_xml_error(r->path, n, _("has %s '%s', which is "
		    "not decimal seconds like 12.5"), attr, *value);
		free(*value);
		*value = NULL;
		return -1;
	}
	return 0;
}

/* Ends the stretch at time end: its chunks become segments. */
static int
trs_flush(struct trs_reader *r, const xmlNode *n, const char *end,
    int64_t end_ns, char **cause)
{
	struct import_segment	*g;
	struct trs_chunk	*c;
	struct trs_speaker	*sp;
	const char		*lang;
	char			*text;

	for (size_t i = 0; i < r->nchunks; i++) {
		c = &r->chunks[i];
		text = fmt_xml_collapse(c->text);
		sp = NULL;
		if (c->who > 0)
			sp = &r->spks[r->who[c->who - 1]];
		else if (r->nwho == 1)
			sp = &r->spks[r->who[0]];
		if (*text == '\0' && (sp == NULL || end_ns == r->at_ns ||
		    (c->who == 0 && r->nwho > 1))) {
			free(text);
			continue;
		}
		if (end_ns == r->at_ns) {
			*cause = fmt_xml_error(r->path, n, _("at %s ends text "
			    "that started at the same time: give it a "
			    "duration"), end);
			free(text);
			return -1;
		}
		if (c->content)
			lang = c->mixed || c->lang == NULL ? r->lang : c->lang;
		else
			lang = c->begin != NULL ? c->begin : r->lang;
		g = import_doc_segment(r->doc);
		g->start = xstrdup(r->at);
		g->end = xstrdup(end);
		g->text = text;
		g->lang = lang != NULL ? xstrdup(lang) : NULL;
		g->line = c->line;
		if (sp != NULL) {
			g->speaker = xstrdup(sp->code);
			sp->used = 1;
		}
	}
	trs_chunks_clear(r);
	return 0;
}

static void
trs_event(struct trs_reader *r, const xmlNode *n)
{
	struct trs_chunk	*c = &r->chunks[r->nchunks - 1];
	char			*desc, *type, *extent, *mark;
	const char		*t, *x;

	desc = fmt_xml_prop(n, "desc");
	type = fmt_xml_prop(n, "type");
	extent = fmt_xml_prop(n, "extent");
	t = type != NULL ? type : "noise";
	x = extent != NULL ? extent : "instantaneous";
	if (desc != NULL && *desc != '\0' && strcmp(t, "noise") == 0 &&
	    strcmp(x, "instantaneous") == 0) {
		xasprintf(&mark, " [%s] ", desc);
		trs_append(r, mark);
		free(mark);
	} else if (desc != NULL && strcmp(t, "language") == 0) {
		if (strcmp(x, "begin") == 0) {
			free(r->span);
			r->span = xstrdup(desc);
			if (!c->content && c->begin == NULL)
				c->begin = xstrdup(desc);
		} else if (strcmp(x, "end") == 0) {
			free(r->span);
			r->span = NULL;
		}
	}
	free(desc);
	free(type);
	free(extent);
}

static int
trs_sync(struct trs_reader *r, const xmlNode *n, int64_t end_ns,
    char **cause)
{
	char	*time;
	int64_t	 ns;

	if (trs_time(r, n, "time", &time, &ns, cause) != 0)
		return -1;
	if (ns < r->at_ns || ns > end_ns) {
		*cause = fmt_xml_error(r->path, n, _("has time %s, outside "
		    "%s to the end of its Turn: times must increase"), time,
		    r->at);
		free(time);
		return -1;
	}
	if (trs_flush(r, n, time, ns, cause) != 0) {
		free(time);
		return -1;
	}
	free(r->at);
	r->at = time;
	r->at_ns = ns;
	trs_chunk(r, 0, n);
	return 0;
}

static int
trs_who(struct trs_reader *r, const xmlNode *n, char **cause)
{
	char		*nb, *end;
	unsigned long	 k;

	if ((nb = fmt_xml_prop(n, "nb")) == NULL) {
		*cause = fmt_xml_error(r->path, n, _("has no nb"));
		return -1;
	}
	k = strtoul(nb, &end, 10);
	if (*nb < '0' || *nb > '9' || *end != '\0' || k < 1 || k > r->nwho) {
		*cause = fmt_xml_error(r->path, n, _("has nb '%s', but its "
		    "Turn has %zu speakers"), nb, r->nwho);
		free(nb);
		return -1;
	}
	free(nb);
	if (r->nwho > 1)
		trs_chunk(r, k, n);
	return 0;
}

/* The Turn's speakers (IDREFS) as indexes of r->spks. */
static int
trs_turn_speakers(struct trs_reader *r, const xmlNode *turn, char **cause)
{
	char	*refs, *p, *id, *save = NULL;
	size_t	 i;

	r->nwho = 0;
	if ((refs = fmt_xml_prop(turn, "speaker")) == NULL)
		return 0;
	for (p = refs; (id = strtok_r(p, " \t\n\r", &save)) != NULL;
	    p = NULL) {
		for (i = 0; i < r->nspks; i++) {
			if (strcmp(r->spks[i].id, id) == 0)
				break;
		}
		if (i == r->nspks) {
			*cause = fmt_xml_error(r->path, turn, _("names speaker "
			    "'%s', which is not in <Speakers>"), id);
			free(refs);
			return -1;
		}
		r->who = xreallocarray(r->who, r->nwho + 1, sizeof *r->who);
		r->who[r->nwho++] = i;
	}
	free(refs);
	return 0;
}

static int
trs_turn(struct trs_reader *r, const xmlNode *turn, char **cause)
{
	char	*start = NULL, *end = NULL;
	int64_t	 start_ns, end_ns;
	int	 rc = -1;

	if (trs_time(r, turn, "startTime", &start, &start_ns, cause) != 0 ||
	    trs_time(r, turn, "endTime", &end, &end_ns, cause) != 0)
		goto out;
	if (end_ns < start_ns) {
		*cause = fmt_xml_error(r->path, turn, _("ends at %s, before it "
		    "starts at %s"), end, start);
		goto out;
	}
	if (trs_turn_speakers(r, turn, cause) != 0)
		goto out;
	free(r->span);
	r->span = NULL;
	free(r->at);
	r->at = start;
	r->at_ns = start_ns;
	start = NULL;
	trs_chunk(r, 0, turn);
	for (const xmlNode *n = turn->children; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				trs_append(r, (const char *)n->content);
		} else if (fmt_xml_is(n, "Sync")) {
			if (trs_sync(r, n, end_ns, cause) != 0)
				goto out;
		} else if (fmt_xml_is(n, "Who")) {
			if (trs_who(r, n, cause) != 0)
				goto out;
		} else if (fmt_xml_is(n, "Event"))
			trs_event(r, n);
	}
	rc = trs_flush(r, turn, end, end_ns, cause);
out:
	trs_chunks_clear(r);
	free(start);
	free(end);
	return rc;
}

/* Whether s can be a speaker code: no white space, 1 to 64 bytes. */
static int
trs_code_ok(const char *s)
{
	return *s != '\0' && strlen(s) <= 64 &&
	    strpbrk(s, " \t\n\r") == NULL && strstr(s, "\u00a0") == NULL &&
	    strstr(s, "\u3000") == NULL;
}

static int
trs_speakers(struct trs_reader *r, const xmlNode *list, char **cause)
{
	struct trs_speaker	*sp;
	char			*type;

	for (const xmlNode *n = list->children; n != NULL; n = n->next) {
		if (!fmt_xml_is(n, "Speaker"))
			continue;
		r->spks = xreallocarray(r->spks, r->nspks + 1, sizeof *sp);
		sp = &r->spks[r->nspks];
		memset(sp, 0, sizeof *sp);
		if ((sp->id = fmt_xml_prop(n, "id")) == NULL) {
			*cause = fmt_xml_error(r->path, n, _("has no id"));
			return -1;
		}
		r->nspks++;
		for (size_t i = 0; i + 1 < r->nspks; i++) {
			if (strcmp(r->spks[i].id, sp->id) != 0)
				continue;
			*cause = fmt_xml_error(r->path, n, _("has id '%s', "
			    "like another Speaker"), sp->id);
			return -1;
		}
		sp->name = fmt_xml_prop(n, "name");
		type = fmt_xml_prop(n, "type");
		if (type != NULL && strcmp(type, "male") == 0)
			sp->gender = xstrdup("m");
		else if (type != NULL && strcmp(type, "female") == 0)
			sp->gender = xstrdup("f");
		free(type);
		sp->accent = fmt_xml_prop(n, "accent");
		if (sp->accent != NULL && *sp->accent == '\0') {
			free(sp->accent);
			sp->accent = NULL;
		}
	}
	return 0;
}

/* Codes: names that can be codes and are unique, else ids. */
static void
trs_codes(struct trs_reader *r)
{
	struct trs_speaker	*sp;
	int			 ok;

	for (size_t i = 0; i < r->nspks; i++) {
		sp = &r->spks[i];
		ok = sp->name != NULL && trs_code_ok(sp->name);
		for (size_t j = 0; ok && j < r->nspks; j++) {
			if (j == i)
				continue;
			if (strcmp(r->spks[j].id, sp->name) == 0 ||
			    (r->spks[j].name != NULL &&
			    strcmp(r->spks[j].name, sp->name) == 0))
				ok = 0;
		}
		sp->code = xstrdup(ok ? sp->name : sp->id);
	}
}

static int
trs_episode(struct trs_reader *r, const xmlNode *ep, char **cause)
{
	for (const xmlNode *s = ep->children; s != NULL; s = s->next) {
		if (!fmt_xml_is(s, "Section"))
			continue;
		for (const xmlNode *t = s->children; t != NULL; t = t->next) {
			if (fmt_xml_is(t, "Turn") && trs_turn(r, t, cause) != 0)
				return -1;
		}
	}
	return 0;
}

static void
trs_read_finish(struct trs_reader *r)
{
	struct import_speaker	*is;
	struct trs_speaker	*sp;

	for (size_t i = 0; i < r->nspks; i++) {
		sp = &r->spks[i];
		if (!sp->used)
			continue;
		is = import_doc_speaker(r->doc);
		is->code = xstrdup(sp->code);
		if (sp->name != NULL && *sp->name != '\0' &&
		    strcmp(sp->name, sp->code) != 0)
			is->name = xstrdup(sp->name);
		is->gender = sp->gender != NULL ? xstrdup(sp->gender) : NULL;
		is->dialect = sp->accent != NULL ? xstrdup(sp->accent) : NULL;
	}
}

static int
trs_read(const char *path, struct import_doc *doc, char **cause)
{
	struct trs_reader	 r;
	xmlDoc			*xml;
	const xmlNode		*root;
	xmlChar			*lang;
	int			 rc = 0;

	if ((xml = fmt_xml_parse(path, "Trans", _("a Transcriber file"),
	    cause)) == NULL)
		return -1;
	root = xmlDocGetRootElement(xml);
	memset(&r, 0, sizeof r);
	r.path = path;
	r.doc = doc;
	if ((lang = xmlGetNsProp(root, (const xmlChar *)"lang",
	    XML_XML_NAMESPACE)) != NULL) {
		if (*lang != '\0')
			r.lang = xstrdup((const char *)lang);
		xmlFree(lang);
	}
	doc->media = fmt_xml_prop(root, "audio_filename");
	for (const xmlNode *n = root->children; n != NULL && rc == 0;
	    n = n->next) {
		if (fmt_xml_is(n, "Speakers"))
			rc = trs_speakers(&r, n, cause);
	}
	if (rc == 0)
		trs_codes(&r);
	for (const xmlNode *n = root->children; n != NULL && rc == 0;
	    n = n->next) {
		if (fmt_xml_is(n, "Episode"))
			rc = trs_episode(&r, n, cause);
	}
	if (rc == 0)
		trs_read_finish(&r);
	else
		import_doc_free(doc);
	trs_reader_free(&r);
	xmlFreeDoc(xml);
	return rc;
}

const struct fmt_ops fmt_trs_ops = {
	.name = "trs",
	.description = N_("Transcriber files (.trs), one per recording"),
	.corpus = 0,
	.write = trs_write,
	.read = trs_read,
	.validate = NULL
};
