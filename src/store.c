/* store.c: opening, creating and migrating project files; shared helpers. */
#include "config.h"

#include <sys/stat.h>
#include <sys/time.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "role.h"
#include "store-int.h"
#include "store-schema.h"
#include "xmalloc.h"

int64_t
store_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

char *
store_error(struct store *s, const char *what)
{
	int	code = sqlite3_extended_errcode(s->db);

	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return xprintf(_("%s: %s: the project is busy (another tingxie "
		    "is writing to it); try again"), s->path, what);
	case SQLITE_READONLY:
		return xprintf(_("%s: %s: the project is read-only; ask its "
		    "admin for write access"), s->path, what);
	case SQLITE_FULL:
		return xprintf(_("%s: %s: the disk is full; nothing was "
		    "written"), s->path, what);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return xprintf(_("%s: %s: the project file is damaged (%s)"),
		    s->path, what, sqlite3_errmsg(s->db));
	default:
		return xprintf("%s: %s: %s", s->path, what,
		    sqlite3_errmsg(s->db));
	}
}

sqlite3_stmt *
store_stmt(struct store *s, const char *sql, char **cause)
{
	sqlite3_stmt	*st;
	int		 i;

	for (i = 0; i < s->nstmts; i++) {
		if (s->stmts[i].sql == sql) {
			sqlite3_reset(s->stmts[i].stmt);
			sqlite3_clear_bindings(s->stmts[i].stmt);
			return s->stmts[i].stmt;
		}
	}
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
	    NULL) != SQLITE_OK) {
		*cause = store_error(s, _("preparing a query"));
		return NULL;
	}
	if (s->nstmts == STORE_STMT_CACHE) {
		sqlite3_finalize(s->stmts[0].stmt);
		memmove(&s->stmts[0], &s->stmts[1],
		    (STORE_STMT_CACHE - 1) * sizeof s->stmts[0]);
		s->nstmts--;
	}
	s->stmts[s->nstmts].sql = sql;
	s->stmts[s->nstmts].stmt = st;
	s->nstmts++;
	return st;
}

int
store_step_done(struct store *s, sqlite3_stmt *st, const char *what,
    char **cause)
{
	int	rc = sqlite3_step(st);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		*cause = store_error(s, what);
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	return 0;
}

static int
store_exec(struct store *s, const char *sql, const char *what, char **cause)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		*cause = store_error(s, what);
		return -1;
	}
	return 0;
}

/*
 * Transactions nest: the outermost is BEGIN IMMEDIATE ... COMMIT, inner
 * ones are savepoints, so a change made of other changes (an import) is
 * still one transaction.
 */
int
store_begin(struct store *s, char **cause)
{
	if (s->mode != STORE_WRITE) {
		*cause = xprintf(_("%s: opened read-only"), s->path);
		return -1;
	}
	if (s->depth > 0) {
		if (store_exec(s, "SAVEPOINT tx", _("starting a change"),
		    cause) != 0)
			return -1;
	} else if (store_exec(s, "BEGIN IMMEDIATE", _("starting a change"),
	    cause) != 0)
		return -1;
	s->depth++;
	return 0;
}

int
store_commit(struct store *s, char **cause)
{
	const char	*sql = s->depth > 1 ? "RELEASE tx" : "COMMIT";

	if (store_exec(s, sql, _("saving a change"), cause) != 0) {
		store_rollback(s);
		return -1;
	}
	s->depth--;
	return 0;
}

void
store_rollback(struct store *s)
{
	if (s->depth > 1)
		sqlite3_exec(s->db, "ROLLBACK TO tx; RELEASE tx", NULL, NULL,
		    NULL);
	else if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	if (s->depth > 0)
		s->depth--;
}

int
store_transaction_begin(struct store *s, char **cause)
{
	return store_begin(s, cause);
}

int
store_transaction_commit(struct store *s, char **cause)
{
	return store_commit(s, cause);
}

void
store_transaction_rollback(struct store *s)
{
	store_rollback(s);
}

void
store_set_origin(struct store *s, const char *origin)
{
	s->origin = origin;
}

char *
store_column_text(sqlite3_stmt *st, int col)
{
	const unsigned char	*t = sqlite3_column_text(st, col);

	return t == NULL ? NULL : xstrdup((const char *)t);
}

int
store_collect(struct store *s, sqlite3_stmt *st, size_t elem,
    void (*row)(sqlite3_stmt *, void *), void (*release)(void *, size_t),
    void **out, size_t *n, const char *what, char **cause)
{
	size_t	cap = 0;
	int	rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = xreallocarray(*out, cap, elem);
		}
		row(st, (char *)*out + *n * elem);
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		*cause = store_error(s, what);
		release(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void
store_bind_text(sqlite3_stmt *st, int col, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_text(st, col, v, -1, SQLITE_TRANSIENT);
}

/* The account given to store_act_as(), if any. */
static char	*store_acting;

int
store_act_as(const char *login, char **cause)
{
	if (getuid() != 0) {
		*cause = xstrdup(_("only root may act as another account"));
		return -1;
	}
	if (*login == '\0' || strpbrk(login, " \t\n/:") != NULL) {
		*cause = xprintf(_("'%s' is not an account name"), login);
		return -1;
	}
	free(store_acting);
	store_acting = xstrdup(login);
	return 0;
}

void
store_bind_id(sqlite3_stmt *st, int col, int64_t id)
{
	if (id == 0)
		sqlite3_bind_null(st, col);
	else
		sqlite3_bind_int64(st, col, id);
}

static char *
store_login_name(void)
{
	struct passwd	*pw;

	if (store_acting != NULL)
		return xstrdup(store_acting);
	pw = getpwuid(getuid());

	if (pw != NULL && pw->pw_name != NULL && *pw->pw_name != '\0')
		return xstrdup(pw->pw_name);
	return xprintf("uid%u", (unsigned)getuid());
}

static char *
store_abs_dir(const char *path)
{
	char	 buf[PATH_MAX], *copy, *slash, *dir;

	copy = xstrdup(path);
	slash = strrchr(copy, '/');
	if (slash == NULL)
		dir = xstrdup(".");
	else if (slash == copy)
		dir = xstrdup("/");
	else {
		*slash = '\0';
		dir = xstrdup(copy);
	}
	free(copy);
	if (realpath(dir, buf) != NULL) {
		free(dir);
		return xstrdup(buf);
	}
	return dir;
}

static void
store_free(struct store *s)
{
	for (int i = 0; i < s->nstmts; i++)
		sqlite3_finalize(s->stmts[i].stmt);
	if (s->db != NULL)
		sqlite3_close(s->db);
	for (size_t i = 0; i < s->nwarnings; i++)
		free(s->warnings[i]);
	free(s->warnings);
	free(s->path);
	free(s->dir);
	free(s->login);
	free(s);
}

void
store_close(struct store *s)
{
	if (s != NULL)
		store_free(s);
}

const char *
store_path(const struct store *s)
{
	return s->path;
}

const char *
store_login(const struct store *s)
{
	return s->login;
}

static int
store_pragma_int(struct store *s, const char *sql, int *v)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return sqlite3_extended_errcode(s->db);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static int
store_migrate(struct store *s, int from, char **cause)
{
	char	*sql;

	if (store_begin(s, cause) != 0)
		return -1;
	for (int v = from; v < STORE_NMIGRATIONS; v++) {
		if (store_exec(s, store_migrations[v], _("upgrading the project"),
		    cause) != 0)
			goto fail;
	}
	xasprintf(&sql, "PRAGMA user_version = %d; PRAGMA application_id = %d",
	    STORE_SCHEMA_VERSION, STORE_APPLICATION_ID);
	if (store_exec(s, sql, _("upgrading the project"), cause) != 0) {
		free(sql);
		goto fail;
	}
	free(sql);
	return store_commit(s, cause);
fail:
	store_rollback(s);
	return -1;
}

/* Checks that the open file is a tingxie project we can read. */
static int
store_identify(struct store *s, int *version, char **cause)
{
	int	appid = 0, rc;

	rc = store_pragma_int(s, "PRAGMA application_id", &appid);
	if (rc == SQLITE_NOTADB || (rc == SQLITE_OK && appid != STORE_APPLICATION_ID)) {
		*cause = xprintf(_("%s: not a tingxie project (create one with "
		    "'tingxie init')"), s->path);
		return -1;
	}
	if (rc != SQLITE_OK || store_pragma_int(s, "PRAGMA user_version",
	    version) != SQLITE_OK) {
		*cause = store_error(s, _("opening"));
		return -1;
	}
	if (*version > STORE_SCHEMA_VERSION) {
		*cause = xprintf(_("%s: made by a newer tingxie (project schema "
		    "%d; this tingxie reads up to %d): upgrade tingxie"),
		    s->path, *version, STORE_SCHEMA_VERSION);
		return -1;
	}
	return 0;
}

static int64_t
store_clock_ns(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/*
 * Waits while another process writes, up to STORE_BUSY_MS. SQLite's own
 * busy timeout sleeps longer each time (up to 100 ms at a time), so
 * whoever has waited longest tries least often and keeps losing the lock
 * to newcomers: with eight writers, single waits of over a second. This
 * tries every 1-3 ms, at a random point so that waiters do not move in
 * step, which keeps a wait close to the time others hold the lock.
 */
static int
store_busy(void *arg, int count)
{
	struct store	*s = arg;
	struct timespec	 ts = { 0, 0 };
	int64_t		 now = store_clock_ns();

	if (count == 0)
		s->busy_since = now;
	if (now - s->busy_since >= (int64_t)STORE_BUSY_MS * 1000000)
		return 0;
	s->busy_rng = s->busy_rng * 6364136223846793005ULL +
	    1442695040888963407ULL;
	ts.tv_nsec = 1000000 + (long)((s->busy_rng >> 33) % 2000000);
	nanosleep(&ts, NULL);
	return 1;
}

static int
store_connect(struct store *s, const char *name, int flags)
{
	if (sqlite3_open_v2(name, &s->db, flags, NULL) != SQLITE_OK)
		return -1;
	sqlite3_extended_result_codes(s->db, 1);
	s->busy_rng = (uint64_t)store_clock_ns() ^ ((uint64_t)getpid() << 32);
	sqlite3_busy_handler(s->db, store_busy, s);
	return 0;
}

/* Whether the first read works, or fails for want of the WAL index. */
static int
store_readable_wal(struct store *s)
{
	int	v, rc = store_pragma_int(s, "PRAGMA application_id", &v);

	return rc != SQLITE_READONLY_CANTINIT && rc != SQLITE_CANTOPEN &&
	    (rc & 0xff) != SQLITE_READONLY;
}

/* "file:PATH?immutable=1" with PATH's special characters escaped. */
static char *
store_immutable_uri(const char *path)
{
	size_t	 len = strlen(path);
	char	*uri = xmalloc(len * 3 + 32), *p = uri;

	p += sprintf(p, "file:");
	for (; *path != '\0'; path++) {
		unsigned char c = (unsigned char)*path;

		if (c == '%' || c == '?' || c == '#' || c < 0x20)
			p += sprintf(p, "%%%02X", c);
		else
			*p++ = (char)c;
	}
	strcpy(p, "?immutable=1");
	return uri;
}

struct store *
store_open(const char *path, enum store_mode mode, char **cause)
{
	struct store	*s;
	struct stat	 sb;
	int		 flags, version;

	if (stat(path, &sb) != 0) {
		int	 error = errno;
		char	*login, *why = NULL;

		if (error == ENOENT) {
			*cause = xprintf(_("%s: no such project (create one with "
			    "'tingxie init %s')"), path, path);
			return NULL;
		}
		if (error == EACCES) {
			login = store_login_name();
			why = store_access_unreachable(path, login);
			free(login);
		}
		if (why == NULL)
			why = xprintf("%s: %s", path, strerror(error));
		*cause = why;
		return NULL;
	}
	if (!S_ISREG(sb.st_mode)) {
		*cause = xprintf(_("%s: not a project file"), path);
		return NULL;
	}
	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	s->dir = store_abs_dir(path);
	s->login = store_login_name();
	s->mode = mode;
	if (store_access(s, &sb, cause) != 0)
		goto fail;
	flags = mode == STORE_WRITE ? SQLITE_OPEN_READWRITE :
	    SQLITE_OPEN_READONLY;
	if (store_connect(s, path, flags) != 0) {
		*cause = store_error(s, _("opening"));
		goto fail;
	}
	/*
	 * Reading a WAL project needs its -shm file; where it cannot be made
	 * (a directory we may not write), read the file as it stands.
	 */
	if (mode == STORE_READ && !store_readable_wal(s)) {
		char *uri = store_immutable_uri(path);

		sqlite3_close(s->db);
		s->db = NULL;
		if (store_connect(s, uri, flags | SQLITE_OPEN_URI) != 0) {
			free(uri);
			*cause = store_error(s, _("opening"));
			goto fail;
		}
		free(uri);
	}
	if (store_identify(s, &version, cause) != 0)
		goto fail;
	if (store_exec(s, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL",
	    _("opening"), cause) != 0)
		goto fail;
	if (version < STORE_SCHEMA_VERSION) {
		if (mode != STORE_WRITE) {
			*cause = xprintf(_("%s: project schema %d needs upgrading "
			    "to %d; open it once with write access"), path,
			    version, STORE_SCHEMA_VERSION);
			goto fail;
		}
		if (store_migrate(s, version, cause) != 0)
			goto fail;
	}
	if (store_author(s, &s->user_id, cause) != 0)
		goto fail;
	return s;
fail:
	store_free(s);
	return NULL;
}

int
store_add_user(struct store *s, const char *login, const char *role,
    int64_t *id, char **cause)
{
	static const char sql[] =
	    "INSERT INTO user (login, uid, role, created) VALUES (?, ?, ?, ?)";
	sqlite3_stmt	*st;
	struct passwd	*pw = getpwnam(login);

	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	if (pw != NULL)
		sqlite3_bind_int64(st, 2, (int64_t)pw->pw_uid);
	else
		sqlite3_bind_null(st, 2);
	sqlite3_bind_text(st, 3, role, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, store_now_ms());
	if (store_step_done(s, st, _("adding a user"), cause) != 0)
		return -1;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int
store_author(struct store *s, int64_t *user_id, char **cause)
{
	static const char sql[] = "SELECT id FROM user WHERE login = ?";
	sqlite3_stmt	*st;
	int		 rc;

	if (s->user_id != 0) {
		*user_id = s->user_id;
		return 0;
	}
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_text(st, 1, s->login, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		s->user_id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW) {
		*user_id = s->user_id;
		return 0;
	}
	if (rc != SQLITE_DONE) {
		*cause = store_error(s, _("looking up the user"));
		return -1;
	}
	/* Only an admin lets an account in. */
	*cause = xprintf(_("%s: the account '%s' is not a user of this "
	    "project; ask one of its admins to run 'tingxie users %s add %s "
	    "--role ROLE'"), s->path, s->login, s->path, s->login);
	return -1;
}

static int
store_initialize(struct store *s, char **cause)
{
	static const char meta[] =
	    "INSERT INTO meta (key, value) VALUES ('created', ?), "
	    "('created_by', ?), ('tingxie_version', ?)";
	sqlite3_stmt	*st;
	char		*now;

	if (store_migrate(s, 0, cause) != 0)
		return -1;
	if (store_begin(s, cause) != 0)
		return -1;
	if (store_add_user(s, s->login, "admin", &s->user_id, cause) != 0)
		goto fail;
	if ((st = store_stmt(s, meta, cause)) == NULL)
		goto fail;
	xasprintf(&now, "%lld", (long long)store_now_ms());
	sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, s->login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, PACKAGE_VERSION, -1, SQLITE_STATIC);
	free(now);
	if (store_step_done(s, st, _("creating the project"), cause) != 0)
		goto fail;
	if (store_commit(s, cause) != 0)
		return -1;
	return store_exec(s, "PRAGMA journal_mode = WAL", _("creating the project"),
	    cause);
fail:
	store_rollback(s);
	return -1;
}

struct store *
store_create(const char *path, char **cause)
{
	struct store	*s;
	struct stat	 sb;
	char		*tmp;
	mode_t		 mask;
	int		 fd, ok;

	if (lstat(path, &sb) == 0) {
		*cause = xprintf(_("%s: already exists; choose another name, or "
		    "open it with 'tingxie info %s'"), path, path);
		return NULL;
	}
	/* Build the project under a temporary name, then link it in place. */
	xasprintf(&tmp, "%s.init-XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		*cause = xprintf(_("%s: cannot create: %s"), path, strerror(errno));
		free(tmp);
		return NULL;
	}
	/* mkstemp() makes it 0600: give it the mode open(2) would. */
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	close(fd);
	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	s->dir = store_abs_dir(path);
	s->login = store_login_name();
	s->mode = STORE_WRITE;
	ok = sqlite3_open_v2(tmp, &s->db, SQLITE_OPEN_READWRITE, NULL) ==
	    SQLITE_OK;
	if (!ok)
		*cause = store_error(s, _("creating"));
	else
		ok = store_initialize(s, cause) == 0;
	store_free(s);
	if (ok && link(tmp, path) != 0) {
		*cause = xprintf(_("%s: cannot create: %s"), path, strerror(errno));
		ok = 0;
	}
	unlink(tmp);
	free(tmp);
	if (!ok)
		return NULL;
	return store_open(path, STORE_WRITE, cause);
}

char *
store_resolve(const struct store *s, const char *stored)
{
	if (stored[0] == '/')
		return xstrdup(stored);
	return xprintf("%s/%s", s->dir, stored);
}

char *
store_relativize(const struct store *s, const char *path, char **cause)
{
	char	 abs[PATH_MAX], *out, *p;
	size_t	 common = 0, i, len;
	int	 ups = 0;

	if (realpath(path, abs) == NULL) {
		*cause = xprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	if (strcmp(s->dir, "/") == 0)
		return xstrdup(abs + 1);
	/* The longest common directory prefix of abs and s->dir. */
	for (i = 0; abs[i] != '\0' && abs[i] == s->dir[i]; i++) {
		if (abs[i] == '/')
			common = i;
	}
	if (s->dir[i] == '\0' && abs[i] == '/')
		common = i;
	for (i = common; s->dir[i] != '\0'; i++) {
		if (s->dir[i] == '/')
			ups++;
	}
	len = (size_t)ups * 3 + strlen(abs + common + 1) + 1;
	out = p = xmalloc(len);
	for (int k = 0; k < ups; k++, p += 3)
		memcpy(p, "../", 3);
	strcpy(p, abs + common + 1);
	return out;
}

int
store_check(struct store *s, char **cause)
{
	sqlite3_stmt	*st;
	char		*first = NULL;
	int		 rc, ok = 0;

	if (sqlite3_prepare_v2(s->db, "PRAGMA integrity_check", -1, &st,
	    NULL) != SQLITE_OK) {
		*cause = store_error(s, _("checking"));
		return -1;
	}
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		first = store_column_text(st, 0);
		ok = first != NULL && strcmp(first, "ok") == 0;
	}
	sqlite3_finalize(st);
	if (!ok) {
		*cause = xprintf(_("%s: integrity check failed: %s"), s->path,
		    first != NULL ? first : sqlite3_errmsg(s->db));
		free(first);
		return -1;
	}
	free(first);
	return 0;
}

/* Who may change things that are not segments, by the change's kind. */
static int
store_change_allowed(struct store *s, const char *kind, const char *action,
    char **cause)
{
	struct role_case	c = { 0 };
	enum role_act		act;

	if (strcmp(kind, "user") == 0)
		act = ACT_USERS;
	else if (strcmp(kind, "setting") == 0)
		act = ACT_SETTINGS;
	else if (strcmp(kind, "vocabulary") == 0)
		act = ACT_VOCAB;
	else if (strcmp(kind, "speaker") == 0 && strcmp(action, "merge") == 0)
		act = ACT_SPEAKER_MERGE;
	else if (strcmp(kind, "qa") == 0)
		act = ACT_SAMPLE;
	else
		return 0;	/* speakers, lexicon words: anybody */
	if (store_role(s, &c.role, cause) != 0)
		return -1;
	return role_may(act, &c, cause);
}

int
store_change(struct store *s, const char *kind, const char *key,
    const char *action, const char *detail, char **cause)
{
	static const char sql[] =
	    "INSERT INTO change (time, author, kind, key, action, detail) "
	    "VALUES (?, ?, ?, ?, ?, ?)";
	sqlite3_stmt	*st;
	int64_t		 author;

	if (store_author(s, &author, cause) != 0 ||
	    store_change_allowed(s, kind, action, cause) != 0 ||
	    (st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, store_now_ms());
	sqlite3_bind_int64(st, 2, author);
	store_bind_text(st, 3, kind);
	store_bind_text(st, 4, key);
	store_bind_text(st, 5, action);
	store_bind_text(st, 6, detail);
	return store_step_done(s, st, _("logging the change"), cause);
}

int
store_setting_get(struct store *s, const char *key, char **value,
    char **cause)
{
	static const char sql[] = "SELECT value FROM meta WHERE key = ?";
	sqlite3_stmt	*st;
	int		 rc;

	*value = NULL;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	store_bind_text(st, 1, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*value = store_column_text(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*cause = store_error(s, _("reading a setting"));
		return -1;
	}
	return 0;
}

int
store_setting_set(struct store *s, const char *key, const char *value,
    char **cause)
{
	static const char set[] =
	    "INSERT INTO meta (key, value) VALUES (?, ?) "
	    "ON CONFLICT (key) DO UPDATE SET value = excluded.value";
	static const char unset[] = "DELETE FROM meta WHERE key = ?";
	sqlite3_stmt	*st;

	if (store_begin(s, cause) != 0)
		return -1;
	if ((st = store_stmt(s, value != NULL ? set : unset, cause)) == NULL)
		goto fail;
	store_bind_text(st, 1, key);
	if (value != NULL)
		store_bind_text(st, 2, value);
	if (store_step_done(s, st, _("saving a setting"), cause) != 0 ||
	    store_change(s, "setting", key, value != NULL ? "set" : "unset",
	    value, cause) != 0)
		goto fail;
	return store_commit(s, cause);
fail:
	store_rollback(s);
	return -1;
}
