/*
 * test-fmt-text.c: the plain-text interchange formats: Praat TextGrid,
 * SRT, WebVTT, STM and RTTM. Writers are compared byte for byte with
 * golden files written by hand from the formats' rules; readers are run
 * on those, on real files and on broken ones; and what is written is read
 * back, and by Praat and ffmpeg where they are installed.
 */
#include "unit.h"

#include "fmt.h"
#include "store.h"
#include "timecode.h"

#define GOLDEN TESTS_SRCDIR "/golden"
/* Real files by other tools; $TX_SAMPLES, when set, says where. */
#define SAMPLES "/work/shared/reference/samples"

extern const struct fmt_ops fmt_rttm_ops;
extern const struct fmt_ops fmt_srt_ops;
extern const struct fmt_ops fmt_stm_ops;
extern const struct fmt_ops fmt_textgrid_ops;
extern const struct fmt_ops fmt_vtt_ops;

/* ---- a set of two recordings, as the export core hands it over ---- */

struct tset {
	struct export_options	opt;
	struct store_recording	srec[2];
	struct speaker		sspk[2];
	struct segment		seg[8];
	struct export_recording	recs[2];
	struct export_speaker	spks[2];
	struct export_item	items[8];
	struct export_set	set;
};

static const struct {
	int		 rec;
	int		 spk;		/* -1: none */
	int64_t		 start;
	int64_t		 end;
	int		 channel;
	const char	*lang;
	const char	*text;
} titems[8] = {
	{ 0, 0, 8000, 36000, -1, "cmn-Hans", "今天开会吧" },
	{ 0, 1, 16000, 48000, -1, "en", "He said \"hi\" & <en>ok</en>" },
	{ 0, -1, 64000, 88000, 1, NULL, "（笑）嗯 ok" },
	{ 0, 0, 96000, 113000, -1, "cmn-Hans", "好的 a:b: 5 < 6" },
	{ 0, 0, 128000, 144000, -1, "cmn-Hans", "" },
	{ 1, 1, 14700, 29400, -1, "en-GB",
	    "Ünïcödé ½ — 𝄞 emoji 😀" },
	{ 1, 1, 29400, 88200, -1, "cmn-Hans", "第二句。" },
	{ 1, -1, 88200, 88210, -1, NULL, "<&>" }
};

static void
tset_init(struct tset *t, const char *dir)
{
	static const char *const rids[] = { "market-day", "meeting" };
	static const int	 rates[] = { 16000, 44100 };
	static const char *const codes[] = { "li", "tom" };
	static const char *const genders[] = { "f", "m" };

	memset(t, 0, sizeof *t);
	for (int i = 0; i < 2; i++) {
		t->srec[i].id = i + 1;
		t->srec[i].name = (char *)rids[i];
		t->srec[i].rate = rates[i];
		t->srec[i].channels = 2 - i;
		t->srec[i].frames = (int64_t)rates[i] * 10;
		t->recs[i].rec = &t->srec[i];
		t->recs[i].id = rids[i];
		t->sspk[i].id = i + 1;
		t->sspk[i].code = (char *)codes[i];
		t->sspk[i].gender = (char *)genders[i];
		t->spks[i].spk = &t->sspk[i];
		t->spks[i].id = codes[i];
	}
	for (int i = 0; i < 8; i++) {
		struct segment		*g = &t->seg[i];
		struct export_item	*it = &t->items[i];

		g->id = 101 + i;
		g->recording_id = titems[i].rec + 1;
		g->channel = titems[i].channel;
		g->start = titems[i].start;
		g->end = titems[i].end;
		g->text = (char *)titems[i].text;
		it->seg = g;
		it->rec = &t->recs[titems[i].rec];
		it->spk = titems[i].spk < 0 ? NULL : &t->spks[titems[i].spk];
		it->text = (char *)titems[i].text;
		it->lang = titems[i].lang;
		it->start = titems[i].start;
		it->end = titems[i].end;
	}
	t->opt.format = "textgrid";
	t->set.opt = &t->opt;
	t->set.dir = dir;
	t->set.recs = t->recs;
	t->set.nrecs = 2;
	t->set.spks = t->spks;
	t->set.nspks = 2;
	t->set.items = t->items;
	t->set.nitems = 8;
}

/* ---- helpers ---- */

static char *
slurp(const char *path)
{
	FILE	*f = fopen(path, "rb");
	char	*buf;
	long	 n;

	if (f == NULL)
		fail_msg("cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n)
		fail_msg("cannot read %s", path);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static char *
put(const char *dir, const char *name, const char *text)
{
	char	*path;
	FILE	*f;

	if (asprintf(&path, "%s/%s", dir, name) < 0 ||
	    (f = fopen(path, "wb")) == NULL)
		abort();
	fputs(text, f);
	fclose(f);
	return path;
}

/* The file dir/name is byte for byte the golden file. */
static void
same_as_golden(const char *dir, const char *name, const char *golden)
{
	char	*path, *a, *b;

	if (asprintf(&path, "%s/%s", dir, name) < 0)
		abort();
	a = slurp(path);
	b = slurp(golden);
	if (strcmp(a, b) != 0)
		fail_msg("%s differs from %s:\n--- written:\n%s--- golden:\n%s",
		    path, golden, a, b);
	free(a);
	free(b);
	free(path);
}

static int
have(const char *tool)
{
	char	*cmd;
	int	 rc;

	if (asprintf(&cmd, "command -v %s >/dev/null 2>&1", tool) < 0)
		abort();
	rc = system(cmd);
	free(cmd);
	if (rc != 0)
		fprintf(stderr, "# %s is not installed: its check is skipped\n",
		    tool);
	return rc == 0;
}

/* Runs a shell command; its standard output, and *status its status. */
static char *
run(const char *cmd, int *status)
{
	FILE	*p = popen(cmd, "r");
	char	*out = NULL;
	size_t	 len = 0, n;
	char	 buf[4096];

	if (p == NULL)
		abort();
	while ((n = fread(buf, 1, sizeof buf, p)) > 0) {
		out = realloc(out, len + n + 1);
		memcpy(out + len, buf, n);
		len += n;
	}
	if (out == NULL)
		out = strdup("");
	out[len] = '\0';
	*status = pclose(p);
	return out;
}

static void
seg_is(const struct import_segment *g, const char *start, const char *end,
    const char *speaker, const char *text, long line)
{
	assert_string_equal(g->start, start);
	assert_string_equal(g->end, end);
	if (speaker == NULL)
		assert_null(g->speaker);
	else {
		assert_non_null(g->speaker);
		assert_string_equal(g->speaker, speaker);
	}
	assert_string_equal(g->text, text);
	assert_int_equal(g->line, line);
	assert_null(g->recording);
	assert_null(g->lang);
	assert_null(g->dialect);
	assert_int_equal(g->channel, -1);
}

/* Reading fails, and the message starts with what is given. */
static void
read_fails(const struct fmt_ops *ops, const char *dir, const char *name,
    const char *text, const char *where, const char *what)
{
	struct import_doc	 doc = { 0 };
	char			*path = put(dir, name, text), *cause = NULL;
	char			*want;

	if (ops->read(path, &doc, &cause) == 0)
		fail_msg("%s: read, but it is broken (%s)", name, what);
	assert_non_null(cause);
	if (asprintf(&want, "%s/%s", dir, where) < 0)
		abort();
	if (strncmp(cause, want, strlen(want)) != 0 ||
	    strstr(cause, what) == NULL)
		fail_msg("%s: got \"%s\", want \"%s...%s\"", name, cause, want,
		    what);
	assert_int_equal(doc.nsegs, 0);
	free(want);
	free(cause);
	free(path);
	import_doc_free(&doc);
}

static void
read_ok(const struct fmt_ops *ops, const char *path, struct import_doc *doc)
{
	char	*cause = NULL;

	memset(doc, 0, sizeof *doc);
	if (ops->read(path, doc, &cause) != 0)
		fail_msg("%s", cause);
}

static void
speakers_are(const struct import_doc *doc, const char *const *codes,
    size_t n)
{
	assert_int_equal(doc->nspks, n);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(doc->spks[i].code, codes[i]);
		assert_null(doc->spks[i].name);
	}
}

static void
write_set(const struct fmt_ops *ops, struct tset *t, const char *dir)
{
	char	*cause = NULL;

	tset_init(t, dir);
	if (ops->write(&t->set, &cause) != 0)
		fail_msg("%s: %s", ops->name, cause);
}

/* ---- TextGrid ---- */

static void
test_textgrid_write(void **state)
{
	struct tset	 t;
	char		*dir = unit_tmpdir(), *out, *cmd, *script;
	int		 status;

	(void)state;
	assert_non_null(fmt_find("textgrid"));
	assert_int_equal(fmt_find("textgrid")->corpus, 0);
	write_set(&fmt_textgrid_ops, &t, dir);
	same_as_golden(dir, "market-day.TextGrid",
	    GOLDEN "/textgrid/market-day.TextGrid");
	same_as_golden(dir, "meeting.TextGrid",
	    GOLDEN "/textgrid/meeting.TextGrid");
	/* no temporary file is left */
	if (asprintf(&cmd, "ls -A '%s' | wc -l", dir) < 0)
		abort();
	out = run(cmd, &status);
	assert_string_equal(out, "2\n");
	free(out);
	free(cmd);

	if (have("praat")) {
		/* Praat reads each file: tiers, their intervals, a label. */
		script = put(dir, "check.praat",
		    "form Check\n  sentence file x\nendform\n"
		    "Read from file: file$\n"
		    "n = Get number of tiers\nwriteInfo: n\n"
		    "for i to n\n"
		    "  name$ = Get tier name: i\n"
		    "  m = Get number of intervals: i\n"
		    "  first$ = \"\"\n"
		    "  for j to m\n"
		    "    t$ = Get label of interval: i, j\n"
		    "    if first$ = \"\" and t$ <> \"\"\n"
		    "      first$ = t$\n"
		    "    endif\n"
		    "  endfor\n"
		    "  appendInfo: \" \", name$, \":\", m, \":\", first$\n"
		    "endfor\n"
		    "appendInfoLine: \"\"\n");
		if (asprintf(&cmd, "praat --run '%s' '%s/market-day.TextGrid' "
		    "2>&1", script, dir) < 0)
			abort();
		out = run(cmd, &status);
		assert_int_equal(status, 0);
		assert_string_equal(out, "3 li:5:今天开会吧 "
		    "tom:3:He said \"hi\" & <en>ok</en> -:3:（笑）嗯 ok\n");
		free(out);
		free(cmd);
		if (asprintf(&cmd, "praat --run '%s' '%s/meeting.TextGrid' "
		    "2>&1", script, dir) < 0)
			abort();
		out = run(cmd, &status);
		assert_int_equal(status, 0);
		assert_string_equal(out,
		    "2 tom:4:Ünïcödé ½ — 𝄞 emoji 😀 "
		    "-:3:<&>\n");
		free(out);
		free(cmd);
		free(script);
	}
	unit_rmtree(dir);
	free(dir);
}

/* Praat, given the same TextGrid, writes the same bytes. */
static void
test_textgrid_as_praat(void **state)
{
	struct store_recording	 srec = { 0 };
	struct speaker		 sspk[2] = { { 0 }, { 0 } };
	struct segment		 seg[2] = { { 0 }, { 0 } };
	struct export_recording	 rec = { 0 };
	struct export_speaker	 spks[2] = { { 0 }, { 0 } };
	struct export_item	 items[2] = { { 0 }, { 0 } };
	struct export_set	 set = { 0 };
	char			*dir = unit_tmpdir(), *script, *cmd, *out;
	char			*path, *cause = NULL;
	int			 status;

	(void)state;
	if (!have("praat"))
		goto out;
	srec.rate = 16000;
	srec.frames = 36800;
	rec.rec = &srec;
	rec.id = "x";
	sspk[0].code = (char *)"Mary";
	sspk[1].code = (char *)"John";
	for (int i = 0; i < 2; i++) {
		spks[i].spk = &sspk[i];
		spks[i].id = sspk[i].code;
		items[i].seg = &seg[i];
		items[i].rec = &rec;
		items[i].spk = &spks[i];
	}
	items[0].start = 8000;
	items[0].end = 20000;
	items[0].text = (char *)"a \"q\" b";
	items[1].start = 0;
	items[1].end = 36800;
	items[1].text = (char *)"hello";
	set.dir = dir;
	set.recs = &rec;
	set.nrecs = 1;
	set.spks = spks;
	set.nspks = 2;
	set.items = items;
	set.nitems = 2;
	if (fmt_textgrid_ops.write(&set, &cause) != 0)
		fail_msg("%s", cause);
	if (asprintf(&path, "%s/praat.TextGrid", dir) < 0)
		abort();
	script = put(dir, "make.praat",
	    "form Make\n  sentence file x\nendform\n"
	    "Create TextGrid: 0, 2.3, \"Mary John\", \"\"\n"
	    "Insert boundary: 1, 0.5\n"
	    "Insert boundary: 1, 1.25\n"
	    "Set interval text: 1, 2, \"a \"\"q\"\" b\"\n"
	    "Set interval text: 2, 1, \"hello\"\n"
	    "Save as text file: file$\n");
	if (asprintf(&cmd, "praat --run '%s' '%s' 2>&1", script, path) < 0)
		abort();
	out = run(cmd, &status);
	assert_int_equal(status, 0);
	free(out);
	same_as_golden(dir, "x.TextGrid", path);
	free(cmd);
	free(script);
	free(path);
out:
	unit_rmtree(dir);
	free(dir);
}

/* Times: 17 significant digits, rounded half up, carried over 9s. */
static void
test_textgrid_times(void **state)
{
	struct store_recording	 srec = { 0 };
	struct segment		 seg = { 0 };
	struct export_recording	 rec = { 0 };
	struct export_item	 it = { 0 };
	struct export_set	 set = { 0 };
	char			*dir = unit_tmpdir(), *path, *text;
	char			*cause = NULL;

	(void)state;
	srec.rate = 44100;
	srec.frames = 44100;
	rec.rec = &srec;
	rec.id = "r";
	it.seg = &seg;
	it.rec = &rec;
	it.start = 5;		/* 0.000113378684807256|2358... */
	it.end = 521;		/* 0.0118140589569160997|7... */
	it.text = (char *)"a";
	set.dir = dir;
	set.recs = &rec;
	set.nrecs = 1;
	set.items = &it;
	set.nitems = 1;
	if (fmt_textgrid_ops.write(&set, &cause) != 0)
		fail_msg("%s", cause);
	if (asprintf(&path, "%s/r.TextGrid", dir) < 0)
		abort();
	text = slurp(path);
	assert_string_equal(text, "File type = \"ooTextFile\"\n"
	    "Object class = \"TextGrid\"\n\nxmin = 0 \nxmax = 1 \n"
	    "tiers? <exists> \nsize = 1 \nitem []: \n"
	    "    item [1]:\n"
	    "        class = \"IntervalTier\" \n"
	    "        name = \"-\" \n"
	    "        xmin = 0 \n"
	    "        xmax = 1 \n"
	    "        intervals: size = 3 \n"
	    "        intervals [1]:\n"
	    "            xmin = 0 \n"
	    "            xmax = 0.00011337868480725624 \n"
	    "            text = \"\" \n"
	    "        intervals [2]:\n"
	    "            xmin = 0.00011337868480725624 \n"
	    "            xmax = 0.0118140589569161 \n"
	    "            text = \"a\" \n"
	    "        intervals [3]:\n"
	    "            xmin = 0.0118140589569161 \n"
	    "            xmax = 1 \n"
	    "            text = \"\" \n");
	free(text);
	free(path);
	unit_rmtree(dir);
	free(dir);
}

/* Two segments of one speaker cannot share a tier. */
static void
test_textgrid_overlap(void **state)
{
	struct tset	 t;
	char		*dir = unit_tmpdir(), *cause = NULL;

	(void)state;
	tset_init(&t, dir);
	t.items[3].start = 30000;	/* li: 101 runs to 36000 */
	if (fmt_textgrid_ops.write(&t.set, &cause) == 0)
		fail_msg("overlapping segments written");
	assert_non_null(strstr(cause, "market-day.TextGrid: segments 101 "
	    "(0.500-2.250) and 104 (1.875-7.063)"));
	assert_non_null(strstr(cause, "of speaker li overlap"));
	assert_non_null(strstr(cause, "tingxie check"));
	free(cause);
	cause = NULL;

	/* without a speaker too: 107 runs into 108 */
	tset_init(&t, dir);
	t.items[6].spk = NULL;
	t.items[6].end = 88205;
	if (fmt_textgrid_ops.write(&t.set, &cause) == 0)
		fail_msg("overlapping segments written");
	assert_non_null(strstr(cause, "meeting.TextGrid: segments 107 "
	    "(0.667-2.000) and 108 (2.000-2.000), both without a speaker, "
	    "overlap"));
	free(cause);
	unit_rmtree(dir);
	free(dir);
}

static void
test_textgrid_read(void **state)
{
	static const char *const spk[] = { "li", "tom" };
	struct import_doc	 doc;

	(void)state;
	read_ok(&fmt_textgrid_ops, GOLDEN "/textgrid/market-day.TextGrid",
	    &doc);
	assert_int_equal(doc.nsegs, 4);
	seg_is(&doc.segs[0], "0.5", "2.25", "li", "今天开会吧", 20);
	seg_is(&doc.segs[1], "6", "7.0625", "li", "好的 a:b: 5 < 6", 28);
	seg_is(&doc.segs[2], "1", "3", "tom",
	    "He said \"hi\" & <en>ok</en>", 46);
	seg_is(&doc.segs[3], "4", "5.5", NULL, "（笑）嗯 ok", 64);
	speakers_are(&doc, spk, 2);
	assert_null(doc.media);
	assert_int_equal(doc.machine, 0);
	import_doc_free(&doc);

	/* times come rounded to 9 decimals (the exact frame stays) */
	read_ok(&fmt_textgrid_ops, GOLDEN "/textgrid/meeting.TextGrid", &doc);
	assert_int_equal(doc.nsegs, 3);
	seg_is(&doc.segs[0], "0.333333333", "0.666666667", "tom",
	    "Ünïcödé ½ — 𝄞 emoji 😀", 20);
	seg_is(&doc.segs[1], "0.666666667", "2", "tom", "第二句。", 24);
	seg_is(&doc.segs[2], "2", "2.000226757", NULL, "<&>", 42);
	import_doc_free(&doc);
}

/* Real files: Praat's short form, and a long one with odd tokens. */
static void
test_textgrid_samples(void **state)
{
	static const char *const spk[] = { "! Fake Comment",
	    "Embedded \"String\" here" };
	struct import_doc	 doc;
	const char		*dir = getenv("TX_SAMPLES");
	char			*path;

	(void)state;
	if (dir == NULL)
		dir = SAMPLES;
	if (asprintf(&path, "%s/short.TextGrid", dir) < 0)
		abort();
	if (access(path, R_OK) != 0) {
		fprintf(stderr, "# no samples in %s (set TX_SAMPLES)\n", dir);
		free(path);
		skip();
	}
	read_ok(&fmt_textgrid_ops, path, &doc);
	free(path);
	/* Mary's and John's tiers are one empty interval each */
	assert_int_equal(doc.nsegs, 0);
	assert_int_equal(doc.nspks, 0);
	import_doc_free(&doc);

	if (asprintf(&path, "%s/hard-to-parse.TextGrid", dir) < 0)
		abort();
	read_ok(&fmt_textgrid_ops, path, &doc);
	free(path);
	assert_int_equal(doc.nsegs, 3);
	seg_is(&doc.segs[0], "1", "2", "! Fake Comment", "\"\"", 13);
	seg_is(&doc.segs[1], "2", "2.3", "! Fake Comment", "Not a ! Comment",
	    14);
	seg_is(&doc.segs[2], "-0.1", "2.8", "Embedded \"String\" here",
	    "this string has line breaks in it and a ! fake comment", 19);
	speakers_are(&doc, spk, 2);
	import_doc_free(&doc);
}

/* A command that writes golden file in to out in encoding i, or NULL. */
static char *
encode(size_t i, const char *in, const char *out)
{
	char	*cmd = NULL;
	int	 rc = 0;

	switch (i) {
	case 0:
		/* iconv's UTF-16 is little endian here, with a BOM */
		rc = asprintf(&cmd, "iconv -f UTF-8 -t UTF-16 '%s' > '%s'", in,
		    out);
		break;
	case 1:
		rc = asprintf(&cmd, "{ printf '\\376\\377'; iconv -f UTF-8 "
		    "-t UTF-16BE '%s'; } > '%s'", in, out);
		break;
	case 2:
		rc = asprintf(&cmd, "{ printf '\\357\\273\\277'; cat '%s'; } "
		    "> '%s'", in, out);
		break;
	}
	if (rc < 0)
		abort();
	return cmd;
}

/* UTF-16 (both byte orders, with a BOM), a UTF-8 BOM, and Latin-1. */
static void
test_textgrid_encodings(void **state)
{
	struct import_doc	 doc;
	char			*dir = unit_tmpdir(), *cmd, *path;

	(void)state;
	for (size_t i = 0; (cmd = encode(i, GOLDEN
	    "/textgrid/market-day.TextGrid", "")) != NULL; i++) {
		free(cmd);
		if (asprintf(&path, "%s/%zu.TextGrid", dir, i) < 0)
			abort();
		cmd = encode(i, GOLDEN "/textgrid/market-day.TextGrid", path);
		assert_int_equal(system(cmd), 0);
		read_ok(&fmt_textgrid_ops, path, &doc);
		assert_int_equal(doc.nsegs, 4);
		seg_is(&doc.segs[0], "0.5", "2.25", "li", "今天开会吧",
		    20);
		seg_is(&doc.segs[3], "4", "5.5", NULL, "（笑）嗯 ok",
		    64);
		import_doc_free(&doc);
		free(cmd);
		free(path);
	}
	/* not UTF-8: Latin-1 */
	path = put(dir, "latin1.TextGrid", "\"ooTextFile\"\n\"TextGrid\"\n0 1 "
	    "<exists> 1\n\"IntervalTier\" \"Jos\xe9\" 0 1 1\n0 1 "
	    "\"caf\xe9 cr\xe8me\"\n");
	read_ok(&fmt_textgrid_ops, path, &doc);
	assert_int_equal(doc.nsegs, 1);
	seg_is(&doc.segs[0], "0", "1", "José", "café crème", 5);
	import_doc_free(&doc);
	free(path);
	/* broken UTF-16 */
	path = put(dir, "bad16.TextGrid", "\xfe\xff\xd8\x00\x00\x41");
	assert_int_equal(fmt_textgrid_ops.read(path, &doc, &cmd), -1);
	assert_non_null(strstr(cmd, "bad16.TextGrid: not valid UTF-16BE"));
	free(cmd);
	free(path);
	unit_rmtree(dir);
	free(dir);
}

/* The short form, tokens Praat tolerates, numbers in every spelling. */
static void
test_textgrid_tokens(void **state)
{
	struct import_doc	 doc;
	char			*dir = unit_tmpdir(), *path;

	(void)state;
	path = put(dir, "t.TextGrid",
	    "File type = \"ooTextFile short\"\n"
	    "\"TextGrid\"\n"
	    "0 +2.5e0 <exists> 2 ! two tiers\n"
	    "\"TextTier\" \"bell\" 0 2.5 2 0.5 \"ding\" 1E0 \"dong\"\n"
	    "\"IntervalTier\" \"-\" 0 2.5 4\n"
	    "0 1e-3 \"  \"\n"
	    "1e-3 12.5e-1 \"a\tb\"\n"
	    "1.25 2.000 \"\"\n"
	    "2.0 2.5 \"x ! not a comment\"\n");
	read_ok(&fmt_textgrid_ops, path, &doc);
	assert_int_equal(doc.nsegs, 2);
	seg_is(&doc.segs[0], "0.001", "1.25", NULL, "a b", 7);
	seg_is(&doc.segs[1], "2", "2.5", NULL, "x ! not a comment", 9);
	assert_int_equal(doc.nspks, 0);
	import_doc_free(&doc);
	free(path);

	/* <absent>: no tiers */
	path = put(dir, "a.TextGrid", "\"ooTextFile\" \"TextGrid\" 0 1 "
	    "<absent>\n");
	read_ok(&fmt_textgrid_ops, path, &doc);
	assert_int_equal(doc.nsegs, 0);
	import_doc_free(&doc);
	free(path);
	unit_rmtree(dir);
	free(dir);
}

#define TG_HEAD "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\n" \
	"xmin = 0 \nxmax = 1 \ntiers? <exists> \n"
#define TG_TIER "    item [1]:\n        class = \"IntervalTier\" \n" \
	"        name = \"a\" \n        xmin = 0 \n        xmax = 1 \n"

static void
test_textgrid_malformed(void **state)
{
	const struct fmt_ops	*tg = &fmt_textgrid_ops;
	char			*dir = unit_tmpdir();

	(void)state;
	read_fails(tg, dir, "string.TextGrid", TG_HEAD "size = 1 \n"
	    "item []: \n    item [1]:\n        class = \"IntervalTier\" \n"
	    "        name = \"a \n        xmin = 0 \n        xmax = 1 \n",
	    "string.TextGrid:11:", "no closing quote");
	read_fails(tg, dir, "back.TextGrid", TG_HEAD "size = 1 \nitem []: \n"
	    TG_TIER "        intervals: size = 1 \n"
	    "        intervals [1]:\n            xmin = 0.8 \n"
	    "            xmax = 0.5 \n            text = \"x\" \n",
	    "back.TextGrid:17:", "interval 1 of tier \"a\" ends (xmax 0.5) "
	    "before it starts (xmin 0.8)");
	read_fails(tg, dir, "tier-back.TextGrid", TG_HEAD "size = 1 \n"
	    "item []: \n    item [1]:\n        class = \"IntervalTier\" \n"
	    "        name = \"a\" \n        xmin = 1 \n        xmax = 0 \n",
	    "tier-back.TextGrid:13:", "tier \"a\" ends (xmax 0)");
	read_fails(tg, dir, "grid-back.TextGrid", "\"ooTextFile\"\n"
	    "\"TextGrid\"\n2\n1\n<exists>\n0\n",
	    "grid-back.TextGrid:4:", "the TextGrid ends (xmax 1) before");
	read_fails(tg, dir, "count.TextGrid", TG_HEAD "item []: \n" TG_TIER,
	    "count.TextGrid:9:", "the number of tiers (size) expected, "
	    "not \"IntervalTier\"");
	read_fails(tg, dir, "tiers.TextGrid", TG_HEAD "size = 2 \n"
	    "item []: \n" TG_TIER "        intervals: size = 1 \n"
	    "        intervals [1]:\n            xmin = 0 \n"
	    "            xmax = 1 \n            text = \"x\" \n\n\n",
	    "tiers.TextGrid:18:", "the file ends after 1 of its 2 tiers");
	read_fails(tg, dir, "short.TextGrid", TG_HEAD "size = 1 \n"
	    "item []: \n" TG_TIER "        intervals: size = 2 \n"
	    "        intervals [1]:\n            xmin = 0 \n"
	    "            xmax = 1 \n            text = \"x\" \n",
	    "short.TextGrid:18:", "the file ends where a start time (xmin) "
	    "was expected");
	read_fails(tg, dir, "frac.TextGrid", TG_HEAD "size = 1 \nitem []: \n"
	    TG_TIER "        intervals: size = 1.5 \n",
	    "frac.TextGrid:14:", "the number of intervals expected, not 1.5");
	read_fails(tg, dir, "class.TextGrid", TG_HEAD "size = 1 \nitem []: \n"
	    "    item [1]:\n        class = \"PointTier\" \n",
	    "class.TextGrid:10:", "tier 1: the class \"IntervalTier\" or "
	    "\"TextTier\" expected, not \"PointTier\"");
	read_fails(tg, dir, "flag.TextGrid", "\"ooTextFile\" \"TextGrid\" 0 1 "
	    "1\n", "flag.TextGrid:1:", "<exists> (the tiers flag) expected, "
	    "not 1");
	read_fails(tg, dir, "pitch.TextGrid", "File type = \"ooTextFile\"\n"
	    "Object class = \"Pitch 1\"\n", "pitch.TextGrid:2:",
	    "a Praat Pitch 1, not a TextGrid");
	read_fails(tg, dir, "type.TextGrid", "File type = \"Text\"\n",
	    "type.TextGrid:1:", "not a Praat text file");
	read_fails(tg, dir, "empty.TextGrid", "\n\n", "empty.TextGrid:1:",
	    "the file ends where the file type");
	read_fails(tg, dir, "binary.TextGrid", "ooBinaryFile\bTextGrid",
	    "binary.TextGrid:", "a binary Praat file");
	read_fails(tg, dir, "exp.TextGrid", "\"ooTextFile\" \"TextGrid\" 0 "
	    "1e999 <exists> 0\n", "exp.TextGrid:1:", "the number 1e999 is out "
	    "of range");
	unit_rmtree(dir);
	free(dir);
}

/* ---- SRT and WebVTT ---- */

/* Checks a written subtitle file with ffmpeg: it parses, all cues. */
static void
ffmpeg_cues(const char *dir, const char *name, const char *fmt, int cues)
{
	char	*cmd, *out, *p;
	int	 status, n = 0;

	if (asprintf(&cmd, "ffmpeg -nostdin -v error -i '%s/%s' -f %s -",
	    dir, name, fmt) < 0)
		abort();
	out = run(cmd, &status);
	if (status != 0)
		fail_msg("%s failed", cmd);
	for (p = out; (p = strstr(p, "-->")) != NULL; p += 3)
		n++;
	if (n != cues)
		fail_msg("%s: %d cues, not %d:\n%s", cmd, n, cues, out);
	free(out);
	free(cmd);
}

/*
 * Writes the test set as subtitles of kind (srt, vtt): the golden files,
 * with as many cues as ffmpeg (its demuxer demux) reads, where it is.
 */
static void
subtitle_write(const struct fmt_ops *ops, const char *kind,
    const char *demux)
{
	static const struct { const char *name; int cues; } files[] = {
		{ "market-day", 4 }, { "meeting", 3 }
	};
	struct tset	 t;
	char		*dir = unit_tmpdir(), name[64], golden[256];

	write_set(ops, &t, dir);
	for (size_t i = 0; i < 2; i++) {
		snprintf(name, sizeof name, "%s.%s", files[i].name, kind);
		snprintf(golden, sizeof golden, GOLDEN "/%s/%s", kind, name);
		same_as_golden(dir, name, golden);
		if (have("ffmpeg"))
			ffmpeg_cues(dir, name, demux, files[i].cues);
	}
	unit_rmtree(dir);
	free(dir);
}

static void
test_srt_write(void **state)
{
	(void)state;
	subtitle_write(&fmt_srt_ops, "srt", "srt");
}

static void
test_vtt_write(void **state)
{
	(void)state;
	subtitle_write(&fmt_vtt_ops, "vtt", "webvtt");
}

/* Cues sort by start, end, then speaker; a cue lasts at least 1 ms. */
static void
test_subtitle_order(void **state)
{
	struct tset	 t;
	char		*dir = unit_tmpdir(), *cause = NULL, *text, *path;

	(void)state;
	tset_init(&t, dir);
	t.set.nrecs = 1;
	t.set.nitems = 3;
	t.items[0].start = t.items[1].start = t.items[2].start = 1000;
	t.items[0].end = t.items[1].end = 1003;	/* 62.5 and 62.6875 ms */
	t.items[2].end = 1001;
	if (fmt_srt_ops.write(&t.set, &cause) != 0)
		fail_msg("%s", cause);
	if (asprintf(&path, "%s/market-day.srt", dir) < 0)
		abort();
	text = slurp(path);
	free(path);
	assert_string_equal(text,
	    "1\n00:00:00,063 --> 00:00:00,064\n（笑）嗯 ok\n\n"
	    "2\n00:00:00,063 --> 00:00:00,064\nli: 今天开会吧\n\n"
	    "3\n00:00:00,063 --> 00:00:00,064\n"
	    "tom: He said \"hi\" & <en>ok</en>\n");
	free(text);
	unit_rmtree(dir);
	free(dir);
}

static void
test_srt_read(void **state)
{
	static const char *const spk[] = { "li", "tom" };
	static const char *const spk2[] = { "MARY", "李雷" };
	struct import_doc	 doc;

	(void)state;
	read_ok(&fmt_srt_ops, GOLDEN "/srt/market-day.srt", &doc);
	assert_int_equal(doc.nsegs, 4);
	seg_is(&doc.segs[0], "0.500", "2.250", "li", "今天开会吧", 2);
	seg_is(&doc.segs[1], "1.000", "3.000", "tom",
	    "He said \"hi\" & <en>ok</en>", 6);
	seg_is(&doc.segs[2], "4.000", "5.500", NULL, "（笑）嗯 ok", 10);
	seg_is(&doc.segs[3], "6.000", "7.063", "li", "好的 a:b: 5 < 6", 14);
	speakers_are(&doc, spk, 2);
	import_doc_free(&doc);

	read_ok(&fmt_srt_ops, GOLDEN "/srt/tolerant.srt", &doc);
	assert_int_equal(doc.nsegs, 5);
	seg_is(&doc.segs[0], "1.500", "4.000", NULL,
	    "Hello world, second line", 2);
	seg_is(&doc.segs[1], "5.000", "6.000", "MARY", "Hi there", 7);
	seg_is(&doc.segs[2], "62.003", "3600.500", NULL,
	    "A very long speaker name here: not a speaker", 10);
	seg_is(&doc.segs[3], "63.000", "64.000", NULL,
	    "ThisNameIsWayTooLongToBeASpeakerCode: kept as text", 14);
	seg_is(&doc.segs[4], "65.000", "66.000", "李雷", "你好 & <3", 18);
	speakers_are(&doc, spk2, 2);
	import_doc_free(&doc);
}

static void
test_srt_read_legacy(void **state)
{
	struct import_doc	 doc;
	char			*dir = unit_tmpdir(), *path;

	(void)state;
	/* Windows-1252 quotes and an empty cue */
	path = put(dir, "a.srt", "1\n00:00:01,000 --> 00:00:02,000\n"
	    "\x93Hi\x94 \x80 5\n\n2\n00:00:03,000 --> 00:00:04,000\n\n"
	    "3\n00:00:05,000 --> 00:00:06,000\nA: \n");
	read_ok(&fmt_srt_ops, path, &doc);
	assert_int_equal(doc.nsegs, 1);
	seg_is(&doc.segs[0], "1.000", "2.000", NULL, "“Hi” € 5", 2);
	assert_int_equal(doc.nspks, 0);
	import_doc_free(&doc);
	free(path);
	/* a speaker's code may hold a colon; "NAME:" alone has no text */
	path = put(dir, "b.srt", "1\n00:00:01,000 --> 00:00:02,000\n"
	    "a:b: x\n\n2\n00:00:03,000 --> 00:00:04,000\nB:\n\n"
	    "3\n00:00:05,000 --> 00:00:06,000\nsaid: \"x: y\"\n");
	read_ok(&fmt_srt_ops, path, &doc);
	assert_int_equal(doc.nsegs, 2);
	seg_is(&doc.segs[0], "1.000", "2.000", "a:b", "x", 2);
	seg_is(&doc.segs[1], "5.000", "6.000", "said", "\"x: y\"", 10);
	import_doc_free(&doc);
	free(path);
	/* an empty file has no cues */
	path = put(dir, "e.srt", "");
	read_ok(&fmt_srt_ops, path, &doc);
	assert_int_equal(doc.nsegs, 0);
	import_doc_free(&doc);
	free(path);
	unit_rmtree(dir);
	free(dir);
}

static void
test_srt_malformed(void **state)
{
	const struct fmt_ops	*srt = &fmt_srt_ops;
	char			*dir = unit_tmpdir();

	(void)state;
	read_fails(srt, dir, "range.srt", "1\n00:00:61,000 --> 00:01:02,000\n"
	    "x\n", "range.srt:2:", "bad cue times \"00:00:61,000 --> "
	    "00:01:02,000\": write HH:MM:SS,mmm --> HH:MM:SS,mmm");
	read_fails(srt, dir, "digits.srt", "1\n00:00:01,0000 --> "
	    "00:00:02,000\nx\n", "digits.srt:2:", "bad cue times");
	read_fails(srt, dir, "trail.srt", "1\n00:00:01,000 --> "
	    "00:00:02,000x\nx\n", "trail.srt:2:", "bad cue times");
	read_fails(srt, dir, "back.srt", "1\n00:00:01,000 --> 00:00:02,000\n"
	    "a\n\n2\n00:00:05,000 --> 00:00:04,000\nb\n", "back.srt:6:",
	    "the cue ends (4.000 s) before it starts (5.000 s)");
	read_fails(srt, dir, "zero.srt", "1\n00:00:05,000 --> 00:00:05,000\n"
	    "b\n", "zero.srt:2:", "the cue ends (5.000 s) where it starts");
	read_fails(srt, dir, "arrow.srt", "1\n00:00:01,000 -> 00:00:02,000\n"
	    "x\n", "arrow.srt:2:", "a cue number must be followed by a line "
	    "of times");
	read_fails(srt, dir, "alone.srt", "1\n00:00:01,000 --> 00:00:02,000\n"
	    "x\n\n2\n\n", "alone.srt:5:", "a cue number must be followed");
	unit_rmtree(dir);
	free(dir);
}

static void
test_vtt_read(void **state)
{
	static const char *const spk[] = { "li", "tom" };
	static const char *const spk2[] = { "Roger Bingham", "Neil", "A&B" };
	struct import_doc	 doc;

	(void)state;
	read_ok(&fmt_vtt_ops, GOLDEN "/vtt/meeting.vtt", &doc);
	assert_int_equal(doc.nsegs, 3);
	seg_is(&doc.segs[0], "0.333", "0.667", "tom",
	    "Ünïcödé ½ — 𝄞 emoji 😀", 3);
	seg_is(&doc.segs[1], "0.667", "2.000", "tom", "第二句。", 6);
	seg_is(&doc.segs[2], "2.000", "2.001", NULL, "<&>", 9);
	speakers_are(&doc, spk + 1, 1);
	import_doc_free(&doc);

	read_ok(&fmt_vtt_ops, GOLDEN "/vtt/market-day.vtt", &doc);
	assert_int_equal(doc.nsegs, 4);
	seg_is(&doc.segs[1], "1.000", "3.000", "tom",
	    "He said \"hi\" & <en>ok</en>", 6);
	seg_is(&doc.segs[3], "6.000", "7.063", "li", "好的 a:b: 5 < 6", 12);
	speakers_are(&doc, spk, 2);
	import_doc_free(&doc);

	read_ok(&fmt_vtt_ops, GOLDEN "/vtt/tolerant.vtt", &doc);
	assert_int_equal(doc.nsegs, 4);
	seg_is(&doc.segs[0], "74.815", "78.114", "Roger Bingham",
	    "We are in New York City", 15);
	seg_is(&doc.segs[1], "78.200", "80.000", "Neil", "—colour & <3", 18);
	seg_is(&doc.segs[2], "80.500", "81.000", NULL,
	    "Plain text bold later\xc2\xa0on 中文 second line", 22);
	seg_is(&doc.segs[3], "84.000", "85.000", "A&B", "x &unknown; &#0; y",
	    31);
	speakers_are(&doc, spk2, 3);
	import_doc_free(&doc);
}

static void
test_vtt_malformed(void **state)
{
	const struct fmt_ops	*vtt = &fmt_vtt_ops;
	char			*dir = unit_tmpdir();

	(void)state;
	read_fails(vtt, dir, "head.vtt", "00:00.000 --> 00:01.000\nx\n",
	    "head.vtt:1:", "not a WebVTT file: its first line must be WEBVTT");
	read_fails(vtt, dir, "headx.vtt", "WEBVTTX\n", "headx.vtt:1:",
	    "not a WebVTT file");
	read_fails(vtt, dir, "empty.vtt", "", "empty.vtt:1:",
	    "not a WebVTT file");
	read_fails(vtt, dir, "comma.vtt", "WEBVTT\n\n00:00:01,000 --> "
	    "00:00:02,000\nx\n", "comma.vtt:3:", "bad cue times "
	    "\"00:00:01,000 --> 00:00:02,000\": write HH:MM:SS.mmm --> "
	    "HH:MM:SS.mmm");
	read_fails(vtt, dir, "short.vtt", "WEBVTT\n\n1\n00:01.5 --> "
	    "00:02.000\nx\n", "short.vtt:4:", "bad cue times");
	read_fails(vtt, dir, "minute.vtt", "WEBVTT\n\n0:01.500 --> "
	    "00:02.000\nx\n", "minute.vtt:3:", "bad cue times");
	read_fails(vtt, dir, "back.vtt", "WEBVTT\n\n00:03.000 --> "
	    "00:02.000\nx\n", "back.vtt:3:", "the cue ends (2.000 s) before "
	    "it starts (3.000 s)");
	read_fails(vtt, dir, "times.vtt", "WEBVTT\n\nident\nnot times\n",
	    "times.vtt:4:", "a line of times \"HH:MM:SS.mmm --> "
	    "HH:MM:SS.mmm\" expected");
	read_fails(vtt, dir, "utf8.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n"
	    "caf\xe9\n", "utf8.vtt:4:", "not valid UTF-8 (byte 0xe9)");
	unit_rmtree(dir);
	free(dir);
}

/* A NUL byte: not a text file (put() cannot write one). */
static void
test_nul(void **state)
{
	struct import_doc	 doc = { 0 };
	char			*dir = unit_tmpdir(), *path, *cause = NULL;
	FILE			*f;

	(void)state;
	if (asprintf(&path, "%s/nul.srt", dir) < 0 ||
	    (f = fopen(path, "wb")) == NULL)
		abort();
	fwrite("1\n00:00:01,000 --> 00:00:02,000\na\0b\n", 1, 36, f);
	fclose(f);
	assert_int_equal(fmt_srt_ops.read(path, &doc, &cause), -1);
	assert_non_null(strstr(cause, "nul.srt:3: a NUL byte"));
	free(cause);
	free(path);
	path = strdup("/nonexistent/x.vtt");
	assert_int_equal(fmt_vtt_ops.read(path, &doc, &cause), -1);
	assert_non_null(strstr(cause, "/nonexistent/x.vtt: cannot open"));
	free(cause);
	free(path);
	unit_rmtree(dir);
	free(dir);
}

/* ---- round trips: write, read back, the same segments ---- */

struct rt {
	int64_t		 start;		/* frames or ms */
	int64_t		 end;
	const char	*speaker;
	const char	*text;
};

static int
rt_cmp(const void *a, const void *b)
{
	const struct rt	*x = a, *y = b;
	int		 c;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	if ((c = strcmp(x->speaker ? x->speaker : "", y->speaker ?
	    y->speaker : "")) != 0)
		return c;
	return strcmp(x->text, y->text);
}

/* Seconds "S.mmm" (as read from SRT and VTT) to ms. */
static int64_t
rt_ms(const char *s)
{
	long long	sec, ms;

	if (sscanf(s, "%lld.%3lld", &sec, &ms) != 2)
		fail_msg("bad time %s", s);
	return sec * 1000 + ms;
}

static void
round_trip(const struct fmt_ops *ops, const char *ext, int ms)
{
	struct import_doc	 doc;
	struct tset		 t;
	struct rt		 want[8], got[8];
	char			*dir = unit_tmpdir(), *path, *cause = NULL;
	size_t			 n;
	int			 rate;

	write_set(ops, &t, dir);
	for (int r = 0; r < 2; r++) {
		rate = t.srec[r].rate;
		n = 0;
		for (int i = 0; i < 8; i++) {
			const struct export_item *it = &t.items[i];

			if (titems[i].rec != r || *it->text == '\0')
				continue;
			want[n].start = ms ? fmt_ms(it->start, rate) :
			    it->start;
			want[n].end = ms ? fmt_ms(it->end, rate) : it->end;
			if (ms && want[n].end <= want[n].start)
				want[n].end = want[n].start + 1;
			want[n].speaker = it->spk ? it->spk->spk->code : NULL;
			want[n].text = it->text;
			n++;
		}
		if (asprintf(&path, "%s/%s.%s", dir, t.recs[r].id, ext) < 0)
			abort();
		read_ok(ops, path, &doc);
		assert_int_equal(doc.nsegs, n);
		for (size_t i = 0; i < n; i++) {
			const struct import_segment *g = &doc.segs[i];

			if (ms) {
				got[i].start = rt_ms(g->start);
				got[i].end = rt_ms(g->end);
			} else if (timecode_parse(g->start, rate,
			    &got[i].start, &cause) != 0 ||
			    timecode_parse(g->end, rate, &got[i].end,
			    &cause) != 0)
				fail_msg("%s", cause);
			got[i].speaker = g->speaker;
			got[i].text = g->text;
		}
		qsort(want, n, sizeof *want, rt_cmp);
		qsort(got, n, sizeof *got, rt_cmp);
		for (size_t i = 0; i < n; i++) {
			if (rt_cmp(&want[i], &got[i]) != 0)
				fail_msg("%s: segment %zu: %lld-%lld %s \"%s\" "
				    "read as %lld-%lld %s \"%s\"", path, i,
				    (long long)want[i].start,
				    (long long)want[i].end, want[i].speaker,
				    want[i].text, (long long)got[i].start,
				    (long long)got[i].end, got[i].speaker,
				    got[i].text);
		}
		import_doc_free(&doc);
		free(path);
	}
	unit_rmtree(dir);
	free(dir);
}

static void
test_round_trip(void **state)
{
	(void)state;
	round_trip(&fmt_textgrid_ops, "TextGrid", 0);	/* exact frames */
	round_trip(&fmt_srt_ops, "srt", 1);
	round_trip(&fmt_vtt_ops, "vtt", 1);
}

/* ---- STM and RTTM ---- */

static void
test_stm_write(void **state)
{
	struct tset	 t;
	char		*dir = unit_tmpdir(), *cmd, *out;
	int		 status;

	(void)state;
	assert_null(fmt_stm_ops.read);
	write_set(&fmt_stm_ops, &t, dir);
	same_as_golden(dir, "corpus.stm", GOLDEN "/stm/corpus.stm");
	/* sorted as sclite wants: sort +0 -1 +1 -2 +3nb -4 */
	if (asprintf(&cmd, "cd '%s' && grep -v '^;;' corpus.stm > a && "
	    "LC_ALL=C sort -s -k1,1 -k2,2 -k4,4n a | cmp - a", dir) < 0)
		abort();
	out = run(cmd, &status);
	assert_int_equal(status, 0);
	free(out);
	free(cmd);
	unit_rmtree(dir);
	free(dir);
}

static void
test_rttm_write(void **state)
{
	struct tset	 t;
	char		*dir = unit_tmpdir(), *cmd, *out;
	int		 status;

	(void)state;
	assert_null(fmt_rttm_ops.read);
	write_set(&fmt_rttm_ops, &t, dir);
	same_as_golden(dir, "corpus.rttm", GOLDEN "/rttm/corpus.rttm");
	/* every line has dscore's 10 fields and a positive duration */
	if (asprintf(&cmd, "awk 'NF != 10 || $5 <= 0 || $1 != \"SPEAKER\"' "
	    "'%s/corpus.rttm'", dir) < 0)
		abort();
	out = run(cmd, &status);
	assert_int_equal(status, 0);
	assert_string_equal(out, "");
	free(out);
	free(cmd);
	unit_rmtree(dir);
	free(dir);
}

/* An empty set: files that say so, not missing ones. */
static void
test_empty(void **state)
{
	struct tset	 t;
	char		*dir = unit_tmpdir(), *cause = NULL, *path, *text;

	(void)state;
	tset_init(&t, dir);
	t.set.nitems = 0;
	t.set.nrecs = 1;
	assert_int_equal(fmt_rttm_ops.write(&t.set, &cause), 0);
	assert_int_equal(fmt_vtt_ops.write(&t.set, &cause), 0);
	assert_int_equal(fmt_textgrid_ops.write(&t.set, &cause), 0);
	if (asprintf(&path, "%s/market-day.vtt", dir) < 0)
		abort();
	text = slurp(path);
	assert_string_equal(text, "WEBVTT\n");
	free(text);
	free(path);
	if (asprintf(&path, "%s/market-day.TextGrid", dir) < 0)
		abort();
	text = slurp(path);
	assert_string_equal(text, "File type = \"ooTextFile\"\n"
	    "Object class = \"TextGrid\"\n\nxmin = 0 \nxmax = 10 \n"
	    "tiers? <exists> \nsize = 0 \nitem []: \n");
	free(text);
	free(path);
	unit_rmtree(dir);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_textgrid_write),
		cmocka_unit_test(test_textgrid_as_praat),
		cmocka_unit_test(test_textgrid_times),
		cmocka_unit_test(test_textgrid_overlap),
		cmocka_unit_test(test_textgrid_read),
		cmocka_unit_test(test_textgrid_samples),
		cmocka_unit_test(test_textgrid_encodings),
		cmocka_unit_test(test_textgrid_tokens),
		cmocka_unit_test(test_textgrid_malformed),
		cmocka_unit_test(test_srt_write),
		cmocka_unit_test(test_vtt_write),
		cmocka_unit_test(test_subtitle_order),
		cmocka_unit_test(test_srt_read),
		cmocka_unit_test(test_srt_read_legacy),
		cmocka_unit_test(test_srt_malformed),
		cmocka_unit_test(test_vtt_read),
		cmocka_unit_test(test_vtt_malformed),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_stm_write),
		cmocka_unit_test(test_rttm_write),
		cmocka_unit_test(test_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
