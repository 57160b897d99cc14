package io.tessera.core.basket;

import io.tessera.core.catalog.Catalog;
import io.tessera.core.catalog.LineItemsJson;
import io.tessera.core.catalog.PricedLines;
import io.tessera.core.catalog.ProductQuantity;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.Expr;
import io.tessera.core.data.TenantItems;
import io.tessera.core.problems.ConflictException;
import io.tessera.core.problems.UnprocessableException;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The calling user's basket; whose it is comes from the call context. Putting products in
 * snapshots their names and prices. While a checkout runs, the basket is locked.
 */
@Singleton
public class Baskets {

    private static final String PREFIX = "BASKET#";

    private final TenantItems items;
    private final Catalog catalog;
    private final LineItemsJson lineItems;
    private final Clock clock;

    Baskets(TenantItems items, Catalog catalog, LineItemsJson lineItems, Clock clock) {
        this.items = items;
        this.catalog = catalog;
        this.lineItems = lineItems;
        this.clock = clock;
    }

    public Basket current() {
        return items.get(sortKey()).map(this::toBasket).orElse(Basket.empty());
    }

    /** Replaces the lines, priced from the catalog as they are now. */
    public Basket replace(List<ProductQuantity> wanted) {
        PricedLines priced = catalog.price(wanted);
        Basket basket = new Basket(priced.lines(), priced.currency(), priced.totalMinor(), null, clock.instant());
        if (!items.put(sortKey(), toDocument(basket), notCheckingOut())) {
            throw checkoutInProgress();
        }
        return basket;
    }

    public void clear() {
        if (!items.delete(sortKey(), notCheckingOut())) {
            throw checkoutInProgress();
        }
    }

    /**
     * Locks the basket for a checkout and returns it with the checkout's id: a new checkout, or
     * the one already running (publishing its event again is harmless: order creation is
     * idempotent on the checkout id).
     */
    public Basket startCheckout() {
        String checkoutId = UUID.randomUUID().toString();
        return items.update(sortKey(), Expr.of("SET checkoutId = :checkoutId").value(":checkoutId", checkoutId),
                        Expr.of("lineCount > :zero AND attribute_not_exists(checkoutId)").value(":zero", 0))
                .map(this::toBasket)
                .orElseGet(() -> {
                    Basket basket = current();
                    if (basket.checkoutId() == null) {
                        throw new UnprocessableException("The basket is empty.");
                    }
                    return basket;
                });
    }

    /** Unlocks the basket of a checkout that could not be started. */
    public void abandonCheckout(String checkoutId) {
        items.update(sortKey(), Expr.of("REMOVE checkoutId"), checkoutIs(checkoutId));
    }

    /** The basket of {@code userId} goes once its checkout became an order. */
    public TransactWriteItem deleteAfterCheckout(String userId) {
        return items.transactionDelete(PREFIX + userId, null);
    }

    /** The basket of {@code userId} is unlocked, lines kept, once its checkout was rejected. */
    public TransactWriteItem unlockAfterRejection(String userId) {
        return items.transactionUpdate(PREFIX + userId, Expr.of("REMOVE checkoutId"), null);
    }

    private static Expr checkoutIs(String checkoutId) {
        return Expr.of("checkoutId = :checkoutId").value(":checkoutId", checkoutId);
    }

    private static Expr notCheckingOut() {
        return Expr.of("attribute_not_exists(checkoutId)");
    }

    private static ConflictException checkoutInProgress() {
        return new ConflictException("A checkout of this basket is in progress; wait for its order.");
    }

    private static String sortKey() {
        return PREFIX + CallContext.current().map(CallContext::userId)
                .orElseThrow(() -> new IllegalStateException("a basket belongs to a user"));
    }

    private EnhancedDocument toDocument(Basket basket) {
        EnhancedDocument.Builder document = TenantItems.document()
                .putString("type", "BASKET")
                .putJson("lines", lineItems.write(basket.lines()))
                .putNumber("lineCount", basket.lines().size())
                .putNumber("totalMinor", basket.totalMinor())
                .putString("updatedAt", basket.updatedAt().toString());
        if (basket.currency() != null) {
            document.putString("currency", basket.currency());
        }
        return document.build();
    }

    private Basket toBasket(EnhancedDocument document) {
        return new Basket(lineItems.read(document.getJson("lines")), document.getString("currency"),
                document.getNumber("totalMinor").longValue(), document.getString("checkoutId"),
                Instant.parse(document.getString("updatedAt")));
    }
}
