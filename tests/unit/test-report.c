/*
 * test-report.c: the measures of review work. Accuracy by group and
 * agreement from data made by hand (every figure worked out in the
 * comments), the exact threshold and its text; then, as root (acting as
 * the project's other users), what the store reads for them, QA samples
 * and batch verdicts.
 */
#include "unit.h"

#include "audio.h"
#include "report.h"
#include "store.h"
#include "fixture.h"

#define NEAR(x, want)	assert_true(fabs((x) - (want)) < 1e-9)

/* ---- accuracy from pairs made by hand ---- */

/* A pair as written here; pairs() makes store_pairs of them. */
struct hand {
	int64_t		 id;
	const char	*transcriber, *recording, *lang, *dialect;
	int64_t		 ms;
	enum segment_stage stage;
	const char	*hyp, *ref;
};

static char *
copy(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

static struct store_pair *
pairs(const struct hand *h, size_t n)
{
	struct store_pair	*p = calloc(n + 1, sizeof *p);

	for (size_t i = 0; i < n; i++) {
		p[i].segment_id = h[i].id;
		p[i].transcriber = copy(h[i].transcriber);
		p[i].recording = copy(h[i].recording);
		p[i].lang = copy(h[i].lang);
		p[i].dialect = copy(h[i].dialect);
		p[i].ms = h[i].ms;
		p[i].stage = h[i].stage;
		p[i].hyp = copy(h[i].hyp);
		p[i].ref = copy(h[i].ref);
	}
	return p;
}

static const struct hand hand[] = {
	/* 很 for 真: one substitution in 6 characters */
	{ 1, "alice", "zh", "cmn-Hans", "beijing", 2000, STAGE_ACCEPTED,
	  "今天天气很好", "今天天气真好" },
	/* mixed: 我 们 开 个 meeting 吧, 6 tokens; meting for meeting, 1 */
	{ 2, "alice", "zh", "cmn-Hans", "beijing", 3000, STAGE_ACCEPTED,
	  "我们开个 meting 吧", "我们开个meeting吧" },
	/* 6 words: sit for sat, "the" dropped: 2 errors */
	{ 3, "bob", "en", "en", NULL, 1500, STAGE_REVIEWED,
	  "the cat sit on mat", "the cat sat on the mat" },
	/* right: 2 characters, no error */
	{ 4, "bob", "zh", "cmn-Hans", "taiwan", 1000, STAGE_ACCEPTED,
	  "你好", "你好" },
	/* nobody's (ASR): 2 words, 1 substitution */
	{ 5, NULL, "en", "en", NULL, 500, STAGE_REVIEWED,
	  "hello word", "hello world" },
	/* no language: the transcriber left it empty, 1 word deleted */
	{ 6, "alice", "en", NULL, NULL, 1000, STAGE_NEW, "", "[noise]" },
};
#define NHAND	(sizeof hand / sizeof hand[0])

/* Checks a group: key, segments, ms, chars (ref, errors), words, wrong. */
static void
group(const struct report_accuracy *a, const char *key, size_t segs,
    int64_t ms, size_t chars, size_t cerr, size_t words, size_t werr,
    size_t wrong)
{
	if (key == NULL)
		assert_null(a->key);
	else
		assert_string_equal(a->key, key);
	assert_int_equal(a->segments, segs);
	assert_int_equal(a->ms, ms);
	assert_int_equal(a->chars.ref, chars);
	assert_int_equal(a->chars.sub + a->chars.del + a->chars.ins, cerr);
	assert_int_equal(a->words.ref, words);
	assert_int_equal(a->words.sub + a->words.del + a->words.ins, werr);
	assert_int_equal(a->wrong, wrong);
}

static void
test_accuracy(void **state)
{
	struct report_groups	 g;
	struct report_accuracy	*t;
	struct store_pair	*p = pairs(hand, NHAND);

	(void)state;
	report_accuracy(p, NHAND, &g);
	store_pair_list_free(p, NHAND);
	/* all: 14 characters with 2 errors, 9 words with 4; 5 of 6 wrong */
	group(&g.total, NULL, 6, 9000, 14, 2, 9, 4, 5);
	NEAR(report_cer(&g.total), 2.0 / 14);
	NEAR(report_wer(&g.total), 4.0 / 9);
	NEAR(report_ser(&g.total), 5.0 / 6);
	assert_int_equal(report_tokens(&g.total), 23);
	assert_int_equal(report_errors(&g.total), 6);

	/* alice: 1 + 2 + 6; bob: 3 + 4; nobody: 5, last */
	t = g.by[REPORT_TRANSCRIBER];
	assert_int_equal(g.n[REPORT_TRANSCRIBER], 3);
	group(&t[0], "alice", 3, 6000, 12, 2, 1, 1, 3);
	NEAR(report_cer(&t[0]), 2.0 / 12);
	NEAR(report_wer(&t[0]), 1.0);
	group(&t[1], "bob", 2, 2500, 2, 0, 6, 2, 1);
	NEAR(report_cer(&t[1]), 0.0);
	NEAR(report_wer(&t[1]), 2.0 / 6);
	NEAR(report_ser(&t[1]), 0.5);
	group(&t[2], NULL, 1, 500, 0, 0, 2, 1, 1);
	assert_true(report_cer(&t[2]) < 0);	/* no Chinese: no CER */

	t = g.by[REPORT_RECORDING];
	assert_int_equal(g.n[REPORT_RECORDING], 2);
	group(&t[0], "en", 3, 3000, 0, 0, 9, 4, 3);
	group(&t[1], "zh", 3, 6000, 14, 2, 0, 0, 2);
	assert_true(report_wer(&t[1]) < 0);

	t = g.by[REPORT_LANGUAGE];
	assert_int_equal(g.n[REPORT_LANGUAGE], 3);
	group(&t[0], "cmn-Hans", 3, 6000, 14, 2, 0, 0, 2);
	group(&t[1], "en", 2, 2000, 0, 0, 8, 3, 2);
	group(&t[2], NULL, 1, 1000, 0, 0, 1, 1, 1);

	t = g.by[REPORT_DIALECT];
	assert_int_equal(g.n[REPORT_DIALECT], 3);
	group(&t[0], "beijing", 2, 5000, 12, 2, 0, 0, 2);
	group(&t[1], "taiwan", 1, 1000, 2, 0, 0, 0, 0);
	group(&t[2], NULL, 3, 3000, 0, 0, 9, 4, 3);
	report_groups_free(&g);

	/* nothing reviewed: empty groups, no rates */
	report_accuracy(NULL, 0, &g);
	assert_int_equal(g.n[REPORT_TRANSCRIBER], 0);
	assert_true(report_cer(&g.total) < 0 && report_ser(&g.total) < 0);
	report_groups_free(&g);
}

static void
test_mixed_and_unspaced(void **state)
{
	static const struct hand h[] = {
		/* English reviewed into Chinese: mixed, 1 of 2 tokens */
		{ 7, "alice", "zh", "cmn-Hans", NULL, 100, STAGE_REVIEWED,
		  "ok 好", "好 好" },
		/* Cantonese, simplified for traditional: 3 of 5 characters */
		{ 8, "bob", "hk", "yue-Hant-HK", NULL, 100, STAGE_REVIEWED,
		  "呢个几多钱", "呢個幾多錢" },
		/* white space is never a token: no error */
		{ 9, "bob", "zh", "cmn-Hans", NULL, 100, STAGE_REVIEWED,
		  "下周review一下", "下周 review 一下" },
	};
	struct report_accuracy	 a;
	struct store_pair	*p = pairs(h, 3);

	(void)state;
	memset(&a, 0, sizeof a);
	report_add(&a, &p[0]);
	group(&a, NULL, 1, 100, 2, 1, 0, 0, 1);
	report_add(&a, &p[1]);
	report_add(&a, &p[2]);
	/* 2 + 5 + 5 tokens (下 周 review 一 下), 1 + 3 + 0 errors */
	group(&a, NULL, 3, 300, 12, 4, 0, 0, 2);
	NEAR(report_cer(&a), 4.0 / 12);
	store_pair_list_free(p, 3);
}

static void
test_threshold(void **state)
{
	char	buf[REPORT_BUFSIZE];

	(void)state;
	/* 97 of 100 right is 97%: at the threshold, whatever 0.97 is */
	assert_true(report_meets(100, 3, 970000));
	assert_false(report_meets(100, 4, 970000));
	assert_true(report_meets(1000, 25, 975000));
	assert_false(report_meets(1000, 26, 975000));
	assert_true(report_meets(3, 0, 1000000));
	assert_true(report_meets(12, 1, 0));
	/* no tokens: perfect without errors, nothing with */
	assert_true(report_meets(0, 0, 1000000));
	assert_false(report_meets(0, 1, 1));
	/* more errors than tokens: below any threshold but 0 */
	assert_false(report_meets(3, 4, 1));

	/* accuracy is rounded down: never shown passing when it does not */
	assert_string_equal(report_accuracy_text(12, 1, buf), "91.6%");
	assert_string_equal(report_accuracy_text(100, 3, buf), "97.0%");
	assert_string_equal(report_accuracy_text(10000, 301, buf), "96.9%");
	assert_string_equal(report_accuracy_text(9, 1, buf), "88.8%");
	assert_string_equal(report_accuracy_text(0, 0, buf), "100.0%");
	assert_string_equal(report_accuracy_text(0, 2, buf), "0.0%");
	/* -1/3 is -33.33...%: down is -33.4% */
	assert_string_equal(report_accuracy_text(3, 4, buf), "-33.4%");

	assert_string_equal(report_ppm_text(970000, buf), "97%");
	assert_string_equal(report_ppm_text(975000, buf), "97.5%");
	assert_string_equal(report_ppm_text(123456, buf), "12.3456%");
	assert_string_equal(report_ppm_text(1000000, buf), "100%");
	assert_string_equal(report_ppm_text(5, buf), "0.0005%");
	assert_string_equal(report_ppm_text(0, buf), "0%");
	assert_string_equal(report_percent(1.0 / 12, buf), "8.3%");
	assert_string_equal(report_percent(-1, buf), "-");

	{
		enum report_by	by;

		assert_int_equal(report_by_parse("user", &by), 0);
		assert_int_equal(by, REPORT_TRANSCRIBER);
		assert_int_equal(report_by_parse("lang", &by), 0);
		assert_int_equal(by, REPORT_LANGUAGE);
		assert_int_equal(report_by_parse("dialect", &by), 0);
		assert_int_equal(by, REPORT_DIALECT);
		assert_int_equal(report_by_parse("speaker", &by), -1);
	}
}

/* ---- agreement from judgments made by hand ---- */

struct hand_judgment {
	int64_t		 segment_id;
	const char	*rater, *label;
};
#define J(seg, who, label)	{ seg, who, label }

static struct store_judgment *
judgments(const struct hand_judgment *h, size_t n)
{
	struct store_judgment	*j = calloc(n + 1, sizeof *j);

	for (size_t i = 0; i < n; i++) {
		j[i].segment_id = h[i].segment_id;
		j[i].rater = copy(h[i].rater);
		j[i].label = copy(h[i].label);
	}
	return j;
}

/*
 * lin1 and lin2 on segments 1-10 ("" is no dialect):
 *
 *   segment  1 2 3 4 5 6 7 8 9 10
 *   lin1     b b b b t t t - b t
 *   lin2     b b b t t t b - b t
 *
 * They agree on 8 of 10: po = 0.8. lin1 gave b 5, t 4, - 1; lin2 the
 * same: pe = .5 * .5 + .4 * .4 + .1 * .1 = 0.42. kappa = (0.8 - 0.42) /
 * (1 - 0.42) = 0.38 / 0.58 = 0.6551724...
 *
 * lin3 tagged segments 1 (b), 2 (t) and 11 (b, nobody else): with lin1
 * (b, b on 1 and 2) po = 0.5, pe = 1 * .5 + 0 * .5 = 0.5, kappa 0; with
 * lin2 the same.
 */
static const struct hand_judgment judged[] = {
	J(1, "lin1", "beijing"), J(1, "lin2", "beijing"),
	J(1, "lin3", "beijing"),
	J(2, "lin1", "beijing"), J(2, "lin2", "beijing"),
	J(2, "lin3", "taiwan"),
	J(3, "lin1", "beijing"), J(3, "lin2", "beijing"),
	J(4, "lin1", "beijing"), J(4, "lin2", "taiwan"),
	J(5, "lin1", "taiwan"), J(5, "lin2", "taiwan"),
	J(6, "lin1", "taiwan"), J(6, "lin2", "taiwan"),
	J(7, "lin1", "taiwan"), J(7, "lin2", "beijing"),
	J(8, "lin1", ""), J(8, "lin2", ""),
	J(9, "lin1", "beijing"), J(9, "lin2", "beijing"),
	J(10, "lin1", "taiwan"), J(10, "lin2", "taiwan"),
	J(11, "lin3", "beijing"),
};
#define NJUDGED	(sizeof judged / sizeof judged[0])

static void
test_agreement(void **state)
{
	struct report_agreement	*g;
	const struct review_kappa *k;
	struct store_judgment	*j = judgments(judged, NJUDGED);
	size_t			 n;

	(void)state;
	report_agreement(j, NJUDGED, NULL, NULL, &g, &n);
	assert_int_equal(n, 3);
	assert_string_equal(g[0].a, "lin1");
	assert_string_equal(g[0].b, "lin2");
	k = &g[0].kappa;
	assert_int_equal(k->n, 10);
	NEAR(k->observed, 0.8);
	NEAR(k->expected, 0.42);
	NEAR(k->kappa, 0.38 / 0.58);
	/* labels "", beijing, taiwan; lin1 down, lin2 across */
	assert_int_equal(k->nlabels, 3);
	assert_string_equal(k->labels[0], "");
	assert_int_equal(k->table[0 * 3 + 0], 1);
	assert_int_equal(k->table[1 * 3 + 1], 4);	/* 1 2 3 9 */
	assert_int_equal(k->table[1 * 3 + 2], 1);	/* 4 */
	assert_int_equal(k->table[2 * 3 + 1], 1);	/* 7 */
	assert_int_equal(k->table[2 * 3 + 2], 3);	/* 5 6 10 */
	assert_string_equal(g[1].a, "lin1");
	assert_string_equal(g[1].b, "lin3");
	assert_int_equal(g[1].kappa.n, 2);
	NEAR(g[1].kappa.observed, 0.5);
	NEAR(g[1].kappa.expected, 0.5);
	NEAR(g[1].kappa.kappa, 0.0);
	assert_string_equal(g[2].a, "lin2");
	assert_string_equal(g[2].b, "lin3");
	report_agreement_free(g, n);

	/* two given, in their order: b's labels across */
	report_agreement(j, NJUDGED, "lin2", "lin1", &g, &n);
	assert_int_equal(n, 1);
	assert_string_equal(g[0].a, "lin2");
	NEAR(g[0].kappa.kappa, 0.38 / 0.58);
	assert_int_equal(g[0].kappa.table[2 * 3 + 1], 1);	/* 4: t, b */
	report_agreement_free(g, n);
	/* somebody who tagged nothing: there, with nothing in common */
	report_agreement(j, NJUDGED, "lin1", "lin4", &g, &n);
	assert_int_equal(n, 1);
	assert_int_equal(g[0].kappa.n, 0);
	report_agreement_free(g, n);
	/* one linguist alone: no pair */
	report_agreement(j + NJUDGED - 1, 1, NULL, NULL, &g, &n);
	assert_int_equal(n, 0);
	report_agreement_free(g, n);
	store_judgment_list_free(j, NJUDGED);
}

/* ---- the store, with the project's people (root only) ---- */

/* Reopens the fixture's project as login. */
static void
as(struct fixture *fx, const char *login)
{
	char	*cause = NULL;

	store_close(fx->s);
	if (store_act_as(login, &cause) != 0)
		fail_msg("%s", cause);
	if ((fx->s = store_open(fx->project, STORE_WRITE, &cause)) == NULL)
		fail_msg("%s", cause);
}

/* The project's people; seconds of a 60 s recording. */
static int64_t
people(struct fixture *fx)
{
	static const struct { const char *login; enum role role; } p[] = {
		{ "alice", ROLE_TRANSCRIBER }, { "bob", ROLE_TRANSCRIBER },
		{ "rev", ROLE_REVIEWER }, { "rev2", ROLE_REVIEWER },
		{ "lin1", ROLE_LINGUIST }, { "lin2", ROLE_LINGUIST }
	};
	char	*cause = NULL;
	int64_t	 rec;

	if ((rec = add_recording(fx, 16000 * 60, &cause)) < 0)
		fail_msg("%s", cause);
	for (size_t i = 0; i < sizeof p / sizeof p[0]; i++) {
		if (store_user_add(fx->s, p[i].login, p[i].role, &cause) != 0)
			fail_msg("%s", cause);
	}
	if (store_vocab_add(fx->s, VOCAB_DIALECT, "beijing", NULL,
	    &cause) != 0 || store_vocab_add(fx->s, VOCAB_DIALECT, "taiwan",
	    NULL, &cause) != 0)
		fail_msg("%s", cause);
	return rec;
}

/* The person's edit of a segment: text and/or dialect. */
static void
edit(struct fixture *fx, int64_t id, const char *text, const char *dialect)
{
	struct segment_edit	 ed = { text, NULL, NULL, dialect, -1, -1 };
	struct segment		 seg;
	char			*cause = NULL;

	if (store_segment_set(fx->s, id, 0, &ed, &seg, &cause) != 0)
		fail_msg("segment %lld: %s", (long long)id, cause);
	segment_clear(&seg);
}

static void
move(struct fixture *fx, int64_t id, enum store_move m, const char *comment)
{
	struct segment	 seg;
	char		*cause = NULL;

	if (store_segment_move(fx->s, id, 0, m, comment, &seg, &cause) != 0)
		fail_msg("segment %lld: %s", (long long)id, cause);
	segment_clear(&seg);
}

static void
test_store_pairs(void **state)
{
	struct fixture		*fx = *state;
	struct store_pair	*p;
	struct store_work	*w;
	struct store_stage_total st[4];
	struct speaker		 sp;
	size_t			 n;
	char			*cause = NULL;
	int64_t			 rec, a, b, c, d, e;

	if (getuid() != 0)
		skip();
	rec = people(fx);
	a = add_text_segment(fx, rec, 0, 2, NULL, "", STAGE_NEW);
	b = add_text_segment(fx, rec, 2, 5, NULL, "", STAGE_NEW);
	c = add_text_segment(fx, rec, 5, 6, NULL, "", STAGE_NEW);
	d = add_text_segment(fx, rec, 6, 7.5, NULL, "", STAGE_NEW);
	add_speaker(fx, "S1");
	e = add_text_segment(fx, rec, 8, 9, "S1", "", STAGE_NEW);
	as(fx, "alice");
	store_set_work_ms(fx->s, 60000);	/* a minute on 2 s: RTF 30 */
	edit(fx, a, "今天天气很好", NULL);
	edit(fx, b, "我们开个 meting 吧", NULL);
	edit(fx, c, "你好吗", NULL);
	edit(fx, d, "好", NULL);
	edit(fx, e, "对", NULL);
	as(fx, "rev");
	edit(fx, a, "今天天气真好", NULL);
	move(fx, a, MOVE_ACCEPT, NULL);
	edit(fx, b, "我们开个meeting吧", NULL);
	move(fx, c, MOVE_REJECT, "吗 is not said");
	as(fx, "alice");
	edit(fx, c, "你好", NULL);
	as(fx, "rev");
	move(fx, c, MOVE_ACCEPT, NULL);
	/* d: a QA verdict is no review */
	move(fx, d, MOVE_QA_ACCEPT, "batch passed");
	move(fx, e, MOVE_ACCEPT, NULL);
	as(fx, "root");
	/* e's speaker gets a dialect: e has none of its own, it takes it */
	if (store_speaker_get(fx->s, "S1", &sp, &cause) != 0)
		fail_msg("%s", cause);
	sp.dialect = strdup("taiwan");
	if (store_speaker_update(fx->s, &sp, "S1", &cause) != 0)
		fail_msg("%s", cause);
	speaker_clear(&sp);

	assert_int_equal(store_report_pairs(fx->s, 0, 0, &p, &n, &cause), 0);
	assert_int_equal(n, 4);
	assert_int_equal(p[0].segment_id, a);
	assert_string_equal(p[0].transcriber, "alice");
	assert_string_equal(p[0].hyp, "今天天气很好");
	assert_string_equal(p[0].ref, "今天天气真好");
	assert_int_equal(p[0].ms, 2000);
	assert_string_equal(p[0].lang, "cmn-Hans");
	assert_null(p[0].dialect);
	/* corrected, not accepted yet: the review's text */
	assert_string_equal(p[1].hyp, "我们开个 meting 吧");
	assert_string_equal(p[1].ref, "我们开个meeting吧");
	assert_int_equal(p[1].stage, STAGE_TRANSCRIBED);
	/* rejected, done again, accepted: the first hand-over, the end */
	assert_string_equal(p[2].hyp, "你好吗");
	assert_string_equal(p[2].ref, "你好");
	assert_int_equal(p[3].segment_id, e);
	assert_string_equal(p[3].dialect, "taiwan");
	store_pair_list_free(p, n);
	assert_int_equal(store_report_pairs(fx->s, rec, 0, &p, &n, &cause), 0);
	assert_int_equal(n, 4);
	store_pair_list_free(p, n);

	assert_int_equal(store_report_stages(fx->s, 0, st, &cause), 0);
	assert_int_equal(st[STAGE_TRANSCRIBED].segments, 1);
	assert_int_equal(st[STAGE_REVIEWED].segments, 3);
	assert_int_equal(st[STAGE_ACCEPTED].segments, 1);
	assert_int_equal(st[STAGE_ACCEPTED].ms, 1500);
	assert_int_equal(st[STAGE_REVIEWED].ms, 4000);

	assert_int_equal(store_report_work(fx->s, 0, &w, &n, &cause), 0);
	/* by login: alice bob lin1 lin2 rev rev2 root */
	assert_int_equal(n, 7);
	assert_string_equal(w[0].login, "alice");
	assert_int_equal(w[0].pass[PASS_TRANSCRIBE].segments, 5);
	assert_int_equal(w[0].pass[PASS_TRANSCRIBE].ms, 8500);
	assert_int_equal(w[0].pass[PASS_TRANSCRIBE].work_ms, 60000);
	assert_int_equal(w[0].pass[PASS_TRANSCRIBE].worked_ms, 2000);
	assert_int_equal(w[0].pass[PASS_REVIEW].segments, 0);
	/* a, b, c and e; d's QA verdict is not a review */
	assert_string_equal(w[4].login, "rev");
	assert_int_equal(w[4].pass[PASS_REVIEW].segments, 4);
	assert_int_equal(w[4].pass[PASS_REVIEW].ms, 7000);
	assert_int_equal(w[4].pass[PASS_REVIEW].work_ms, 0);
	assert_int_equal(w[4].pass[PASS_TRANSCRIBE].segments, 0);
	/* root made the segments: that is not transcribing them */
	assert_string_equal(w[6].login, "root");
	assert_int_equal(w[6].pass[PASS_TRANSCRIBE].segments, 0);
	store_work_list_free(w, n);
}

/* n segments of 1 s from second at, transcribed by login; ids in ids. */
static void
transcribe(struct fixture *fx, int64_t rec, const char *login, int at,
    int n, int64_t *ids)
{
	for (int i = 0; i < n; i++)
		ids[i] = add_text_segment(fx, rec, at + i, at + i + 1, NULL, "",
		    STAGE_NEW);
	as(fx, login);
	for (int i = 0; i < n; i++)
		edit(fx, ids[i], "好", NULL);
	as(fx, "root");
}

static void
draw(struct fixture *fx, int64_t rate, enum qa_per per, int64_t seed,
    struct qa_sample *q, struct qa_batch **b, size_t *n)
{
	struct qa_request	 rq = { rate, per, 0, 1, seed };
	char			*cause = NULL;

	if (store_qa_sample(fx->s, &rq, q, b, n, &cause) != 0)
		fail_msg("%s", cause);
}

static void
test_store_sample(void **state)
{
	struct fixture		*fx = *state;
	struct qa_request	 rq = { 100000, QA_PER_TRANSCRIBER, 0, 1, 5 };
	struct qa_sample	 q1, q2, q3, q4, *list;
	struct qa_batch		*b1, *b2, *b3, *b4;
	size_t			 n1, n2, n3, n4, n;
	char			*cause = NULL;
	int64_t			 rec, ids[30];

	if (getuid() != 0)
		skip();
	rec = people(fx);
	/* nothing transcribed yet: nothing drawn, nothing kept */
	assert_int_equal(store_qa_sample(fx->s, &rq, &q1, &b1, &n1, &cause),
	    -1);
	assert_non_null(strstr(cause, "nothing to sample"));
	free(cause);
	transcribe(fx, rec, "alice", 0, 20, ids);
	transcribe(fx, rec, "bob", 20, 10, ids + 20);

	/* 10% per transcriber: 2 of alice's 20, 1 of bob's 10 */
	draw(fx, 100000, QA_PER_TRANSCRIBER, 5, &q1, &b1, &n1);
	assert_int_equal(q1.segments, 3);
	assert_int_equal(n1, 2);
	assert_string_equal(b1[0].transcriber, "alice");
	assert_string_equal(b1[0].recording, "tone");
	assert_int_equal(b1[0].segments, 20);
	assert_int_equal(b1[0].nids, 2);
	assert_string_equal(b1[1].transcriber, "bob");
	assert_int_equal(b1[1].nids, 1);
	assert_true(b1[1].ids[0] >= ids[20]);
	/* the same seed: the same ids; another: another sample */
	draw(fx, 100000, QA_PER_TRANSCRIBER, 5, &q2, &b2, &n2);
	assert_int_equal(q2.id, q1.id + 1);
	assert_memory_equal(b1[0].ids, b2[0].ids, 2 * sizeof *b1[0].ids);
	assert_int_equal(b1[1].ids[0], b2[1].ids[0]);
	draw(fx, 100000, QA_PER_TRANSCRIBER, 6, &q3, &b3, &n3);
	assert_true(memcmp(b1[0].ids, b3[0].ids, 2 * sizeof *b1[0].ids) != 0 ||
	    b1[1].ids[0] != b3[1].ids[0]);
	/* a larger rate takes what the smaller took, and more */
	draw(fx, 300000, QA_PER_TRANSCRIBER, 5, &q4, &b4, &n4);
	assert_int_equal(b4[0].nids, 6);
	assert_int_equal(b4[1].nids, 3);
	for (size_t i = 0; i < 2; i++) {
		for (size_t j = 0; j < b1[i].nids; j++) {
			size_t	k = 0;

			while (k < b4[i].nids && b4[i].ids[k] != b1[i].ids[j])
				k++;
			assert_true(k < b4[i].nids);
		}
	}
	qa_batch_list_free(b1, n1);
	qa_batch_list_free(b2, n2);
	qa_batch_list_free(b3, n3);
	qa_batch_list_free(b4, n4);
	qa_sample_clear(&q1);
	qa_sample_clear(&q2);
	qa_sample_clear(&q3);
	qa_sample_clear(&q4);

	/* all together: 10% of 30 is 3, wherever they fall */
	draw(fx, 100000, QA_PER_ALL, 5, &q1, &b1, &n1);
	assert_int_equal(q1.segments, 3);
	assert_int_equal(b1[0].segments + b1[1].segments, 30);
	qa_batch_list_free(b1, n1);
	qa_sample_clear(&q1);

	assert_int_equal(store_qa_list(fx->s, &list, &n, &cause), 0);
	assert_int_equal(n, 5);
	assert_int_equal(list[0].rate, 100000);
	assert_int_equal(list[0].seed, 5);
	assert_int_equal(list[0].per, QA_PER_TRANSCRIBER);
	assert_int_equal(list[0].segments, 3);
	assert_int_equal(list[0].inspected, 0);
	assert_string_equal(list[0].drawn_by, "root");
	assert_int_equal(list[4].per, QA_PER_ALL);
	qa_sample_list_free(list, n);

	/* a transcriber does not sample; a bad rate is refused */
	as(fx, "alice");
	assert_int_equal(store_qa_sample(fx->s, &rq, &q1, &b1, &n1, &cause),
	    -1);
	assert_non_null(strstr(cause, "only reviewers and admins"));
	free(cause);
	as(fx, "rev");
	rq.rate = 0;
	assert_int_equal(store_qa_sample(fx->s, &rq, &q1, &b1, &n1, &cause),
	    -1);
	free(cause);
	as(fx, "root");
	assert_int_equal(store_qa_list(fx->s, &list, &n, &cause), 0);
	assert_int_equal(n, 5);
	qa_sample_list_free(list, n);
}

/* 100 distinct Han characters, with the first errors of them changed. */
static char *
hundred(int errors)
{
	char	*s = calloc(1, 100 * 3 + 1);

	for (int i = 0; i < 100; i++) {
		unsigned	cp = 0x4e00 + (unsigned)(i < errors ? 200 + i : i);

		s[3 * i] = (char)(0xe0 | (cp >> 12));
		s[3 * i + 1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[3 * i + 2] = (char)(0x80 | (cp & 0x3f));
	}
	return s;
}

static void
test_store_verdict(void **state)
{
	struct fixture		*fx = *state;
	struct qa_sample	 q;
	struct qa_batch		*b;
	struct qa_result	*r;
	struct store_revision	*h;
	struct segment		 seg;
	size_t			 n, nh;
	char			*cause = NULL, *right = hundred(0),
				*three = hundred(3), *four = hundred(4);
	int64_t			 rec, a[2], bb[2], mine;

	if (getuid() != 0)
		skip();
	rec = people(fx);
	/* alice and bob: a segment of 100 characters each, and another */
	transcribe(fx, rec, "alice", 0, 2, a);
	transcribe(fx, rec, "bob", 2, 2, bb);
	as(fx, "alice");
	edit(fx, a[0], three, NULL);
	as(fx, "bob");
	edit(fx, bb[0], four, NULL);
	/* root (an admin) transcribes a batch of its own */
	as(fx, "root");
	mine = add_text_segment(fx, rec, 4, 5, NULL, "对", STAGE_NEW);
	move(fx, mine, MOVE_SUBMIT, NULL);
	/* 50% per transcriber: the seed that draws the long ones */
	for (int64_t seed = 0;; seed++) {
		draw(fx, 500000, QA_PER_TRANSCRIBER, seed, &q, &b, &n);
		if (b[0].ids[0] == a[0] && b[1].ids[0] == bb[0])
			break;
		qa_batch_list_free(b, n);
		qa_sample_clear(&q);
	}
	qa_batch_list_free(b, n);
	qa_sample_clear(&q);

	/* nothing inspected: every batch waits, nothing moves */
	assert_int_equal(store_qa_verdict(fx->s, 0, 970000, 0, &q, &r, &n,
	    &cause), 0);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(r[i].verdict, QA_WAIT);
	assert_int_equal(r[0].sampled, 1);
	assert_int_equal(r[0].inspected, 0);
	qa_result_list_free(r, n);
	qa_sample_clear(&q);

	/* rev corrects alice's 3 and bob's 4 characters, and root's */
	as(fx, "rev");
	edit(fx, a[0], right, NULL);
	move(fx, a[0], MOVE_ACCEPT, NULL);
	edit(fx, bb[0], right, NULL);
	move(fx, bb[0], MOVE_ACCEPT, NULL);
	move(fx, mine, MOVE_ACCEPT, NULL);
	as(fx, "root");

	/* a dry run says, and moves nothing */
	assert_int_equal(store_qa_verdict(fx->s, 0, 970000, 1, &q, &r, &n,
	    &cause), 0);
	assert_int_equal(r[0].verdict, QA_ACCEPT);
	assert_int_equal(r[0].moved, 2);	/* reviewed a[0], a[1] */
	qa_result_list_free(r, n);
	qa_sample_clear(&q);
	assert_int_equal(store_segment_get(fx->s, a[1], &seg, &cause), 0);
	assert_int_equal(seg.stage, STAGE_TRANSCRIBED);
	segment_clear(&seg);

	/* 97.0% passes 97%, 96.0% does not; root's own batch is refused */
	assert_int_equal(store_qa_verdict(fx->s, 0, 970000, 0, &q, &r, &n,
	    &cause), 0);
	assert_int_equal(n, 3);
	assert_string_equal(r[0].transcriber, "alice");
	assert_int_equal(r[0].tokens, 100);
	assert_int_equal(r[0].errors, 3);
	assert_int_equal(r[0].verdict, QA_ACCEPT);
	assert_int_equal(r[0].moved, 2);
	assert_string_equal(r[1].transcriber, "bob");
	assert_int_equal(r[1].errors, 4);
	assert_int_equal(r[1].verdict, QA_RETURN);
	assert_int_equal(r[1].moved, 2);
	assert_string_equal(r[2].transcriber, "root");
	assert_int_equal(r[2].verdict, QA_REFUSED);
	assert_non_null(strstr(r[2].why, "you transcribed this batch"));
	qa_result_list_free(r, n);
	qa_sample_clear(&q);

	/* the moves, with their comments */
	assert_int_equal(store_history(fx->s, a[1], &h, &nh, &cause), 0);
	assert_string_equal(h[nh - 1].pass, "qa");
	assert_string_equal(h[nh - 1].action, "qa-accept");
	assert_int_equal(h[nh - 1].state.stage, STAGE_ACCEPTED);
	assert_string_equal(h[nh - 1].comment,
	    "batch passed QA: 97.0% >= 97% on 1 sampled segments");
	store_history_free(h, nh);
	assert_int_equal(store_history(fx->s, bb[0], &h, &nh, &cause), 0);
	assert_string_equal(h[nh - 1].action, "qa-return");
	assert_int_equal(h[nh - 1].state.stage, STAGE_NEW);
	assert_string_equal(h[nh - 1].assignee, "bob");
	assert_string_equal(h[nh - 1].comment,
	    "batch failed QA: 96.0% < 97% on 1 sampled segments");
	store_history_free(h, nh);
	assert_int_equal(store_segment_get(fx->s, mine, &seg, &cause), 0);
	assert_int_equal(seg.stage, STAGE_REVIEWED);
	segment_clear(&seg);

	/* judged once: not again */
	assert_int_equal(store_qa_verdict(fx->s, 0, 0, 0, &q, &r, &n,
	    &cause), 0);
	assert_int_equal(r[0].verdict, QA_DONE);
	assert_int_equal(r[1].verdict, QA_DONE);
	assert_int_equal(r[2].verdict, QA_REFUSED);
	qa_result_list_free(r, n);
	qa_sample_clear(&q);

	/* another reviewer gives root's batch its verdict */
	as(fx, "rev2");
	assert_int_equal(store_qa_verdict(fx->s, 0, 970000, 0, &q, &r, &n,
	    &cause), 0);
	assert_int_equal(r[2].verdict, QA_ACCEPT);
	assert_int_equal(r[2].moved, 1);
	qa_result_list_free(r, n);
	qa_sample_clear(&q);

	/* no such sample; a transcriber gives no verdict */
	assert_int_equal(store_qa_verdict(fx->s, 99, 970000, 0, &q, &r, &n,
	    &cause), -1);
	assert_non_null(strstr(cause, "no QA sample 99"));
	free(cause);
	as(fx, "alice");
	assert_int_equal(store_qa_verdict(fx->s, 0, 970000, 0, &q, &r, &n,
	    &cause), -1);
	assert_non_null(strstr(cause, "only reviewers and admins"));
	free(cause);
	as(fx, "root");
	free(right);
	free(three);
	free(four);
}

static void
test_store_judgments(void **state)
{
	struct fixture		*fx = *state;
	struct store_judgment	*j;
	struct report_agreement	*g;
	size_t			 n, ng;
	char			*cause = NULL;
	int64_t			 rec, ids[4];

	if (getuid() != 0)
		skip();
	rec = people(fx);
	transcribe(fx, rec, "alice", 0, 4, ids);
	/* lin1: beijing, beijing, taiwan, and confirms the 4th as it is */
	as(fx, "lin1");
	edit(fx, ids[0], NULL, "beijing");
	edit(fx, ids[1], NULL, "beijing");
	edit(fx, ids[2], NULL, "taiwan");
	move(fx, ids[3], MOVE_CONFIRM, NULL);
	/* lin2: confirms 1, re-tags 2 to taiwan, confirms 3 (taiwan) */
	as(fx, "lin2");
	move(fx, ids[0], MOVE_CONFIRM, NULL);
	edit(fx, ids[1], NULL, "taiwan");
	move(fx, ids[2], MOVE_CONFIRM, NULL);
	/* lin1 changes their mind on 1: their latest counts */
	as(fx, "lin1");
	edit(fx, ids[0], NULL, "taiwan");
	as(fx, "root");

	assert_int_equal(store_report_judgments(fx->s, 0, &j, &n, &cause), 0);
	assert_int_equal(n, 7);
	assert_int_equal(j[0].segment_id, ids[0]);
	assert_string_equal(j[0].rater, "lin1");
	assert_string_equal(j[0].label, "taiwan");
	assert_string_equal(j[1].rater, "lin2");
	assert_string_equal(j[1].label, "beijing");
	assert_string_equal(j[6].rater, "lin1");
	assert_string_equal(j[6].label, "");	/* confirmed no dialect */
	/*
	 * On 1-3, lin1 t b t, lin2 b t t: po = 1/3; lin1 b 1 t 2, lin2 the
	 * same: pe = 1/3 * 1/3 + 2/3 * 2/3 = 5/9; kappa = (1/3 - 5/9) /
	 * (4/9) = -1/2.
	 */
	report_agreement(j, n, NULL, NULL, &g, &ng);
	assert_int_equal(ng, 1);
	assert_int_equal(g[0].kappa.n, 3);
	NEAR(g[0].kappa.observed, 1.0 / 3);
	NEAR(g[0].kappa.expected, 5.0 / 9);
	NEAR(g[0].kappa.kappa, -0.5);
	report_agreement_free(g, ng);
	store_judgment_list_free(j, n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accuracy),
		cmocka_unit_test(test_mixed_and_unspaced),
		cmocka_unit_test(test_threshold),
		cmocka_unit_test(test_agreement),
		cmocka_unit_test_setup_teardown(test_store_pairs, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_store_sample, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_store_verdict, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_store_judgments, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
