/*
 * names.h: enumerations spelled as names on the command line and in the
 * project file: a table of names indexed by the enumeration.
 */
#ifndef TX_NAMES_H
#define TX_NAMES_H

#include <stddef.h>
#include <string.h>

/* The index of s among the n names, or -1. */
static inline int
names_find(const char *const *names, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++) {
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	}
	return -1;
}

#endif
