/**
 * The PostgreSQL database: {@link dev.recourse.store.database.Database} starts an external or an
 * embedded server (see {@code EmbeddedServer} for how it runs as root and which settings it uses),
 * pools connections and migrates the schema.
 */
package dev.recourse.store.database;
