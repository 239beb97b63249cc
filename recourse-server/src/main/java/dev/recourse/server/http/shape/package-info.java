/**
 * Request shapes: one declaration per body that checks it strictly (every field at fault named by its JSON path)
 * and describes it as JSON Schema for the OpenAPI description; {@link dev.recourse.server.http.shape.Fields} reads a
 * body whose shape holds.
 */
package dev.recourse.server.http.shape;
