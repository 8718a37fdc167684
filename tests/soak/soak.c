/*
 * soak.c: many users on one project at once (see soak.h). The users run
 * the real binary (posix_spawn, output through pipes), so the command
 * line is what is tested; the driver times each command from spawn to
 * exit and keeps what it printed. The checks read the project with
 * SQLite directly, independently of the code under test.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <inttypes.h>
#include <math.h>
#include <poll.h>
#include <pthread.h>
#include <sndfile.h>
#include <spawn.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "soak.h"
#include "xmalloc.h"

extern char **environ;

#define RATE		8000	/* of the test recordings */
#define SEG_MS		500	/* each segment's length */
#define SEG_STEP_MS	600	/* from one segment's start to the next */
#define NRACE		4	/* segments set aside for races */
#define SHOW		5	/* examples shown per failed check */

enum who { TRANSCRIBER, REVIEWER, LINGUIST, ADMIN };

static const struct {
	const char	*login;
	enum who	 who;
} users[SOAK_USERS] = {
	{ "tx1", TRANSCRIBER }, { "tx2", TRANSCRIBER },
	{ "tx3", TRANSCRIBER }, { "tx4", TRANSCRIBER },
	{ "rv1", REVIEWER }, { "rv2", REVIEWER },
	{ "ling1", LINGUIST }, { "adm1", ADMIN }
};
static const char *const who_names[] = {
	"transcriber", "reviewer", "linguist", "admin"
};
static const char *const dialects[] = {
	"beijing", "shanghai", "guangzhou", "hongkong"
};
#define NDIALECTS	(sizeof dialects / sizeof dialects[0])

enum kind {
	K_NEXT, K_HISTORY, K_SET, K_DIALECT, K_SUBMIT, K_ACCEPT, K_REJECT,
	K_REOPEN, K_CONFIRM, K_ASSIGN
};
#define K_N	(K_ASSIGN + 1)

static const char *const kind_names[K_N] = {
	"task next", "history", "set --text", "set --dialect", "submit",
	"accept", "reject", "reopen", "confirm", "assign"
};
/* The action of the revision a kind of command writes (NULL: none). */
static const char *const kind_actions[K_N] = {
	NULL, NULL, "set", "set", "submit", "accept", "reject", "reopen",
	"confirm", "assign"
};

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

static double
soak_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* splitmix64: each user's own stream of choices. */
static uint64_t
rnd64(uint64_t *state)
{
	uint64_t	z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int
rnd(struct worker *w, int n)
{
	return (int)(rnd64(&w->rng) % (uint64_t)n);
}

/* ---- running a command ---- */

struct buf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

/* Reads what is there; 0 at the end of the file. */
static ssize_t
buf_read(struct buf *b, int fd)
{
	ssize_t	n;

	if (b->cap - b->len < 4096) {
		b->cap = b->cap * 2 + 4096;
		b->p = xreallocarray(b->p, b->cap, 1);
	}
	while ((n = read(fd, b->p + b->len, b->cap - b->len - 1)) < 0 &&
	    errno == EINTR)
		;
	if (n > 0)
		b->len += (size_t)n;
	b->p[b->len] = '\0';
	return n;
}

/* Reads both pipes to their end. */
static void
drain(int fo, int fe, char **out, char **err)
{
	struct buf	b[2];
	struct pollfd	p[2] = { { fo, POLLIN, 0 }, { fe, POLLIN, 0 } };
	int		open = 2;

	for (int i = 0; i < 2; i++) {
		b[i].cap = 4096;
		b[i].len = 0;
		b[i].p = xmalloc(b[i].cap);
		b[i].p[0] = '\0';
	}
	while (open > 0) {
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < 2; i++) {
			if (p[i].fd >= 0 && p[i].revents != 0 &&
			    buf_read(&b[i], p[i].fd) <= 0) {
				close(p[i].fd);
				p[i].fd = -1;
				open--;
			}
		}
	}
	*out = b[0].p;
	*err = b[1].p;
}

/*
 * Runs argv (argv[0] a path) with stdin from /dev/null and its output
 * in *out and *err (caller frees). Returns its exit status, 128 + the
 * signal that killed it, or -1 if it could not be started.
 */
static int
spawn(char *const argv[], char **out, char **err)
{
	posix_spawn_file_actions_t	fa;
	pid_t				pid;
	int				po[2], pe[2], rc, st;

	*out = *err = NULL;
	if (pipe2(po, O_CLOEXEC) != 0)
		return -1;
	if (pipe2(pe, O_CLOEXEC) != 0) {
		close(po[0]);
		close(po[1]);
		return -1;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, po[1], 1);
	posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
	rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(po[1]);
	close(pe[1]);
	if (rc != 0) {
		close(po[0]);
		close(pe[0]);
		*out = xstrdup("");
		*err = xprintf("cannot run %s: %s", argv[0], strerror(rc));
		return -1;
	}
	drain(po[0], pe[0], out, err);
	while (waitpid(pid, &st, 0) < 0) {
		if (errno != EINTR)
			return -1;
	}
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Runs tingxie (as login, unless NULL) with args, a NULL-ended list. */
static int
run_tingxie(const struct soak *k, const char *login, const char *const *args,
    char **out, char **err)
{
	const char	*argv[24];
	size_t		 n = 0;

	argv[n++] = k->o.tingxie;
	if (login != NULL) {
		argv[n++] = "--as";
		argv[n++] = login;
	}
	while (*args != NULL && n < 23)
		argv[n++] = *args++;
	argv[n] = NULL;
	return spawn((char *const *)argv, out, err);
}

#define ARGS(...)	((const char *const []){ __VA_ARGS__, NULL })

static struct cmd *
cmd_new(struct worker *w, enum kind kind, int64_t seg, int64_t expect,
    char *given)
{
	struct cmd	*c;

	if (w->ncmds == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 64;
		w->cmds = xreallocarray(w->cmds, w->cap, sizeof *w->cmds);
	}
	c = &w->cmds[w->ncmds++];
	memset(c, 0, sizeof *c);
	c->user = w->user;
	c->kind = kind;
	c->seg = seg;
	c->expect = expect;
	c->given = given;
	return c;
}

/* Runs one command of a user, timed, and logs it. */
static struct cmd *
tx(struct worker *w, enum kind kind, int64_t seg, int64_t expect,
    char *given, const char *const *args)
{
	struct soak	*k = w->soak;
	struct cmd	*c = cmd_new(w, kind, seg, expect, given);

	c->t0 = soak_now() - k->begin;
	c->status = run_tingxie(k, users[w->user].login, args, &c->out,
	    &c->err);
	c->t1 = soak_now() - k->begin;
	return c;
}

/* ---- what users do ---- */

static char *
text_new(struct worker *w, int race)
{
	int	n = ++w->nwrite;

	/* Traceable (user, number) and unique; Mandarin, Cantonese, NFC. */
	return xprintf("%s#%d%s 今天天气很好，我们去公园吧。佢哋喺度食緊飯 "
	    "café №%d", users[w->user].login, n, race ? " race" : "", n);
}

/* Takes the next task; its segment id, or 0. */
static int64_t
op_next(struct worker *w)
{
	struct cmd	*c = tx(w, K_NEXT, 0, 0, NULL, ARGS("task",
			    w->soak->project, "next", "--rec", "main", "--id"));

	if (c->status == 0)
		c->seg = strtoll(c->out, NULL, 10);
	return c->status == 0 ? c->seg : 0;
}

/* Reads a segment's version and stage from its history; 0 on failure. */
static int64_t
op_version(struct worker *w, int64_t seg, int race)
{
	struct cmd	*c;
	char		 id[24], *line, *tab;

	snprintf(id, sizeof id, "%" PRId64, seg);
	c = tx(w, K_HISTORY, seg, 0, NULL, ARGS("history", w->soak->project,
	    id, "--tsv"));
	c->race = race;
	if (c->status != 0)
		return 0;
	/* The last line: v, time, user, pass, action, stage, ... */
	line = c->out + strlen(c->out);
	while (line > c->out && line[-1] == '\n')
		line--;
	while (line > c->out && line[-1] != '\n')
		line--;
	c->version = strtoll(line, NULL, 10);
	for (int i = 0; i < 5 && line != NULL; i++)
		line = (tab = strchr(line, '\t')) != NULL ? tab + 1 : NULL;
	if (line != NULL)
		snprintf(c->stage, sizeof c->stage, "%.*s",
		    (int)strcspn(line, "\t\n"), line);
	return c->version;
}

static int
is_stage(const struct cmd *c, const char *stage)
{
	return strcmp(c->stage, stage) == 0;
}

/* Parses "segment ID: version V"; the new version, or 0. */
static int64_t
parsed_set(struct cmd *c)
{
	long long	v;

	if (c->status != 0)
		return 0;
	if (sscanf(c->out, "segment %*d: version %lld", &v) != 1)
		v = -1;		/* a check reports it */
	return c->version = v;
}

/* segments set ID --text (--dialect) ... [--expect V]; the new version. */
static int64_t
op_set(struct worker *w, enum kind kind, int64_t seg, int64_t expect,
    char *given, int race)
{
	const char	*opt = kind == K_SET ? "--text" : "--dialect";
	struct cmd	*c;
	char		 id[24], v[24];

	snprintf(id, sizeof id, "%" PRId64, seg);
	snprintf(v, sizeof v, "%" PRId64, expect);
	if (expect != 0)
		c = tx(w, kind, seg, expect, given, ARGS("segments",
		    w->soak->project, "set", id, opt, given, "--expect", v));
	else
		c = tx(w, kind, seg, 0, given, ARGS("segments",
		    w->soak->project, "set", id, opt, given));
	c->race = race;
	return parsed_set(c);
}

/* review MOVE ID --expect V [--comment C]; the new version, or 0. */
static int64_t
op_move(struct worker *w, enum kind kind, int64_t seg, int64_t expect,
    char *comment)
{
	const char	*move = kind_actions[kind];
	struct cmd	*c;
	char		 id[24], v[24];
	long long	 version;

	snprintf(id, sizeof id, "%" PRId64, seg);
	snprintf(v, sizeof v, "%" PRId64, expect);
	if (comment != NULL)
		c = tx(w, kind, seg, expect, comment, ARGS("review",
		    w->soak->project, move, id, "--expect", v, "--comment",
		    comment));
	else
		c = tx(w, kind, seg, expect, NULL, ARGS("review",
		    w->soak->project, move, id, "--expect", v));
	if (c->status != 0)
		return 0;
	/* "segment ID: FROM -> TO (version V)" */
	if (sscanf(c->out, "segment %*d: %*s -> %15s (version %lld)",
	    c->stage, &version) != 2)
		version = -1;
	return c->version = version;
}

static void
op_assign(struct worker *w, int to, int count)
{
	struct cmd	*c;
	char		 n[24];
	long long	 got;

	snprintf(n, sizeof n, "%d", count);
	c = tx(w, K_ASSIGN, 0, 0, xstrdup(users[to].login), ARGS("assign",
	    w->soak->project, "--to", users[to].login, "--rec", "main",
	    "--count", n));
	if (c->status == 0 && sscanf(c->out, "%lld segment", &got) == 1)
		c->version = got;
	else if (c->status == 0)
		c->version = -1;
}

/* Take a new segment, transcribe it, usually submit it. */
static void
transcriber_op(struct worker *w)
{
	int64_t	id, v;

	if ((id = op_next(w)) == 0 || (v = op_version(w, id, 0)) <= 0)
		return;
	if ((v = op_set(w, K_SET, id, v, text_new(w, 0), 0)) <= 0)
		return;
	if (rnd(w, 8) != 0)
		op_move(w, K_SUBMIT, id, v, NULL);
}

/* Take a transcribed segment, sometimes correct it, accept or reject. */
static void
reviewer_op(struct worker *w)
{
	int64_t	id, v;

	if ((id = op_next(w)) == 0 || (v = op_version(w, id, 0)) <= 0)
		return;
	if (rnd(w, 4) == 0 && (v = op_set(w, K_SET, id, v, text_new(w, 0),
	    0)) <= 0)
		return;
	if (rnd(w, 5) == 0)
		op_move(w, K_REJECT, id, v, xprintf("%s#%d 请再听一遍：唔係咁講",
		    users[w->user].login, ++w->nwrite));
	else
		op_move(w, K_ACCEPT, id, v, NULL);
}

/* Check a segment's tags: confirm them or give another dialect. */
static void
linguist_op(struct worker *w)
{
	int64_t	id, v;

	if ((id = op_next(w)) == 0 || (v = op_version(w, id, 0)) <= 0)
		return;
	if (rnd(w, 2) == 0)
		op_move(w, K_CONFIRM, id, v, NULL);
	else
		op_set(w, K_DIALECT, id, v, xstrdup(dialects[rnd(w,
		    NDIALECTS)]), 0);
}

/*
 * Hand out work; now and then correct any segment (reopening it when it
 * is past review), once in a while without --expect.
 */
static void
admin_op(struct worker *w)
{
	const struct cmd	*h;
	int64_t			 id, v;
	int			 choice = rnd(w, 4);

	if (choice < 2) {
		op_assign(w, rnd(w, SOAK_USERS - 1), 1 + rnd(w, 3));
		return;
	}
	id = 1 + rnd(w, w->soak->o.segments);
	if ((v = op_version(w, id, 0)) <= 0)
		return;
	h = &w->cmds[w->ncmds - 1];
	if (is_stage(h, "reviewed") || is_stage(h, "accepted"))
		op_move(w, K_REOPEN, id, v, NULL);
	else
		op_set(w, K_SET, id, choice == 3 ? 0 : v, text_new(w, 0), 0);
}

static void
user_op(struct worker *w)
{
	switch (users[w->user].who) {
	case TRANSCRIBER:
		transcriber_op(w);
		break;
	case REVIEWER:
		reviewer_op(w);
		break;
	case LINGUIST:
		linguist_op(w);
		break;
	case ADMIN:
		admin_op(w);
		break;
	}
}

/* Everybody changes the same segment from the same version. */
static void
race_set(struct worker *w, int round)
{
	struct soak	*k = w->soak;

	if (k->race_version <= 0)
		return;
	if (users[w->user].who == LINGUIST)
		op_set(w, K_DIALECT, k->race_seg, k->race_version,
		    xstrdup(dialects[round % NDIALECTS]), round);
	else
		op_set(w, K_SET, k->race_seg, k->race_version, text_new(w, 1),
		    round);
}

static void
race_read(struct worker *w, int round)
{
	struct soak	*k = w->soak;

	k->race_seg = k->race_first + round % NRACE;
	k->race_version = op_version(w, k->race_seg, round);
}

static int
race_round(const struct soak *k, int op)
{
	return k->o.race_every > 0 && op % k->o.race_every == 0 ?
	    op / k->o.race_every : 0;
}

static void *
worker_main(void *arg)
{
	struct worker	*w = arg;
	struct soak	*k = w->soak;
	int		 round;

	for (int op = 1; op <= k->o.ops; op++) {
		if ((round = race_round(k, op)) == 0) {
			user_op(w);
			continue;
		}
		/* All are done with the last round; one reads; all go. */
		pthread_barrier_wait(&k->barrier);
		if (w->user == 0)
			race_read(w, round);
		pthread_barrier_wait(&k->barrier);
		race_set(w, round);
	}
	return NULL;
}

/* One command at a time: the users take turns, in the same order. */
static void
run_serial(struct soak *k)
{
	int	round;

	for (int op = 1; op <= k->o.ops; op++) {
		round = race_round(k, op);
		if (round != 0)
			race_read(&k->workers[0], round);
		for (int u = 0; u < SOAK_USERS; u++) {
			if (round != 0)
				race_set(&k->workers[u], round);
			else
				user_op(&k->workers[u]);
		}
	}
}

/* One thread a user; they meet at barriers for the races. */
static void
run_threads(struct soak *k)
{
	pthread_t	t[SOAK_USERS];

	pthread_barrier_init(&k->barrier, NULL, SOAK_USERS);
	for (int u = 0; u < SOAK_USERS; u++) {
		if (pthread_create(&t[u], NULL, worker_main,
		    &k->workers[u]) != 0) {
			/* The others would wait at the barrier for ever. */
			fprintf(stderr, "soak: cannot start a thread\n");
			exit(99);
		}
	}
	for (int u = 0; u < SOAK_USERS; u++)
		pthread_join(t[u], NULL);
	pthread_barrier_destroy(&k->barrier);
}

/* ---- setting the project up ---- */

static int
setup_cmd(struct soak *k, const char *login, const char *const *args)
{
	char	*out, *err;
	int	 rc = run_tingxie(k, login, args, &out, &err);

	if (rc != 0)
		fprintf(k->out, "soak: setup: tingxie %s %s: exit %d: %s",
		    args[0], args[2] != NULL ? args[2] : "", rc, err);
	free(out);
	free(err);
	return rc == 0 ? 0 : -1;
}

/* Writes a mono 16-bit WAV of a quiet tone. */
static int
write_wav(const char *path, double seconds)
{
	SF_INFO		 info = { .samplerate = RATE, .channels = 1,
			     .format = SF_FORMAT_WAV | SF_FORMAT_PCM_16 };
	SNDFILE		*sf = sf_open(path, SFM_WRITE, &info);
	short		 block[4096];
	int64_t		 frames = (int64_t)(seconds * RATE), done = 0;

	if (sf == NULL)
		return -1;
	while (done < frames) {
		int64_t	n = frames - done < 4096 ? frames - done : 4096;

		for (int64_t i = 0; i < n; i++)
			block[i] = (short)(3000 * sin(2 * M_PI * 440 *
			    (double)(done + i) / RATE));
		sf_writef_short(sf, block, n);
		done += n;
	}
	return sf_close(sf) == 0 ? 0 : -1;
}

/* The segments, as a NeMo manifest of machine text (stage new). */
static char *
write_manifest(const struct soak *k)
{
	char	*path = xprintf("%s/%s.json", k->o.dir, k->o.name);
	FILE	*f = fopen(path, "w");

	if (f == NULL) {
		free(path);
		return NULL;
	}
	for (int i = 0; i < k->o.segments; i++) {
		int ms = i * SEG_STEP_MS + 50;

		fprintf(f, "{\"audio_filepath\": \"main.wav\", \"offset\": "
		    "%d.%03d, \"duration\": %d.%03d, \"pred_text\": "
		    "\"机器转写 %d\", \"lang\": \"cmn-Hans\", \"dialect\": "
		    "\"%s\"}\n", ms / 1000, ms % 1000, SEG_MS / 1000,
		    SEG_MS % 1000, i + 1, dialects[i % NDIALECTS]);
	}
	if (fclose(f) != 0) {
		free(path);
		return NULL;
	}
	return path;
}

static int
setup_users(struct soak *k)
{
	const char	*p = k->project;

	for (int u = 0; u < SOAK_USERS; u++) {
		if (setup_cmd(k, NULL, ARGS("users", p, "add", users[u].login,
		    "--role", who_names[users[u].who])) != 0)
			return -1;
	}
	/* The linguist brings the dialect vocabulary. */
	for (size_t d = 0; d < NDIALECTS; d++) {
		if (setup_cmd(k, "ling1", ARGS("vocab", p, "add", "dialect",
		    dialects[d])) != 0)
			return -1;
	}
	return 0;
}

/* The race segments: a recording of their own, never handed out. */
static int
setup_races(struct soak *k)
{
	char	 start[16], end[16], *out, *err;
	int	 rc;

	for (int i = 0; i < NRACE; i++) {
		snprintf(start, sizeof start, "%d", i);
		snprintf(end, sizeof end, "%d.5", i);
		rc = run_tingxie(k, NULL, ARGS("segments", k->project, "add",
		    "--rec", "race", "--start", start, "--end", end), &out,
		    &err);
		if (rc == 0 && i == 0)
			k->race_first = strtoll(out, NULL, 10);
		if (rc != 0)
			fprintf(k->out, "soak: setup: segments add: %s", err);
		free(out);
		free(err);
		if (rc != 0)
			return -1;
	}
	return 0;
}

static sqlite3 *
db_open(const struct soak *k)
{
	sqlite3	*db;

	if (sqlite3_open_v2(k->project, &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		fprintf(k->out, "soak: %s: %s\n", k->project,
		    sqlite3_errmsg(db));
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, 10000);
	return db;
}

/* Remembers each segment's version before the users start. */
static int
setup_versions(struct soak *k)
{
	sqlite3		*db = db_open(k);
	sqlite3_stmt	*st;

	if (db == NULL)
		return -1;
	if (sqlite3_prepare_v2(db, "SELECT max(id) FROM segment", -1, &st,
	    NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_close(db);
		return -1;
	}
	k->maxid = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	k->start_version = xcalloc((size_t)k->maxid + 1, sizeof
	    *k->start_version);
	sqlite3_prepare_v2(db, "SELECT id, version FROM segment", -1, &st,
	    NULL);
	while (sqlite3_step(st) == SQLITE_ROW)
		k->start_version[sqlite3_column_int64(st, 0)] =
		    sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return 0;
}

static int
setup(struct soak *k)
{
	const char	*p = k->project;
	char		*wav, *race, *manifest;
	int		 rc = -1;

	wav = xprintf("%s/%s-main.wav", k->o.dir, k->o.name);
	race = xprintf("%s/%s-race.wav", k->o.dir, k->o.name);
	manifest = write_manifest(k);
	if (manifest == NULL || write_wav(wav, k->o.segments * SEG_STEP_MS /
	    1000.0 + 1) != 0 || write_wav(race, NRACE + 1) != 0) {
		fprintf(k->out, "soak: cannot write the test files in %s\n",
		    k->o.dir);
		goto out;
	}
	if (setup_cmd(k, NULL, ARGS("init", p)) != 0 ||
	    setup_cmd(k, NULL, ARGS("add", "--name", "main", p, wav)) != 0 ||
	    setup_cmd(k, NULL, ARGS("add", "--name", "race", p, race)) != 0 ||
	    setup_users(k) != 0 ||
	    setup_cmd(k, NULL, ARGS("import", p, "--format", "nemo", "--rec",
	    "main", manifest)) != 0 || setup_races(k) != 0 ||
	    setup_versions(k) != 0)
		goto out;
	rc = 0;
out:
	free(wav);
	free(race);
	free(manifest);
	return rc;
}

/* ---- what the commands said ---- */

static int
contains(const char *s, const char *what)
{
	return s != NULL && strstr(s, what) != NULL;
}

static enum outcome
classify(const struct cmd *c)
{
	static const char *const role[] = {
		"you are a ", "the segment is", "the segment has been",
		"you transcribed", "you reviewed", "only reviewed or accepted",
		"past transcription", "has no text"
	};

	if (c->status == 0)
		return O_DONE;
	if (c->status != 1)
		return O_CRASH;
	if (contains(c->err, "busy") || contains(c->err, "locked"))
		return O_LOCK;
	if (contains(c->err, "nothing waits"))
		return O_EMPTY;
	if (contains(c->err, "changed"))
		return O_CONFLICT;
	for (size_t i = 0; i < sizeof role / sizeof role[0]; i++) {
		if (contains(c->err, role[i]))
			return O_ROLE;
	}
	return O_OTHER;
}

static int
cmp_start(const void *a, const void *b)
{
	const struct cmd	*x = *(struct cmd *const *)a,
				*y = *(struct cmd *const *)b;

	return (x->t0 > y->t0) - (x->t0 < y->t0);
}

/* The first line of s, for logs and messages. */
static int
line_len(const char *s)
{
	return s == NULL ? 0 : (int)strcspn(s, "\n");
}

static void
describe(const struct cmd *c, char *buf, size_t len)
{
	snprintf(buf, len, "%s by %s (segment %" PRId64 ", %.1f ms)",
	    kind_names[c->kind], users[c->user].login, c->seg,
	    (c->t1 - c->t0) * 1000);
}

/* All commands in order of start, with a TSV log of them. */
static void
collect(struct soak *k)
{
	char	*path = xprintf("%s/%s.log", k->o.dir, k->o.name);
	FILE	*f = fopen(path, "w");
	size_t	 n = 0;

	for (int u = 0; u < SOAK_USERS; u++)
		n += k->workers[u].ncmds;
	k->all = xreallocarray(NULL, n + 1, sizeof *k->all);
	for (int u = 0; u < SOAK_USERS; u++) {
		for (size_t i = 0; i < k->workers[u].ncmds; i++) {
			k->all[k->nall] = &k->workers[u].cmds[i];
			k->all[k->nall]->outcome = classify(k->all[k->nall]);
			k->nall++;
		}
	}
	qsort(k->all, k->nall, sizeof *k->all, cmp_start);
	if (f != NULL) {
		fprintf(f, "start\tend\tuser\tcommand\trace\tsegment\texpect\t"
		    "exit\tversion\tstage\tgiven\tstdout\tstderr\n");
		for (size_t i = 0; i < k->nall; i++) {
			const struct cmd *c = k->all[i];

			fprintf(f, "%.6f\t%.6f\t%s\t%s\t%d\t%" PRId64 "\t%"
			    PRId64 "\t%d\t%" PRId64 "\t%s\t%s\t%.*s\t%.*s\n",
			    c->t0, c->t1, users[c->user].login,
			    kind_names[c->kind], c->race, c->seg, c->expect,
			    c->status, c->version, c->stage,
			    c->given != NULL ? c->given : "",
			    line_len(c->out), c->out, line_len(c->err),
			    c->err);
		}
		fclose(f);
	}
	free(path);
}

/* ---- checks ---- */

/* Prints a check's result; each failure counts. */
static void
check(struct soak *k, int ok, const char *fmt, ...)
{
	va_list	ap;

	fprintf(k->out, "%s - %s: ", ok ? "ok" : "not ok", k->o.name);
	va_start(ap, fmt);
	vfprintf(k->out, fmt, ap);
	va_end(ap);
	fputc('\n', k->out);
	if (!ok)
		k->r.failures++;
}

/* Shows a command that broke a check (at most SHOW per check). */
static void
show(struct soak *k, size_t *shown, const struct cmd *c, const char *why)
{
	if ((*shown)++ >= SHOW)
		return;
	fprintf(k->out, "  %s: %s by %s, segment %" PRId64 " --expect %"
	    PRId64 ": exit %d, out '%.*s', err '%.*s'\n", why,
	    kind_names[c->kind], users[c->user].login, c->seg, c->expect,
	    c->status, line_len(c->out), c->out, line_len(c->err), c->err);
}

/* A revision as stored, and whether an acknowledged change claimed it. */
struct rev {
	int64_t	 seg;
	int64_t	 version;
	char	*author;
	char	*action;
	char	*text;
	char	*stage;
	char	*comment;
	char	*dialect;
	char	*assignee;
	int	 claimed;
};

static char *
col(sqlite3_stmt *st, int i)
{
	const unsigned char	*t = sqlite3_column_text(st, i);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

static struct rev *
revs_load(sqlite3 *db, size_t *n)
{
	static const char sql[] =
	    "SELECT r.segment_id, r.version, u.login, r.action, r.text, "
	    "r.stage, r.comment, r.dialect, a.login FROM revision r "
	    "JOIN user u ON u.id = r.author "
	    "LEFT JOIN user a ON a.id = r.assignee "
	    "ORDER BY r.segment_id, r.version";
	sqlite3_stmt	*st;
	struct rev	*v = NULL;
	size_t		 cap = 0;

	*n = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 1024;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[*n] = (struct rev){ sqlite3_column_int64(st, 0),
		    sqlite3_column_int64(st, 1), col(st, 2), col(st, 3),
		    col(st, 4), col(st, 5), col(st, 6), col(st, 7),
		    col(st, 8), 0 };
		(*n)++;
	}
	sqlite3_finalize(st);
	return v;
}

static void
revs_free(struct rev *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].author);
		free(v[i].action);
		free(v[i].text);
		free(v[i].stage);
		free(v[i].comment);
		free(v[i].dialect);
		free(v[i].assignee);
	}
	free(v);
}

static struct rev *
revs_find(struct rev *v, size_t n, int64_t seg, int64_t version)
{
	size_t	lo = 0, hi = n;

	while (lo < hi) {
		size_t	mid = lo + (hi - lo) / 2;

		if (v[mid].seg < seg || (v[mid].seg == seg &&
		    v[mid].version < version))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].seg == seg && v[lo].version == version ?
	    &v[lo] : NULL;
}

static int
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* Whether revision r is exactly what acknowledged command c said. */
static const char *
ack_mismatch(const struct cmd *c, const struct rev *r)
{
	if (!same(r->author, users[c->user].login))
		return "another author";
	if (!same(r->action, kind_actions[c->kind]))
		return "another action";
	if (c->expect != 0 && c->version != c->expect + 1)
		return "not the version after the one expected";
	switch (c->kind) {
	case K_SET:
		return same(r->text, c->given) ? NULL : "another text";
	case K_DIALECT:
		return same(r->dialect, c->given) ? NULL : "another dialect";
	case K_REJECT:
		if (!same(r->comment, c->given))
			return "another comment";
		/* FALLTHROUGH */
	default:
		return same(r->stage, c->stage) ? NULL : "another stage";
	}
}

/* The assignments acknowledged, per assignee; each counts as a change. */
static void
count_assigned(struct soak *k, int64_t assigned[SOAK_USERS])
{
	for (size_t i = 0; i < k->nall; i++) {
		const struct cmd	*c = k->all[i];

		if (c->kind != K_ASSIGN || c->status != 0 || c->version <= 0)
			continue;
		for (int u = 0; u < SOAK_USERS; u++) {
			if (same(c->given, users[u].login))
				assigned[u] += c->version;
		}
		k->r.changes += (size_t)c->version;
	}
}

/*
 * Every acknowledged change (but assignments, which do not say which
 * segments) is its revision exactly, and no two claim the same one.
 */
static void
check_acks(struct soak *k, struct rev *v, size_t nv)
{
	size_t		 shown = 0, bad = 0, acks = 0;
	const char	*why;

	for (size_t i = 0; i < k->nall; i++) {
		struct cmd	*c = k->all[i];
		struct rev	*r;

		if (c->status != 0 || kind_actions[c->kind] == NULL ||
		    c->kind == K_ASSIGN)
			continue;
		acks++;
		k->r.changes++;
		r = c->version > 0 ? revs_find(v, nv, c->seg, c->version) :
		    NULL;
		why = r == NULL ? "no such revision" : r->claimed ?
		    "claimed twice" : ack_mismatch(c, r);
		if (why != NULL) {
			bad++;
			show(k, &shown, c, why);
		} else
			r->claimed = 1;
	}
	check(k, bad == 0, "%zu acknowledged changes are in the history "
	    "exactly (author, action, text, stage, comment)", acks);
}

/*
 * The revisions written during the run that no change claimed must be
 * the admin's assignments, as many per assignee as were acknowledged:
 * nothing refused was written.
 */
static void
check_unclaimed(struct soak *k, const struct rev *v, size_t nv)
{
	int64_t	assigned[SOAK_USERS] = { 0 }, found[SOAK_USERS] = { 0 };
	size_t	phantom = 0, bad = 0;
	int	u;

	count_assigned(k, assigned);
	for (size_t i = 0; i < nv; i++) {
		const struct rev	*r = &v[i];

		if (r->claimed || (r->seg <= k->maxid &&
		    r->version <= k->start_version[r->seg]))
			continue;
		for (u = 0; u < SOAK_USERS; u++) {
			if (same(r->assignee, users[u].login))
				break;
		}
		if (same(r->action, "assign") && same(r->author, "adm1") &&
		    u < SOAK_USERS)
			found[u]++;
		else if (phantom++ < SHOW)
			fprintf(k->out, "  unacknowledged: segment %" PRId64
			    " version %" PRId64 " %s by %s\n", r->seg,
			    r->version, r->action, r->author);
	}
	check(k, phantom == 0, "no revision without an acknowledged change "
	    "(%zu found)", phantom);
	for (u = 0; u < SOAK_USERS; u++) {
		if (assigned[u] != found[u]) {
			fprintf(k->out, "  %s: %" PRId64 " assigned, %" PRId64
			    " assign revisions\n", users[u].login,
			    assigned[u], found[u]);
			bad++;
		}
	}
	check(k, bad == 0, "assignments acknowledged = assign revisions, for "
	    "each user");
}

static int64_t
sql_count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt	*st;
	int64_t		 n = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Versions 1..N without gaps; each segment row is its latest revision. */
static void
check_history(struct soak *k, sqlite3 *db)
{
	int64_t	gaps, rows, orphans;

	gaps = sql_count(db, "SELECT count(*) FROM segment g WHERE "
	    "g.version <> (SELECT count(*) FROM revision r WHERE "
	    "r.segment_id = g.id) OR g.version <> (SELECT max(version) FROM "
	    "revision r WHERE r.segment_id = g.id) OR 1 <> (SELECT "
	    "min(version) FROM revision r WHERE r.segment_id = g.id)");
	check(k, gaps == 0, "versions run 1..N without gaps, N the "
	    "segment's version (%" PRId64 " segments otherwise)", gaps);
	rows = sql_count(db, "SELECT count(*) FROM segment g LEFT JOIN "
	    "revision r ON r.segment_id = g.id AND r.version = g.version "
	    "WHERE r.id IS NULL OR g.recording_id IS NOT r.recording_id OR "
	    "g.channel IS NOT r.channel OR g.start IS NOT r.start OR "
	    "g.\"end\" IS NOT r.\"end\" OR g.speaker_id IS NOT r.speaker_id OR "
	    "g.lang IS NOT r.lang OR g.dialect IS NOT r.dialect OR "
	    "g.stage IS NOT r.stage OR g.text IS NOT r.text OR "
	    "g.deleted IS NOT r.deleted OR g.assignee IS NOT r.assignee");
	check(k, rows == 0, "each segment row equals its latest revision "
	    "(%" PRId64 " differ)", rows);
	orphans = sql_count(db, "SELECT count(*) FROM revision r WHERE NOT "
	    "EXISTS (SELECT 1 FROM segment g WHERE g.id = r.segment_id)");
	check(k, orphans == 0, "no revision without its segment");
}

static void
check_integrity(struct soak *k, sqlite3 *db)
{
	sqlite3_stmt	*st;
	char		*r = NULL;

	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st,
	    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		r = col(st, 0);
	sqlite3_finalize(st);
	check(k, same(r, "ok"), "PRAGMA integrity_check: %s",
	    r != NULL ? r : sqlite3_errmsg(db));
	free(r);
}

/*
 * Refusals: none for a locked database, none unexplained, no crash, and
 * no conflict for a change that expected no version.
 */
static void
check_outcomes(struct soak *k)
{
	size_t	shown[4] = { 0 }, n[4] = { 0 }, roles = 0;

	for (size_t i = 0; i < k->nall; i++) {
		const struct cmd	*c = k->all[i];

		switch (c->outcome) {
		case O_LOCK:
			k->r.lock_failures++;
			n[0]++;
			show(k, &shown[0], c, "locked");
			break;
		case O_OTHER:
		case O_CRASH:
			n[1]++;
			show(k, &shown[1], c, "unexplained");
			break;
		case O_CONFLICT:
			k->r.conflicts++;
			if (c->expect == 0) {
				n[2]++;
				show(k, &shown[2], c, "spurious conflict");
			}
			break;
		case O_ROLE:
			k->r.roles++;
			if (roles++ < SHOW)
				fprintf(k->out, "  # refused: %s by %s, segment "
				    "%" PRId64 ": %.*s\n", kind_names[c->kind],
				    users[c->user].login, c->seg,
				    line_len(c->err), c->err);
			break;
		case O_EMPTY:
			k->r.empty++;
			break;
		case O_DONE:
			if (kind_actions[c->kind] != NULL)
				k->r.writes++;
			if (c->kind == K_NEXT) {
				k->r.writes++;
				k->r.handouts++;
			}
			break;
		}
	}
	check(k, n[0] == 0, "no command failed on a locked database (%zu did)",
	    n[0]);
	check(k, n[1] == 0, "every failure is a refusal that says why (%zu "
	    "are not)", n[1]);
	check(k, n[2] == 0, "no conflict for a change given no --expect (%zu)",
	    n[2]);
}

/* Each race round: exactly one winner, everybody else told "changed". */
static void
check_races(struct soak *k)
{
	size_t	shown = 0, rounds = k->o.race_every > 0 ?
		    (size_t)(k->o.ops / k->o.race_every) : 0;

	for (size_t round = 1; round <= rounds; round++) {
		size_t	wins = 0, told = 0, racers = 0;

		for (size_t i = 0; i < k->nall; i++) {
			const struct cmd *c = k->all[i];

			if (c->race != (int)round || c->kind == K_HISTORY)
				continue;
			racers++;
			wins += c->status == 0;
			told += c->outcome == O_CONFLICT;
		}
		k->r.races++;
		if (racers == SOAK_USERS && wins == 1 && told == racers - 1)
			k->r.race_ok++;
		else if (shown++ < SHOW)
			fprintf(k->out, "  race %zu: %zu racers, %zu won, %zu "
			    "told it changed\n", round, racers, wins, told);
	}
	check(k, k->r.race_ok == k->r.races, "%zu races of %d on one segment "
	    "and version: exactly one won each, the others were told",
	    k->r.races, SOAK_USERS);
}

/*
 * A lease: taken by a task next, ended by the holder's next task next
 * or a move of the segment. Each end is known to within a command's
 * start and end.
 */
struct hold {
	int64_t	seg;
	int	user;
	double	take0, take1;	/* the task next that took it */
	double	end0, end1;	/* the command that ended it (or the end) */
};

static int
cmp_hold(const void *a, const void *b)
{
	const struct hold	*x = a, *y = b;

	if (x->seg != y->seg)
		return (x->seg > y->seg) - (x->seg < y->seg);
	return (x->take0 > y->take0) - (x->take0 < y->take0);
}

/* Whether c ends its user's lease on seg. */
static int
ends_lease(const struct cmd *c, int64_t seg)
{
	if (c->kind == K_NEXT)
		return c->outcome == O_DONE || c->outcome == O_EMPTY;
	return c->status == 0 && c->seg == seg && c->kind >= K_SUBMIT &&
	    c->kind <= K_CONFIRM;
}

static struct hold *
holds_find(const struct soak *k, size_t *n)
{
	struct hold	*h = xreallocarray(NULL, k->nall + 1, sizeof *h);

	*n = 0;
	for (int u = 0; u < SOAK_USERS; u++) {
		const struct worker	*w = &k->workers[u];

		for (size_t i = 0; i < w->ncmds; i++) {
			const struct cmd	*c = &w->cmds[i];
			struct hold		*x = &h[*n];
			size_t			 j;

			if (c->kind != K_NEXT || c->status != 0)
				continue;
			*x = (struct hold){ c->seg, u, c->t0, c->t1, INFINITY,
			    INFINITY };
			for (j = i + 1; j < w->ncmds; j++) {
				if (ends_lease(&w->cmds[j], c->seg))
					break;
			}
			if (j < w->ncmds) {
				x->end0 = w->cmds[j].t0;
				x->end1 = w->cmds[j].t1;
			}
			(*n)++;
		}
	}
	qsort(h, *n, sizeof *h, cmp_hold);
	return h;
}

/*
 * No segment was leased to two people at once: two holds overlap for
 * certain when each was taken before the other ended; when the timing
 * cannot order them, the pair is counted as unsure.
 */
static void
check_leases(struct soak *k)
{
	struct hold	*h;
	size_t		 n, bad = 0;

	h = holds_find(k, &n);
	for (size_t i = 0; i < n; i++) {
		for (size_t j = i + 1; j < n && h[j].seg == h[i].seg; j++) {
			const struct hold *a = &h[i], *b = &h[j];

			if (a->user == b->user)
				continue;
			if (a->take1 < b->end0 && b->take1 < a->end0) {
				if (bad++ < SHOW)
					fprintf(k->out, "  segment %" PRId64
					    " leased to %s (%.3f s) and to %s "
					    "(%.3f s) at once\n", a->seg,
					    users[a->user].login, a->take1,
					    users[b->user].login, b->take1);
			} else if (!(a->end1 < b->take0 || b->end1 < a->take0))
				k->r.lease_unsure++;
		}
	}
	check(k, bad == 0, "%zu tasks handed out, none leased to two people "
	    "at once (%zu pairs too close to order)", n, k->r.lease_unsure);
	free(h);
}

static void
verify(struct soak *k)
{
	sqlite3		*db = db_open(k);
	struct rev	*v;
	size_t		 nv;

	check_outcomes(k);
	check_races(k);
	check_leases(k);
	if (db == NULL) {
		check(k, 0, "the project opens");
		return;
	}
	check_integrity(k, db);
	check_history(k, db);
	v = revs_load(db, &nv);
	check_acks(k, v, nv);
	check_unclaimed(k, v, nv);
	revs_free(v, nv);
	sqlite3_close(db);
}

/* ---- figures ---- */

static int
cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void
figures(struct soak *k)
{
	struct soak_report	*r = &k->r;
	double			*lat, first = INFINITY, last = 0;
	size_t			 worst = 0;

	r->commands = k->nall;
	if (k->nall == 0)
		return;
	lat = xreallocarray(NULL, k->nall, sizeof *lat);
	for (size_t i = 0; i < k->nall; i++) {
		const struct cmd	*c = k->all[i];

		lat[i] = c->t1 - c->t0;
		if (lat[i] > lat[worst])
			worst = i;
		first = fmin(first, c->t0);
		last = fmax(last, c->t1);
	}
	r->worst = lat[worst];
	describe(k->all[worst], r->worst_cmd, sizeof r->worst_cmd);
	qsort(lat, k->nall, sizeof *lat, cmp_double);
	r->p50 = lat[k->nall / 2];
	r->p99 = lat[(k->nall * 99) / 100];
	r->wall = last - first;
	free(lat);
}

struct soak *
soak_run(const struct soak_options *o, FILE *out)
{
	struct soak	*k = xcalloc(1, sizeof *k);

	k->o = *o;
	k->out = out;
	k->project = xprintf("%s/%s.tingxie", o->dir, o->name);
	for (int u = 0; u < SOAK_USERS; u++) {
		k->workers[u].soak = k;
		k->workers[u].user = u;
		k->workers[u].rng = o->seed ^ (0x9e3779b97f4a7c15ULL *
		    (uint64_t)(u + 1));
	}
	if (setup(k) != 0) {
		soak_free(k);
		return NULL;
	}
	fprintf(out, "# %s: %d users x %d operations%s, %d segments\n",
	    o->name, SOAK_USERS, o->ops, o->serial ? ", one at a time" :
	    " at once", o->segments);
	fflush(out);
	k->begin = soak_now();
	if (o->serial)
		run_serial(k);
	else
		run_threads(k);
	collect(k);
	figures(k);
	verify(k);
	return k;
}

const struct soak_report *
soak_report(const struct soak *k)
{
	return &k->r;
}

/* The median latency of each kind of command. */
static void
medians(const struct soak *k, double med[K_N])
{
	double	*lat = xreallocarray(NULL, k->nall + 1, sizeof *lat);

	for (int kind = 0; kind < K_N; kind++) {
		size_t	n = 0;

		for (size_t i = 0; i < k->nall; i++) {
			if ((int)k->all[i]->kind == kind)
				lat[n++] = k->all[i]->t1 - k->all[i]->t0;
		}
		qsort(lat, n, sizeof *lat, cmp_double);
		med[kind] = n > 0 ? lat[n / 2] : 0;
	}
	free(lat);
}

void
soak_wait(struct soak *run, const struct soak *base)
{
	double	med[K_N];
	size_t	worst = 0;

	if (run->nall == 0)
		return;
	medians(base, med);
	run->r.wait = -INFINITY;
	for (size_t i = 0; i < run->nall; i++) {
		const struct cmd	*c = run->all[i];
		double			 wait = c->t1 - c->t0 - med[c->kind];

		if (wait > run->r.wait) {
			run->r.wait = wait;
			worst = i;
		}
	}
	describe(run->all[worst], run->r.wait_cmd, sizeof run->r.wait_cmd);
}

void
soak_print(const struct soak *k, FILE *f)
{
	const struct soak_report	*r = &k->r;
	double				 wall = r->wall > 0 ? r->wall : 1;

	fprintf(f, "# %s: %zu commands in %.2f s (%.0f/s); %zu changes "
	    "acknowledged: %.1f/s; %zu write transactions: %.1f/s\n",
	    k->o.name, r->commands, r->wall, r->commands / wall, r->changes,
	    r->changes / wall, r->writes, r->writes / wall);
	fprintf(f, "# %s: refused: %zu conflicts, %zu by role, %zu with "
	    "nothing to do; %zu locked; %zu of %zu races won once\n",
	    k->o.name, r->conflicts, r->roles, r->empty, r->lock_failures,
	    r->race_ok, r->races);
	fprintf(f, "# %s: latency p50 %.1f ms, p99 %.1f ms, worst %.1f ms: "
	    "%s\n", k->o.name, r->p50 * 1000, r->p99 * 1000, r->worst * 1000,
	    r->worst_cmd);
	if (r->wait_cmd[0] != '\0')
		fprintf(f, "# %s: worst wait (latency beyond the uncontended "
		    "median of its kind) %.1f ms: %s\n", k->o.name,
		    r->wait * 1000, r->wait_cmd);
}

void
soak_free(struct soak *k)
{
	if (k == NULL)
		return;
	for (int u = 0; u < SOAK_USERS; u++) {
		struct worker	*w = &k->workers[u];

		for (size_t i = 0; i < w->ncmds; i++) {
			free(w->cmds[i].given);
			free(w->cmds[i].out);
			free(w->cmds[i].err);
		}
		free(w->cmds);
	}
	free(k->all);
	free(k->start_version);
	free(k->project);
	free(k);
}

static int
rm_entry(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	(void)sb;
	(void)ftw;
	return type == FTW_DP ? rmdir(path) : unlink(path);
}

int
soak_rmtree(const char *dir)
{
	if (access(dir, F_OK) != 0)
		return 0;
	return nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}
