/*
 * checksum.c: XXH64, written from the algorithm's public description, and
 * the NH-then-XXH64 checksum of recordings (see checksum.h).
 */
#include "config.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <pthread.h>

#include "checksum.h"

#define P1 0x9E3779B185EBCA87ULL
#define P2 0xC2B2AE3D27D4EB4FULL
#define P3 0x165667B19E3779F9ULL
#define P4 0x85EBCA77C2B2AE63ULL
#define P5 0x27D4EB2F165667C5ULL

static inline uint64_t
rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

/* Little-endian loads, as the algorithm defines them; one instruction. */
static inline uint64_t
read64(const uint8_t *p)
{
	uint64_t	v;

	memcpy(&v, p, sizeof v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);
#endif
	return v;
}

static inline uint32_t
read32(const uint8_t *p)
{
	uint32_t	v;

	memcpy(&v, p, sizeof v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap32(v);
#endif
	return v;
}

static inline uint64_t
round64(uint64_t acc, uint64_t input)
{
	acc += input * P2;
	acc = rotl(acc, 31);
	return acc * P1;
}

static inline uint64_t
merge64(uint64_t acc, uint64_t val)
{
	acc ^= round64(0, val);
	return acc * P1 + P4;
}

void
xxh64_init(struct xxh64 *c, uint64_t seed)
{
	memset(c, 0, sizeof *c);
	c->seed = seed;
	c->v[0] = seed + P1 + P2;
	c->v[1] = seed + P2;
	c->v[2] = seed;
	c->v[3] = seed - P1;
}

static void
xxh64_stripes(struct xxh64 *c, const uint8_t *p, size_t n)
{
	uint64_t v0 = c->v[0], v1 = c->v[1], v2 = c->v[2], v3 = c->v[3];

	for (; n >= 32; n -= 32, p += 32) {
		v0 = round64(v0, read64(p));
		v1 = round64(v1, read64(p + 8));
		v2 = round64(v2, read64(p + 16));
		v3 = round64(v3, read64(p + 24));
	}
	c->v[0] = v0;
	c->v[1] = v1;
	c->v[2] = v2;
	c->v[3] = v3;
}

void
xxh64_update(struct xxh64 *c, const void *data, size_t len)
{
	const uint8_t	*p = data;
	size_t		 take, whole;

	c->total += len;
	if (c->buflen > 0) {
		take = 32 - c->buflen;
		if (take > len)
			take = len;
		memcpy(c->buf + c->buflen, p, take);
		c->buflen += take;
		p += take;
		len -= take;
		if (c->buflen < 32)
			return;
		xxh64_stripes(c, c->buf, 32);
		c->buflen = 0;
	}
	whole = len & ~(size_t)31;
	xxh64_stripes(c, p, whole);
	memcpy(c->buf, p + whole, len - whole);
	c->buflen = len - whole;
}

uint64_t
xxh64_final(const struct xxh64 *c)
{
	const uint8_t	*p = c->buf;
	size_t		 n = c->buflen;
	uint64_t	 h;

	if (c->total >= 32) {
		h = rotl(c->v[0], 1) + rotl(c->v[1], 7) + rotl(c->v[2], 12) +
		    rotl(c->v[3], 18);
		for (int i = 0; i < 4; i++)
			h = merge64(h, c->v[i]);
	} else
		h = c->seed + P5;
	h += c->total;
	for (; n >= 8; n -= 8, p += 8) {
		h ^= round64(0, read64(p));
		h = rotl(h, 27) * P1 + P4;
	}
	if (n >= 4) {
		h ^= (uint64_t)read32(p) * P1;
		h = rotl(h, 23) * P2 + P3;
		n -= 4;
		p += 4;
	}
	for (; n > 0; n--, p++) {
		h ^= *p * P5;
		h = rotl(h, 11) * P1;
	}
	h ^= h >> 33;
	h *= P2;
	h ^= h >> 29;
	h *= P3;
	h ^= h >> 32;
	return h;
}

uint64_t
xxh64_buffer(const void *data, size_t len, uint64_t seed)
{
	struct xxh64	c;

	xxh64_init(&c, seed);
	xxh64_update(&c, data, len);
	return xxh64_final(&c);
}

/* ---- NH blocks combined with XXH64 ---- */

static uint32_t		nh_key[CHECKSUM_BLOCK / 4];
static pthread_once_t	nh_key_once = PTHREAD_ONCE_INIT;

/* The fixed key: splitmix64 from a constant seed. */
static void
nh_key_init(void)
{
	uint64_t	x = 0x74696e6778696531ULL, z;

	for (size_t i = 0; i < CHECKSUM_BLOCK / 4; i += 2) {
		z = (x += 0x9E3779B97F4A7C15ULL);
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
		z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
		z ^= z >> 31;
		nh_key[i] = (uint32_t)z;
		nh_key[i + 1] = (uint32_t)(z >> 32);
	}
}

/* NH of one whole block: sum of (m[2i] + k[2i]) * (m[2i+1] + k[2i+1]). */
static uint64_t
nh_block(const uint8_t *p)
{
#if defined(__SSE2__) && !(defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)
	__m128i	acc = _mm_setzero_si128(), m, hi;
	uint64_t lanes[2];

	for (size_t i = 0; i < CHECKSUM_BLOCK; i += 16) {
		m = _mm_add_epi32(_mm_loadu_si128((const __m128i *)(p + i)),
		    _mm_loadu_si128((const __m128i *)((const uint8_t *)nh_key +
		    i)));
		hi = _mm_srli_epi64(m, 32);
		acc = _mm_add_epi64(acc, _mm_mul_epu32(m, hi));
	}
	_mm_storeu_si128((__m128i *)lanes, acc);
	return lanes[0] + lanes[1];
#else
	uint64_t sum = 0;

	for (size_t i = 0; i < CHECKSUM_BLOCK / 4; i += 2) {
		uint32_t a = read32(p + 4 * i) + nh_key[i];
		uint32_t b = read32(p + 4 * i + 4) + nh_key[i + 1];

		sum += (uint64_t)a * b;
	}
	return sum;
#endif
}

static void
checksum_block(struct checksum *c, const uint8_t *p)
{
	uint64_t	v = nh_block(p);
	uint8_t		le[8];

	for (int b = 0; b < 8; b++)
		le[b] = (uint8_t)(v >> (8 * b));
	xxh64_update(&c->outer, le, sizeof le);
}

void
checksum_init(struct checksum *c)
{
	pthread_once(&nh_key_once, nh_key_init);
	xxh64_init(&c->outer, 0);
	c->total = 0;
	c->buflen = 0;
}

void
checksum_update(struct checksum *c, const void *data, size_t len)
{
	const uint8_t	*p = data;
	size_t		 take;

	c->total += len;
	if (c->buflen > 0) {
		take = CHECKSUM_BLOCK - c->buflen;
		if (take > len)
			take = len;
		memcpy(c->buf + c->buflen, p, take);
		c->buflen += take;
		p += take;
		len -= take;
		if (c->buflen < CHECKSUM_BLOCK)
			return;
		checksum_block(c, c->buf);
		c->buflen = 0;
	}
	for (; len >= CHECKSUM_BLOCK; p += CHECKSUM_BLOCK, len -= CHECKSUM_BLOCK)
		checksum_block(c, p);
	memcpy(c->buf, p, len);
	c->buflen = len;
}

uint64_t
checksum_final(struct checksum *c)
{
	uint8_t	le[8];

	/* The last, partial block is zero-padded; the length tells it apart. */
	if (c->buflen > 0) {
		memset(c->buf + c->buflen, 0, CHECKSUM_BLOCK - c->buflen);
		checksum_block(c, c->buf);
		c->buflen = 0;
	}
	for (int b = 0; b < 8; b++)
		le[b] = (uint8_t)(c->total >> (8 * b));
	xxh64_update(&c->outer, le, sizeof le);
	return xxh64_final(&c->outer);
}

uint64_t
checksum_buffer(const void *data, size_t len)
{
	struct checksum	c;

	checksum_init(&c);
	checksum_update(&c, data, len);
	return checksum_final(&c);
}

uint64_t
splitmix64(uint64_t *state)
{
	uint64_t	z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}
