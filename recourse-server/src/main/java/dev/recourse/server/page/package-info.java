/**
 * Server-rendered pages for people: the frame they share ({@link dev.recourse.server.page.Layout}) and escaping
 * ({@link dev.recourse.server.page.Html}). Pages need no login and no script, so they work for a suspended account,
 * on a slow link and in a screen reader.
 */
package dev.recourse.server.page;
