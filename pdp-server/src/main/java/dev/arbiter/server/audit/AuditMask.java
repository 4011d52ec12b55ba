package dev.arbiter.server.audit;

import dev.arbiter.server.check.CheckMask;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Attribute paths whose values the decision log stores as {@value CheckMask#MASKED}, e.g.
 * {@code resource.attr.card_number} or {@code context.headers.authorization}.
 *
 * <p>A path starts with {@code principal.attr}, {@code resource.attr}, {@code context} or
 * {@code actionAttr} and
 * continues with keys separated by dots; {@code *} stands for any key. Keys match regardless of
 * case (over-masking is harmless, a missed secret is not). Lists are transparent: a path masks
 * the key in every object of a list it passes through. The identity fields (principal id and
 * roles, action, resource service, kind and id) are the log's subject and cannot be masked.
 */
public final class AuditMask implements CheckMask {

    private static final String ANY = "*";
    private static final List<List<String>> ROOTS = List.of(
            List.of("principal", "attr"), List.of("resource", "attr"), List.of("context"), List.of("actionAttr"));
    public static final AuditMask NONE = new AuditMask(List.of());

    private final List<String> paths;
    private final Node principalAttr;
    private final Node resourceAttr;
    private final Node context;
    private final Node actionAttr;

    private AuditMask(List<String> paths) {
        this.paths = List.copyOf(paths);
        Node root = new Node();
        for (String path : paths) {
            root.add(List.of(path.split("\\.", -1)), 0);
        }
        this.principalAttr = root.at(ROOTS.get(0));
        this.resourceAttr = root.at(ROOTS.get(1));
        this.context = root.at(ROOTS.get(2));
        this.actionAttr = root.at(ROOTS.get(3));
    }

    /** Validates and compiles {@code paths}. */
    public static AuditMask of(List<String> paths) {
        for (String path : paths) {
            validate(path);
        }
        return paths.isEmpty() ? NONE : new AuditMask(paths);
    }

    private static void validate(String path) {
        String[] segments = path.split("\\.", -1);
        for (String segment : segments) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("ARBITER_AUDIT_MASK: '" + path + "' has an empty key");
            }
        }
        for (List<String> root : ROOTS) {
            if (segments.length >= root.size() && List.of(segments).subList(0, root.size()).equals(root)) {
                return;
            }
        }
        throw new IllegalArgumentException("ARBITER_AUDIT_MASK: '" + path + "' is not an attribute path; paths start"
                + " with principal.attr, resource.attr, context or actionAttr (e.g. resource.attr.card_number)");
    }

    public List<String> paths() {
        return paths;
    }

    @Override
    public Node principalAttr() {
        return principalAttr;
    }

    @Override
    public Node resourceAttr() {
        return resourceAttr;
    }

    @Override
    public Node context() {
        return context;
    }

    @Override
    public Node actionAttr() {
        return actionAttr;
    }

    /** A position in the tree of masked paths. */
    public static final class Node implements CheckMask.Position {

        private final Map<String, Node> children = new HashMap<>();
        private Node any;
        private boolean masked;

        @Override
        public boolean masked() {
            return masked;
        }

        @Override
        public Node child(String key) {
            Node exact = children.isEmpty() ? null : children.get(key.toLowerCase(Locale.ROOT));
            if (any == null) {
                return exact;
            }
            return exact == null ? any : union(exact, any);
        }

        private void add(List<String> segments, int index) {
            if (index == segments.size()) {
                masked = true;
                return;
            }
            String segment = segments.get(index);
            Node next = ANY.equals(segment)
                    ? (any == null ? any = new Node() : any)
                    : children.computeIfAbsent(segment.toLowerCase(Locale.ROOT), key -> new Node());
            next.add(segments, index + 1);
        }

        private Node at(List<String> keys) {
            Node node = this;
            for (String key : keys) {
                node = node == null ? null : node.child(key);
            }
            return node;
        }

        /** Both a key and the wildcard lead somewhere: everything either masks is masked. */
        private static Node union(Node a, Node b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            Node union = new Node();
            union.masked = a.masked || b.masked;
            union.children.putAll(a.children);
            b.children.forEach((key, node) -> union.children.merge(key, node, Node::union));
            union.any = union(a.any, b.any);
            return union;
        }
    }
}
