/*
 * migrations — the schema as an ordered list of migrations, one list per
 * engine. Entry i brings the schema from version i to i+1.
 *
 * SQLite (migrations.c): the version is PRAGMA user_version; applied by
 * store_migrate, each in its own transaction.
 * PostgreSQL (migrations_pg.c): entry i is the PostgreSQL form of SQLite
 * entry i, with the same tables, columns and index names, so the store's
 * shared SQL runs on both and a version means the same on both; each is run
 * with PQexec in one transaction by the PostgreSQL driver, which records
 * the version itself.
 *
 * Never edit a migration that has shipped; append a new one, to both lists.
 */
#ifndef ATLAS_MIGRATIONS_H
#define ATLAS_MIGRATIONS_H

/* The SQLite migrations, oldest first; SQL scripts of one or more statements. */
extern const char *const store_migrations[];
/* Number of entries in store_migrations = the current schema version. */
extern const int store_migration_count;

/* The PostgreSQL migrations, oldest first; entry i matches store_migrations[i]. */
extern const char *const store_pg_migrations[];
/* Number of entries in store_pg_migrations; equals store_migration_count. */
extern const int store_pg_migration_count;

#endif
