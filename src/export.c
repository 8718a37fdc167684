/* export.c: selecting, naming, splitting and writing an export. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utf8proc.h>

#include "audio-cut.h"
#include "check.h"
#include "checksum.h"
#include "export.h"
#include "i18n.h"
#include "lang.h"
#include "lexicon.h"
#include "markup.h"
#include "xmalloc.h"

#define EXPORT_ID_MAX	48

/* Everything one export holds while it runs. */
struct export_job {
	struct store			*store;
	const struct fmt_ops		*fmt;
	const struct export_options	*opt;
	struct checker			*checker;
	struct store_recording		*recs;
	size_t				 nrecs;
	struct export_recording		*xrecs;	/* parallel to recs */
	struct speaker			*spks;
	size_t				 nspks;
	struct export_speaker		*xspks;	/* parallel to spks */
	struct segment			*segs;
	size_t				 nsegs;
	struct export_item		*items;	/* selected, in order */
	size_t				 nitems;
	int				*split;	/* split of each item */
	struct vocab_item		*dialects;
	size_t				 ndialects;
	char				*dir;	/* where it is built */
	int				 private_dir; /* built aside */
	export_progress			 progress;
	void				*arg;
	size_t				 done;
	struct export_summary		*sum;
};

/* ---- counts ---- */

static void
export_count(struct export_counts *c, const char *key, double seconds)
{
	for (size_t i = 0; i < c->n; i++) {
		if (strcmp(c->v[i].key, key) == 0) {
			c->v[i].n++;
			c->v[i].seconds += seconds;
			return;
		}
	}
	c->v = xreallocarray(c->v, c->n + 1, sizeof *c->v);
	c->v[c->n].key = xstrdup(key);
	c->v[c->n].n = 1;
	c->v[c->n].seconds = seconds;
	c->n++;
}

static void
export_counts_free(struct export_counts *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i].key);
	free(c->v);
	memset(c, 0, sizeof *c);
}

void
export_summary_free(struct export_summary *sum)
{
	export_counts_free(&sum->splits);
	export_counts_free(&sum->langs);
	export_counts_free(&sum->dialects);
	export_counts_free(&sum->skipped);
}

/* ---- ids ---- */

char *
export_id(const char *s)
{
	struct xxh64	 h;
	char		*id = xmalloc(EXPORT_ID_MAX + 24), *p = id;
	size_t		 kept = 0;
	int		 changed = 0;

	for (const char *q = s; *q != '\0'; q++) {
		unsigned char	c = (unsigned char)*q;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_' || c == '.') {
			if (kept < EXPORT_ID_MAX) {
				*p++ = (char)c;
				kept++;
			} else
				changed = 1;
		} else
			changed = 1;
	}
	*p = '\0';
	/* Hidden names and "..", never. */
	if (*id == '.' || *id == '\0') {
		memmove(id + 1, id, strlen(id) + 1);
		*id = 'x';
		changed = 1;
	}
	if (changed) {
		/* What was lost still tells ids apart. */
		xxh64_init(&h, 0);
		xxh64_update(&h, s, strlen(s));
		snprintf(id + strlen(id), 24, "_%08llx",
		    (unsigned long long)(xxh64_final(&h) & 0xffffffffULL));
	}
	return id;
}

/* ---- options ---- */

int
export_parse_splits(struct export_options *opt, const char *spec,
    char **cause)
{
	char		*copy = xstrdup(spec), *tok, *last, *eq, *end;
	unsigned	 total = 0;
	long		 pct;

	opt->nsplits = 0;
	for (tok = strtok_r(copy, ",", &last); tok != NULL;
	    tok = strtok_r(NULL, ",", &last)) {
		struct export_split *sp = &opt->splits[opt->nsplits];

		if ((eq = strchr(tok, '=')) == NULL || eq == tok ||
		    (size_t)(eq - tok) >= sizeof sp->name)
			goto bad;
		*eq = '\0';
		if (strspn(tok, "abcdefghijklmnopqrstuvwxyz0123456789_-") !=
		    strlen(tok))
			goto bad;
		pct = strtol(eq + 1, &end, 10);
		if (end == eq + 1 || *end != '\0' || pct <= 0 || pct > 100)
			goto bad;
		for (size_t i = 0; i < opt->nsplits; i++) {
			if (strcmp(opt->splits[i].name, tok) == 0)
				goto bad;
		}
		if (opt->nsplits == EXPORT_MAX_SPLITS)
			goto bad;
		snprintf(sp->name, sizeof sp->name, "%s", tok);
		sp->percent = (unsigned)pct;
		total += (unsigned)pct;
		opt->nsplits++;
	}
	free(copy);
	if (opt->nsplits == 0 || total != 100) {
		*cause = xprintf(_("--split '%s': the percentages must add up "
		    "to 100"), spec);
		opt->nsplits = 0;
		return -1;
	}
	return 0;
bad:
	free(copy);
	opt->nsplits = 0;
	*cause = xprintf(_("--split '%s' is not NAME=PERCENT,...: names of "
	    "a-z, 0-9, '_' or '-', each once, e.g. train=80,dev=10,test=10"),
	    spec);
	return -1;
}

/* ---- selecting ---- */

static const struct speaker *
export_speaker(struct export_job *j, const struct segment *g, size_t *index)
{
	if (g->speaker == NULL)
		return NULL;
	for (size_t i = 0; i < j->nspks; i++) {
		if (strcmp(j->spks[i].code, g->speaker) == 0) {
			*index = i;
			return &j->spks[i];
		}
	}
	return NULL;
}

static size_t
export_recording(struct export_job *j, int64_t id)
{
	for (size_t i = 0; i < j->nrecs; i++) {
		if (j->recs[i].id == id)
			return i;
	}
	return j->nrecs;
}

/* The minimum stage by default: accepted once review exists. */
static int
export_default_stage(struct export_job *j)
{
	for (size_t i = 0; i < j->nsegs; i++) {
		if (j->segs[i].stage >= STAGE_REVIEWED)
			return STAGE_ACCEPTED;
	}
	return STAGE_TRANSCRIBED;
}

static void
export_skip(struct export_job *j, const struct segment *g, const char *why)
{
	export_count(&j->sum->skipped, why,
	    (double)(g->end - g->start) / g->rate);
}

/* Appends a word to out (a space before all but the first). */
static void
export_emit(char *out, size_t *len, const char *word, size_t n)
{
	if (*len > 0)
		out[(*len)++] = ' ';
	memcpy(out + *len, word, n);
	*len += n;
	out[*len] = '\0';
}

/*
 * Corpus text has ASCII spaces only, one between words: Kaldi refuses
 * U+3000 and its kin. Rewrites text in place.
 */
static void
export_spaces(char *text)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)text;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 n;
	size_t			 in = 0, out = 0, len = strlen(text);

	while (in < len) {
		n = utf8proc_iterate(p + in, (utf8proc_ssize_t)(len - in), &cp);
		if (n <= 0) {
			text[out++] = text[in++];
			continue;
		}
		if (utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS) {
			if (out > 0 && text[out - 1] != ' ')
				text[out++] = ' ';
		} else {
			memmove(text + out, text + in, (size_t)n);
			out += (size_t)n;
		}
		in += (size_t)n;
	}
	while (out > 0 && text[out - 1] == ' ')
		out--;
	text[out] = '\0';
}

/* The text an item exports, or NULL (with *why) if it cannot. */
static char *
export_text(struct export_job *j, const struct segment *g, const char *lang,
    const char **why)
{
	struct lexicon		*lex;
	struct lexicon_word	*w;
	char			*text, *cause = NULL, *out, *tok, *last;
	size_t			 n, len = 0;

	if (j->opt->text == EXPORT_TEXT_MARKUP)
		text = xstrdup(g->text);
	else if ((text = markup_normalize(g->text, &j->opt->norm,
	    &cause)) == NULL) {
		free(cause);
		*why = _("markup errors (see 'tingxie check')");
		return NULL;
	}
	if (j->fmt->corpus)
		export_spaces(text);
	if (!j->opt->words || (lex = checker_lexicon(j->checker, lang,
	    &cause)) == NULL) {
		free(cause);
		return text;
	}
	/* Unspaced runs become words separated by spaces. */
	out = xmalloc(strlen(text) * 2 + 1);
	*out = '\0';
	for (tok = strtok_r(text, " ", &last); tok != NULL;
	    tok = strtok_r(NULL, " ", &last)) {
		size_t	tl = strlen(tok), at = 0;

		n = lexicon_segment(lex, tok, tl, &w);
		for (size_t i = 0; i < n; i++) {
			/* What lies between words (punctuation) stays. */
			if (w[i].off > at)
				export_emit(out, &len, tok + at, w[i].off - at);
			export_emit(out, &len, tok + w[i].off, w[i].len);
			at = w[i].off + w[i].len;
		}
		if (at < tl)
			export_emit(out, &len, tok + at, tl - at);
		free(w);
	}
	free(text);
	return out;
}

/* Whether a segment passes the filters; if not, counts why. */
static int
export_wanted(struct export_job *j, const struct segment *g,
    const struct speaker *sp, const char *lang, const char *dialect)
{
	const struct export_options	*o = j->opt;

	if ((int)g->stage < j->sum->stage) {
		export_skip(j, g, _("not yet at the stage exported"));
		return 0;
	}
	if (o->rec != NULL && strcmp(g->recording, o->rec) != 0)
		return 0;
	if (o->speaker != NULL && (sp == NULL ||
	    strcmp(sp->code, o->speaker) != 0))
		return 0;
	if (o->lang != NULL && !lang_covers(o->lang, lang))
		return 0;
	if (o->dialect != NULL && (dialect == NULL ||
	    strcmp(dialect, o->dialect) != 0))
		return 0;
	if (g->text == NULL || *g->text == '\0') {
		export_skip(j, g, _("no text"));
		return 0;
	}
	return 1;
}

/* The utterance id: <speaker>-<recording>-<start ms>-<end ms>. */
static char *
export_utt_id(const struct export_item *it)
{
	int	rate = it->rec->rec->rate;

	if (it->spk != NULL)
		return xprintf("%s-%s-%09lld-%09lld", it->spk->id, it->rec->id,
		    (long long)fmt_ms(it->start, rate),
		    (long long)fmt_ms(it->end, rate));
	return xprintf("%s-%09lld-%09lld", it->rec->id,
	    (long long)fmt_ms(it->start, rate), (long long)fmt_ms(it->end,
	    rate));
}

static int
export_item_cmp(const void *a, const void *b)
{
	const struct export_item	*x = a, *y = b;

	return strcmp(x->id, y->id);
}

static int
export_select(struct export_job *j, char **cause)
{
	size_t	 si = 0;

	j->items = xcalloc(j->nsegs + 1, sizeof *j->items);
	for (size_t i = 0; i < j->nsegs; i++) {
		const struct segment	*g = &j->segs[i];
		const struct speaker	*sp = export_speaker(j, g, &si);
		struct export_item	*it = &j->items[j->nitems];
		size_t			 ri = export_recording(j, g->recording_id);
		const char		*lang, *why = NULL;

		if (ri == j->nrecs)
			continue;
		lang = g->lang != NULL ? g->lang : j->recs[ri].lang;
		it->dialect = g->dialect != NULL ? g->dialect :
		    sp != NULL ? sp->dialect : NULL;
		if (!export_wanted(j, g, sp, lang, it->dialect))
			continue;
		if ((it->text = export_text(j, g, lang, &why)) == NULL ||
		    *it->text == '\0') {
			export_skip(j, g, why != NULL ? why :
			    _("no text once normalised"));
			free(it->text);
			it->text = NULL;
			continue;
		}
		it->seg = g;
		it->rec = &j->xrecs[ri];
		it->spk = sp != NULL ? &j->xspks[si] : NULL;
		it->lang = lang;
		it->start = g->start;
		it->end = g->end;
		it->id = export_utt_id(it);
		j->nitems++;
	}
	if (j->nitems == 0) {
		*cause = xstrdup(_("no segment to export: nothing matches the "
		    "filters (see the summary of what was skipped with "
		    "--stage or 'tingxie segments')"));
		return -1;
	}
	/* Interchange formats want time order; corpora want id order. */
	if (j->fmt->corpus)
		qsort(j->items, j->nitems, sizeof *j->items, export_item_cmp);
	for (size_t i = 1; i < j->nitems; i++) {
		if (strcmp(j->items[i - 1].id, j->items[i].id) == 0) {
			*cause = xprintf(_("segments %lld and %lld have the same "
			    "speaker and times; delete one (they would have "
			    "the same utterance id %s)"),
			    (long long)j->items[i - 1].seg->id,
			    (long long)j->items[i].seg->id, j->items[i].id);
			return -1;
		}
	}
	return 0;
}

/* ---- splits: by speaker, deterministic for a seed ---- */

/* The group an item's speaker is: a speaker id, or its recording. */
static const char *
export_group(const struct export_item *it)
{
	return it->spk != NULL ? it->spk->id : it->rec->id;
}

static int
export_str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
export_split(struct export_job *j)
{
	const struct export_options	*o = j->opt;
	const char			**groups, *key;
	double				*dur, total = 0, filled[EXPORT_MAX_SPLITS];
	size_t				*gi, *order, ng = 0;
	int				*assign;
	uint64_t			 rng = o->seed;

	j->split = xcalloc(j->nitems + 1, sizeof *j->split);
	if (o->nsplits == 0)
		return;
	/* The groups, by name, and each item's group, found once. */
	groups = xcalloc(j->nitems + 1, sizeof *groups);
	for (size_t i = 0; i < j->nitems; i++)
		groups[i] = export_group(&j->items[i]);
	qsort(groups, j->nitems, sizeof *groups, export_str_cmp);
	for (size_t i = 0; i < j->nitems; i++) {
		if (ng == 0 || strcmp(groups[ng - 1], groups[i]) != 0)
			groups[ng++] = groups[i];
	}
	gi = xcalloc(j->nitems + 1, sizeof *gi);
	dur = xcalloc(ng + 1, sizeof *dur);
	for (size_t i = 0; i < j->nitems; i++) {
		const struct export_item *it = &j->items[i];
		double	sec = (double)(it->end - it->start) / it->rec->rec->rate;

		key = export_group(it);
		gi[i] = (size_t)((const char **)bsearch(&key, groups, ng,
		    sizeof *groups, export_str_cmp) - groups);
		dur[gi[i]] += sec;
		total += sec;
	}
	/* Fisher-Yates with the seed: the same seed, the same splits. */
	order = xcalloc(ng + 1, sizeof *order);
	for (size_t g = 0; g < ng; g++)
		order[g] = g;
	for (size_t i = ng; i > 1; i--) {
		size_t	k = (size_t)(splitmix64(&rng) % i), t = order[i - 1];

		order[i - 1] = order[k];
		order[k] = t;
	}
	/* Each group goes where the most is missing from its share. */
	assign = xcalloc(ng + 1, sizeof *assign);
	memset(filled, 0, sizeof filled);
	for (size_t g = 0; g < ng; g++) {
		size_t	best = 0;
		double	gap, best_gap = -1e300;

		for (size_t sp = 0; sp < o->nsplits; sp++) {
			gap = total * o->splits[sp].percent / 100.0 -
			    filled[sp];
			if (gap > best_gap) {
				best_gap = gap;
				best = sp;
			}
		}
		assign[order[g]] = (int)best;
		filled[best] += dur[order[g]];
	}
	for (size_t i = 0; i < j->nitems; i++)
		j->split[i] = assign[gi[i]];
	free(assign);
	free(order);
	free(dur);
	free(gi);
	free(groups);
}

/* ---- directories ---- */

/* Whether a directory exists and has anything in it. */
static int
export_dir_empty(const char *path)
{
	DIR		*d;
	struct dirent	*de;
	int		 empty = 1;

	if ((d = opendir(path)) == NULL)
		return 1;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0) {
			empty = 0;
			break;
		}
	}
	closedir(d);
	return empty;
}

static int
export_mkdir(const char *path, char **cause)
{
	if (mkdir(path, 0777) != 0 && errno != EEXIST) {
		*cause = xprintf(_("%s: %s"), path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Removes a directory this export made (and only what is in it). */
static void
export_rmtree(const char *path)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 sb;
	char		*p;

	if ((d = opendir(path)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		xasprintf(&p, "%s/%s", path, de->d_name);
		if (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
			export_rmtree(p);
		else
			unlink(p);
		free(p);
	}
	closedir(d);
	rmdir(path);
}

/*
 * Decides where to build: a new directory is built next to where it goes
 * (*build, renamed at the end); with force an existing one is written
 * into.
 */
static int
export_target(const struct export_options *o, char **build, int *rename_it,
    char **cause)
{
	struct stat	 sb;
	char		*copy, *parent;

	*rename_it = 0;
	if (stat(o->out, &sb) == 0) {
		if (!S_ISDIR(sb.st_mode)) {
			*cause = xprintf(_("%s exists and is not a directory"),
			    o->out);
			return -1;
		}
		if (!export_dir_empty(o->out)) {
			if (!o->force) {
				*cause = xprintf(_("%s is not empty; choose a "
				    "new directory, or --force to write into "
				    "it"), o->out);
				return -1;
			}
			if ((*build = realpath(o->out, NULL)) == NULL) {
				*cause = xprintf(_("%s: %s"), o->out,
				    strerror(errno));
				return -1;
			}
			return 0;
		}
	}
	copy = xstrdup(o->out);
	parent = realpath(dirname(copy), NULL);
	if (parent == NULL) {
		*cause = xprintf(_("%s: the directory it goes in does not "
		    "exist; make it first"), o->out);
		free(copy);
		return -1;
	}
	free(copy);
	*build = xprintf("%s/.tingxie-export-XXXXXX", parent);
	free(parent);
	if (mkdtemp(*build) == NULL) {
		*cause = xprintf(_("%s: %s"), *build, strerror(errno));
		free(*build);
		*build = NULL;
		return -1;
	}
	*rename_it = 1;
	return 0;
}

/* ---- writing ---- */

/* Pieces in order of recording and start, so each is read forward. */
static int
export_piece_cmp(const void *a, const void *b)
{
	const struct audio_piece	*x = a, *y = b;
	int				 c = strcmp(x->src, y->src);

	if (c != 0)
		return c;
	return x->from < y->from ? -1 : x->from > y->from;
}

struct export_progress_arg {
	struct export_job	*j;
	size_t			 base;
};

static void
export_cut_progress(void *arg, size_t done, size_t total)
{
	struct export_progress_arg	*pa = arg;

	(void)total;
	if (pa->j->progress != NULL)
		pa->j->progress(pa->j->arg, pa->base + done, pa->j->nitems);
}

/* Whether cutting means decoding or resampling (not just copying). */
static int
export_cpu_bound(const struct export_set *set)
{
	if (set->opt->flac)
		return 1;
	for (size_t i = 0; i < set->nrecs; i++) {
		const struct store_recording *r = set->recs[i].rec;

		if (r->rate != set->opt->rate || r->channels != 1 ||
		    strcmp(r->format, "WAV") != 0)
			return 1;
	}
	return 0;
}

/* Cuts the audio of a split's items into DIR/audio. */
static int
export_cut(struct export_job *j, struct export_set *set, char **cause)
{
	const struct export_options	*o = j->opt;
	struct export_progress_arg	 pa = { j, j->done };
	struct audio_piece		*pieces;
	char				*adir, **paths;
	int64_t				 pad;
	int				 rc;

	xasprintf(&adir, "%s/audio", set->dir);
	if (export_mkdir(adir, cause) != 0) {
		free(adir);
		return -1;
	}
	pieces = xcalloc(set->nitems + 1, sizeof *pieces);
	paths = xcalloc(set->nitems + 1, sizeof *paths);
	for (size_t i = 0; i < set->nitems; i++) {
		struct export_item	*it = &set->items[i];
		struct audio_piece	*p = &pieces[i];

		pad = (int64_t)(o->pad * it->rec->rec->rate + 0.5);
		p->src = it->rec->path;
		p->from = it->start > pad ? it->start - pad : 0;
		p->to = it->end + pad < it->rec->rec->frames ? it->end + pad :
		    it->rec->rec->frames;
		p->ch = it->seg->channel;
		xasprintf(&it->audio, "audio/%s.%s", it->id, o->flac ? "flac" :
		    "wav");
		xasprintf(&paths[i], "%s/%s", set->dir, it->audio);
		p->dst = paths[i];
	}
	qsort(pieces, set->nitems, sizeof *pieces, export_piece_cmp);
	/*
	 * Built aside, the directory is ours alone: no temporary names.
	 * Copying WAV is bound by the disk, where threads only contend;
	 * decoding and resampling use every processor.
	 */
	rc = audio_cut_many(pieces, set->nitems, o->rate, o->flac,
	    j->private_dir, export_cpu_bound(set) ? 0 : 1, export_cut_progress,
	    &pa, cause);
	j->done += set->nitems;
	for (size_t i = 0; i < set->nitems; i++)
		free(paths[i]);
	free(paths);
	free(pieces);
	free(adir);
	return rc;
}

static int
export_rec_cmp(const void *a, const void *b)
{
	const struct export_recording	*x = a, *y = b;

	return strcmp(x->id, y->id);
}

static int
export_spk_cmp(const void *a, const void *b)
{
	const struct export_speaker	*x = a, *y = b;

	return strcmp(x->id, y->id);
}

/* The recordings and speakers of a set's items, in id order. */
static void
export_set_members(struct export_set *set)
{
	size_t	k;

	set->recs = xcalloc(set->nitems + 1, sizeof *set->recs);
	set->spks = xcalloc(set->nitems + 1, sizeof *set->spks);
	for (size_t i = 0; i < set->nitems; i++) {
		const struct export_item *it = &set->items[i];

		for (k = 0; k < set->nrecs; k++) {
			if (set->recs[k].rec == it->rec->rec)
				break;
		}
		if (k == set->nrecs)
			set->recs[set->nrecs++] = *it->rec;
		if (it->spk == NULL)
			continue;
		for (k = 0; k < set->nspks; k++) {
			if (set->spks[k].spk == it->spk->spk)
				break;
		}
		if (k == set->nspks)
			set->spks[set->nspks++] = *it->spk;
	}
	qsort(set->recs, set->nrecs, sizeof *set->recs, export_rec_cmp);
	qsort(set->spks, set->nspks, sizeof *set->spks, export_spk_cmp);
	/* Items point at the set's own recordings and speakers. */
	for (size_t i = 0; i < set->nitems; i++) {
		struct export_item *it = &set->items[i];

		for (k = 0; k < set->nrecs; k++) {
			if (set->recs[k].rec == it->rec->rec)
				it->rec = &set->recs[k];
		}
		for (k = 0; k < set->nspks && it->spk != NULL; k++) {
			if (set->spks[k].spk == it->spk->spk)
				it->spk = &set->spks[k];
		}
	}
}

/* Writes one directory: a split, or the whole export. */
static int
export_write_set(struct export_job *j, int split, const char *dir,
    const char *final_dir, char **cause)
{
	struct export_set	 set;
	int			 rc = -1;

	memset(&set, 0, sizeof set);
	set.opt = j->opt;
	set.store = j->store;
	set.checker = j->checker;
	set.dir = dir;
	set.final_dir = final_dir;
	set.split = split >= 0 ? j->opt->splits[split].name : NULL;
	set.dialects = j->dialects;
	set.ndialects = j->ndialects;
	set.items = xcalloc(j->nitems + 1, sizeof *set.items);
	for (size_t i = 0; i < j->nitems; i++) {
		if (split < 0 || j->split[i] == split)
			set.items[set.nitems++] = j->items[i];
	}
	export_set_members(&set);
	if (set.nitems == 0) {
		*cause = xprintf(_("split '%s' would be empty: the segments "
		    "have too few speakers for these splits; use fewer splits, "
		    "larger shares, or another --seed"), set.split);
		goto out;
	}
	if (j->fmt->corpus && j->opt->audio == EXPORT_AUDIO_CUT &&
	    export_cut(j, &set, cause) != 0)
		goto out;
	if (j->fmt->write(&set, cause) != 0)
		goto out;
	if (j->fmt->validate != NULL && j->fmt->validate(dir, cause) != 0)
		goto out;
	for (size_t i = 0; i < set.nitems; i++) {
		const struct export_item *it = &set.items[i];
		double	sec = (double)(it->end - it->start) / it->rec->rec->rate;

		export_count(&j->sum->splits, set.split != NULL ? set.split :
		    "", sec);
		export_count(&j->sum->langs, it->lang != NULL ? it->lang :
		    "-", sec);
		export_count(&j->sum->dialects, it->dialect != NULL ?
		    it->dialect : "-", sec);
		j->sum->nsegs++;
		j->sum->seconds += sec;
		free(it->audio);
	}
	rc = 0;
out:
	free(set.items);
	free(set.recs);
	free(set.spks);
	return rc;
}

/* ---- the job ---- */

static int
export_load(struct export_job *j, char **cause)
{
	char	*path;

	if (store_recording_list(j->store, &j->recs, &j->nrecs, cause) != 0 ||
	    store_speaker_list(j->store, 0, &j->spks, &j->nspks, cause) != 0 ||
	    store_segment_list(j->store, NULL, &j->segs, &j->nsegs,
	    cause) != 0 ||
	    store_vocab_list(j->store, VOCAB_DIALECT, 0, &j->dialects,
	    &j->ndialects, cause) != 0)
		return -1;
	j->xrecs = xcalloc(j->nrecs + 1, sizeof *j->xrecs);
	for (size_t i = 0; i < j->nrecs; i++) {
		j->xrecs[i].rec = &j->recs[i];
		j->xrecs[i].id = export_id(j->recs[i].name);
		path = store_resolve(j->store, j->recs[i].path);
		/* Written into files: the plain absolute path if there is one. */
		if ((j->xrecs[i].path = realpath(path, NULL)) == NULL)
			j->xrecs[i].path = xstrdup(path);
		free(path);
		j->xrecs[i].lang = j->recs[i].lang;
	}
	j->xspks = xcalloc(j->nspks + 1, sizeof *j->xspks);
	for (size_t i = 0; i < j->nspks; i++) {
		j->xspks[i].spk = &j->spks[i];
		j->xspks[i].id = export_id(j->spks[i].code);
	}
	return 0;
}

static void
export_free(struct export_job *j)
{
	for (size_t i = 0; i < j->nitems; i++) {
		free(j->items[i].id);
		free(j->items[i].text);
	}
	free(j->items);
	free(j->split);
	for (size_t i = 0; i < j->nrecs && j->xrecs != NULL; i++) {
		free((char *)j->xrecs[i].id);
		free(j->xrecs[i].path);
	}
	free(j->xrecs);
	for (size_t i = 0; i < j->nspks && j->xspks != NULL; i++)
		free((char *)j->xspks[i].id);
	free(j->xspks);
	store_recording_list_free(j->recs, j->nrecs);
	speaker_list_free(j->spks, j->nspks);
	segment_list_free(j->segs, j->nsegs);
	vocab_list_free(j->dialects, j->ndialects);
	checker_free(j->checker);
	free(j->dir);
}

/* Checks that the options make sense for the format. */
static int
export_options_check(const struct fmt_ops *fmt,
    const struct export_options *o, char **cause)
{
	if (fmt->write == NULL) {
		*cause = xprintf(_("%s is an input format only; see 'tingxie "
		    "export --help' for the output formats"), fmt->name);
		return -1;
	}
	if (!fmt->corpus && o->nsplits > 0) {
		*cause = xprintf(_("%s files are not split: --split is for "
		    "corpus formats (kaldi, nemo, hf, lhotse)"), fmt->name);
		return -1;
	}
	if (!fmt->corpus && o->audio == EXPORT_AUDIO_CUT) {
		*cause = xprintf(_("%s files point at the recordings: --audio "
		    "cut is for corpus formats"), fmt->name);
		return -1;
	}
	if (o->rate < 8000 || o->rate > 192000) {
		*cause = xprintf(_("--rate %d is not a sample rate from 8000 "
		    "to 192000"), o->rate);
		return -1;
	}
	if (o->pad < 0 || o->pad > 10) {
		*cause = xstrdup(_("--pad takes 0 to 10 seconds"));
		return -1;
	}
	return 0;
}

/*
 * Writes every directory of the export into j->dir; final is the absolute
 * path the export will have.
 */
static int
export_write(struct export_job *j, const char *final, char **cause)
{
	char	*dir, *fdir;
	int	 rc = 0;

	if (j->opt->nsplits == 0)
		return export_write_set(j, -1, j->dir, final, cause);
	for (size_t s = 0; s < j->opt->nsplits && rc == 0; s++) {
		xasprintf(&dir, "%s/%s", j->dir, j->opt->splits[s].name);
		xasprintf(&fdir, "%s/%s", final, j->opt->splits[s].name);
		rc = export_mkdir(dir, cause);
		if (rc == 0)
			rc = export_write_set(j, (int)s, dir, fdir, cause);
		free(dir);
		free(fdir);
	}
	return rc;
}

/* The absolute path of the output directory once it is in place. */
static char *
export_final(const char *out, const char *build, int rename_it)
{
	char	*copy, *base, *path;

	if (!rename_it)
		return xstrdup(build);
	copy = xstrdup(out);
	base = basename(copy);
	/* build is PARENT/.tingxie-export-XXXXXX */
	path = xprintf("%.*s/%s", (int)(strrchr(build, '/') - build), build,
	    base);
	free(copy);
	return path;
}

int
export_run(struct store *s, const struct fmt_ops *fmt,
    const struct export_options *o, export_progress progress, void *arg,
    struct export_summary *sum, char **cause)
{
	struct export_job	 j;
	char			*final;
	int			 rename_it, rc = -1;

	memset(sum, 0, sizeof *sum);
	if (export_options_check(fmt, o, cause) != 0)
		return -1;
	memset(&j, 0, sizeof j);
	j.store = s;
	j.fmt = fmt;
	j.opt = o;
	j.progress = progress;
	j.arg = arg;
	j.sum = sum;
	j.checker = checker_new(s, NULL);
	if (export_load(&j, cause) != 0)
		goto out;
	sum->stage = o->stage >= 0 ? o->stage : export_default_stage(&j);
	if (export_select(&j, cause) != 0)
		goto out;
	export_split(&j);
	if (export_target(o, &j.dir, &rename_it, cause) != 0)
		goto out;
	j.private_dir = rename_it;
	final = export_final(o->out, j.dir, rename_it);
	rc = export_write(&j, final, cause);
	free(final);
	if (rc != 0) {
		rc = -1;
		if (rename_it)
			export_rmtree(j.dir);
		goto out;
	}
	if (rename_it) {
		/* An empty directory may be where it goes: replace it. */
		rmdir(o->out);
		if (rename(j.dir, o->out) != 0) {
			*cause = xprintf(_("%s: %s"), o->out, strerror(errno));
			export_rmtree(j.dir);
			rc = -1;
			goto out;
		}
	}
	rc = 0;
out:
	export_free(&j);
	if (rc != 0)
		export_summary_free(sum);
	return rc;
}
