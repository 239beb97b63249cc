/**
 * What the rule worker did with each content event, stored with the events it wrote, so that an event delivered
 * twice never acts twice.
 */
package dev.recourse.store.intake;
