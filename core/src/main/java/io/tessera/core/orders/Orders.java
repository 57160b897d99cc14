package io.tessera.core.orders;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.catalog.Catalog;
import io.tessera.core.catalog.LineItem;
import io.tessera.core.catalog.LineItemsJson;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.Expr;
import io.tessera.core.data.Page;
import io.tessera.core.data.PageRequest;
import io.tessera.core.data.Query;
import io.tessera.core.data.TenantItems;
import io.tessera.core.problems.ConflictException;
import io.tessera.core.problems.ForbiddenException;
import io.tessera.core.problems.NotFoundException;
import io.tessera.core.resources.Roles;
import io.tessera.core.resources.TesseraResources;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The current tenant's orders as the caller may see them: tenant admins every order, members
 * their own (another member's order is 404, like a missing one). Status changes are conditional
 * on the order's version, so of concurrent requests exactly one wins.
 */
@Singleton
public class Orders {

    static final String PREFIX = "ORDER#";
    private static final TesseraResources.Index TENANT_INDEX = TesseraResources.MAIN_TABLE.indexes().get(0);
    private static final TesseraResources.Index OWNER_INDEX = TesseraResources.MAIN_TABLE.indexes().get(1);

    private final TenantItems items;
    private final Catalog catalog;
    private final LineItemsJson lineItems;
    private final Clock clock;

    Orders(TenantItems items, Catalog catalog, LineItemsJson lineItems, Clock clock) {
        this.items = items;
        this.catalog = catalog;
        this.lineItems = lineItems;
        this.clock = clock;
    }

    public Order get(String orderId) {
        return find(orderId).filter(Orders::visibleToCaller)
                .orElseThrow(() -> new NotFoundException("There is no order " + orderId + "."));
    }

    /** Regardless of who asks: for system work (the order creator) only. */
    Optional<Order> find(String orderId) {
        return items.get(PREFIX + orderId).map(this::toOrder);
    }

    public Page<Order> list(@Nullable OrderStatus status, PageRequest page) {
        CallContext caller = caller();
        Query query = caller.hasRole(Roles.TENANT_ADMINS)
                ? Query.index(TENANT_INDEX, "ORDERS", "", page)
                : Query.index(OWNER_INDEX, "USER#" + caller.userId() + "#ORDERS", "", page);
        if (status != null) {
            query = query.filter(Expr.of("#status = :status").name("#status", "status").value(":status", status.wireName()));
        }
        return items.query(query.newestFirst()).map(this::toOrder);
    }

    /** Every order of the tenant, for system work that reads them all (analytics rebuild); no caller's view applies. */
    public List<Order> allOfTenant() {
        return items.queryAll(Query.index(TENANT_INDEX, "ORDERS", "", new PageRequest(PageRequest.MAX_LIMIT, null)))
                .stream().map(this::toOrder).toList();
    }

    /**
     * Moves an order to {@code target}. Illegal transitions are 409; members may only cancel
     * their own PLACED orders (403 otherwise). Cancelling puts the stock back.
     */
    public Order transition(String orderId, OrderStatus target) {
        Order order = get(orderId);
        if (!order.status().canMoveTo(target)) {
            throw new ConflictException("An order that is " + order.status().wireName() + " cannot become " + target.wireName() + ".");
        }
        boolean admin = caller().hasRole(Roles.TENANT_ADMINS);
        if (!admin && !(target == OrderStatus.CANCELLED && order.status() == OrderStatus.PLACED)) {
            throw new ForbiddenException("Members may only cancel their own orders while they are PLACED.");
        }
        Instant now = clock.instant();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(items.transactionUpdate(PREFIX + orderId,
                Expr.of("SET #status = :target, previousStatus = :current, version = version + :one, updatedAt = :now, "
                                + "correlationId = :correlationId")
                        .name("#status", "status")
                        .value(":target", target.wireName()).value(":current", order.status().wireName())
                        .value(":one", 1).value(":now", now.toString())
                        .value(":correlationId", caller().correlationId()),
                Expr.of("version = :version").value(":version", order.version())));
        if (target == OrderStatus.CANCELLED) {
            order.lines().stream()
                    .filter(line -> catalog.find(line.productId()).isPresent())
                    .forEach(line -> writes.add(catalog.release(line.productId(), line.quantity())));
        }
        try {
            items.transact(writes);
        } catch (TransactionCanceledException e) {
            throw new ConflictException("The order changed meanwhile; read it again.");
        }
        return new Order(order.orderId(), order.ownerId(), target, order.lines(), order.totalMinor(), order.currency(),
                order.createdAt(), now, order.version() + 1, order.rejectionReason());
    }

    /** Writes a new order, in a transaction, unless one with its id exists. */
    TransactWriteItem create(Order order) {
        String listed = order.createdAt() + "#" + order.orderId();
        EnhancedDocument.Builder document = TenantItems.document()
                .putString("type", "ORDER")
                .putString("orderId", order.orderId())
                .putString("ownerId", order.ownerId())
                .putString("status", order.status().wireName())
                .putJson("lines", lineItems.write(order.lines()))
                .putNumber("totalMinor", order.totalMinor())
                .putString("currency", order.currency())
                .putString("createdAt", order.createdAt().toString())
                .putString("updatedAt", order.updatedAt().toString())
                .putNumber("version", order.version())
                // The stream record of this write carries it on to the order events and pushes.
                .putString("correlationId", caller().correlationId())
                .putString("gsi1pk", items.indexPartition("ORDERS"))
                .putString("gsi1sk", listed)
                .putString("gsi2pk", items.indexPartition("USER#" + order.ownerId() + "#ORDERS"))
                .putString("gsi2sk", listed);
        if (order.rejectionReason() != null) {
            document.putString("rejectionReason", order.rejectionReason());
        }
        return items.transactionPut(PREFIX + order.orderId(), document.build(), Expr.of("attribute_not_exists(pk)"));
    }

    private Order toOrder(EnhancedDocument document) {
        List<LineItem> lines = lineItems.read(document.getJson("lines"));
        return new Order(
                document.getString("orderId"),
                document.getString("ownerId"),
                OrderStatus.valueOf(document.getString("status")),
                lines,
                document.getNumber("totalMinor").longValue(),
                document.getString("currency"),
                Instant.parse(document.getString("createdAt")),
                Instant.parse(document.getString("updatedAt")),
                document.getNumber("version").longValue(),
                document.getString("rejectionReason"));
    }

    private static boolean visibleToCaller(Order order) {
        CallContext caller = caller();
        return caller.hasRole(Roles.TENANT_ADMINS) || order.ownerId().equals(caller.userId());
    }

    private static CallContext caller() {
        return CallContext.current().orElseThrow(() -> new IllegalStateException("orders are read on behalf of a caller"));
    }
}
