// A small Java client of disclosure-service: POST a canonical JSON report to /v1/check, print the findings.
//
//   javac CheckClient.java && java CheckClient http://127.0.0.1:8080 daixian-2020.json
//
// Uses only java.net.http (Java 11+). Set DISCLOSURE_TOKEN when the service requires a bearer token.
// Errors come back as application/problem+json with the same one-line `detail` the CLI prints.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

public class CheckClient {
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java CheckClient BASE_URL REPORT.json");
            System.exit(2);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .uri(URI.create(args[0] + "/v1/check?lang=zh"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of(args[1])));
        String token = System.getenv("DISCLOSURE_TOKEN");
        if (token != null && !token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response =
                client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        System.out.println("HTTP " + response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse(""));
        System.out.println(response.body());
        System.exit(response.statusCode() == 200 ? 0 : 1);
    }
}
