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

#define STORE_SCHEMA_VERSION	4
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
 * file that is not a tingxie project, or one from a newer tingxie; and on
 * file permissions that do not let this account use it as mode says, with
 * the fix (doc/sharing.md).
 */
struct store	*store_open(const char *path, enum store_mode, char **cause);
void		 store_close(struct store *);
const char	*store_path(const struct store *);
/*
 * What opening found that works for this account but will trouble others
 * sharing the project, such as a directory that does not give new files
 * the project's group (doc/sharing.md): *n messages, for the user to see
 * once; owned by the store.
 */
const char *const *store_warnings(const struct store *, size_t *n);

/* The path of a recording's file as the user can open it (caller frees). */
char		*store_resolve(const struct store *, const char *stored);
/* A file's path as stored: relative to the project's directory. */
char		*store_relativize(const struct store *, const char *path,
		     char **cause);

/* ---- users: the OS accounts that work on a project, and their roles ---- */

enum role {
	ROLE_TRANSCRIBER,
	ROLE_REVIEWER,
	ROLE_LINGUIST,
	ROLE_ADMIN
};
#define ROLE_N 4

/*
 * Who is working: the account running this process (getuid), or the one
 * given here. Only root may act as another account (for administration
 * and tests); call before opening a project.
 */
int		 store_act_as(const char *login, char **cause);
/*
 * The person running this process as a user row. A project refuses, on
 * open, an account that is not one of its users.
 */
int		 store_author(struct store *, int64_t *user_id, char **cause);
const char	*store_login(const struct store *);
/* Their role, read afresh (an admin may change it at any time). */
int		 store_role(struct store *, enum role *, char **cause);

struct store_user {
	int64_t		 id;
	char		*login;
	int64_t		 uid;		/* -1 when not known */
	enum role	 role;
	int64_t		 created;	/* ms since the epoch */
	int64_t		 revisions;	/* filled by listings */
};

int	 store_user_list(struct store *, struct store_user **out, size_t *n,
	     char **cause);
void	 store_user_list_free(struct store_user *, size_t n);
/* Admins only: adds an account with a role. */
int	 store_user_add(struct store *, const char *login, enum role,
	     char **cause);
/* Admins only: changes a user's role; the last admin keeps the role. */
int	 store_user_set_role(struct store *, const char *login, enum role,
	     char **cause);

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
/* store_recording_find() for its id only. */
int	 store_recording_id(struct store *, const char *name, int64_t *id,
	     char **cause);
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

struct speaker {
	int64_t		 id;
	char		*code;		/* unique; no white space */
	char		*name;		/* each of these may be NULL */
	char		*gender;	/* "f", "m" or "o" */
	char		*native_lang;	/* BCP 47 */
	char		*dialect;	/* dialect vocabulary code */
	char		*notes;
	char		*merged_into;	/* code of the speaker it became */
	/* filled by listings */
	int64_t		 nsegments;
	double		 seconds;
};

/*
 * Looks up an active speaker by code. A code that is not there, or that
 * was merged into another, is refused with *cause saying what to do.
 */
int	 store_speaker_ensure(struct store *, const char *code, int64_t *id,
	     char **cause);
/* Adds a speaker; sp->id is set. A code already there is refused. */
int	 store_speaker_add(struct store *, struct speaker *sp, char **cause);
/* Reads a speaker by code (merged ones too). */
int	 store_speaker_get(struct store *, const char *code,
	     struct speaker *out, char **cause);
/*
 * Writes a speaker read with store_speaker_get() and then changed; its
 * code may change too (old_code is the code it was read by).
 */
int	 store_speaker_update(struct store *, struct speaker *sp,
	     const char *old_code, char **cause);
/*
 * Moves every segment of speaker from to speaker into (a revision each)
 * and marks from as merged into it. One transaction; *moved is set.
 */
int	 store_speaker_merge(struct store *, const char *from,
	     const char *into, size_t *moved, char **cause);
/*
 * Active speakers: with recording_id 0, all of them by code; otherwise
 * the recording's speakers in order of their first segment, then the
 * project's other speakers by code (the order of keys 1-9 on screen).
 */
int	 store_speaker_list(struct store *, int64_t recording_id,
	     struct speaker **out, size_t *n, char **cause);
void	 speaker_clear(struct speaker *);
void	 speaker_list_free(struct speaker *, size_t n);

/* ---- controlled vocabularies: dialects, events, languages ---- */

enum vocab_kind {
	VOCAB_DIALECT,		/* dialect tags of segments and speakers */
	VOCAB_EVENT,		/* event tags in text: [noise] */
	VOCAB_LANGUAGE		/* the project's languages (BCP 47) */
};
#define VOCAB_NKINDS 3

struct vocab_item {
	enum vocab_kind	 kind;
	char		*code;
	char		*label;		/* may be NULL */
	int		 retired;
	int64_t		 uses;		/* filled by listings */
};

const char	*vocab_kind_name(enum vocab_kind);
/* Parses "dialect", "event" or "language" (or "lang"); 0 or -1. */
int		 vocab_kind_parse(const char *, enum vocab_kind *);
int	 store_vocab_add(struct store *, enum vocab_kind, const char *code,
	     const char *label, char **cause);
/* Sets an item's label. */
int	 store_vocab_label(struct store *, enum vocab_kind, const char *code,
	     const char *label, char **cause);
/*
 * Renames an item's code and rewrites every use (segments' dialects,
 * languages and text, speakers, recordings), each segment as a revision.
 * One transaction; *rewritten is the number of segments changed.
 */
int	 store_vocab_rename(struct store *, enum vocab_kind, const char *code,
	     const char *new_code, size_t *rewritten, char **cause);
/* Retires an item: kept in old data, refused for new uses. */
int	 store_vocab_retire(struct store *, enum vocab_kind, const char *code,
	     int retired, char **cause);
/* The items of one kind (retired ones when all is set), by code. */
int	 store_vocab_list(struct store *, enum vocab_kind, int all,
	     struct vocab_item **out, size_t *n, char **cause);
void	 vocab_list_free(struct vocab_item *, size_t n);
/*
 * Checks that code may be used now: an active item of the kind. For
 * languages a well-formed tag is enough while the project lists none.
 */
int	 store_vocab_check(struct store *, enum vocab_kind, const char *code,
	     char **cause);

/* ---- words a project adds to the lexicons ---- */

struct store_word {
	char		*lang;
	char		*word;
	char		*pron;		/* may be NULL */
	char		*added_by;	/* login */
};

/* Adds a word (NFC, no white space); 1 if it was already there. */
int	 store_word_add(struct store *, const char *lang, const char *word,
	     const char *pron, char **cause);
/* The project's words, of one language or (lang NULL) all. */
int	 store_word_list(struct store *, const char *lang,
	     struct store_word **out, size_t *n, char **cause);
void	 store_word_list_free(struct store_word *, size_t n);

/* ---- settings (small project-wide values) ---- */

/* *value is NULL when the key is not set; caller frees. */
int	 store_setting_get(struct store *, const char *key, char **value,
	     char **cause);
/* Sets a setting; a NULL value removes it (back to its default). */
int	 store_setting_set(struct store *, const char *key, const char *value,
	     char **cause);

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
	int64_t			 assignee;	/* user id, 0 = nobody */
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
/*
 * A person's change to one segment's fields. NULL leaves a field as it is;
 * "" clears speaker, language or dialect. Times are frames; -1 leaves
 * them.
 */
struct segment_edit {
	const char	*text;
	const char	*speaker;	/* code of an active speaker */
	const char	*lang;		/* one of the project's languages */
	const char	*dialect;	/* an active dialect tag */
	int64_t		 start;
	int64_t		 end;
};

/*
 * Applies an edit to segment id, checking what it gives against the
 * project: unknown or merged speakers, malformed tags, languages the
 * project does not list and dialects outside its vocabulary are refused.
 * A new speaker brings their dialect when the segment has none or had the
 * old speaker's. Text on a new segment makes it transcribed. The segment
 * must be at version expect (0: whatever it is now), else STORE_CONFLICT.
 * On success *out (cleared first) is the segment as stored.
 */
int	 store_segment_set(struct store *, int64_t id, int64_t expect,
	     const struct segment_edit *, struct segment *out, char **cause);
/*
 * store_segment_add() of a segment a person gives (the command line, an
 * import): its speaker, language and dialect are checked as above, and it
 * takes its speaker's dialect when it has none.
 */
int	 store_segment_create(struct store *, struct segment *seg,
	     char **cause);
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

/* ---- review passes: moves between stages, assignment, leases ---- */

enum store_move {
	MOVE_SUBMIT,		/* new/transcribed -> transcribed */
	MOVE_ACCEPT,		/* transcribed -> reviewed -> accepted */
	MOVE_REJECT,		/* -> new, back to its transcriber */
	MOVE_REOPEN,		/* reviewed/accepted -> transcribed */
	MOVE_CONFIRM,		/* a linguist confirms the tags */
	MOVE_QA_ACCEPT,		/* a batch passed inspection: -> accepted */
	MOVE_QA_RETURN		/* a batch failed it: -> new, back */
};

const char	*store_move_name(enum store_move);
int		 store_move_parse(const char *, enum store_move *);

/*
 * Moves segment id (at version expect; 0: whatever it is now) as the
 * person's role allows (role.h), as one revision with the comment (which
 * a reject must have), and ends their lease on it. *out (cleared first)
 * is the segment as stored. STORE_CONFLICT if it changed meanwhile.
 */
int	 store_segment_move(struct store *, int64_t id, int64_t expect,
	     enum store_move, const char *comment, struct segment *out,
	     char **cause);
/*
 * Whether the person may make the move now, a reject's comment aside: 0,
 * or -1 with *cause saying why not (as store_segment_move would). Nothing
 * is written; the screen asks before it asks for a comment.
 */
int	 store_segment_may_move(struct store *, int64_t id, enum store_move,
	     char **cause);
/*
 * The login of the person who transcribed a segment (the latest human
 * revision of the transcription pass that submitted or changed its
 * text), or NULL when none did.
 */
char	*store_segment_transcriber(struct store *, int64_t id);
/*
 * Gives login the next count segments (0: all) of recording rec (0: any)
 * that wait for their role and nobody has: transcribers get new ones,
 * reviewers transcribed ones they did not transcribe, linguists
 * transcribed or later ones. A revision each; *assigned is how many.
 */
int	 store_assign(struct store *, const char *login, int64_t rec,
	     size_t count, size_t *assigned, char **cause);

struct task_filter {
	int64_t		 recording_id;	/* 0 = any */
	const char	*lang;		/* a tag and the tags under it */
	const char	*dialect;
};

/*
 * The person's next task for their role: segments assigned to them
 * first, then unassigned ones, in recording order (rejected and sampled
 * ones first). It is leased to them for the setting lease.minutes
 * (default 30), so that nobody else's next task is the same segment;
 * taking a task ends their other leases. Returns 1 with *out untouched
 * when the queue is empty.
 */
int	 store_task_next(struct store *, const struct task_filter *,
	     struct segment *out, char **cause);
/* How many segments wait in the person's queue (leased to others too). */
int	 store_task_count(struct store *, const struct task_filter *,
	     size_t *n, char **cause);
/*
 * The ids of the segments waiting in the person's queue, in the order
 * store_task_next() takes them, leaving out those leased to somebody
 * else (caller frees *ids): the screen's list of tasks.
 */
int	 store_task_ids(struct store *, const struct task_filter *,
	     int64_t **ids, size_t *n, char **cause);
/* Ends the person's lease on a segment (0: all of theirs). */
int	 store_task_release(struct store *, int64_t id, char **cause);
/*
 * The milliseconds the person spent on the change written next (the
 * screen measures them); 0 for none. Applies to one write.
 */
void	 store_set_work_ms(struct store *, int64_t ms);

/* ---- history ---- */

struct store_revision {
	int64_t		 version;
	int64_t		 time;		/* ms since the epoch */
	char		*author;	/* login */
	char		*pass;		/* transcribe, review, linguist, ... */
	char		*action;	/* create, edit, accept, reject, ... */
	char		*origin;	/* human or machine */
	char		*comment;	/* may be NULL */
	char		*assignee;	/* login, may be NULL */
	int64_t		 work_ms;	/* 0 when not measured */
	struct segment	 state;		/* the segment after this change */
};

/* Every revision of a segment, oldest first. */
int	 store_history(struct store *, int64_t id, struct store_revision **out,
	     size_t *n, char **cause);
void	 store_history_free(struct store_revision *, size_t n);
/*
 * The latest revision of segment id in a pass ("transcribe": the text as
 * its transcriber left it, which a review is compared with). Returns 1,
 * with *out cleared, when the segment has none in that pass.
 */
int	 store_pass_revision(struct store *, int64_t id, const char *pass,
	     struct store_revision *out, char **cause);
void	 store_revision_clear(struct store_revision *);

/* ---- measures of the review work (report.h computes them) ---- */

/*
 * A reviewed segment: one with a revision of the review pass (a QA
 * verdict, pass qa, is not a review: nobody read the segment). hyp is
 * what the transcription pass handed over: the text of its last
 * transcription revision before its first review revision. ref is what
 * review made of it: its current text once reviewed or accepted; else
 * (sent back or reopened) the text of its latest review revision.
 */
struct store_pair {
	int64_t			 segment_id;
	char			*transcriber;	/* login of the person who wrote
						   hyp; NULL: nobody (ASR) */
	char			*recording;
	char			*lang;		/* NULL: none */
	char			*dialect;	/* the segment's, else its
						   speaker's; NULL: none */
	int64_t			 ms;		/* duration */
	enum segment_stage	 stage;		/* now */
	char			*hyp;
	char			*ref;
};

/*
 * The reviewed segments of recording rec (0: all), or only those drawn
 * in QA sample (0: any), in recording order.
 */
int	 store_report_pairs(struct store *, int64_t rec, int64_t sample,
	     struct store_pair **out, size_t *n, char **cause);
void	 store_pair_list_free(struct store_pair *, size_t n);

struct store_stage_total {
	size_t		 segments;
	int64_t		 ms;		/* their audio */
};

/* The segments and audio at each stage (indexed by enum segment_stage). */
int	 store_report_stages(struct store *, int64_t rec,
	     struct store_stage_total totals[4], char **cause);

/* The work of one pass, of one person. */
struct store_pass_work {
	size_t		 segments;	/* transcribed (as their transcriber,
					   stage past new), reviewed, checked */
	int64_t		 ms;		/* their audio */
	int64_t		 work_ms;	/* time spent, where measured */
	int64_t		 worked_ms;	/* audio of the segments measured */
};

enum store_pass {
	PASS_TRANSCRIBE,
	PASS_REVIEW,
	PASS_LINGUIST
};
#define PASS_N 3

struct store_work {
	char			*login;
	enum role		 role;
	struct store_pass_work	 pass[PASS_N];
};

/* Every user's work (zero for some), by login. */
int	 store_report_work(struct store *, int64_t rec, struct store_work **out,
	     size_t *n, char **cause);
void	 store_work_list_free(struct store_work *, size_t n);

/*
 * A person's judgment of a segment's dialect: the dialect of their latest
 * revision of the linguist pass (a confirmation keeps the tag, a re-tag
 * changes it).
 */
struct store_judgment {
	int64_t		 segment_id;
	char		*rater;		/* login */
	char		*label;		/* dialect code; "" for none */
};

/* The judgments of segments of recording rec (0: all), by segment, rater. */
int	 store_report_judgments(struct store *, int64_t rec,
	     struct store_judgment **out, size_t *n, char **cause);
void	 store_judgment_list_free(struct store_judgment *, size_t n);

/* ---- quality inspection: samples and batch verdicts ---- */

/*
 * A batch is one transcriber's segments of one recording. Rates and
 * thresholds are whole parts per million (10% is 100000), so that a
 * verdict at the threshold is exact.
 */
enum qa_per {
	QA_PER_ALL,		/* the rate applies to all segments at once */
	QA_PER_TRANSCRIBER,	/* within each batch */
	QA_PER_RECORDING	/* within each recording */
};

/* "all", "transcriber", "recording". */
const char	*qa_per_name(enum qa_per);
int		 qa_per_parse(const char *, enum qa_per *);

struct qa_request {
	int64_t		 rate;		/* ppm, 1 to 1000000 */
	enum qa_per	 per;
	int64_t		 recording_id;	/* 0: all recordings */
	int		 seeded;	/* 0: a seed is chosen (and kept) */
	int64_t		 seed;		/* 0 or more */
};

struct qa_sample {
	int64_t		 id;
	int64_t		 drawn;		/* ms since the epoch */
	char		*drawn_by;	/* login */
	int64_t		 rate;		/* ppm */
	int64_t		 seed;
	enum qa_per	 per;
	size_t		 segments;	/* how many were drawn */
	size_t		 inspected;	/* of them; filled by listings */
};

struct qa_batch {
	char		*transcriber;	/* login; NULL: nobody (ASR) */
	char		*recording;
	size_t		 segments;	/* transcribed or later */
	int64_t		*ids;		/* drawn, increasing */
	size_t		 nids;
};

/*
 * Draws a sample of the segments transcribed or later (review_sample():
 * the same seed and segments give the same sample) and keeps it (qa_sample,
 * qa_item, and a change). Reviewers and admins only. *out is the sample,
 * *batches (by recording, then transcriber) what was drawn of each batch.
 * Refused, changing nothing, when there is nothing to draw from.
 */
int	 store_qa_sample(struct store *, const struct qa_request *,
	     struct qa_sample *out, struct qa_batch **batches, size_t *n,
	     char **cause);
void	 qa_batch_list_free(struct qa_batch *, size_t n);
void	 qa_sample_clear(struct qa_sample *);
/* The samples drawn, oldest first. */
int	 store_qa_list(struct store *, struct qa_sample **out, size_t *n,
	     char **cause);
void	 qa_sample_list_free(struct qa_sample *, size_t n);

enum qa_verdict {
	QA_WAIT,		/* sampled segments not inspected yet */
	QA_ACCEPT,		/* at or above the threshold */
	QA_RETURN,		/* below it */
	QA_REFUSED,		/* the person may not judge it: why says */
	QA_DONE			/* a verdict was given since the sample */
};

/* What became of one batch of a sample. */
struct qa_result {
	char		*transcriber;	/* login; NULL: nobody (ASR) */
	char		*recording;
	size_t		 sampled;
	size_t		 inspected;
	size_t		 tokens;	/* of the inspected: characters of
					   unspaced script and words */
	size_t		 errors;
	enum qa_verdict	 verdict;
	size_t		 moved;		/* segments accepted or returned */
	char		*why;		/* QA_REFUSED: the reason */
};

/*
 * Judges each batch of a sample (0: the latest) by the accuracy of its
 * inspected sampled segments: a sampled segment is inspected when somebody
 * reviewed it (it is reviewed or accepted after a review revision, or has
 * a review revision since the sample was drawn). A batch whose sampled
 * segments are all inspected is accepted (MOVE_QA_ACCEPT) when its
 * accuracy is at or above threshold (ppm), else returned to its
 * transcriber (MOVE_QA_RETURN, with a comment giving the figures): its
 * segments that were transcribed when the sample was drawn and are
 * transcribed or reviewed now. Each batch is one transaction; one the
 * person may not judge is reported (QA_REFUSED) and the others go on.
 * With dry_run nothing is written. *sample is the sample judged.
 */
int	 store_qa_verdict(struct store *, int64_t sample, int64_t threshold,
	     int dry_run, struct qa_sample *sample_out, struct qa_result **out,
	     size_t *n, char **cause);
void	 qa_result_list_free(struct qa_result *, size_t n);

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

/* ---- several changes as one ---- */

/*
 * Wraps any number of the calls above in one transaction: all of them are
 * written, or (after store_transaction_rollback) none. Transactions nest.
 */
int	 store_transaction_begin(struct store *, char **cause);
int	 store_transaction_commit(struct store *, char **cause);
void	 store_transaction_rollback(struct store *);
/*
 * Marks the revisions written from now on as made by "human" (NULL, the
 * default) or "machine" (imported ASR output, for review to tell apart).
 */
void	 store_set_origin(struct store *, const char *origin);

/* ---- maintenance ---- */

/* Runs PRAGMA integrity_check; returns 0 when it says "ok". */
int	 store_check(struct store *, char **cause);

#endif
