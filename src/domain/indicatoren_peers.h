/*
 * indicatoren_peers — the pure rules of the gemeente dashboard:
 * which gemeenten are peers, the peer mean and median, the trend of one
 * indicator over its periods, and the sentence that places a value against
 * its peers. Ranking itself is indicator_rank (domain/indicatoren.h). No I/O.
 */
#ifndef ATLAS_DOMAIN_INDICATOREN_PEERS_H
#define ATLAS_DOMAIN_INDICATOREN_PEERS_H

#include <stdbool.h>
#include <stddef.h>

/* At most this many codes in an explicit peer list (?vergelijk=). */
#define PEERS_MAX_CODES 40
/* A gemeente code as the store keeps it: "GM" + four digits. */
#define PEERS_CODE_LEN 7

/*
 * Parse an explicit peer list "gm0344,GM0355": comma-separated gemeente
 * codes, case-insensitive, spaces around codes ignored, duplicates dropped,
 * stored upper-case in out (first seen first). Returns the count (>= 1), or
 * -1 with *err a Dutch message: empty list, a code that is not a gemeente
 * code, more than max codes.
 */
int peers_parse_list(const char *s, char (*out)[PEERS_CODE_LEN], int max, const char **err);

/*
 * Peers by class: member[i] is true when area i has a class value in the
 * period (has[i]) equal to own. i == self is never a member. Returns the
 * number of members; 0 when the own class is missing (own_has false).
 */
int peers_by_class(const double *cls, const bool *has, int n, int self, double own, bool own_has,
		   bool *member);

struct peer_stats {
	int n; /* members with a value */
	double mean, median;
};

/* Mean and median of the members' values, missing ones left out. false
 * (out->n = 0) when no member has a value. member NULL: every area. */
bool peers_stats(const double *v, const bool *has, const bool *member, int n,
		 struct peer_stats *out);

struct peer_trend {
	int first, last; /* indexes of the first and last period with a value; -1: none */
	double change;	 /* value[last] - value[first] */
	int n_present;	 /* periods with a value */
};

/* The trend over n periods (oldest first): first to last available value. */
struct peer_trend peers_trend(const double *v, const bool *has, int n);

enum peer_position { PEER_NONE, PEER_ABOVE, PEER_BELOW, PEER_AROUND };

/*
 * Relative tolerance for "rond het gemiddelde": a value within 2.5% of the
 * peer mean (of its absolute size) is around it; when the mean is 0, only
 * 0 itself is. PEER_NONE when the value is missing or there are no peers.
 */
#define PEERS_TOLERANCE 0.025
enum peer_position peers_position(bool has, double value, const struct peer_stats *st);

/* "ligt boven het gemiddelde van vergelijkbare gemeenten", …; "" for NONE. */
const char *peers_sentence(enum peer_position p);
/* "boven", "onder", "rond", NULL for NONE (the API's value). */
const char *peers_position_key(enum peer_position p);

/* The number of ranked areas (rank > 0). */
int peers_ranked_count(const int *rank, int n);

#endif
