/* table.c: aligned text tables and TSV for command output. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "text.h"
#include "xmalloc.h"

struct table {
	int	  ncols;
	char	**headers;
	int	 *right;
	char	**cells;	/* nrows * ncols */
	size_t	  nrows;
	size_t	  cap;
};

struct table *
table_new(int ncols, const char *const *headers)
{
	struct table	*t = xcalloc(1, sizeof *t);

	t->ncols = ncols;
	t->headers = xcalloc((size_t)ncols, sizeof *t->headers);
	t->right = xcalloc((size_t)ncols, sizeof *t->right);
	for (int i = 0; i < ncols; i++) {
		t->right[i] = headers[i][0] == '>';
		t->headers[i] = xstrdup(headers[i] + t->right[i]);
	}
	return t;
}

void
table_add(struct table *t, const char *const *cells)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->cells = xreallocarray(t->cells, t->cap * (size_t)t->ncols,
		    sizeof *t->cells);
	}
	for (int i = 0; i < t->ncols; i++) {
		t->cells[t->nrows * (size_t)t->ncols + (size_t)i] =
		    xstrdup(cells[i] != NULL ? cells[i] : "");
	}
	t->nrows++;
}

static void
table_cell(FILE *f, const char *s, size_t width, int right, int last)
{
	size_t	pad = width - text_width(s);

	if (right)
		fprintf(f, "%*s%s", (int)pad, "", s);
	else if (last)
		fputs(s, f);
	else
		fprintf(f, "%s%*s", s, (int)pad, "");
}

void
table_print(const struct table *t, FILE *f, int tsv)
{
	size_t	*w = xcalloc((size_t)t->ncols, sizeof *w);
	size_t	 r;
	int	 c;

	for (c = 0; c < t->ncols; c++)
		w[c] = text_width(t->headers[c]);
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			size_t	cw = text_width(t->cells[r * (size_t)t->ncols +
			    (size_t)c]);

			if (cw > w[c])
				w[c] = cw;
		}
	}
	for (r = 0; r <= t->nrows; r++) {
		char	**row = r == 0 ? t->headers :
		    &t->cells[(r - 1) * (size_t)t->ncols];
		int	  last = t->ncols - 1;

		/* No padding after the last cell that has something in it. */
		while (!tsv && last > 0 && *row[last] == '\0' && !t->right[last])
			last--;
		for (c = 0; c <= (tsv ? t->ncols - 1 : last); c++) {
			if (tsv)
				fprintf(f, "%s%s", c ? "\t" : "", row[c]);
			else {
				if (c)
					fputs("  ", f);
				table_cell(f, row[c], w[c], t->right[c],
				    c == last);
			}
		}
		fputc('\n', f);
	}
	free(w);
}

void
table_free(struct table *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
		free(t->cells[i]);
	for (int i = 0; i < t->ncols; i++)
		free(t->headers[i]);
	free(t->cells);
	free(t->headers);
	free(t->right);
	free(t);
}
