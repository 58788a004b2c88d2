/*
 * heatmap — see heatmap.h.
 */
#include "heatmap.h"
#include "components.h"
#include "html.h"

#include <stdbool.h>

#define CELL 24	    /* cell size, px */
#define LEFT 180    /* room for row labels */
#define TOP 130	    /* room for rotated column labels */
#define LEGEND_H 70 /* legend below the matrix */
#define NONE_FILL "#e0e0e0"
#define ZERO_FILL "#ffffff"

/* viridis, five classes, light (little) to dark (much) */
static const char *const fills[HEATMAP_CLASSES] = {"#fde725", "#5ec962", "#21918c", "#3b528b",
						   "#440154"};
static const char *const class_labels[HEATMAP_CLASSES] = {"tot 20 %", "20–40 %", "40–60 %",
							  "60–80 %", "80–100 %"};

const char *heatmap_colour(double share)
{
	if (share < 0)
		return NONE_FILL;
	if (share <= 0)
		return ZERO_FILL;
	int k = (int)(share * HEATMAP_CLASSES);
	if (k >= HEATMAP_CLASSES)
		k = HEATMAP_CLASSES - 1;
	return fills[k];
}

static void percent(struct buf *b, double share)
{
	comp_decimal_nl(b, share * 100.0, 1);
	html_raw(b, "\u00a0%");
}

static void legend_item(struct buf *b, int x, int y, const char *fill, const char *label)
{
	html_rawf(b, "<rect x=\"%d\" y=\"%d\" width=\"16\" height=\"16\" fill=\"", x, y);
	html_attr(b, fill);
	html_raw(b, "\" stroke=\"#757575\" stroke-width=\"1\"/>");
	html_rawf(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#1a1a1a\">", x + 22, y + 13);
	html_text(b, label);
	html_raw(b, "</text>");
}

void heatmap_svg(struct buf *b, const struct heatmap *h)
{
	int n = h->n;
	int width = LEFT + n * CELL + 20;
	if (width < 620)
		width = 620;
	int height = TOP + n * CELL + LEGEND_H;

	html_rawf(b,
		  "<svg class=\"atlas-heatmap\" xmlns=\"http://www.w3.org/2000/svg\" "
		  "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
		  "aria-labelledby=\"",
		  width, height, width, height);
	html_attr(b, h->id);
	html_raw(b, "-titel ");
	html_attr(b, h->id);
	html_raw(b, "-beschrijving\"><title id=\"");
	html_attr(b, h->id);
	html_raw(b, "-titel\">");
	html_text(b, h->title);
	html_raw(b, "</title><desc id=\"");
	html_attr(b, h->id);
	html_raw(b, "-beschrijving\">");
	html_text(b, h->desc);
	html_raw(b, "</desc>");

	/* labels */
	html_raw(b, "<g font-size=\"12\" fill=\"#1a1a1a\">");
	for (int i = 0; i < n; i++) {
		html_rawf(b,
			  "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" "
			  "dominant-baseline=\"middle\">",
			  LEFT - 6, TOP + i * CELL + CELL / 2);
		html_text(b, h->labels[i]);
		html_raw(b, "</text>");
	}
	for (int j = 0; j < n; j++) {
		int x = LEFT + j * CELL + CELL / 2 + 3, y = TOP - 6;
		html_rawf(b, "<text x=\"%d\" y=\"%d\" transform=\"rotate(-55 %d %d)\">", x, y, x,
			  y);
		html_text(b, h->labels[j]);
		html_raw(b, "</text>");
	}
	html_raw(b, "</g>");

	/* cells */
	html_raw(b, "<g stroke=\"#ffffff\" stroke-width=\"1\">");
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++) {
			double v = h->values[(size_t)i * (size_t)n + (size_t)j];
			html_rawf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"",
				  LEFT + j * CELL, TOP + i * CELL, CELL, CELL);
			html_attr(b, heatmap_colour(v));
			html_raw(b, "\"><title>");
			html_text(b, h->labels[i]);
			html_raw(b, " en ");
			html_text(b, h->labels[j]);
			html_raw(b, ": ");
			if (v < 0)
				html_raw(b, "niet van toepassing");
			else
				percent(b, v);
			html_raw(b, "</title></rect>");
		}
	html_raw(b, "</g>");
	/* frame around the matrix, so white (0 %) cells stay visible */
	html_rawf(b,
		  "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
		  "stroke=\"#757575\" stroke-width=\"1\"/>",
		  LEFT, TOP, n * CELL, n * CELL);

	/* blocks: a frame around each run of two or more rows with the same block */
	for (int i = 0; h->blocks && i < n;) {
		int j = i;
		while (j + 1 < n && h->blocks[j + 1] == h->blocks[i])
			j++;
		if (h->blocks[i] >= 0 && j > i)
			html_rawf(b,
				  "<rect class=\"atlas-heatmap__block\" x=\"%d\" y=\"%d\" "
				  "width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#d4351c\" "
				  "stroke-width=\"3\"/>",
				  LEFT + i * CELL, TOP + i * CELL, (j - i + 1) * CELL,
				  (j - i + 1) * CELL);
		i = j + 1;
	}

	/* legend: two rows */
	int ly = TOP + n * CELL + 16;
	html_rawf(b,
		  "<text x=\"%d\" y=\"%d\" font-size=\"12\" font-weight=\"bold\" "
		  "fill=\"#1a1a1a\">Legenda</text>",
		  10, ly + 13);
	legend_item(b, 90, ly, ZERO_FILL, "0 %");
	legend_item(b, 90 + 110, ly, NONE_FILL, "zelfde gemeente");
	bool framed = false;
	for (int i = 0; h->blocks && i + 1 < n; i++)
		framed = framed || (h->blocks[i] >= 0 && h->blocks[i] == h->blocks[i + 1]);
	if (framed) {
		html_rawf(b,
			  "<rect x=\"%d\" y=\"%d\" width=\"16\" height=\"16\" fill=\"none\" "
			  "stroke=\"#d4351c\" stroke-width=\"3\"/><text x=\"%d\" y=\"%d\" "
			  "font-size=\"12\" fill=\"#1a1a1a\">blok</text>",
			  90 + 260, ly, 90 + 282, ly + 13);
	}
	for (int k = 0; k < HEATMAP_CLASSES; k++)
		legend_item(b, 90 + k * 105, ly + 26, fills[k], class_labels[k]);
	html_raw(b, "</svg>");
}

void heatmap_table(struct buf *b, const struct heatmap *h)
{
	int n = h->n;
	html_raw(b,
		 "<div class=\"utrecht-table-container atlas-table-container atlas-heatmap-table\" "
		 "role=\"region\" tabindex=\"0\" aria-labelledby=\"");
	html_attr(b, h->id);
	html_raw(b, "-tabel\"><table class=\"utrecht-table utrecht-table--html-table\">"
		    "<caption class=\"utrecht-table__caption\" id=\"");
	html_attr(b, h->id);
	html_raw(b, "-tabel\">");
	html_text(b, h->caption);
	html_raw(b, "</caption><thead class=\"utrecht-table__header\"><tr "
		    "class=\"utrecht-table__row\"><td class=\"utrecht-table__header-cell\"></td>");
	for (int j = 0; j < n; j++) {
		html_raw(b, "<th scope=\"col\" class=\"utrecht-table__header-cell "
			    "atlas-heatmap-table__col\"><span>");
		html_text(b, h->labels[j]);
		html_raw(b, "</span></th>");
	}
	html_raw(b, "</tr></thead><tbody class=\"utrecht-table__body\">");
	for (int i = 0; i < n; i++) {
		html_raw(b, "<tr class=\"utrecht-table__row\"><th scope=\"row\" "
			    "class=\"utrecht-table__header-cell\">");
		html_text(b, h->labels[i]);
		html_raw(b, "</th>");
		for (int j = 0; j < n; j++) {
			double v = h->values[(size_t)i * (size_t)n + (size_t)j];
			html_raw(b, "<td class=\"utrecht-table__cell "
				    "utrecht-table__cell--numeric-column\">");
			if (v < 0)
				html_raw(b, "<span aria-hidden=\"true\">—</span><span "
					    "class=\"atlas-visually-hidden\">niet van "
					    "toepassing</span>");
			else
				html_rawf(b, "%d", (int)(v * 100.0 + 0.5));
			html_raw(b, "</td>");
		}
		html_raw(b, "</tr>");
	}
	html_raw(b, "</tbody></table></div>");
}
