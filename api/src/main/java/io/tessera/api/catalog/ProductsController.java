package io.tessera.api.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.api.preconditions.EntityTags;
import io.tessera.api.problems.Problem;
import io.tessera.api.text.DisplayName;
import io.tessera.api.text.TextLength;
import io.tessera.core.catalog.Catalog;
import io.tessera.core.catalog.Product;
import io.tessera.core.catalog.ProductDraft;
import io.tessera.core.data.Page;
import io.tessera.core.data.PageRequest;
import io.tessera.core.problems.UnprocessableException;
import io.tessera.core.resources.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.Currency;

/** The tenant's catalog: everyone in the tenant reads it, tenant admins write it. */
@Controller("/products")
@Secured({Roles.TENANT_ADMINS, Roles.MEMBERS})
class ProductsController {

    static final String PRODUCT_ID = "[A-Za-z0-9-]{1,64}";

    private final Catalog catalog;

    ProductsController(Catalog catalog) {
        this.catalog = catalog;
    }

    @Serdeable
    record ProductRequest(@DisplayName @TextLength(max = 200) String name,
                          @Nullable @TextLength(max = 2000) String description,
                          @NotNull @Min(0) @Max(1_000_000_000_000L) Long priceMinor,
                          @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
                          @NotNull @Min(0) @Max(1_000_000) Integer stock,
                          @Nullable @Pattern(regexp = PRODUCT_ID) String imageUploadId) {

        /** A well-formed code that names no currency is refused as such (422), not as malformed. */
        ProductDraft draft() {
            if (Currency.getAvailableCurrencies().stream().noneMatch(known -> known.getCurrencyCode().equals(currency))) {
                throw new UnprocessableException("The currency " + currency + " is not an ISO 4217 currency.");
            }
            return new ProductDraft(name.strip(), description, priceMinor, currency, stock, imageUploadId);
        }
    }

    @Get
    Page<Product> list(@QueryValue @Nullable @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
                       @QueryValue @Nullable @TextLength(max = 2048) String cursor) {
        return catalog.list(PageRequest.of(limit, cursor));
    }

    @Get("/{productId}")
    HttpResponse<Product> get(@PathVariable @Pattern(regexp = PRODUCT_ID) String productId) {
        Product product = catalog.get(productId);
        return EntityTags.tagged(HttpResponse.ok(product), product.version());
    }

    @Post
    @Secured(Roles.TENANT_ADMINS)
    HttpResponse<Product> create(@Body @Valid ProductRequest request) {
        Product product = catalog.create(request.draft());
        return EntityTags.tagged(HttpResponse.created(product), product.version());
    }

    /** Conditional on the version the admin read (If-Match, required): 428 without it, 412 if the product moved on. */
    @Put("/{productId}")
    @Secured(Roles.TENANT_ADMINS)
    HttpResponse<Product> replace(@PathVariable @Pattern(regexp = PRODUCT_ID) String productId,
                                  @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
                                  @Body @Valid ProductRequest request) {
        long readVersion = EntityTags.requiredIfMatch(ifMatch);
        Product product = catalog.replace(productId, request.draft(), readVersion);
        return EntityTags.tagged(HttpResponse.ok(product), product.version());
    }

    @Delete("/{productId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    @Secured(Roles.TENANT_ADMINS)
    HttpResponse<Void> delete(@PathVariable @Pattern(regexp = PRODUCT_ID) String productId,
                              @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        catalog.delete(productId, EntityTags.ifMatch(ifMatch));
        return HttpResponse.noContent();
    }
}
