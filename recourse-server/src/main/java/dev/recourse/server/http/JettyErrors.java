package dev.recourse.server.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers what Jetty refuses before Javalin sees the request (a URL that does not decode, a header section too large,
 * an HTTP version it does not speak, a body over the limit while it is read) as problem+json, like every other
 * problem, instead of Jetty's HTML error page.
 */
final class JettyErrors extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object message = request.getAttribute(ERROR_MESSAGE);
        Problem problem = Problems.refusal(response.getStatus(), message == null ? null : message.toString(), null);
        Answer answer = problem.answer(instance(request));
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
        return true;
    }

    /** The request's path, if it is one that decoded; the root otherwise. */
    private static String instance(Request request) {
        try {
            String path = request.getHttpURI().getPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (RuntimeException e) {
            return "/";
        }
    }
}
