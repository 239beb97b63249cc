package dev.recourse.server.portal;

import dev.recourse.core.FieldError;
import dev.recourse.core.json.Json;
import dev.recourse.server.http.Answer;
import dev.recourse.server.http.Call;
import dev.recourse.server.page.Html;
import dev.recourse.store.projection.PublicRecord;
import dev.recourse.tlog.Parsed;
import dev.recourse.tlog.Verdict;
import dev.recourse.tlog.note.Checkpoint;
import dev.recourse.tlog.note.NoteVerifier;
import dev.recourse.tlog.note.VerifierKeys;
import dev.recourse.tlog.receipt.Receipt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /portal/verify} and {@code POST /portal/verify}: a receipt (c2sp.org/tlog-proof), pasted or uploaded, checked
 * against the log's published key (its checkpoint's signature, and the inclusion proof of the entry it carries), and
 * what that proves and what it does not, in plain words. Checking changes nothing.
 */
public final class VerifyPage {
    /** The largest receipt taken: an entry of a few kilobytes, 63 hashes and a checkpoint with cosignatures. */
    static final int MAX_RECEIPT_CHARS = 64 * 1024;
    private static final String FORM = "<form method=\"post\" action=\"" + PortalFrame.VERIFY + "\" enctype=\"multipart/form-data\""
            + " class=\"box\"><label for=\"receipt\">Paste a receipt</label><textarea id=\"receipt\" name=\"receipt\" rows=\"10\""
            + " spellcheck=\"false\" placeholder=\"c2sp.org/tlog-proof@v1&#10;extra ...&#10;index ...\"></textarea>"
            + "<label for=\"file\">or upload its file (.tlog-proof)</label><input type=\"file\" id=\"file\" name=\"file\""
            + " accept=\".tlog-proof,text/plain\"><button type=\"submit\" id=\"verify\">Verify</button></form>";

    private final PublicRecord record;
    private final Supplier<String> verifierKey;

    /**
     * The page over {@code record}.
     *
     * @param verifierKey the log's published verifier key, origin+hex(keyID)+base64(key)
     */
    public VerifyPage(PublicRecord record, Supplier<String> verifierKey) {
        this.record = record;
        this.verifierKey = verifierKey;
    }

    /** {@code GET /portal/verify}: the form. */
    public Answer form(Call call) {
        return PortalFrame.page(200, "Verify a receipt", intro() + FORM);
    }

    /** {@code POST /portal/verify}: the verdict on the receipt sent. */
    public Answer verify(Call call) throws IOException {
        Optional<String> text = call.formFile("file").or(() -> call.formField("receipt"));
        if (text.isEmpty()) {
            return PortalFrame.badRequest("Verify a receipt", List.of(new FieldError("receipt", "is required: paste a receipt or upload its file")));
        }
        if (text.get().length() > MAX_RECEIPT_CHARS) {
            return PortalFrame.badRequest("Verify a receipt", List.of(new FieldError("receipt", "is at most " + MAX_RECEIPT_CHARS
                    + " characters; a receipt is a few kilobytes")));
        }
        // A pasted receipt comes with the browser's line ends (CRLF); the format's are LF.
        String receiptText = text.get().replace("\r\n", "\n").strip() + "\n";
        String key = verifierKey.get();
        NoteVerifier verifier = switch (VerifierKeys.parse(key)) {
            case Parsed.Ok<NoteVerifier> ok -> ok.value();
            case Parsed.Malformed<NoteVerifier> bad -> throw new IllegalStateException("the log's own key does not parse: " + bad.reason());
        };
        StringBuilder b = new StringBuilder();
        switch (Receipt.parse(receiptText)) {
            case Parsed.Malformed<Receipt> bad -> b.append("<div class=\"box\" id=\"verdict\" role=\"status\"><p class=\"bad\"><strong>This is"
                    + " not a receipt.</strong> ").append(Html.text(bad.reason())).append("</p><p>A receipt starts with the line <code>")
                    .append(Receipt.HEADER).append("</code>. Download it again from the decision's page or your notice.</p></div>");
            case Parsed.Ok<Receipt> ok -> verdict(b, ok.value(), ok.value().verify(verifier, Optional.empty()));
        }
        b.append("<h2>Check another</h2>").append(FORM);
        return PortalFrame.page(200, "Verify a receipt", b.toString()).withHeader("Cache-Control", "no-store");
    }

    private void verdict(StringBuilder b, Receipt receipt, Verdict verdict) {
        byte[] entry = receipt.extra().orElse(new byte[0]);
        String entryText = new String(entry, StandardCharsets.UTF_8);
        switch (verdict) {
            case Verdict.Fails fails -> b.append("<div class=\"box\" id=\"verdict\" role=\"status\"><p class=\"bad\"><strong>This receipt"
                    + " does not verify.</strong> ").append(Html.text(fails.reason())).append("</p><p>It proves nothing about this log."
                    + " It may have been altered, or it belongs to another log or key. The key it was checked against is <code>")
                    .append(Html.text(verifierKey.get())).append("</code>.</p></div>");
            case Verdict.Holds ignored -> {
                Checkpoint checkpoint = receipt.checkpoint();
                boolean served = record.entry(receipt.index()).map(e -> Arrays.equals(e, entry)).orElse(false);
                b.append("<div class=\"box\" id=\"verdict\" role=\"status\"><p class=\"ok\"><strong>This receipt verifies.</strong>"
                                + " The entry below is entry <strong>").append(receipt.index()).append("</strong> of the log <code>")
                        .append(Html.text(checkpoint.origin())).append("</code>, inside the tree of ").append(checkpoint.size().value())
                        .append(" entries that the log signed with its published key.</p>")
                        .append(served ? "<p>The log serves the same entry at that position today.</p>"
                                : "<p class=\"bad\">The log does not serve this entry at that position today: keep this receipt,"
                                        + " it is evidence.</p>");
                decisionLink(entryText).ifPresent(b::append);
                b.append("</div><h2>What this proves</h2><ul>"
                        + "<li>This exact entry, byte for byte, was written into the public log at that position, and the log"
                        + " operator signed a checkpoint that includes it.</li>"
                        + "<li>The log is append-only: the entry cannot later be changed or removed without the log contradicting"
                        + " this signed checkpoint, which anyone holding the receipt can show.</li>"
                        + "<li>If you also hold the salt and private record from your notice, the entry's <code>commit</code> binds"
                        + " them: <code>recourse verify</code> checks that offline.</li></ul>"
                        + "<h2>What this does not prove</h2><ul>"
                        + "<li>That the decision was right, lawful or fair: only that it was recorded as shown.</li>"
                        + "<li>That the private details (who was affected, the notice's text) are what you think: the log holds"
                        + " only a salted commitment to them.</li>"
                        + "<li>That everyone sees the same log: for that, compare checkpoints, or rely on witnesses that cosign them.</li>"
                        + "<li>That the platform carried out, or later lifted, the restriction: later entries record those.</li></ul>");
            }
        }
        if (entry.length > 0) {
            b.append("<h2>The entry it carries</h2><pre id=\"entry\">").append(Html.text(entryText)).append("</pre>");
        }
    }

    /** A link to the public record of the decision the entry is about, if it is about one. */
    private static Optional<String> decisionLink(String entry) {
        if (Json.parse(entry).isValid() && Json.parse(entry).orElseThrow() instanceof Json.Obj o
                && o.get("decision") instanceof Json.Str id && id.value().matches("[0-9a-f-]{36}")) {
            return Optional.of("<p><a href=\"" + PortalFrame.DECISIONS + "/" + id.value() + "\">The decision's public record</a></p>");
        }
        return Optional.empty();
    }

    private String intro() {
        return "<p>A receipt is the proof, which anyone can check without asking us, that an entry is in the public log. You"
                + " get one with every notice of a decision, and each decision's page links to its own. Paste it or upload"
                + " its file: it is checked against the log's published key <code>" + Html.text(verifierKey.get())
                + "</code> (also at <a href=\"/log/key\">/log/key</a>). Nothing you send is stored.</p>";
    }
}
