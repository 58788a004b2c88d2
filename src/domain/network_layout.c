/*
 * network_layout — see network_layout.h.
 */
#include "network_layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MARGIN 4.0
#define LABEL_GAP 4.0 /* between a node and its label */
#define MAX_GROW 400  /* radius steps before giving up (never reached in practice) */

static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

double network_layout_text_width(const char *text, double font)
{
	return (double)utf8_chars(text ? text : "") * LAYOUT_CHAR_EM * font;
}

const char *network_layout_shorten(const char *text, double maxw, double font, struct arena *a)
{
	if (!text)
		text = "";
	if (network_layout_text_width(text, font) <= maxw)
		return text;
	long keep = (long)(maxw / (LAYOUT_CHAR_EM * font)) - 1;
	if (keep < 1)
		keep = 1;
	size_t bytes = 0;
	for (long k = 0; text[bytes] && k < keep; k++) {
		bytes++;
		while (((unsigned char)text[bytes] & 0xC0) == 0x80)
			bytes++;
	}
	while (bytes > 0 && text[bytes - 1] == ' ')
		bytes--;
	char *s = arena_alloc(a, bytes + 4);
	if (!s)
		return text;
	memcpy(s, text, bytes);
	memcpy(s + bytes, "\xE2\x80\xA6", 4); /* … */
	return s;
}

static void set_label(struct nl_node *v, double lx, double ly, int anchor, double font)
{
	double w = network_layout_text_width(v->text, font);
	v->lx = lx;
	v->ly = ly + 0.35 * font;
	v->anchor = anchor;
	double x0 = anchor > 0 ? lx : anchor < 0 ? lx - w : lx - w / 2;
	v->box = (struct nl_box){x0, ly - 0.65 * font, x0 + w, ly + 0.6 * font};
}

static bool boxes_meet(struct nl_box p, struct nl_box q)
{
	return p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1;
}

static bool overlap_core(const struct nl_graph *g, bool bounds, int *oi, int *oj)
{
	for (int i = 0; i < g->n; i++) {
		const struct nl_node *v = &g->nodes[i];
		if (bounds &&
		    (v->box.x0 < 0 || v->box.y0 < 0 || v->box.x1 > g->width ||
		     v->box.y1 > g->height || v->x - g->node_r < 0 || v->x + g->node_r > g->width ||
		     v->y - g->node_r < 0 || v->y + g->node_r > g->height)) {
			if (oi)
				*oi = i;
			if (oj)
				*oj = i;
			return true;
		}
		for (int j = 0; j < g->n; j++) {
			if (i == j)
				continue;
			const struct nl_node *u = &g->nodes[j];
			struct nl_box nb = {u->x - g->node_r, u->y - g->node_r, u->x + g->node_r,
					    u->y + g->node_r};
			if ((j > i && boxes_meet(v->box, u->box)) || boxes_meet(v->box, nb)) {
				if (oi)
					*oi = i;
				if (oj)
					*oj = j;
				return true;
			}
		}
	}
	return false;
}

bool network_layout_overlap(const struct nl_graph *g, int *i, int *j)
{
	return overlap_core(g, true, i, j);
}

/* Move everything so the drawing starts at MARGIN; set width and height. */
static void fit(struct nl_graph *g)
{
	double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
	for (int i = 0; i < g->n; i++) {
		const struct nl_node *v = &g->nodes[i];
		x0 = fmin(x0, fmin(v->box.x0, v->x - g->node_r));
		y0 = fmin(y0, fmin(v->box.y0, v->y - g->node_r));
		x1 = fmax(x1, fmax(v->box.x1, v->x + g->node_r));
		y1 = fmax(y1, fmax(v->box.y1, v->y + g->node_r));
	}
	if (g->n == 0)
		x0 = y0 = x1 = y1 = 0;
	double dx = MARGIN - x0, dy = MARGIN - y0;
	for (int i = 0; i < g->n; i++) {
		struct nl_node *v = &g->nodes[i];
		v->x += dx;
		v->y += dy;
		v->lx += dx;
		v->ly += dy;
		v->box.x0 += dx;
		v->box.x1 += dx;
		v->box.y0 += dy;
		v->box.y1 += dy;
	}
	g->width = ceil(x1 - x0 + 2 * MARGIN);
	g->height = ceil(y1 - y0 + 2 * MARGIN);
}

/* ---- ordering --------------------------------------------------------------- */

struct key {
	int node;
	double mean;
	int input;
};

static int cmp_key(const void *x, const void *y)
{
	const struct key *a = x, *b = y;
	if (a->mean != b->mean)
		return a->mean < b->mean ? -1 : 1;
	return a->input - b->input;
}

/*
 * ring[r] = the node indexes of ring r in drawing order: ring 1 as given,
 * ring 2 by the mean position of their ring-1 neighbours. Returns the
 * counts in cnt[3], or -1 when memory ran out.
 */
static int order_rings(struct nl_graph *g, int *ring[3], int cnt[3], struct arena *a)
{
	int *pos = arena_calloc(a, (size_t)g->n + 1, sizeof(int));
	for (int r = 0; r < 3; r++) {
		ring[r] = arena_calloc(a, (size_t)g->n + 1, sizeof(int));
		if (!ring[r])
			return -1;
		cnt[r] = 0;
	}
	struct key *k = arena_calloc(a, (size_t)g->n + 1, sizeof *k);
	if (!pos || !k)
		return -1;
	for (int i = 0; i < g->n; i++) {
		int r = g->nodes[i].ring < 0 ? 0 : g->nodes[i].ring > 2 ? 2 : g->nodes[i].ring;
		if (r != 2)
			ring[r][cnt[r]++] = i;
	}
	int nk = 0;
	for (int i = 0; i < g->n; i++)
		if (g->nodes[i].ring >= 2)
			k[nk++] = (struct key){i, 0, i};
	/* ring-1 positions are per-ring indexes: recompute from ring[1] */
	for (int p = 0; p < cnt[1]; p++)
		pos[ring[1][p]] = p;
	for (int q = 0; q < nk; q++) {
		double sum = 0;
		int m = 0;
		for (int e = 0; e < g->n_edges; e++) {
			int i = k[q].node;
			int o = g->ea[e] == i ? g->eb[e] : g->eb[e] == i ? g->ea[e] : -1;
			if (o >= 0 && g->nodes[o].ring == 1) {
				sum += pos[o];
				m++;
			}
		}
		k[q].mean = m ? sum / m : 1e9;
	}
	qsort(k, (size_t)nk, sizeof *k, cmp_key);
	for (int q = 0; q < nk; q++)
		ring[2][cnt[2]++] = k[q].node;
	g->draw_order = arena_calloc(a, (size_t)g->n + 1, sizeof(int));
	if (!g->draw_order)
		return -1;
	int d = 0;
	for (int r = 0; r < 3; r++)
		for (int p = 0; p < cnt[r]; p++)
			g->draw_order[d++] = ring[r][p];
	return 0;
}

/* ---- radial ------------------------------------------------------------------ */

/* Place the n nodes of ring at radius R around (0,0): the first half on the
 * right, top to bottom, the rest on the left, bottom to top. */
static void place_ring(struct nl_graph *g, const int *ring, int n, double R, double step)
{
	int right = (n + 1) / 2, left = n - right;
	for (int side = 0; side < 2; side++) {
		int m = side == 0 ? right : left;
		if (m == 0)
			continue;
		double s = 1.8 * R / m;
		if (s < step)
			s = step;
		if (s > 4 * step)
			s = 4 * step;
		for (int k = 0; k < m; k++) {
			struct nl_node *v = &g->nodes[ring[side == 0 ? k : right + k]];
			double dy = side == 0 ? (k + 0.5 - m / 2.0) * s : (m / 2.0 - k - 0.5) * s;
			double dx = R * R > dy * dy ? sqrt(R * R - dy * dy) : 0;
			v->x = side == 0 ? dx : -dx;
			v->y = dy;
			if (side == 0)
				set_label(v, v->x + g->node_r + LABEL_GAP, v->y, 1, g->font);
			else
				set_label(v, v->x - g->node_r - LABEL_GAP, v->y, -1, g->font);
		}
	}
}

int network_layout_radial(struct nl_graph *g, struct arena *a)
{
	int *ring[3], cnt[3];
	if (order_rings(g, ring, cnt, a) < 0)
		return -1;
	double step = g->font * 1.5;
	if (step < 2 * g->node_r + 2)
		step = 2 * g->node_r + 2;
	double maxw = 18 * g->font; /* label room */
	for (int i = 0; i < g->n; i++)
		g->nodes[i].text = network_layout_shorten(g->nodes[i].label, maxw, g->font, a);
	/* room for every node of the fuller half of each ring */
	double r1 = fmax(12 * g->font, ((cnt[1] + 1) / 2) * step / 1.8 + step);
	double r2 = r1 + 12 * g->font;
	if (cnt[2] > 0)
		r2 = fmax(r2, ((cnt[2] + 1) / 2) * step / 1.8 + step);
	for (int it = 0; it < MAX_GROW; it++) {
		for (int p = 0; p < cnt[0]; p++) {
			struct nl_node *v = &g->nodes[ring[0][p]];
			v->x = 0;
			v->y = p * step;
			set_label(v, 0, v->y + g->node_r + 0.9 * g->font, 0, g->font);
		}
		place_ring(g, ring[1], cnt[1], r1, step);
		place_ring(g, ring[2], cnt[2], r2, step);
		int i, j;
		if (!overlap_core(g, false, &i, &j))
			break;
		if (g->nodes[i].ring < 2 && g->nodes[j].ring < 2) {
			r1 += g->font / 2;
			r2 += g->font / 2;
		} else {
			r2 += g->font / 2;
		}
	}
	fit(g);
	return 0;
}

/* ---- columns ----------------------------------------------------------------- */

int network_layout_columns(struct nl_graph *g, double width, struct arena *a)
{
	int *ring[3], cnt[3];
	if (order_rings(g, ring, cnt, a) < 0)
		return -1;
	double step = g->font * 1.6;
	if (step < 2 * g->node_r + 2)
		step = 2 * g->node_r + 2;
	double gap = 6 * g->font;
	double x1 = width / 2 - gap / 2, x2 = width / 2 + gap / 2;
	if (cnt[2] == 0) { /* one column: labels on the right of it */
		x1 = width * 0.25;
	}
	double room1 = x1 - g->node_r - LABEL_GAP - MARGIN - 1;
	double room2 = width - (x2 + g->node_r + LABEL_GAP) - MARGIN - 1;
	if (cnt[2] == 0)
		room1 = width - (x1 + g->node_r + LABEL_GAP) - MARGIN - 1;
	double y = MARGIN + g->font;
	for (int p = 0; p < cnt[0]; p++) {
		struct nl_node *v = &g->nodes[ring[0][p]];
		v->text = network_layout_shorten(v->label, width - 2 * MARGIN - 2, g->font, a);
		set_label(v, width / 2, y, 0, g->font);
		v->x = width / 2;
		v->y = y + 0.6 * g->font + LABEL_GAP + g->node_r;
		y = v->y + g->node_r + step;
	}
	int rows = cnt[1] > cnt[2] ? cnt[1] : cnt[2];
	double top = y + step;
	for (int r = 1; r <= 2; r++) {
		double off = (rows - cnt[r]) * step / 2;
		for (int p = 0; p < cnt[r]; p++) {
			struct nl_node *v = &g->nodes[ring[r][p]];
			v->x = r == 1 ? x1 : x2;
			v->y = top + off + p * step;
			if (r == 1 && cnt[2] > 0) {
				v->text = network_layout_shorten(v->label, room1, g->font, a);
				set_label(v, v->x - g->node_r - LABEL_GAP, v->y, -1, g->font);
			} else {
				v->text = network_layout_shorten(v->label, r == 1 ? room1 : room2,
								 g->font, a);
				set_label(v, v->x + g->node_r + LABEL_GAP, v->y, 1, g->font);
			}
		}
	}
	fit(g);
	/* keep the requested width (fit may have trimmed the sides) */
	if (g->width < width) {
		double dx = (width - g->width) / 2;
		for (int i = 0; i < g->n; i++) {
			struct nl_node *v = &g->nodes[i];
			v->x += dx;
			v->lx += dx;
			v->box.x0 += dx;
			v->box.x1 += dx;
		}
		g->width = width;
	}
	return 0;
}
