package io.tessera.core.orders;

import io.tessera.core.basket.Baskets;
import io.tessera.core.catalog.Catalog;
import io.tessera.core.catalog.LineItem;
import io.tessera.core.catalog.PricedLines;
import io.tessera.core.catalog.ProductQuantity;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.Expr;
import io.tessera.core.data.TenantItems;
import io.tessera.core.events.CheckoutRequested;
import io.tessera.core.problems.ConflictException;
import io.tessera.core.problems.UnprocessableException;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Turns wanted products into orders. Stock for every line is reserved in the same DynamoDB
 * transaction that writes the order, with a condition per line, so stock never goes negative and
 * a short line leaves no stock reserved. Replays are harmless: a checkout's order has the
 * checkout's id, a direct order is remembered under its idempotency key.
 */
@Singleton
public class OrderPlacement {

    private static final String IDEMPOTENCY_PREFIX = "IDEMPOTENCY#";
    private static final Duration IDEMPOTENCY_TTL = Duration.ofHours(24);
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private final TenantItems items;
    private final Orders orders;
    private final Catalog catalog;
    private final Baskets baskets;
    private final Clock clock;

    OrderPlacement(TenantItems items, Orders orders, Catalog catalog, Baskets baskets, Clock clock) {
        this.items = items;
        this.orders = orders;
        this.catalog = catalog;
        this.baskets = baskets;
        this.clock = clock;
    }

    /**
     * The order creator's work: PLACED with stock reserved and the basket gone, or REJECTED with
     * the reason and the basket unlocked. Delivering the same checkout again returns its order.
     */
    public Order placeFromCheckout(CheckoutRequested checkout) {
        Instant now = clock.instant();
        Order placed = new Order(checkout.checkoutId(), checkout.userId(), OrderStatus.PLACED, checkout.lines(),
                checkout.totalMinor(), checkout.currency(), now, now, 1, null);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(orders.create(placed));
        checkout.lines().forEach(line -> writes.add(catalog.reserve(line.productId(), line.quantity())));
        writes.add(baskets.deleteAfterCheckout(checkout.userId()));
        try {
            items.transact(writes);
            return placed;
        } catch (TransactionCanceledException e) {
            if (failed(e, 0)) {
                return orders.find(checkout.checkoutId()).orElseThrow(() -> e);
            }
            LineItem unavailable = shortLine(e, checkout.lines(), 1).orElseThrow(() -> e);
            Order rejected = new Order(checkout.checkoutId(), checkout.userId(), OrderStatus.REJECTED, checkout.lines(),
                    checkout.totalMinor(), checkout.currency(), now, now, 1, outOfStock(unavailable));
            try {
                items.transact(List.of(orders.create(rejected), baskets.unlockAfterRejection(checkout.userId())));
                return rejected;
            } catch (TransactionCanceledException again) {
                return orders.find(checkout.checkoutId()).orElseThrow(() -> again);
            }
        }
    }

    /**
     * {@code POST /orders}: the same key with the same lines returns the same order; the same key
     * with other lines is 422. A short line is 409 and nothing is written.
     */
    public Order placeDirect(String idempotencyKey, List<ProductQuantity> wanted) {
        CallContext caller = CallContext.current().orElseThrow();
        String keySortKey = IDEMPOTENCY_PREFIX + caller.userId() + "#" + idempotencyKey;
        String fingerprint = fingerprint(wanted);
        Optional<Order> replay = replayOf(keySortKey, fingerprint);
        if (replay.isPresent()) {
            return replay.get();
        }
        PricedLines priced = catalog.price(wanted);
        Instant now = clock.instant();
        Order order = new Order(UUID.randomUUID().toString(), caller.userId(), OrderStatus.PLACED, priced.lines(),
                priced.totalMinor(), priced.currency(), now, now, 1, null);
        EnhancedDocument key = TenantItems.document()
                .putString("type", "IDEMPOTENCY_KEY")
                .putString("fingerprint", fingerprint)
                .putString("orderId", order.orderId())
                .putNumber("expiresAt", now.plus(IDEMPOTENCY_TTL).getEpochSecond())
                .build();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(items.transactionPut(keySortKey, key,
                Expr.of("attribute_not_exists(pk) OR expiresAt < :now").value(":now", now.getEpochSecond())));
        writes.add(orders.create(order));
        priced.lines().forEach(line -> writes.add(catalog.reserve(line.productId(), line.quantity())));
        try {
            items.transact(writes);
            return order;
        } catch (TransactionCanceledException e) {
            if (failed(e, 0)) {
                return replayOf(keySortKey, fingerprint).orElseThrow(() -> e);
            }
            LineItem unavailable = shortLine(e, priced.lines(), 2)
                    .orElseThrow(() -> new ConflictException("Other orders for these products are being placed; retry."));
            throw new ConflictException(outOfStock(unavailable));
        }
    }

    /** The order a live key stands for, if the key was used with the same lines; 422 if with others. */
    private Optional<Order> replayOf(String keySortKey, String fingerprint) {
        return items.get(keySortKey)
                .filter(key -> key.getNumber("expiresAt").longValue() >= clock.instant().getEpochSecond())
                .map(key -> {
                    if (!key.getString("fingerprint").equals(fingerprint)) {
                        throw new UnprocessableException("This Idempotency-Key was used for another order.");
                    }
                    return orders.find(key.getString("orderId")).orElseThrow();
                });
    }

    private static boolean failed(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return reasons.size() > index && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    /** The first line whose reservation failed, given that line {@code i} is write {@code firstLine + i}. */
    private static Optional<LineItem> shortLine(TransactionCanceledException e, List<LineItem> lines, int firstLine) {
        for (int i = 0; i < lines.size(); i++) {
            if (failed(e, firstLine + i)) {
                return Optional.of(lines.get(i));
            }
        }
        return Optional.empty();
    }

    private static String outOfStock(LineItem line) {
        return "Out of stock: " + line.quantity() + " x " + line.productId() + " (" + line.name() + ") could not be reserved.";
    }

    /** The wanted lines, merged and sorted, hashed: what an idempotent replay must repeat. */
    private static String fingerprint(List<ProductQuantity> wanted) {
        TreeMap<String, Integer> merged = new TreeMap<>();
        wanted.forEach(line -> merged.merge(line.productId(), line.quantity(), Integer::sum));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(merged.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
