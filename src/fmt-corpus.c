/* fmt-corpus.c: what the ASR corpus formats share (see fmt-corpus.h). */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fmt-corpus.h"
#include "i18n.h"
#include "text.h"
#include "xmalloc.h"

#define CORPUS_DECIMALS	15

void
corpus_item_ms(const struct export_item *it, int64_t *start, int64_t *end)
{
	int	rate = it->rec->rec->rate;

	*start = fmt_ms(it->start, rate);
	*end = fmt_ms(it->end, rate);
}

char *
corpus_ms_str(int64_t ms, char *buf, size_t len)
{
	return fmt_seconds(ms, 1000, buf, len);
}

char *
corpus_ratio_str(int64_t num, int64_t den, char *buf, size_t len)
{
	char		 frac[CORPUS_DECIMALS + 2];
	int64_t		 whole = num / den, rem = num % den;
	size_t		 n;

	/* One digit more than kept, for rounding; rem < den, a rate. */
	for (n = 0; n < CORPUS_DECIMALS + 1; n++) {
		rem *= 10;
		frac[n] = (char)('0' + rem / den);
		rem %= den;
	}
	n = CORPUS_DECIMALS;
	if (frac[n] >= '5') {
		while (n > 0 && frac[n - 1] == '9')
			frac[--n] = '0';
		if (n == 0)
			whole++;
		else
			frac[n - 1]++;
	}
	for (n = CORPUS_DECIMALS; n > 1 && frac[n - 1] == '0'; n--)
		;
	frac[n] = '\0';
	snprintf(buf, len, "%lld.%s", (long long)whole, frac);
	return buf;
}

int
corpus_cut_rate(const struct export_set *set)
{
	if (set->opt != NULL && set->opt->rate > 0)
		return set->opt->rate;
	return CORPUS_RATE;
}

void
corpus_cut_span(const struct export_set *set, const struct export_item *it,
    int64_t *from, int64_t *to)
{
	const struct store_recording	*r = it->rec->rec;
	int64_t				 pad = 0;

	if (set->opt != NULL && set->opt->pad > 0)
		pad = (int64_t)(set->opt->pad * r->rate + 0.5);
	*from = it->start > pad ? it->start - pad : 0;
	*to = it->end + pad;
	if (r->frames > 0 && *to > r->frames)
		*to = r->frames;
	if (*to < it->end)
		*to = it->end;
}

int64_t
corpus_cut_samples(const struct export_set *set, const struct export_item *it)
{
	int64_t	from, to, in = it->rec->rec->rate, out = corpus_cut_rate(set);

	corpus_cut_span(set, it, &from, &to);
	if (in == out)
		return to - from;
	return ((to - from) * out * 2 + in) / (2 * in);
}

char *
corpus_abs_dir(const struct export_set *set, char **cause)
{
	char	*abs;

	if (set->final_dir != NULL)
		return xstrdup(set->final_dir);
	if (set->dir[0] == '/')
		return xstrdup(set->dir);
	if ((abs = realpath(set->dir, NULL)) == NULL) {
		*cause = xprintf(_("%s: %s"), set->dir, strerror(errno));
		return NULL;
	}
	return abs;
}

char *
corpus_cut_path(const struct export_item *it, const char *dir, char **cause)
{
	char	*path;

	if (it->audio == NULL) {
		*cause = xprintf(_("utterance %s has no audio file of its own: "
		    "export with --audio cut"), it->id);
		return NULL;
	}
	path = xprintf("%s/%s", dir, it->audio);
	if (corpus_field_ok(path, it->id, _("audio file"), cause) != 0) {
		free(path);
		return NULL;
	}
	return path;
}

int
corpus_field_ok(const char *s, const char *who, const char *what,
    char **cause)
{
	long	off = text_invalid_offset(s, strlen(s));

	if (off >= 0) {
		*cause = xprintf(_("%s: the %s is not valid UTF-8 (byte %ld)"),
		    who, what, off + 1);
		return -1;
	}
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0';
	    p++) {
		if (*p < 0x20 || *p == 0x7f) {
			*cause = xprintf(_("%s: the %s has a control character "
			    "(a line break?), which no line of a corpus file "
			    "can hold"), who, what);
			return -1;
		}
	}
	return 0;
}

int
corpus_multichannel(const struct export_item *it)
{
	return it->rec->rec->channels > 1;
}
