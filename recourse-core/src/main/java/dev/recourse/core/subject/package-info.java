/**
 * What is acted on: content, an account or a page, with its owner, reach, language, territory and protected mark, and
 * the network and page the platform puts it in.
 */
package dev.recourse.core.subject;
