package io.tessera.core.catalog;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.data.Expr;
import io.tessera.core.data.Page;
import io.tessera.core.data.PageRequest;
import io.tessera.core.data.Query;
import io.tessera.core.data.TenantItems;
import io.tessera.core.problems.NotFoundException;
import io.tessera.core.problems.PreconditionFailedException;
import io.tessera.core.problems.ProblemException;
import io.tessera.core.problems.UnprocessableException;
import io.tessera.core.uploads.UploadStatus;
import io.tessera.core.uploads.Uploads;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The current tenant's products. Every write increments the product's version, reservations and
 * releases of stock included, and a tenant admin's replacement or removal is conditional on the
 * version the admin read: a form read before an order can never put back the stock the order took.
 */
@Singleton
public class Catalog {

    static final String PREFIX = "PRODUCT#";

    private final TenantItems items;
    private final Uploads uploads;
    private final Clock clock;

    Catalog(TenantItems items, Uploads uploads, Clock clock) {
        this.items = items;
        this.uploads = uploads;
        this.clock = clock;
    }

    public Product create(ProductDraft draft) {
        checkImage(draft);
        Instant now = clock.instant();
        Product product = new Product(UUID.randomUUID().toString(), draft.name(), draft.description(), draft.priceMinor(),
                draft.currency(), draft.stock(), draft.imageUploadId(), now, now, 1);
        items.put(PREFIX + product.productId(), toDocument(product), Expr.of("attribute_not_exists(pk)"));
        return product;
    }

    public Optional<Product> find(String productId) {
        return items.get(PREFIX + productId).map(Catalog::toProduct);
    }

    public Product get(String productId) {
        return find(productId).orElseThrow(() -> notFound(productId));
    }

    public Page<Product> list(PageRequest page) {
        return items.query(Query.table(PREFIX, page)).map(Catalog::toProduct);
    }

    /**
     * Replaces everything a tenant admin writes, stock included, if the product is still at
     * {@code readVersion}: 412 if it changed since (an order reserved stock, another admin saved),
     * 404 if it is gone.
     */
    public Product replace(String productId, ProductDraft draft, long readVersion) {
        Product existing = get(productId);
        checkImage(draft);
        Product replaced = new Product(productId, draft.name(), draft.description(), draft.priceMinor(), draft.currency(),
                draft.stock(), draft.imageUploadId(), existing.createdAt(), clock.instant(), readVersion + 1);
        if (!items.put(PREFIX + productId, toDocument(replaced), atVersion(readVersion))) {
            throw staleOrGone(productId);
        }
        return replaced;
    }

    /** Removes the product, if it is still at {@code readVersion} when one is given (412 otherwise). */
    public void delete(String productId, OptionalLong readVersion) {
        Expr condition = readVersion.isPresent() ? atVersion(readVersion.getAsLong()) : Expr.of("attribute_exists(pk)");
        if (!items.delete(PREFIX + productId, condition)) {
            throw staleOrGone(productId);
        }
    }

    private static Expr atVersion(long version) {
        return Expr.of("attribute_exists(pk) AND version = :readVersion").value(":readVersion", version);
    }

    private ProblemException staleOrGone(String productId) {
        return find(productId).<ProblemException>map(current -> new PreconditionFailedException("The product changed since you read it"
                + " (it is at version " + current.version() + "); read it again and reapply your change.")).orElseGet(() -> notFound(productId));
    }

    /**
     * Prices what someone wants with the catalog's current names and prices. The same product
     * twice counts once with the quantities added; every product must exist and all must share a
     * currency (422 otherwise).
     */
    public PricedLines price(List<ProductQuantity> wanted) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        wanted.forEach(line -> quantities.merge(line.productId(), line.quantity(), Integer::sum));
        List<LineItem> lines = new ArrayList<>();
        String currency = null;
        for (Map.Entry<String, Integer> line : quantities.entrySet()) {
            Product product = find(line.getKey())
                    .orElseThrow(() -> new UnprocessableException("There is no product " + line.getKey() + "."));
            if (currency != null && !currency.equals(product.currency())) {
                throw new UnprocessableException("All lines must share one currency; " + product.productId()
                        + " is priced in " + product.currency() + ", the others in " + currency + ".");
            }
            currency = product.currency();
            lines.add(new LineItem(product.productId(), product.name(), line.getValue(), product.priceMinor()));
        }
        return new PricedLines(lines, currency, lines.stream().mapToLong(LineItem::totalMinor).sum());
    }

    /** Takes {@code quantity} units, in a transaction, only if that many are in stock. */
    public TransactWriteItem reserve(String productId, int quantity) {
        return items.transactionUpdate(PREFIX + productId,
                Expr.of("SET stock = stock - :quantity, version = version + :one").value(":quantity", quantity).value(":one", 1),
                Expr.of("stock >= :quantity").value(":quantity", quantity));
    }

    /** Puts {@code quantity} units back, in a transaction, if the product still exists. */
    public TransactWriteItem release(String productId, int quantity) {
        return items.transactionUpdate(PREFIX + productId,
                Expr.of("SET stock = stock + :quantity, version = version + :one").value(":quantity", quantity).value(":one", 1),
                Expr.of("attribute_exists(pk)"));
    }

    /** A product's image is an uploaded image of the same tenant. */
    private void checkImage(ProductDraft draft) {
        if (draft.imageUploadId() == null) {
            return;
        }
        boolean usable = uploads.find(draft.imageUploadId())
                .filter(upload -> upload.status() == UploadStatus.UPLOADED && upload.contentType().startsWith("image/"))
                .isPresent();
        if (!usable) {
            throw new UnprocessableException("imageUploadId must be an uploaded image of this tenant.");
        }
    }

    private static NotFoundException notFound(String productId) {
        return new NotFoundException("There is no product " + productId + ".");
    }

    private static EnhancedDocument toDocument(Product product) {
        EnhancedDocument.Builder document = TenantItems.document()
                .putString("type", "PRODUCT")
                .putString("productId", product.productId())
                .putString("name", product.name())
                .putNumber("priceMinor", product.priceMinor())
                .putString("currency", product.currency())
                .putNumber("stock", product.stock())
                .putString("createdAt", product.createdAt().toString())
                .putString("updatedAt", product.updatedAt().toString())
                .putNumber("version", product.version());
        if (product.description() != null) {
            document.putString("description", product.description());
        }
        if (product.imageUploadId() != null) {
            document.putString("imageUploadId", product.imageUploadId());
        }
        return document.build();
    }

    static Product toProduct(EnhancedDocument document) {
        return new Product(
                document.getString("productId"),
                document.getString("name"),
                optionalString(document, "description"),
                document.getNumber("priceMinor").longValue(),
                document.getString("currency"),
                document.getNumber("stock").intValue(),
                optionalString(document, "imageUploadId"),
                Instant.parse(document.getString("createdAt")),
                Instant.parse(document.getString("updatedAt")),
                document.getNumber("version").longValue());
    }

    @Nullable
    private static String optionalString(EnhancedDocument document, String name) {
        return document.isPresent(name) ? document.getString(name) : null;
    }
}
