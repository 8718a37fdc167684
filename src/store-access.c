/*
 * store-access.c: whether the running account may use a project file as it
 * asks, checked before SQLite opens it, with messages that say which file
 * or directory is at fault, its owner, group and mode, and the command that
 * fixes it (doc/sharing.md is the whole story).
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "store-int.h"
#include "xmalloc.h"

/* What a file must allow: the letters of chmod(1), and the group's bits. */
struct store_need {
	const char	*letters;
	mode_t		 group;
};

static const struct store_need store_need_read = { "r", S_IRGRP };
static const struct store_need store_need_rw = { "rw", S_IRGRP | S_IWGRP };
static const struct store_need store_need_dir = { "wx", S_IWGRP | S_IXGRP };
static const struct store_need store_need_enter = { "x", S_IXGRP };

/* The files SQLite keeps beside a project in WAL mode. */
static const char *const store_access_suffix[] = { "-wal", "-shm" };
#define STORE_ACCESS_NSUFFIX \
	(sizeof store_access_suffix / sizeof *store_access_suffix)

/* A file or directory that this account may not use as it needs. */
struct store_denied {
	const char		*project;
	const char		*login;
	int			 error;		/* from access(2) */
	const char		*path;
	const struct stat	*sb;		/* path's */
	const struct store_need	*need;
	gid_t			 share;		/* a group of ours path could
						   be given, or -1 */
};

/* "-rw-rw---- alice:speech", as ls -l shows it. Caller frees. */
static char *
store_access_describe(const struct stat *sb)
{
	static const char	 rwx[] = "rwxrwxrwx";
	struct passwd		*pw = getpwuid(sb->st_uid);
	struct group		*gr;
	char			 mode[11], *user, *out;

	mode[0] = S_ISDIR(sb->st_mode) ? 'd' : S_ISREG(sb->st_mode) ? '-' : '?';
	for (int i = 0; i < 9; i++)
		mode[i + 1] = (sb->st_mode & (0400 >> i)) ? rwx[i] : '-';
	if (sb->st_mode & S_ISUID)
		mode[3] = mode[3] == 'x' ? 's' : 'S';
	if (sb->st_mode & S_ISGID)
		mode[6] = mode[6] == 'x' ? 's' : 'S';
	if (sb->st_mode & S_ISVTX)
		mode[9] = mode[9] == 'x' ? 't' : 'T';
	mode[10] = '\0';
	if (pw != NULL)
		user = xstrdup(pw->pw_name);
	else
		user = xprintf("%u", (unsigned)sb->st_uid);
	if ((gr = getgrgid(sb->st_gid)) != NULL)
		out = xprintf("%s %s:%s", mode, user, gr->gr_name);
	else
		out = xprintf("%s %s:%u", mode, user, (unsigned)sb->st_gid);
	free(user);
	return out;
}

/* A group's name, or its number. Caller frees. */
static char *
store_access_group(gid_t gid)
{
	struct group	*gr = getgrgid(gid);

	if (gr != NULL)
		return xstrdup(gr->gr_name);
	return xprintf("%u", (unsigned)gid);
}

/* A path as a shell word: quoted unless plain. Caller frees. */
static char *
store_access_quote(const char *path)
{
	if (path[strspn(path, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+,:@%")] == '\0')
		return xstrdup(path);
	if (strchr(path, '\'') == NULL)
		return xprintf("'%s'", path);
	return xprintf("\"%s\"", path);
}

/* Whether this process has gid among its groups. */
static int
store_access_member(gid_t gid)
{
	gid_t	*list;
	int	 n, found = 0;

	if (getgid() == gid || getegid() == gid)
		return 1;
	if ((n = getgroups(0, NULL)) <= 0)
		return 0;
	list = xcalloc((size_t)n, sizeof *list);
	n = getgroups(n, list);
	for (int i = 0; i < n; i++)
		found |= list[i] == gid;
	free(list);
	return found;
}

/* Whether the group database lists login in gid (it may not be active). */
static int
store_access_listed(gid_t gid, const char *login)
{
	struct group	*gr = getgrgid(gid);

	if (gr == NULL)
		return 0;
	for (char **m = gr->gr_mem; *m != NULL; m++) {
		if (strcmp(*m, login) == 0)
			return 1;
	}
	return 0;
}

/*
 * Whether a file's group is one people share, not its owner's own group
 * (Debian gives each account a group of its name, and umask 002 then
 * makes files group-writable with no one else to write them).
 */
static int
store_access_shared(const struct stat *sb)
{
	struct passwd	*pw = getpwuid(sb->st_uid);
	struct group	*gr;

	if (pw == NULL || pw->pw_gid != sb->st_gid)
		return 1;
	gr = getgrgid(sb->st_gid);
	return gr != NULL && gr->gr_mem[0] != NULL;
}

/* Who we are to the file, and the one command that fixes it. */
static char *
store_access_advice(const struct store_denied *d)
{
	const struct stat	*sb = d->sb;
	const char		*letters = d->need->letters, *who = d->login;
	char			*group, *path, *other, *msg;

	group = store_access_group(sb->st_gid);
	path = store_access_quote(d->path);
	if (sb->st_uid == getuid())
		msg = xprintf(_("you (%s) own it; fix: chmod u+%s %s"), who,
		    letters, path);
	else if (store_access_member(sb->st_gid))
		msg = xprintf(_("you (%s) are in group %s; fix, by its owner "
		    "or an admin: chmod g+%s %s"), who, group, letters, path);
	else if (store_access_listed(sb->st_gid, who))
		msg = xprintf(_("you (%s) were added to group %s after you "
		    "logged in; fix: log out and in again (or run 'newgrp "
		    "%s')"), who, group, group);
	else if (d->share != (gid_t)-1 && d->share != sb->st_gid) {
		other = store_access_group(d->share);
		msg = xprintf(_("you (%s) are not in group %s; fix, by its "
		    "owner or an admin: chgrp %s %s && chmod g+%s %s"), who,
		    group, other, path, letters, path);
		free(other);
	} else if ((sb->st_mode & d->need->group) == d->need->group &&
	    store_access_shared(sb))
		msg = xprintf(_("you (%s) are not in group %s; fix, by an "
		    "admin: usermod -aG %s %s, then log in again"), who, group,
		    group, who);
	else
		msg = xprintf(_("you (%s) are not in group %s, and it is not "
		    "shared with a group of yours"), who, group);
	free(path);
	free(group);
	return msg;
}

/*
 * The whole message: "PROJECT: WHAT (MODE OWNER:GROUP)WHY; ADVICE; see
 * doc/sharing.md". why may be "". Caller frees.
 */
static char *
store_access_denied(const struct store_denied *d, const char *what,
    const char *why)
{
	char	*how, *advice, *msg;

	if (d->error == EROFS)
		return xprintf(_("%s: %s: its file system is mounted "
		    "read-only"), d->project, what);
	if (d->error != EACCES && d->error != EPERM)
		return xprintf("%s: %s: %s", d->project, what,
		    strerror(d->error));
	how = store_access_describe(d->sb);
	advice = store_access_advice(d);
	msg = xprintf(_("%s: %s (%s)%s; %s; see doc/sharing.md"), d->project,
	    what, how, why, advice);
	free(how);
	free(advice);
	return msg;
}

void
store_warn(struct store *s, char *msg)
{
	s->warnings = xreallocarray(s->warnings, s->nwarnings + 1,
	    sizeof *s->warnings);
	s->warnings[s->nwarnings++] = msg;
}

const char *const *
store_warnings(const struct store *s, size_t *n)
{
	*n = s->nwarnings;
	return (const char *const *)s->warnings;
}

/* "a && b" from two commands (a may be NULL), which it frees. */
static char *
store_access_and(char *a, char *b)
{
	char	*both;

	if (a == NULL)
		return b;
	both = xprintf("%s && %s", a, b);
	free(a);
	free(b);
	return both;
}

/*
 * The project (quoted as path) and those of its -wal and -shm files that
 * exist outside group team, as shell words. Caller frees.
 */
static char *
store_access_journal_list(const struct store *s, const char *path,
    gid_t team)
{
	struct stat	 jsb;
	char		*list = xstrdup(path), *name, *word, *more;

	for (size_t i = 0; i < STORE_ACCESS_NSUFFIX; i++) {
		xasprintf(&name, "%s%s", s->path, store_access_suffix[i]);
		if (stat(name, &jsb) == 0 && jsb.st_gid != team) {
			word = store_access_quote(name);
			more = xprintf("%s %s", list, word);
			free(word);
			free(list);
			list = more;
		}
		free(name);
	}
	return list;
}

/*
 * A project meant for a team (its group may write it, or its directory is
 * a team's), where new files (the -wal and -shm files SQLite makes, the
 * project itself) will not get the team's group or the team may not make
 * them: fine for us, trouble for the others.
 */
static void
store_access_dir_warn(struct store *s, const struct stat *sb,
    const struct stat *dsb)
{
	const mode_t	 want = S_IWGRP | S_IXGRP | S_ISGID;
	gid_t		 team;
	char		*group, *how, *dhow, *path, *dir, *files, *fix;

	if ((sb->st_mode & S_IWGRP) && store_access_shared(sb))
		team = sb->st_gid;
	else if ((dsb->st_mode & S_IWGRP) && store_access_shared(dsb))
		team = dsb->st_gid;
	else
		return;
	if (sb->st_gid == team && dsb->st_gid == team &&
	    (dsb->st_mode & want) == want)
		return;
	group = store_access_group(team);
	how = store_access_describe(sb);
	dhow = store_access_describe(dsb);
	path = store_access_quote(s->path);
	dir = store_access_quote(s->dir);
	fix = NULL;
	if (sb->st_gid != team) {
		files = store_access_journal_list(s, path, team);
		fix = xprintf("chgrp %s %s && chmod g+rw %s", group, files,
		    files);
		free(files);
	}
	if (dsb->st_gid != team)
		fix = store_access_and(fix, xprintf("chgrp %s %s && chmod "
		    "g+rwxs %s", group, dir, dir));
	else if ((dsb->st_mode & want) != want)
		fix = store_access_and(fix, xprintf("chmod g+rwxs %s", dir));
	if (sb->st_gid != team)
		store_warn(s, xprintf(_("%s: the project (%s) is not in group "
		    "%s like its directory %s (%s), so others in %s cannot "
		    "write it; fix, by its owner or an admin: %s; see "
		    "doc/sharing.md"), s->path, how, group, s->dir, dhow, group,
		    fix));
	else
		store_warn(s, xprintf(_("%s: the project is writable by group "
		    "%s, but its directory %s (%s) is not group-writable and "
		    "set-group-ID in that group, so others in %s may be unable "
		    "to write it; fix, by its owner or an admin: %s; see "
		    "doc/sharing.md"), s->path, group, s->dir, dhow, group,
		    fix));
	free(fix);
	free(dir);
	free(path);
	free(dhow);
	free(how);
	free(group);
}

/*
 * The -wal and -shm files beside the project: SQLite must write both, and
 * one it may not write is what "attempt to write a readonly database"
 * means. Fails when writing; when reading, warns if we could otherwise
 * write.
 */
static int
store_access_journal(struct store *s, gid_t share, char **cause)
{
	struct store_denied	 d;
	struct stat		 jsb;
	const char		*why;
	char			*path, *what, *msg;

	if (s->mode == STORE_READ && access(s->path, W_OK) != 0)
		return 0;
	for (size_t i = 0; i < STORE_ACCESS_NSUFFIX; i++) {
		xasprintf(&path, "%s%s", s->path, store_access_suffix[i]);
		/* Gone meanwhile (the last connection closed): no matter. */
		if (stat(path, &jsb) != 0 || access(path, R_OK | W_OK) == 0 ||
		    errno == ENOENT) {
			free(path);
			continue;
		}
		d = (struct store_denied){ s->path, s->login, errno, path, &jsb,
		    &store_need_rw, share };
		what = xprintf(_("you cannot write %s"), path);
		if (s->mode == STORE_WRITE)
			why = _(", which SQLite needs to write the project "
			    "(\"attempt to write a readonly database\")");
		else
			why = _(": reading works, writing will fail (\"attempt "
			    "to write a readonly database\")");
		msg = store_access_denied(&d, what, why);
		free(what);
		free(path);
		if (s->mode == STORE_WRITE) {
			*cause = msg;
			return -1;
		}
		store_warn(s, msg);
	}
	return 0;
}

int
store_access(struct store *s, const struct stat *sb, char **cause)
{
	struct store_denied	 d = { s->path, s->login, 0, s->path, sb,
				     &store_need_read, (gid_t)-1 };
	struct stat		 dsb;
	char			*what;
	int			 havedir;

	if ((havedir = stat(s->dir, &dsb) == 0) &&
	    store_access_member(dsb.st_gid))
		d.share = dsb.st_gid;
	if (access(s->path, R_OK) != 0) {
		d.error = errno;
		*cause = store_access_denied(&d,
		    _("you cannot read the project"), "");
		return -1;
	}
	if (s->mode == STORE_WRITE && access(s->path, W_OK) != 0) {
		d.error = errno;
		d.need = &store_need_rw;
		*cause = store_access_denied(&d,
		    _("the project is read-only for you"), "");
		return -1;
	}
	if (s->mode == STORE_WRITE && access(s->dir, W_OK | X_OK) != 0) {
		d.error = errno;
		what = xprintf(_("its directory %s is not writable for you"),
		    s->dir);
		if (!havedir)
			*cause = xprintf("%s: %s: %s", s->path, what,
			    strerror(d.error));
		else {
			d.path = s->dir;
			d.sb = &dsb;
			d.need = &store_need_dir;
			d.share = (gid_t)-1;
			*cause = store_access_denied(&d, what,
			    _(", and tingxie keeps the project's -wal and -shm "
			    "files there"));
		}
		free(what);
		return -1;
	}
	if (store_access_journal(s, d.share, cause) != 0)
		return -1;
	if (havedir)
		store_access_dir_warn(s, sb, &dsb);
	return 0;
}

char *
store_access_unreachable(const char *path, const char *login)
{
	struct store_denied	 d = { path, login, EACCES, NULL, NULL,
				     &store_need_enter, (gid_t)-1 };
	struct stat		 sb;
	char			*dir = xstrdup(path), *slash, *what, *msg;

	/* The first directory on the way that we may not enter. */
	for (slash = dir + 1; (slash = strchr(slash, '/')) != NULL; slash++) {
		*slash = '\0';
		if (access(dir, X_OK) != 0 && errno == EACCES &&
		    stat(dir, &sb) == 0)
			break;
		*slash = '/';
	}
	if (slash == NULL) {
		free(dir);
		return NULL;
	}
	d.path = dir;
	d.sb = &sb;
	what = xprintf(_("you cannot enter its directory %s"), dir);
	msg = store_access_denied(&d, what, "");
	free(what);
	free(dir);
	return msg;
}
