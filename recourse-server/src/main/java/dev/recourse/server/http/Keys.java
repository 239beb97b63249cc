package dev.recourse.server.http;

import static dev.recourse.server.http.shape.Shape.choice;
import static dev.recourse.server.http.shape.Shape.formatted;
import static dev.recourse.server.http.shape.Shape.matching;
import static dev.recourse.server.http.shape.Shape.object;
import static dev.recourse.server.http.shape.Shape.optional;
import static dev.recourse.server.http.shape.Shape.required;
import static dev.recourse.server.http.shape.Shape.text;

import dev.recourse.core.json.Json;
import dev.recourse.core.decider.Pseudonym;
import dev.recourse.server.http.auth.ApiKeys;
import dev.recourse.server.http.auth.ApiRole;
import dev.recourse.server.http.auth.IssuedKey;
import dev.recourse.server.http.shape.Fields;
import dev.recourse.server.http.shape.Format;
import dev.recourse.server.http.shape.Shape;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** The endpoints of the API key register: make a key (shown once), list keys, revoke a key. For admins. */
public final class Keys {
    /** A name of a key's holder: what core's {@link Pseudonym} takes. */
    static final Shape NAME = matching("[A-Za-z0-9._-]{1,64}", 64,
            "Who holds the key: a person's pseudonym (it appears in their decisions; never a real name), or a platform's"
                    + " or tool's name.");
    static final Shape ROLE = choice("What the key admits.", Arrays.stream(ApiRole.values()).map(ApiRole::apiName).toList());

    /** The body of a request for a new key. */
    static final Shape NEW_KEY = object("A key to make.", required("name", NAME), required("role", ROLE));

    /** A key as the register shows it. */
    static final Shape.Obj ISSUED = object("An API key, without the key itself.",
            required("id", formatted(Format.UUID, 36, "The key's id.")),
            required("name", NAME),
            required("role", ROLE),
            required("createdAt", formatted(Format.DATE_TIME, 40, "When it was made.")),
            optional("createdBy", formatted(Format.UUID, 36, "The id of the admin key that made it; absent for the first.")),
            optional("revokedAt", formatted(Format.DATE_TIME, 40, "When it was revoked; absent while it is valid.")));

    /** A key just made: as {@link #ISSUED}, with the key itself. */
    static final Shape.Obj MADE = ISSUED.with("A new API key. The key is shown here once and never again.",
            optional("key", text(46, 46, "The key: send it as 'Authorization: Bearer <key>'. Absent in the answer to a"
                    + " retry, which never shows it again: revoke the key and make another if it was lost.")));

    /** A page of keys. */
    static final Shape PAGE = page(ISSUED, "Keys in the order they were made.");

    private final ApiKeys register;

    /** The endpoints of {@code register}. */
    public Keys(ApiKeys register) {
        this.register = register;
    }

    /** {@code POST /v1/api-keys}: makes a key and shows it, once. */
    public Answer make(Call call) throws SQLException {
        Fields body = call.body();
        ApiRole role = ApiRole.named(body.text("role")).orElseThrow();
        ApiKeys.Made made = register.make(new Pseudonym(body.text("name")), role, Optional.of(call.caller().keyId()));
        return Answer.json(201, withKey(made)).withHeader("Location", "/v1/api-keys/" + made.issued().id());
    }

    /** {@code GET /v1/api-keys}: the keys, a page at a time. */
    public Answer list(Call call) throws SQLException {
        var page = call.page();
        if (!page.isValid()) {
            return call.invalidQuery(page.errors());
        }
        int limit = page.orElseThrow().limit();
        OptionalLong after = page.orElseThrow().cursor().map(c -> OptionalLong.of(c.after())).orElse(OptionalLong.empty());
        List<ApiKeys.Listed> keys = register.list(after, limit + 1);
        List<Json> items = keys.stream().limit(limit).<Json>map(k -> json(k.issued())).toList();
        Optional<Cursor> next = keys.size() > limit ? Optional.of(new Cursor(keys.get(limit - 1).number())) : Optional.empty();
        return call.page(items, next, limit);
    }

    /** {@code GET /v1/api-keys/{id}}: one key. */
    public Answer show(Call call) throws SQLException {
        Optional<IssuedKey> key = call.uuidParameter("id").isPresent() ? register.find(call.uuidParameter("id").get()) : Optional.empty();
        return key.map(k -> Answer.json(200, json(k))).orElseGet(() -> notFound(call));
    }

    /** {@code POST /v1/api-keys/{id}/revoke}: revokes a key; it authenticates nobody from then on. */
    public Answer revoke(Call call) throws SQLException {
        Optional<UUID> id = call.uuidParameter("id");
        Optional<IssuedKey> key = id.isPresent() ? register.revoke(id.get()) : Optional.empty();
        return key.map(k -> Answer.json(200, json(k))).orElseGet(() -> notFound(call));
    }

    /** What is kept of {@link #make}'s answer for retries: everything but the key. */
    static Answer withoutKey(Answer answer) {
        if (answer.status() != 201) {
            return answer;
        }
        Json.Obj made = (Json.Obj) Json.parseUtf8(answer.body()).orElseThrow();
        Json.ObjBuilder kept = Json.object();
        made.members().forEach((name, value) -> {
            if (!name.equals("key")) {
                kept.put(name, value);
            }
        });
        return new Answer(answer.status(), answer.contentType(), JsonText.utf8(kept.build()), answer.headers());
    }

    private static Answer notFound(Call call) {
        return call.answer(Problem.of(ProblemType.NOT_FOUND, "no API key " + call.pathParameter("id")));
    }

    private static Json.Obj withKey(ApiKeys.Made made) {
        Json.ObjBuilder obj = Json.object();
        json(made.issued()).members().forEach(obj::put);
        return obj.put("key", made.key().reveal()).build();
    }

    private static Json.Obj json(IssuedKey key) {
        Json.ObjBuilder obj = Json.object()
                .put("id", key.id().toString())
                .put("name", key.name().value())
                .put("role", key.role().apiName())
                .put("createdAt", key.createdAt().toString());
        key.createdBy().ifPresent(by -> obj.put("createdBy", by.toString()));
        key.revokedAt().ifPresent(at -> obj.put("revokedAt", at.toString()));
        return obj.build();
    }

    /** The shape of a page of {@code item}s. */
    static Shape page(Shape item, String description) {
        return object(description,
                required("items", Shape.list(item, 0, Call.MAX_LIMIT, "This page's items.")),
                optional("next", text(1, 2048, "The link to the next page; absent on the last page.")));
    }
}
