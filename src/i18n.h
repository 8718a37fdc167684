/* i18n.h: gettext wrappers for every user-visible string. */
#ifndef TX_I18N_H
#define TX_I18N_H

#include <libintl.h>
#include <locale.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define ngettext_(s, p, n) ngettext((s), (p), (n))

#endif
