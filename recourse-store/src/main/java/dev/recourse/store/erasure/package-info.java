/** Erasure of personal data: private records and their salts go, the public log stays verifiable. */
package dev.recourse.store.erasure;
