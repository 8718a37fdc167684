/*
 * soak-int.h: what the soak's two halves share: soak.c sets the project
 * up and runs the users; soak-check.c checks the result against the log
 * of their commands and works out the figures.
 */
#ifndef TX_SOAK_INT_H
#define TX_SOAK_INT_H

#include <pthread.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>

#include "soak.h"

#define NRACE		4	/* segments set aside for races */
#define NDIALECTS	4

enum who { TRANSCRIBER, REVIEWER, LINGUIST, ADMIN };

enum kind {
	K_NEXT, K_HISTORY, K_SET, K_DIALECT, K_SUBMIT, K_ACCEPT, K_REJECT,
	K_REOPEN, K_CONFIRM, K_ASSIGN
};
#define K_N	(K_ASSIGN + 1)

/* What became of a command. */
enum outcome { O_DONE, O_EMPTY, O_CONFLICT, O_ROLE, O_LOCK, O_OTHER, O_CRASH };

/* One command a user ran, and what it said. */
struct cmd {
	int		 user;
	enum kind	 kind;
	int		 race;		/* its race round (from 1), or 0 */
	int64_t		 seg;
	int64_t		 expect;	/* --expect given, or 0 */
	char		*given;		/* text, dialect, comment, assignee */
	double		 t0, t1;	/* seconds from the run's start */
	int		 status;	/* exit status, 128 + signal, or -1 */
	int64_t		 version;	/* printed: the new version; a count */
	char		 stage[16];	/* printed (moves) or read (history) */
	char		*out;
	char		*err;
	enum outcome	 outcome;
};

struct worker {
	struct soak	*soak;
	int		 user;
	uint64_t	 rng;
	int		 nwrite;	/* numbers the texts it writes */
	struct cmd	*cmds;
	size_t		 ncmds;
	size_t		 cap;
};

struct soak {
	struct soak_options	 o;
	FILE			*out;
	char			*project;
	double			 begin;
	struct worker		 workers[SOAK_USERS];
	pthread_barrier_t	 barrier;
	int64_t			 race_first;	/* id of the first race segment */
	int64_t			 race_seg;	/* this round's, and its version */
	int64_t			 race_version;
	int64_t			*start_version;	/* by segment id, after setup */
	int64_t			 maxid;
	struct cmd		**all;		/* every command, by start */
	size_t			 nall;
	struct soak_report	 r;
};

struct soak_user {
	const char	*login;
	enum who	 who;
};

extern const struct soak_user	 soak_users[SOAK_USERS];
extern const char *const	 soak_dialects[NDIALECTS];
extern const char *const	 soak_kind_names[K_N];
/* The action of the revision a kind of command writes (NULL: none). */
extern const char *const	 soak_kind_actions[K_N];

/* The project, read only, or NULL with a message on k->out. */
sqlite3	*soak_db_open(const struct soak *);
/* Every command in order of start, classified; a TSV log of them. */
void	 soak_collect(struct soak *);
/* Latency figures. */
void	 soak_figures(struct soak *);
/* The checks, printed as "ok - ..." / "not ok - ...". */
void	 soak_verify(struct soak *);

#endif
