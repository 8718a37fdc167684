/* test-lang.c: BCP 47 well-formedness. */
#include "unit.h"

#include "lang.h"

static void
test_well_formed(void **state)
{
	const char *good[] = { "en", "en-GB", "cmn-Hans", "cmn-Hans-CN",
	    "yue-Hant-HK", "nan", "wuu", "zh-min-nan", "zh-yue", "es-419",
	    "sl-rozaj-biske", "de-CH-1901", "en-a-bbb-x-a-ccc", "x-whatever",
	    "i-klingon", "en-GB-oed", "zh-Hant-TW-x-private", "hak-Hant",
	    "sgn-BE-FR", "qaa-Qaaa-QM-x-southern" };
	char	*cause = NULL;

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		if (lang_check(good[i], &cause) != 0)
			fail_msg("%s rejected: %s", good[i], cause);
	}
}

static void
test_malformed(void **state)
{
	const char *bad[] = { "", "e", "en-", "-en", "en--GB", "en_GB",
	    "toolongtag", "en-GB-GB-GB-GB", "de-419-DE", "a-DE",
	    "ar-a-aaa-b-bbb-a-ccc", "sl-rozaj-rozaj", "x", "en-x",
	    "zh-Hans-\xe4\xb8\xad", "123", "en-a" };
	char	*cause = NULL;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (lang_check(bad[i], &cause) == 0)
			fail_msg("'%s' accepted", bad[i]);
		assert_non_null(strstr(cause, "BCP 47"));
		free(cause);
		cause = NULL;
	}
}

static void
test_canonical(void **state)
{
	const char *cases[][2] = {
		{ "YUE-hant-hk", "yue-Hant-HK" }, { "EN-gb", "en-GB" },
		{ "cmn-HANS", "cmn-Hans" }, { "es-419", "es-419" },
		{ "DE-ch-1901", "de-CH-1901" }, { "en-A-BBB-x-AB-CDEF",
		"en-a-bbb-x-ab-cdef" }, { "ZH-min-NAN", "zh-min-nan" },
		{ "SGN-be-FR", "sgn-BE-FR" }, { "X-Whatever", "x-whatever" },
		{ "sl-ROZAJ", "sl-rozaj" },
	};
	char	*got;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = lang_canonical(cases[i][0]);
		if (strcmp(got, cases[i][1]) != 0)
			fail_msg("%s gave %s, not %s", cases[i][0], got,
			    cases[i][1]);
		free(got);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_canonical),
		cmocka_unit_test(test_well_formed),
		cmocka_unit_test(test_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
