/**
 * What brings a subject to attention: notices (DSA Art. 16) from users, trusted flaggers (Art. 22) and authorities
 * (Art. 9 and government requests), and automated detections.
 */
package dev.recourse.core.notice;
