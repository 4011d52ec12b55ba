package dev.arbiter.client;

import java.net.URI;

/** One Arbiter server the client may call, with its health. */
final class Endpoint {

    private final URI base;
    private final URI check;
    private final URI batch;
    private final URI explain;
    private final URI ready;
    private final URI live;
    private final EndpointHealth health;

    Endpoint(URI base, EndpointHealth health) {
        String root = base.toString().replaceAll("/+$", "");
        this.base = URI.create(root);
        this.check = URI.create(root + "/v1/check");
        this.batch = URI.create(root + "/v1/check/batch");
        this.explain = URI.create(root + "/v1/check?explain=true");
        this.ready = URI.create(root + "/health/ready");
        this.live = URI.create(root + "/health/live");
        this.health = health;
    }

    URI check() {
        return check;
    }

    URI batch() {
        return batch;
    }

    URI explain() {
        return explain;
    }

    URI ready() {
        return ready;
    }

    URI live() {
        return live;
    }

    EndpointHealth health() {
        return health;
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
