/*
 * info — helpers shared by the information pages (info.c, info_legal.c).
 */
#ifndef ATLAS_PAGES_INFO_H
#define ATLAS_PAGES_INFO_H

#include "../lib/buf.h"

/*
 * Write a configured contact address: an e-mail address as a mailto: link,
 * an http(s) address as a link, anything else as text. addr NULL (not
 * configured) writes a plain statement that the operator still has to set
 * it with `atlas serve <option>`.
 */
void info_contact_address(struct buf *b, const char *addr, const char *option);

#endif
