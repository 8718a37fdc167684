/*
 * fmt-eaf.c: ELAN annotation documents (EAF 3.0), one per recording.
 *
 * Writing: one time-aligned tier per speaker (TIER_ID and PARTICIPANT are
 * the speaker's code; speaker-less segments are on tier "-"), in the order
 * the speakers first speak, "-" last. Each annotation has two time slots of
 * its own (ts1.. in time order, integer milliseconds). A tier whose
 * segments all have a language names the commonest in its LANG_REF and the
 * others on their annotations; otherwise each annotation names its own.
 * Dialects are the controlled vocabulary "dialect" (every project dialect
 * and every dialect used, values in language "und") and, under each
 * speaker tier with dialects, a symbolic-association tier "dialect@CODE"
 * whose annotations point to its entries (CVE_REF). ELAN cannot put
 * overlapping annotations on one tier: two overlapping segments of one
 * speaker are refused.
 *
 * Reading: the segments are the annotations of the top-level tiers (no
 * PARENT_REF); the speaker is the tier's PARTICIPANT, else its TIER_ID
 * ("-": none); the language is the annotation's LANG_REF, else the tier's,
 * as the LANGUAGE's LANG_ID; the dialect comes from a dependent tier whose
 * type uses the "dialect" vocabulary (or whose name starts "dialect@").
 * Other dependent tiers are not read.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "fmt-xml.h"
#include "i18n.h"
#include "xmalloc.h"

#define EAF_TYPE	"utterance"	/* the speaker tiers' type */
#define EAF_DIALECT	"dialect"	/* vocabulary, type, tier prefix */
#define EAF_NOSPEAKER	"-"		/* the tier of speaker-less segments */
#define EAF_UND		"und"		/* language of the vocabulary */
#define EAF_ASSOC	"Symbolic_Association"

/* ---- writing ---- */

struct eaf_ann {
	const struct export_item	*item;
	int64_t				 start, end;	/* ms */
	size_t				 ts1, ts2;
	size_t				 id, dialect_id;
	const char			*lang;	/* its own LANG_REF */
};

struct eaf_tier {
	const char			*code;	/* NULL: the "-" tier */
	char				*id;
	char				*dialect_id;	/* NULL: no dialects */
	const char			*lang;	/* the tier's LANG_REF */
	struct eaf_ann			*anns;
	size_t				 nanns;
};

struct eaf_cve {
	const char	*code;
	const char	*label;
};

struct eaf_file {
	const struct export_set		*set;
	const struct export_recording	*rec;
	char				*name;
	struct eaf_tier			*tiers;
	size_t				 ntiers;
	int64_t				*slots;		/* ms, by slot */
	size_t				 nslots;
	const char			**langs;
	size_t				 nlangs;
	struct eaf_cve			*cves;
	size_t				 ncves;
	size_t				 last_id;
};

static void
eaf_file_free(struct eaf_file *ef)
{
	for (size_t i = 0; i < ef->ntiers; i++) {
		free(ef->tiers[i].id);
		free(ef->tiers[i].dialect_id);
		free(ef->tiers[i].anns);
	}
	free(ef->tiers);
	free(ef->slots);
	free(ef->langs);
	free(ef->cves);
	free(ef->name);
}

static const char *
eaf_code(const struct export_item *it)
{
	return it->spk != NULL ? it->spk->spk->code : NULL;
}

static int
eaf_same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static struct eaf_tier *
eaf_tier(struct eaf_file *ef, const char *code)
{
	struct eaf_tier	*t;

	for (size_t i = 0; i < ef->ntiers; i++) {
		if (eaf_same(ef->tiers[i].code, code))
			return &ef->tiers[i];
	}
	ef->tiers = xreallocarray(ef->tiers, ef->ntiers + 1, sizeof *t);
	t = &ef->tiers[ef->ntiers++];
	memset(t, 0, sizeof *t);
	t->code = code;
	t->id = xstrdup(code != NULL ? code : EAF_NOSPEAKER);
	return t;
}

static int
eaf_ann_order(const void *a, const void *b)
{
	const struct eaf_ann	*x = a, *y = b;

	if (x->item->start != y->item->start)
		return x->item->start < y->item->start ? -1 : 1;
	return x->item < y->item ? -1 : x->item > y->item;
}

/* Checks a string that goes into the file. */
static int
eaf_check(const struct eaf_file *ef, const char *what, const char *s,
    char **cause)
{
	if (fmt_xml_ok(s))
		return 0;
	*cause = xprintf(_("%s: %s has a character XML cannot hold (a control "
	    "character or invalid UTF-8): fix it"), ef->name, what);
	return -1;
}

static int
eaf_check_lang(const struct eaf_file *ef, const char *lang, char **cause)
{
	if (fmt_xml_ncname(lang) && strcmp(lang, EAF_ASSOC) != 0)
		return 0;
	*cause = xprintf(_("%s: language '%s' cannot be an ELAN LANG_ID: use "
	    "a BCP 47 tag"), ef->name, lang);
	return -1;
}

/* The segments of the recording on one tier per speaker, "-" last. */
static int
eaf_plan_tiers(struct eaf_file *ef, char **cause)
{
	const struct export_set	*set = ef->set;
	const struct export_item	*it;
	struct eaf_tier		*t, nobody;
	struct eaf_ann		*a;
	char			 what[64];
	int			 rate = ef->rec->rec->rate;

	for (size_t i = 0; i < set->nitems; i++) {
		it = &set->items[i];
		if (it->rec != ef->rec)
			continue;
		snprintf(what, sizeof what, _("the text of segment %lld"),
		    (long long)it->seg->id);
		if (eaf_check(ef, what, it->text, cause) != 0)
			return -1;
		t = eaf_tier(ef, eaf_code(it));
		t->anns = xreallocarray(t->anns, t->nanns + 1, sizeof *a);
		a = &t->anns[t->nanns++];
		memset(a, 0, sizeof *a);
		a->item = it;
		a->start = fmt_ms(it->start, rate);
		a->end = fmt_ms(it->end, rate);
		if (a->end <= a->start)
			a->end = a->start + 1;
	}
	for (size_t i = 0; i + 1 < ef->ntiers; i++) {
		if (ef->tiers[i].code == NULL) {
			nobody = ef->tiers[i];
			memmove(&ef->tiers[i], &ef->tiers[i + 1],
			    (ef->ntiers - i - 1) * sizeof *ef->tiers);
			ef->tiers[ef->ntiers - 1] = nobody;
			break;
		}
	}
	for (size_t i = 0; i < ef->ntiers; i++) {
		t = &ef->tiers[i];
		qsort(t->anns, t->nanns, sizeof *t->anns, eaf_ann_order);
		if (t->code == NULL)
			continue;
		if (eaf_check(ef, _("a speaker code"), t->code, cause) != 0)
			return -1;
		if (strcmp(t->code, EAF_NOSPEAKER) == 0) {
			*cause = xprintf(_("%s: speaker code '%s' is the name "
			    "of the tier of speaker-less segments in ELAN "
			    "files: give the speaker another code"), ef->name,
			    EAF_NOSPEAKER);
			return -1;
		}
	}
	return 0;
}

/* Two segments of one speaker overlap: ELAN cannot have that. */
static int
eaf_plan_overlaps(struct eaf_file *ef, char **cause)
{
	const struct eaf_ann	*a, *b;
	const struct eaf_tier	*t;
	char			 s1[32], e1[32], s2[32], e2[32];

	for (size_t i = 0; i < ef->ntiers; i++) {
		t = &ef->tiers[i];
		for (size_t j = 1; j < t->nanns; j++) {
			a = &t->anns[j - 1];
			b = &t->anns[j];
			if (b->start >= a->end)
				continue;
			*cause = xprintf(_("%s: segments %lld (%s-%s) and %lld "
			    "(%s-%s) of %s overlap, and an ELAN tier cannot "
			    "hold overlapping annotations: make one end before "
			    "the other starts"), ef->name,
			    (long long)a->item->seg->id,
			    fmt_seconds(a->start, 1000, s1, sizeof s1),
			    fmt_seconds(a->end, 1000, e1, sizeof e1),
			    (long long)b->item->seg->id,
			    fmt_seconds(b->start, 1000, s2, sizeof s2),
			    fmt_seconds(b->end, 1000, e2, sizeof e2),
			    t->code != NULL ? t->code : _("no speaker"));
			return -1;
		}
	}
	return 0;
}

/* The tier's LANG_REF: its commonest language when all have one. */
static void
eaf_plan_tier_lang(struct eaf_tier *t)
{
	const char	*best = NULL, *l;
	size_t		 nbest = 0, n;
	int		 all = 1;

	for (size_t i = 0; i < t->nanns; i++)
		all &= t->anns[i].item->lang != NULL;
	for (size_t i = 0; all && i < t->nanns; i++) {
		l = t->anns[i].item->lang;
		n = 0;
		for (size_t j = 0; j < t->nanns; j++)
			n += strcmp(t->anns[j].item->lang, l) == 0;
		if (n > nbest) {
			best = l;
			nbest = n;
		}
	}
	t->lang = best;
	for (size_t i = 0; i < t->nanns; i++) {
		l = t->anns[i].item->lang;
		if (l != NULL && (best == NULL || strcmp(l, best) != 0))
			t->anns[i].lang = l;
	}
}

static int
eaf_str_order(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void
eaf_add_lang(struct eaf_file *ef, const char *lang)
{
	for (size_t i = 0; i < ef->nlangs; i++) {
		if (strcmp(ef->langs[i], lang) == 0)
			return;
	}
	ef->langs = xreallocarray(ef->langs, ef->nlangs + 1,
	    sizeof *ef->langs);
	ef->langs[ef->nlangs++] = lang;
}

static void
eaf_add_cve(struct eaf_file *ef, const char *code, const char *label)
{
	for (size_t i = 0; i < ef->ncves; i++) {
		if (strcmp(ef->cves[i].code, code) == 0) {
			if (ef->cves[i].label == NULL)
				ef->cves[i].label = label;
			return;
		}
	}
	ef->cves = xreallocarray(ef->cves, ef->ncves + 1, sizeof *ef->cves);
	ef->cves[ef->ncves].code = code;
	ef->cves[ef->ncves++].label = label;
}

static int
eaf_cve_order(const void *a, const void *b)
{
	const struct eaf_cve	*x = a, *y = b;

	return strcmp(x->code, y->code);
}

/* Languages (LANGUAGE elements) and the dialect vocabulary's entries. */
static int
eaf_plan_vocab(struct eaf_file *ef, char **cause)
{
	const struct export_set	*set = ef->set;
	const struct export_item	*it;

	for (size_t i = 0; i < set->ndialects; i++)
		eaf_add_cve(ef, set->dialects[i].code, set->dialects[i].label);
	for (size_t i = 0; i < set->nitems; i++) {
		it = &set->items[i];
		if (it->dialect != NULL)
			eaf_add_cve(ef, it->dialect, NULL);
		if (it->rec == ef->rec && it->lang != NULL)
			eaf_add_lang(ef, it->lang);
	}
	for (size_t i = 0; i < ef->ncves; i++) {
		if (eaf_check(ef, _("a dialect code"), ef->cves[i].code,
		    cause) != 0 || (ef->cves[i].label != NULL &&
		    eaf_check(ef, _("a dialect label"), ef->cves[i].label,
		    cause) != 0))
			return -1;
	}
	if (ef->ncves > 0) {
		qsort(ef->cves, ef->ncves, sizeof *ef->cves, eaf_cve_order);
		eaf_add_lang(ef, EAF_UND);
	}
	for (size_t i = 0; i < ef->nlangs; i++) {
		if (eaf_check_lang(ef, ef->langs[i], cause) != 0)
			return -1;
	}
	if (ef->nlangs > 0)
		qsort(ef->langs, ef->nlangs, sizeof *ef->langs, eaf_str_order);
	return 0;
}

/* Annotation ids in document order, dialect tiers' names. */
static int
eaf_plan_ids(struct eaf_file *ef, char **cause)
{
	struct eaf_tier	*t;
	size_t		 id = 0;
	int		 dialects;

	for (size_t i = 0; i < ef->ntiers; i++) {
		t = &ef->tiers[i];
		eaf_plan_tier_lang(t);
		dialects = 0;
		for (size_t j = 0; j < t->nanns; j++) {
			t->anns[j].id = ++id;
			dialects |= t->anns[j].item->dialect != NULL;
		}
		if (!dialects)
			continue;
		xasprintf(&t->dialect_id, "%s@%s", EAF_DIALECT, t->id);
		for (size_t j = 0; j < t->nanns; j++) {
			if (t->anns[j].item->dialect != NULL)
				t->anns[j].dialect_id = ++id;
		}
	}
	ef->last_id = id;

	/* A speaker's code may be another's dialect tier's name. */
	for (size_t i = 0; i < ef->ntiers; i++) {
		for (size_t j = 0; j < ef->ntiers; j++) {
			t = &ef->tiers[j];
			if (t->dialect_id == NULL ||
			    strcmp(ef->tiers[i].id, t->dialect_id) != 0)
				continue;
			*cause = xprintf(_("%s: speaker code '%s' is also the "
			    "name of a dialect tier: give the speaker another "
			    "code"), ef->name, ef->tiers[i].id);
			return -1;
		}
	}
	return 0;
}

struct eaf_slot_ref {
	int64_t		 ms;
	size_t		 seq;
	size_t		*ts;
};

static int
eaf_slot_order(const void *a, const void *b)
{
	const struct eaf_slot_ref	*x = a, *y = b;

	if (x->ms != y->ms)
		return x->ms < y->ms ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Two time slots per annotation, numbered in time order. */
static void
eaf_plan_slots(struct eaf_file *ef)
{
	struct eaf_slot_ref	*refs;
	struct eaf_ann		*a;
	size_t			 n = 0;

	for (size_t i = 0; i < ef->ntiers; i++)
		n += 2 * ef->tiers[i].nanns;
	if (n == 0)
		return;
	refs = xreallocarray(NULL, n, sizeof *refs);
	n = 0;
	for (size_t i = 0; i < ef->ntiers; i++) {
		for (size_t j = 0; j < ef->tiers[i].nanns; j++) {
			a = &ef->tiers[i].anns[j];
			refs[n].ms = a->start;
			refs[n].seq = n;
			refs[n++].ts = &a->ts1;
			refs[n].ms = a->end;
			refs[n].seq = n;
			refs[n++].ts = &a->ts2;
		}
	}
	qsort(refs, n, sizeof *refs, eaf_slot_order);
	ef->slots = xreallocarray(NULL, n, sizeof *ef->slots);
	for (size_t i = 0; i < n; i++) {
		ef->slots[i] = refs[i].ms;
		*refs[i].ts = i + 1;
	}
	ef->nslots = n;
	free(refs);
}

static const char *
eaf_mime(const char *format)
{
	static const struct {
		const char	*format, *mime;
	} types[] = {
		{ "WAV", "audio/x-wav" },
		{ "RF64", "audio/x-wav" },
		{ "W64", "audio/x-wav" },
		{ "FLAC", "audio/flac" },
		{ "MP3", "audio/mpeg" },
		{ "OGG", "audio/ogg" },
		{ "OPUS", "audio/ogg" },
		{ "AIFF", "audio/x-aiff" },
		{ "AU", "audio/basic" },
		{ "CAF", "audio/x-caf" }
	};

	for (size_t i = 0; format != NULL && i < sizeof types /
	    sizeof types[0]; i++) {
		if (strcmp(types[i].format, format) == 0)
			return types[i].mime;
	}
	return "audio/*";
}

/* "file://" and the path, every byte but [A-Za-z0-9/._~-] as %XX. */
static char *
eaf_url(const char *path)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;
	char			*url, *q;

	url = xmalloc(strlen("file://") + 3 * strlen(path) + 1);
	q = url + strlen(strcpy(url, "file://"));
	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("/._~-", *p) != NULL)
			*q++ = (char)*p;
		else {
			*q++ = '%';
			*q++ = hex[*p >> 4];
			*q++ = hex[*p & 15];
		}
	}
	*q = '\0';
	return url;
}

static void
eaf_write_head(FILE *f, const struct eaf_file *ef,
    const struct fmt_xml_date *d)
{
	char	 date[64], *url;

	snprintf(date, sizeof date, "%04d-%02d-%02dT%02d:%02d:%02dZ", d->year,
	    d->month, d->day, d->hour, d->min, d->sec);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f);
	fputs("<ANNOTATION_DOCUMENT AUTHOR=\"\"", f);
	fmt_xml_attr(f, "DATE", date);
	fputs(" FORMAT=\"3.0\" VERSION=\"3.0\" "
	    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
	    "xsi:noNamespaceSchemaLocation="
	    "\"http://www.mpi.nl/tools/elan/EAFv3.0.xsd\">\n", f);
	fputs("    <HEADER MEDIA_FILE=\"\" TIME_UNITS=\"milliseconds\">\n", f);
	url = eaf_url(ef->rec->path);
	fputs("        <MEDIA_DESCRIPTOR", f);
	fmt_xml_attr(f, "MEDIA_URL", url);
	fmt_xml_attr(f, "MIME_TYPE", eaf_mime(ef->rec->rec->format));
	fputs("/>\n", f);
	free(url);
	fprintf(f, "        <PROPERTY NAME=\"lastUsedAnnotationId\">%zu"
	    "</PROPERTY>\n", ef->last_id);
	fputs("    </HEADER>\n", f);
	fputs("    <TIME_ORDER>\n", f);
	for (size_t i = 0; i < ef->nslots; i++) {
		fprintf(f, "        <TIME_SLOT TIME_SLOT_ID=\"ts%zu\" "
		    "TIME_VALUE=\"%lld\"/>\n", i + 1, (long long)ef->slots[i]);
	}
	fputs("    </TIME_ORDER>\n", f);
}

static void
eaf_write_value(FILE *f, const char *text)
{
	fputs("                <ANNOTATION_VALUE>", f);
	fmt_xml_text(f, text);
	fputs("</ANNOTATION_VALUE>\n", f);
}

static void
eaf_write_tier(FILE *f, const struct eaf_tier *t)
{
	const struct eaf_ann	*a;

	fputs("    <TIER", f);
	if (t->lang != NULL)
		fmt_xml_attr(f, "LANG_REF", t->lang);
	fputs(" LINGUISTIC_TYPE_REF=\"" EAF_TYPE "\"", f);
	if (t->code != NULL)
		fmt_xml_attr(f, "PARTICIPANT", t->code);
	fmt_xml_attr(f, "TIER_ID", t->id);
	fputs(t->nanns > 0 ? ">\n" : "/>\n", f);
	for (size_t i = 0; i < t->nanns; i++) {
		a = &t->anns[i];
		fprintf(f, "        <ANNOTATION>\n"
		    "            <ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a%zu\"",
		    a->id);
		if (a->lang != NULL)
			fmt_xml_attr(f, "LANG_REF", a->lang);
		fprintf(f, " TIME_SLOT_REF1=\"ts%zu\" TIME_SLOT_REF2=\"ts%zu\">"
		    "\n", a->ts1, a->ts2);
		eaf_write_value(f, a->item->text);
		fputs("            </ALIGNABLE_ANNOTATION>\n"
		    "        </ANNOTATION>\n", f);
	}
	if (t->nanns > 0)
		fputs("    </TIER>\n", f);
}

/* An entry of the dialect vocabulary is "cveid_" and its code. */
static void
eaf_write_cve_id(FILE *f, const char *attr, const char *code)
{
	char	*id;

	xasprintf(&id, "cveid_%s", code);
	fmt_xml_attr(f, attr, id);
	free(id);
}

static void
eaf_write_dialect_tier(FILE *f, const struct eaf_tier *t)
{
	const struct eaf_ann	*a;

	fputs("    <TIER LINGUISTIC_TYPE_REF=\"" EAF_DIALECT "\"", f);
	fmt_xml_attr(f, "PARENT_REF", t->id);
	if (t->code != NULL)
		fmt_xml_attr(f, "PARTICIPANT", t->code);
	fmt_xml_attr(f, "TIER_ID", t->dialect_id);
	fputs(">\n", f);
	for (size_t i = 0; i < t->nanns; i++) {
		a = &t->anns[i];
		if (a->dialect_id == 0)
			continue;
		fprintf(f, "        <ANNOTATION>\n"
		    "            <REF_ANNOTATION ANNOTATION_ID=\"a%zu\" "
		    "ANNOTATION_REF=\"a%zu\"", a->dialect_id, a->id);
		eaf_write_cve_id(f, "CVE_REF", a->item->dialect);
		fputs(">\n", f);
		eaf_write_value(f, a->item->dialect);
		fputs("            </REF_ANNOTATION>\n"
		    "        </ANNOTATION>\n", f);
	}
	fputs("    </TIER>\n", f);
}

static void
eaf_write_tail(FILE *f, const struct eaf_file *ef)
{
	const struct eaf_cve	*cve;

	fputs("    <LINGUISTIC_TYPE GRAPHIC_REFERENCES=\"false\" "
	    "LINGUISTIC_TYPE_ID=\"" EAF_TYPE "\" "
	    "TIME_ALIGNABLE=\"true\"/>\n", f);
	if (ef->ncves > 0) {
		fputs("    <LINGUISTIC_TYPE CONSTRAINTS=\"" EAF_ASSOC "\" "
		    "CONTROLLED_VOCABULARY_REF=\"" EAF_DIALECT "\" "
		    "GRAPHIC_REFERENCES=\"false\" LINGUISTIC_TYPE_ID=\""
		    EAF_DIALECT "\" TIME_ALIGNABLE=\"false\"/>\n", f);
	}
	for (size_t i = 0; i < ef->nlangs; i++) {
		fputs("    <LANGUAGE", f);
		fmt_xml_attr(f, "LANG_ID", ef->langs[i]);
		fputs("/>\n", f);
	}
	if (ef->ncves == 0) {
		fputs("</ANNOTATION_DOCUMENT>\n", f);
		return;
	}
	fputs("    <CONSTRAINT DESCRIPTION=\"1-1 association with a parent "
	    "annotation\" STEREOTYPE=\"" EAF_ASSOC "\"/>\n", f);
	fputs("    <CONTROLLED_VOCABULARY CV_ID=\"" EAF_DIALECT "\">\n", f);
	for (size_t i = 0; i < ef->ncves; i++) {
		cve = &ef->cves[i];
		fputs("        <CV_ENTRY_ML", f);
		eaf_write_cve_id(f, "CVE_ID", cve->code);
		fputs(">\n            <CVE_VALUE", f);
		if (cve->label != NULL)
			fmt_xml_attr(f, "DESCRIPTION", cve->label);
		fputs(" LANG_REF=\"" EAF_UND "\">", f);
		fmt_xml_text(f, cve->code);
		fputs("</CVE_VALUE>\n        </CV_ENTRY_ML>\n", f);
	}
	fputs("    </CONTROLLED_VOCABULARY>\n", f);
	fputs("</ANNOTATION_DOCUMENT>\n", f);
}

static int
eaf_write_file(const struct export_set *set,
    const struct export_recording *rec, const struct fmt_xml_date *d,
    char **cause)
{
	struct eaf_file	 ef;
	FILE		*f;
	int		 rc = -1;

	memset(&ef, 0, sizeof ef);
	ef.set = set;
	ef.rec = rec;
	xasprintf(&ef.name, "%s.eaf", rec->id);
	if (eaf_plan_tiers(&ef, cause) != 0 ||
	    eaf_plan_overlaps(&ef, cause) != 0 ||
	    eaf_plan_vocab(&ef, cause) != 0 ||
	    eaf_plan_ids(&ef, cause) != 0)
		goto out;
	eaf_plan_slots(&ef);

	if ((f = fmt_create(set, ef.name, cause)) == NULL)
		goto out;
	eaf_write_head(f, &ef, d);
	for (size_t i = 0; i < ef.ntiers; i++) {
		eaf_write_tier(f, &ef.tiers[i]);
		if (ef.tiers[i].dialect_id != NULL)
			eaf_write_dialect_tier(f, &ef.tiers[i]);
	}
	eaf_write_tail(f, &ef);
	rc = fmt_commit(set, f, ef.name, cause);
out:
	eaf_file_free(&ef);
	return rc;
}

static int
eaf_write(const struct export_set *set, char **cause)
{
	struct fmt_xml_date	d;

	if (fmt_xml_date(&d, cause) != 0)
		return -1;
	for (size_t i = 0; i < set->nrecs; i++) {
		if (eaf_write_file(set, &set->recs[i], &d, cause) != 0)
			return -1;
	}
	return 0;
}

/* ---- reading ---- */

struct eaf_slot {
	char		*id;
	int64_t		 ms;	/* -1: no TIME_VALUE */
	const xmlNode	*node;
};

struct eaf_type {
	char		*id;
	char		*cv;
};

struct eaf_entry {
	char		*cv;
	char		*id;
	char		*value;
};

struct eaf_aref {
	char		*id;
	size_t		 seg;
};

struct eaf_reader {
	const char		*path;
	struct import_doc	*doc;
	struct eaf_slot		*slots;
	size_t			 nslots;
	char			**langs;
	size_t			 nlangs;
	struct eaf_type		*types;
	size_t			 ntypes;
	struct eaf_entry	*entries;
	size_t			 nentries;
	struct eaf_aref		*arefs;
	size_t			 narefs;
	int64_t			*starts;	/* ms, by segment */
};

static void
eaf_reader_free(struct eaf_reader *r)
{
	for (size_t i = 0; i < r->nslots; i++)
		free(r->slots[i].id);
	for (size_t i = 0; i < r->nlangs; i++)
		free(r->langs[i]);
	for (size_t i = 0; i < r->ntypes; i++) {
		free(r->types[i].id);
		free(r->types[i].cv);
	}
	for (size_t i = 0; i < r->nentries; i++) {
		free(r->entries[i].cv);
		free(r->entries[i].id);
		free(r->entries[i].value);
	}
	for (size_t i = 0; i < r->narefs; i++)
		free(r->arefs[i].id);
	free(r->slots);
	free(r->langs);
	free(r->types);
	free(r->entries);
	free(r->arefs);
	free(r->starts);
}

static int
eaf_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The last component of a URL, percent-decoded. */
static char *
eaf_url_name(const char *url)
{
	const char	*p = strrchr(url, '/');
	char		*name, *q;

	p = p != NULL ? p + 1 : url;
	name = q = xstrdup(p);
	for (; *p != '\0'; p++) {
		if (*p == '%' && eaf_hexval(p[1]) >= 0 &&
		    eaf_hexval(p[2]) >= 0) {
			*q++ = (char)(eaf_hexval(p[1]) << 4 | eaf_hexval(p[2]));
			p += 2;
		} else
			*q++ = *p;
	}
	*q = '\0';
	return name;
}

static int
eaf_read_header(struct eaf_reader *r, const xmlNode *head, char **cause)
{
	char	*units, *url;

	units = fmt_xml_prop(head, "TIME_UNITS");
	if (units != NULL && strcmp(units, "milliseconds") != 0) {
		*cause = fmt_xml_error(r->path, head, _("has TIME_UNITS='%s': "
		    "only milliseconds can be read; save the file in ELAN with "
		    "milliseconds"), units);
		free(units);
		return -1;
	}
	free(units);
	for (const xmlNode *n = head->children; n != NULL; n = n->next) {
		if (!fmt_xml_is(n, "MEDIA_DESCRIPTOR") || r->doc->media != NULL)
			continue;
		if ((url = fmt_xml_prop(n, "MEDIA_URL")) != NULL &&
		    *url != '\0')
			r->doc->media = eaf_url_name(url);
		free(url);
	}
	return 0;
}

/* A whole number of milliseconds that fits xsd:unsignedInt. */
static int
eaf_ms(const char *s, int64_t *ms)
{
	*ms = 0;
	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		*ms = *ms * 10 + (*s - '0');
		if (*ms > 4294967295LL)
			return -1;
	}
	return 0;
}

static int
eaf_slot_id_order(const void *a, const void *b)
{
	const struct eaf_slot	*x = a, *y = b;

	return strcmp(x->id, y->id);
}

static int
eaf_read_slots(struct eaf_reader *r, const xmlNode *order, char **cause)
{
	struct eaf_slot	*sl;
	char		*v;

	for (const xmlNode *n = order->children; n != NULL; n = n->next) {
		if (!fmt_xml_is(n, "TIME_SLOT"))
			continue;
		r->slots = xreallocarray(r->slots, r->nslots + 1, sizeof *sl);
		sl = &r->slots[r->nslots];
		sl->node = n;
		sl->ms = -1;
		if ((sl->id = fmt_xml_prop(n, "TIME_SLOT_ID")) == NULL) {
			*cause = fmt_xml_error(r->path, n,
			    _("has no TIME_SLOT_ID"));
			return -1;
		}
		r->nslots++;
		if ((v = fmt_xml_prop(n, "TIME_VALUE")) != NULL &&
		    eaf_ms(v, &sl->ms) != 0) {
			*cause = fmt_xml_error(r->path, n, _("'%s' has "
			    "TIME_VALUE '%s', not a whole number of "
			    "milliseconds"), sl->id, v);
			free(v);
			return -1;
		}
		free(v);
	}
	if (r->nslots > 0)
		qsort(r->slots, r->nslots, sizeof *r->slots, eaf_slot_id_order);
	for (size_t i = 1; i < r->nslots; i++) {
		if (strcmp(r->slots[i - 1].id, r->slots[i].id) != 0)
			continue;
		sl = xmlGetLineNo(r->slots[i - 1].node) >
		    xmlGetLineNo(r->slots[i].node) ? &r->slots[i - 1] :
		    &r->slots[i];
		*cause = fmt_xml_error(r->path, sl->node, _("'%s' is a second "
		    "time slot with that id"), sl->id);
		return -1;
	}
	return 0;
}

static int
eaf_read_lang(struct eaf_reader *r, const xmlNode *n, char **cause)
{
	char	*id;

	if ((id = fmt_xml_prop(n, "LANG_ID")) == NULL) {
		*cause = fmt_xml_error(r->path, n, _("has no LANG_ID"));
		return -1;
	}
	r->langs = xreallocarray(r->langs, r->nlangs + 1, sizeof *r->langs);
	r->langs[r->nlangs++] = id;
	return 0;
}

static void
eaf_read_type(struct eaf_reader *r, const xmlNode *n)
{
	struct eaf_type	*t;

	r->types = xreallocarray(r->types, r->ntypes + 1, sizeof *t);
	t = &r->types[r->ntypes++];
	t->id = fmt_xml_prop(n, "LINGUISTIC_TYPE_ID");
	t->cv = fmt_xml_prop(n, "CONTROLLED_VOCABULARY_REF");
}

/* Each entry's first value. */
static void
eaf_read_cv(struct eaf_reader *r, const xmlNode *cv)
{
	struct eaf_entry	*e;
	char			*id, *cvid;

	if ((cvid = fmt_xml_prop(cv, "CV_ID")) == NULL)
		return;
	for (const xmlNode *n = cv->children; n != NULL; n = n->next) {
		if (!fmt_xml_is(n, "CV_ENTRY_ML") ||
		    (id = fmt_xml_prop(n, "CVE_ID")) == NULL)
			continue;
		r->entries = xreallocarray(r->entries, r->nentries + 1,
		    sizeof *e);
		e = &r->entries[r->nentries++];
		e->cv = xstrdup(cvid);
		e->id = id;
		e->value = NULL;
		for (const xmlNode *v = n->children; v != NULL; v = v->next) {
			if (fmt_xml_is(v, "CVE_VALUE")) {
				e->value = fmt_xml_content(v);
				break;
			}
		}
		if (e->value == NULL)
			e->value = xstrdup("");
	}
	free(cvid);
}

static const struct eaf_slot *
eaf_find_slot(const struct eaf_reader *r, const char *id)
{
	struct eaf_slot	key;

	if (r->nslots == 0)
		return NULL;
	key.id = (char *)id;
	return bsearch(&key, r->slots, r->nslots, sizeof *r->slots,
	    eaf_slot_id_order);
}

/* A LANG_REF of element n, checked: NULL when absent. */
static int
eaf_lang_ref(const struct eaf_reader *r, const xmlNode *n, char **lang,
    char **cause)
{
	*lang = fmt_xml_prop(n, "LANG_REF");
	if (*lang == NULL)
		return 0;
	for (size_t i = 0; i < r->nlangs; i++) {
		if (strcmp(r->langs[i], *lang) == 0)
			return 0;
	}
	*cause = fmt_xml_error(r->path, n, _("has LANG_REF '%s', which no "
	    "<LANGUAGE> has as its LANG_ID"), *lang);
	free(*lang);
	*lang = NULL;
	return -1;
}

/* An annotation's time slot, which must exist and have a time. */
static int
eaf_slot_ms(const struct eaf_reader *r, const xmlNode *n, const char *id,
    const char *attr, int64_t *ms, char **cause)
{
	const struct eaf_slot	*sl;
	char			*ref;

	if ((ref = fmt_xml_prop(n, attr)) == NULL) {
		*cause = fmt_xml_error(r->path, n, _("'%s' has no %s"), id,
		    attr);
		return -1;
	}
	if ((sl = eaf_find_slot(r, ref)) == NULL) {
		*cause = fmt_xml_error(r->path, n, _("'%s': %s '%s' is not a "
		    "TIME_SLOT of the TIME_ORDER"), id, attr, ref);
		free(ref);
		return -1;
	}
	if (sl->ms < 0) {
		*cause = fmt_xml_error(r->path, n, _("'%s': time slot '%s' "
		    "(line %ld) has no TIME_VALUE; align the annotation in "
		    "ELAN"), id, ref, xmlGetLineNo(sl->node));
		free(ref);
		return -1;
	}
	free(ref);
	*ms = sl->ms;
	return 0;
}

static char *
eaf_seconds(int64_t ms)
{
	char	buf[32];

	return xstrdup(fmt_seconds(ms, 1000, buf, sizeof buf));
}

static int
eaf_read_annotation(struct eaf_reader *r, const xmlNode *n,
    const char *speaker, const char *tier_lang, char **cause)
{
	struct import_segment	*g;
	struct eaf_aref		*ar;
	char			*id, *lang, *text = NULL;
	int64_t			 start, end;

	if ((id = fmt_xml_prop(n, "ANNOTATION_ID")) == NULL) {
		*cause = fmt_xml_error(r->path, n, _("has no ANNOTATION_ID"));
		return -1;
	}
	if (eaf_slot_ms(r, n, id, "TIME_SLOT_REF1", &start, cause) != 0 ||
	    eaf_slot_ms(r, n, id, "TIME_SLOT_REF2", &end, cause) != 0 ||
	    eaf_lang_ref(r, n, &lang, cause) != 0) {
		free(id);
		return -1;
	}
	if (end <= start) {
		*cause = fmt_xml_error(r->path, n, _("'%s' ends at %lld ms, "
		    "not after it starts at %lld ms"), id, (long long)end,
		    (long long)start);
		free(id);
		free(lang);
		return -1;
	}
	for (const xmlNode *v = n->children; v != NULL; v = v->next) {
		if (fmt_xml_is(v, "ANNOTATION_VALUE") && text == NULL)
			text = fmt_xml_content(v);
	}
	g = import_doc_segment(r->doc);
	g->start = eaf_seconds(start);
	g->end = eaf_seconds(end);
	g->speaker = speaker != NULL ? xstrdup(speaker) : NULL;
	if (lang == NULL && tier_lang != NULL)
		lang = xstrdup(tier_lang);
	g->lang = lang;
	g->text = fmt_xml_collapse(text != NULL ? text : "");
	g->line = xmlGetLineNo(n);
	free(text);
	r->starts = xreallocarray(r->starts, r->doc->nsegs, sizeof *r->starts);
	r->starts[r->doc->nsegs - 1] = start;
	r->arefs = xreallocarray(r->arefs, r->narefs + 1, sizeof *ar);
	ar = &r->arefs[r->narefs++];
	ar->id = id;
	ar->seg = r->doc->nsegs - 1;
	return 0;
}

/* A top-level tier: its time-aligned annotations are segments. */
static int
eaf_read_tier(struct eaf_reader *r, const xmlNode *tier, char **cause)
{
	char	*id, *who, *lang;
	int	 rc = 0;

	if ((id = fmt_xml_prop(tier, "TIER_ID")) == NULL) {
		*cause = fmt_xml_error(r->path, tier, _("has no TIER_ID"));
		return -1;
	}
	if (eaf_lang_ref(r, tier, &lang, cause) != 0) {
		free(id);
		return -1;
	}
	who = fmt_xml_prop(tier, "PARTICIPANT");
	if (who != NULL && *who == '\0') {
		free(who);
		who = NULL;
	}
	if (who == NULL)
		who = xstrdup(id);
	if (strcmp(who, EAF_NOSPEAKER) == 0) {
		free(who);
		who = NULL;
	}
	for (const xmlNode *a = tier->children; a != NULL && rc == 0;
	    a = a->next) {
		if (!fmt_xml_is(a, "ANNOTATION"))
			continue;
		for (const xmlNode *n = a->children; n != NULL; n = n->next) {
			if (fmt_xml_is(n, "ALIGNABLE_ANNOTATION") &&
			    (rc = eaf_read_annotation(r, n, who, lang,
			    cause)) != 0)
				break;
		}
	}
	free(id);
	free(who);
	free(lang);
	return rc;
}

/* The vocabulary of a dependent tier's type when it holds dialects. */
static const char *
eaf_dialect_cv(const struct eaf_reader *r, const xmlNode *tier)
{
	const char	*cv = NULL;
	char		*type, *id;
	int		 named;

	type = fmt_xml_prop(tier, "LINGUISTIC_TYPE_REF");
	for (size_t i = 0; type != NULL && i < r->ntypes; i++) {
		if (r->types[i].id != NULL &&
		    strcmp(r->types[i].id, type) == 0)
			cv = r->types[i].cv;
	}
	free(type);
	if (cv != NULL && strcmp(cv, EAF_DIALECT) == 0)
		return cv;
	id = fmt_xml_prop(tier, "TIER_ID");
	named = id != NULL && strncmp(id, EAF_DIALECT "@",
	    strlen(EAF_DIALECT "@")) == 0;
	free(id);
	return named ? (cv != NULL ? cv : EAF_DIALECT) : NULL;
}

static int
eaf_aref_order(const void *a, const void *b)
{
	const struct eaf_aref	*x = a, *y = b;

	return strcmp(x->id, y->id);
}

/* One dialect annotation: its entry's value, else its own text. */
static int
eaf_read_dialect(struct eaf_reader *r, const xmlNode *n, const char *cv,
    char **cause)
{
	struct eaf_aref		 key, *ar;
	struct import_segment	*g;
	const char		*value = NULL;
	char			*ref, *cve, *text, *raw;

	if ((ref = fmt_xml_prop(n, "ANNOTATION_REF")) == NULL) {
		*cause = fmt_xml_error(r->path, n, _("has no ANNOTATION_REF"));
		return -1;
	}
	key.id = ref;
	ar = r->narefs == 0 ? NULL : bsearch(&key, r->arefs, r->narefs,
	    sizeof *r->arefs, eaf_aref_order);
	if (ar == NULL) {
		*cause = fmt_xml_error(r->path, n, _("refers to annotation "
		    "'%s', which is not on a top-level tier"), ref);
		free(ref);
		return -1;
	}
	free(ref);
	g = &r->doc->segs[ar->seg];
	if ((cve = fmt_xml_prop(n, "CVE_REF")) != NULL) {
		for (size_t i = 0; i < r->nentries && value == NULL; i++) {
			if (strcmp(r->entries[i].cv, cv) == 0 &&
			    strcmp(r->entries[i].id, cve) == 0)
				value = r->entries[i].value;
		}
		if (value == NULL) {
			*cause = fmt_xml_error(r->path, n, _("has CVE_REF "
			    "'%s', which is not an entry of vocabulary '%s'"),
			    cve, cv);
			free(cve);
			return -1;
		}
		free(cve);
		text = fmt_xml_collapse(value);
	} else {
		text = NULL;
		for (const xmlNode *v = n->children; v != NULL; v = v->next) {
			if (fmt_xml_is(v, "ANNOTATION_VALUE") && text == NULL) {
				raw = fmt_xml_content(v);
				text = fmt_xml_collapse(raw);
				free(raw);
			}
		}
	}
	free(g->dialect);
	g->dialect = NULL;
	if (text != NULL && *text != '\0')
		g->dialect = text;
	else
		free(text);
	return 0;
}

static int
eaf_read_dialects(struct eaf_reader *r, const xmlNode *tier, char **cause)
{
	const char	*cv;

	if ((cv = eaf_dialect_cv(r, tier)) == NULL)
		return 0;
	for (const xmlNode *a = tier->children; a != NULL; a = a->next) {
		if (!fmt_xml_is(a, "ANNOTATION"))
			continue;
		for (const xmlNode *n = a->children; n != NULL; n = n->next) {
			if (fmt_xml_is(n, "REF_ANNOTATION") &&
			    eaf_read_dialect(r, n, cv, cause) != 0)
				return -1;
		}
	}
	return 0;
}

/* The elements before the tiers: header, time slots, types, languages. */
static int
eaf_read_defs(struct eaf_reader *r, const xmlNode *root, char **cause)
{
	int	order = 0;

	for (const xmlNode *n = root->children; n != NULL; n = n->next) {
		if (fmt_xml_is(n, "HEADER")) {
			if (eaf_read_header(r, n, cause) != 0)
				return -1;
		} else if (fmt_xml_is(n, "TIME_ORDER")) {
			if (eaf_read_slots(r, n, cause) != 0)
				return -1;
			order = 1;
		} else if (fmt_xml_is(n, "LANGUAGE")) {
			if (eaf_read_lang(r, n, cause) != 0)
				return -1;
		} else if (fmt_xml_is(n, "LINGUISTIC_TYPE"))
			eaf_read_type(r, n);
		else if (fmt_xml_is(n, "CONTROLLED_VOCABULARY"))
			eaf_read_cv(r, n);
	}
	if (!order) {
		*cause = fmt_xml_error(r->path, root, _("has no <TIME_ORDER>: "
		    "this is not a whole ELAN file"));
		return -1;
	}
	return 0;
}

static int
eaf_read_tiers(struct eaf_reader *r, const xmlNode *root, char **cause)
{
	xmlChar	*parent;

	for (const xmlNode *n = root->children; n != NULL; n = n->next) {
		if (!fmt_xml_is(n, "TIER"))
			continue;
		parent = xmlGetNoNsProp(n, (const xmlChar *)"PARENT_REF");
		xmlFree(parent);
		if (parent == NULL && eaf_read_tier(r, n, cause) != 0)
			return -1;
	}
	if (r->narefs > 0)
		qsort(r->arefs, r->narefs, sizeof *r->arefs, eaf_aref_order);
	for (const xmlNode *n = root->children; n != NULL; n = n->next) {
		if (!fmt_xml_is(n, "TIER"))
			continue;
		parent = xmlGetNoNsProp(n, (const xmlChar *)"PARENT_REF");
		xmlFree(parent);
		if (parent != NULL && eaf_read_dialects(r, n, cause) != 0)
			return -1;
	}
	return 0;
}

static const int64_t *eaf_sort_starts;

static int
eaf_seg_order(const void *a, const void *b)
{
	size_t	x = *(const size_t *)a, y = *(const size_t *)b;

	if (eaf_sort_starts[x] != eaf_sort_starts[y])
		return eaf_sort_starts[x] < eaf_sort_starts[y] ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* Segments in time order (then tier order); speakers as they come. */
static void
eaf_read_finish(struct eaf_reader *r)
{
	struct import_doc	*doc = r->doc;
	struct import_segment	*segs;
	struct import_speaker	*sp;
	const char		*code;
	size_t			*order, j;

	if (doc->nsegs > 1) {
		order = xreallocarray(NULL, doc->nsegs, sizeof *order);
		for (size_t i = 0; i < doc->nsegs; i++)
			order[i] = i;
		eaf_sort_starts = r->starts;
		qsort(order, doc->nsegs, sizeof *order, eaf_seg_order);
		eaf_sort_starts = NULL;
		segs = xreallocarray(NULL, doc->nsegs, sizeof *segs);
		for (size_t i = 0; i < doc->nsegs; i++)
			segs[i] = doc->segs[order[i]];
		free(doc->segs);
		doc->segs = segs;
		free(order);
	}
	for (size_t i = 0; i < doc->nsegs; i++) {
		if ((code = doc->segs[i].speaker) == NULL)
			continue;
		for (j = 0; j < doc->nspks; j++) {
			if (strcmp(doc->spks[j].code, code) == 0)
				break;
		}
		if (j < doc->nspks)
			continue;
		sp = import_doc_speaker(doc);
		sp->code = xstrdup(code);
	}
}

static int
eaf_read(const char *path, struct import_doc *doc, char **cause)
{
	struct eaf_reader	 r;
	xmlDoc			*xml;
	const xmlNode		*root;
	int			 rc = -1;

	xml = fmt_xml_parse(path, "ANNOTATION_DOCUMENT", _("an ELAN file"),
	    cause);
	if (xml == NULL)
		return -1;
	root = xmlDocGetRootElement(xml);
	memset(&r, 0, sizeof r);
	r.path = path;
	r.doc = doc;
	if (eaf_read_defs(&r, root, cause) == 0 &&
	    eaf_read_tiers(&r, root, cause) == 0) {
		eaf_read_finish(&r);
		rc = 0;
	}
	if (rc != 0)
		import_doc_free(doc);
	eaf_reader_free(&r);
	xmlFreeDoc(xml);
	return rc;
}

const struct fmt_ops fmt_eaf_ops = {
	.name = "eaf",
	.description = N_("ELAN annotation documents (EAF 3.0), one per "
	    "recording"),
	.corpus = 0,
	.write = eaf_write,
	.read = eaf_read,
	.validate = NULL
};
