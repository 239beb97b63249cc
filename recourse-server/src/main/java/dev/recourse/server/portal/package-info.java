/**
 * The transparency portal: public pages, no login, no script needed. {@link dev.recourse.server.portal.DecisionPages}
 * searches the decisions and shows each one's public record; {@link dev.recourse.server.portal.StatisticsPage} draws the
 * figures from the rollups as inline SVG; {@link dev.recourse.server.portal.AuthorityRegisterPage} is the register of
 * authority requests; {@link dev.recourse.server.portal.VerifyPage} checks a receipt against the log's key. Each page is
 * made with {@link dev.recourse.server.page.Layout} inside {@link dev.recourse.server.portal.PortalFrame}, and every
 * value from outside passes through {@link dev.recourse.server.page.Html}.
 */
package dev.recourse.server.portal;
