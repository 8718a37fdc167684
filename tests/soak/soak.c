/*
 * soak.c: many users on one project at once (see soak.h): the project,
 * the users and their commands. The users run the real binary
 * (posix_spawn, output through pipes), so the command line is what is
 * tested; each command is timed from spawn to exit and what it printed
 * is kept for the checks (soak-check.c).
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
#include <sndfile.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "soak-int.h"
#include "xmalloc.h"

extern char **environ;

#define RATE		8000	/* of the test recordings */
#define SEG_MS		500	/* each segment's length */
#define SEG_STEP_MS	600	/* from one segment's start to the next */

const struct soak_user soak_users[SOAK_USERS] = {
	{ "tx1", TRANSCRIBER }, { "tx2", TRANSCRIBER },
	{ "tx3", TRANSCRIBER }, { "tx4", TRANSCRIBER },
	{ "rv1", REVIEWER }, { "rv2", REVIEWER },
	{ "ling1", LINGUIST }, { "adm1", ADMIN }
};
const char *const soak_dialects[NDIALECTS] = {
	"beijing", "shanghai", "guangzhou", "hongkong"
};
const char *const soak_kind_names[K_N] = {
	"task next", "history", "set --text", "set --dialect", "submit",
	"accept", "reject", "reopen", "confirm", "assign"
};
const char *const soak_kind_actions[K_N] = {
	NULL, NULL, "set", "set", "submit", "accept", "reject", "reopen",
	"confirm", "assign"
};
static const char *const who_names[] = {
	"transcriber", "reviewer", "linguist", "admin"
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
	c->status = run_tingxie(k, soak_users[w->user].login, args, &c->out,
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
	    "café №%d", soak_users[w->user].login, n, race ? " race" : "", n);
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
	const char	*move = soak_kind_actions[kind];
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
	c = tx(w, K_ASSIGN, 0, 0, xstrdup(soak_users[to].login), ARGS("assign",
	    w->soak->project, "--to", soak_users[to].login, "--rec", "main",
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
		    soak_users[w->user].login, ++w->nwrite));
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
		op_set(w, K_DIALECT, id, v, xstrdup(soak_dialects[rnd(w,
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
	switch (soak_users[w->user].who) {
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
	if (soak_users[w->user].who == LINGUIST)
		op_set(w, K_DIALECT, k->race_seg, k->race_version,
		    xstrdup(soak_dialects[round % NDIALECTS]), round);
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
		    SEG_MS % 1000, i + 1, soak_dialects[i % NDIALECTS]);
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
		if (setup_cmd(k, NULL, ARGS("users", p, "add", soak_users[u].login,
		    "--role", who_names[soak_users[u].who])) != 0)
			return -1;
	}
	/* The linguist brings the dialect vocabulary. */
	for (size_t d = 0; d < NDIALECTS; d++) {
		if (setup_cmd(k, "ling1", ARGS("vocab", p, "add", "dialect",
		    soak_dialects[d])) != 0)
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

/* Remembers each segment's version before the users start. */
static int
setup_versions(struct soak *k)
{
	sqlite3		*db = soak_db_open(k);
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
	soak_collect(k);
	soak_figures(k);
	soak_verify(k);
	return k;
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
