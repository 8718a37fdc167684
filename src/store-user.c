/* store-user.c: the project's users and their roles. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store-int.h"
#include "xmalloc.h"

int
store_may(struct store *s, enum role_act act, char **cause)
{
	struct role_case	c = { 0 };

	if (store_role(s, &c.role, cause) != 0)
		return -1;
	return role_may(act, &c, cause);
}

int
store_role(struct store *s, enum role *role, char **cause)
{
	static const char sql[] = "SELECT role FROM user WHERE id = ?";
	sqlite3_stmt	*st;
	int64_t		 me;
	int		 rc, ok = 0;

	if (store_author(s, &me, cause) != 0 ||
	    (st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, me);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		ok = role_parse((const char *)sqlite3_column_text(st, 0),
		    role) == 0;
	sqlite3_reset(st);
	if (!ok) {
		*cause = rc == SQLITE_ROW || rc == SQLITE_DONE ?
		    xprintf(_("%s: the user '%s' has no valid role"),
		    store_path(s), store_login(s)) :
		    store_error(s, _("looking up the user"));
		return -1;
	}
	return 0;
}

static void
store_user_row(sqlite3_stmt *st, void *dst)
{
	struct store_user	*u = dst;

	memset(u, 0, sizeof *u);
	u->id = sqlite3_column_int64(st, 0);
	u->login = store_column_text(st, 1);
	u->uid = sqlite3_column_type(st, 2) == SQLITE_NULL ? -1 :
	    sqlite3_column_int64(st, 2);
	if (role_parse((const char *)sqlite3_column_text(st, 3), &u->role) != 0)
		u->role = ROLE_TRANSCRIBER;
	u->created = sqlite3_column_int64(st, 4);
	u->revisions = sqlite3_column_int64(st, 5);
}

static void
store_user_release(void *list, size_t n)
{
	store_user_list_free(list, n);
}

int
store_user_list(struct store *s, struct store_user **out, size_t *n,
    char **cause)
{
	static const char sql[] =
	    "SELECT u.id, u.login, u.uid, u.role, u.created, "
	    "(SELECT count(*) FROM revision r WHERE r.author = u.id) "
	    "FROM user u ORDER BY u.login";
	sqlite3_stmt	*st;
	void		*rows;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	rc = store_collect(s, st, sizeof **out, store_user_row,
	    store_user_release, &rows, n, _("reading users"), cause);
	*out = rows;
	return rc;
}

void
store_user_list_free(struct store_user *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i].login);
	free(list);
}

/* The id and role of a user by login: 0, 1 when there is none, or -1. */
static int
store_user_find(struct store *s, const char *login, int64_t *id,
    enum role *role, char **cause)
{
	static const char sql[] = "SELECT id, role FROM user WHERE login = ?";
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = store_stmt(s, sql, cause)) == NULL)
		return -1;
	store_bind_text(st, 1, login);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		if (role_parse((const char *)sqlite3_column_text(st, 1),
		    role) != 0)
			*role = ROLE_TRANSCRIBER;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	*cause = store_error(s, _("looking up a user"));
	return -1;
}

int
store_user_id(struct store *s, const char *login, int64_t *id,
    enum role *role, char **cause)
{
	int	rc = store_user_find(s, login, id, role, cause);

	if (rc == 1) {
		*cause = xprintf(_("'%s' is not a user of this project (see "
		    "'tingxie users %s list')"), login, store_path(s));
		return -1;
	}
	return rc;
}

static int
store_login_check(const char *login, char **cause)
{
	if (*login == '\0' || strpbrk(login, " \t\n\r/:") != NULL ||
	    strlen(login) > 64) {
		*cause = xprintf(_("'%s' is not an account name"), login);
		return -1;
	}
	return 0;
}

int
store_user_add(struct store *s, const char *login, enum role role,
    char **cause)
{
	int64_t	id;
	enum role old;
	int	rc;

	if (store_may(s, ACT_USERS, cause) != 0 ||
	    store_login_check(login, cause) != 0 || store_begin(s, cause) != 0)
		return -1;
	if ((rc = store_user_find(s, login, &id, &old, cause)) == 0) {
		*cause = xprintf(_("'%s' is a user already, as %s; change the "
		    "role with 'tingxie users %s set-role %s ROLE'"), login,
		    role_name(old), store_path(s), login);
		rc = -1;
	}
	if (rc == 1 && (store_add_user(s, login, role_name(role), &id,
	    cause) != 0 || store_change(s, "user", login, "add",
	    role_name(role), cause) != 0))
		rc = -1;
	else if (rc == 1)
		rc = 0;
	if (rc != 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, cause);
}

int
store_user_set_role(struct store *s, const char *login, enum role role,
    char **cause)
{
	static const char count[] =
	    "SELECT count(*) FROM user WHERE role = 'admin'";
	static const char set[] = "UPDATE user SET role = ? WHERE id = ?";
	sqlite3_stmt	*st;
	int64_t		 id, admins = 0;
	enum role	 old;

	if (store_may(s, ACT_USERS, cause) != 0 || store_begin(s, cause) != 0)
		return -1;
	if (store_user_id(s, login, &id, &old, cause) != 0)
		goto fail;
	if (old == ROLE_ADMIN && role != ROLE_ADMIN) {
		if ((st = store_stmt(s, count, cause)) == NULL)
			goto fail;
		if (sqlite3_step(st) == SQLITE_ROW)
			admins = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (admins <= 1) {
			*cause = xprintf(_("'%s' is the project's only admin; "
			    "make somebody else admin first"), login);
			goto fail;
		}
	}
	if ((st = store_stmt(s, set, cause)) == NULL)
		goto fail;
	sqlite3_bind_text(st, 1, role_name(role), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	if (store_step_done(s, st, _("changing a role"), cause) != 0 ||
	    store_change(s, "user", login, "set-role", role_name(role),
	    cause) != 0)
		goto fail;
	return store_commit(s, cause);
fail:
	store_rollback(s);
	return -1;
}
