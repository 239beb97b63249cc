/** What is acted on: content, an account or a page, with its owner, reach, language, territory and protected mark. */
package dev.recourse.core.subject;
