/*
 * table.h: columns of text for the command line.
 *
 * Cells are padded by display width, so CJK and combining text line up.
 * With tsv set, the table is written as tab-separated values with a header
 * line and no padding, for scripts.
 */
#ifndef TX_TABLE_H
#define TX_TABLE_H

#include <stdio.h>

struct table;

/* headers: ncols strings; a header starting with '>' is right-aligned. */
struct table	*table_new(int ncols, const char *const *headers);
/* Adds a row of ncols cells (copied); NULL prints empty. */
void		 table_add(struct table *, const char *const *cells);
void		 table_print(const struct table *, FILE *, int tsv);
void		 table_free(struct table *);

#endif
