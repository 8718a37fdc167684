/*
 * soak.h: many users on one project at once, through the command line.
 *
 * A soak run makes a project (a recording of a few hundred segments with
 * machine text, a dialect vocabulary, a few segments set aside for races)
 * and eight users: four transcribers, two reviewers, a linguist and an
 * admin. Each user is a thread of the driver that runs the real binary,
 * `tingxie --as LOGIN ...`, one command at a time, in a loop of
 * operations of their role (take the next task, read its version, edit,
 * move it on; assign; re-tag). Every so many operations all eight race:
 * each changes the same segment from the same version, and exactly one
 * may win. With serial set, one command runs at a time instead (the
 * users take turns): the uncontended baseline.
 *
 * Afterwards the project is checked against the log of every command:
 * each acknowledged change is in the history exactly (author, action,
 * text, stage, comment), nothing refused was written, versions run 1..N,
 * each segment row is its latest revision, no segment was leased to two
 * people at once, no command failed for a locked database, and PRAGMA
 * integrity_check passes. Checks print as "ok - ..." / "not ok - ...".
 */
#ifndef TX_SOAK_H
#define TX_SOAK_H

#include <stdint.h>
#include <stdio.h>

#define SOAK_USERS	8

struct soak_options {
	const char	*tingxie;	/* the binary to run */
	const char	*dir;		/* where the files go (must exist) */
	const char	*name;		/* they are DIR/NAME.* */
	int		 ops;		/* operations per user */
	int		 segments;	/* segments of the recording handed out */
	int		 race_every;	/* a race round every N operations */
	int		 serial;	/* one command at a time */
	uint64_t	 seed;		/* the users' choices */
};

struct soak_report {
	double		 wall;		/* seconds, first command to last */
	size_t		 commands;
	size_t		 changes;	/* acknowledged: one revision each */
	size_t		 writes;	/* acknowledged write transactions */
	size_t		 handouts;	/* tasks handed out (leases taken) */
	size_t		 conflicts;	/* refused: changed meanwhile */
	size_t		 roles;		/* refused by the role rules */
	size_t		 empty;		/* nothing waited */
	size_t		 lock_failures;	/* "busy" or "locked" */
	size_t		 races;		/* race rounds */
	size_t		 race_ok;	/* rounds with exactly one winner */
	size_t		 lease_unsure;	/* hand-outs whose order timing leaves open */
	double		 p50, p99, worst;	/* command latency, seconds */
	char		 worst_cmd[160];
	double		 wait;		/* worst latency beyond uncontended */
	char		 wait_cmd[160];
	int		 failures;	/* checks that failed */
};

struct soak;

/*
 * Sets the project up, runs the users and checks the result, printing
 * progress and checks to out. NULL (with a message on out) if the
 * project could not be set up.
 */
struct soak	*soak_run(const struct soak_options *, FILE *out);
const struct soak_report *soak_report(const struct soak *);
/*
 * Estimates how long run's commands waited (for the write lock, and for
 * a processor): each one's latency beyond the median of its kind of
 * command in base, an uncontended run. Fills run's wait and wait_cmd.
 */
void		 soak_wait(struct soak *run, const struct soak *base);
/* A few lines: throughput, refusals, latency, wait. */
void		 soak_print(const struct soak *, FILE *);
void		 soak_free(struct soak *);
/* Removes a directory and everything under it; 0 or -1. */
int		 soak_rmtree(const char *dir);

#endif
