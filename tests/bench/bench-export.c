/*
 * bench-export: cutting a corpus's pieces out of its recordings, behind
 * 'make bench'.
 *
 *   bench-export
 *       Writes ten recordings of speech-like 16 kHz mono WAV (about 67
 *       minutes each) and one of 44.1 kHz stereo FLAC into a temporary
 *       directory, and lays 6,000 and 300 non-overlapping pieces of 2 to 10
 *       seconds over them. Measures cutting every piece with audio_cut()
 *       against a plain libsndfile read and write of the same frames and
 *       against sox called once per piece, and the peak RSS of the cutting
 *       for few pieces and for many. Prints a table and exits 1 if a target
 *       is missed.
 *   bench-export --cut DIR SET N
 *       Cuts the first N pieces of SET ("wav" or "flac") of the recordings
 *       in DIR into DIR/rss and prints its peak RSS in KiB: the process
 *       whose memory is measured.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sndfile.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audio-cut.h"
#include "bench.h"
#include "voice.h"

#define OUT_RATE	16000
#define CHUNK		65536		/* frames per read, as audio_cut */
#define ROUNDS		3
#define WAV_RECS	10
#define WAV_PIECES	600		/* per recording */
#define WAV_RATE	16000
#define FLAC_PIECES	300
#define FLAC_RATE	44100
#define SOX_EVERY_WAV	20		/* 300 of the 6,000 */
#define SOX_EVERY_FLAC	5		/* 60 of the 300 */
#define RSS_FEW_WAV	600
#define RSS_FEW_FLAC	30
#define CHECK_EVERY	100

enum target_kind {
	TARGET_RATIO_MIN,	/* baseline / measured >= target */
	TARGET_GROWTH_MAX,	/* measured - baseline <= target */
	TARGET_NONE,		/* for reference */
	TARGET_SKIPPED
};

struct row {
	char			 name[56];
	const char		*unit;
	double			 measured;
	double			 baseline;
	enum target_kind	 kind;
	double			 target;
	const char		*note;
};

struct piece {
	int	rec;
	int64_t	from;
	int64_t	to;
};

/* Recordings and the pieces laid over them, in order. */
struct set {
	const char	*kind;		/* "wav" or "flac" */
	int		 rate;
	int		 channels;
	int		 format;
	int		 nrecs;
	char		*paths[WAV_RECS];
	int64_t		 frames[WAV_RECS];
	struct piece	*pieces;
	size_t		 npieces;
};

static const char	*self;
static char		*dirs[32];	/* made under tmpdir, removed at exit */
static size_t		 ndirs;

/* ---- directories ---- */

static void
dir_empty(const char *dir)
{
	DIR		*d;
	struct dirent	*de;
	char		 path[4096];

	if (dir == NULL || (d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' && (de->d_name[1] == '\0' ||
		    (de->d_name[1] == '.' && de->d_name[2] == '\0')))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		unlink(path);
	}
	closedir(d);
}

static void
dirs_remove(void)
{
	for (size_t i = 0; i < ndirs; i++) {
		dir_empty(dirs[i]);
		rmdir(dirs[i]);
		free(dirs[i]);
	}
	ndirs = 0;
}

/*
 * A fresh directory for one run's pieces. Nothing is deleted before the
 * end: ext4 skips the inodes of files deleted in the last minutes when it
 * allocates, a cost that would fall on whichever run came next.
 */
static const char *
make_dir(const char *fmt, ...)
{
	va_list	 ap;
	char	 name[64], *p;

	va_start(ap, fmt);
	vsnprintf(name, sizeof name, fmt, ap);
	va_end(ap);
	p = tmp_path(name);
	if (mkdir(p, 0777) != 0 && errno != EEXIST)
		die("%s: %s", p, strerror(errno));
	if (ndirs == sizeof dirs / sizeof dirs[0])
		die("too many directories");
	return dirs[ndirs++] = p;
}

/* ---- the recordings and pieces ---- */

static uint64_t
rng_next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static double
rng_uniform(uint64_t *s)
{
	return (double)(rng_next(s) >> 11) / 9007199254740992.0;
}

/*
 * Lays per_rec pieces of 2 to 10 s over each recording with gaps of 0.2
 * to 1.2 s, and sizes the recordings to hold them and a second more.
 */
static void
set_init(struct set *set, const char *kind, int nrecs, int per_rec)
{
	uint64_t	rng = 0x853c49e6748fea9bULL;
	int64_t		t;
	struct piece	*p;
	char		 name[32];

	memset(set, 0, sizeof *set);
	set->kind = kind;
	set->nrecs = nrecs;
	if (strcmp(kind, "wav") == 0) {
		set->rate = WAV_RATE;
		set->channels = 1;
		set->format = SF_FORMAT_WAV;
	} else {
		set->rate = FLAC_RATE;
		set->channels = 2;
		set->format = SF_FORMAT_FLAC;
	}
	set->npieces = (size_t)nrecs * (size_t)per_rec;
	if ((set->pieces = calloc(set->npieces, sizeof *set->pieces)) == NULL)
		die("out of memory");
	p = set->pieces;
	for (int r = 0; r < nrecs; r++) {
		t = (int64_t)(set->rate * (0.2 + rng_uniform(&rng)));
		for (int i = 0; i < per_rec; i++, p++) {
			p->rec = r;
			p->from = t;
			p->to = t + (int64_t)(set->rate * (2.0 + 8.0 *
			    rng_uniform(&rng)));
			t = p->to + (int64_t)(set->rate * (0.2 +
			    rng_uniform(&rng)));
		}
		set->frames[r] = t + set->rate;
		snprintf(name, sizeof name, "rec-%02d.%s", r, kind);
		set->paths[r] = tmp_path(name);
	}
}

static void
set_write(const struct set *set)
{
	double	t = now(), hours = 0;

	for (int r = 0; r < set->nrecs; r++)
		hours += (double)set->frames[r] / set->rate / 3600;
	fprintf(stderr, "bench: writing %d %s recording%s, %.1f h ...",
	    set->nrecs, set->kind, set->nrecs == 1 ? "" : "s", hours);
	for (int r = 0; r < set->nrecs; r++)
		voice_write(set->paths[r], set->format, set->rate,
		    set->channels, set->frames[r], 0x2545f491u + (uint32_t)r);
	fprintf(stderr, " %.1f s\n", now() - t);
}

static void
set_free(struct set *set)
{
	for (int r = 0; r < set->nrecs; r++)
		free(set->paths[r]);
	free(set->pieces);
}

static void
piece_name(const char *dir, size_t i, char *buf, size_t len)
{
	snprintf(buf, len, "%s/%05zu.wav", dir, i);
}

/* ---- cutting ---- */

/*
 * Cuts the first n pieces as 'tingxie export --audio cut' does: with
 * audio_cut_many(), on every processor, mixed to mono at OUT_RATE,
 * straight to their names in a directory being built.
 */
static void
cut_ours(const struct set *set, size_t n, const char *dir)
{
	struct audio_piece	*p = calloc(n + 1, sizeof *p);
	char			**names = calloc(n + 1, sizeof *names);
	char			*cause = NULL, path[4096];

	if (p == NULL || names == NULL)
		die("out of memory");
	for (size_t i = 0; i < n; i++) {
		piece_name(dir, i, path, sizeof path);
		if ((names[i] = strdup(path)) == NULL)
			die("out of memory");
		p[i].src = set->paths[set->pieces[i].rec];
		p[i].from = set->pieces[i].from;
		p[i].to = set->pieces[i].to;
		p[i].ch = -1;
		p[i].dst = names[i];
	}
	/* As the export chooses: copies on one thread, decoding on all. */
	if (audio_cut_many(p, n, OUT_RATE, 0, 1, strcmp(set->kind, "wav") == 0 &&
	    set->rate == OUT_RATE && set->channels == 1 ? 1 : 0, NULL, NULL,
	    &cause) != 0)
		die("%s", cause);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(p);
}

/*
 * The speed of light: each piece's frames read with sf_seek() and
 * sf_readf_short() and written with sf_writef_short(), as they are.
 */
static void
cut_plain(const struct set *set, const char *dir)
{
	SF_INFO		 in = { 0 }, out;
	SNDFILE		*sf = NULL, *of;
	int16_t		*buf;
	char		 path[4096];
	int		 rec = -1;
	int64_t		 left;
	sf_count_t	 n;

	if ((buf = calloc(CHUNK, sizeof *buf * (size_t)set->channels)) == NULL)
		die("out of memory");
	for (size_t i = 0; i < set->npieces; i++) {
		const struct piece	*p = &set->pieces[i];

		if (p->rec != rec) {
			if (sf != NULL)
				sf_close(sf);
			rec = p->rec;
			if ((sf = sf_open(set->paths[rec], SFM_READ, &in)) == NULL)
				die("%s: %s", set->paths[rec], sf_strerror(NULL));
		}
		if (sf_seek(sf, p->from, SEEK_SET) != p->from)
			die("%s: cannot seek", set->paths[rec]);
		memset(&out, 0, sizeof out);
		out.samplerate = in.samplerate;
		out.channels = in.channels;
		out.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
		piece_name(dir, i, path, sizeof path);
		if ((of = sf_open(path, SFM_WRITE, &out)) == NULL)
			die("%s: %s", path, sf_strerror(NULL));
		for (left = p->to - p->from; left > 0; left -= n) {
			n = sf_readf_short(sf, buf, left < CHUNK ? left : CHUNK);
			if (n <= 0 || sf_writef_short(of, buf, n) != n)
				die("%s: cannot copy", path);
		}
		sf_close(of);
	}
	if (sf != NULL)
		sf_close(sf);
	free(buf);
}

static int
have_sox(void)
{
	return system("sox --version >/dev/null 2>&1") == 0;
}

/*
 * The shell loop a user would write: sox once per piece, for 1 piece in
 * every; returns how long the loop took, and in *n how many it cut.
 */
static double
cut_sox(const struct set *set, size_t every, const char *effects,
    const char *dir, size_t *n)
{
	char	*list = tmp_path("sox.list"), *script = tmp_path("sox.sh");
	char	 path[4096], cmd[8192];
	FILE	*f;
	double	 t;

	if ((f = fopen(list, "w")) == NULL)
		die("%s: %s", list, strerror(errno));
	*n = 0;
	for (size_t i = 0; i < set->npieces; i += every, (*n)++) {
		const struct piece	*p = &set->pieces[i];

		piece_name(dir, i, path, sizeof path);
		fprintf(f, "%s %lld %lld %s\n", set->paths[p->rec],
		    (long long)p->from, (long long)p->to, path);
	}
	if (fclose(f) != 0)
		die("%s: %s", list, strerror(errno));
	if ((f = fopen(script, "w")) == NULL)
		die("%s: %s", script, strerror(errno));
	fprintf(f, "while read in start end out; do\n"
	    "\tsox -V1 \"$in\" \"$out\" trim \"${start}s\" \"=${end}s\" %s "
	    "|| exit 1\ndone < '%s'\n", effects, list);
	if (fclose(f) != 0)
		die("%s: %s", script, strerror(errno));
	snprintf(cmd, sizeof cmd, "sh '%s'", script);
	sync();
	t = now();
	if (system(cmd) != 0)
		die("%s: sox failed", script);
	t = now() - t;
	unlink(list);
	unlink(script);
	free(list);
	free(script);
	return t;
}

/* ---- checking what was cut ---- */

static int64_t
load(const char *path, int16_t **s, int *rate)
{
	SF_INFO	 info = { 0 };
	SNDFILE	*sf;

	if ((sf = sf_open(path, SFM_READ, &info)) == NULL)
		die("%s: %s", path, sf_strerror(NULL));
	if (info.channels != 1)
		die("%s: %d channels, not 1", path, info.channels);
	*rate = info.samplerate;
	if (s != NULL) {
		if ((*s = calloc((size_t)info.frames + 1, sizeof **s)) == NULL)
			die("out of memory");
		if (sf_readf_short(sf, *s, info.frames) != info.frames)
			die("%s: cannot read", path);
	}
	sf_close(sf);
	return info.frames;
}

/* Our pieces are the plain copy's, sample for sample. */
static void
check_same(const struct set *set, const char *ours, const char *plain)
{
	char	 a[4096], b[4096];
	int16_t	*x, *y;
	int64_t	 n;
	int	 rate;

	for (size_t i = 0; i < set->npieces; i += CHECK_EVERY) {
		piece_name(ours, i, a, sizeof a);
		piece_name(plain, i, b, sizeof b);
		n = load(a, &x, &rate);
		if (n != set->pieces[i].to - set->pieces[i].from ||
		    load(b, &y, &rate) != n ||
		    memcmp(x, y, (size_t)n * sizeof *x) != 0)
			die("%s differs from %s", a, b);
		free(x);
		free(y);
	}
}

/* Every piece resampled has its exact length. */
static void
check_lengths(const struct set *set, const char *dir, size_t every)
{
	char	path[4096];
	int64_t	len, want;
	int	rate;

	for (size_t i = 0; i < set->npieces; i += every) {
		piece_name(dir, i, path, sizeof path);
		len = set->pieces[i].to - set->pieces[i].from;
		want = (len * 2 * OUT_RATE + set->rate) / (2 * set->rate);
		if (load(path, NULL, &rate) != want || rate != OUT_RATE)
			die("%s: not %lld frames at %d Hz", path,
			    (long long)want, OUT_RATE);
	}
}

/* ---- peak RSS ---- */

static long
vm_hwm(void)
{
	FILE	*f = fopen("/proc/self/status", "r");
	char	 line[256];
	long	 kib = -1;

	if (f == NULL)
		die("/proc/self/status: %s", strerror(errno));
	while (fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, "VmHWM: %ld kB", &kib) == 1)
			break;
	}
	fclose(f);
	return kib;
}

/* bench-export --cut DIR SET N */
static int
cut_main(char **argv)
{
	struct set	 set;
	long		 n = atol(argv[2]);
	const char	*dir;

	tmpdir = strdup(argv[0]);
	if (strcmp(argv[1], "wav") == 0)
		set_init(&set, "wav", WAV_RECS, WAV_PIECES);
	else
		set_init(&set, "flac", 1, FLAC_PIECES);
	if (n <= 0 || (size_t)n > set.npieces)
		die("--cut: %s is not a count of pieces", argv[2]);
	dir = make_dir("rss");
	cut_ours(&set, (size_t)n, dir);
	printf("%ld\n", vm_hwm());
	dir_empty(dir);
	set_free(&set);
	for (size_t i = 0; i < ndirs; i++)
		free(dirs[i]);
	free(tmpdir);
	return 0;
}

/*
 * Runs bench-export --cut in a fresh process (a forked child would start
 * with this one's RSS); its peak RSS in MiB. It removes its pieces: these
 * runs come last and are not timed.
 */
static double
peak_rss(const char *set, size_t n)
{
	char	 count[32], line[64];
	char	*argv[] = { (char *)self, (char *)"--cut", tmpdir,
		    (char *)set, count, NULL };
	int	 fd[2], status;
	ssize_t	 got;
	pid_t	 pid;

	snprintf(count, sizeof count, "%zu", n);
	if (pipe(fd) != 0)
		die("pipe: %s", strerror(errno));
	if ((pid = fork()) < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		if (dup2(fd[1], STDOUT_FILENO) < 0)
			_exit(127);
		close(fd[0]);
		close(fd[1]);
		execv(self, argv);
		_exit(127);
	}
	close(fd[1]);
	got = read(fd[0], line, sizeof line - 1);
	close(fd[0]);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0 || got <= 0)
		die("%s --cut %s %zu failed", self, set, n);
	line[got] = '\0';
	return atof(line) / 1024.0;
}

/* ---- measuring ---- */

/*
 * The fastest of n runs: what disturbs a run here (writeback, the file
 * system's housekeeping) only ever slows it down.
 */
static double
best(const double *v, size_t n)
{
	double	m = v[0];

	for (size_t i = 1; i < n; i++)
		m = v[i] < m ? v[i] : m;
	return m;
}

/*
 * Times cutting every piece with audio_cut() (ours) or the plain copy,
 * into a fresh directory, the page cache clean of dirty pages first.
 */
static double
timed(const struct set *set, int plain, const char *dir)
{
	double	t;

	sync();
	t = now();
	if (plain)
		cut_plain(set, dir);
	else
		cut_ours(set, set->npieces, dir);
	return now() - t;
}

/* Reads the recordings, so that every run finds them in the page cache. */
static void
warm(const struct set *set)
{
	static char	buf[1 << 20];
	int		fd;

	for (int r = 0; r < set->nrecs; r++) {
		if ((fd = open(set->paths[r], O_RDONLY)) < 0)
			die("%s: %s", set->paths[r], strerror(errno));
		while (read(fd, buf, sizeof buf) > 0)
			;
		close(fd);
	}
}

/* sox once per piece, for 1 piece in every; milliseconds per piece. */
static double
time_sox(const struct set *set, size_t every, const char *effects)
{
	const char	*dir = make_dir("sox-%s", set->kind);
	double		 t;
	size_t		 n;

	fprintf(stderr, "bench: sox, 1 %s piece in %zu ...", set->kind, every);
	t = cut_sox(set, every, effects, dir, &n);
	fprintf(stderr, " %zu pieces, %.1f s\n", n, t);
	check_lengths(set, dir, every);
	return t * 1e3 / (double)n;
}

static void
bench_wav(struct row *rows, const struct set *set)
{
	double		 ours[ROUNDS], plain[ROUNDS];
	const char	*o = NULL, *p = NULL;

	fprintf(stderr, "bench: cutting %zu pieces, %d rounds (ours/plain):",
	    set->npieces, ROUNDS);
	warm(set);
	for (int i = 0; i < ROUNDS; i++) {
		o = make_dir("ours-%d", i);
		p = make_dir("plain-%d", i);
		if (i % 2 == 0) {
			plain[i] = timed(set, 1, p);
			ours[i] = timed(set, 0, o);
		} else {
			ours[i] = timed(set, 0, o);
			plain[i] = timed(set, 1, p);
		}
		fprintf(stderr, " %.2f/%.2f s", ours[i], plain[i]);
	}
	fprintf(stderr, "\n");
	check_same(set, o, p);

	snprintf(rows[0].name, sizeof rows[0].name,
	    "cut %zu pieces, 16 kHz WAV, wall", set->npieces);
	rows[0].unit = "s";
	rows[0].measured = best(ours, ROUNDS);
	rows[0].baseline = best(plain, ROUNDS);
	rows[0].kind = TARGET_RATIO_MIN;
	rows[0].target = 0.7;
	rows[0].note = "baseline: plain libsndfile copy";

	snprintf(rows[1].name, sizeof rows[1].name,
	    "per piece, vs sox trim (1 in %d)", SOX_EVERY_WAV);
	rows[1].unit = "ms";
	rows[1].measured = rows[0].measured * 1e3 / (double)set->npieces;
	rows[1].kind = TARGET_RATIO_MIN;
	rows[1].target = 20;
	rows[1].note = "baseline: sox per piece";

	snprintf(rows[2].name, sizeof rows[2].name,
	    "  for reference: plain copy, vs sox trim");
	rows[2].unit = "ms";
	rows[2].measured = rows[0].baseline * 1e3 / (double)set->npieces;
	rows[2].kind = TARGET_NONE;
	rows[2].note = "the ceiling of any in-process cutter";
	if (!have_sox()) {
		rows[1].kind = TARGET_SKIPPED;
		rows[1].note = "skipped: sox is not installed";
		rows[2].note = rows[1].note;
		return;
	}
	rows[1].baseline = rows[2].baseline = time_sox(set, SOX_EVERY_WAV, "");
}

static void
bench_flac(struct row *r, const struct set *set, double *plain)
{
	double		 ours[ROUNDS];
	const char	*dir = NULL;

	fprintf(stderr, "bench: cutting %zu pieces of FLAC, %d rounds:",
	    set->npieces, ROUNDS);
	warm(set);
	for (int i = 0; i < ROUNDS; i++) {
		dir = make_dir("ours-flac-%d", i);
		ours[i] = timed(set, 0, dir);
		fprintf(stderr, " %.2f s", ours[i]);
	}
	*plain = timed(set, 1, make_dir("plain-flac"));
	fprintf(stderr, "\n");
	check_lengths(set, dir, 1);
	snprintf(r->name, sizeof r->name,
	    "per piece, 44.1k st. FLAC->16k mono (1 in %d)", SOX_EVERY_FLAC);
	r->unit = "ms";
	r->measured = best(ours, ROUNDS) * 1e3 / (double)set->npieces;
	r->kind = TARGET_RATIO_MIN;
	r->target = 2;
	r->note = "baseline: sox ... rate 16k remix -";
	if (!have_sox()) {
		r->kind = TARGET_SKIPPED;
		r->note = "skipped: sox is not installed";
		return;
	}
	r->baseline = time_sox(set, SOX_EVERY_FLAC, "rate 16k remix -");
}

static void
bench_rss(struct row *r, const struct set *set, size_t few)
{
	fprintf(stderr, "bench: peak RSS, %s ...", set->kind);
	snprintf(r->name, sizeof r->name, "peak RSS, %zu %s pieces vs %zu",
	    set->npieces, set->kind, few);
	r->unit = "MiB";
	r->baseline = peak_rss(set->kind, few);
	r->measured = peak_rss(set->kind, set->npieces);
	r->kind = TARGET_GROWTH_MAX;
	r->target = 1;
	r->note = "baseline: the same, fewer pieces";
	fprintf(stderr, " done\n");
}

/* ---- the table ---- */

static int
row_met(const struct row *r)
{
	switch (r->kind) {
	case TARGET_RATIO_MIN:
		return r->baseline / r->measured >= r->target;
	case TARGET_GROWTH_MAX:
		return r->measured - r->baseline <= r->target;
	default:
		return 1;
	}
}

static void
print_value(double v, const char *unit)
{
	char	buf[32];

	if (v <= 0)
		snprintf(buf, sizeof buf, "-");
	else
		snprintf(buf, sizeof buf, "%.*f %s", v < 10 ? 3 : 1, v, unit);
	printf("  %11s", buf);
}

static void
print_row(const struct row *r)
{
	printf("%-46s", r->name);
	print_value(r->measured, r->unit);
	print_value(r->baseline, r->unit);
	switch (r->kind) {
	case TARGET_RATIO_MIN:
		printf("  %7.2f  >= %-5g", r->baseline / r->measured,
		    r->target);
		break;
	case TARGET_GROWTH_MAX:
		printf("  %+7.2f  <= +%-4g", r->measured - r->baseline,
		    r->target);
		break;
	case TARGET_NONE:
		printf("  %7.2f  %-8s", r->baseline / r->measured, "-");
		break;
	default:
		printf("  %7s  %-8s", "-", "-");
		break;
	}
	printf("  %s\n", r->note);
}

static int
print_table(const struct row *rows, size_t n, const struct set *wav,
    const struct set *flac, double plain_flac)
{
	int	missed = 0;

	printf("\n%-46s  %11s  %11s  %7s  %-8s  %s\n", "benchmark",
	    "measured", "baseline", "ratio", "target", "");
	for (size_t i = 0; i < n; i++)
		print_row(&rows[i]);
	printf("\nratio: baseline / measured (times faster); for RSS, how "
	    "much it grew.\n"
	    "Test audio: %d recordings of 16 kHz mono WAV, %zu pieces of 2 to "
	    "10 s;\n  1 of 44.1 kHz stereo FLAC, %zu pieces. Cut mixed to "
	    "mono at 16 kHz,\n  to WAV, in order; best of %d rounds, the "
	    "plain copy interleaved,\n  each into a fresh directory after "
	    "sync(2).\n"
	    "Plain copy: sf_seek + sf_readf_short + sf_writef_short per "
	    "piece, one thread.\n  Ours cuts as 'tingxie export' does, with "
	    "audio_cut_many(): straight to\n  the names in the new directory; "
	    "a mono 16-bit WAV at its own rate is a\n  header and a kernel "
	    "copy of its bytes, on one thread (the disk is the\n  limit); "
	    "anything decoded or resampled on every processor.\n"
	    "sox: a shell loop, 'sox IN OUT trim Ss =Es' per piece, on 1 "
	    "piece in\n  %d (WAV) or %d (FLAC, '... rate 16k remix -'), "
	    "timed per piece.\n"
	    "ext4 skips the inodes of files deleted in the last minutes when "
	    "it makes\n  a file: after many deletions (a previous run) every "
	    "file made costs\n  more, for us, the plain copy and sox "
	    "alike.\n", wav->nrecs, wav->npieces, flac->npieces,
	    ROUNDS, SOX_EVERY_WAV, SOX_EVERY_FLAC);
	printf("FLAC: a plain read and write of the same pieces, stereo at "
	    "44.1 kHz\n  (no mix, no resampling), takes %.3f ms per piece.\n",
	    plain_flac * 1e3 / (double)flac->npieces);
#ifndef __OPTIMIZE__
	printf("note: built without optimisation; timings are pessimistic.\n");
#endif
	printf("\n");
	for (size_t i = 0; i < n; i++) {
		if (row_met(&rows[i]))
			continue;
		printf("TARGET MISSED: %s\n", rows[i].name);
		missed++;
	}
	if (missed == 0)
		printf("all targets met\n");
	else
		printf("%d of %zu targets missed\n", missed, n);
	return missed;
}

/* ---- main ---- */

/* Everything this writes, with room to spare, must fit. */
static void
check_space(void)
{
	struct statvfs	sv;
	double		need = 10.0 * 1024 * 1024 * 1024;

	if (statvfs(tmpdir, &sv) != 0)
		die("%s: %s", tmpdir, strerror(errno));
	if ((double)sv.f_bavail * (double)sv.f_frsize < need)
		die("%s: needs 10 GiB free (set TMPDIR elsewhere)", tmpdir);
}

static int
bench_main(void)
{
	struct row	 rows[6];
	struct set	 wav, flac;
	double		 plain_flac;
	int		 missed;

	memset(rows, 0, sizeof rows);
	sine_init();
	tmp_make();
	atexit(dirs_remove);	/* before tmp_remove: atexit is LIFO */
	check_space();
	set_init(&wav, "wav", WAV_RECS, WAV_PIECES);
	set_init(&flac, "flac", 1, FLAC_PIECES);
	set_write(&wav);
	set_write(&flac);

	bench_wav(&rows[0], &wav);
	bench_flac(&rows[3], &flac, &plain_flac);
	make_dir("rss");
	bench_rss(&rows[4], &wav, RSS_FEW_WAV);
	bench_rss(&rows[5], &flac, RSS_FEW_FLAC);

	missed = print_table(rows, sizeof rows / sizeof rows[0], &wav, &flac,
	    plain_flac);
	set_free(&wav);
	set_free(&flac);
	return missed == 0 ? 0 : 1;
}

int
main(int argc, char **argv)
{
	self = argv[0];
	bench_name = "bench-export";
	if (argc == 5 && strcmp(argv[1], "--cut") == 0)
		return cut_main(argv + 2);
	if (argc != 1) {
		fprintf(stderr, "usage: bench-export\n");
		return 2;
	}
	return bench_main();
}
