/*
 * test-fmt-xml.c: ELAN (.eaf) and Transcriber (.trs) files: written byte
 * for byte as the golden files (which were written by hand from the
 * formats' rules), checked with the EAF schema and xmllint, read back and
 * written again; real and hand-made files of other tools read; malformed
 * files refused with the file, line and element.
 */
#include "unit.h"

#include <dirent.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "fmt.h"
#include "store.h"
#include "timecode.h"

#define GOLDEN		TESTS_SRCDIR "/golden"
#define SHARED		TESTS_SRCDIR "/../../shared/reference"
#define DATE		"2024-05-01T08:30:00Z"
#define SAMPLE_TRS \
	"20230418_17294422_0014756029_002_001_BIBA_ZUEK__A.mp3.trs"

#define HOSTILE_CODE	"q\"&<x>'"
#define HOSTILE_TEXT	"Tom & \"Jerry\" <b> ' \u200fעברית 🎉 e\u0301"

/* ---- an export set built by hand ---- */

#define MAXITEMS 16

struct tset {
	struct store_recording	 rrec[2];
	struct export_recording	 recs[2];
	struct speaker		 sp[4];
	struct export_speaker	 spks[4];
	struct segment		 segs[MAXITEMS];
	struct export_item	 items[MAXITEMS];
	struct vocab_item	 dialects[2];
	struct export_options	 opt;
	struct export_set	 set;
	char			*dir;
};

static void
add_item(struct tset *t, int64_t id, size_t rec, int spk, int64_t start,
    int64_t end, const char *text, const char *lang, const char *dialect)
{
	struct export_item	*it = &t->items[t->set.nitems];
	struct segment		*seg = &t->segs[t->set.nitems++];

	assert_true(t->set.nitems <= MAXITEMS);
	seg->id = id;
	seg->recording_id = rec + 1;
	seg->start = start;
	seg->end = end;
	seg->text = (char *)text;
	seg->lang = (char *)lang;
	seg->dialect = (char *)dialect;
	it->seg = seg;
	it->rec = &t->recs[rec];
	it->spk = spk < 0 ? NULL : &t->spks[spk];
	it->id = (char *)"utt";
	it->text = (char *)text;
	it->lang = lang;
	it->dialect = dialect;
	it->start = start;
	it->end = end;
}

static void
add_speaker(struct tset *t, size_t i, const char *code, const char *gender,
    const char *dialect)
{
	t->sp[i].id = (int64_t)i + 1;
	t->sp[i].code = (char *)code;
	t->sp[i].gender = (char *)gender;
	t->sp[i].dialect = (char *)dialect;
	t->spks[i].spk = &t->sp[i];
	t->spks[i].id = code;
	t->set.nspks = i + 1;
}

static void
add_recording(struct tset *t, size_t i, const char *id, const char *path,
    const char *format, int rate, int64_t frames)
{
	t->rrec[i].id = (int64_t)i + 1;
	t->rrec[i].name = (char *)id;
	t->rrec[i].path = (char *)path;
	t->rrec[i].format = (char *)format;
	t->rrec[i].rate = rate;
	t->rrec[i].channels = 1;
	t->rrec[i].frames = frames;
	t->recs[i].rec = &t->rrec[i];
	t->recs[i].id = id;
	t->recs[i].path = (char *)path;
	t->set.nrecs = i + 1;
}

/* Two recordings, three speakers, CJK, markup, hostile values, overlap. */
static void
tset_init(struct tset *t)
{
	memset(t, 0, sizeof *t);
	t->dir = unit_tmpdir();
	t->opt.format = "eaf";
	t->set.opt = &t->opt;
	t->set.dir = t->dir;
	t->set.recs = t->recs;
	t->set.spks = t->spks;
	t->set.items = t->items;
	t->dialects[0].kind = VOCAB_DIALECT;
	t->dialects[0].code = (char *)"wu";
	t->dialects[0].label = (char *)"Wu Chinese (吴语)";
	t->dialects[1].kind = VOCAB_DIALECT;
	t->dialects[1].code = (char *)"yue-gz";
	t->dialects[1].label = (char *)"Guangzhou & \"Xiguan\" <old>";
	t->set.dialects = t->dialects;
	t->set.ndialects = 2;

	add_recording(t, 0, "meeting", "/data/audio/会议 1 & more.wav", "WAV",
	    16000, 16000 * 10);
	add_recording(t, 1, "street_2", "/data/street 2.flac", "FLAC", 44100,
	    44100 * 3);
	add_speaker(t, 0, "ZHANG_Wei", "m", "wu");
	add_speaker(t, 1, "李娜", "f", NULL);
	add_speaker(t, 2, HOSTILE_CODE, "o", NULL);

	add_item(t, 11, 0, 0, 8000, 32000, "我们今天开个会吧。", "cmn-Hans",
	    "wu");
	add_item(t, 12, 0, 1, 36000, 64000, "好的，<en>meeting</en>几点？",
	    "cmn-Hans", NULL);
	add_item(t, 13, 0, -1, 64000, 72000, "[noise]", NULL, NULL);
	add_item(t, 14, 0, 0, 80000, 96000, "OK, let's go.", "en", "wu");
	/* 112197 frames is 7012.3125 ms */
	add_item(t, 15, 0, 1, 88000, 112197, "嗯 %呃 ((不知道))", "cmn-Hans",
	    "yue-gz");
	add_item(t, 16, 0, 2, 128000, 144000, HOSTILE_TEXT, "en", NULL);
	add_item(t, 21, 1, 0, 0, 44100, "Hello world", NULL, "wu");
	add_item(t, 22, 1, -1, 66150, 110250, "(())", NULL, NULL);
}

static void
tset_free(struct tset *t)
{
	unit_rmtree(t->dir);
	free(t->dir);
}

/* ---- helpers ---- */

static char *
slurp(const char *path, size_t *len)
{
	FILE	*f;
	char	*buf;
	long	 n;

	if ((f = fopen(path, "rb")) == NULL)
		fail_msg("%s: cannot open", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n)
		fail_msg("%s: short read", path);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* The two files are the same bytes; else the first line that differs. */
static void
assert_same_file(const char *got, const char *want)
{
	char	*a, *b;
	size_t	 na, nb, i, line = 1;

	a = slurp(got, &na);
	b = slurp(want, &nb);
	for (i = 0; i < na && i < nb && a[i] == b[i]; i++) {
		if (a[i] == '\n')
			line++;
	}
	if (i != na || i != nb)
		fail_msg("%s differs from %s at line %zu", got, want, line);
	free(a);
	free(b);
}

static char *
path_in(const char *dir, const char *name)
{
	char	*p;

	if (asprintf(&p, "%s/%s", dir, name) < 0)
		abort();
	return p;
}

/* How many entries the directory has (temporary files included). */
static size_t
count_files(const char *dir)
{
	DIR		*d = opendir(dir);
	struct dirent	*e;
	size_t		 n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		n += strcmp(e->d_name, ".") != 0 &&
		    strcmp(e->d_name, "..") != 0;
	}
	closedir(d);
	return n;
}

static void
write_file(const char *path, const char *text)
{
	FILE	*f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int
have_tool(const char *name)
{
	char	*cmd;
	int	 rc;

	if (asprintf(&cmd, "command -v %s >/dev/null 2>&1", name) < 0)
		abort();
	rc = system(cmd);
	free(cmd);
	return rc == 0;
}

static void
assert_str(const char *got, const char *want)
{
	if (want == NULL) {
		if (got != NULL)
			fail_msg("'%s', not NULL", got);
		return;
	}
	if (got == NULL)
		fail_msg("NULL, not '%s'", want);
	assert_string_equal(got, want);
}

static void
assert_seg(const struct import_segment *g, const char *start,
    const char *end, const char *speaker, const char *lang,
    const char *dialect, const char *text)
{
	assert_str(g->start, start);
	assert_str(g->end, end);
	assert_str(g->speaker, speaker);
	assert_str(g->lang, lang);
	assert_str(g->dialect, dialect);
	assert_str(g->text, text);
	assert_null(g->recording);
}

static void
assert_spk(const struct import_speaker *sp, const char *code,
    const char *name, const char *gender, const char *dialect)
{
	assert_str(sp->code, code);
	assert_str(sp->name, name);
	assert_str(sp->gender, gender);
	assert_str(sp->dialect, dialect);
}

static void
read_ok(const struct fmt_ops *ops, const char *path, struct import_doc *doc)
{
	char	*cause = NULL;

	memset(doc, 0, sizeof *doc);
	if (ops->read(path, doc, &cause) != 0)
		fail_msg("%s", cause);
}

/* Reads text written to a file of that name; the message must say want. */
static void
read_fails(const struct fmt_ops *ops, const char *name, const char *text,
    const char *want)
{
	struct import_doc	 doc;
	char			*dir = unit_tmpdir(), *path, *cause = NULL;

	path = path_in(dir, name);
	if (text != NULL)
		write_file(path, text);
	memset(&doc, 0, sizeof doc);
	if (ops->read(path, &doc, &cause) == 0)
		fail_msg("%s was read: '%s' expected", name, want);
	if (strstr(cause, want) == NULL)
		fail_msg("'%s' does not say '%s'", cause, want);
	assert_int_equal(doc.nsegs, 0);
	assert_null(doc.segs);
	free(cause);
	free(path);
	unit_rmtree(dir);
	free(dir);
}

/* Reads text written to a file of that name. */
static void
read_text(const struct fmt_ops *ops, const char *name, const char *text,
    struct import_doc *doc)
{
	char	*dir = unit_tmpdir(), *path = path_in(dir, name);

	write_file(path, text);
	read_ok(ops, path, doc);
	free(path);
	unit_rmtree(dir);
	free(dir);
}

static void
write_ok(const struct fmt_ops *ops, const struct export_set *set)
{
	char	*cause = NULL;

	if (ops->write(set, &cause) != 0)
		fail_msg("%s", cause);
}

static char *
schema_path(void)
{
	const char	*env = getenv("TX_EAF_SCHEMA");

	return strdup(env != NULL && *env != '\0' ? env :
	    SHARED "/EAFv3.0.xsd");
}

#if LIBXML_VERSION >= 21200
static void
quiet(void *arg, const xmlError *e)
#else
static void
quiet(void *arg, xmlErrorPtr e)
#endif
{
	(void)arg;
	(void)e;
}

/* 0 when the file validates against the EAF schema (in process). */
static int
schema_validate(const char *schema, const char *file)
{
	xmlSchemaParserCtxtPtr	 pc;
	xmlSchemaValidCtxtPtr	 vc;
	xmlSchemaPtr		 s;
	xmlDocPtr		 doc;
	int			 rc;

	pc = xmlSchemaNewParserCtxt(schema);
	assert_non_null(pc);
	s = xmlSchemaParse(pc);
	assert_non_null(s);
	vc = xmlSchemaNewValidCtxt(s);
	xmlSchemaSetValidStructuredErrors(vc, quiet, NULL);
	doc = xmlReadFile(file, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	assert_non_null(doc);
	rc = xmlSchemaValidateDoc(vc, doc);
	xmlFreeDoc(doc);
	xmlSchemaFreeValidCtxt(vc);
	xmlSchemaFree(s);
	xmlSchemaFreeParserCtxt(pc);
	return rc;
}

/* 0 when xmllint says so; -1 when there is no xmllint. */
static int
xmllint(const char *args, const char *file)
{
	char	*cmd;
	int	 rc;

	if (!have_tool("xmllint"))
		return -1;
	if (asprintf(&cmd, "xmllint --noout %s '%s' 2>/dev/null", args,
	    file) < 0)
		abort();
	rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : 1;
}

/* The file is valid EAF 3.0, in process and by xmllint when there. */
static void
assert_valid_eaf(const char *file)
{
	char	*schema = schema_path(), *args;
	int	 rc;

	if (access(schema, R_OK) != 0) {
		print_message("no %s: EAF schema check skipped\n", schema);
		free(schema);
		return;
	}
	if (schema_validate(schema, file) != 0)
		fail_msg("%s does not validate against %s", file, schema);
	if (asprintf(&args, "--schema '%s'", schema) < 0)
		abort();
	rc = xmllint(args, file);
	if (rc < 0)
		print_message("no xmllint: its check of %s skipped\n", file);
	else if (rc != 0)
		fail_msg("xmllint: %s does not validate", file);
	free(args);
	free(schema);
}

/* ---- ELAN ---- */

/*
 * Writes the test set as kind with ops: the two files it makes are the
 * golden ones, and each passes check.
 */
static void
write_golden(const struct fmt_ops *ops, const char *kind,
    void (*check)(const char *))
{
	static const char *const names[] = { "meeting", "street_2" };
	struct tset	 t;
	char		*got, golden[256], name[64];

	setenv("TINGXIE_EXPORT_DATE", DATE, 1);
	tset_init(&t);
	write_ok(ops, &t.set);
	assert_int_equal(count_files(t.dir), 2);
	for (size_t i = 0; i < 2; i++) {
		snprintf(name, sizeof name, "%s.%s", names[i], kind);
		snprintf(golden, sizeof golden, GOLDEN "/%s/%s", kind, name);
		got = path_in(t.dir, name);
		assert_same_file(got, golden);
		check(got);
		free(got);
	}
	tset_free(&t);
}

static const struct fmt_ops *
eaf(void)
{
	const struct fmt_ops	*ops = fmt_find("eaf");

	assert_non_null(ops);
	assert_int_equal(ops->corpus, 0);
	return ops;
}

static void
test_eaf_write(void **state)
{
	(void)state;
	write_golden(eaf(), "eaf", assert_valid_eaf);
}

/* The schema check can fail: a broken file is caught. */
static void
test_eaf_schema_catches(void **state)
{
	char	*schema = schema_path(), *dir, *path, *text, *p, *args;
	size_t	 len;

	(void)state;
	if (access(schema, R_OK) != 0) {
		free(schema);
		skip();
	}
	dir = unit_tmpdir();
	path = path_in(dir, "broken.eaf");
	text = slurp(GOLDEN "/eaf/street_2.eaf", &len);
	/* an annotation pointing to a time slot that is not there */
	p = strstr(text, "TIME_SLOT_REF2=\"ts2\"");
	assert_non_null(p);
	p[strlen("TIME_SLOT_REF2=\"ts")] = '9';
	write_file(path, text);
	assert_int_not_equal(schema_validate(schema, path), 0);
	if (asprintf(&args, "--schema '%s'", schema) < 0)
		abort();
	assert_int_not_equal(xmllint(args, path), 0);
	free(args);
	free(text);
	free(path);
	unit_rmtree(dir);
	free(dir);
	free(schema);
}

static void
test_eaf_read_golden(void **state)
{
	struct import_doc	doc;

	(void)state;
	read_ok(eaf(), GOLDEN "/eaf/meeting.eaf", &doc);
	assert_string_equal(doc.media, "会议 1 & more.wav");
	assert_int_equal(doc.machine, 0);
	assert_int_equal(doc.nsegs, 6);
	assert_seg(&doc.segs[0], "0.500", "2.000", "ZHANG_Wei", "cmn-Hans",
	    "wu", "我们今天开个会吧。");
	assert_int_equal(doc.segs[0].line, 23);
	assert_int_equal(doc.segs[0].channel, -1);
	assert_seg(&doc.segs[1], "2.250", "4.000", "李娜", "cmn-Hans", NULL,
	    "好的，<en>meeting</en>几点？");
	assert_seg(&doc.segs[2], "4.000", "4.500", NULL, NULL, NULL,
	    "[noise]");
	assert_int_equal(doc.segs[2].line, 73);
	assert_seg(&doc.segs[3], "5.000", "6.000", "ZHANG_Wei", "en", "wu",
	    "OK, let's go.");
	assert_seg(&doc.segs[4], "5.500", "7.012", "李娜", "cmn-Hans",
	    "yue-gz", "嗯 %呃 ((不知道))");
	assert_seg(&doc.segs[5], "8.000", "9.000", HOSTILE_CODE, "en", NULL,
	    HOSTILE_TEXT);
	assert_int_equal(doc.nspks, 3);
	assert_spk(&doc.spks[0], "ZHANG_Wei", NULL, NULL, NULL);
	assert_spk(&doc.spks[1], "李娜", NULL, NULL, NULL);
	assert_spk(&doc.spks[2], HOSTILE_CODE, NULL, NULL, NULL);
	import_doc_free(&doc);

	read_ok(eaf(), GOLDEN "/eaf/street_2.eaf", &doc);
	assert_string_equal(doc.media, "street 2.flac");
	assert_int_equal(doc.nsegs, 2);
	assert_seg(&doc.segs[0], "0.000", "1.000", "ZHANG_Wei", NULL, "wu",
	    "Hello world");
	assert_seg(&doc.segs[1], "1.500", "2.500", NULL, NULL, NULL, "(())");
	import_doc_free(&doc);
}

/* A file as ELAN makes it: child tiers, unaligned slots, a CV. */
static void
test_eaf_read_foreign(void **state)
{
	struct import_doc	doc;

	(void)state;
	assert_valid_eaf(GOLDEN "/eaf/foreign.eaf");
	read_ok(eaf(), GOLDEN "/eaf/foreign.eaf", &doc);
	assert_string_equal(doc.media, "Entrevista nº2.wav");
	assert_int_equal(doc.nsegs, 4);
	assert_seg(&doc.segs[0], "1.000", "2.500", "Bea", NULL, NULL,
	    "Buenas.");
	assert_seg(&doc.segs[1], "1.800", "3.000", "Ana", "spa", "andaluz",
	    "Hola, ¿qué tal?");
	assert_int_equal(doc.segs[1].line, 21);
	assert_seg(&doc.segs[2], "4.200", "5.125", "Ana", "eng", "canario",
	    "fine & you");
	assert_seg(&doc.segs[3], "4.200", "5.125", "Bea", NULL, NULL, "");
	assert_int_equal(doc.nspks, 2);
	assert_spk(&doc.spks[0], "Bea", NULL, NULL, NULL);
	assert_spk(&doc.spks[1], "Ana", NULL, NULL, NULL);
	import_doc_free(&doc);
}

/*
 * Writes the set, reads every file back, builds a set from what was read
 * and writes that: the files are the same. Returns the documents read.
 */
static void
roundtrip(const struct fmt_ops *ops, const char *ext, struct tset *t,
    struct import_doc docs[2])
{
	struct export_set	 set2;
	struct export_item	 items[MAXITEMS];
	struct segment		 segs[MAXITEMS];
	struct export_speaker	 spks[8];
	struct speaker		 sp[8];
	struct import_segment	*g;
	char			*dir2 = unit_tmpdir(), *name, *a, *b, *cause;
	size_t			 n = 0, k;
	int			 rate;

	write_ok(ops, &t->set);
	set2 = t->set;
	set2.dir = dir2;
	set2.items = items;
	set2.spks = spks;
	set2.nspks = 0;
	memset(items, 0, sizeof items);
	memset(segs, 0, sizeof segs);
	memset(sp, 0, sizeof sp);
	for (size_t r = 0; r < t->set.nrecs; r++) {
		if (asprintf(&name, "%s.%s", t->recs[r].id, ext) < 0)
			abort();
		a = path_in(t->dir, name);
		read_ok(ops, a, &docs[r]);
		free(a);
		free(name);
		for (size_t i = 0; i < docs[r].nspks; i++) {
			for (k = 0; k < set2.nspks; k++) {
				if (strcmp(sp[k].code,
				    docs[r].spks[i].code) == 0)
					break;
			}
			if (k < set2.nspks)
				continue;
			sp[k].code = docs[r].spks[i].code;
			sp[k].gender = docs[r].spks[i].gender;
			sp[k].dialect = docs[r].spks[i].dialect;
			spks[k].spk = &sp[k];
			spks[k].id = sp[k].code;
			set2.nspks++;
		}
		rate = t->recs[r].rec->rate;
		for (size_t i = 0; i < docs[r].nsegs; i++, n++) {
			g = &docs[r].segs[i];
			cause = NULL;
			if (timecode_parse(g->start, rate, &items[n].start,
			    &cause) != 0 || timecode_parse(g->end, rate,
			    &items[n].end, &cause) != 0)
				fail_msg("%s", cause);
			segs[n].id = (int64_t)n + 1;
			items[n].seg = &segs[n];
			items[n].rec = &t->recs[r];
			items[n].text = g->text;
			items[n].lang = g->lang;
			items[n].dialect = g->dialect;
			for (k = 0; g->speaker != NULL && k < set2.nspks; k++) {
				if (strcmp(sp[k].code, g->speaker) == 0)
					items[n].spk = &spks[k];
			}
			assert_true(g->speaker == NULL || items[n].spk != NULL);
		}
	}
	set2.nitems = n;
	write_ok(ops, &set2);
	for (size_t r = 0; r < t->set.nrecs; r++) {
		if (asprintf(&name, "%s.%s", t->recs[r].id, ext) < 0)
			abort();
		a = path_in(t->dir, name);
		b = path_in(dir2, name);
		assert_same_file(b, a);
		free(a);
		free(b);
		free(name);
	}
	unit_rmtree(dir2);
	free(dir2);
}

/* What was read is what was written, at ms precision. */
static void
test_eaf_roundtrip(void **state)
{
	struct tset			 t;
	struct import_doc		 docs[2];
	const struct export_item	*it;
	const struct import_segment	*g;
	char				 s[32], e[32];
	size_t				 n = 0;

	(void)state;
	setenv("TINGXIE_EXPORT_DATE", DATE, 1);
	tset_init(&t);
	roundtrip(eaf(), "eaf", &t, docs);
	for (size_t r = 0; r < 2; r++) {
		for (size_t i = 0; i < docs[r].nsegs; i++, n++) {
			g = &docs[r].segs[i];
			it = &t.items[n];
			assert_seg(g, fmt_seconds(it->start, it->rec->rec->rate,
			    s, sizeof s), fmt_seconds(it->end,
			    it->rec->rec->rate, e, sizeof e),
			    it->spk != NULL ? it->spk->spk->code : NULL,
			    it->lang, it->dialect, it->text);
		}
		import_doc_free(&docs[r]);
	}
	assert_int_equal(n, t.set.nitems);
	tset_free(&t);
}

/* A tier's language when all its segments have one, else each's own. */
static void
test_eaf_languages(void **state)
{
	struct tset			 t;
	struct import_doc		 docs[2];
	char				*path, *text;
	size_t				 len;

	(void)state;
	setenv("TINGXIE_EXPORT_DATE", DATE, 1);
	tset_init(&t);
	t.items[6].lang = "en";
	add_item(&t, 23, 1, 0, 114660, 127890, "哈", NULL, NULL);
	add_item(&t, 24, 1, 2, 0, 4410, "x", "yue-Hant", NULL);
	add_item(&t, 25, 1, 2, 4410, 8820, "y", "en", NULL);
	add_item(&t, 26, 1, 2, 8820, 13230, "z", "en", NULL);
	roundtrip(eaf(), "eaf", &t, docs);
	path = path_in(t.dir, "street_2.eaf");
	text = slurp(path, &len);
	assert_non_null(strstr(text, "<TIER LINGUISTIC_TYPE_REF=\"utterance\" "
	    "PARTICIPANT=\"ZHANG_Wei\" TIER_ID=\"ZHANG_Wei\">"));
	assert_non_null(strstr(text, "ANNOTATION_ID=\"a1\" LANG_REF=\"en\" "));
	assert_non_null(strstr(text, "<TIER LANG_REF=\"en\" "));
	assert_non_null(strstr(text, "LANG_REF=\"yue-Hant\" TIME_SLOT_REF1"));
	assert_non_null(strstr(text, "<LANGUAGE LANG_ID=\"yue-Hant\"/>"));
	assert_valid_eaf(path);
	free(text);
	free(path);
	assert_int_equal(docs[1].nsegs, 6);
	assert_seg(&docs[1].segs[0], "0.000", "1.000", "ZHANG_Wei", "en",
	    "wu", "Hello world");
	assert_seg(&docs[1].segs[1], "0.000", "0.100", HOSTILE_CODE,
	    "yue-Hant", NULL, "x");
	assert_seg(&docs[1].segs[2], "0.100", "0.200", HOSTILE_CODE, "en",
	    NULL, "y");
	assert_seg(&docs[1].segs[5], "2.600", "2.900", "ZHANG_Wei", NULL,
	    NULL, "哈");
	import_doc_free(&docs[0]);
	import_doc_free(&docs[1]);
	tset_free(&t);
}

static void
test_eaf_write_refused(void **state)
{
	struct tset	 t;
	char		*cause = NULL;

	(void)state;
	setenv("TINGXIE_EXPORT_DATE", DATE, 1);

	/* two overlapping segments of one speaker */
	tset_init(&t);
	add_item(&t, 17, 0, 1, 60000, 70000, "重叠", "cmn-Hans", NULL);
	assert_int_equal(eaf()->write(&t.set, &cause), -1);
	assert_non_null(strstr(cause, "meeting.eaf: segments 12 "
	    "(2.250-4.000) and 17 (3.750-4.375) of 李娜 overlap"));
	assert_int_equal(count_files(t.dir), 0);
	free(cause);
	tset_free(&t);

	/* a speaker called like the tier of speaker-less segments */
	tset_init(&t);
	t.sp[2].code = (char *)"-";
	assert_int_equal(eaf()->write(&t.set, &cause), -1);
	assert_non_null(strstr(cause, "speaker code '-'"));
	free(cause);
	tset_free(&t);

	/* ... or like another speaker's dialect tier */
	tset_init(&t);
	t.sp[2].code = (char *)"dialect@ZHANG_Wei";
	assert_int_equal(eaf()->write(&t.set, &cause), -1);
	assert_non_null(strstr(cause, "'dialect@ZHANG_Wei' is also the name "
	    "of a dialect tier"));
	free(cause);
	tset_free(&t);

	/* text XML cannot hold */
	tset_init(&t);
	t.items[1].text = (char *)"bell\a";
	assert_int_equal(eaf()->write(&t.set, &cause), -1);
	assert_non_null(strstr(cause, "segment 12"));
	free(cause);
	t.items[1].text = (char *)"bad \xff byte";
	assert_int_equal(eaf()->write(&t.set, &cause), -1);
	assert_non_null(strstr(cause, "invalid UTF-8"));
	free(cause);
	assert_int_equal(count_files(t.dir), 0);
	tset_free(&t);
}

static void
test_eaf_date(void **state)
{
	struct tset	 t;
	char		*cause = NULL, *path, *text, want[64];
	size_t		 len;
	time_t		 now;
	struct tm	 tm;

	(void)state;
	tset_init(&t);
	setenv("TINGXIE_EXPORT_DATE", "2024-02-30T00:00:00Z", 1);
	assert_int_equal(eaf()->write(&t.set, &cause), -1);
	assert_non_null(strstr(cause,
	    "TINGXIE_EXPORT_DATE='2024-02-30T00:00:00Z'"));
	free(cause);
	setenv("TINGXIE_EXPORT_DATE", "2024-05-01 08:30:00", 1);
	assert_int_equal(fmt_find("trs")->write(&t.set, &cause), -1);
	assert_non_null(strstr(cause, "TINGXIE_EXPORT_DATE"));
	free(cause);
	assert_int_equal(count_files(t.dir), 0);

	/* unset: now, in UTC */
	unsetenv("TINGXIE_EXPORT_DATE");
	now = time(NULL);
	gmtime_r(&now, &tm);
	write_ok(eaf(), &t.set);
	path = path_in(t.dir, "street_2.eaf");
	text = slurp(path, &len);
	snprintf(want, sizeof want, "DATE=\"%04d-%02d-%02dT",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	assert_non_null(strstr(text, want));
	free(text);
	free(path);
	setenv("TINGXIE_EXPORT_DATE", DATE, 1);
	tset_free(&t);
}

static const char eaf_head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<ANNOTATION_DOCUMENT AUTHOR=\"\" DATE=\"2024-05-01T08:30:00Z\" "
    "VERSION=\"3.0\">\n"
    "<HEADER MEDIA_FILE=\"\" TIME_UNITS=\"milliseconds\"/>\n";

/* A document: eaf_head, then slots and tiers as given. */
static char *
eaf_doc(const char *slots, const char *tiers)
{
	char	*s;

	if (asprintf(&s, "%s<TIME_ORDER>\n%s</TIME_ORDER>\n%s"
	    "<LINGUISTIC_TYPE LINGUISTIC_TYPE_ID=\"lt\" "
	    "TIME_ALIGNABLE=\"true\"/>\n"
	    "<LANGUAGE LANG_ID=\"en\"/>\n"
	    "</ANNOTATION_DOCUMENT>\n", eaf_head, slots, tiers) < 0)
		abort();
	return s;
}

#define EAF_SLOTS \
	"<TIME_SLOT TIME_SLOT_ID=\"ts1\" TIME_VALUE=\"1000\"/>\n" \
	"<TIME_SLOT TIME_SLOT_ID=\"ts2\" TIME_VALUE=\"2000\"/>\n" \
	"<TIME_SLOT TIME_SLOT_ID=\"ts3\"/>\n"

/* One tier (line 9) with one annotation (line 10) from r1 to r2. */
static char *
eaf_one(const char *slots, const char *r1, const char *r2,
    const char *attrs)
{
	char	*tier, *doc;

	if (asprintf(&tier, "<TIER LINGUISTIC_TYPE_REF=\"lt\" TIER_ID=\"A\">"
	    "<ANNOTATION>\n<ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" "
	    "TIME_SLOT_REF1=\"%s\" TIME_SLOT_REF2=\"%s\"%s>"
	    "<ANNOTATION_VALUE>x</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION>"
	    "</ANNOTATION></TIER>\n", r1, r2, attrs) < 0)
		abort();
	doc = eaf_doc(slots, tier);
	free(tier);
	return doc;
}

static void
eaf_fails(char *text, const char *want)
{
	read_fails(eaf(), "bad.eaf", text, want);
	free(text);
}

static void
test_eaf_malformed(void **state)
{
	struct import_doc	 doc;
	char			*text, *tiers, *p;

	(void)state;
	/* the helpers make a file that reads */
	text = eaf_one(EAF_SLOTS, "ts1", "ts2", "");
	read_text(eaf(), "ok.eaf", text, &doc);
	assert_int_equal(doc.nsegs, 1);
	assert_seg(&doc.segs[0], "1.000", "2.000", "A", NULL, NULL, "x");
	assert_int_equal(doc.segs[0].line, 10);
	import_doc_free(&doc);
	free(text);

	read_fails(eaf(), "bad.eaf", NULL, "bad.eaf: No such file");
	read_fails(eaf(), "bad.eaf", "", "bad.eaf:1: not well-formed XML");
	read_fails(eaf(), "bad.eaf", "File type = \"ooTextFile\"\n",
	    "bad.eaf:1: not well-formed XML");
	read_fails(eaf(), "bad.eaf", "<?xml version=\"1.0\"?>\n"
	    "<ANNOTATION_DOCUMENT>\n<HEADER>\n</ANNOTATION_DOCUMENT>\n",
	    "bad.eaf:4: not well-formed XML");
	read_fails(eaf(), "bad.eaf", "<?xml version=\"1.0\"?>\n\n<Trans/>\n",
	    "bad.eaf:3: the root element is <Trans>, not "
	    "<ANNOTATION_DOCUMENT>: this is not an ELAN file");
	if (asprintf(&text, "%s</ANNOTATION_DOCUMENT>\n", eaf_head) < 0)
		abort();
	eaf_fails(text, "bad.eaf:2: <ANNOTATION_DOCUMENT> has no <TIME_ORDER>");
	eaf_fails(eaf_doc("<TIME_SLOT TIME_VALUE=\"5\"/>\n", ""),
	    "bad.eaf:5: <TIME_SLOT> has no TIME_SLOT_ID");
	eaf_fails(eaf_doc("<TIME_SLOT TIME_SLOT_ID=\"ts1\" "
	    "TIME_VALUE=\"1.5\"/>\n", ""), "bad.eaf:5: <TIME_SLOT> 'ts1' has "
	    "TIME_VALUE '1.5'");
	eaf_fails(eaf_doc("<TIME_SLOT TIME_SLOT_ID=\"ts1\" "
	    "TIME_VALUE=\"-1\"/>\n", ""), "bad.eaf:5: <TIME_SLOT> 'ts1'");
	eaf_fails(eaf_doc(EAF_SLOTS "<TIME_SLOT TIME_SLOT_ID=\"ts2\" "
	    "TIME_VALUE=\"9\"/>\n", ""), "bad.eaf:8: <TIME_SLOT> 'ts2' is a "
	    "second time slot");
	eaf_fails(eaf_one(EAF_SLOTS, "ts1", "ts9", ""), "bad.eaf:10: "
	    "<ALIGNABLE_ANNOTATION> 'a1': TIME_SLOT_REF2 'ts9' is not a "
	    "TIME_SLOT");
	eaf_fails(eaf_one(EAF_SLOTS, "ts1", "ts3", ""), "bad.eaf:10: "
	    "<ALIGNABLE_ANNOTATION> 'a1': time slot 'ts3' (line 7) has no "
	    "TIME_VALUE");
	eaf_fails(eaf_one(EAF_SLOTS, "ts2", "ts1", ""), "bad.eaf:10: "
	    "<ALIGNABLE_ANNOTATION> 'a1' ends at 1000 ms, not after it starts "
	    "at 2000 ms");
	eaf_fails(eaf_one(EAF_SLOTS, "ts1", "ts1", ""), "bad.eaf:10: "
	    "<ALIGNABLE_ANNOTATION> 'a1' ends at 1000 ms");
	eaf_fails(eaf_one("", "ts1", "ts2", ""), "bad.eaf:7: "
	    "<ALIGNABLE_ANNOTATION> 'a1': TIME_SLOT_REF1 'ts1' is not a "
	    "TIME_SLOT");
	eaf_fails(eaf_one(EAF_SLOTS, "ts1", "ts2", " LANG_REF=\"xx\""),
	    "bad.eaf:10: <ALIGNABLE_ANNOTATION> has LANG_REF 'xx', which no "
	    "<LANGUAGE> has");
	eaf_fails(eaf_doc(EAF_SLOTS, "<TIER LINGUISTIC_TYPE_REF=\"lt\"/>\n"),
	    "bad.eaf:9: <TIER> has no TIER_ID");
	eaf_fails(eaf_doc(EAF_SLOTS, "<TIER LINGUISTIC_TYPE_REF=\"lt\" "
	    "TIER_ID=\"A\" LANG_REF=\"fr\"/>\n"), "bad.eaf:9: <TIER> has "
	    "LANG_REF 'fr'");
	/* a dialect annotation with an entry that is not there */
	text = eaf_one(EAF_SLOTS, "ts1", "ts2", "");
	p = strstr(text, "<LINGUISTIC_TYPE");
	if (asprintf(&tiers, "%.*s<TIER LINGUISTIC_TYPE_REF=\"d\" "
	    "PARENT_REF=\"A\" TIER_ID=\"dialect@A\">\n<ANNOTATION>\n"
	    "<REF_ANNOTATION ANNOTATION_ID=\"a2\" ANNOTATION_REF=\"a1\" "
	    "CVE_REF=\"cveid_nope\"><ANNOTATION_VALUE>x</ANNOTATION_VALUE>"
	    "</REF_ANNOTATION></ANNOTATION></TIER>\n%s", (int)(p - text), text,
	    p) < 0)
		abort();
	read_fails(eaf(), "bad.eaf", tiers, "bad.eaf:13: <REF_ANNOTATION> has "
	    "CVE_REF 'cveid_nope', which is not an entry of vocabulary "
	    "'dialect'");
	/* ... or a parent that is not there */
	p = strstr(tiers, "ANNOTATION_REF=\"a1\"");
	p[strlen("ANNOTATION_REF=\"a")] = '7';
	read_fails(eaf(), "bad.eaf", tiers, "bad.eaf:13: <REF_ANNOTATION> "
	    "refers to annotation 'a7'");
	free(tiers);
	free(text);
	read_fails(eaf(), "bad.eaf", "<?xml version=\"1.0\"?>\n"
	    "<ANNOTATION_DOCUMENT>\n<HEADER TIME_UNITS=\"PAL-frames\"/>\n"
	    "<TIME_ORDER/>\n</ANNOTATION_DOCUMENT>\n", "bad.eaf:3: <HEADER> "
	    "has TIME_UNITS='PAL-frames'");
}

/* ---- Transcriber ---- */

static const struct fmt_ops *
trs(void)
{
	const struct fmt_ops	*ops = fmt_find("trs");

	assert_non_null(ops);
	assert_int_equal(ops->corpus, 0);
	return ops;
}

/* Well-formed, says xmllint (the DTD is not here to validate with). */
static void
assert_xmllint(const char *file)
{
	int	rc = xmllint("", file);

	if (rc < 0)
		print_message("no xmllint: its check of %s skipped\n", file);
	else if (rc != 0)
		fail_msg("xmllint: %s is not well-formed", file);
}

static void
test_trs_write(void **state)
{
	char	*dir, *bad;

	(void)state;
	write_golden(trs(), "trs", assert_xmllint);

	/* the xmllint check can fail */
	if (have_tool("xmllint")) {
		dir = unit_tmpdir();
		bad = path_in(dir, "bad.trs");
		write_file(bad, "<Trans><Episode></Trans>\n");
		assert_int_equal(xmllint("", bad), 1);
		free(bad);
		unit_rmtree(dir);
		free(dir);
	}
}

static void
test_trs_read_golden(void **state)
{
	struct import_doc	doc;

	(void)state;
	read_ok(trs(), GOLDEN "/trs/meeting.trs", &doc);
	assert_string_equal(doc.media, "meeting");
	assert_int_equal(doc.nsegs, 6);
	assert_seg(&doc.segs[0], "0.500", "2.000", "ZHANG_Wei", "cmn-Hans",
	    NULL, "我们今天开个会吧。");
	assert_int_equal(doc.segs[0].line, 15);
	assert_int_equal(doc.segs[0].channel, -1);
	assert_seg(&doc.segs[1], "2.250", "4.000", "李娜", "cmn-Hans", NULL,
	    "好的，<en>meeting</en>几点？");
	/* Transcriber has no "no language": the file's */
	assert_seg(&doc.segs[2], "4.000", "4.500", NULL, "cmn-Hans", NULL,
	    "[noise]");
	/* overlapping speech comes back with the Turn's times */
	assert_seg(&doc.segs[3], "5.000", "7.012", "ZHANG_Wei", "en", NULL,
	    "OK, let's go.");
	assert_int_equal(doc.segs[3].line, 34);
	assert_seg(&doc.segs[4], "5.000", "7.012", "李娜", "cmn-Hans", NULL,
	    "嗯 %呃 ((不知道))");
	assert_int_equal(doc.segs[4].line, 38);
	assert_seg(&doc.segs[5], "8.000", "9.000", HOSTILE_CODE, "en", NULL,
	    HOSTILE_TEXT);
	assert_int_equal(doc.nspks, 3);
	assert_spk(&doc.spks[0], "ZHANG_Wei", NULL, "m", "wu");
	assert_spk(&doc.spks[1], "李娜", NULL, "f", NULL);
	assert_spk(&doc.spks[2], HOSTILE_CODE, NULL, NULL, NULL);
	import_doc_free(&doc);

	read_ok(trs(), GOLDEN "/trs/street_2.trs", &doc);
	assert_string_equal(doc.media, "street_2");
	assert_int_equal(doc.nsegs, 2);
	assert_seg(&doc.segs[0], "0.000", "1.000", "ZHANG_Wei", NULL, NULL,
	    "Hello world");
	assert_seg(&doc.segs[1], "1.500", "2.500", NULL, NULL, NULL, "(())");
	import_doc_free(&doc);
}

/* ISO-8859-1, events, comments, Who, names that cannot be codes. */
static void
test_trs_read_features(void **state)
{
	struct import_doc	doc;

	(void)state;
	read_ok(trs(), GOLDEN "/trs/features.trs", &doc);
	assert_string_equal(doc.media, "entretien");
	assert_int_equal(doc.nsegs, 7);
	assert_seg(&doc.segs[0], "2.5", "5.25", "spk1", "fr", NULL,
	    "bonjour [rire] à tous");
	assert_int_equal(doc.segs[0].line, 22);
	assert_seg(&doc.segs[1], "5.25", "7", "spk1", "english", NULL,
	    "good morning");
	assert_seg(&doc.segs[2], "7", "9", "spk1", "fr", NULL,
	    "c'est cool [i]");
	assert_seg(&doc.segs[3], "9", "12.125", "spk2", "fr", NULL, "oui");
	assert_int_equal(doc.segs[3].line, 39);
	assert_seg(&doc.segs[4], "9", "12.125", "Zoé", "fr", NULL,
	    "non & <peut-être>");
	assert_seg(&doc.segs[5], "12.125", "14", "spk3", "fr", NULL, "");
	assert_seg(&doc.segs[6], "14", "20", NULL, "fr", NULL, "musique");
	assert_int_equal(doc.nspks, 4);
	assert_spk(&doc.spks[0], "spk1", "Émile Zola", "m", "parisien");
	assert_spk(&doc.spks[1], "spk2", "Léa", "f", NULL);
	assert_spk(&doc.spks[2], "spk3", "Léa", NULL, NULL);
	assert_spk(&doc.spks[3], "Zoé", NULL, NULL, "nordiste");
	import_doc_free(&doc);
}

/* A file Transcriber wrote (CRLF, UTF-8, 627 turns). */
static void
test_trs_read_sample(void **state)
{
	struct import_doc	 doc;
	const char		*env = getenv("TX_SAMPLES");
	char			*path;
	size_t			 empty = 0;

	(void)state;
	if (asprintf(&path, "%s/%s", env != NULL ? env : SHARED "/samples",
	    SAMPLE_TRS) < 0)
		abort();
	if (access(path, R_OK) != 0) {
		print_message("no %s: skipped\n", path);
		free(path);
		skip();
	}
	read_ok(trs(), path, &doc);
	assert_string_equal(doc.media,
	    "20230418_17294422_0014756029_002_001_BIBA_ZUEK__A");
	assert_int_equal(doc.nsegs, 2640);
	assert_seg(&doc.segs[0], "0", "2.55", "spk2", NULL, NULL,
	    "Arratsaldeon guztioi.");
	assert_int_equal(doc.segs[0].line, 52);
	assert_seg(&doc.segs[1], "2.55", "3.21", "spk2", NULL, NULL,
	    "Zer moduz gara?");
	assert_seg(&doc.segs[4], "8.37", "11.39", "spk2", NULL, NULL,
	    "Jolas egitera gatoz, gure barruko umeak kanpora ateratzera "
	    "gatoz.");
	assert_seg(&doc.segs[5], "11.39", "15.96", "spk3", NULL, NULL,
	    "Haurtzaroa garrantzitsua delako, baina ez da beti jolasa "
	    "izaten.");
	assert_seg(&doc.segs[doc.nsegs - 1], "6010.84", "6012.447", "DUPLA",
	    NULL, NULL, "Zuentzako txalo bana.");
	for (size_t i = 0; i < doc.nsegs; i++) {
		empty += *doc.segs[i].text == '\0';
		if (strcmp(doc.segs[i].start, "153.48") == 0)
			assert_seg(&doc.segs[i], "153.48", "158.40", "spk3",
			    NULL, NULL, "Ongietorri, Idoia Madaria, Iñigo "
			    "Antsorregi eta Maitane Ormazabal.");
	}
	assert_int_equal(empty, 42);
	assert_int_equal(doc.nspks, 41);
	assert_spk(&doc.spks[0], "spk2", "XABIER SUKIA ETXEBERRIA", "m",
	    NULL);
	assert_spk(&doc.spks[1], "spk3", "MAIALEN ARZALLUS ANTIA", "f", NULL);
	assert_spk(&doc.spks[2], "TOO_MANY_SPEAKERS", NULL, NULL, NULL);
	assert_spk(&doc.spks[3], "spk5", "IÑIGO ANTSORREGI DIEREZ", "m",
	    "bizkaiera");
	import_doc_free(&doc);
	free(path);
}

static void
test_trs_roundtrip(void **state)
{
	struct tset			 t;
	struct import_doc		 docs[2];
	const struct export_item	*it;
	const struct import_segment	*g;
	char				 s[32], e[32];
	const char			*lang;
	size_t				 n = 0;

	(void)state;
	setenv("TINGXIE_EXPORT_DATE", DATE, 1);
	tset_init(&t);
	roundtrip(trs(), "trs", &t, docs);
	for (size_t r = 0; r < 2; r++) {
		for (size_t i = 0; i < docs[r].nsegs; i++, n++) {
			g = &docs[r].segs[i];
			it = &t.items[n];
			fmt_seconds(it->start, it->rec->rec->rate, s, sizeof s);
			fmt_seconds(it->end, it->rec->rec->rate, e, sizeof e);
			/* the overlap: the Turn's times */
			if (it->seg->id == 14 || it->seg->id == 15) {
				strcpy(s, "5.000");
				strcpy(e, "7.012");
			}
			lang = it->lang;
			if (lang == NULL && r == 0)
				lang = "cmn-Hans";
			assert_seg(g, s, e, it->spk != NULL ?
			    it->spk->spk->code : NULL, lang, NULL, it->text);
		}
		import_doc_free(&docs[r]);
	}
	assert_int_equal(n, t.set.nitems);
	tset_free(&t);
}

static void
test_trs_write_refused(void **state)
{
	struct tset	 t;
	char		*cause = NULL;

	(void)state;
	setenv("TINGXIE_EXPORT_DATE", DATE, 1);

	/* one speaker twice at once */
	tset_init(&t);
	add_item(&t, 17, 0, 1, 60000, 70000, "重叠", "cmn-Hans", NULL);
	assert_int_equal(trs()->write(&t.set, &cause), -1);
	assert_non_null(strstr(cause, "meeting.trs: segments 12 "
	    "(2.250-4.000) and 17 (3.750-4.375) of 李娜 are in one stretch of "
	    "overlapping speech (2.250-4.500)"));
	assert_int_equal(count_files(t.dir), 0);
	free(cause);
	tset_free(&t);

	/* ... even when they do not overlap each other */
	tset_init(&t);
	add_item(&t, 17, 0, 0, 100000, 120000, "又是我", "cmn-Hans", NULL);
	assert_int_equal(trs()->write(&t.set, &cause), -1);
	assert_non_null(strstr(cause, "segments 14 (5.000-6.000) and 17 "
	    "(6.250-7.500) of ZHANG_Wei are in one stretch of overlapping "
	    "speech (5.000-7.500)"));
	free(cause);
	tset_free(&t);

	/* a speaker-less segment in overlapping speech */
	tset_init(&t);
	add_item(&t, 17, 0, -1, 100000, 120000, "[music]", NULL, NULL);
	assert_int_equal(trs()->write(&t.set, &cause), -1);
	assert_non_null(strstr(cause, "meeting.trs: segments 15 "
	    "(5.500-7.012) and 17 (6.250-7.500) overlap and one has no "
	    "speaker"));
	free(cause);
	tset_free(&t);

	/* text XML cannot hold */
	tset_init(&t);
	t.items[6].text = (char *)"esc\x1b";
	assert_int_equal(trs()->write(&t.set, &cause), -1);
	assert_non_null(strstr(cause, "street_2.trs: the text of segment 21"));
	free(cause);
	tset_free(&t);
}

/* A Transcriber file whose turns (from line 9) are given. */
static char *
trs_doc(const char *speakers, const char *turns)
{
	char	*s;

	if (asprintf(&s, "<?xml version=\"1.0\"?>\n"
	    "<Trans audio_filename=\"x\">\n<Speakers>\n%s</Speakers>\n"
	    "<Episode>\n<Section type=\"report\" startTime=\"0\" "
	    "endTime=\"10\">\n%s</Section>\n</Episode>\n</Trans>\n",
	    speakers != NULL ? speakers : "<Speaker id=\"spk1\" name=\"A\"/>\n"
	    "<Speaker id=\"spk2\" name=\"B\"/>\n", turns) < 0)
		abort();
	return s;
}

static void
trs_fails(char *text, const char *want)
{
	read_fails(trs(), "bad.trs", text, want);
	free(text);
}

static void
test_trs_malformed(void **state)
{
	struct import_doc	 doc;
	char			*text;

	(void)state;
	/* the template reads */
	text = trs_doc(NULL, "<Turn speaker=\"spk1 spk2\" startTime=\"0\" "
	    "endTime=\"2\">\n<Sync time=\"0\"/>\n<Who nb=\"2\"/>\nb\n"
	    "</Turn>\n");
	read_text(trs(), "ok.trs", text, &doc);
	assert_int_equal(doc.nsegs, 1);
	assert_seg(&doc.segs[0], "0", "2", "B", NULL, NULL, "b");
	assert_int_equal(doc.segs[0].line, 11);
	import_doc_free(&doc);
	free(text);

	read_fails(trs(), "bad.trs", NULL, "bad.trs: No such file");
	read_fails(trs(), "bad.trs", "", "bad.trs:1: not well-formed XML");
	read_fails(trs(), "bad.trs", "1\n00:00:01,000 --> 00:00:02,000\nhi\n",
	    "bad.trs:1: not well-formed XML");
	read_fails(trs(), "bad.trs", "<?xml version=\"1.0\"?>\n"
	    "<ANNOTATION_DOCUMENT/>\n", "bad.trs:2: the root element is "
	    "<ANNOTATION_DOCUMENT>, not <Trans>: this is not a Transcriber "
	    "file");
	trs_fails(trs_doc(NULL, "<Turn endTime=\"1\">\n</Turn>\n"),
	    "bad.trs:9: <Turn> has no startTime");
	trs_fails(trs_doc(NULL, "<Turn startTime=\"1\">\n</Turn>\n"),
	    "bad.trs:9: <Turn> has no endTime");
	trs_fails(trs_doc(NULL, "<Turn startTime=\"1,5\" endTime=\"2\">\n"
	    "</Turn>\n"), "bad.trs:9: <Turn> has startTime '1,5', which is "
	    "not decimal seconds");
	trs_fails(trs_doc(NULL, "<Turn startTime=\"2.0\" endTime=\"1.0\">\n"
	    "</Turn>\n"), "bad.trs:9: <Turn> ends at 1.0, before it starts "
	    "at 2.0");
	trs_fails(trs_doc(NULL, "<Turn startTime=\"0\" endTime=\"1\">\n"
	    "<Sync/>\n</Turn>\n"), "bad.trs:10: <Sync> has no time");
	trs_fails(trs_doc(NULL, "<Turn startTime=\"1\" endTime=\"3\">\n"
	    "<Sync time=\"2\"/>\nx\n<Sync time=\"1.5\"/>\n</Turn>\n"),
	    "bad.trs:12: <Sync> has time 1.5, outside 2 to the end of its "
	    "Turn");
	trs_fails(trs_doc(NULL, "<Turn startTime=\"1\" endTime=\"3\">\n"
	    "<Sync time=\"4\"/>\n</Turn>\n"), "bad.trs:10: <Sync> has time 4, "
	    "outside");
	trs_fails(trs_doc(NULL, "<Turn speaker=\"spk1 spk9\" startTime=\"0\" "
	    "endTime=\"1\">\n</Turn>\n"), "bad.trs:9: <Turn> names speaker "
	    "'spk9', which is not in <Speakers>");
	trs_fails(trs_doc(NULL, "<Turn speaker=\"spk1 spk2\" startTime=\"0\" "
	    "endTime=\"1\">\n<Sync time=\"0\"/>\n<Who nb=\"3\"/>\n</Turn>\n"),
	    "bad.trs:11: <Who> has nb '3', but its Turn has 2 speakers");
	trs_fails(trs_doc(NULL, "<Turn startTime=\"0\" endTime=\"1\">\n"
	    "<Who nb=\"1\"/>\n</Turn>\n"), "bad.trs:10: <Who> has nb '1', but "
	    "its Turn has 0 speakers");
	trs_fails(trs_doc(NULL, "<Turn speaker=\"spk1\" startTime=\"0\" "
	    "endTime=\"2\">\n<Sync time=\"1\"/>\nx\n<Sync time=\"1\"/>\n"
	    "</Turn>\n"), "bad.trs:12: <Sync> at 1 ends text that started at "
	    "the same time");
	trs_fails(trs_doc("<Speaker name=\"A\"/>\n", ""),
	    "bad.trs:4: <Speaker> has no id");
	trs_fails(trs_doc("<Speaker id=\"spk1\" name=\"A\"/>\n"
	    "<Speaker id=\"spk1\" name=\"B\"/>\n", ""), "bad.trs:5: <Speaker> "
	    "has id 'spk1', like another Speaker");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_eaf_write),
		cmocka_unit_test(test_eaf_schema_catches),
		cmocka_unit_test(test_eaf_read_golden),
		cmocka_unit_test(test_eaf_read_foreign),
		cmocka_unit_test(test_eaf_roundtrip),
		cmocka_unit_test(test_eaf_languages),
		cmocka_unit_test(test_eaf_write_refused),
		cmocka_unit_test(test_eaf_date),
		cmocka_unit_test(test_eaf_malformed),
		cmocka_unit_test(test_trs_write),
		cmocka_unit_test(test_trs_read_golden),
		cmocka_unit_test(test_trs_read_features),
		cmocka_unit_test(test_trs_read_sample),
		cmocka_unit_test(test_trs_roundtrip),
		cmocka_unit_test(test_trs_write_refused),
		cmocka_unit_test(test_trs_malformed),
	};

	setenv("TINGXIE_EXPORT_DATE", DATE, 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
