/*
 * corpus.h: an export set built by hand for the tests of the corpus
 * formats, and golden-file comparison. Include after unit.h and fmt.h.
 *
 * Two recordings: "market", a real mono 16-bit WAV at 16 kHz (30 s), and
 * "meeting", a real stereo FLAC at 44.1 kHz named "Zoë's meeting.flac"
 * (573301 frames). Three speakers: A01 (张伟, m), B02 (Mary O'Neil, f),
 * C03 ("Li & <Lee>", no gender). Five items (mask bit i selects item i):
 *
 *	0 market  A01  1.000-2.501 (frame 40008 is 2500.5 ms) cmn-Hans
 *	1 market  --   3.200-4.000 no language, no speaker
 *	2 market  C03  5.000-7.250 en, dialect scouse, hostile text
 *	3 meeting B02  0.500-1.250 channel 1, en
 *	4 meeting A01 10.000-12.346 channel 1, cmn-Hans, dialect sichuan
 *
 * Golden files hold @ROOT@ where the test's directory goes; the set's
 * directory is @ROOT@/out, and cut files are "audio/<id>.wav" in it.
 */
#ifndef TX_CORPUS_H
#define TX_CORPUS_H

#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>

#define CORPUS_NITEMS	5
#define CORPUS_ALL	0x1f
#define CORPUS_GOLDEN	TESTS_SRCDIR "/golden"

struct corpus_fx {
	char			*root;
	char			*out;
	struct export_options	 opt;
	struct store_recording	 srec[2];
	struct export_recording	 recs[2];
	struct speaker		 sp[3];
	struct export_speaker	 spks[3];
	struct segment		 segs[CORPUS_NITEMS];
	struct export_item	 items[CORPUS_NITEMS];
	struct export_set	 set;
};

static const struct corpus_item_def {
	int		 rec;
	int		 spk;		/* -1: none */
	int		 channel;
	int64_t		 start, end;
	const char	*id;
	const char	*text;
	const char	*lang;
	const char	*dialect;
} corpus_items[CORPUS_NITEMS] = {
	{ 0, 0, -1, 16000, 40008, "A01-market-000001000-000002501",
	    "今天 天气 很好", "cmn-Hans", NULL },
	{ 0, -1, -1, 51200, 64000, "market-000003200-000004000",
	    "好 的 很好", NULL, NULL },
	{ 0, 2, -1, 80000, 116000, "C03-market-000005000-000007250",
	    "it's \"quoted\", <b> & café👍", "en", "scouse" },
	{ 1, 1, 1, 22050, 55125, "B02-meeting-000000500-000001250",
	    "Hello world Hello", "en", NULL },
	{ 1, 0, 1, 441000, 544466, "A01-meeting-000010000-000012346",
	    "我们 开会 吧", "cmn-Hans", "sichuan" }
};

static inline char *
corpus_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static inline char *
corpus_printf(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		abort();
	va_end(ap);
	return s;
}

/* Writes the two recordings' audio under root/audio. */
static inline void
corpus_audio(struct corpus_fx *fx)
{
	char	*dir = corpus_printf("%s/audio", fx->root);

	mkdir(dir, 0777);
	free(dir);
	unit_write_tone(fx->recs[0].path, SF_FORMAT_WAV, 16000, 1, 480000,
	    440);
	unit_write_tone(fx->recs[1].path, SF_FORMAT_FLAC, 44100, 2, 573301,
	    220);
}

static inline void
corpus_recordings(struct corpus_fx *fx)
{
	static const struct {
		const char	*id, *file, *format;
		int		 rate, channels;
		int64_t		 frames;
	} r[2] = {
		{ "market", "market.wav", "WAV", 16000, 1, 480000 },
		{ "meeting", "Zoë's meeting.flac", "FLAC", 44100, 2, 573301 }
	};

	for (int i = 0; i < 2; i++) {
		fx->srec[i].id = i + 1;
		fx->srec[i].name = strdup(r[i].id);
		fx->srec[i].path = corpus_printf("audio/%s", r[i].file);
		fx->srec[i].format = strdup(r[i].format);
		fx->srec[i].rate = r[i].rate;
		fx->srec[i].channels = r[i].channels;
		fx->srec[i].frames = r[i].frames;
		fx->recs[i].rec = &fx->srec[i];
		fx->recs[i].id = r[i].id;
		fx->recs[i].path = corpus_printf("%s/audio/%s", fx->root,
		    r[i].file);
	}
	fx->recs[0].lang = strdup("cmn-Hans");
}

static inline void
corpus_speakers(struct corpus_fx *fx)
{
	static const char *const s[3][3] = {
		{ "A01", "张伟", "m" },
		{ "B02", "Mary O'Neil", "f" },
		{ "C03", "Li & <Lee>", NULL }
	};

	for (int i = 0; i < 3; i++) {
		fx->sp[i].id = i + 1;
		fx->sp[i].code = strdup(s[i][0]);
		fx->sp[i].name = strdup(s[i][1]);
		fx->sp[i].gender = s[i][2] != NULL ? strdup(s[i][2]) : NULL;
		fx->spks[i].spk = &fx->sp[i];
		fx->spks[i].id = s[i][0];
	}
}

static inline void
corpus_item(struct corpus_fx *fx, int i)
{
	const struct corpus_item_def	*d = &corpus_items[i];
	struct segment			*g = &fx->segs[i];
	struct export_item		*it = &fx->items[fx->set.nitems++];

	g->id = i + 1;
	g->recording_id = d->rec + 1;
	g->channel = d->channel;
	g->start = d->start;
	g->end = d->end;
	g->speaker_id = d->spk < 0 ? 0 : d->spk + 1;
	g->stage = STAGE_ACCEPTED;
	g->text = strdup(d->text);
	g->lang = d->lang != NULL ? strdup(d->lang) : NULL;
	g->dialect = d->dialect != NULL ? strdup(d->dialect) : NULL;
	it->seg = g;
	it->rec = &fx->recs[d->rec];
	it->spk = d->spk < 0 ? NULL : &fx->spks[d->spk];
	it->id = strdup(d->id);
	it->text = strdup(d->text);
	it->lang = d->lang;
	it->dialect = d->dialect;
	it->start = d->start;
	it->end = d->end;
	if (fx->opt.audio == EXPORT_AUDIO_CUT)
		it->audio = corpus_printf("audio/%s.wav", d->id);
}

/*
 * A set of the items in mask, audio pointing at the recordings or cut;
 * with files set, the recordings' audio is written too.
 */
static inline struct corpus_fx *
corpus_fx_new(enum export_audio audio, unsigned mask, int files)
{
	struct corpus_fx	*fx = calloc(1, sizeof *fx);

	fx->root = unit_tmpdir();
	fx->out = corpus_printf("%s/out", fx->root);
	mkdir(fx->out, 0777);
	fx->opt.audio = audio;
	fx->opt.text = EXPORT_TEXT_ASR;
	corpus_recordings(fx);
	corpus_speakers(fx);
	if (files)
		corpus_audio(fx);
	fx->set.opt = &fx->opt;
	fx->set.dir = fx->out;
	fx->set.recs = fx->recs;
	fx->set.nrecs = 2;
	fx->set.spks = fx->spks;
	fx->set.nspks = 3;
	fx->set.items = fx->items;
	for (int i = 0; i < CORPUS_NITEMS; i++) {
		if (mask & (1u << i))
			corpus_item(fx, i);
	}
	return fx;
}

static inline void
corpus_fx_free(struct corpus_fx *fx)
{
	unit_rmtree(fx->root);
	for (int i = 0; i < 2; i++) {
		free(fx->srec[i].name);
		free(fx->srec[i].path);
		free(fx->srec[i].format);
		free(fx->recs[i].path);
		free(fx->recs[i].lang);
	}
	for (int i = 0; i < 3; i++)
		speaker_clear(&fx->sp[i]);
	for (size_t i = 0; i < fx->set.nitems; i++) {
		free(fx->items[i].id);
		free(fx->items[i].text);
		free(fx->items[i].audio);
	}
	for (int i = 0; i < CORPUS_NITEMS; i++) {
		free(fx->segs[i].text);
		free(fx->segs[i].lang);
		free(fx->segs[i].dialect);
	}
	free(fx->root);
	free(fx->out);
	free(fx);
}

/* ---- files ---- */

static inline char *
corpus_slurp(const char *path)
{
	FILE	*f;
	char	*buf;
	long	 len;

	if ((f = fopen(path, "rb")) == NULL)
		fail_msg("%s: cannot open", path);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = calloc(1, (size_t)len + 1);
	if (len > 0 && fread(buf, 1, (size_t)len, f) != (size_t)len)
		fail_msg("%s: short read", path);
	fclose(f);
	return buf;
}

static inline void
corpus_spit(const char *path, const char *s)
{
	FILE	*f;

	if ((f = fopen(path, "wb")) == NULL)
		fail_msg("%s: cannot write", path);
	fputs(s, f);
	fclose(f);
}

/* s with every @ROOT@ replaced by root (caller frees). */
static inline char *
corpus_subst(const char *s, const char *root)
{
	size_t		 n = strlen(s) + 1;
	const char	*p;
	char		*out, *q;

	for (p = s; (p = strstr(p, "@ROOT@")) != NULL; p += 6)
		n += strlen(root);
	q = out = calloc(1, n);
	for (p = s; *p != '\0';) {
		if (strncmp(p, "@ROOT@", 6) == 0) {
			q = stpcpy(q, root);
			p += 6;
		} else
			*q++ = *p++;
	}
	return out;
}

/* The golden file NAME (a path under tests/golden), substituted. */
static inline char *
corpus_golden(const struct corpus_fx *fx, const char *name)
{
	char	*path = corpus_printf("%s/%s", CORPUS_GOLDEN, name);
	char	*raw = corpus_slurp(path), *s = corpus_subst(raw, fx->root);

	free(path);
	free(raw);
	return s;
}

/* The sorted names in a directory, as one string "a b c". */
static inline char *
corpus_listing(const char *dir)
{
	struct dirent	**ents;
	int		  n = scandir(dir, &ents, NULL, alphasort);
	char		 *s = strdup(""), *t;

	if (n < 0)
		fail_msg("%s: cannot list", dir);
	for (int i = 0; i < n; i++) {
		if (strcmp(ents[i]->d_name, ".") != 0 &&
		    strcmp(ents[i]->d_name, "..") != 0) {
			t = corpus_printf("%s%s%s", s, *s != '\0' ? " " : "",
			    ents[i]->d_name);
			free(s);
			s = t;
		}
		free(ents[i]);
	}
	free(ents);
	return s;
}

static inline int
corpus_strcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Space-separated names sorted in byte order (caller frees). */
static inline char *
corpus_sort_names(const char *names)
{
	char	*copy = strdup(names), *words[64], *save = NULL, *w, *out;
	size_t	 n = 0, len = 1;

	for (w = strtok_r(copy, " ", &save); w != NULL && n < 64;
	    w = strtok_r(NULL, " ", &save))
		words[n++] = w;
	qsort(words, n, sizeof *words, corpus_strcmp);
	for (size_t i = 0; i < n; i++)
		len += strlen(words[i]) + 1;
	out = calloc(1, len);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			strcat(out, " ");
		strcat(out, words[i]);
	}
	free(copy);
	return out;
}

/* A file of the set's directory is golden file gname, substituted. */
static inline void
corpus_compare_file(const struct corpus_fx *fx, const char *gname,
    const char *name)
{
	char	*g = corpus_golden(fx, gname);
	char	*path = corpus_printf("%s/%s", fx->out, name);
	char	*o = corpus_slurp(path);

	if (strcmp(g, o) != 0)
		fail_msg("%s differs from golden %s:\n--- have\n%s--- want\n%s",
		    path, gname, o, g);
	free(g);
	free(o);
	free(path);
}

/*
 * The set's directory holds exactly the files of the golden directory
 * golden (under tests/golden), byte for byte once @ROOT@ is replaced,
 * and the files named in extra ("a b", or ""), which the caller checks.
 */
static inline void
corpus_compare(const struct corpus_fx *fx, const char *golden,
    const char *extra)
{
	char	*gdir = corpus_printf("%s/%s", CORPUS_GOLDEN, golden);
	char	*want = corpus_listing(gdir), *have = corpus_listing(fx->out);
	char	*all = corpus_printf("%s %s", want, extra), *sorted;
	char	*name, *save = NULL, *gname;

	sorted = corpus_sort_names(all);
	assert_string_equal(have, sorted);
	for (name = strtok_r(want, " ", &save); name != NULL;
	    name = strtok_r(NULL, " ", &save)) {
		gname = corpus_printf("%s/%s", golden, name);
		corpus_compare_file(fx, gname, name);
		free(gname);
	}
	free(gdir);
	free(want);
	free(have);
	free(all);
	free(sorted);
}

/* Copies golden directory golden to dir (created), substituted. */
static inline void
corpus_copy(const struct corpus_fx *fx, const char *golden, const char *dir)
{
	char	*gdir = corpus_printf("%s/%s", CORPUS_GOLDEN, golden);
	char	*names = corpus_listing(gdir), *name, *save = NULL, *s, *g;

	mkdir(dir, 0777);
	for (name = strtok_r(names, " ", &save); name != NULL;
	    name = strtok_r(NULL, " ", &save)) {
		g = corpus_printf("%s/%s", golden, name);
		s = corpus_golden(fx, g);
		free(g);
		g = corpus_printf("%s/%s", dir, name);
		corpus_spit(g, s);
		free(g);
		free(s);
	}
	free(names);
	free(gdir);
}

/* ---- outside tools ---- */

/* Whether a program is on $PATH. */
static inline int
corpus_have(const char *tool)
{
	char	*cmd = corpus_printf("command -v %s >/dev/null 2>&1", tool);
	int	 ok = system(cmd) == 0;

	if (!ok)
		print_message("%s is not installed: its check is skipped\n",
		    tool);
	free(cmd);
	return ok;
}

/* Runs a shell command; returns its exit status. */
static inline int
corpus_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static inline int
corpus_sh(const char *fmt, ...)
{
	va_list	 ap;
	char	*cmd;
	int	 st;

	va_start(ap, fmt);
	if (vasprintf(&cmd, fmt, ap) < 0)
		abort();
	va_end(ap);
	st = system(cmd);
	free(cmd);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

#endif
