/*
 * test-soak: the short soak of 'make check' (see soak.h). Eight users
 * run 25 operations each at once, with three race rounds, after a few
 * operations one at a time that give each kind of command its
 * uncontended latency. Prints the checks and the figures; exits 1 if a
 * check failed, 77 (skipped) unless run as root, which --as needs.
 *
 *   test-soak [TINGXIE]     (default: $TINGXIE)
 */
#include "config.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "soak.h"
#include "xmalloc.h"

int
main(int argc, char **argv)
{
	struct soak_options	 o = { .segments = 300, .seed = 6 };
	struct soak		*base, *run;
	const char		*builddir = getenv("TESTS_BUILDDIR");
	char			*dir;
	int			 failures;

	o.tingxie = argc > 1 ? argv[1] : getenv("TINGXIE");
	if (o.tingxie == NULL) {
		fprintf(stderr, "usage: test-soak TINGXIE\n");
		return 2;
	}
	if (getuid() != 0) {
		printf("# skipped: --as, which the users need, is root's\n");
		return 77;
	}
	setenv("LC_ALL", "C.UTF-8", 1);
	unsetenv("LANGUAGE");
	dir = xprintf("%s/tmp", builddir != NULL ? builddir : ".");
	mkdir(dir, 0777);
	free(dir);
	dir = xprintf("%s/tmp/soak", builddir != NULL ? builddir : ".");
	if (soak_rmtree(dir) != 0 || mkdir(dir, 0777) != 0) {
		perror(dir);
		free(dir);
		return 99;
	}
	o.dir = dir;
	o.name = "serial";
	o.ops = 3;
	o.serial = 1;
	if ((base = soak_run(&o, stdout)) == NULL) {
		free(dir);
		return 99;
	}
	o.name = "soak";
	o.ops = 25;
	o.race_every = 8;
	o.serial = 0;
	if ((run = soak_run(&o, stdout)) == NULL) {
		soak_free(base);
		free(dir);
		return 99;
	}
	soak_wait(run, base);
	soak_print(run, stdout);
	failures = soak_report(base)->failures + soak_report(run)->failures;
	printf("# %d check(s) failed; logs in %s\n", failures, dir);
	soak_free(base);
	soak_free(run);
	free(dir);
	return failures == 0 ? 0 : 1;
}
