/**
 * Commands: what people, the platform, policy rules and the clock ask the core to do. A command is checked first;
 * if anything is wrong the core answers with the fields that are wrong and changes nothing.
 */
package dev.recourse.core.command;
