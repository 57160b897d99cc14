package io.tessera.core.orders;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.catalog.Catalog;
import io.tessera.core.catalog.LineItemsJson;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.Expr;
import io.tessera.core.data.Page;
import io.tessera.core.data.PageRequest;
import io.tessera.core.data.Query;
import io.tessera.core.data.TenantItems;
import io.tessera.core.problems.ConflictException;
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
 * The current tenant's stored orders: the one place that writes and reads an order item, from the
 * table and from a stream image alike. It answers what is stored; who may see or change which
 * order is {@link OrderService}'s business. Status changes are conditional on the order's
 * version, so of concurrent changes exactly one wins.
 */
@Singleton
public class Orders {

    static final String PREFIX = "ORDER#";
    private static final String ITEM_TYPE = "ORDER";
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

    /**
     * An order as a stream image carries it, with the tenant it belongs to and the correlation id
     * and W3C {@code traceparent} of the request that wrote it.
     */
    public record Image(String tenantId, Order order, @Nullable String correlationId, @Nullable String traceparent) {
    }

    public Optional<Order> find(String orderId) {
        return items.get(PREFIX + orderId).map(this::toOrder);
    }

    /** The tenant's orders, newest first, optionally of one status. */
    public Page<Order> listOfTenant(@Nullable OrderStatus status, PageRequest page) {
        return list(Query.index(TENANT_INDEX, "ORDERS", "", page), status);
    }

    /** One user's orders, newest first, optionally of one status. */
    public Page<Order> listOfOwner(String ownerId, @Nullable OrderStatus status, PageRequest page) {
        return list(Query.index(OWNER_INDEX, "USER#" + ownerId + "#ORDERS", "", page), status);
    }

    /** Every order of the tenant, for work that reads them all (the analytics rebuild). */
    public List<Order> allOfTenant() {
        return items.queryAll(Query.index(TENANT_INDEX, "ORDERS", "", new PageRequest(PageRequest.MAX_LIMIT, null)))
                .stream().map(this::toOrder).toList();
    }

    /** The order a main-table item or stream image stands for; empty for items that are not orders. */
    public Optional<Image> fromImage(EnhancedDocument image) {
        if (!ITEM_TYPE.equals(image.getString("type"))) {
            return Optional.empty();
        }
        return Optional.of(new Image(TenantItems.tenantOf(image), toOrder(image),
                image.isPresent("correlationId") ? image.getString("correlationId") : null,
                image.isPresent("traceparent") ? image.getString("traceparent") : null));
    }

    /**
     * Moves {@code order}, as read, to {@code target}; cancelling puts the stock back. 409 if the
     * order changed since it was read.
     */
    public Order changeStatus(Order order, OrderStatus target) {
        Instant now = clock.instant();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(items.transactionUpdate(PREFIX + order.orderId(),
                Expr.of("SET #status = :target, previousStatus = :current, version = version + :one, updatedAt = :now, "
                                + "correlationId = :correlationId, traceparent = :traceparent")
                        .name("#status", "status")
                        .value(":target", target.wireName()).value(":current", order.status().wireName())
                        .value(":one", 1).value(":now", now.toString())
                        .value(":correlationId", correlationId())
                        .value(":traceparent", traceparent()),
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
                .putString("type", ITEM_TYPE)
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
                .putString("correlationId", correlationId())
                .putString("traceparent", traceparent())
                .putString("gsi1pk", items.indexPartition("ORDERS"))
                .putString("gsi1sk", listed)
                .putString("gsi2pk", items.indexPartition("USER#" + order.ownerId() + "#ORDERS"))
                .putString("gsi2sk", listed);
        if (order.rejectionReason() != null) {
            document.putString("rejectionReason", order.rejectionReason());
        }
        return items.transactionPut(PREFIX + order.orderId(), document.build(), Expr.of("attribute_not_exists(pk)"));
    }

    private Page<Order> list(Query query, @Nullable OrderStatus status) {
        Query filtered = status == null ? query
                : query.filter(Expr.of("#status = :status").name("#status", "status").value(":status", status.wireName()));
        return items.query(filtered.newestFirst()).map(this::toOrder);
    }

    private Order toOrder(EnhancedDocument document) {
        return new Order(
                document.getString("orderId"),
                document.getString("ownerId"),
                OrderStatus.valueOf(document.getString("status")),
                lineItems.read(document.getJson("lines")),
                document.getNumber("totalMinor").longValue(),
                document.getString("currency"),
                Instant.parse(document.getString("createdAt")),
                Instant.parse(document.getString("updatedAt")),
                document.getNumber("version").longValue(),
                document.isPresent("rejectionReason") ? document.getString("rejectionReason") : null);
    }

    private static String correlationId() {
        return CallContext.current().map(CallContext::correlationId).orElseGet(CallContext::newCorrelationId);
    }

    private static String traceparent() {
        return CallContext.currentTrace().child().traceparent();
    }
}
