package dev.arbiter.server.service;

import dev.arbiter.server.Blocking;
import dev.arbiter.server.audit.Micros;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.engine.Directory;
import dev.arbiter.server.engine.PolicySet;
import dev.arbiter.server.engine.Principal;
import dev.arbiter.server.engine.RequestMap;
import dev.arbiter.server.engine.Resource;
import dev.arbiter.server.engine.ResourceKey;
import dev.arbiter.server.engine.ShardedMap;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * AuthZEN search: enumerates the directory (subjects of a type; resources of the service of a
 * kind; principals without a type count as of any type) or the action names the service's rules
 * name literally, and answers the candidates the
 * policies allow, deciding each in memory on one snapshot. Pages are bounded in results and in
 * candidates examined; the opaque token says where to go on. Search decisions are not logged:
 * they are a listing, not a request to do something.
 */
public final class SearchService {

    /** Candidates examined for one page at most; a page may come back short with a token to go on. */
    static final int MAX_EXAMINED = 50_000;

    private final DecisionEngine engine;
    private final Blocking blocking;

    public SearchService(DecisionEngine engine, Blocking blocking) {
        this.engine = engine;
        this.blocking = blocking;
    }

    /** One page of the search, found on a worker: a page decides up to {@link #MAX_EXAMINED} candidates. */
    public Future<SearchResult> search(SearchQuery query) {
        return blocking.run(() -> page(query));
    }

    private SearchResult page(SearchQuery query) {
        PolicySet snapshot = engine.policies();
        SearchTokens.Position from = SearchTokens.read(query);
        long now = Micros.now();
        Page page = new Page(query.limit());
        return switch (query.target()) {
            case SUBJECT -> subjects(query, snapshot.directory(), from, now, page);
            case RESOURCE -> resources(query, snapshot.directory(), from, now, page);
            case ACTION -> actions(query, snapshot, from, now, page);
        };
    }

    private SearchResult subjects(SearchQuery query, Directory directory, SearchTokens.Position from, long now,
            Page page) {
        CheckRequest template = query.template();
        ShardedMap.Position<String> stop = directory.walkPrincipals(from == null ? null : from.principal(), entry -> {
            if (entry.type().equals(query.type()) || entry.type().isEmpty()) {
                Principal candidate = new Principal(entry.id(), query.type(), List.of(), RequestMap.empty());
                page.consider(allowed(new CheckRequest(candidate, template.action(), template.resource(),
                        template.context(), template.actionAttr(), 0), now), query.type(), entry.id());
            }
            return page.open();
        });
        return page.result(stop == null ? "" : SearchTokens.principal(query, stop));
    }

    private SearchResult resources(SearchQuery query, Directory directory, SearchTokens.Position from, long now,
            Page page) {
        CheckRequest template = query.template();
        String service = template.resource().service();
        ShardedMap.Position<ResourceKey> stop = directory.walkResources(
                from == null ? null : from.resource(), entry -> {
                    if (entry.service().equals(service) && entry.kind().equals(query.type())) {
                        Resource candidate = new Resource(service, entry.kind(), entry.id(), RequestMap.empty());
                        page.consider(allowed(new CheckRequest(template.principal(), template.action(), candidate,
                                template.context(), template.actionAttr(), 0), now), entry.kind(), entry.id());
                    }
                    return page.open();
                });
        return page.result(stop == null ? "" : SearchTokens.resource(query, stop));
    }

    private SearchResult actions(SearchQuery query, PolicySet snapshot, SearchTokens.Position from, long now,
            Page page) {
        CheckRequest template = query.template();
        List<String> actions = new ArrayList<>(snapshot.literalActions(template.resource().service()));
        int start = from == null ? 0 : from.action() + 1;
        for (int i = start; i < actions.size(); i++) {
            page.consider(allowed(new CheckRequest(template.principal(), actions.get(i), template.resource(),
                    template.context(), RequestMap.empty(), 0), now), null, actions.get(i));
            if (!page.open()) {
                return page.result(i + 1 < actions.size() ? SearchTokens.action(query, i) : "");
            }
        }
        return page.result("");
    }

    private boolean allowed(CheckRequest request, long now) {
        return engine.decide(request, now).allow();
    }

    /** The results of one page so far, and whether it may take more. */
    private static final class Page {
        private final int limit;
        private final List<SearchResult.Found> found = new ArrayList<>();
        private int examined;

        Page(int limit) {
            this.limit = limit;
        }

        void consider(boolean allowed, String type, String id) {
            examined++;
            if (allowed) {
                found.add(new SearchResult.Found(type, id));
            }
        }

        boolean open() {
            return found.size() < limit && examined < MAX_EXAMINED;
        }

        SearchResult result(String nextToken) {
            return new SearchResult(found, nextToken);
        }
    }
}
