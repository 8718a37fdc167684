/*
 * role.h: who may do what to a project.
 *
 * Every account that uses a project has one role in it (enum role, in
 * store.h with the users). The rules here are pure (no SQL): the store
 * asks them before each change, with what it knows of the segment and of
 * the person, and refuses with their message.
 */
#ifndef TX_ROLE_H
#define TX_ROLE_H

#include "store.h"

const char	*role_name(enum role);
/* Parses a role's name; 0, or -1 when it is none. */
int		 role_parse(const char *, enum role *);

/* What a person does to a segment or to the project. */
enum role_act {
	ACT_TRANSCRIBE,		/* text, times, split, merge, delete, add */
	ACT_TAG,		/* speaker, language, dialect */
	ACT_SUBMIT,		/* done transcribing: -> transcribed */
	ACT_ACCEPT,		/* transcribed -> reviewed -> accepted */
	ACT_REJECT,		/* back to its transcriber, with a comment */
	ACT_REOPEN,		/* reviewed or accepted -> transcribed */
	ACT_CONFIRM,		/* a linguist confirms the tags */
	ACT_ASSIGN,		/* hands segments to a person */
	ACT_SAMPLE,		/* draws QA samples, gives verdicts */
	ACT_USERS,		/* adds users, changes roles */
	ACT_SETTINGS,		/* project settings */
	ACT_VOCAB,		/* dialect, event and language lists */
	ACT_SPEAKER_MERGE	/* merges speakers (rewrites segments) */
};

/* The segment an act is about, as far as the rules care. */
struct role_case {
	enum role		role;		/* of the person acting */
	enum segment_stage	stage;		/* the segment's, before */
	int			own;		/* the person transcribed it */
	int			reviewed;	/* the person reviewed it */
};

/*
 * 0 if the act is allowed; otherwise -1 with *cause saying why and what to
 * do instead. Segment-less acts (users, settings, ...) look at role only.
 */
int		 role_may(enum role_act, const struct role_case *, char **cause);
/*
 * The pass an edit belongs to: "transcribe" for transcribers and for
 * anybody's new or own segments, "review" for reviewers and admins
 * correcting others' work, "linguist" for linguists.
 */
const char	*role_pass(const struct role_case *);

#endif
