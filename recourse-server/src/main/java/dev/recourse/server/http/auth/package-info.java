/**
 * Who calls the API: API keys (32 random bytes, kept as their SHA-256), each with one
 * {@link dev.recourse.server.http.auth.ApiRole}, in the register {@link dev.recourse.server.http.auth.ApiKeys}.
 */
package dev.recourse.server.http.auth;
