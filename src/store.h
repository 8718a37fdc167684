/*
 * store.h: the project file, one SQLite database per project.
 *
 * All SQL in tingxie lives behind this header (store*.c). Times are sample
 * frames at the recording's rate. Text is NFC UTF-8 (see text.h). Every
 * change to a segment is written together with an append-only revision row
 * in one short transaction.
 *
 * Errors: functions returning int give 0 on success and -1 on failure with
 * *cause set to a message for the user (caller frees). Functions returning
 * a pointer give NULL on failure, likewise. Lists and structs handed out are
 * freed with the matching *_free function.
 */
#ifndef TX_STORE_H
#define TX_STORE_H

#include <stddef.h>
#include <stdint.h>

#define STORE_SCHEMA_VERSION	2
#define STORE_APPLICATION_ID	0x54584945	/* "TXIE" */

struct store;

/* Returned, with *cause set, when a segment changed since it was read. */
#define STORE_CONFLICT	(-2)

enum store_mode {
	STORE_READ,		/* read only; never writes to the file */
	STORE_WRITE		/* read and write; refuses a read-only file */
};

/* Creates a new project at path; fails if anything exists there. */
struct store	*store_create(const char *path, char **cause);
/*
 * Opens an existing project. Fails, changing nothing, on a missing path, a
 * file that is not a tingxie project, or one from a newer tingxie.
 */
struct store	*store_open(const char *path, enum store_mode, char **cause);
void		 store_close(struct store *);
const char	*store_path(const struct store *);

/* The path of a recording's file as the user can open it (caller frees). */
char		*store_resolve(const struct store *, const char *stored);
/* A file's path as stored: relative to the project's directory. */
char		*store_relativize(const struct store *, const char *path,
		     char **cause);

/* The OS account running this process, as a user row (created if new). */
int		 store_author(struct store *, int64_t *user_id, char **cause);
const char	*store_login(const struct store *);

/* ---- recordings ---- */

struct store_recording {
	int64_t		 id;
	char		*name;
	char		*path;		/* relative to the project directory */
	char		*checksum;	/* "xxh64:..." of the file's bytes */
	int64_t		 size;		/* file size in bytes when added */
	int64_t		 mtime;		/* file mtime (ns) when added */
	char		*format;	/* "WAV", "FLAC", ... */
	int		 rate;
	int		 channels;
	int64_t		 frames;
	char		*lang;		/* default language, may be NULL */
	int64_t		 nsegments;	/* filled by listings */
};

struct peaks_builder;

/*
 * Adds a recording and its peak cache in one transaction. rec->id is set.
 * A recording with the same path or checksum is refused with *cause naming
 * it and *existing set to its id.
 */
int	 store_recording_add(struct store *, struct store_recording *rec,
	     struct peaks_builder *, int64_t *existing, char **cause);
/* Looks a recording up by name, or by id when name is all digits. */
int	 store_recording_find(struct store *, const char *name,
	     struct store_recording *out, char **cause);
int	 store_recording_get(struct store *, int64_t id,
	     struct store_recording *out, char **cause);
int	 store_recording_list(struct store *, struct store_recording **out,
	     size_t *n, char **cause);
void	 store_recording_clear(struct store_recording *);
void	 store_recording_list_free(struct store_recording *, size_t n);

/* ---- peak cache ---- */

struct store_peak_level {
	int		level;
	int64_t		frames_per_bin;
	int64_t		bins;
	int		chunk_bins;
};

int	 store_peak_levels(struct store *, int64_t rec,
	     struct store_peak_level **out, size_t *n, char **cause);
/* Reads one chunk's bytes; *data is malloc'd (caller frees). */
int	 store_peak_chunk(struct store *, int64_t rec, int level,
	     int64_t chunk, unsigned char **data, size_t *len, char **cause);

/* ---- speakers ---- */

/* Finds a speaker by code, creating it when create is set. */
int	 store_speaker_ensure(struct store *, const char *code, int create,
	     int64_t *id, char **cause);

/* ---- segments ---- */

enum segment_stage {
	STAGE_NEW,
	STAGE_TRANSCRIBED,
	STAGE_REVIEWED,
	STAGE_ACCEPTED
};

const char	*segment_stage_name(enum segment_stage);
int		 segment_stage_parse(const char *, enum segment_stage *);

struct segment {
	int64_t			 id;
	int64_t			 recording_id;
	int			 channel;	/* 0 = first; -1 = all */
	int64_t			 start;		/* frames */
	int64_t			 end;		/* frames, > start */
	int64_t			 speaker_id;	/* 0 = none */
	char			*speaker;	/* code, filled by listings */
	char			*lang;		/* BCP 47 or NULL */
	char			*dialect;	/* vocabulary code or NULL */
	enum segment_stage	 stage;
	char			*text;		/* NFC UTF-8 */
	int64_t			 version;	/* number of revisions */
	int			 deleted;
	/* filled by listings */
	char			*recording;
	int			 rate;
};

struct segment_filter {
	int64_t		 recording_id;	/* 0 = all */
};

/* Adds a segment (and its first revision). seg->id and version are set. */
int	 store_segment_add(struct store *, struct segment *seg, char **cause);
/* Reads one segment (deleted ones too). */
int	 store_segment_get(struct store *, int64_t id, struct segment *out,
	     char **cause);
/*
 * Writes the states of n segments in one transaction, each as a new
 * revision tagged with action. Each segment must still be at version
 * expect[i] (the version it had when it was read); if another writer got
 * there first, nothing is written and STORE_CONFLICT is returned with
 * *cause naming the segment and who changed it. On success each state's
 * version is its new version and its text is the stored (NFC) text.
 */
int	 store_segment_apply(struct store *, struct segment *states,
	     const int64_t *expect, size_t n, const char *action, char **cause);
/* store_segment_apply() of one segment expected at seg->version. */
int	 store_segment_update(struct store *, struct segment *seg,
	     const char *action, char **cause);
/*
 * Splits seg at frame at (strictly inside it): seg keeps [start, at) and
 * left_text; a new segment *right gets [at, end), right_text and seg's
 * speaker, language, dialect and stage. One transaction.
 */
int	 store_segment_split(struct store *, struct segment *seg, int64_t at,
	     const char *left_text, const char *right_text,
	     struct segment *right, char **cause);
/*
 * Merges second into first: first runs to second's end, its text is both
 * texts joined (with a space unless either side is unspaced script), and
 * second is deleted. One transaction; both are version-checked.
 */
int	 store_segment_merge(struct store *, struct segment *first,
	     struct segment *second, char **cause);
/* Marks a segment deleted (a revision like any change). */
int	 store_segment_delete(struct store *, struct segment *seg,
	     char **cause);
/* The login of whoever wrote a segment's latest revision (caller frees). */
char	*store_segment_author(struct store *, int64_t id);
/* Copies a segment's fields (strings duplicated) into a cleared *dst. */
void	 segment_copy(struct segment *dst, const struct segment *src);

/*
 * A number that changes whenever another connection commits to the
 * project (PRAGMA data_version): poll it to notice other users' changes.
 */
int64_t	 store_data_version(struct store *);

/* ---- drafts: text typed but not yet committed ---- */

struct store_draft {
	int64_t		 segment_id;
	int64_t		 base_version;	/* the segment's version when typed */
	char		*text;
	int64_t		 saved;		/* ms since the epoch */
};

/* Saves (replaces) this user's draft for a segment. */
int	 store_draft_save(struct store *, int64_t segment_id,
	     int64_t base_version, const char *text, char **cause);
int	 store_draft_clear(struct store *, int64_t segment_id, char **cause);
/* This user's drafts, newest first. */
int	 store_draft_list(struct store *, struct store_draft **out, size_t *n,
	     char **cause);
void	 store_draft_list_free(struct store_draft *, size_t n);
int	 store_segment_list(struct store *, const struct segment_filter *,
	     struct segment **out, size_t *n, char **cause);
void	 segment_clear(struct segment *);
void	 segment_list_free(struct segment *, size_t n);

/* ---- maintenance ---- */

/* Runs PRAGMA integrity_check; returns 0 when it says "ok". */
int	 store_check(struct store *, char **cause);

#endif
