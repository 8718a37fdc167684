/*
 * store-int.h: what the store*.c files share. Nothing outside the store
 * includes this.
 */
#ifndef TX_STORE_INT_H
#define TX_STORE_INT_H

#include <sys/stat.h>

#include <sqlite3.h>

#include "role.h"
#include "store.h"

#define STORE_STMT_CACHE 64
/* How long a change waits for another process's to end. */
#define STORE_BUSY_MS	10000

struct store_stmt {
	const char	*sql;		/* identity: a string literal */
	sqlite3_stmt	*stmt;
};

struct store {
	sqlite3			*db;
	char			*path;
	char			*dir;		/* absolute directory of path */
	char			*login;
	int64_t			 user_id;	/* 0 until store_author() */
	int			 depth;		/* transactions open (nested) */
	const char		*origin;	/* of revisions: NULL is "human" */
	int64_t			 work_ms;	/* for the next revision, or 0 */
	enum store_mode		 mode;
	int64_t			 busy_since;	/* ns, when the wait began */
	uint64_t		 busy_rng;	/* spreads the waiters' tries */
	struct store_stmt	 stmts[STORE_STMT_CACHE];
	int			 nstmts;
	char			**warnings;	/* store_warnings() */
	size_t			 nwarnings;
};

/*
 * Returns the prepared statement for sql (a literal: the pointer is the
 * cache key), reset and with no bindings, or NULL with *cause set.
 */
sqlite3_stmt	*store_stmt(struct store *, const char *sql, char **cause);
/* A message for the user from the database's last error. */
char		*store_error(struct store *, const char *what);
int		 store_begin(struct store *, char **cause);
int		 store_commit(struct store *, char **cause);
void		 store_rollback(struct store *);
/* Runs a statement that returns no rows to completion. */
int		 store_step_done(struct store *, sqlite3_stmt *, const char *what,
		     char **cause);
char		*store_column_text(sqlite3_stmt *, int col);
/*
 * Steps a bound statement to its end, appending one element of elem bytes
 * per row to a new array (*out, *n), filled in by row(). On a failure the
 * rows read so far are given to release(), *out is NULL and *cause says
 * what failed.
 */
int		 store_collect(struct store *, sqlite3_stmt *, size_t elem,
		     void (*row)(sqlite3_stmt *, void *),
		     void (*release)(void *, size_t), void **out, size_t *n,
		     const char *what, char **cause);
void		 store_bind_text(sqlite3_stmt *, int col, const char *);
/* Binds an id, or NULL for 0. */
void		 store_bind_id(sqlite3_stmt *, int col, int64_t);
int64_t		 store_now_ms(void);
/*
 * Logs a change to something that is not a segment (kind "speaker",
 * "vocabulary", "lexicon", "setting") in the append-only change table;
 * inside the caller's transaction.
 */
int		 store_change(struct store *, const char *kind, const char *key,
		     const char *action, const char *detail, char **cause);
/*
 * Gives seg the speaker code ("" for none) and, unless dialect_given,
 * the new speaker's (active) dialect when the segment had none or the old
 * speaker's.
 */
int		 store_segment_speaker(struct store *, struct segment *seg,
		     const char *code, int dialect_given, char **cause);
/* The ids a bound statement yields, in its order (caller frees *ids). */
int		 store_collect_ids(struct store *, sqlite3_stmt *, int64_t **ids,
		     size_t *n, const char *what, char **cause);
/*
 * Reads the segments whose ids a bound statement yields (in its order),
 * for changes to many segments at once.
 */
int		 store_segment_select(struct store *, sqlite3_stmt *,
		     struct segment **out, size_t *n, const char *what,
		     char **cause);
/* Moves a set of segments: used by speaker merges and vocabulary renames. */
/*
 * How a segment is written. A checked write is one whose permission the
 * caller has decided (a move, a speaker merge, a vocabulary rename):
 * the pass is the one given. Otherwise the write is an edit: the person's
 * role must allow each field it changes, and the pass follows from it.
 */
struct store_write {
	const char	*action;
	const char	*pass;		/* checked writes only */
	const char	*comment;	/* may be NULL */
	int		 checked;
};
int		 store_segment_write(struct store *, struct segment *seg,
		     int64_t expect, int64_t author, const struct store_write *,
		     char **cause);
/*
 * SQL: whether revision r wrote the transcription: a human one of the
 * transcription pass that submitted it or changed its text. A change of
 * tags or times alone does not make its author the transcriber.
 */
#define WROTE_TEXT(r) \
	"(" r ".pass = 'transcribe' AND " r ".origin = 'human' AND (" r \
	".action = 'submit' OR " r ".text IS NOT (SELECT w.text FROM " \
	"revision w WHERE w.segment_id = " r ".segment_id AND w.version = " \
	r ".version - 1)))"
/*
 * SQL: the user id of segment g's transcriber (the author of its latest
 * revision that wrote the transcription), 0 when there is none.
 */
#define TRANSCRIBER_OF(g) \
	"COALESCE((SELECT r.author FROM revision r WHERE r.segment_id = " g \
	".id AND " WROTE_TEXT("r") " ORDER BY r.version DESC LIMIT 1), 0)"
/*
 * SQL: segment g's duration in whole milliseconds at recording c's rate,
 * rounded half up (as timecode_ms()).
 */
#define DURATION_MS(g, c) \
	"((" g ".\"end\" - " g ".start) * 2000 + " c ".rate) / (2 * " c \
	".rate)"
/* Adds a user row (no permission check: the project's first admin). */
int		 store_add_user(struct store *, const char *login,
		     const char *role, int64_t *id, char **cause);
/* Whether the person's role allows a segment-less act (role.h). */
int		 store_may(struct store *, enum role_act, char **cause);
/* A user's id and role by login; a login that is none is refused. */
int		 store_user_id(struct store *, const char *login, int64_t *id,
		     enum role *, char **cause);
/* Whether the person transcribed / reviewed a segment (see role.h). */
int		 store_segment_case(struct store *, const struct segment *old,
		     struct role_case *c, char **cause);

/*
 * store-access.c: checks, before SQLite opens the project (whose stat is
 * sb), that this account may read it and, for s->mode STORE_WRITE, write
 * it, its directory and the -wal and -shm files beside it. A failure's
 * *cause names the file or directory, its mode, owner and group, whether
 * we are in that group and the command that fixes it. A set-up that works
 * for us but not for others sharing the project becomes a warning.
 */
int		 store_access(struct store *, const struct stat *sb,
		     char **cause);
/* Why path cannot be reached (a directory on the way we may not enter). */
char		*store_access_unreachable(const char *path, const char *login);
/* Adds a warning for store_warnings() (the store frees msg). */
void		 store_warn(struct store *, char *msg);

#endif
