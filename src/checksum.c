/* checksum.c: XXH64, written from the algorithm's public description. */
#include "config.h"

#include <stdio.h>
#include <string.h>

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

static inline uint64_t
read64(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

static inline uint32_t
read32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
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
checksum_init(struct checksum *c, uint64_t seed)
{
	memset(c, 0, sizeof *c);
	c->seed = seed;
	c->v[0] = seed + P1 + P2;
	c->v[1] = seed + P2;
	c->v[2] = seed;
	c->v[3] = seed - P1;
}

static void
checksum_stripes(struct checksum *c, const uint8_t *p, size_t n)
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
checksum_update(struct checksum *c, const void *data, size_t len)
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
		checksum_stripes(c, c->buf, 32);
		c->buflen = 0;
	}
	whole = len & ~(size_t)31;
	checksum_stripes(c, p, whole);
	memcpy(c->buf, p + whole, len - whole);
	c->buflen = len - whole;
}

uint64_t
checksum_final(const struct checksum *c)
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
checksum_buffer(const void *data, size_t len, uint64_t seed)
{
	struct checksum	c;

	checksum_init(&c, seed);
	checksum_update(&c, data, len);
	return checksum_final(&c);
}

void
checksum_format(uint64_t h, char buf[24])
{
	snprintf(buf, 24, "xxh64:%016llx", (unsigned long long)h);
}
