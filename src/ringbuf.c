/* ringbuf.c: single-producer single-consumer sample ring. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ringbuf.h"
#include "xmalloc.h"

void
ringbuf_init(struct ringbuf *rb, size_t min)
{
	size_t	size = 1024;

	while (size < min)
		size *= 2;
	rb->buf = xcalloc(size, sizeof *rb->buf);
	rb->size = size;
	atomic_init(&rb->head, 0);
	atomic_init(&rb->tail, 0);
}

void
ringbuf_free(struct ringbuf *rb)
{
	free(rb->buf);
	rb->buf = NULL;
}

size_t
ringbuf_readable(struct ringbuf *rb)
{
	return atomic_load_explicit(&rb->head, memory_order_acquire) -
	    atomic_load_explicit(&rb->tail, memory_order_relaxed);
}

size_t
ringbuf_writable(struct ringbuf *rb)
{
	return rb->size - (atomic_load_explicit(&rb->head, memory_order_relaxed) -
	    atomic_load_explicit(&rb->tail, memory_order_acquire));
}

size_t
ringbuf_write(struct ringbuf *rb, const int16_t *src, size_t n)
{
	size_t	head = atomic_load_explicit(&rb->head, memory_order_relaxed);
	size_t	space = ringbuf_writable(rb), at, first;

	if (n > space)
		n = space;
	at = head & (rb->size - 1);
	first = rb->size - at < n ? rb->size - at : n;
	memcpy(rb->buf + at, src, first * sizeof *src);
	memcpy(rb->buf, src + first, (n - first) * sizeof *src);
	atomic_store_explicit(&rb->head, head + n, memory_order_release);
	return n;
}

size_t
ringbuf_read(struct ringbuf *rb, int16_t *dst, size_t n)
{
	size_t	tail = atomic_load_explicit(&rb->tail, memory_order_relaxed);
	size_t	avail = ringbuf_readable(rb), at, first;

	if (n > avail)
		n = avail;
	at = tail & (rb->size - 1);
	first = rb->size - at < n ? rb->size - at : n;
	memcpy(dst, rb->buf + at, first * sizeof *dst);
	memcpy(dst + first, rb->buf, (n - first) * sizeof *dst);
	atomic_store_explicit(&rb->tail, tail + n, memory_order_release);
	return n;
}
