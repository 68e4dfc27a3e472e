package org.ucfront.blackbox;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The admin REST API over real HTTP, as scripts and the console use it. */
public final class AdminClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    public AdminClient(int port, String user, String password) {
        this.base = "http://127.0.0.1:" + port + "/api";
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static AdminClient of(UcfrontServer server) {
        return new AdminClient(server.httpPort, "admin", UcfrontServer.ADMIN_PASSWORD);
    }

    public HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET /metrics (Prometheus text), beside the API. */
    public String metrics() throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base.replace("/api", "/metrics")))
                .timeout(Duration.ofSeconds(10)).header("Authorization", authorization).GET().build();
        return http.send(r, HttpResponse.BodyHandlers.ofString()).body();
    }

    public void createUser(String uri, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = send("POST", "/users",
                "{\"uri\":\"" + uri + "\",\"displayName\":\"" + uri + "\",\"password\":\"" + password + "\"}");
        if (r.statusCode() != 201) {
            throw new IllegalStateException("creating " + uri + ": " + r.statusCode() + " " + r.body());
        }
    }

    public HttpResponse<String> patchUser(String uri, String json) throws IOException, InterruptedException {
        return send("PATCH", "/users/" + URLEncoder.encode(uri, StandardCharsets.UTF_8), json);
    }

    /** The user's registrations as the JSON text the API returns. */
    public String registrations(String uri) throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", "/users/" + URLEncoder.encode(uri, StandardCharsets.UTF_8)
                + "/registrations", null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("registrations of " + uri + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
