package dev.arbiter.client;

import java.util.EnumSet;
import java.util.List;

/** API key management (role {@code admin}). */
public final class KeyAdmin {

    private final AdminHttp http;

    KeyAdmin(AdminHttp http) {
        this.http = http;
    }

    /** Creates a key; its token is in the answer and nowhere else, ever. */
    public CreatedKey create(String name, KeyRole role, KeyRole... more) {
        return create(name, null, EnumSet.of(role, more));
    }

    /**
     * Creates a key that works only over mutual TLS, from a client whose certificate carries
     * {@code identity} as its URI SAN (e.g. {@code spiffe://acme.prod/ns/shop/sa/checkout}); a
     * server that does not ask for client certificates refuses it (422).
     */
    public CreatedKey createBound(String name, String identity, KeyRole role, KeyRole... more) {
        return create(name, Checks.requireText(identity, "identity"), EnumSet.of(role, more));
    }

    private CreatedKey create(String name, String identity, EnumSet<KeyRole> roles) {
        Exchange.Answered answered = http.send("POST", "/v1/keys", AdminJson.newKey(name, roles, identity));
        return AdminHttp.decode(answered, body -> {
            JsonObject json = JsonObject.parse(body);
            return new CreatedKey(AdminJson.key(json), json.string("token"));
        });
    }

    /** Every key, without tokens. */
    public List<ApiKey> list() {
        return AdminHttp.decode(http.send("GET", "/v1/keys", null), AdminJson::keys);
    }

    /** Revokes the key on every server; 404 when there is none. */
    public void delete(String name) {
        http.send("DELETE", "/v1/keys/" + AdminHttp.encode(Checks.requireText(name, "key name")), null);
    }
}
