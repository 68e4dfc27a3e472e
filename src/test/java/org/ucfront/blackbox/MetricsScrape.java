package org.ucfront.blackbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** One scrape of GET /metrics, as Prometheus reads it: sample (name and labels as written) → value. */
final class MetricsScrape {

    final String text;
    final Map<String, Double> samples = new LinkedHashMap<>();

    private MetricsScrape(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String v = line.substring(space + 1);
            samples.put(line.substring(0, space), v.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(v));
        }
    }

    static HttpResponse<String> get(int httpPort, String user, String password) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics"))
                .timeout(Duration.ofSeconds(10));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static MetricsScrape of(UcfrontServer server) throws IOException, InterruptedException {
        HttpResponse<String> r = get(server.httpPort, "admin", UcfrontServer.ADMIN_PASSWORD);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /metrics: " + r.statusCode() + " " + r.body());
        }
        return new MetricsScrape(r.body());
    }

    /** The sample's value, 0 when absent (a counter never counted). */
    double value(String sample) {
        return samples.getOrDefault(sample, 0.0);
    }

    boolean has(String sample) {
        return samples.containsKey(sample);
    }
}
