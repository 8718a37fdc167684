/*
 * bench.h: what the benchmarks share: messages, timing, medians and a
 * temporary directory removed at exit. Set bench_name first.
 */
#ifndef TX_BENCH_H
#define TX_BENCH_H

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char	*bench_name = "bench";
static char		*tmpdir;

static inline void __attribute__((noreturn, format(printf, 1, 2)))
die(const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "%s: ", bench_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static inline double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static inline int
cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static inline double
median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static inline char *
tmp_path(const char *name)
{
	size_t	 len = strlen(tmpdir) + strlen(name) + 2;
	char	*p = malloc(len);

	if (p == NULL)
		die("out of memory");
	snprintf(p, len, "%s/%s", tmpdir, name);
	return p;
}

static inline void
tmp_remove(void)
{
	DIR		*d;
	struct dirent	*de;
	char		*p;

	if (tmpdir == NULL || (d = opendir(tmpdir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		p = tmp_path(de->d_name);
		unlink(p);
		free(p);
	}
	closedir(d);
	rmdir(tmpdir);
	free(tmpdir);
	tmpdir = NULL;
}

/* Makes a directory under $TMPDIR for the benchmark's files. */
static inline void
tmp_make(void)
{
	const char	*base = getenv("TMPDIR");
	size_t		 len;

	if (base == NULL || *base == '\0')
		base = "/tmp";
	len = strlen(base) + sizeof "/tingxie-bench.XXXXXX";
	if ((tmpdir = malloc(len)) == NULL)
		die("out of memory");
	snprintf(tmpdir, len, "%s/tingxie-bench.XXXXXX", base);
	if (mkdtemp(tmpdir) == NULL)
		die("%s: %s", tmpdir, strerror(errno));
	atexit(tmp_remove);
}

#endif
