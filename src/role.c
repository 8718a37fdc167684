/* role.c: the rules of who may do what (see role.h). */
#include "config.h"

#include <string.h>

#include "i18n.h"
#include "names.h"
#include "role.h"
#include "xmalloc.h"

static const char *const role_names[ROLE_N] = {
	"transcriber", "reviewer", "linguist", "admin"
};

const char *
role_name(enum role r)
{
	return (unsigned)r < ROLE_N ? role_names[r] : "?";
}

int
role_parse(const char *s, enum role *out)
{
	int	i = names_find(role_names, ROLE_N, s);

	if (i >= 0) {
		*out = (enum role)i;
		return 0;
	}
	return -1;
}

static int
role_refuse(char **cause, const char *msg)
{
	*cause = xstrdup(msg);
	return -1;
}

/* Only the roles in mask (1 << role) may act. */
static int
role_among(unsigned mask, enum role r, const char *what, char **cause)
{
	if (mask & (1u << r))
		return 0;
	*cause = xprintf(_("you are a %s in this project: %s"), role_name(r),
	    what);
	return -1;
}

#define R(x)	(1u << (x))
#define REVIEWERS	(R(ROLE_REVIEWER) | R(ROLE_ADMIN))

int
role_may(enum role_act act, const struct role_case *c, char **cause)
{
	enum role	r = c->role;

	switch (act) {
	case ACT_TRANSCRIBE:
		if (role_among(~R(ROLE_LINGUIST), r, _("linguists change "
		    "speakers, languages and dialects, not text or times"),
		    cause) != 0)
			return -1;
		/* FALLTHROUGH */
	case ACT_TAG:
		if (c->stage == STAGE_ACCEPTED && (act == ACT_TRANSCRIBE ||
		    (r != ROLE_LINGUIST && r != ROLE_ADMIN)))
			return role_refuse(cause, _("the segment is accepted; "
			    "a reviewer can reopen it ('tingxie review PROJECT "
			    "reopen ID')"));
		if (r == ROLE_TRANSCRIBER && c->stage == STAGE_REVIEWED)
			return role_refuse(cause, _("the segment has been "
			    "reviewed; only reviewers change it now"));
		return 0;
	case ACT_SUBMIT:
		if (role_among(~R(ROLE_LINGUIST), r, _("linguists do not "
		    "submit transcriptions"), cause) != 0)
			return -1;
		if (c->stage != STAGE_NEW && c->stage != STAGE_TRANSCRIBED)
			return role_refuse(cause, _("the segment is past "
			    "transcription already"));
		return 0;
	case ACT_ACCEPT:
	case ACT_REJECT:
		if (role_among(REVIEWERS, r, act == ACT_ACCEPT ?
		    _("only reviewers and admins accept segments") :
		    _("only reviewers and admins reject segments"), cause) != 0)
			return -1;
		if (c->own)
			return role_refuse(cause, _("you transcribed this "
			    "segment; somebody else must review it"));
		if (c->stage == STAGE_NEW)
			return role_refuse(cause, _("the segment is not "
			    "transcribed yet"));
		if (c->stage == STAGE_ACCEPTED)
			return role_refuse(cause, act == ACT_ACCEPT ?
			    _("the segment is accepted already") :
			    _("the segment is accepted; reopen it first"));
		if (act == ACT_ACCEPT && c->stage == STAGE_REVIEWED &&
		    c->reviewed)
			return role_refuse(cause, _("you reviewed this "
			    "segment; another reviewer accepts it"));
		return 0;
	case ACT_REOPEN:
		if (role_among(REVIEWERS, r, _("only reviewers and admins "
		    "reopen segments"), cause) != 0)
			return -1;
		if (c->stage != STAGE_REVIEWED && c->stage != STAGE_ACCEPTED)
			return role_refuse(cause, _("only reviewed or accepted "
			    "segments can be reopened"));
		return 0;
	case ACT_CONFIRM:
		if (role_among(R(ROLE_LINGUIST) | R(ROLE_ADMIN), r,
		    _("only linguists and admins confirm tags"), cause) != 0)
			return -1;
		if (c->stage == STAGE_NEW)
			return role_refuse(cause, _("the segment is not "
			    "transcribed yet"));
		return 0;
	case ACT_ASSIGN:
		return role_among(REVIEWERS, r, _("only reviewers and admins "
		    "assign work"), cause);
	case ACT_SAMPLE:
		return role_among(REVIEWERS, r, _("only reviewers and admins "
		    "run quality inspection"), cause);
	case ACT_USERS:
		return role_among(R(ROLE_ADMIN), r, _("only admins add users "
		    "and change roles"), cause);
	case ACT_SETTINGS:
		return role_among(R(ROLE_ADMIN), r, _("only admins change "
		    "project settings"), cause);
	case ACT_VOCAB:
		return role_among(R(ROLE_LINGUIST) | R(ROLE_ADMIN), r,
		    _("only linguists and admins change the vocabularies"),
		    cause);
	case ACT_SPEAKER_MERGE:
		return role_among(REVIEWERS | R(ROLE_LINGUIST), r,
		    _("only reviewers, linguists and admins merge speakers"),
		    cause);
	}
	return role_refuse(cause, _("not allowed"));
}

const char *
role_pass(const struct role_case *c)
{
	switch (c->role) {
	case ROLE_LINGUIST:
		return "linguist";
	case ROLE_TRANSCRIBER:
		return "transcribe";
	default:
		if (c->own || c->stage == STAGE_NEW)
			return "transcribe";
		return "review";
	}
}
