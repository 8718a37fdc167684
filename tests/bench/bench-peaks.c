/*
 * bench-peaks: the benchmarks behind 'make bench'.
 *
 *   bench-peaks TINGXIE
 *       Writes speech-like test audio into a temporary directory, measures
 *       the peak cache (build time against a plain decode, peak RSS of
 *       'tingxie add' against a plain decoding process, peaks_view on a
 *       3-hour recording against a 10-second window) and prints a table.
 *   bench-peaks --decode FILE
 *       Decodes FILE with libsndfile and exits: the baseline process of the
 *       RSS benchmark.
 *   bench-peaks --rss PROG [ARGS...]
 *       Runs PROG, stdout discarded, and prints its peak RSS in KiB and its
 *       exit status. A child's ru_maxrss counts the RSS of the process that
 *       forked it, so children are forked from this small process rather
 *       than from the benchmark itself.
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sndfile.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "audio.h"
#include "bench.h"
#include "peaks.h"
#include "store.h"
#include "voice.h"

#define READ_FRAMES	16384	/* audio_scan's read size */
#define SCAN_ROUNDS	11
#define VIEW_CALLS	20

enum target_kind {
	TARGET_RATIO_MIN,	/* baseline / measured >= target */
	TARGET_MAX		/* measured < target */
};

struct row {
	char			 name[64];
	const char		*unit;
	double			 measured;
	double			 baseline;
	enum target_kind	 kind;
	double			 target;
};

/* What is worth printing under the table. */
struct notes {
	double	size_wav1;	/* MiB */
	double	size_flac1;
	double	size_wav3;
	double	add_seconds;	/* wall time of tingxie add */
	double	first_view_ms;	/* the first view after store_open */
};

static const char	*self;
static struct notes	 notes;

/* ---- test audio ---- */

static char *
make_audio(const char *name, int format, int rate, int channels,
    int64_t seconds, double *mib)
{
	char		*path = tmp_path(name);
	double		 t = now();
	struct stat	 sb;

	fprintf(stderr, "bench: writing %s ...", name);
	voice_write(path, format, rate, channels, seconds * rate,
	    0x2545f491u);
	fprintf(stderr, " %.1f s\n", now() - t);
	if (stat(path, &sb) != 0)
		die("%s: %s", path, strerror(errno));
	*mib = (double)sb.st_size / (1024 * 1024);
	return path;
}

/* ---- build versus decode ---- */

/* The baseline: a plain libsndfile decode, the frames thrown away. */
static int64_t
decode_file(const char *path)
{
	SF_INFO		 info = { 0 };
	SNDFILE		*sf;
	int16_t		*buf;
	int64_t		 total = 0;
	sf_count_t	 n;

	if ((sf = sf_open(path, SFM_READ, &info)) == NULL)
		die("%s: %s", path, sf_strerror(NULL));
	buf = calloc(READ_FRAMES, sizeof *buf * (size_t)info.channels);
	if (buf == NULL)
		die("out of memory");
	while ((n = sf_readf_short(sf, buf, READ_FRAMES)) > 0)
		total += n;
	free(buf);
	sf_close(sf);
	return total;
}

static void
build_peaks(const char *path)
{
	struct audio_scan	 sc;
	char			*cause = NULL;

	if (audio_scan(path, NULL, NULL, &sc, &cause) != 0)
		die("%s", cause);
	audio_scan_clear(&sc);
}

static void
bench_build(struct row *r, const char *label, const char *path)
{
	double	base[SCAN_ROUNDS], build[SCAN_ROUNDS], t;

	fprintf(stderr, "bench: peak build, %s ...", label);
	decode_file(path);	/* warm the page cache */
	for (int i = 0; i < SCAN_ROUNDS; i++) {
		t = now();
		decode_file(path);
		base[i] = now() - t;
		t = now();
		build_peaks(path);
		build[i] = now() - t;
	}
	fprintf(stderr, " done\n");
	snprintf(r->name, sizeof r->name, "peak build, %s", label);
	r->unit = "s";
	r->measured = median(build, SCAN_ROUNDS);
	r->baseline = median(base, SCAN_ROUNDS);
	r->kind = TARGET_RATIO_MIN;
	r->target = 0.8;
}

/* ---- peak RSS ---- */

/* Forks and execs argv with stdout on fd out (or /dev/null when -1). */
static pid_t
spawn(char *const argv[], int out)
{
	pid_t	pid;

	if ((pid = fork()) < 0)
		die("fork: %s", strerror(errno));
	if (pid > 0)
		return pid;
	if (out < 0)
		out = open("/dev/null", O_WRONLY);
	if (out < 0 || dup2(out, STDOUT_FILENO) < 0)
		_exit(127);
	execvp(argv[0], argv);
	fprintf(stderr, "bench-peaks: %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

static int
exit_code(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
}

/* bench-peaks --rss PROG [ARGS...] */
static int
rss_main(char **argv)
{
	struct rusage	ru;
	pid_t		pid = spawn(argv, -1);
	int		status;

	if (wait4(pid, &status, 0, &ru) != pid)
		die("wait4: %s", strerror(errno));
	printf("%ld %d\n", ru.ru_maxrss, exit_code(status));
	return 0;
}

/* Runs argv through the --rss helper; returns its peak RSS in MiB. */
static double
peak_rss(char *const argv[])
{
	char		*hargv[16], line[64];
	ssize_t		 n;
	long		 kib;
	int		 fd[2], i, code, status;
	pid_t		 pid;

	hargv[0] = (char *)self;
	hargv[1] = (char *)"--rss";
	for (i = 0; argv[i] != NULL && i < 13; i++)
		hargv[i + 2] = argv[i];
	hargv[i + 2] = NULL;
	if (pipe(fd) != 0)
		die("pipe: %s", strerror(errno));
	pid = spawn(hargv, fd[1]);
	close(fd[1]);
	n = read(fd[0], line, sizeof line - 1);
	close(fd[0]);
	if (waitpid(pid, &status, 0) != pid || exit_code(status) != 0 || n <= 0)
		die("%s --rss %s: failed", self, argv[0]);
	line[n] = '\0';
	if (sscanf(line, "%ld %d", &kib, &code) != 2)
		die("%s --rss: bad output '%s'", self, line);
	if (code != 0)
		die("%s %s: exit status %d", argv[0], argv[1], code);
	return (double)kib / 1024.0;
}

static void
bench_rss(struct row *r, const char *tingxie, const char *project,
    const char *path)
{
	char	*init[] = { (char *)tingxie, (char *)"init", (char *)project,
		    NULL };
	char	*add[] = { (char *)tingxie, (char *)"add", (char *)project,
		    (char *)path, NULL };
	char	*decode[] = { (char *)self, (char *)"--decode", (char *)path,
		    NULL };
	double	 t;

	/* A line of its own: tingxie's progress bar clears the line. */
	fprintf(stderr, "bench: peak RSS, tingxie add\n");
	decode_file(path);	/* warm the page cache */
	peak_rss(init);
	t = now();
	r->measured = peak_rss(add);
	notes.add_seconds = now() - t;
	r->baseline = peak_rss(decode);
	snprintf(r->name, sizeof r->name, "peak RSS, tingxie add, 3 h WAV");
	r->unit = "MiB";
	r->kind = TARGET_MAX;
	r->target = 32;
}

/* ---- peaks_view ---- */

/* One view, checking that a whole recording of speech is not blank. */
static double
view_once(struct store *s, const struct store_recording *rec, int cols)
{
	struct peak_span	*out;
	double			 t;
	char			*cause = NULL;
	int			 blank = 0;

	if ((out = calloc((size_t)cols, sizeof *out)) == NULL)
		die("out of memory");
	t = now();
	if (peaks_view(s, rec, -1, 0, rec->frames, cols, out, &cause) != 0)
		die("peaks_view: %s", cause);
	t = now() - t;
	for (int i = 0; i < cols; i++)
		blank += out[i].max <= out[i].min;
	if (blank > 0)
		die("peaks_view: %d of %d columns blank", blank, cols);
	free(out);
	return t * 1000.0;
}

/* The median time in ms of VIEW_CALLS views of [from, to) at cols columns. */
static double
time_view(struct store *s, const struct store_recording *rec, int64_t from,
    int64_t to, int cols)
{
	struct peak_span	*out;
	double			 ms[VIEW_CALLS], t;
	char			*cause = NULL;

	if ((out = calloc((size_t)cols, sizeof *out)) == NULL)
		die("out of memory");
	for (int i = 0; i < VIEW_CALLS; i++) {
		t = now();
		if (peaks_view(s, rec, -1, from, to, cols, out, &cause) != 0)
			die("peaks_view: %s", cause);
		ms[i] = (now() - t) * 1000.0;
	}
	free(out);
	return median(ms, VIEW_CALLS);
}

static void
bench_view(struct row *rows, const char *project, const char *name)
{
	static const int	 widths[] = { 300, 120 };
	struct store		*s;
	struct store_recording	 rec;
	char			*cause = NULL;
	int64_t			 mid, win;

	if ((s = store_open(project, STORE_READ, &cause)) == NULL)
		die("%s", cause);
	if (store_recording_find(s, name, &rec, &cause) != 0)
		die("%s", cause);
	fprintf(stderr, "bench: peaks_view\n");
	notes.first_view_ms = view_once(s, &rec, widths[0]);
	mid = rec.frames / 2;
	win = 10 * (int64_t)rec.rate;
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		struct row *r = &rows[i];

		snprintf(r->name, sizeof r->name,
		    "peaks_view, 3 h at %d columns", widths[i]);
		r->unit = "ms";
		r->measured = time_view(s, &rec, 0, rec.frames, widths[i]);
		r->baseline = time_view(s, &rec, mid, mid + win, widths[i]);
		r->kind = TARGET_MAX;
		r->target = 20;
	}
	store_recording_clear(&rec);
	store_close(s);
}

/* ---- the table ---- */

static int
row_met(const struct row *r)
{
	if (r->kind == TARGET_RATIO_MIN)
		return r->baseline / r->measured >= r->target;
	return r->measured < r->target;
}

static void
print_value(double v, const char *unit)
{
	char	buf[32];

	snprintf(buf, sizeof buf, "%.*f %s", v < 10 ? 3 : 1, v, unit);
	printf("  %12s", buf);
}

static void
print_row(const struct row *r)
{
	printf("%-38s", r->name);
	print_value(r->measured, r->unit);
	print_value(r->baseline, r->unit);
	if (r->kind == TARGET_RATIO_MIN)
		printf("  %6.2f  >= %.2f\n", r->baseline / r->measured,
		    r->target);
	else
		printf("  %6s  < %g %s\n", "-", r->target, r->unit);
}

static int
print_table(const struct row *rows, size_t n)
{
	int	missed = 0;

	printf("\n%-38s  %12s  %12s  %6s  %s\n", "benchmark", "measured",
	    "baseline", "ratio", "target");
	for (size_t i = 0; i < n; i++)
		print_row(&rows[i]);
	printf("\nbaselines: peak build - plain sf_readf_short decode "
	    "(median of %d,\n  interleaved); peak RSS - a process that only "
	    "decodes the file;\n  peaks_view - the same call for a 10 s window "
	    "(median of %d).\n", SCAN_ROUNDS, VIEW_CALLS);
	printf("notes: test files %.0f MiB (1 h WAV), %.0f MiB (1 h FLAC), "
	    "%.0f MiB (3 h WAV);\n  tingxie add of the 3 h WAV took %.2f s; "
	    "the first peaks_view after\n  store_open took %.3f ms.\n",
	    notes.size_wav1, notes.size_flac1, notes.size_wav3,
	    notes.add_seconds, notes.first_view_ms);
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
		printf("all %zu targets met\n", n);
	else
		printf("%d of %zu targets missed\n", missed, n);
	return missed;
}

/* ---- main ---- */

static int
bench_main(const char *tingxie)
{
	struct row	 rows[5];
	char		*wav1, *flac1, *wav3, *project;

	memset(rows, 0, sizeof rows);
	sine_init();
	tmp_make();
	wav1 = make_audio("speech-1h.wav", SF_FORMAT_WAV, 16000, 1, 3600,
	    &notes.size_wav1);
	flac1 = make_audio("speech-1h.flac", SF_FORMAT_FLAC, 44100, 2, 3600,
	    &notes.size_flac1);
	wav3 = make_audio("speech-3h.wav", SF_FORMAT_WAV, 16000, 1, 3 * 3600,
	    &notes.size_wav3);
	project = tmp_path("bench.tingxie");

	bench_build(&rows[0], "1 h 16 kHz mono WAV", wav1);
	bench_build(&rows[1], "1 h 44.1 kHz stereo FLAC", flac1);
	bench_rss(&rows[2], tingxie, project, wav3);
	bench_view(&rows[3], project, "speech-3h");
	print_table(rows, sizeof rows / sizeof rows[0]);

	free(wav1);
	free(flac1);
	free(wav3);
	free(project);
	return 0;
}

int
main(int argc, char **argv)
{
	self = argv[0];
	bench_name = "bench-peaks";
	if (argc == 3 && strcmp(argv[1], "--decode") == 0) {
		decode_file(argv[2]);
		return 0;
	}
	if (argc >= 3 && strcmp(argv[1], "--rss") == 0)
		return rss_main(argv + 2);
	if (argc != 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: bench-peaks TINGXIE\n");
		return 2;
	}
	return bench_main(argv[1]);
}
